#!/bin/sh
# Runs inside an X server (xvfb-run): starts qantar, waits for its window, plays the actions
# given as arguments, quits with Ctrl+Q, and leaves the final view (--print-view JSON) in OUT,
# stderr in OUT.err and the exit status in OUT.exit.
#   usage: gui_session.sh QANTAR OUT "qantar options" ACTION...
#   actions: drag (pan the map), wheel (zoom in twice), key:NAME (xdotool key name),
#            click:X,Y   drag:X1,Y1,X2,Y2   (window coordinates), sleep:SECONDS,
#            kill9 (end qantar with SIGKILL instead of quitting; the exit status is then 137),
#            drop:FILE (drop a file on the window through XDND; needs QANTAR_XDND_DROP)
set -eu
QANTAR=$1; OUT=$2; OPTS=$3; shift 3
# Each session has its own settings and autosave directory unless the caller shares one.
if [ -z "${QANTAR_CONFIG_DIR:-}" ]; then
    QANTAR_CONFIG_DIR=$(mktemp -d)
    export QANTAR_CONFIG_DIR
    trap 'rm -rf "$QANTAR_CONFIG_DIR"' EXIT
fi
# shellcheck disable=SC2086
"$QANTAR" --window 1280x800 --print-view $OPTS > "$OUT" 2> "$OUT.err" &
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
        drag)  xdotool mousemove --window "$win" 600 300; sleep 0.2
               xdotool mousedown 1; sleep 0.1
               for s in 1 2 3 4 5 6 7 8 9 10; do xdotool mousemove_relative -- -12 8; sleep 0.03; done
               xdotool mouseup 1; sleep 0.3 ;;
        wheel) xdotool mousemove --window "$win" 500 250; sleep 0.1
               xdotool click 4; sleep 0.15; xdotool click 4; sleep 0.3 ;;
        key:*) xdotool key "${action#key:}"; sleep 0.3 ;;
        click:*) xy=${action#click:}
               xdotool mousemove --window "$win" "${xy%,*}" "${xy#*,}"; sleep 0.2
               xdotool click 1; sleep 0.3 ;;
        drag:*) c=${action#drag:}
               x1=$(echo "$c" | cut -d, -f1); y1=$(echo "$c" | cut -d, -f2)
               x2=$(echo "$c" | cut -d, -f3); y2=$(echo "$c" | cut -d, -f4)
               xdotool mousemove --window "$win" "$x1" "$y1"; sleep 0.2
               xdotool mousedown 1; sleep 0.1
               for s in 1 2 3 4 5 6 7 8; do
                   xdotool mousemove --window "$win" $((x1 + (x2 - x1) * s / 8)) $((y1 + (y2 - y1) * s / 8)); sleep 0.04
               done
               xdotool mouseup 1; sleep 0.3 ;;
        sleep:*) sleep "${action#sleep:}" ;;
        drop:*) "$QANTAR_XDND_DROP" "$win" "${action#drop:}" || echo "drop failed" >&2; sleep 1 ;;
        kill9) kill -9 $pid; status=0; wait $pid || status=$?; echo "$status" > "$OUT.exit"; exit 0 ;;
    esac
done
xdotool key ctrl+q
# A lost key must fail the test quickly, not hang until CTest's limit: try again, then kill.
( sleep 10; kill -0 $pid 2>/dev/null && xdotool key ctrl+q; sleep 10; kill -9 $pid 2>/dev/null ) &
watchdog=$!
status=0
wait $pid || status=$?
kill $watchdog 2>/dev/null || true
echo "$status" > "$OUT.exit"
