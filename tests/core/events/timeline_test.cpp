// Timeline queries (core/timeline.hpp): what is active at an instant and what overlaps a window,
// pinned at the edges (start inclusive, end exclusive), checked against a brute-force scan on
// thousands of random intervals, and the nightly hours of curfews across midnight in their own zone.
#include "core/events/timeline.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/time/time_printers.hpp"

using namespace qantar::core;

namespace {

Instant at(const std::string& iso) {
    auto t = parseIsoTime(iso);
    EXPECT_TRUE(t.ok()) << iso;
    return t.ok() ? t->instant : Instant{};
}

std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> v) {
    std::sort(v.begin(), v.end());
    return v;
}

std::vector<std::uint32_t> activeAt(const TimelineIndex& index, Instant t) {
    std::vector<std::uint32_t> out;
    index.activeAt(t, out);
    return sorted(out);
}

std::vector<std::uint32_t> overlapping(const TimelineIndex& index, Instant t0, Instant t1) {
    std::vector<std::uint32_t> out;
    index.overlapping(t0, t1, out);
    return out;  // not sorted: callers check for duplicates first
}

Event makeEvent(const std::string& id, Category c, const std::string& start, const std::string& end,
                Precision p = Precision::Exact) {
    Event e;
    e.id = id;
    e.category = c;
    auto s = parseIsoTime(start);
    EXPECT_TRUE(s.ok() && s->offset) << start;
    e.start = s->instant;
    e.localZone = *s->offset;
    e.end = e.start;
    if (!end.empty()) {
        e.end = at(end);
        e.hasEnd = true;
    }
    e.precision = p;
    return e;
}

Event almatyCurfew() {
    Event e = makeEvent("almaty-curfew", Category::Curfew, "2022-01-05T23:00:00+06:00", "2022-01-12T07:00:00+06:00");
    e.recurrence = Recurrence{23 * 60, 7 * 60, {}, {}};
    return e;
}

// A dataset of `events`, sorted as a loaded one is, with its index.
struct Indexed {
    Dataset data;
    TimelineIndex index;
    explicit Indexed(std::vector<Event> events) {
        std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.start < b.start; });
        data.events = std::move(events);
        index = TimelineIndex::forEvents(data.events);
    }
    bool shown(const std::string& id, Instant t) const {
        for (auto i : eventsShownAt(data, index, t))
            if (data.events[i].id == id) return true;
        return false;
    }
};

}  // namespace

// --- Edges -------------------------------------------------------------------------------------

TEST(TimelineQuery, StartIsInclusiveAndEndIsExclusive) {
    const Instant s = at("2022-01-05T10:00+06:00"), e = at("2022-01-05T12:00+06:00");
    const TimelineIndex index({Interval{s, e}});
    EXPECT_TRUE(activeAt(index, s - Duration{1}).empty());
    EXPECT_EQ(activeAt(index, s), std::vector<std::uint32_t>{0});
    EXPECT_EQ(activeAt(index, e - Duration{1}), std::vector<std::uint32_t>{0});
    EXPECT_TRUE(activeAt(index, e).empty());
}

TEST(TimelineQuery, WindowIncludesEventEndingInsideAndStartingInside) {
    const Instant h = at("2022-01-05T00:00+06:00");
    const TimelineIndex index({Interval{h, h + Duration::hours(2)}, Interval{h + Duration::hours(3), h + Duration::hours(5)}});
    EXPECT_EQ(sorted(overlapping(index, h + Duration::hours(1), h + Duration::hours(4))), (std::vector<std::uint32_t>{0, 1}));
}

TEST(TimelineQuery, WindowEdgesTouchingAnEventDoNotOverlapIt) {
    const Instant h = at("2022-01-05T00:00+06:00");
    const TimelineIndex index({Interval{h + Duration::hours(2), h + Duration::hours(4)}});
    // [0h, 2h) ends where the event starts; [4h, 6h) starts where it ends: neither overlaps.
    EXPECT_TRUE(overlapping(index, h, h + Duration::hours(2)).empty());
    EXPECT_TRUE(overlapping(index, h + Duration::hours(4), h + Duration::hours(6)).empty());
    // One second more on either side does.
    EXPECT_EQ(overlapping(index, h, h + Duration::hours(2) + Duration{1}).size(), 1u);
    EXPECT_EQ(overlapping(index, h + Duration::hours(4) - Duration{1}, h + Duration::hours(6)).size(), 1u);
    // A window starting exactly at the event's start reports it once.
    EXPECT_EQ(overlapping(index, h + Duration::hours(2), h + Duration::hours(3)), std::vector<std::uint32_t>{0});
    // An empty or reversed window overlaps nothing.
    EXPECT_TRUE(overlapping(index, h + Duration::hours(3), h + Duration::hours(3)).empty());
    EXPECT_TRUE(overlapping(index, h + Duration::hours(4), h + Duration::hours(2)).empty());
}

TEST(TimelineQuery, EmptyIndexAnswersNothing) {
    const TimelineIndex index;
    EXPECT_EQ(index.size(), 0u);
    EXPECT_TRUE(activeAt(index, Instant{0}).empty());
    EXPECT_TRUE(overlapping(index, Instant{0}, Instant{100}).empty());
    EXPECT_FALSE(index.nextStartAfter(Instant{0}).has_value());
    EXPECT_FALSE(index.previousStartBefore(Instant{0}).has_value());
}

// --- Instants ----------------------------------------------------------------------------------

TEST(TimelineInstants, AnEventWithoutEndIsShownForItsDisplaySpan) {
    const Event exact = makeEvent("shot", Category::Clash, "2022-01-05T14:00:00+06:00", "", Precision::Exact);
    const Event day = makeEvent("arrests", Category::Arrests, "2022-01-06T00:00:00+06:00", "", Precision::Day);
    EXPECT_EQ((effectiveInterval(exact).end - effectiveInterval(exact).start).seconds, instantDisplaySpan(Precision::Exact).seconds);
    EXPECT_EQ(effectiveInterval(day).end, at("2022-01-07T00:00+06:00")) << "a day-precision instant covers its day";
    EXPECT_GT(instantDisplaySpan(Precision::Exact).seconds, 0);
    EXPECT_GE(instantDisplaySpan(Precision::Approximate).seconds, instantDisplaySpan(Precision::Exact).seconds);

    const Indexed x({exact, day});
    const Instant s = exact.start;
    EXPECT_FALSE(x.shown("shot", s - Duration{1}));
    EXPECT_TRUE(x.shown("shot", s));
    EXPECT_TRUE(x.shown("shot", s + instantDisplaySpan(Precision::Exact) - Duration{1}));
    EXPECT_FALSE(x.shown("shot", s + instantDisplaySpan(Precision::Exact)));
    EXPECT_TRUE(x.shown("arrests", at("2022-01-06T23:59:59+06:00")));
    EXPECT_FALSE(x.shown("arrests", at("2022-01-07T00:00:00+06:00")));
}

TEST(TimelineInstants, AnEndEqualToTheStartIsTreatedAsAnInstantNotAsInvisible) {
    Event e = makeEvent("zero", Category::Protest, "2022-01-05T14:00:00+06:00", "2022-01-05T14:00:00+06:00");
    const Interval iv = effectiveInterval(e);
    EXPECT_EQ(iv.start, e.start);
    EXPECT_GT(iv.end, iv.start);
    const Indexed x({e});
    EXPECT_TRUE(x.shown("zero", e.start));
}

// --- Against brute force -----------------------------------------------------------------------

namespace {

struct RandomTimeline {
    std::vector<Event> events;  // sorted by start
    std::vector<Interval> intervals;
    TimelineIndex index;
};

// Events on a coarse grid so that identical starts, shared ends, nested intervals and intervals
// touching at their edges are common; a share of them are instants of each precision.
RandomTimeline randomTimeline(std::uint32_t seed, int n) {
    std::mt19937 rng(seed);
    const Instant base = at("2022-01-01T00:00+06:00");
    std::uniform_int_distribution<int> slot(0, 400);             // start, in 15-minute steps
    std::uniform_int_distribution<int> kind(0, 9);
    std::uniform_int_distribution<int> len(1, 96);                // length, in 15-minute steps
    std::uniform_int_distribution<int> longLen(96, 96 * 10);     // up to ten days: nests many
    RandomTimeline r;
    for (int i = 0; i < n; ++i) {
        Event e;
        e.id = "e" + std::to_string(i);
        e.start = base + Duration::minutes(15 * slot(rng));
        e.localZone = kAlmatyTime;
        const int k = kind(rng);
        if (k == 0) {
            e.precision = Precision::Exact;  // instant
        } else if (k == 1) {
            e.precision = Precision::Day;    // instant, a day wide
        } else if (k == 2) {
            e.hasEnd = true;                 // written with end == start: made an instant
            e.end = e.start;
        } else if (k == 3 && i > 0) {
            // Same start as an earlier event, different end.
            e.start = r.events[static_cast<std::size_t>(i - 1)].start;
            e.hasEnd = true;
            e.end = e.start + Duration::minutes(15 * len(rng));
        } else {
            e.hasEnd = true;
            e.end = e.start + Duration::minutes(15 * (k == 4 ? longLen(rng) : len(rng)));
        }
        if (!e.hasEnd) e.end = e.start;
        r.events.push_back(e);
    }
    std::stable_sort(r.events.begin(), r.events.end(), [](const Event& a, const Event& b) { return a.start < b.start; });
    for (const auto& e : r.events) r.intervals.push_back(effectiveInterval(e));
    r.index = TimelineIndex::forEvents(r.events);
    return r;
}

}  // namespace

TEST(TimelineBruteForce, ActiveAtMatchesAScanOfEveryInterval) {
    for (std::uint32_t seed : {1u, 2u, 3u, 20220105u}) {
        const RandomTimeline r = randomTimeline(seed, 3000);
        ASSERT_EQ(r.index.size(), r.events.size());
        std::mt19937 rng(seed * 7 + 1);
        std::uniform_int_distribution<std::size_t> pick(0, r.intervals.size() - 1);
        std::uniform_int_distribution<std::int64_t> anywhere(r.intervals.front().start.unixSeconds - 3600,
                                                              r.intervals.front().start.unixSeconds + 86400 * 16);
        for (int q = 0; q < 2000; ++q) {
            // Half the queries land exactly on a start or an end, or a second either side.
            Instant t{anywhere(rng)};
            if (q % 2 == 0) {
                const Interval& iv = r.intervals[pick(rng)];
                const Instant edges[] = {iv.start, iv.end, iv.start - Duration{1}, iv.end - Duration{1}};
                t = edges[q / 2 % 4];
            }
            std::vector<std::uint32_t> expected;
            for (std::uint32_t i = 0; i < r.intervals.size(); ++i)
                if (r.intervals[i].start <= t && t < r.intervals[i].end) expected.push_back(i);
            ASSERT_EQ(activeAt(r.index, t), expected) << "seed " << seed << " at " << formatIso(t, kUtc);
        }
    }
}

TEST(TimelineBruteForce, OverlappingMatchesAScanAndReportsEachEventOnce) {
    for (std::uint32_t seed : {11u, 12u, 13u}) {
        const RandomTimeline r = randomTimeline(seed, 3000);
        std::mt19937 rng(seed);
        std::uniform_int_distribution<std::size_t> pick(0, r.intervals.size() - 1);
        std::uniform_int_distribution<std::int64_t> width(1, 86400 * 2);
        for (int q = 0; q < 2000; ++q) {
            const Interval& iv = r.intervals[pick(rng)];
            // Windows starting or ending on event edges, and arbitrary ones.
            Instant t0 = q % 3 == 0 ? iv.start : q % 3 == 1 ? iv.end : iv.start + Duration{width(rng) / 3};
            Instant t1 = t0 + Duration{width(rng)};
            if (q % 5 == 0) t1 = r.intervals[pick(rng)].end;
            if (t1 < t0) std::swap(t0, t1);
            std::vector<std::uint32_t> got = overlapping(r.index, t0, t1);
            const std::set<std::uint32_t> unique(got.begin(), got.end());
            ASSERT_EQ(unique.size(), got.size()) << "an event was reported twice, seed " << seed;
            // An empty window [t, t) overlaps nothing.
            std::vector<std::uint32_t> expected;
            for (std::uint32_t i = 0; i < r.intervals.size() && t0 < t1; ++i)
                if (r.intervals[i].start < t1 && t0 < r.intervals[i].end) expected.push_back(i);
            ASSERT_EQ(sorted(got), expected) << "seed " << seed << " window " << formatIso(t0, kUtc) << " .. "
                                             << formatIso(t1, kUtc);
        }
    }
}

TEST(TimelineBruteForce, StartingInIsTheRangeOfStartsInTheHalfOpenWindow) {
    const RandomTimeline r = randomTimeline(99, 2000);
    std::mt19937 rng(99);
    std::uniform_int_distribution<std::size_t> pick(0, r.intervals.size() - 1);
    for (int q = 0; q < 1000; ++q) {
        Instant t0 = r.intervals[pick(rng)].start, t1 = r.intervals[pick(rng)].start;
        if (t1 < t0) std::swap(t0, t1);
        const auto [a, b] = r.index.startingIn(t0, t1);
        for (std::size_t i = 0; i < r.intervals.size(); ++i) {
            const bool in = t0 <= r.intervals[i].start && r.intervals[i].start < t1;
            ASSERT_EQ(in, i >= a && i < b) << i;
        }
    }
}

// --- Stepping from start to start --------------------------------------------------------------

TEST(TimelineStep, NextAndPreviousStartsAtAndBetweenStarts) {
    const Instant h = at("2022-01-05T00:00+06:00");
    auto iv = [&](int startHour) { return Interval{h + Duration::hours(startHour), h + Duration::hours(startHour + 1)}; };
    const TimelineIndex index({iv(1), iv(2), iv(2), iv(4)});
    // Strictly after / strictly before: stepping from a start moves to the next distinct one.
    EXPECT_EQ(index.nextStartAfter(h), h + Duration::hours(1));
    EXPECT_EQ(index.nextStartAfter(h + Duration::hours(1)), h + Duration::hours(2));
    EXPECT_EQ(index.nextStartAfter(h + Duration::hours(2)), h + Duration::hours(4));
    EXPECT_EQ(index.nextStartAfter(h + Duration::hours(3)), h + Duration::hours(4));
    EXPECT_FALSE(index.nextStartAfter(h + Duration::hours(4)).has_value());
    EXPECT_EQ(index.previousStartBefore(h + Duration::hours(5)), h + Duration::hours(4));
    EXPECT_EQ(index.previousStartBefore(h + Duration::hours(4)), h + Duration::hours(2));
    EXPECT_EQ(index.previousStartBefore(h + Duration::hours(2)), h + Duration::hours(1));
    EXPECT_EQ(index.previousStartBefore(h + Duration::hours(2) + Duration{1}), h + Duration::hours(2));
    EXPECT_FALSE(index.previousStartBefore(h + Duration::hours(1)).has_value());
    EXPECT_FALSE(index.previousStartBefore(h).has_value());
}

TEST(TimelineStep, SteppingForwardVisitsEveryDistinctStartOnce) {
    const RandomTimeline r = randomTimeline(5, 500);
    std::set<std::int64_t> starts;
    for (const auto& iv : r.intervals) starts.insert(iv.start.unixSeconds);
    std::vector<std::int64_t> visited;
    std::optional<Instant> t = r.index.nextStartAfter(Instant{r.intervals.front().start.unixSeconds - 1});
    while (t) {
        visited.push_back(t->unixSeconds);
        t = r.index.nextStartAfter(*t);
    }
    EXPECT_EQ(visited, std::vector<std::int64_t>(starts.begin(), starts.end()));
}

// --- Curfews: nightly hours across midnight, in the event's own zone ---------------------------

TEST(TimelineCurfew, AlmatyCurfewIsShownOnlyDuringItsNightlyHours) {
    const Indexed x({almatyCurfew()});
    EXPECT_TRUE(x.shown("almaty-curfew", at("2022-01-06T02:00+06:00")));
    EXPECT_TRUE(x.shown("almaty-curfew", at("2022-01-08T23:30+06:00")));
    EXPECT_FALSE(x.shown("almaty-curfew", at("2022-01-06T12:00+06:00"))) << "in force, but not at noon";
    EXPECT_FALSE(x.shown("almaty-curfew", at("2022-01-05T22:59+06:00"))) << "before the first night";
}

TEST(TimelineCurfew, NightlyWindowIsFromInclusiveToExclusiveEveryNight) {
    const Indexed x({almatyCurfew()});
    for (int day = 6; day <= 11; ++day) {
        const std::string d = "2022-01-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
        EXPECT_TRUE(x.shown("almaty-curfew", at(d + "T00:00+06:00"))) << d;
        EXPECT_TRUE(x.shown("almaty-curfew", at(d + "T06:59:59+06:00"))) << d;
        EXPECT_FALSE(x.shown("almaty-curfew", at(d + "T07:00+06:00"))) << d;
        EXPECT_FALSE(x.shown("almaty-curfew", at(d + "T22:59:59+06:00"))) << d;
        EXPECT_TRUE(x.shown("almaty-curfew", at(d + "T23:00+06:00"))) << d;
    }
    EXPECT_TRUE(x.shown("almaty-curfew", at("2022-01-05T23:00+06:00"))) << "the first night starts with the event";
    EXPECT_TRUE(x.shown("almaty-curfew", at("2022-01-12T06:59:59+06:00"))) << "the last morning";
    EXPECT_FALSE(x.shown("almaty-curfew", at("2022-01-12T23:30+06:00"))) << "after the event's end";
}

TEST(TimelineCurfew, TheSameQueryInAnotherZoneMeansTheSameInstant) {
    const Indexed x({almatyCurfew()});
    // 02:00 in Almaty is 20:00Z the evening before, and 01:00 in the west.
    EXPECT_TRUE(x.shown("almaty-curfew", at("2022-01-05T20:00Z")));
    EXPECT_TRUE(x.shown("almaty-curfew", at("2022-01-06T01:00+05:00")));
    EXPECT_FALSE(x.shown("almaty-curfew", at("2022-01-06T06:00Z")));  // noon in Almaty
}

TEST(TimelineCurfew, WallClockHoursAreReadInTheEventsOwnZone) {
    // The same nightly hours written in UTC+5 are an hour later in absolute time.
    Event west = makeEvent("aktau-curfew", Category::Curfew, "2022-01-05T23:00:00+05:00", "2022-01-12T07:00:00+05:00");
    west.recurrence = Recurrence{23 * 60, 7 * 60, {}, {}};
    ASSERT_EQ(west.localZone, kWestTime);
    const Indexed x({west, almatyCurfew()});
    // 06:30 in the west is 07:30 in Almaty: the western curfew is on, Almaty's is over.
    const Instant morning = at("2022-01-06T06:30+05:00");
    EXPECT_TRUE(x.shown("aktau-curfew", morning));
    EXPECT_FALSE(x.shown("almaty-curfew", morning));
    // 23:30 in Almaty is 22:30 in the west: Almaty's curfew is on, the western one not yet.
    const Instant evening = at("2022-01-06T23:30+06:00");
    EXPECT_TRUE(x.shown("almaty-curfew", evening));
    EXPECT_FALSE(x.shown("aktau-curfew", evening));
    EXPECT_TRUE(withinDailyHours(west, at("2022-01-06T23:00+05:00")));
    EXPECT_FALSE(withinDailyHours(west, at("2022-01-06T22:59+05:00")));
}

TEST(TimelineCurfew, DaytimeHoursThatDoNotCrossMidnight) {
    Event e = makeEvent("day-curfew", Category::Curfew, "2022-01-06T00:00:00+06:00", "2022-01-09T00:00:00+06:00");
    e.recurrence = Recurrence{10 * 60, 14 * 60, {}, {}};
    EXPECT_FALSE(withinDailyHours(e, at("2022-01-07T09:59+06:00")));
    EXPECT_TRUE(withinDailyHours(e, at("2022-01-07T10:00+06:00")));
    EXPECT_TRUE(withinDailyHours(e, at("2022-01-07T13:59+06:00")));
    EXPECT_FALSE(withinDailyHours(e, at("2022-01-07T14:00+06:00")));
    EXPECT_FALSE(withinDailyHours(e, at("2022-01-07T23:00+06:00")));
}

TEST(TimelineCurfew, EventsWithoutNightlyHoursAreShownAllDay) {
    const Event e = makeEvent("soe", Category::StateOfEmergency, "2022-01-05T00:00:00+06:00", "2022-01-12T00:00:00+06:00");
    EXPECT_TRUE(withinDailyHours(e, at("2022-01-06T12:00+06:00")));
    EXPECT_TRUE(withinDailyHours(e, at("2022-01-06T02:00+06:00")));
}

TEST(TimelineShown, EventsShownAreSortedByStartAndExcludeCurfewOutsideItsHours) {
    const Indexed x({almatyCurfew(),
                     makeEvent("soe", Category::StateOfEmergency, "2022-01-05T00:00:00+06:00", "2022-01-12T00:00:00+06:00"),
                     makeEvent("protest", Category::Protest, "2022-01-04T00:00:00+06:00", "2022-01-10T00:00:00+06:00")});
    auto night = eventsShownAt(x.data, x.index, at("2022-01-06T02:00+06:00"));
    ASSERT_EQ(night.size(), 3u);
    for (std::size_t i = 1; i < night.size(); ++i) EXPECT_LE(x.data.events[night[i - 1]].start, x.data.events[night[i]].start);
    auto noon = eventsShownAt(x.data, x.index, at("2022-01-06T12:00+06:00"));
    EXPECT_EQ(noon.size(), 2u);
    for (auto i : noon) EXPECT_NE(x.data.events[i].id, "almaty-curfew");
}
