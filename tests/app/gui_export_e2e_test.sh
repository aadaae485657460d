#!/bin/sh
# End-to-end: the export dialog of the real GUI under Xvfb writes the image it promises. The
# window draws from the map geometry it uploaded (its own copy is freed) and the export borrows
# the window's renderers, so this is also the check that exports still have a whole map to draw.
#   Ctrl+E, then the dialog's Export button, found in the layout (defaults: 1920x1080, light
#   theme, the window's view, a file named for the moment in the home folder)
#   -> a 1920x1080 RGBA PNG showing a light map: several large fills (neighbours, region tints,
#      water), not one background colour. The moment is 2 January, before the internet blackout,
#      which darkens the country in every theme.
set -eu
QANTAR=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/gui_common.sh"

# The default file is in the home folder ($work here), named for the moment shown: 2 January at
# noon, in daylight in Almaty and before the internet blackout, so neither the night's shading nor
# the blackout's grey darkens the light theme's map.
session export "--time 2022-01-02T12:00" key:ctrl+e 'wait:item("Export", "Export")' click:Export@Export \
    'wait:v["export_message"].startswith("Wrote ")'
png="$work/qantar-2022-01-02-1200.png"
[ -s "$png" ] || { echo "FAIL: the export dialog wrote no $png"; ls -la "$work"; exit 1; }
grep -q "Wrote $png" "$work/export.json.err" || { echo "FAIL: the message does not name the full path"; cat "$work/export.json.err"; exit 1; }

python3 - "$png" <<'PY'
import collections, struct, sys, zlib

def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w, h = 8, b"", 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype == 6, "expected 8-bit RGBA"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, rows, prev = zlib.decompress(idat), w * 4, [], bytearray(w * 4)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a, b = (line[i - 4] if i >= 4 else 0), prev[i]
            c = prev[i - 4] if i >= 4 else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, rows

w, h, rows = read_png(sys.argv[1])
fails = []
if (w, h) != (1920, 1080):
    fails.append(f"expected 1920x1080, got {w}x{h}")
colours, light = collections.Counter(), 0
for y in range(0, h, 4):
    for x in range(0, w, 4):
        px = tuple(rows[y][x * 4:x * 4 + 3])
        colours[px] += 1
        light += sum(px) / 3 > 170
total = sum(colours.values())
big = [c for c, n in colours.items() if n / total >= 0.03]
if len(big) < 4:
    fails.append(f"expected at least 4 colours covering 3% each (fills of a map), got {big}")
if light / total < 0.8:
    fails.append(f"expected a light map, but only {light / total:.0%} of it is light")
print(f"export: {w}x{h}, large fills {big}, light {light / total:.0%}")
if fails:
    print("FAIL: " + "; ".join(fails))
    sys.exit(1)
print("PASS")
PY
