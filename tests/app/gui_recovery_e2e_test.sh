#!/bin/sh
# End-to-end: nothing the user made is lost when qantar is killed, even with a second window open.
#   0. a second, idle window runs the whole time, sharing the settings directory
#   1. add a scene to the story (Ctrl+N), wait for the autosave, kill -9
#      -> the window's own autosave holds the story with the new scene (9 scenes)
#   2. the idle window goes on through several autosave periods
#      -> the killed window's work is still there (the idle one never touches it), and no
#         temporary file is left
#   3. start again with the same settings directory
#      -> qantar offers the unsaved work back, and exits cleanly
set -eu
QANTAR=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/gui_common.sh"
QANTAR_CONFIG_DIR="$work/config"
QANTAR_AUTOSAVE_SECONDS=0.5
export QANTAR_CONFIG_DIR QANTAR_AUTOSAVE_SECONDS
mkdir -p "$QANTAR_CONFIG_DIR"
state() { python3 "$here/gui_state.py" "$@"; }

# 0. The idle window, in an X server of its own.
next_xvfb_display
xvfb-run -a -n "$xvfb_display" -s "-screen 0 1280x800x24" sh -c 'echo $$ > "$1"; exec "$2" --window 1280x800 --state-file "$3"' \
    idle "$work/idle.pid" "$QANTAR" "$work/idle.state" > "$work/idle.out" 2> "$work/idle.err" &
idle_runner=$!
stop_idle() { [ -f "$work/idle.pid" ] && kill -TERM "$(cat "$work/idle.pid")" 2>/dev/null; wait $idle_runner 2>/dev/null || true; }
state wait "$work/idle.state" 's["settled"]' || { echo "FAIL: the idle window did not start"; cat "$work/idle.err"; stop_idle; exit 1; }

# 1. The editing window, killed once its work is autosaved.
xrun "$work/killed.json" sh "$here/gui_session.sh" "$QANTAR" "$work/killed.json" "" key:ctrl+n \
    'wait:v["story_edited"] and v["story_scenes"] == 9' 'wait:v["autosave_rounds"] > 0 and exists(v["autosave_path"])' kill9 \
    || { echo "FAIL: the first session did not run"; cat "$work/killed.json.err" 2>/dev/null; stop_idle; exit 1; }
[ "$(cat "$work/killed.json.exit")" = 137 ] || { echo "FAIL: qantar was not killed (exit $(cat "$work/killed.json.exit"))"; stop_idle; exit 1; }
autosave=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["view"]["autosave_path"])' "$work/killed.json.state")

# 2. Three more autosave periods of the idle window.
rounds=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["view"]["autosave_rounds"])' "$work/idle.state")
state wait "$work/idle.state" "v['autosave_rounds'] >= $rounds + 3" \
    || { echo "FAIL: the idle window stopped"; stop_idle; exit 1; }
stop_idle
[ -f "$autosave" ] || { echo "FAIL: the killed window's autosave $autosave is gone (the idle window removed it?)"; ls -la "$QANTAR_CONFIG_DIR"/*; exit 1; }
if find "$QANTAR_CONFIG_DIR" -name '*qantar-tmp*' -o -name '*.tmp-*' | grep -q .; then
    echo "FAIL: a temporary file was left behind"; find "$QANTAR_CONFIG_DIR"; exit 1
fi

# 3. The next start offers the work back.
session restarted "" 'wait:v["recovery_offered"]'

python3 - "$work" "$autosave" <<'PY'
import json, sys
work, autosave = sys.argv[1], sys.argv[2]
fails = []
a = json.load(open(autosave))
scenes = len(a["story"]["scenes"])
if scenes != 9:
    fails.append(f"the autosave should hold the bundled 8 scenes plus the new one, has {scenes}")
if not a.get("original_path", "").endswith("week.json"):
    fails.append(f"the autosave should name the story file it belongs to: {a.get('original_path')}")
r = json.load(open(f"{work}/restarted.json"))
if r.get("recovery_offered") is not True:
    fails.append(f"after the kill, the next start should offer the unsaved work: {r}")
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
echo "PASS"
