#!/bin/sh
# End-to-end: importing into the running window under Xvfb keeps what was loaded and adds the rest.
#   1. --import an ACLED CSV            -> the bundled events plus the sample's usable rows
#   2. --import a broken file           -> still the bundled events, and qantar keeps running
#   3. --boundaries a GeoJSON layer     -> drawn, and qantar exits cleanly
#   4. drop the ACLED CSV on the window (XDND, as from a file manager) -> imported like 1.
set -eu
QANTAR=$1
DATA=$(cd "$2" && pwd)
QANTAR_XDND_DROP=$3
export QANTAR_XDND_DROP
here=$(cd "$(dirname "$0")" && pwd)
. "$here/gui_common.sh"
# How many events the bundled dataset holds (the window opens it by default).
bundled=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$here/../../assets/events/events.json")
printf 'not,a\nvalid"csv\n\x00\x01' > "$work/broken.csv"

session acled "--import $DATA/acled_kz_jan2022.csv" "wait:v['events'] > $bundled"
session broken "--import $work/broken.csv" 'wait:item("Open", "Open or import events")'
session boundaries "--boundaries $DATA/boundaries.geojson" 'wait:s["settled"]'
session dropped "" "drop:$DATA/acled_kz_jan2022.csv" "wait:v['events'] > $bundled"
grep -q "Drew 2 boundaries" "$work/boundaries.json.err" || { echo "FAIL: the boundary layer was not drawn"; cat "$work/boundaries.json.err"; exit 1; }

python3 - "$work" "$bundled" <<'PY'
import json, sys
w, bundled = sys.argv[1], int(sys.argv[2])
fails = []
a = json.load(open(f"{w}/acled.json"))["events"]
b = json.load(open(f"{w}/broken.json"))["events"]
d = json.load(open(f"{w}/dropped.json"))["events"]
if d != a:
    fails.append(f"dropping the ACLED file should import it like --import ({a} events), got {d}")
if not a > bundled:
    fails.append(f"the ACLED rows should be added to the {bundled} bundled events, got {a}")
if b != bundled:
    fails.append(f"a broken import must keep the {bundled} events loaded before, got {b}")
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
echo "PASS"
