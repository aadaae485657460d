#!/bin/sh
# End-to-end: the real GUI under Xvfb, driven with xdotool like a user with a mouse and keyboard.
#   1. open and quit (Ctrl+Q)            -> the initial view, exit 0
#   2. drag, wheel, '+', quit            -> the view moved and zoomed, exit 0
#   3. drag, wheel, Home, quit           -> Home restored the initial view, exit 0
# Each run prints its final view as JSON (--print-view).
set -eu
QANTAR=$1
for tool in xvfb-run xdotool; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/session.sh" <<'INNER'
#!/bin/sh
# Runs inside xvfb-run: start qantar, wait for its window, play the given actions, then quit.
set -eu
QANTAR=$1; OUT=$2; shift 2
"$QANTAR" --window 1024x640 --print-view > "$OUT" 2> "$OUT.err" &
pid=$!
win=""
for i in $(seq 1 100); do
    win=$(xdotool search --onlyvisible --name "qantar" 2>/dev/null | head -n 1 || true)
    [ -n "$win" ] && break
    sleep 0.1
done
[ -n "$win" ] || { echo "no qantar window appeared" >&2; kill $pid; exit 1; }
xdotool windowfocus --sync "$win" 2>/dev/null || true
sleep 0.8
for action in "$@"; do
    case "$action" in
        drag)  xdotool mousemove --window "$win" 600 400; sleep 0.2
               xdotool mousedown 1; sleep 0.1
               for s in 1 2 3 4 5 6 7 8 9 10; do xdotool mousemove_relative -- -12 8; sleep 0.03; done
               xdotool mouseup 1; sleep 0.3 ;;
        wheel) xdotool mousemove --window "$win" 500 300; sleep 0.1
               xdotool click 4; sleep 0.15; xdotool click 4; sleep 0.3 ;;
        plus)  xdotool key plus; sleep 0.3 ;;
        home)  xdotool key Home; sleep 0.3 ;;
    esac
done
xdotool key ctrl+q
status=0
wait $pid || status=$?
echo "$status" > "$OUT.exit"
INNER

session() {
    name=$1; shift
    xvfb-run -a -s "-screen 0 1280x800x24" sh "$work/session.sh" "$QANTAR" "$work/$name.json" "$@" \
        || { echo "FAIL: session '$name' did not complete"; cat "$work/$name.json.err" 2>/dev/null; exit 1; }
    code=$(cat "$work/$name.json.exit")
    if [ "$code" != 0 ]; then
        echo "FAIL: qantar exited with $code in session '$name'"; cat "$work/$name.json.err"; exit 1
    fi
    echo "$name: $(cat "$work/$name.json")"
}

field() { sed -n "s/.*\"$2\": \([-0-9.]*\).*/\1/p" "$work/$1.json"; }

session initial
session moved drag wheel plus
session home drag wheel home

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
