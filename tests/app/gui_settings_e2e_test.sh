#!/bin/sh
# End-to-end: hostile settings never stop the window or spread.
#   1. settings asking for a 16384x16384 window -> the window fits the screen, and the size saved
#      back is the window's real one
#   2. settings.json a symbolic link (a dotfile manager's) -> still a link after the run, and the
#      file it points to holds the settings written at exit
#   3. settings.json a FIFO with no writer -> the window starts anyway and says why the settings
#      were not read; the FIFO is still a FIFO
set -eu
QANTAR=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/gui_common.sh"
QANTAR_CONFIG_DIR="$work/config"
export QANTAR_CONFIG_DIR
mkdir -p "$QANTAR_CONFIG_DIR"
settings="$QANTAR_CONFIG_DIR/settings.json"

# 1. An oversized window.
printf '{"version": 1, "window_width": 16384, "window_height": 16384, "theme": "light"}\n' > "$settings"
session huge "" 'wait:s["layout"]["window_size"][0] > 0'
python3 - "$work/huge.json.state" "$settings" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
w, h = s["layout"]["window_size"]
saved = json.load(open(sys.argv[2]))
fails = []
if w > 1280 or h > 800:
    fails.append(f"the window should fit the 1280x800 screen, is {w}x{h}")
if saved["window_width"] > 1280 or saved["window_height"] > 800:
    fails.append(f"the size saved back should be the real one, is {saved['window_width']}x{saved['window_height']}")
if saved["theme"] != "light":
    fails.append("the other settings should be kept")
for f in fails: print("FAIL:", f)
sys.exit(1 if fails else 0)
PY

# 2. A linked settings file.
mkdir -p "$work/dotfiles"
printf '{"version": 1, "theme": "light"}\n' > "$work/dotfiles/settings.json"
rm -f "$settings"
ln -s "$work/dotfiles/settings.json" "$settings"
session linked "" 'wait:v["theme"] == "light"'
[ -L "$settings" ] || { echo "FAIL: settings.json is no longer a symbolic link"; ls -la "$QANTAR_CONFIG_DIR"; exit 1; }
grep -q '"window_width"' "$work/dotfiles/settings.json" \
    || { echo "FAIL: the linked file was not written through"; cat "$work/dotfiles/settings.json"; exit 1; }

# 3. A FIFO nobody writes to.
rm -f "$settings"
mkfifo "$settings"
session fifo "" 'wait:s["settled"]'
grep -q "settings.json" "$work/fifo.json.err" || { echo "FAIL: no message names the settings file"; cat "$work/fifo.json.err"; exit 1; }
[ -p "$settings" ] || { echo "FAIL: the FIFO was replaced"; ls -la "$QANTAR_CONFIG_DIR"; exit 1; }
echo "PASS"
