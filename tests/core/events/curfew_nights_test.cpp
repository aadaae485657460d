// A recurring curfew's nights (core/events/curfew_nights.hpp): across midnight in the event's own
// zone, cut by the start and end of the curfew and by the window asked for, and the same nights
// that decide whether the map shows the curfew at a moment.
#include "core/events/curfew_nights.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "core/time/time_printers.hpp"

using namespace qantar::core;

namespace qantar::core {
// Shown by GoogleTest as "[2022-01-05T17:00:00Z, 2022-01-06T01:00:00Z)".
inline void PrintTo(const Interval& i, std::ostream* os) {
    *os << "[" << formatIso(i.start, kUtc) << ", " << formatIso(i.end, kUtc) << ")";
}
inline bool operator==(const Interval& a, const Interval& b) { return a.start == b.start && a.end == b.end; }
}  // namespace qantar::core

namespace {

Instant at(const std::string& iso) {
    auto t = parseIsoTime(iso);
    EXPECT_TRUE(t.ok()) << iso;
    return t.ok() ? t->instant : Instant{};
}

Interval span(const std::string& a, const std::string& b) { return Interval{at(a), at(b)}; }

// A curfew nightly from `fromMinutes` to `toMinutes` after midnight on the wall clock of `zone`.
Event curfew(ZoneOffset zone, int fromMinutes, int toMinutes) {
    Event e;
    e.id = "curfew";
    e.category = Category::Curfew;
    e.localZone = zone;
    e.recurrence = Recurrence{fromMinutes, toMinutes, {}, {}};
    return e;
}

constexpr int k2300 = 23 * 60;
constexpr int k0700 = 7 * 60;

}  // namespace

TEST(CurfewNights, AcrossMidnightInAlmatyTime) {
    const Event e = curfew(kAlmatyTime, k2300, k0700);
    const Interval active = span("2022-01-05T23:00+06:00", "2022-01-08T07:00+06:00");
    EXPECT_EQ(curfewNights(e, active, active.start, active.end),
              (std::vector<Interval>{span("2022-01-05T23:00+06:00", "2022-01-06T07:00+06:00"),
                                     span("2022-01-06T23:00+06:00", "2022-01-07T07:00+06:00"),
                                     span("2022-01-07T23:00+06:00", "2022-01-08T07:00+06:00")}));
}

TEST(CurfewNights, AcrossMidnightInWestKazakhstanTimeIsAnHourLaterInUtc) {
    const Event west = curfew(kWestTime, k2300, k0700);
    const Event almaty = curfew(kAlmatyTime, k2300, k0700);
    // From noon UTC on the 5th to 06:00Z on the 9th: daytime at both ends in both zones.
    const Interval active = span("2022-01-05T12:00Z", "2022-01-09T06:00Z");
    const auto w = curfewNights(west, active, active.start, active.end);
    const auto a = curfewNights(almaty, active, active.start, active.end);
    ASSERT_EQ(w.size(), 4u);
    ASSERT_EQ(a.size(), 4u);
    for (std::size_t i = 0; i < w.size(); ++i) {
        EXPECT_EQ((w[i].start - a[i].start).seconds, 3600) << i;
        EXPECT_EQ((w[i].end - a[i].end).seconds, 3600) << i;
    }
    EXPECT_EQ(w.front(), span("2022-01-05T18:00Z", "2022-01-06T02:00Z"));
    EXPECT_EQ(a.front(), span("2022-01-05T17:00Z", "2022-01-06T01:00Z"));
    // A window opening at 05:00 in the west meets the night of the 4th, two hours before its end.
    const Interval always = span("2022-01-01T00:00Z", "2022-02-01T00:00Z");
    EXPECT_EQ(curfewNights(west, always, at("2022-01-05T05:00+05:00"), at("2022-01-05T12:00+05:00")),
              (std::vector<Interval>{span("2022-01-05T05:00+05:00", "2022-01-05T07:00+05:00")}));
}

TEST(CurfewNights, TheFirstNightStartsMidCurfewWhenTheCurfewDoes) {
    const Event e = curfew(kAlmatyTime, k2300, k0700);
    const Interval active = span("2022-01-06T02:00+06:00", "2022-01-08T07:00+06:00");
    const auto nights = curfewNights(e, active, at("2022-01-05T12:00+06:00"), at("2022-01-09T12:00+06:00"));
    ASSERT_EQ(nights.size(), 3u);
    EXPECT_EQ(nights[0], span("2022-01-06T02:00+06:00", "2022-01-06T07:00+06:00"));
    EXPECT_EQ(nights[1], span("2022-01-06T23:00+06:00", "2022-01-07T07:00+06:00"));
}

TEST(CurfewNights, TheLastNightIsCutByTheEnd) {
    const Event e = curfew(kWestTime, k2300, k0700);
    const Interval active = span("2022-01-05T23:00+05:00", "2022-01-08T03:00+05:00");
    const auto nights = curfewNights(e, active, active.start - Duration::days(3), active.end + Duration::days(3));
    ASSERT_EQ(nights.size(), 3u);
    EXPECT_EQ(nights.back(), span("2022-01-07T23:00+05:00", "2022-01-08T03:00+05:00"));
    // Ending at 23:00 exactly, the curfew has no part of that night.
    const Interval endsAtDusk = span("2022-01-05T23:00+05:00", "2022-01-07T23:00+05:00");
    EXPECT_EQ(curfewNights(e, endsAtDusk, endsAtDusk.start, endsAtDusk.end).size(), 2u);
}

TEST(CurfewNights, AWindowInsideOneNightIsThatWindow) {
    const Event e = curfew(kAlmatyTime, k2300, k0700);
    const Interval active = span("2022-01-05T23:00+06:00", "2022-01-12T07:00+06:00");
    EXPECT_EQ(curfewNights(e, active, at("2022-01-08T01:00+06:00"), at("2022-01-08T03:30+06:00")),
              (std::vector<Interval>{span("2022-01-08T01:00+06:00", "2022-01-08T03:30+06:00")}));
    // A window across 23:00 starts the night at 23:00; one across 07:00 ends it there.
    EXPECT_EQ(curfewNights(e, active, at("2022-01-08T22:00+06:00"), at("2022-01-08T23:30+06:00")),
              (std::vector<Interval>{span("2022-01-08T23:00+06:00", "2022-01-08T23:30+06:00")}));
    EXPECT_EQ(curfewNights(e, active, at("2022-01-08T06:00+06:00"), at("2022-01-08T08:00+06:00")),
              (std::vector<Interval>{span("2022-01-08T06:00+06:00", "2022-01-08T07:00+06:00")}));
}

TEST(CurfewNights, EmptyWindowsAndDaytimeHaveNoNights) {
    const Event e = curfew(kAlmatyTime, k2300, k0700);
    const Interval active = span("2022-01-05T23:00+06:00", "2022-01-12T07:00+06:00");
    const Instant t = at("2022-01-08T01:00+06:00");
    EXPECT_TRUE(curfewNights(e, active, t, t).empty()) << "an empty window";
    EXPECT_TRUE(curfewNights(e, active, t + Duration::hours(1), t).empty()) << "a reversed window";
    EXPECT_TRUE(curfewNights(e, Interval{t, t}, active.start, active.end).empty()) << "an empty curfew";
    EXPECT_TRUE(curfewNights(e, active, at("2022-01-08T07:00+06:00"), at("2022-01-08T23:00+06:00")).empty())
        << "the day between two nights, edges included";
    EXPECT_TRUE(curfewNights(e, active, at("2022-01-01T00:00+06:00"), active.start).empty()) << "before the curfew";
    EXPECT_TRUE(curfewNights(e, active, active.end, active.end + Duration::days(5)).empty()) << "after the curfew";
}

TEST(CurfewNights, WithoutDailyHoursTheWholeCurfewIsOneBlock) {
    Event e = curfew(kAlmatyTime, k2300, k0700);
    e.recurrence.reset();
    const Interval active = span("2022-01-05T23:00+06:00", "2022-01-12T07:00+06:00");
    const Instant from = at("2022-01-06T12:00+06:00");
    EXPECT_EQ(curfewNights(e, active, from, active.end + Duration::days(1)), (std::vector<Interval>{Interval{from, active.end}}));
    e.recurrence = Recurrence{k0700, k0700, {}, {}};
    EXPECT_EQ(curfewNights(e, active, from, active.end + Duration::days(1)), (std::vector<Interval>{Interval{from, active.end}}));
}

TEST(CurfewNights, DaytimeHoursDoNotCrossMidnight) {
    const Event e = curfew(kUtc, 10 * 60, 14 * 60);
    const Interval active = span("2022-01-05T12:00Z", "2022-01-07T00:00Z");
    EXPECT_EQ(curfewNights(e, active, active.start, active.end),
              (std::vector<Interval>{span("2022-01-05T12:00Z", "2022-01-05T14:00Z"), span("2022-01-06T10:00Z", "2022-01-06T14:00Z")}));
}

TEST(CurfewNights, TheMapShowsACurfewExactlyDuringItsNights) {
    // Every 5 minutes of a fortnight, and a second either side of every hour: the point rule the
    // map uses (eventsShownAt, through withinDailyHours) against the nights the timeline draws.
    Dataset data;
    Event almaty = curfew(kAlmatyTime, k2300, k0700);
    almaty.start = at("2022-01-06T02:00+06:00");  // in force from mid-curfew
    almaty.end = at("2022-01-15T03:00+06:00");    // and ended during a night
    almaty.hasEnd = true;
    Event west = curfew(kWestTime, k2300, k0700);
    west.start = at("2022-01-05T23:00+05:00");
    west.end = at("2022-01-12T07:00+05:00");
    west.hasEnd = true;
    Event halfHour = curfew(ZoneOffset{330}, 21 * 60 + 30, 6 * 60 + 15);
    halfHour.start = at("2022-01-04T00:00Z");
    halfHour.end = at("2022-01-18T00:00Z");
    halfHour.hasEnd = true;
    Event daytime = curfew(kAlmatyTime, 10 * 60, 14 * 60);
    daytime.start = at("2022-01-07T00:00+06:00");
    daytime.end = at("2022-01-10T00:00+06:00");
    daytime.hasEnd = true;
    data.events = {halfHour, west, almaty, daytime};
    std::sort(data.events.begin(), data.events.end(), [](const Event& a, const Event& b) { return a.start < b.start; });
    const TimelineIndex index = TimelineIndex::forEvents(data.events);

    const Instant from = at("2022-01-04T00:00Z");
    const Instant to = from + Duration::days(14);
    std::vector<std::vector<Interval>> nights;
    for (const Event& e : data.events) {
        nights.push_back(curfewNights(e, effectiveInterval(e), from, to));
        for (std::size_t k = 1; k < nights.back().size(); ++k) {
            EXPECT_LT(nights.back()[k - 1].end, nights.back()[k].start) << e.localZone.minutes << " in time order, apart";
        }
    }
    std::vector<Instant> moments;
    for (Instant t = from; t < to; t = t + Duration::minutes(5)) moments.push_back(t);
    for (Instant t = from + Duration{1}; t < to; t = t + Duration::hours(1)) {
        moments.push_back(t);
        moments.push_back(t - Duration{2});
    }
    int inForce = 0;
    for (const Instant t : moments) {
        const auto shown = eventsShownAt(data, index, t);
        for (std::uint32_t i = 0; i < data.events.size(); ++i) {
            const bool inNight = std::any_of(nights[i].begin(), nights[i].end(),
                                             [&](const Interval& n) { return n.start <= t && t < n.end; });
            const bool isShown = std::find(shown.begin(), shown.end(), i) != shown.end();
            EXPECT_EQ(isShown, inNight) << formatIso(t, data.events[i].localZone) << ", curfew in "
                                        << formatOffset(data.events[i].localZone);
            inForce += inNight;
        }
    }
    EXPECT_GT(inForce, 1000);
}
