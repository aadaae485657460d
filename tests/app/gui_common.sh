# Shared by the GUI end-to-end tests (sourced, not run): checks the tools, makes a work
# directory, and defines `session NAME "qantar options" ACTION...`, which runs qantar under
# Xvfb through gui_session.sh and leaves its final view as JSON in $work/NAME.json.
# Expects QANTAR (the binary) and here (this directory) to be set.
# Every wait is for a state of the program (gui_session.sh), so a slow machine only makes the tests
# slower. HOME is the work directory, so nothing a session writes lands outside it.
for tool in xvfb-run xdotool python3; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
HOME=$work
XDG_DATA_HOME=$work/data
export HOME XDG_DATA_HOME

# xvfb-run under an X server. `xvfb-run -a` starts looking for a free display at :99, so a
# session would take the number the previous session's Xvfb is still giving up, and that server,
# exiting, can remove the new one's socket: qantar, already connected, runs on, but xdotool finds
# no display. Each session therefore starts its search at a number no recent session used
# (`xvfb_display`, advanced by every start); a start that still fails to open its display is
# retried (twice at most).
xvfb_display=$((100 + ($$ % 300) * 5))
next_xvfb_display() {
    xvfb_display=$((xvfb_display + 3))
    [ "$xvfb_display" -lt 1900 ] || xvfb_display=100
}
xrun() {
    out=$1; shift
    for attempt in 1 2 3; do
        next_xvfb_display
        if xvfb-run -a -n "$xvfb_display" -s "-screen 0 ${QANTAR_TEST_SCREEN:-1280x800}x24" "$@" 2> "$out.xerr"; then
            cat "$out.xerr" >&2
            return 0
        fi
        cat "$out.xerr" >&2
        # xdotool's own "Can't open display" reaches the session's stderr, not qantar's log.
        grep -q "open display" "$out.err" "$out.xerr" 2>/dev/null || return 1
        echo "(the X server was not ready; starting again)"
        sleep 1
    done
    return 1
}

session() {
    name=$1; opts=$2; shift 2
    xrun "$work/$name.json" sh "$here/gui_session.sh" "$QANTAR" "$work/$name.json" "$opts" "$@" \
        || { echo "FAIL: session '$name' did not complete"; cat "$work/$name.json.err" 2>/dev/null; exit 1; }
    code=$(cat "$work/$name.json.exit")
    if [ "$code" != 0 ]; then
        echo "FAIL: qantar exited with $code in session '$name'"; cat "$work/$name.json.err"; exit 1
    fi
    echo "$name: $(cat "$work/$name.json")"
}
