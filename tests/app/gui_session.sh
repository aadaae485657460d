#!/bin/sh
# Runs inside an X server (xvfb-run): starts qantar, waits until it has drawn a settled first
# frame, plays the actions given as arguments, quits with Ctrl+Q, and leaves the final view
# (--print-view JSON) in OUT, stderr in OUT.err and the exit status in OUT.exit. Every step waits
# for a state of the program (through --state-file and gui_state.py), never for a fixed time, so
# a slow machine makes the test slower, not flaky.
#   usage: gui_session.sh QANTAR OUT "qantar options" ACTION...
#   actions: key:NAME (xdotool key name, held as a person does), type:TEXT,
#            click:LABEL@WINDOW (a control, found in the layout), clickxy:X,Y,
#            dragmap:DX,DY (drag the map from its centre), wheelmap:N (wheel notches up on the map),
#            wait:EXPR (Python over v, the view, and s, the whole state; see gui_state.py),
#            drop:FILE (XDND, needs QANTAR_XDND_DROP), term (SIGTERM), kill9 (SIGKILL; exit 137)
set -eu
QANTAR=$1; OUT=$2; OPTS=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
STATE="$OUT.state"
state() { python3 "$here/gui_state.py" "$@"; }
# Each session has its own settings and autosave directory unless the caller shares one.
if [ -z "${QANTAR_CONFIG_DIR:-}" ]; then
    QANTAR_CONFIG_DIR=$(mktemp -d)
    export QANTAR_CONFIG_DIR
    trap 'rm -rf "$QANTAR_CONFIG_DIR"' EXIT
fi
rm -f "$STATE"
# shellcheck disable=SC2086
"$QANTAR" --window 1280x800 --print-view --state-file "$STATE" $OPTS > "$OUT" 2> "$OUT.err" &
pid=$!
fail() { echo "$1" >&2; kill -9 $pid 2>/dev/null || true; echo 1 > "$OUT.exit"; exit 1; }
state wait "$STATE" 's["settled"]' || fail "qantar drew no settled frame"
cp "$STATE" "$STATE.start"
win=$(xdotool search --sync --onlyvisible --name "qantar" 2>/dev/null | head -n 1 || true)
[ -n "$win" ] || fail "no qantar window appeared"
xdotool windowfocus --sync "$win" 2>/dev/null || true
press() { xdotool keydown "$1"; sleep 0.08; xdotool keyup "$1"; }
for action in "$@"; do
    case "$action" in
        key:*) press "${action#key:}" ;;
        type:*) xdotool type --delay 60 "${action#type:}" ;;
        click:*) spec=${action#click:}
               xy=$(state item "$STATE" "${spec%@*}" "${spec#*@}") || fail "no control '${spec%@*}' in '${spec#*@}'"
               xdotool mousemove --window "$win" ${xy}; sleep 0.05
               xdotool mousedown 1; sleep 0.08; xdotool mouseup 1 ;;
        clickxy:*) xy=${action#clickxy:}
               xdotool mousemove --window "$win" "${xy%,*}" "${xy#*,}"; sleep 0.05
               xdotool mousedown 1; sleep 0.08; xdotool mouseup 1 ;;
        dragmap:*) d=${action#dragmap:}; set -- $(state map "$STATE")
               xdotool mousemove --window "$win" "$1" "$2"; sleep 0.05
               xdotool mousedown 1
               for s in 1 2 3 4 5 6 7 8 9 10; do
                   xdotool mousemove --window "$win" $(($1 + ${d%,*} * s / 10)) $(($2 + ${d#*,} * s / 10)); sleep 0.03
               done
               xdotool mouseup 1 ;;
        wheelmap:*) set -- $(state map "$STATE")
               xdotool mousemove --window "$win" "$1" "$2"
               n=${action#wheelmap:}; while [ "$n" -gt 0 ]; do xdotool click 4; sleep 0.05; n=$((n - 1)); done ;;
        wait:*) state wait "$STATE" "${action#wait:}" || fail "waiting for ${action#wait:}" ;;
        drop:*) "$QANTAR_XDND_DROP" "$win" "${action#drop:}" || echo "drop failed" >&2 ;;
        term) kill -TERM $pid; status=0; wait $pid || status=$?; echo "$status" > "$OUT.exit"; exit 0 ;;
        kill9) kill -9 $pid; status=0; wait $pid || status=$?; echo "$status" > "$OUT.exit"; exit 0 ;;
    esac
done
press ctrl+q
# A lost key must fail the test, not hang until CTest's limit: try again, then kill.
( sleep 20; kill -0 $pid 2>/dev/null && xdotool key ctrl+q; sleep 20; kill -9 $pid 2>/dev/null ) &
watchdog=$!
status=0
wait $pid || status=$?
kill $watchdog 2>/dev/null || true
echo "$status" > "$OUT.exit"
