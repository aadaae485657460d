#!/bin/sh
# End-to-end: presentation mode of the real GUI under Xvfb, driven with the keys a presenter's
# clicker sends (PageDown = Next, PageUp = Prior, b, Escape).
#   1. --present, Next, Next        -> presenting, scene 3
#   2. --present, Next, Next, Prior -> scene 2
#   3. --present, b                 -> the screen is blanked
#   4. --present, Escape            -> presentation mode is left
#   5. --present, Next, wait 4 s    -> the camera has glided to scene 2's view (Zhanaozen,
#                                      53.5 E 44.0 N in assets/stories/week.json)
#   6. no --present, F11            -> presenting the bundled story from its first scene
set -eu
QANTAR=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/gui_common.sh"


session start "--present"
session next2 "--present" key:Next key:Next
session prior "--present" key:Next key:Next key:Prior
session blank "--present" key:b
session escape "--present" key:Escape
session glide "--present" key:Next sleep:4
session f11 "" key:F11

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
expect("start", "blank", False)
expect("next2", "presenting", True)
expect("next2", "scene", 3)
expect("prior", "presenting", True)
expect("prior", "scene", 2)
expect("blank", "presenting", True)
expect("blank", "blank", True)
expect("escape", "presenting", False)
expect("glide", "presenting", True)
expect("glide", "scene", 2)
expect("f11", "presenting", True)
expect("f11", "scene", 1)
g = v["glide"]
# Scene 2's transition lasts 3 s; after 4 s the camera has settled on its view centre.
if abs(g["center_lon"] - 53.5) > 0.2 or abs(g["center_lat"] - 44.0) > 0.2:
    fails.append(f"glide: after Next and 4 s the view should be centred near 53.5 E 44.0 N (Zhanaozen), "
                 f"got {g['center_lon']:.3f} E {g['center_lat']:.3f} N")
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
echo "PASS"
