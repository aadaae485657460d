#!/bin/sh
# The front door: `sh scripts/qantar.sh run` installs what is missing, builds, and opens the map
# on the bundled data; `sh scripts/qantar.sh test` installs what is missing, builds with warnings
# as errors, and runs the whole test suite. Extra arguments after `run` go to the program.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
mode=${1:-}
[ $# -gt 0 ] && shift

jobs=$(nproc 2>/dev/null || echo 2)

case "$mode" in
    run)
        sh scripts/install-deps.sh
        cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DQANTAR_BUILD_TESTS=OFF -DQANTAR_BUILD_BENCH=OFF >/dev/null
        cmake --build build -j"$jobs"
        exec build/qantar "$@"
        ;;
    test)
        sh scripts/install-deps.sh
        cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DQANTAR_BUILD_TESTS=ON -DQANTAR_BUILD_BENCH=ON \
            -DQANTAR_WERROR=ON >/dev/null
        cmake --build build -j"$jobs"
        cd build
        exec ctest --output-on-failure --timeout 600
        ;;
    *)
        echo "usage: sh scripts/qantar.sh run [qantar arguments...] | test" >&2
        exit 2
        ;;
esac
