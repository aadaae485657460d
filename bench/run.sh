#!/bin/sh
# One command for every performance figure in docs/performance.md:
#   sh bench/run.sh            full run (about 10 minutes on 2 cores)
#   QANTAR_BENCH_QUICK=1 sh bench/run.sh   a quick pass that only checks everything still runs
# Writes bench/results.csv and bench/results.md (the table docs/performance.md quotes).
# Needs: a Release build (made here), xvfb-run, hyperfine, /usr/bin/time, ffmpeg, and for the
# peer comparison Debian's python3-matplotlib and python3-pyproj (installed here when missing).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
quick=${QANTAR_BENCH_QUICK:-0}
runs=5; frames=200; seqRuns=3
[ "$quick" = 1 ] && { runs=1; frames=20; seqRuns=1; }

sh scripts/install-deps.sh
missing=""
for p in hyperfine time python3-matplotlib python3-pyproj; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DQANTAR_BUILD_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)" >/dev/null

Q=build/qantar
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
csv=bench/results.csv
echo "case,metric,value,unit" > "$csv"
row() { echo "$1,$2,$3,$4" >> "$csv"; echo "  $1: $2 = $3 $4"; }

# Median of a hyperfine run, in milliseconds.
hf() { # name, command...
    name=$1; shift
    hyperfine -N --runs "$runs" --warmup 1 --export-json "$out/hf.json" "$*" >/dev/null 2>&1
    ms=$(/usr/bin/python3 -c "import json; r=json.load(open('$out/hf.json'))['results'][0]; print(round(r['median']*1000, 1))")
    row "$name" median_ms "$ms" ms
}
# Peak resident memory of one run, in MB.
peak() { # name, command...
    name=$1; shift
    /usr/bin/time -f "%M" -o "$out/mem" "$@" >/dev/null 2>&1 || true
    row "$name" peak_rss_mb "$(( $(tail -n 1 "$out/mem") / 1024 ))" MB
}
gui() { # name, extra args...
    name=$1; shift
    json=$(xvfb-run -a -s "-screen 0 1920x1080x24" $Q --window 1920x1080 --benchmark-frames "$frames" "$@" 2>/dev/null | tail -n 1)
    row "$name" frame_median_ms "$(echo "$json" | sed -n 's/.*"median_ms": \([0-9.]*\).*/\1/p')" ms
    row "$name" frame_p95_ms "$(echo "$json" | sed -n 's/.*"p95_ms": \([0-9.]*\).*/\1/p')" ms
    row "$name" fps_median "$(echo "$json" | sed -n 's/.*"fps_median": \([0-9.]*\).*/\1/p')" fps
}

echo "In-process benchmarks (Google Benchmark)"
build/bench/qantar_timeline_bench --benchmark_filter='ConstantDensity|Build' --benchmark_format=csv \
    ${QANTAR_BENCH_QUICK:+--benchmark_min_time=0.01} > "$out/timeline.csv" 2>/dev/null || true
cp "$out/timeline.csv" bench/timeline.csv
build/bench/qantar_render_bench --benchmark_format=csv ${QANTAR_BENCH_QUICK:+--benchmark_min_time=0.01} \
    > bench/render.csv 2>/dev/null || true

echo "GUI frame times at 1920x1080 on the software renderer"
gui "gui bundled, panning"
gui "gui bundled, clock playing" --benchmark-play
gui "gui 100000 events, clock playing" --benchmark-play --synthetic-events 100000
[ "$quick" = 1 ] || gui "gui 1000000 events, clock playing" --benchmark-play --synthetic-events 1000000

echo "Start-up to the first frame"
for i in $(seq 1 "$runs"); do
    xvfb-run -a -s "-screen 0 1920x1080x24" $Q --window 1920x1080 --first-frame-benchmark 2>/dev/null | tail -n 1
done | sed -n 's/.*"first_frame_ms": \([0-9.]*\).*/\1/p' | sort -n > "$out/startup"
row "start-up to first frame" median_ms "$(sed -n "$(( ($(wc -l < "$out/startup") + 1) / 2 ))p" "$out/startup")" ms

echo "Exports"
hf "export 1920x1080 frame" $Q export --size 1920x1080 --time 2022-01-05T20:00 --out "$out/a.png"
hf "export 3840x2160 frame" $Q export --size 3840x2160 --time 2022-01-05T20:00 --out "$out/b.png"
runs_saved=$runs; runs=$seqRuns
hf "export 40 frames 1920x1080 to PNGs" $Q export --from 2022-01-04T00:00 --to 2022-01-05T15:00 --step 1h --size 1920x1080 --out "$out/seq" --quiet
hf "export 40 frames 1920x1080 to MP4" $Q export --from 2022-01-04T00:00 --to 2022-01-05T15:00 --step 1h --size 1920x1080 --video "$out/seq.mp4" --quiet
runs=$runs_saved

echo "Peak memory"
peak "gui bundled (100 frames)" xvfb-run -a -s "-screen 0 1920x1080x24" $Q --window 1920x1080 --benchmark-frames 100
peak "export 1920x1080 frame" $Q export --size 1920x1080 --time 2022-01-05T20:00 --out "$out/c.png"
peak "export 3840x2160 frame" $Q export --size 3840x2160 --time 2022-01-05T20:00 --out "$out/d.png"
[ "$quick" = 1 ] || peak "gui 1000000 events" xvfb-run -a -s "-screen 0 1920x1080x24" $Q --window 1920x1080 --benchmark-frames 20 --synthetic-events 1000000

echo "Peer: the same map and events drawn by a matplotlib script"
hf "matplotlib 1920x1080 frame" /usr/bin/python3 bench/peer_matplotlib.py frame "$out/p.png"
runs=$seqRuns
hf "matplotlib 40 frames 1920x1080" /usr/bin/python3 bench/peer_matplotlib.py sequence "$out/pseq" 40
runs=$runs_saved

/usr/bin/python3 - "$csv" > bench/results.md <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
get = lambda case, metric: next((float(r["value"]) for r in rows if r["case"] == case and r["metric"] == metric), None)
print("| case | metric | value |")
print("| --- | --- | --- |")
for r in rows:
    print(f"| {r['case']} | {r['metric']} | {r['value']} {r['unit']} |")
for q, p, label in [("export 1920x1080 frame", "matplotlib 1920x1080 frame", "1920x1080 frame"),
                    ("export 40 frames 1920x1080 to PNGs", "matplotlib 40 frames 1920x1080", "40-frame sequence")]:
    a, b = get(q, "median_ms"), get(p, "median_ms")
    if a and b:
        print(f"| peer ratio, {label} | matplotlib / qantar | {b / a:.2f}x |")
PY
echo "wrote $csv and bench/results.md"
