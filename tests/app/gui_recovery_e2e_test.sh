#!/bin/sh
# End-to-end: nothing the user made is lost when qantar is killed.
#   1. add a scene to the story (Ctrl+N), wait for the autosave, kill -9
#      -> the autosave file holds the story with the new scene (9 scenes)
#   2. start again with the same settings directory
#      -> qantar offers the unsaved work back, and exits cleanly
set -eu
QANTAR=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/gui_common.sh"
QANTAR_CONFIG_DIR="$work/config"
QANTAR_AUTOSAVE_SECONDS=0.5
export QANTAR_CONFIG_DIR QANTAR_AUTOSAVE_SECONDS
mkdir -p "$QANTAR_CONFIG_DIR"
autosave="$QANTAR_CONFIG_DIR/autosave-story.json"

xrun "$work/killed.json" sh "$here/gui_session.sh" "$QANTAR" "$work/killed.json" "" key:ctrl+n \
    'wait:v["story_edited"] and v["story_scenes"] == 9' "wait:exists('$autosave')" kill9 \
    || { echo "FAIL: the first session did not run"; cat "$work/killed.json.err" 2>/dev/null; exit 1; }
[ "$(cat "$work/killed.json.exit")" = 137 ] || { echo "FAIL: qantar was not killed (exit $(cat "$work/killed.json.exit"))"; exit 1; }
[ -f "$autosave" ] || { echo "FAIL: no autosave in $QANTAR_CONFIG_DIR"; ls -la "$QANTAR_CONFIG_DIR"; exit 1; }
ls -A "$QANTAR_CONFIG_DIR" | grep -q 'tmp-' && { echo "FAIL: a temporary file was left behind"; exit 1; }

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
