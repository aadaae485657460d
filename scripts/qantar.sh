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
        sh scripts/install-deps.sh build
        cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DQANTAR_BUILD_TESTS=OFF -DQANTAR_BUILD_BENCH=OFF >/dev/null
        cmake --build build -j"$jobs"
        exec build/qantar "$@"
        ;;
    test)
        # 1. The suite on a Release build with warnings as errors.
        # 2. The benchmarks in their quick mode (that they run; no figures are judged).
        # 3. Every fuzzer for QANTAR_FUZZ_SECONDS (45 s by default).
        # 4. The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
        # QANTAR_QUICK=1 stops after the first stage.
        sh scripts/install-deps.sh build test
        cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DQANTAR_BUILD_TESTS=ON -DQANTAR_BUILD_BENCH=ON \
            -DQANTAR_WERROR=ON >/dev/null
        cmake --build build -j"$jobs"
        (cd build && ctest --output-on-failure --timeout 600 -j"$jobs")
        [ "${QANTAR_QUICK:-0}" = 1 ] && exit 0
        QANTAR_BENCH_QUICK=1 sh bench/run.sh
        sh scripts/fuzz.sh
        cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQANTAR_BUILD_TESTS=ON -DQANTAR_BUILD_BENCH=OFF \
            -DQANTAR_SANITIZE=address,undefined >/dev/null
        cmake --build build-asan -j"$jobs"
        cd build-asan
        export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
        # Leaks are checked where no OpenGL driver is loaded (label "leakcheck"); the tests that
        # render run with AddressSanitizer's memory checks but without leak detection, since
        # Mesa leaves allocations behind in modules it has unloaded.
        ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions="$here/tests/lsan.supp":print_suppressions=0 \
            ctest --output-on-failure --timeout 900 -j"$jobs" -L leakcheck
        # The fault-injection suite (label "fault") kills and starves whole processes from outside;
        # it runs in the first stage, on the Release build users get, as do the install test
        # (label "install") and the .deb test (label "package").
        ASAN_OPTIONS=detect_leaks=0 exec ctest --output-on-failure --timeout 900 -j"$jobs" -LE 'leakcheck|fault|install|package'
        ;;
    *)
        echo "usage: sh scripts/qantar.sh run [qantar arguments...] | test" >&2
        exit 2
        ;;
esac
