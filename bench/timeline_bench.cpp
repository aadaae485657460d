// Cost of the timeline queries (core/timeline.hpp) on synthetic events, 10^3 to 10^6 of them.
// The index promises O(log n + k), k the number of results. Two distributions tell the terms apart:
//   FixedSpan        — all events in 1-12 January, as in the real data: k grows with n.
//   ConstantDensity  — a constant number of events per hour, so the span grows with n and k stays
//                      about the same: the per-query time must stay nearly flat from 10^3 to 10^6.
// A linear scan over the same intervals is the baseline an O(n) query would follow.
// Counters: k = average results per query; items/s = queries per second.
//
// Layer evaluation (core/layers.hpp, evaluateLayers: everything the animated layers show at one
// moment, computed once per frame) on core::makeSyntheticDataset's events, the ones the GUI's
// --synthetic-events shows, with the LayerContext built as the app builds it (core::EventWorld on
// the bundled map data), default layer settings (all on, 12 h trail):
//   EvaluateLayers_Moment   — the same moment, 2022-01-05 20:00 Almaty time, every iteration.
//   EvaluateLayers_Playing  — as while the clock plays: each call a minute of simulated time later.
//   ..._Bundled             — the same on the bundled 73 events, for scale.
// Counters: marks = point symbols produced per call; items/s = layer evaluations per second.
//
// Memory per event (BM_MemoryPerEvent/n): the heap makeSyntheticDataset(n) takes (bytes_per_event,
// interned strings included) and that plus the EventWorld built on it (world_bytes_per_event: the
// time index, map positions and counters), from glibc's count of bytes in use; one iteration, the
// first build of those strings in the process.
//
// Run: build/bench/qantar_timeline_bench  (Release build)
#include <benchmark/benchmark.h>

#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/events/event_world.hpp"
#include "core/events/events.hpp"
#include "core/events/layers.hpp"
#include "core/map/map_data.hpp"
#include "core/geo/projection.hpp"
#include "core/events/synthetic.hpp"
#include "core/time/time.hpp"
#include "core/events/timeline.hpp"

using namespace qantar::core;

namespace {



const Instant kPeriodStart = toInstant(CivilTime{2022, 1, 1, 0, 0, 0}, kAlmatyTime);
constexpr Duration kFixedSpan = Duration::days(12);
constexpr double kEventsPerHour = 2.0;  // ConstantDensity: about 50 events active at any moment

enum class Spread { FixedSpan, ConstantDensity };

Duration spanFor(Spread spread, std::size_t n) {
    if (spread == Spread::FixedSpan) return kFixedSpan;
    return Duration{static_cast<std::int64_t>(static_cast<double>(n) / kEventsPerHour * 3600.0)};
}

// One synthetic event, as scripts/gen_synthetic_events.py makes them: a key city, its zone, a
// category, a precision, and a duration from minutes to days; some are instants.
Event syntheticEvent(std::mt19937_64& rng, std::size_t i, Duration span) {
    static const Category kCategories[] = {Category::Protest, Category::Protest, Category::Clash, Category::LootingArson,
                                           Category::Casualties, Category::Arrests, Category::Curfew,
                                           Category::StateOfEmergency, Category::InternetBlackout,
                                           Category::CstoDeployment, Category::AirportClosure,
                                           Category::GovernmentAction, Category::Mourning};
    const SyntheticCity& city = syntheticCities()[rng() % syntheticCities().size()];
    Event e;
    e.id = "s" + std::to_string(i);
    e.category = kCategories[rng() % (sizeof kCategories / sizeof kCategories[0])];
    e.localZone = zoneForRegion(city.region);
    e.place.name = city.name;
    e.place.lonLat = LonLat{city.lon, city.lat};
    e.place.region = city.region;
    e.precision = static_cast<Precision>(rng() % 4);
    e.start = kPeriodStart + Duration{static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span.seconds))};
    const double band = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    Duration length;
    if (band < 0.35) length = Duration::minutes(5 + static_cast<std::int64_t>(rng() % 86));  // minutes
    else if (band < 0.75) length = Duration::hours(2 + static_cast<std::int64_t>(rng() % 11));  // hours
    else length = Duration::days(1 + static_cast<std::int64_t>(rng() % 3));  // days
    if (e.category == Category::Curfew) {
        e.recurrence = Recurrence{23 * 60, 7 * 60, {}, {}};
        length = Duration::days(2 + static_cast<std::int64_t>(rng() % 5));
    }
    if (std::uniform_real_distribution<double>(0.0, 1.0)(rng) >= 0.15) {  // 15% instants
        e.end = e.start + length;
        e.hasEnd = true;
    } else {
        e.end = e.start;
    }
    return e;
}

// Intervals of n synthetic events, sorted by start as a loaded dataset's are. Events are made one
// at a time and reduced to their interval, so 10^6 of them fit in memory comfortably.
const std::vector<Interval>& intervals(Spread spread, std::size_t n) {
    static std::map<std::pair<int, std::size_t>, std::vector<Interval>> cache;
    auto& v = cache[{static_cast<int>(spread), n}];
    if (v.empty()) {
        std::mt19937_64 rng(20220105u + n * 31u + static_cast<std::size_t>(spread));
        const Duration span = spanFor(spread, n);
        v.reserve(n);
        for (std::size_t i = 0; i < n; ++i) v.push_back(effectiveInterval(syntheticEvent(rng, i, span)));
        std::sort(v.begin(), v.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
    }
    return v;
}

const TimelineIndex& timelineIndex(Spread spread, std::size_t n) {
    static std::map<std::pair<int, std::size_t>, TimelineIndex> cache;
    auto it = cache.find({static_cast<int>(spread), n});
    if (it == cache.end()) it = cache.emplace(std::make_pair(static_cast<int>(spread), n), TimelineIndex(intervals(spread, n))).first;
    return it->second;
}

// Query instants spread uniformly over the events' span, fixed in advance so that the random
// number generator is not what is measured.
std::vector<Instant> queryTimes(Spread spread, std::size_t n) {
    std::mt19937_64 rng(7u + n);
    const Duration span = spanFor(spread, n);
    std::vector<Instant> q(4096);
    for (auto& t : q) t = kPeriodStart + Duration{static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span.seconds))};
    return q;
}

void activeAt(benchmark::State& state, Spread spread) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const TimelineIndex& idx = timelineIndex(spread, n);
    const std::vector<Instant> q = queryTimes(spread, n);
    std::vector<std::uint32_t> out;
    out.reserve(n);
    std::size_t i = 0, results = 0;
    for (auto _ : state) {
        out.clear();
        idx.activeAt(q[i++ & 4095], out);
        results += out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["k"] = benchmark::Counter(static_cast<double>(results), benchmark::Counter::kAvgIterations);
}

void overlapping1h(benchmark::State& state, Spread spread) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const TimelineIndex& idx = timelineIndex(spread, n);
    const std::vector<Instant> q = queryTimes(spread, n);
    std::vector<std::uint32_t> out;
    out.reserve(n);
    std::size_t i = 0, results = 0;
    for (auto _ : state) {
        out.clear();
        const Instant t0 = q[i++ & 4095];
        idx.overlapping(t0, t0 + Duration::hours(1), out);
        results += out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["k"] = benchmark::Counter(static_cast<double>(results), benchmark::Counter::kAvgIterations);
}

// As the GUI queries while the clock plays: one minute of simulated time per frame, so successive
// queries walk nearby paths of the tree and stay in cache. Random times (above) miss cache on every
// level once the index outgrows it; the gap between the two is memory, not the algorithm.
void activeAtPlayback(benchmark::State& state, Spread spread) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const TimelineIndex& idx = timelineIndex(spread, n);
    const Duration span = spanFor(spread, n);
    std::vector<std::uint32_t> out;
    out.reserve(n);
    const Instant first = kPeriodStart + Duration{span.seconds / 3};
    Instant t = first;
    std::size_t results = 0;
    for (auto _ : state) {
        out.clear();
        idx.activeAt(t, out);
        results += out.size();
        benchmark::DoNotOptimize(out.data());
        t = t + Duration::minutes(1);
        if (t > first + Duration::days(7)) t = first;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["k"] = benchmark::Counter(static_cast<double>(results), benchmark::Counter::kAvgIterations);
}

// The O(n) baseline: test every interval.
void linearScan(benchmark::State& state, Spread spread) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::vector<Interval>& iv = intervals(spread, n);
    const std::vector<Instant> q = queryTimes(spread, n);
    std::vector<std::uint32_t> out;
    out.reserve(n);
    std::size_t i = 0, results = 0;
    for (auto _ : state) {
        out.clear();
        const Instant t = q[i++ & 4095];
        for (std::uint32_t j = 0; j < iv.size(); ++j)
            if (iv[j].start <= t && t < iv[j].end) out.push_back(j);
        results += out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["k"] = benchmark::Counter(static_cast<double>(results), benchmark::Counter::kAvgIterations);
}

void build(benchmark::State& state, Spread spread) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::vector<Interval>& iv = intervals(spread, n);
    for (auto _ : state) {
        TimelineIndex idx{std::vector<Interval>(iv)};
        benchmark::DoNotOptimize(idx.size());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * static_cast<std::int64_t>(n)));
}

void BM_ActiveAt_FixedSpan(benchmark::State& s) { activeAt(s, Spread::FixedSpan); }
void BM_ActiveAt_ConstantDensity(benchmark::State& s) { activeAt(s, Spread::ConstantDensity); }
void BM_ActiveAtPlayback_ConstantDensity(benchmark::State& s) { activeAtPlayback(s, Spread::ConstantDensity); }
void BM_Overlapping1h_FixedSpan(benchmark::State& s) { overlapping1h(s, Spread::FixedSpan); }
void BM_Overlapping1h_ConstantDensity(benchmark::State& s) { overlapping1h(s, Spread::ConstantDensity); }
void BM_LinearScan_ConstantDensity(benchmark::State& s) { linearScan(s, Spread::ConstantDensity); }
void BM_BuildIndex_FixedSpan(benchmark::State& s) { build(s, Spread::FixedSpan); }
void BM_BuildIndex_ConstantDensity(benchmark::State& s) { build(s, Spread::ConstantDensity); }

// --- Layer evaluation ---------------------------------------------------------------------------

struct MapWorld {
    std::unique_ptr<Projection> projection;
    std::unique_ptr<MapData> map;
};

const MapWorld& mapWorld() {
    static const MapWorld w = [] {
        MapWorld x;
        auto proj = Projection::create();
        if (!proj) {
            std::fprintf(stderr, "%s\n", proj.error().message.c_str());
            std::exit(1);
        }
        x.projection = std::make_unique<Projection>(std::move(*proj));
        auto map = loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *x.projection);
        if (!map) {
            std::fprintf(stderr, "%s\n", map.error().message.c_str());
            std::exit(1);
        }
        x.map = std::make_unique<MapData>(std::move(*map));
        return x;
    }();
    return w;
}

// The world of n synthetic events (n = 0: the bundled events), as the GUI builds it for
// --synthetic-events n. Only the last one is kept: 10^6 events take a few hundred MB.
const EventWorld& eventWorld(std::size_t n) {
    static std::size_t cachedN = SIZE_MAX;
    static std::unique_ptr<EventWorld> cached;
    if (cachedN != n || !cached) {
        cached.reset();
        const MapWorld& m = mapWorld();
        if (n == 0) {
            auto w = loadEventWorld(std::string(QANTAR_ASSET_DIR) + "/events/events.json", *m.map, *m.projection);
            if (!w) {
                std::fprintf(stderr, "%s\n", w.error().message.c_str());
                std::exit(1);
            }
            cached = std::move(*w);
        } else {
            cached = std::make_unique<EventWorld>(makeSyntheticDataset(n), *m.map, *m.projection);
        }
        cachedN = n;
    }
    return *cached;
}

const Instant kLayerMoment = toInstant(CivilTime{2022, 1, 5, 20, 0, 0}, kAlmatyTime);

void evaluateLayersAt(benchmark::State& state, std::size_t n, bool playing) {
    const EventWorld& world = eventWorld(n);
    const LayerContext ctx = world.context();
    const EventLayerSettings settings;
    // Playing starts on 3 January and walks the week at a minute per call, as the clock does at
    // one simulated hour per second and 60 frames per second.
    const Instant first = playing ? toInstant(CivilTime{2022, 1, 3, 0, 0, 0}, kAlmatyTime) : kLayerMoment;
    Instant t = first;
    std::size_t marks = 0;
    for (auto _ : state) {
        FrameLayers f = evaluateLayers(ctx, t, settings);
        marks += f.marks.size();
        benchmark::DoNotOptimize(f.marks.data());
        if (playing) {
            t = t + Duration::minutes(1);
            if (t > first + Duration::days(7)) t = first;
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["marks"] = benchmark::Counter(static_cast<double>(marks), benchmark::Counter::kAvgIterations);
}

// Bytes of heap in use, as glibc counts them (small blocks and mmapped ones).
double heapInUse() {
    const struct mallinfo2 m = mallinfo2();
    return static_cast<double>(m.uordblks + m.hblkhd);
}

void BM_MemoryPerEvent(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const MapWorld& m = mapWorld();
    double data = 0.0, world = 0.0;
    for (auto _ : state) {
        const double before = heapInUse();
        Dataset d = makeSyntheticDataset(n);
        data = heapInUse() - before;
        auto w = std::make_unique<EventWorld>(std::move(d), *m.map, *m.projection);
        world = heapInUse() - before;
        benchmark::DoNotOptimize(w.get());
    }
    state.counters["bytes_per_event"] = data / static_cast<double>(n);
    state.counters["world_bytes_per_event"] = world / static_cast<double>(n);
    state.counters["sizeof_event"] = static_cast<double>(sizeof(Event));
}

void BM_EvaluateLayers_Moment(benchmark::State& s) { evaluateLayersAt(s, static_cast<std::size_t>(s.range(0)), false); }
void BM_EvaluateLayers_Playing(benchmark::State& s) { evaluateLayersAt(s, static_cast<std::size_t>(s.range(0)), true); }
void BM_EvaluateLayers_Moment_Bundled(benchmark::State& s) { evaluateLayersAt(s, 0, false); }
void BM_EvaluateLayers_Playing_Bundled(benchmark::State& s) { evaluateLayersAt(s, 0, true); }

}  // namespace

BENCHMARK(BM_ActiveAt_FixedSpan)->RangeMultiplier(10)->Range(1000, 1000000);
BENCHMARK(BM_ActiveAt_ConstantDensity)->RangeMultiplier(10)->Range(1000, 1000000);
BENCHMARK(BM_ActiveAtPlayback_ConstantDensity)->RangeMultiplier(10)->Range(1000, 1000000);
BENCHMARK(BM_Overlapping1h_FixedSpan)->RangeMultiplier(10)->Range(1000, 1000000);
BENCHMARK(BM_Overlapping1h_ConstantDensity)->RangeMultiplier(10)->Range(1000, 1000000);
BENCHMARK(BM_LinearScan_ConstantDensity)->RangeMultiplier(10)->Range(1000, 1000000);
BENCHMARK(BM_BuildIndex_FixedSpan)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildIndex_ConstantDensity)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond);

namespace {
// After the time queries, size by size, so each world is built once. Their counter differs from
// the queries' k: run them separately when writing CSV (the CSV reporter wants one set of counters).
[[maybe_unused]] const bool kLayerBenchmarks = [] {
    benchmark::RegisterBenchmark("BM_EvaluateLayers_Moment_Bundled", BM_EvaluateLayers_Moment_Bundled)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("BM_EvaluateLayers_Playing_Bundled", BM_EvaluateLayers_Playing_Bundled)
        ->Unit(benchmark::kMicrosecond);
    for (std::int64_t n : {1000, 10000, 100000, 1000000}) {
        benchmark::RegisterBenchmark("BM_EvaluateLayers_Moment", BM_EvaluateLayers_Moment)->Arg(n)->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark("BM_EvaluateLayers_Playing", BM_EvaluateLayers_Playing)->Arg(n)->Unit(benchmark::kMicrosecond);
    }
    return true;
}();
// Last, and apart: its counters are bytes, not results.
[[maybe_unused]] const bool kMemoryBenchmarks = [] {
    for (std::int64_t n : {100000, 1000000})
        benchmark::RegisterBenchmark("BM_MemoryPerEvent", BM_MemoryPerEvent)->Arg(n)->Iterations(1)->Unit(benchmark::kMillisecond);
    return true;
}();
}  // namespace

BENCHMARK_MAIN();
