#!/bin/sh
# One command for every performance figure in docs/performance.md:
#   sh bench/run.sh                        full run (about 10 minutes on 2 cores)
#   QANTAR_BENCH_QUICK=1 sh bench/run.sh   a quick pass that only checks everything still runs
#   QANTAR_BENCH_BUILD=dir sh bench/run.sh builds and measures in dir (default: build)
#   QANTAR_BENCH_PREVIOUS=dir sh bench/run.sh  compares with the results.csv/.md in dir
# Writes $R/results.md (the tables docs/performance.md quotes: machine, in-process and
# whole-process figures), $R/results.csv (every whole-process figure, one a row) and the raw
# Google Benchmark CSVs $R/timeline.csv, $R/layers.csv, $R/memory.csv, $R/render.csv and $R/png.csv.
# Needs: a Release build (made here), xvfb-run, hyperfine, /usr/bin/time, ffmpeg, and for the
# peer comparison Debian's python3-matplotlib and python3-pyproj (scripts/install-deps.sh installs them all).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
quick=${QANTAR_BENCH_QUICK:-0}
B=${QANTAR_BENCH_BUILD:-build}
# Results go to bench/ (what docs/performance.md quotes); a quick pass writes beside its build
# instead, so checking that the benchmarks run never overwrites the recorded figures.
if [ "$quick" = 1 ]; then R=${QANTAR_BENCH_OUT:-$B/bench-quick}; else R=${QANTAR_BENCH_OUT:-bench}; fi
mkdir -p "$R"
# Frames per GUI case; a frame with 10^6 events takes seconds on llvmpipe, so that case has fewer.
# Google Benchmark figures are the median of 3 repetitions.
runs=5; frames=200; bigFrames=200; seqRuns=3
gbargs="--benchmark_repetitions=3 --benchmark_report_aggregates_only=true"
[ "$quick" = 1 ] && { runs=1; frames=20; bigFrames=5; seqRuns=1; gbargs="--benchmark_min_time=0.01"; }

sh scripts/install-deps.sh build test bench  # test: xvfb-run; bench: hyperfine, GNU time, matplotlib, pyproj
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DQANTAR_BUILD_BENCH=ON >/dev/null
cmake --build "$B" -j"$(nproc)" >/dev/null

Q=$B/qantar
xvfb() { xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
csv=$R/results.csv
# The previous run's figures, shown beside this run's in the targets table: the results this run
# replaces, or QANTAR_BENCH_PREVIOUS=dir (a results.csv and results.md from another run, such as a
# run of an earlier commit on the same machine).
prev=${QANTAR_BENCH_PREVIOUS:-$R}
[ -f "$prev/results.csv" ] && cp "$prev/results.csv" "$out/previous.csv" || : > "$out/previous.csv"
[ -f "$prev/results.md" ] && cp "$prev/results.md" "$out/previous.md" || : > "$out/previous.md"
echo "case,metric,value,unit" > "$csv"
row() { echo "\"$1\",$2,$3,$4" >> "$csv"; echo "  $1: $2 = $3 $4"; }  # case names have commas
fail() { echo "bench/run.sh: $1" >&2; [ -f "$out/err" ] && tail -n 20 "$out/err" >&2; exit 1; }
# Largest peak resident memory in a /usr/bin/time -f %M file (one line a run, in KB), in MB.
peakMb() { awk '/^[0-9]+$/ { if ($1 > m) m = $1 } END { if (m == "") exit 1; printf "%d", m / 1024 }' "$1"; }

# Median of a hyperfine run, in milliseconds, and the peak memory of the same runs: each run is
# wrapped in /usr/bin/time (which adds about a millisecond).
hf() { # name, command...
    name=$1; shift
    : > "$out/mem"
    hyperfine -N --runs "$runs" --warmup 1 --export-json "$out/hf.json" \
        "/usr/bin/time -f %M -a -o $out/mem $*" >"$out/err" 2>&1 || fail "'$name' failed"
    ms=$(/usr/bin/python3 -c "import json; r=json.load(open('$out/hf.json'))['results'][0]; print(round(r['median']*1000, 1))")
    row "$name" median_ms "$ms" ms
    row "$name" peak_rss_mb "$(peakMb "$out/mem")" MB
}
# A GUI case: frame, CPU and GPU times from qantar's JSON line, peak memory of the same run.
gui() { # name, frames, extra args...
    name=$1; n=$2; shift 2
    : > "$out/mem"
    xvfb /usr/bin/time -f %M -o "$out/mem" $Q --window 1920x1080 --benchmark-frames "$n" "$@" \
        >"$out/gui" 2>"$out/err" || fail "'$name' failed"
    json=$(grep "\"median_ms\"" "$out/gui" | tail -n 1)
    [ -n "$json" ] || fail "'$name' printed no frame times"
    [ -s "$out/renderer" ] || echo "$json" | sed -n 's/.*"gl_renderer": *"\([^"]*\)".*/\1/p' > "$out/renderer"
    field() { echo "$json" | sed -n "s/.*\"$1\": *\([0-9.]*\|null\)[,}].*/\1/p"; }
    row "$name" frames "$(field frames)" frames
    row "$name" frame_median_ms "$(field median_ms)" ms
    row "$name" frame_p95_ms "$(field p95_ms)" ms
    row "$name" fps_median "$(field fps_median)" fps
    for m in cpu_median_ms cpu_p95_ms gpu_median_ms gpu_p95_ms; do row "$name" "$m" "$(field $m)" ms; done
    row "$name" peak_rss_mb "$(peakMb "$out/mem")" MB
}

echo "In-process benchmarks (Google Benchmark)"
# Time queries and layer evaluation run separately: the CSV writer wants one set of counters.
$B/bench/qantar_timeline_bench --benchmark_filter='ConstantDensity|Build' --benchmark_format=csv $gbargs \
    > $R/timeline.csv 2>"$out/err" || fail "qantar_timeline_bench (time queries) failed"
$B/bench/qantar_timeline_bench --benchmark_filter='EvaluateLayers' --benchmark_format=csv $gbargs \
    > $R/layers.csv 2>"$out/err" || fail "qantar_timeline_bench (layer evaluation) failed"
$B/bench/qantar_timeline_bench --benchmark_filter='MemoryPerEvent' --benchmark_format=csv $gbargs \
    > $R/memory.csv 2>"$out/err" || fail "qantar_timeline_bench (memory per event) failed"
$B/bench/qantar_render_bench --benchmark_filter='-EncodePng' --benchmark_format=csv $gbargs > $R/render.csv 2>"$out/err" \
    || fail "qantar_render_bench failed"
$B/bench/qantar_render_bench --benchmark_filter='EncodePng' --benchmark_format=csv $gbargs > $R/png.csv 2>"$out/err" \
    || fail "qantar_render_bench (PNG encoding) failed"

echo "GUI frame times at 1920x1080 on the software renderer"
gui "gui bundled, panning" "$frames"
# Playing from midnight on 5 January, the busiest day: the blackout, the state of emergency,
# clashes in Almaty and the first CSTO announcements all happen in the frames measured.
play="--benchmark-play --time 2022-01-05T00:00"
gui "gui bundled, clock playing" "$frames" $play
gui "gui 100000 events, clock playing" "$frames" $play --synthetic-events 100000
gui "gui 1000000 events, clock playing" "$bigFrames" $play --synthetic-events 1000000

echo "Start-up to the first frame"
: > "$out/mem"
for i in $(seq 1 "$runs"); do
    xvfb /usr/bin/time -f %M -a -o "$out/mem" $Q --window 1920x1080 --first-frame-benchmark 2>"$out/err" | tail -n 1
done | sed -n 's/.*"first_frame_ms": *\([0-9.]*\).*/\1/p' | sort -n > "$out/startup"
[ -s "$out/startup" ] || fail "start-up printed no first-frame time"
row "start-up to first frame" median_ms "$(sed -n "$(( ($(wc -l < "$out/startup") + 1) / 2 ))p" "$out/startup")" ms
row "start-up to first frame" peak_rss_mb "$(peakMb "$out/mem")" MB

echo "Exports"
hf "export 1920x1080 frame" $Q export --size 1920x1080 --time 2022-01-05T20:00 --out "$out/a.png"
hf "export 3840x2160 frame" $Q export --size 3840x2160 --time 2022-01-05T20:00 --out "$out/b.png"
runs_saved=$runs; runs=$seqRuns
hf "export 40 frames 1920x1080 to PNGs" $Q export --from 2022-01-04T00:00 --to 2022-01-05T15:00 --step 1h --size 1920x1080 --out "$out/seq" --quiet
hf "export 40 frames 1920x1080 to MP4" $Q export --from 2022-01-04T00:00 --to 2022-01-05T15:00 --step 1h --size 1920x1080 --video "$out/seq.mp4" --quiet
runs=$runs_saved

echo "Peer: the same map and events drawn by a matplotlib script"
hf "matplotlib 1920x1080 frame" /usr/bin/python3 bench/peer_matplotlib.py frame "$out/p.png"
runs=$seqRuns
hf "matplotlib 40 frames 1920x1080" /usr/bin/python3 bench/peer_matplotlib.py sequence "$out/pseq" 40
runs=$runs_saved

# The machine, for the report.
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
# (the results this run has already written into bench/ do not count as changes)
git diff --quiet HEAD -- . ':!bench/*.csv' ':!bench/results.md' 2>/dev/null || commit="$commit, with uncommitted changes"
export QB_MODE="$([ "$quick" = 1 ] && echo "quick pass (QANTAR_BENCH_QUICK=1): checks that everything runs, the figures mean little" || echo full)"
export QB_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')" QB_COMMIT="$commit" QB_NPROC="$(nproc)"
export QB_CPU="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
export QB_MESA="$(dpkg-query -W -f='${Version}' libgl1-mesa-dri 2>/dev/null || echo unknown)"
export QB_GL="$(cat "$out/renderer")" QB_KERNEL="$(uname -sr)"
export QB_MEM="$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"

/usr/bin/python3 - "$csv" $R/timeline.csv $R/layers.csv $R/render.csv "$out/previous.csv" "$out/previous.md" $R/png.csv $R/memory.csv > $R/results.md <<'PY'
import csv, os, re, sys

E = os.environ
whole = list(csv.DictReader(open(sys.argv[1])))
prev_rows = list(csv.DictReader(open(sys.argv[5]))) if os.path.getsize(sys.argv[5]) else []
prev_md = open(sys.argv[6]).read()
NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}
SIZES = [1000, 10000, 100000, 1000000]
SIZE_LABEL = {1000: "10^3", 10000: "10^4", 100000: "10^5", 1000000: "10^6"}


def num(x):
    x = float(x)
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.1f}" if abs(x) >= 10 else f"{x:.2f}"


def dur(value, unit):
    ns = float(value) * NS[unit]
    for scale, name in ((1e9, "s"), (1e6, "ms"), (1e3, "µs")):
        if ns >= scale:
            return f"{num(ns / scale)} {name}"
    return f"{num(ns)} ns"


def gbench(path):
    """Google Benchmark CSV: {name: row}, the median of the repetitions when there are some, and the
    largest coefficient of variation between repetitions (None without repetitions)."""
    rows = list(csv.DictReader(open(path)))
    med = {r["name"][: -len("_median")]: r for r in rows if r["name"].endswith("_median")}
    # stddev / mean (the CSV writer of libbenchmark 1.7 garbles its own _cv rows)
    by = {r["name"]: r for r in rows}
    cvs = [float(by[n]["real_time"]) / float(by[n[: -len("_stddev")] + "_mean"]["real_time"])
           for n in by if n.endswith("_stddev") and float(by.get(n[: -len("_stddev")] + "_mean", {}).get("real_time") or 0) > 0]
    if not med:
        med = {r["name"]: r for r in rows}
    return med, (max(cvs) if cvs else None)


def spread(cv):
    if cv is None:
        return "one run each (no repetitions)."
    return f"median of 3 repetitions; the repetitions differ by up to {100 * cv:.0f}% (coefficient of variation)."


def whole_value(case, metric):
    return next((r["value"] for r in whole if r["case"] == case and r["metric"] == metric), None)


print("# qantar benchmark results\n")
print("Written by `sh bench/run.sh`. Timings on a shared machine are noisy: compare figures from one run.\n")
print("| | |\n| --- | --- |")
for k, v in [("run", E["QB_MODE"]), ("date", E["QB_DATE"]), ("commit", E["QB_COMMIT"]),
             ("CPU", f"{E['QB_CPU']}, {E['QB_NPROC']} logical cores (nproc)"), ("memory", E["QB_MEM"]),
             ("OpenGL renderer", E["QB_GL"] or "unknown"), ("Mesa (libgl1-mesa-dri)", E["QB_MESA"]),
             ("kernel", E["QB_KERNEL"])]:
    print(f"| {k} | {v} |")



def value_in(rows, case, metric):
    v = next((r["value"] for r in rows if r["case"] == case and r["metric"] == metric), None)
    return None if v in (None, "", "null") else float(v)


def header_field(md, key):
    m = re.search(r"^\| " + re.escape(key) + r" \| (.*?) \|$", md, re.M)
    return m.group(1) if m else None


# The targets of issue 16, each row with this run's figure, the previous run's and whether it is met.
# A row: label, [(case, metric, unit, limit)] (limit: the figure must be <= it, or >= it for ratios
# and fps), so a row is met when every part is.
PEER1, PEERSEQ = ("export 1920x1080 frame", "matplotlib 1920x1080 frame"), ("export 40 frames 1920x1080 to PNGs", "matplotlib 40 frames 1920x1080")


def derived(rows, key):
    g = lambda c, m="median_ms": value_in(rows, c, m)
    if key == "ratio1":
        a, b = g(PEER1[0]), g(PEER1[1])
        return b / a if a and b else None
    if key == "ratioseq":
        a, b = g(PEERSEQ[0]), g(PEERSEQ[1])
        return b / a if a and b else None
    if key == "further":  # each 1080p frame of the sequence after the first
        a, b = g(PEERSEQ[0]), g(PEER1[0])
        return (a - b) / 39 if a and b else None
    raise KeyError(key)


TARGETS = [
    ("panning the bundled map", [("gui bundled, panning", "frame_median_ms", "ms", ("<=", 16.7)),
                                 ("gui bundled, panning", "frame_p95_ms", "ms p95", ("<=", 25)),
                                 ("gui bundled, panning", "peak_rss_mb", "MB", None)]),
    ("clock playing, bundled", [("gui bundled, clock playing", "frame_median_ms", "ms", ("<=", 16.7)),
                                ("gui bundled, clock playing", "peak_rss_mb", "MB", ("<=", 150))]),
    ("clock playing, 10^5 events", [("gui 100000 events, clock playing", "frame_median_ms", "ms", ("<=", 16.7)),
                                    ("gui 100000 events, clock playing", "peak_rss_mb", "MB", None)]),
    ("clock playing, 10^6 events", [("gui 1000000 events, clock playing", "frame_median_ms", "ms", ("<=", 33.3)),
                                    ("gui 1000000 events, clock playing", "peak_rss_mb", "MB", ("<=", 350))]),
    ("start-up to first frame", [("start-up to first frame", "median_ms", "ms", ("<=", 150)),
                                 ("start-up to first frame", "peak_rss_mb", "MB", None)]),
    ("one 1080p export, whole process", [("export 1920x1080 frame", "median_ms", "ms", ("<=", 140)),
                                          ("", "ratio1", "x matplotlib", (">=", 3))]),
    ("one 4K export", [("export 3840x2160 frame", "median_ms", "ms", ("<=", 300))]),
    ("40 frames 1080p to PNGs", [("export 40 frames 1920x1080 to PNGs", "median_ms", "ms", ("<=", 550)),
                                  ("", "ratioseq", "x matplotlib", (">=", 7))]),
    ("each further 1080p frame of a sequence", [("", "further", "ms", ("<=", 10))]),
]


def figure(rows, case, metric):
    return derived(rows, metric) if case == "" else value_in(rows, case, metric)


def show(v, unit, metric):
    if v is None:
        return "–"
    if unit.startswith("ms"):
        text = dur(v, "ms") + unit[2:]
        return text + (f" ({1000 / v:.0f} fps)" if metric == "frame_median_ms" and v > 0 else "")
    if unit.startswith("x"):
        return f"{v:.2f}{unit}"
    return f"{num(v)} {unit}"


def target_text(parts):
    out = []
    for _, _, unit, limit in parts:
        if limit:
            op, x = limit
            out.append(f"{'≤' if op == '<=' else '≥'} {x:g}{'' if unit.startswith('x') else ' '}{unit}")
    return ", ".join(out)


def met(rows, parts):
    ok = True
    for case, metric, _, limit in parts:
        if not limit:
            continue
        v = figure(rows, case, metric)
        if v is None:
            return "–"
        ok &= v <= limit[1] if limit[0] == "<=" else v >= limit[1]
    return "yes" if ok else "no"


prev_where = ", ".join(x for x in (header_field(prev_md, "CPU"), header_field(prev_md, "date"), header_field(prev_md, "commit")) if x)
print("\n## Targets\n")
print(f"Each target of the performance work with this run's figure and the previous run's "
      f"({prev_where or 'none recorded'}). This run: {E['QB_CPU']}, {E['QB_NPROC']} logical cores. "
      "Frame times are medians at 1920x1080 on the software renderer; exports are whole processes; "
      "the ratios are matplotlib's time over qantar's for the same picture.\n")
print("| case | previous | now | target | met? |")
print("| --- | ---: | ---: | --- | --- |")
for label, parts in TARGETS:
    now = "<br>".join(show(figure(whole, c, m), u, m) for c, m, u, _ in parts)
    before = "<br>".join(show(figure(prev_rows, c, m), u, m) for c, m, u, _ in parts) if prev_rows else "–"
    print(f"| {label} | {before} | {now} | {target_text(parts)} | {met(whole, parts)} |")

print("\n## In-process figures (Google Benchmark, Release build)\n")
tl, tl_cv = gbench(sys.argv[2])
print("### Timeline queries\n")
print("Synthetic events at a constant density (about 40 in force at any moment), so the number of results "
      "per query stays the same and the time shows how a query grows with n. Time per query; building the "
      "index is per dataset.\n")
print("| query | " + " | ".join(SIZE_LABEL[n] for n in SIZES) + " |")
print("| --- |" + " ---: |" * len(SIZES))
for prefix, label in [("BM_ActiveAt_ConstantDensity", "events in force at a random moment"),
                      ("BM_ActiveAtPlayback_ConstantDensity", "events in force, playing (a minute apart)"),
                      ("BM_Overlapping1h_ConstantDensity", "events overlapping a 1-hour window"),
                      ("BM_LinearScan_ConstantDensity", "linear scan of every event (the O(n) baseline)"),
                      ("BM_BuildIndex_ConstantDensity", "building the index"),
                      ("BM_BuildIndex_FixedSpan", "building the index, all events in 1–12 January")]:
    cells = [dur(r["real_time"], r["time_unit"]) if (r := tl.get(f"{prefix}/{n}")) else "–" for n in SIZES]
    print(f"| {label} | " + " | ".join(cells) + " |")
cells = [num(r["k"]) if (r := tl.get(f"BM_ActiveAt_ConstantDensity/{n}")) and r.get("k") else "–" for n in SIZES]
print("| results per query (k) | " + " | ".join(cells) + " |")
print(f"\n{spread(tl_cv).capitalize()}\n")

ly, ly_cv = gbench(sys.argv[3])
print("### Layer evaluation\n")
print("`evaluateLayers`: everything the animated event layers show at one moment (marks, shaded areas, "
      "airlifts, counters), computed once per frame while the clock plays. Synthetic events from "
      "`makeSyntheticDataset` (the GUI's `--synthetic-events`) over 1–12 January, the layer context "
      "built as the app builds it, all layers on, 12-hour trail. Time per evaluation, and the point "
      "marks it returns.\n")
print("| | bundled (73 events) | " + " | ".join(SIZE_LABEL[n] for n in SIZES) + " |")
print("| --- | ---: |" + " ---: |" * len(SIZES))
for mode, label in [("Moment", "one moment, 2022-01-05 20:00"), ("Playing", "playing, a minute of simulated time per call")]:
    keys = [f"BM_EvaluateLayers_{mode}_Bundled"] + [f"BM_EvaluateLayers_{mode}/{n}" for n in SIZES]
    cells = [dur(r["real_time"], r["time_unit"]) if (r := ly.get(k)) else "–" for k in keys]
    print(f"| {label} | " + " | ".join(cells) + " |")
    cells = [f"{float(r['marks']):.0f}" if (r := ly.get(k)) and r.get("marks") else "–" for k in keys]
    print(f"| marks returned ({mode.lower()}) | " + " | ".join(cells) + " |")
print(f"\n{spread(ly_cv).capitalize()}\n")

rd, rd_cv = gbench(sys.argv[4])
print("### Base map\n")
print("A 1920x1080 frame of the base map (no events) drawn offscreen through EGL and waited for with "
      "glFinish, and the base map's start-up work; wall time and the CPU time of the calling thread.\n")
print("| benchmark | wall time | CPU time |")
print("| --- | ---: | ---: |")
LAYERS = {"0": "all layers", "1": "fills only", "2": "lines only"}
NAMES = {"BM_LoadMapData": "loading the map data (read and project the GeoJSON)",
         "BM_BuildMapScene": "building the map scene (triangulate, simplify, extrude)",
         "BM_LoadMapFromCache": "both read from the map cache instead (hash the inputs, map, check, copy)"}
for name, r in rd.items():
    p = dict(re.findall(r"(\w+):(\d+)", name))
    base = name.split("/")[0]
    if base == "BM_MapFrame1080p":
        label = f"frame 1920x1080, {LAYERS.get(p.get('layers'), 'layers ' + str(p.get('layers')))}, MSAA {p.get('msaa', '?')}"
    elif base == "BM_GlyphAtlas":
        label = "the labels' glyph atlas read from its cache" if p.get("cached") == "1" else "drawing the labels' glyphs into their atlas"
    else:
        label = NAMES.get(base, name)
    print(f"| {label} | {dur(r['real_time'], r['time_unit'])} | {dur(r['cpu_time'], r['time_unit'])} |")
print(f"\n{spread(rd_cv).capitalize()}\n")

pn, pn_cv = gbench(sys.argv[7])
print("### PNG encoding\n")
print("One export frame (the map with its furniture) encoded to PNG: qantar's writer (libdeflate, rows "
      "unfiltered, bands of rows compressed on `strips` threads into one zlib stream) and, for comparison, "
      "the libpng writer it replaced (zlib level 1, Sub filter). Wall time, CPU time of the calling "
      "thread and the file's size.\n")
print("| encoder | frame | wall time | CPU time (calling thread) | file |")
print("| --- | --- | ---: | ---: | ---: |")
for name, r in pn.items():
    p = dict(re.findall(r"(\w+):(\d+)", name))
    enc = "libpng, zlib level 1, Sub (former)" if name.startswith("BM_EncodePngLibpng") else f"qantar, {p.get('strips', '?')} strip(s)"
    size = f"{float(r['bytes']) / 1e3:.0f} KB" if r.get("bytes") else "–"
    print(f"| {enc} | {p.get('height', '?')}p | {dur(r['real_time'], r['time_unit'])} | {dur(r['cpu_time'], r['time_unit'])} | {size} |")
print(f"\n{spread(pn_cv).capitalize()}\n")

mm, _ = gbench(sys.argv[8])
print("### Memory per event\n")
print("Heap bytes per synthetic event (glibc's allocator statistics): the dataset alone, and with the "
      "world built from it (time index, places, counters) as the window holds it; and the size of one "
      "event record.\n")
print("| events | dataset, bytes per event | dataset and world, bytes per event | sizeof(Event) |")
print("| ---: | ---: | ---: | ---: |")
for name, r in mm.items():
    n = name.split("/")[1] if "/" in name else "?"
    f = lambda k: f"{float(r[k]):.0f}" if r.get(k) else "–"
    print(f"| {int(n):,} | {f('bytes_per_event')} | {f('world_bytes_per_event')} | {f('sizeof_event')} |")
print()

print("## Whole-process figures\n")
print("### GUI frame times, 1920x1080, software renderer\n")
print("`qantar --benchmark-frames N` under Xvfb, after 5 frames of warm-up. *Panning*: the view moves every "
      "frame, so the base map is redrawn each time. *Clock playing*: from 5 January 00:00 Almaty time at "
      "4 hours per second, 1/60 s of clock per frame (about 13 hours of the busiest day over 200 frames). "
      "*Frame*: from the start of a "
      "frame until its GL work has finished (glFinish). *CPU*: from the start of the frame until it is "
      "handed to the swap — the program's own work plus any waits for the renderer inside GL calls. "
      "*GPU*: a GL_TIME_ELAPSED query around the frame's GL work. On llvmpipe the \"GPU\" is "
      "rasterizer threads on the same cores, and the query counts from the first to the last of their "
      "work in the frame, gaps included; CPU and GPU overlap, so they do not add up to the frame. "
      "Peak memory: the largest resident set of the same run.\n")
print("| case | frames | frame median | frame p95 | fps (median) | CPU median | CPU p95 | GPU median | GPU p95 | peak memory |")
print("| --- |" + " ---: |" * 9)
for case in dict.fromkeys(r["case"] for r in whole if r["case"].startswith("gui ")):
    v = lambda m: whole_value(case, m)
    ms = lambda m: "n/a" if v(m) in (None, "", "null") else f"{num(v(m))} ms"
    print(f"| {case[4:]} | {v('frames')} | {ms('frame_median_ms')} | {ms('frame_p95_ms')} | {num(v('fps_median')) if v('fps_median') not in (None, '', 'null') else 'n/a'} | "
          f"{ms('cpu_median_ms')} | {ms('cpu_p95_ms')} | {ms('gpu_median_ms')} | {ms('gpu_p95_ms')} | "
          f"{v('peak_rss_mb')} MB |")

print("\n### Start-up, exports and the matplotlib peer\n")
print("Median wall time of the whole process (hyperfine; start-up: until the first frame is on screen, "
      "measured by qantar), and the largest peak resident memory over the same runs (/usr/bin/time).\n")
print("| case | median | peak memory |")
print("| --- | ---: | ---: |")
for case in dict.fromkeys(r["case"] for r in whole if not r["case"].startswith("gui ")):
    m, p = whole_value(case, "median_ms"), whole_value(case, "peak_rss_mb")
    print(f"| {case} | {dur(m, 'ms') if m else '–'} | {p + ' MB' if p else '–'} |")
for q, p, label in [("export 1920x1080 frame", "matplotlib 1920x1080 frame", "1920x1080 frame"),
                    ("export 40 frames 1920x1080 to PNGs", "matplotlib 40 frames 1920x1080", "40-frame sequence")]:
    a, b = whole_value(q, "median_ms"), whole_value(p, "median_ms")
    if a and b and float(a) > 0:
        print(f"| peer ratio, {label}: matplotlib / qantar | {float(b) / float(a):.2f}x | |")
PY
echo "wrote $R/results.md, $csv and $R/timeline.csv, $R/layers.csv, $R/render.csv, $R/png.csv, $R/memory.csv"
