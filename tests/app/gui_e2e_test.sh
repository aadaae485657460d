#!/bin/sh
# End-to-end: the real GUI under Xvfb, driven with xdotool like a user with a mouse and keyboard.
#   1. open and quit (Ctrl+Q)            -> the initial view, exit 0
#   2. drag, wheel, '+', quit            -> the view moved and zoomed, exit 0
#   3. drag, wheel, Home, quit           -> Home restored the initial view, exit 0
set -eu
QANTAR=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/gui_common.sh"


session initial ""
session moved "" drag wheel key:plus
session home "" drag wheel key:Home

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
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
echo "PASS"
