#!/usr/bin/env python3
"""Reads the state file qantar keeps with --state-file, for the end-to-end scripts:

  gui_state.py wait FILE EXPR [TIMEOUT]   waits until EXPR (Python, over `v` the view, `s` the whole
                                          state, `v0` the view at start, kept in FILE.start, and
                                          exists(path), item(label, window)) is true; exit 1 with the
                                          last state on timeout
  gui_state.py item FILE LABEL WINDOW     prints the centre "X Y" of a control (exit 1 if absent)
  gui_state.py map FILE                   prints the centre "X Y" of the map

A test waits for the state it needs rather than a number of seconds, so a slow machine (a
sanitizer build, a busy CI) only makes it slower, never wrong.
"""
import json, os, sys, time


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == "wait":
        expr, timeout = sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 180.0
        start = load(path + ".start")
        deadline, s = time.time() + timeout, None
        while time.time() < deadline:
            s = load(path)
            if s is not None:
                def item(label, window, s=s):
                    return any(i["label"] == label and i["window"] == window for i in s["layout"]["items"])
                names = {"s": s, "v": s["view"], "v0": start and start["view"], "exists": os.path.exists, "item": item}
                try:
                    if eval(expr, {}, names):
                        return 0
                except (KeyError, TypeError, IndexError):
                    pass
            time.sleep(0.05)
        print(f"timed out after {timeout:.0f} s waiting for: {expr}\nlast state: {json.dumps(s and s.get('view'))}",
              file=sys.stderr)
        return 1
    s = load(path)
    if s is None:
        return 1
    if cmd == "item":
        label, window = sys.argv[3], sys.argv[4]
        for it in s["layout"]["items"]:
            if it["label"] == label and it["window"] == window:
                x, y, w, h = it["rect"]
                print(int(x + w / 2), int(y + h / 2))
                return 0
        return 1
    if cmd == "map":
        x, y, w, h = s["view"]["map_rect"]
        print(int(x + w / 2), int(y + h / 2))
        return 0
    return 2


sys.exit(main())
