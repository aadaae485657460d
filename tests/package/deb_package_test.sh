#!/bin/sh
# Builds the Debian package from the build tree into a temporary directory (cpack against the
# build's CPackConfig.cmake, as `cmake --build build --target package` does) and checks it with
# dpkg-deb: its name, its control fields (Depends names runtime libraries only: no -dev package,
# no compiler, no PostgreSQL; Mesa's drivers; ffmpeg recommended) and that it holds the program,
# the GDAL module, the assets and their map cache, the desktop entry, icons, man page and docs, and
# no test program.
# Usage: deb_package_test.sh BUILD_DIR VERSION
set -eu
build=$1
version=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v cpack >/dev/null || fail "cpack (cmake) is missing"
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing"
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps is missing (dpkg-dev; sh scripts/install-deps.sh test)"

work=$(mktemp -d "${TMPDIR:-/tmp}/qantar-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
cpack --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack could not build the package"; }

deb="$work/qantar_${version}_amd64.deb"
[ -f "$deb" ] || { ls "$work" >&2; fail "no qantar_${version}_amd64.deb was written"; }
echo "package: $(basename "$deb"), $(wc -c <"$deb") bytes"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = qantar ] || fail "Package is '$(field Package)', not qantar"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = amd64 ] || fail "Architecture is '$(field Architecture)', not amd64"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Section)" ] || fail "no Section"
[ -n "$(field Description)" ] || fail "no Description"

depends=$(field Depends)
echo "Depends: $depends"
echo "Recommends: $(field Recommends)"
# One package name a line, alternatives split too, versions dropped.
names=$(printf '%s\n' "$depends" | tr ',|' '\n\n' | sed 's/(.*)//; s/^ *//; s/ *$//' | grep -v '^$')
bad=$(printf '%s\n' "$names" | grep -E -e '-dev$' -e 'postgresql' \
    -e '^(gcc|g\+\+|cpp|clang|llvm|lld|cmake|make)(-[0-9.]+)?$' -e '^libclang' || true)
[ -z "$bad" ] || fail "Depends names packages only building or testing needs: $(echo $bad)"
# dpkg-shlibdeps read the program (libglfw3, libproj25, libdeflate0 for PNGs) and the GDAL module
# (libgdal32); OpenGL, opened with dlopen, is named by hand.
for p in libc6 libglfw3 libproj25 libdeflate0 libgdal32 libegl1 libgl1 libegl-mesa0 libgl1-mesa-dri; do
    printf '%s\n' "$names" | grep -qx "$p" || fail "Depends lacks $p"
done
dpkg-deb -f "$deb" Recommends | tr ',' '\n' | sed 's/(.*)//; s/ //g' | grep -qx ffmpeg ||
    fail "ffmpeg is not in Recommends"

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents"
has() { grep -Eq "$1" "$work/contents" || fail "the package has no $2 ($1)"; }
has '^/usr/bin/qantar$' "program"
has '^/usr/lib/.*libqantar-gdal\.so$' "GDAL module"
has '^/usr/share/qantar/assets/events/events\.json$' "bundled events"
has '^/usr/share/qantar/assets/geo/' "map data"
has '^/usr/share/qantar/assets/stories/' "stories"
has '^/usr/share/qantar/cache/map\.cache$' "map cache"
has '^/usr/share/qantar/cache/glyphs\.cache$' "glyph cache"
has '^/usr/share/applications/qantar\.desktop$' "desktop entry"
has '^/usr/share/icons/hicolor/[0-9]+x[0-9]+/apps/qantar\.png$' "PNG icon"
has '^/usr/share/icons/hicolor/scalable/apps/qantar\.svg$' "SVG icon"
has '^/usr/share/man/man1/qantar\.1(\.gz)?$' "man page"
has '^/usr/share/doc/qantar/README' "README"
has '^/usr/share/doc/qantar/.*PROVENANCE' "data provenance"
if grep -Eq '_tests$|/fuzz_|_bench$|qantar_fault_writer|stale_gdal|xdnd_drop|^/usr/include/|\.a$' "$work/contents"; then
    fail "the package holds test, benchmark or development files: $(grep -E '_tests$|/fuzz_|_bench$|qantar_fault_writer|stale_gdal|xdnd_drop|^/usr/include/|\.a$' "$work/contents" | head -5 | tr '\n' ' ')"
fi
# Every file in the package is under /usr.
outside=$(grep -v '^/$' "$work/contents" | grep -v '^/usr' || true)
[ -z "$outside" ] || fail "files outside /usr: $(echo $outside | head -c 300)"
echo "PASS: $(grep -vc '/$' "$work/contents") files"
