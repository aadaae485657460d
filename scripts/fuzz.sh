#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan + coverage) and runs each for a bounded
# time from its seed corpus. Exits non-zero if any target finds a crash, leak or hang.
#   QANTAR_FUZZ_SECONDS  seconds per target (default 45)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
seconds=${QANTAR_FUZZ_SECONDS:-45}
jobs=$(nproc 2>/dev/null || echo 2)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQANTAR_FUZZ=ON \
    -DQANTAR_BUILD_TESTS=OFF -DQANTAR_BUILD_BENCH=OFF -DQANTAR_SANITIZE=address,undefined,fuzzer-no-link >/dev/null
targets="geojson events story time import settings cli connection"
for t in $targets; do
    cmake --build build-fuzz -j"$jobs" --target "qantar_fuzz_$t" >/dev/null
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for t in $targets; do
    mkdir -p "$work/$t"
    cp -r "fuzz/corpus/$t/." "$work/$t/"
    log="$work/$t.log"
    if build-fuzz/fuzz/qantar_fuzz_$t -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$work/$t-" "$work/$t" > "$log" 2>&1; then
        execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
        echo "fuzz $t: ${execs:-?} executions in ${seconds} s, no finding"
    else
        echo "fuzz $t: FINDING"
        tail -n 40 "$log"
        for a in "$work/$t-"*; do [ -e "$a" ] && { echo "reproducer: $a"; od -c "$a" | head -n 20; }; done
        status=1
    fi
done
exit $status
