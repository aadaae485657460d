#!/bin/sh
# End-to-end: the real window under Xvfb, driven with xdotool like a user with a mouse and keyboard.
#   1. open and quit (Ctrl+Q)            -> the initial view, exit 0
#   2. drag, wheel, '+', quit            -> the view moved and zoomed, exit 0
#   3. drag, wheel, Home, quit           -> Home restored the initial view, exit 0
#   4. View > Light theme, then SIGTERM  -> exit 0, and the theme is in the settings (nothing lost
#                                           without a Ctrl+Q)
set -eu
QANTAR=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/gui_common.sh"

session initial ""
session moved "" dragmap:-120,80 'wait:v["center_x"] != v0["center_x"]' wheelmap:2 \
    'wait:v["meters_per_pixel"] < v0["meters_per_pixel"] / 1.4' key:plus \
    'wait:v["meters_per_pixel"] < v0["meters_per_pixel"] / 2.1 and s["settled"]'
session home "" dragmap:-120,80 'wait:v["center_x"] != v0["center_x"]' wheelmap:2 \
    'wait:v["meters_per_pixel"] < v0["meters_per_pixel"] / 1.4' key:Home \
    'wait:abs(v["meters_per_pixel"] - v0["meters_per_pixel"]) < 1e-6 * v0["meters_per_pixel"] and s["settled"]'
QANTAR_CONFIG_DIR="$work/config"
export QANTAR_CONFIG_DIR
mkdir -p "$QANTAR_CONFIG_DIR"
session termed "" click:View@MainMenuBar 'wait:item("Light theme (print)", "Menu_00")' \
    'click:Light theme (print)@Menu_00' 'wait:v["theme"] == "light"' term

python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
a, b, c = (json.load(open(f"{w}/{n}.json")) for n in ("initial", "moved", "home"))
fails = []
if not b["meters_per_pixel"] < a["meters_per_pixel"] / 2:
    fails.append(f"wheel and '+' should zoom in more than 2x: {a['meters_per_pixel']} -> {b['meters_per_pixel']}")
if abs(b["center_x"] - a["center_x"]) < 10 * a["meters_per_pixel"]:
    fails.append("the drag should move the view east-west")
if abs(c["meters_per_pixel"] - a["meters_per_pixel"]) > 1e-6 * a["meters_per_pixel"] or \
   abs(c["center_x"] - a["center_x"]) > 1 or abs(c["center_y"] - a["center_y"]) > 1:
    fails.append(f"Home should restore the initial view: {a} vs {c}")
settings = json.load(open(f"{w}/config/settings.json"))
if settings.get("theme") != "light":
    fails.append(f"after SIGTERM the settings should hold the light theme: {settings}")
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
echo "PASS"
