#!/bin/sh
# End-to-end: presentation mode of the real window under Xvfb (a 1600x1000 screen, a 1280x800
# window), driven with the keys a presenter's clicker sends (PageDown = Next, PageUp = Prior, b,
# Escape).
#   1. --present, Next, Next        -> full screen, scene 3
#   2. --present, Next, Next, Prior -> scene 2
#   3. --present, b                 -> the screen is blanked
#   4. --present, Escape            -> presentation left, the story stopped, the window back at
#                                      1280x800 with its panels on screen
#   5. --present, Next, settled     -> the camera has glided to scene 2's view (Zhanaozen,
#                                      53.5 E 44.0 N in assets/stories/week.json), centred in the
#                                      map beside the caption
#   6. no --present, F11            -> presenting the bundled story from its first scene
set -eu
QANTAR=$1
here=$(cd "$(dirname "$0")" && pwd)
QANTAR_TEST_SCREEN=1600x1000
export QANTAR_TEST_SCREEN
. "$here/gui_common.sh"

full='s["layout"]["window_size"] == [1600, 1000]'
session start "--present" "wait:$full"
session next2 "--present" "wait:$full" key:Next 'wait:v["scene"] == 2' key:Next 'wait:v["scene"] == 3'
session prior "--present" "wait:$full" key:Next key:Next 'wait:v["scene"] == 3' key:Prior 'wait:v["scene"] == 2'
session blank "--present" "wait:$full" key:b 'wait:v["blank"]'
session escape "--present" "wait:$full" key:Escape \
    'wait:not v["presenting"] and s["layout"]["window_size"] == [1280, 800] and item("Play", "Timeline")'
session glide "--present" "wait:$full" key:Next 'wait:v["scene"] == 2 and s["settled"]'
session f11 "" key:F11 "wait:v[\"presenting\"] and $full"

python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
v = {n: json.load(open(f"{w}/{n}.json")) for n in ("start", "next2", "prior", "blank", "escape", "glide", "f11")}
fails = []
def expect(name, key, want):
    if v[name].get(key) != want:
        fails.append(f"{name}: expected {key} = {json.dumps(want)}, got {json.dumps(v[name].get(key))}")
expect("start", "presenting", True)
expect("start", "scene", 1)
expect("next2", "scene", 3)
expect("prior", "scene", 2)
expect("blank", "blank", True)
expect("escape", "presenting", False)
expect("escape", "scene", 0)
expect("glide", "scene", 2)
expect("f11", "presenting", True)
expect("f11", "scene", 1)
g = v["glide"]
if abs(g["framed_lon"] - 53.5) > 0.3 or abs(g["framed_lat"] - 44.0) > 0.3:
    fails.append(f"glide: once settled the map beside the caption should be centred near 53.5 E 44.0 N "
                 f"(Zhanaozen), got {g['framed_lon']:.3f} E {g['framed_lat']:.3f} N")
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
echo "PASS"
