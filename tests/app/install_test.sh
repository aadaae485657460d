#!/bin/sh
# `cmake --install` gives a program that runs on its own: installs the build into a temporary
# DESTDIR with prefix /usr, moves the installed tree somewhere else (the lookups are relative to
# the program, so it still works), checks that no build-tree or source-tree path the program
# would look in is baked into it, and runs the installed `qantar --version`, `export`, `state`
# and `import` (the GDAL module found from the install) with no QANTAR_* variables and HOME and
# the XDG folders in the temporary directory; the export uses the installed map cache. Then hides the installed assets and the installed
# module, and checks that the errors name the installed places (so it was those that were used).
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -eu

BUILD=$(cd "${1:?usage: install_test.sh BUILD_DIR SOURCE_DIR}" && pwd -P)
SRC=$(cd "${2:?usage: install_test.sh BUILD_DIR SOURCE_DIR}" && pwd -P)
fail() { echo "FAIL: $*" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/qantar-install-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

DESTDIR="$tmp/dest" cmake --install "$BUILD" --prefix /usr >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }
mkdir -p "$tmp/elsewhere"
mv "$tmp/dest/usr" "$tmp/elsewhere/opt-qantar"
root="$tmp/elsewhere/opt-qantar"
qantar="$root/bin/qantar"

# What a desktop and a reader expect, where they expect it.
for f in bin/qantar share/qantar/assets/geo/countries.geojson share/qantar/assets/events/events.json \
         share/qantar/assets/stories/week.json share/applications/qantar.desktop share/man/man1/qantar.1 \
         share/icons/hicolor/scalable/apps/qantar.svg share/doc/qantar/README.md \
         share/doc/qantar/PROVENANCE.md share/doc/qantar/README.assets.md share/qantar/cache/map.cache \
         share/qantar/cache/glyphs.cache; do
    [ -f "$root/$f" ] || fail "not installed: $f"
done
for size in 16 22 24 32 48 64 128 256; do
    [ -f "$root/share/icons/hicolor/${size}x${size}/apps/qantar.png" ] || fail "no ${size}x${size} icon installed"
done
module=$(find "$root/lib" -name libqantar-gdal.so)
[ -n "$module" ] || fail "the GDAL module is not installed under lib/"

# Nothing of the build or source tree that the program would look in is baked into it.
for f in "$qantar" "$module"; do
    for p in "$SRC/assets" "$BUILD/assets" "$BUILD/lib" "$BUILD/libqantar-gdal.so"; do
        if grep -a -q -F "$p" "$f"; then fail "$f holds the path $p"; fi
    done
done

# A user's environment, with nothing pointing anywhere.
mkdir -p "$tmp/home" "$tmp/work"
cd "$tmp/work"
run() {
    env -u QANTAR_ASSETS -u QANTAR_GDAL_MODULE -u QANTAR_CONFIG_DIR HOME="$tmp/home" \
        XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data" XDG_CACHE_HOME="$tmp/home/cache" \
        "$qantar" "$@"
}

version=$(run --version) || fail "qantar --version failed"
echo "$version" | grep -Eq '^qantar [0-9]+\.[0-9]+\.[0-9]+ \((commit [0-9a-f]{7,}(-dirty)?|unknown commit)\)$' ||
    fail "--version printed: $version"

run export --size 320x240 --out x.png >"$tmp/export.log" 2>&1 || { cat "$tmp/export.log" >&2; fail "export failed"; }
# The PNG's IHDR: width and height, big-endian, at bytes 16..23.
dims=$(od -An -tx1 -j16 -N8 x.png | tr -d ' \n')
[ "$dims" = "00000140000000f0" ] || fail "x.png is not a 320x240 PNG (IHDR $dims)"

# The map came from the installed cache: the run printed nothing about it and wrote no cache of its own.
if grep -q "cache" "$tmp/export.log"; then fail "export said: $(cat "$tmp/export.log")"; fi
if ls "$tmp/home/cache/qantar/"*.cache >/dev/null 2>&1; then
    fail "export wrote its own map cache ($(ls "$tmp/home/cache/qantar")): the installed one was not used"
fi

run state --at 2022-01-05T20:00 >state.json 2>"$tmp/state.log" || { cat "$tmp/state.log" >&2; fail "state failed"; }
grep -q '"time": "2022-01-05T20:00:00+06:00"' state.json || fail "state printed: $(head -c 300 state.json)"

run import "$SRC/tests/data/import/acled_kz_jan2022.csv" --out e.json >"$tmp/import.log" 2>&1 ||
    { cat "$tmp/import.log" >&2; fail "import failed"; }
run validate e.json >/dev/null 2>&1 || fail "the imported e.json does not validate"

# It was the installed copies that were used: without them, the errors name the installed places.
mv "$root/share/qantar/assets" "$root/share/qantar/hidden"
if run export --size 320x240 --out y.png >/dev/null 2>"$tmp/noassets.log"; then
    fail "export worked with the installed assets hidden: it read assets from somewhere else"
fi
grep -q -F "$root/share/qantar/assets" "$tmp/noassets.log" ||
    fail "the missing-assets error does not name the installed place: $(cat "$tmp/noassets.log")"
mv "$root/share/qantar/hidden" "$root/share/qantar/assets"
mv "$module" "$module.hidden"
if run import "$SRC/tests/data/import/acled_kz_jan2022.csv" --out f.json >/dev/null 2>"$tmp/nomodule.log"; then
    fail "import worked with the installed module hidden: it loaded a module from somewhere else"
fi
grep -q -F "$(dirname "$module")" "$tmp/nomodule.log" ||
    fail "the missing-module error does not name the installed place: $(cat "$tmp/nomodule.log")"

# Built from a source tarball (no git checkout), the version says so rather than guessing.
mkdir -p "$tmp/tarball"
cmake -DSOURCE_DIR="$tmp/tarball" -DOUT="$tmp/tarball/version_commit.hpp" -P "$SRC/cmake/version_commit.cmake"
grep -q '"unknown commit"' "$tmp/tarball/version_commit.hpp" ||
    fail "outside a git checkout the commit reads: $(cat "$tmp/tarball/version_commit.hpp")"

echo "OK: installed, moved to $root, and --version, export, state and import ran from there ($version)"
