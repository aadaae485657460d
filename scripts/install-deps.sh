#!/bin/sh
# Installs the Debian 12 packages qantar needs, in three sets, and nothing when all are there
# (idempotent, quiet). Runs as root, or through sudo when available.
#   sh scripts/install-deps.sh [build] [test] [bench]     (no argument: build)
#   build  building and running: compiler, CMake, the -dev libraries, glad, the fonts compiled
#          into the program, the Mesa OpenGL/EGL drivers and ffmpeg (video export).
#          `sh scripts/qantar.sh run` installs this set only: no database server, no clang.
#   test   what the test suite needs on top: GoogleTest/GoogleMock, Google Benchmark (the test
#          build compiles the benchmarks), libpng (a second PNG reader in the tests, the benchmarks'
#          reference encoder), Xvfb, xauth, xdotool and Xlib (GUI tests), PostgreSQL 15
#          with PostGIS (the PostGIS import test starts its own server), clang with its runtimes
#          (fuzzers, sanitizers), dpkg-dev (dpkg-shlibdeps for the .deb) and binutils (readelf).
#          `sh scripts/qantar.sh test` installs build and test.
#   bench  the whole-process figures and the peer comparison: hyperfine, GNU time, matplotlib and
#          pyproj. `sh bench/run.sh` installs all three sets.
set -eu

BUILD="
cmake g++ make pkg-config python3 python3-glad
libimgui-dev libglfw3-dev libfreetype-dev libstb-dev libdeflate-dev zlib1g-dev nlohmann-json3-dev libcli11-dev
libproj-dev libgeos-dev libgdal-dev libpq-dev
libgl-dev libopengl-dev libegl-dev libegl-mesa0 libgl1-mesa-dri libglx-mesa0
fonts-noto-core
ffmpeg
"
TEST="
libgtest-dev libgmock-dev libbenchmark-dev libpng-dev
xvfb xauth xdotool libx11-dev
postgresql-15 postgresql-15-postgis-3
clang libclang-rt-14-dev
dpkg-dev binutils
"
BENCH="
hyperfine time python3-matplotlib python3-pyproj
"

[ $# -eq 0 ] && set -- build
PACKAGES=""
for set_name in "$@"; do
    case "$set_name" in
        build) PACKAGES="$PACKAGES $BUILD" ;;
        test) PACKAGES="$PACKAGES $TEST" ;;
        bench) PACKAGES="$PACKAGES $BENCH" ;;
        *)
            echo "usage: sh scripts/install-deps.sh [build] [test] [bench]   (default: build)" >&2
            exit 2
            ;;
    esac
done

missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) case " $missing " in *" $p "*) ;; *) missing="$missing $p" ;; esac ;;
    esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-deps: these packages are missing and this is not root (and there is no sudo):$missing" >&2
    exit 1
fi

echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
