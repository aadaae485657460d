#!/bin/sh
# Installs the Debian 12 packages qantar needs to build, run and test, and nothing when all are
# there (idempotent, quiet). Runs as root, or through sudo when available.
set -eu

PACKAGES="
cmake g++ make pkg-config python3 python3-glad
libimgui-dev libglfw3-dev libfreetype-dev libstb-dev libpng-dev nlohmann-json3-dev libcli11-dev
libproj-dev libgeos-dev libgdal-dev libpq-dev
libgl-dev libopengl-dev libegl-dev libegl-mesa0 libgl1-mesa-dri libglx-mesa0
fonts-noto-core
libgtest-dev libgmock-dev libbenchmark-dev
xvfb xauth xdotool libx11-dev
ffmpeg
postgresql-15 postgresql-15-postgis-3
clang libclang-rt-14-dev
hyperfine time python3-matplotlib python3-pyproj
"

missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
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
