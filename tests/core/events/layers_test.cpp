// Animated layers and counters (core/layers.hpp, core/counters.hpp): the fade, pulse and easing
// curves at their ends and in between; counters that only ever gain reports as time runs; and the
// layers the bundled dataset produces at moments whose answer the articles fix.
#include "core/events/event_format.hpp"
#include "core/events/layers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "core/events/counters.hpp"
#include "core/events/event_places.hpp"
#include "core/map/map_data.hpp"
#include "core/geo/projection.hpp"
#include "core/time/time_printers.hpp"

using namespace qantar::core;

namespace {

Instant at(const std::string& iso) {
    auto t = parseIsoTime(iso);
    EXPECT_TRUE(t.ok()) << iso;
    return t.ok() ? t->instant : Instant{};
}

const Instant kStart = toInstant(CivilTime{2022, 1, 5, 10, 0, 0}, kAlmatyTime);
const Interval kSixHours{kStart, kStart + Duration::hours(6)};
const Duration kTrail = Duration::hours(12);

}  // namespace

// --- Fade --------------------------------------------------------------------------------------

TEST(LayerAlpha, ZeroBeforeTheStart) {
    EXPECT_EQ(eventAlpha(kSixHours, kStart - Duration{1}, kTrail, false), 0.0f);
    EXPECT_EQ(eventAlpha(kSixHours, kStart - Duration::days(3), kTrail, false), 0.0f);
    EXPECT_EQ(eventAlpha(kSixHours, kStart - Duration{1}, kTrail, true), 0.0f) << "cumulative shows only what has happened";
}

TEST(LayerAlpha, VisibleAtTheStartRisingToFullAndFullWhileActive) {
    const float first = eventAlpha(kSixHours, kStart, kTrail, false);
    EXPECT_GT(first, 0.0f) << "an event must be visible from its first second";
    EXPECT_LT(first, 1.0f);
    float previous = first;
    for (int s = 60; s <= 3600; s += 60) {
        const float a = eventAlpha(kSixHours, kStart + Duration{s}, kTrail, false);
        EXPECT_GE(a, previous) << s << " s after the start";
        previous = a;
    }
    EXPECT_EQ(previous, 1.0f);
    for (int m = 60; m < 6 * 60; m += 7) EXPECT_EQ(eventAlpha(kSixHours, kStart + Duration::minutes(m), kTrail, false), 1.0f) << m;
    EXPECT_EQ(eventAlpha(kSixHours, kSixHours.end - Duration{1}, kTrail, false), 1.0f);
}

TEST(LayerAlpha, FallsLinearlyOverTheTrailAndReachesZeroExactlyAtItsEnd) {
    const Instant end = kSixHours.end;
    EXPECT_FLOAT_EQ(eventAlpha(kSixHours, end, kTrail, false), 1.0f);
    EXPECT_FLOAT_EQ(eventAlpha(kSixHours, end + Duration::hours(3), kTrail, false), 0.75f);
    EXPECT_FLOAT_EQ(eventAlpha(kSixHours, end + Duration::hours(6), kTrail, false), 0.5f);
    EXPECT_FLOAT_EQ(eventAlpha(kSixHours, end + Duration::hours(9), kTrail, false), 0.25f);
    // Linear: equal steps in time give equal steps in opacity.
    for (int m = 0; m + 60 <= 12 * 60; m += 60) {
        const float a = eventAlpha(kSixHours, end + Duration::minutes(m), kTrail, false);
        const float b = eventAlpha(kSixHours, end + Duration::minutes(m + 60), kTrail, false);
        EXPECT_NEAR(a - b, 1.0f / 12.0f, 1e-5f) << m;
    }
    EXPECT_GT(eventAlpha(kSixHours, end + kTrail - Duration{1}, kTrail, false), 0.0f);
    EXPECT_EQ(eventAlpha(kSixHours, end + kTrail, kTrail, false), 0.0f);
    EXPECT_EQ(eventAlpha(kSixHours, end + kTrail + Duration::days(30), kTrail, false), 0.0f);
}

TEST(LayerAlpha, CumulativeNeverDropsBelowItsFloorOnceStarted) {
    for (int h = 0; h < 24 * 30; h += 5) {
        const float a = eventAlpha(kSixHours, kStart + Duration::hours(h), kTrail, true);
        EXPECT_GE(a, kCumulativeAlpha) << h << " h after the start";
        EXPECT_LE(a, 1.0f);
    }
    EXPECT_FLOAT_EQ(eventAlpha(kSixHours, kSixHours.end + Duration::days(10), kTrail, true), kCumulativeAlpha);
    // With no trail at all, an ended event vanishes at once, or drops to the floor.
    EXPECT_EQ(eventAlpha(kSixHours, kSixHours.end, Duration{0}, false), 0.0f);
    EXPECT_FLOAT_EQ(eventAlpha(kSixHours, kSixHours.end, Duration{0}, true), kCumulativeAlpha);
}

TEST(LayerAlpha, AlwaysWithinZeroAndOne) {
    const Interval shortOne{kStart, kStart + Duration::minutes(5)};
    for (const Interval& iv : {kSixHours, shortOne}) {
        for (std::int64_t s = -7200; s < 86400 * 2; s += 97) {
            for (bool cumulative : {false, true}) {
                const float a = eventAlpha(iv, kStart + Duration{s}, kTrail, cumulative);
                ASSERT_GE(a, 0.0f);
                ASSERT_LE(a, 1.0f);
            }
        }
    }
}

// --- Pulse and easing --------------------------------------------------------------------------

TEST(LayerPulse, PhaseIsInZeroToOneAndRepeatsEveryPeriod) {
    const Instant s = at("2022-01-02T10:00+05:00");
    EXPECT_EQ(pulsePhase(s, s), 0.0f);
    EXPECT_FLOAT_EQ(pulsePhase(s, s + Duration{kPulsePeriod.seconds / 2}), 0.5f);
    for (std::int64_t d = -3 * kPulsePeriod.seconds; d < 5 * kPulsePeriod.seconds; d += 113) {
        const float p = pulsePhase(s, s + Duration{d});
        ASSERT_GE(p, 0.0f) << d;
        ASSERT_LT(p, 1.0f) << d;
        ASSERT_EQ(p, pulsePhase(s, s + Duration{d} + kPulsePeriod)) << d;
    }
    // Within one period the phase only grows.
    float previous = -1.0f;
    for (std::int64_t d = 0; d < kPulsePeriod.seconds; d += 60) {
        const float p = pulsePhase(s, s + Duration{d});
        EXPECT_GT(p, previous);
        previous = p;
    }
}

TEST(LayerEase, EndpointsMidpointMonotoneAndClamped) {
    EXPECT_EQ(easeInOut(0.0f), 0.0f);
    EXPECT_EQ(easeInOut(1.0f), 1.0f);
    EXPECT_FLOAT_EQ(easeInOut(0.5f), 0.5f);
    EXPECT_EQ(easeInOut(-2.0f), 0.0f);
    EXPECT_EQ(easeInOut(3.0f), 1.0f);
    float previous = 0.0f;
    for (int i = 1; i <= 1000; ++i) {
        const float v = easeInOut(static_cast<float>(i) / 1000.0f);
        ASSERT_GE(v, previous) << i;
        previous = v;
    }
    // Eases: slow at the ends, faster in the middle.
    EXPECT_LT(easeInOut(0.1f), 0.1f);
    EXPECT_GT(easeInOut(0.9f), 0.9f);
}

// --- The bundled dataset: counters and layers --------------------------------------------------

class BundledLayers : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto data = loadDatasetOrError(std::string(QANTAR_ASSET_DIR) + "/events/events.json");
        ASSERT_TRUE(data.ok()) << data.error().message;
        s_data = new Dataset(std::move(*data));
        auto projection = Projection::create();
        ASSERT_TRUE(projection.ok()) << projection.error().message;
        s_projection = new Projection(std::move(*projection));
        auto map = loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *s_projection);
        ASSERT_TRUE(map.ok()) << map.error().message;
        s_map = new MapData(std::move(*map));
        s_index = new TimelineIndex(TimelineIndex::forEvents(s_data->events));
        s_places = new EventPlaces(*s_data, *s_map, *s_projection);
        s_counters = new CounterIndex(*s_data);
    }
    static void TearDownTestSuite() {
        delete s_counters;
        delete s_places;
        delete s_index;
        delete s_map;
        delete s_projection;
        delete s_data;
        s_counters = nullptr;
        s_places = nullptr;
        s_index = nullptr;
        s_map = nullptr;
        s_projection = nullptr;
        s_data = nullptr;
    }
    void SetUp() override { ASSERT_NE(s_counters, nullptr) << "set-up failed"; }

    static LayerContext context() {
        LayerContext ctx;
        ctx.data = s_data;
        ctx.index = s_index;
        ctx.places = s_places;
        ctx.counters = s_counters;
        ctx.airlift.kazakhstan = *s_projection->project(LonLat{71.43, 51.18});
        return ctx;
    }
    static FrameLayers layersAt(const std::string& iso, const EventLayerSettings& settings = {}) {
        return evaluateLayers(context(), at(iso), settings);
    }
    static int regionIndex(const std::string& iso) {
        for (std::size_t r = 0; r < s_map->regions.size(); ++r)
            if (s_map->regions[r].iso == iso) return static_cast<int>(r);
        return -2;
    }
    static bool hasArea(const FrameLayers& f, AreaKind kind) {
        return std::any_of(f.areas.begin(), f.areas.end(), [&](const AreaShade& a) { return a.kind == kind; });
    }
    static std::vector<const EventMark*> protestMarksNear(const FrameLayers& f, LonLat where, double radiusMeters) {
        const MapXY c = *s_projection->project(where);
        std::vector<const EventMark*> v;
        for (const auto& m : f.marks) {
            if (m.kind != MarkKind::Protest && m.kind != MarkKind::ProtestViolent) continue;
            if (std::hypot(m.pos.x - c.x, m.pos.y - c.y) <= radiusMeters) v.push_back(&m);
        }
        return v;
    }

    static Dataset* s_data;
    static Projection* s_projection;
    static MapData* s_map;
    static TimelineIndex* s_index;
    static EventPlaces* s_places;
    static CounterIndex* s_counters;
};
Dataset* BundledLayers::s_data = nullptr;
Projection* BundledLayers::s_projection = nullptr;
MapData* BundledLayers::s_map = nullptr;
TimelineIndex* BundledLayers::s_index = nullptr;
EventPlaces* BundledLayers::s_places = nullptr;
CounterIndex* BundledLayers::s_counters = nullptr;

const LonLat kZhanaozen{52.8619, 43.3412};

TEST_F(BundledLayers, CountersOnlyGainReportsAndTheirUpperEndNeverFalls) {
    const Instant from = at("2022-01-01T00:00+06:00"), to = at("2022-01-20T00:00+06:00");
    Counters previous = s_counters->at(from);
    int changes = 0;
    for (Instant t = from + Duration::hours(1); t <= to; t = t + Duration::hours(1)) {
        const Counters now = s_counters->at(t);
        for (int k = 0; k < kFigureKindCount; ++k) {
            const auto kind = static_cast<FigureKind>(k);
            const Counter& a = previous[kind];
            const Counter& b = now[kind];
            const std::string where = std::string(figureKindId(kind)) + " at " + formatIso(t, kAlmatyTime);
            ASSERT_GE(b.reports.size(), a.reports.size()) << where << ": a report disappeared";
            for (std::size_t i = 0; i < a.reports.size(); ++i) {
                ASSERT_EQ(a.reports[i].figure, b.reports[i].figure) << where << ": earlier reports changed, report " << i;
            }
            for (const auto& s : a.sources) {
                ASSERT_NE(std::find(b.sources.begin(), b.sources.end(), s), b.sources.end()) << where << ": lost source " << s;
            }
            if (a.any) {
                ASSERT_TRUE(b.any) << where;
                // Only a withdrawal takes a number back.
                if (b.withdrawn == a.withdrawn) {
                    ASSERT_GE(b.max, a.max) << where << ": the upper end fell from " << a.max << " to " << b.max;
                }
            }
            for (const auto& r : b.reports) ASSERT_EQ(r.figure->kind, kind) << where;
            ASSERT_LE(b.min, b.max) << where;
            changes += b.reports.size() != a.reports.size();
        }
        previous = now;
    }
    EXPECT_GT(changes, 5) << "the scan should see reports arrive";
    // Nothing is reported before the unrest began.
    for (int k = 0; k < kFigureKindCount; ++k) EXPECT_FALSE(s_counters->at(from)[static_cast<FigureKind>(k)].any);
}

TEST_F(BundledLayers, DeathCounterOn20JanuaryCoversBoth164And225WithTheirSources) {
    const Counters counters = s_counters->at(at("2022-01-20T00:00+06:00"));
    const Counter& deaths = counters[FigureKind::Deaths];
    ASSERT_TRUE(deaths.any);
    EXPECT_EQ(deaths.basis, CounterBasis::Totals) << "totals exist by then";
    EXPECT_LE(deaths.min, 164);
    EXPECT_GE(deaths.max, 225);
    EXPECT_EQ(deaths.max, 225);
    std::set<std::string> needed;
    for (const auto& e : s_data->events)
        for (const auto& f : e.figures)
            if (f.kind == FigureKind::Deaths && f.value && (*f.value == 164 || *f.value == 225)) needed.insert(f.source);
    EXPECT_TRUE(needed.count("france2")) << "France 2 reports the official 225";
    for (const auto& s : needed) {
        EXPECT_NE(std::find(deaths.sources.begin(), deaths.sources.end(), s), deaths.sources.end()) << s;
    }
    const std::string range = formatRange(deaths);
    EXPECT_NE(range.find("225"), std::string::npos) << range;
    // Once totals exist, the range is over totals only: group tolls (police, protesters) count
    // fewer people and would drag the lower end down.
    long long lowestTotal = -1;
    for (const auto& e : s_data->events)
        for (const auto& f : e.figures)
            if (f.kind == FigureKind::Deaths && f.isTotal() && !f.isVague() && f.partial.empty() &&
                !f.isWithdrawnAt(at("2022-01-20T00:00+06:00")) && f.asOfInstant <= at("2022-01-20T00:00+06:00"))
                lowestTotal = lowestTotal < 0 ? f.lower() : std::min(lowestTotal, f.lower());
    EXPECT_EQ(deaths.min, lowestTotal);
}

TEST_F(BundledLayers, DeathCounterIsAFloorWhileOnlyGroupTollsExist) {
    // By 7 January only police and protester tolls are reported; the first total comes on the 8th.
    const Counters jan7 = s_counters->at(at("2022-01-07T12:00+06:00"));
    const Counter& deaths = jan7[FigureKind::Deaths];
    ASSERT_TRUE(deaths.any);
    EXPECT_EQ(deaths.basis, CounterBasis::Floor);
    EXPECT_EQ(formatRange(deaths).rfind("at least ", 0), 0u) << formatRange(deaths);
    const Counters jan9 = s_counters->at(at("2022-01-09T12:00+06:00"));
    EXPECT_EQ(jan9[FigureKind::Deaths].basis, CounterBasis::Totals);
    EXPECT_EQ(formatRange(Counter{}), "none reported");
}

TEST_F(BundledLayers, ProtestMarkNearZhanaozenOn2JanuaryIsDrawnDateOnly) {
    // The sources give the day of the first protest, not its hour: at noon on 2 January it may
    // not have begun yet, so it is drawn uncertain and does not pulse as if happening now.
    const FrameLayers f = layersAt("2022-01-02T12:00+05:00");
    const auto near = protestMarksNear(f, kZhanaozen, 25000.0);
    ASSERT_FALSE(near.empty()) << "no protest mark within 25 km of Zhanaozen";
    EXPECT_GT(near.front()->alpha, 0.0f);
    EXPECT_TRUE(near.front()->uncertainTime);
    EXPECT_LT(near.front()->pulse, 0.0f);
}

TEST_F(BundledLayers, AProtestCertainlyUnderWayPulses) {
    // Protests reach Almaty on 4 January and last to the 9th: on the 6th they are under way.
    const FrameLayers f = layersAt("2022-01-06T12:00+06:00");
    bool pulsing = false;
    for (const auto& m : f.marks) {
        if (s_data->events[m.event].id != "almaty-protests") continue;
        EXPECT_FALSE(m.uncertainTime);
        EXPECT_GE(m.pulse, 0.0f);
        EXPECT_LT(m.pulse, 1.0f);
        pulsing = true;
    }
    EXPECT_TRUE(pulsing) << "no mark for almaty-protests";
}

TEST_F(BundledLayers, CurfewAreaOnlyDuringTheNight) {
    const FrameLayers night = layersAt("2022-01-06T02:00+06:00");
    ASSERT_TRUE(hasArea(night, AreaKind::Curfew));
    for (const auto& a : night.areas) {
        if (a.kind == AreaKind::Curfew) {
            EXPECT_EQ(a.regionIndex, regionIndex("KZ-ALA")) << "the Almaty curfew shades Almaty";
        }
    }
    EXPECT_FALSE(hasArea(layersAt("2022-01-06T12:00+06:00"), AreaKind::Curfew));
    EXPECT_FALSE(hasArea(layersAt("2022-01-05T22:00+06:00"), AreaKind::Curfew)) << "before the first night";
}

TEST_F(BundledLayers, InternetStatusFollowsTheBlackout) {
    EXPECT_EQ(layersAt("2022-01-03T12:00+06:00").internet, ConnectivityStatus::None);
    const FrameLayers jan5 = layersAt("2022-01-05T12:00+06:00");
    EXPECT_EQ(jan5.internet, ConnectivityStatus::Full);
    ASSERT_TRUE(hasArea(jan5, AreaKind::Internet));
    const FrameLayers jan8 = layersAt("2022-01-08T12:00+06:00");
    EXPECT_EQ(jan8.internet, ConnectivityStatus::Partial);
    for (const auto& a : jan8.areas) {
        if (a.kind == AreaKind::Internet) {
            EXPECT_LT(a.intensity, 1.0f) << "partly restored is drawn lighter";
        }
    }
    const FrameLayers jan11 = layersAt("2022-01-11T12:00+06:00");
    EXPECT_EQ(jan11.internet, ConnectivityStatus::Restored);
    EXPECT_FALSE(hasArea(jan11, AreaKind::Internet));
}

TEST_F(BundledLayers, StateOfEmergencyAreaOnTheEveningOf5January) {
    const FrameLayers f = layersAt("2022-01-05T20:00+06:00");
    ASSERT_TRUE(hasArea(f, AreaKind::Emergency));
    EXPECT_FALSE(hasArea(layersAt("2022-01-04T12:00+06:00"), AreaKind::Emergency));
}

TEST_F(BundledLayers, CountersAreCarriedInTheFrame) {
    const Instant t = at("2022-01-20T00:00+06:00");
    const FrameLayers f = evaluateLayers(context(), t, {});
    EXPECT_EQ(f.time, t);
    EXPECT_EQ(f.counters[FigureKind::Deaths].max, s_counters->at(t)[FigureKind::Deaths].max);
}

TEST_F(BundledLayers, TheSameInputsGiveTheSameFrame) {
    const FrameLayers a = layersAt("2022-01-06T02:00+06:00"), b = layersAt("2022-01-06T02:00+06:00");
    ASSERT_EQ(a.marks.size(), b.marks.size());
    for (std::size_t i = 0; i < a.marks.size(); ++i) {
        EXPECT_EQ(a.marks[i].event, b.marks[i].event);
        EXPECT_EQ(a.marks[i].alpha, b.marks[i].alpha);
    }
    EXPECT_EQ(a.areas.size(), b.areas.size());
}

TEST_F(BundledLayers, TurningALayerOffRemovesItsOutput) {
    EventLayerSettings off;
    off.on[static_cast<std::size_t>(EventLayer::Protests)] = false;
    EXPECT_TRUE(protestMarksNear(layersAt("2022-01-02T12:00+05:00", off), kZhanaozen, 25000.0).empty());
    for (const auto& m : layersAt("2022-01-05T20:00+06:00", off).marks) {
        EXPECT_NE(m.kind, MarkKind::Protest);
        EXPECT_NE(m.kind, MarkKind::ProtestViolent);
    }

    EventLayerSettings noCurfew;
    noCurfew.on[static_cast<std::size_t>(EventLayer::Curfew)] = false;
    EXPECT_FALSE(hasArea(layersAt("2022-01-06T02:00+06:00", noCurfew), AreaKind::Curfew));

    EventLayerSettings noInternet;
    noInternet.on[static_cast<std::size_t>(EventLayer::Internet)] = false;
    const FrameLayers n = layersAt("2022-01-05T12:00+06:00", noInternet);
    EXPECT_FALSE(hasArea(n, AreaKind::Internet));
    EXPECT_EQ(n.internet, ConnectivityStatus::None);

    EventLayerSettings noEmergency;
    noEmergency.on[static_cast<std::size_t>(EventLayer::Emergency)] = false;
    EXPECT_FALSE(hasArea(layersAt("2022-01-05T20:00+06:00", noEmergency), AreaKind::Emergency));

    // Every layer off: nothing drawn at all.
    EventLayerSettings none;
    none.on.fill(false);
    for (const char* t : {"2022-01-02T12:00+05:00", "2022-01-06T02:00+06:00", "2022-01-08T12:00+06:00"}) {
        const FrameLayers f = layersAt(t, none);
        EXPECT_TRUE(f.marks.empty()) << t;
        EXPECT_TRUE(f.areas.empty()) << t;
        EXPECT_TRUE(f.airlifts.empty()) << t;
        EXPECT_TRUE(f.banners.empty()) << t;
    }
}

TEST_F(BundledLayers, CumulativeModeKeepsEndedEventsFaded) {
    // The Zhanaozen protest of 2 January is long over by the 11th.
    EventLayerSettings cumulative;
    cumulative.cumulative = true;
    const FrameLayers frame = layersAt("2022-01-11T12:00+06:00", cumulative);  // the marks point into it
    const auto kept = protestMarksNear(frame, kZhanaozen, 25000.0);
    ASSERT_FALSE(kept.empty());
    EXPECT_FLOAT_EQ(kept.front()->alpha, kCumulativeAlpha);
    // Without cumulative mode and past the trail, it is gone.
    EXPECT_TRUE(protestMarksNear(layersAt("2022-01-11T12:00+06:00"), kZhanaozen, 25000.0).empty());
}

TEST(EventPlacesPrecision, SourceGeoPrecisionWidensTheHalo) {
    auto projection = Projection::create();
    ASSERT_TRUE(projection.ok());
    auto map = loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *projection);
    ASSERT_TRUE(map.ok()) << map.error().message;
    Dataset d;
    for (int precision : {0, 1, 2, 3}) {
        Event e;
        e.id = "p" + std::to_string(precision);
        e.place.name = "Aktau";
        e.place.lonLat = LonLat{51.16, 43.65};
        e.geoPrecision = precision;
        d.events.push_back(e);
    }
    const EventPlaces places(d, *map, *projection);
    EXPECT_EQ(places[0].uncertaintyMeters, 0.0) << "no precision given: a point";
    EXPECT_EQ(places[1].uncertaintyMeters, 0.0) << "the named town: a point";
    EXPECT_GT(places[2].uncertaintyMeters, 0.0) << "near the town: a halo";
    EXPECT_GT(places[3].uncertaintyMeters, places[2].uncertaintyMeters) << "a larger region: a larger halo";
}

TEST_F(BundledLayers, NationwideEventsInForceAreNamedButNotTheCounters) {
    // "Protests spread across the country" (2-9 January) has no point on the map; while it is in
    // force it must be on screen somewhere: among the banners the moment's lines name.
    const FrameLayers f = layersAt("2022-01-03T12:00+06:00");
    bool unrest = false;
    for (auto i : f.banners) {
        const Event& e = s_data->events[i];
        if (e.id == "unrest-nationwide") unrest = true;
        EXPECT_NE(e.category, Category::Casualties) << e.id << ": casualty reports are the counters' business";
        EXPECT_NE(e.category, Category::Arrests) << e.id;
    }
    EXPECT_TRUE(unrest) << "the nationwide protests of 2-9 January are in force on 3 January";
    const FrameLayers after = layersAt("2022-01-20T12:00+06:00");
    for (auto i : after.banners) EXPECT_NE(s_data->events[i].id, "unrest-nationwide") << "over by 20 January";
}
