#!/bin/sh
# End-to-end: importing into the running GUI under Xvfb keeps what was loaded and adds the rest.
#   1. --import an ACLED CSV            -> the bundled 73 events plus the sample's usable rows
#   2. --import a broken file           -> still the 73 events, and qantar keeps running
#   3. --boundaries a GeoJSON layer     -> drawn, and qantar exits cleanly
# (A file dropped on the window takes the same path as --import.)
set -eu
QANTAR=$1
DATA=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/gui_common.sh"
printf 'not,a\nvalid"csv\n\x00\x01' > "$work/broken.csv"

session acled "--import $DATA/acled_kz_jan2022.csv"
session broken "--import $work/broken.csv"
session boundaries "--boundaries $DATA/boundaries.geojson"
grep -q "Drew 2 boundaries" "$work/boundaries.json.err" || { echo "FAIL: the boundary layer was not drawn"; cat "$work/boundaries.json.err"; exit 1; }

python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
fails = []
a = json.load(open(f"{w}/acled.json"))["events"]
b = json.load(open(f"{w}/broken.json"))["events"]
if not a > 73:
    fails.append(f"the ACLED rows should be added to the 73 bundled events, got {a}")
if b != 73:
    fails.append(f"a broken import must keep the 73 events loaded before, got {b}")
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
echo "PASS"
