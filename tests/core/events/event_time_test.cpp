// When events happened, no more precisely than the sources say (core/events/event_time.hpp): a
// date-only event stays on its place's calendar day in every display zone; during the day it is
// dated to, it is "date only", never plainly in force from midnight; the map's layers and the
// moment's lines say so; and the time the app covers reaches every report in the data.
#include "core/events/event_time.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/bundled.hpp"
#include "core/events/caption.hpp"
#include "core/events/layers.hpp"
#include "core/time/time_printers.hpp"

using namespace qantar::core;

namespace {

Instant at(const std::string& iso) {
    auto t = parseIsoTime(iso);
    EXPECT_TRUE(t.ok()) << iso;
    return t.ok() ? t->instant : Instant{};
}

Event makeEvent(const std::string& start, const std::string& end, Precision p) {
    Event e;
    e.id = "e";
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

// The display zones a reader can meet: UTC, Almaty, the west, and one far west of Greenwich.
const ZoneOffset kDisplayZones[] = {kUtc, kAlmatyTime, kWestTime, ZoneOffset{-8 * 60}};

const std::string kDash = "\xE2\x80\x93";

}  // namespace

// --- Calendar days stay the place's ------------------------------------------------------------

TEST(EventDates, ADayPrecisionEventOnTwoJanuaryReadsTwoJanuaryInEveryDisplayZone) {
    // Zhanaozen (UTC+5) and Almaty (UTC+6): local midnight is the previous evening in UTC and the
    // previous morning at UTC-8, which must not move the day.
    for (const char* start : {"2022-01-02T00:00:00+05:00", "2022-01-02T00:00:00+06:00"}) {
        const Event e = makeEvent(start, "", Precision::Day);
        const Interval iv = effectiveInterval(e);
        for (ZoneOffset z : kDisplayZones) {
            EXPECT_EQ(formatEventListDate(e, iv, z), "Sun 2 Jan") << start << " shown in " << formatOffset(z);
            EXPECT_EQ(formatEventWhen(e, iv, z), "Sun 2 Jan 2022 (date only)") << start << " shown in " << formatOffset(z);
        }
    }
}

TEST(EventDates, TheBundledZhanaozenProtestIsOnTwoJanuaryInUtc) {
    const EventWorld& w = qantar::test::bundledWorld();
    const Event* e = w.data().findEvent("zhanaozen-lpg-protest-begins");
    ASSERT_NE(e, nullptr);
    ASSERT_EQ(e->precision, Precision::Day);
    const Interval iv = effectiveInterval(*e);
    for (ZoneOffset z : kDisplayZones) {
        EXPECT_EQ(formatEventListDate(*e, iv, z), "Sun 2 Jan") << formatOffset(z);
        EXPECT_EQ(formatEventWhen(*e, iv, z).rfind("Sun 2 Jan 2022", 0), 0u) << formatEventWhen(*e, iv, z);
    }
}

TEST(EventDates, SeveralDaysAndApproximateWindowsAreTheirLocalDays) {
    const Event span = makeEvent("2022-01-02T00:00:00+06:00", "2022-01-10T00:00:00+06:00", Precision::Day);
    const Event approx = makeEvent("2022-01-04T00:00:00+06:00", "2022-01-10T00:00:00+06:00", Precision::Approximate);
    const Event oneDay = makeEvent("2022-01-05T00:00:00+06:00", "2022-01-06T00:00:00+06:00", Precision::Approximate);
    const Event months = makeEvent("2022-01-31T00:00:00+05:00", "2022-02-02T00:00:00+05:00", Precision::Day);
    for (ZoneOffset z : kDisplayZones) {
        EXPECT_EQ(formatEventListDate(span, effectiveInterval(span), z), "2" + kDash + "9 Jan") << formatOffset(z);
        EXPECT_EQ(formatEventWhen(span, effectiveInterval(span), z), "2" + kDash + "9 Jan 2022 (dates only)");
        EXPECT_EQ(formatEventListDate(approx, effectiveInterval(approx), z), "~4" + kDash + "9 Jan");
        EXPECT_EQ(formatEventWhen(approx, effectiveInterval(approx), z), "4" + kDash + "9 Jan 2022 (approximate)");
        EXPECT_EQ(formatEventListDate(oneDay, effectiveInterval(oneDay), z), "~Wed 5 Jan");
        EXPECT_EQ(formatEventListDate(months, effectiveInterval(months), z), "31 Jan" + kDash + "1 Feb");
    }
    // An approximate window opening in the evening keeps its hour, in the place's own clock.
    const Event evening = makeEvent("2022-01-04T18:00:00+06:00", "2022-01-10T00:00:00+06:00", Precision::Approximate);
    EXPECT_EQ(formatEventWhen(evening, effectiveInterval(evening), kUtc),
              "Tue 4 Jan 18:00 \xE2\x80\x93 Sun 9 Jan 2022 (approximate, UTC+6)");
}

TEST(EventDates, AnEventWithATimeOfDayIsConvertedToTheDisplayZone) {
    const Event e = makeEvent("2022-01-05T20:00:00+06:00", "", Precision::Exact);
    const Interval iv = effectiveInterval(e);
    EXPECT_EQ(formatEventListDate(e, iv, kAlmatyTime), "Wed 5 Jan 20:00");
    EXPECT_EQ(formatEventListDate(e, iv, kUtc), "Wed 5 Jan 14:00");
    EXPECT_EQ(formatEventListDate(e, iv, ZoneOffset{-8 * 60}), "Wed 5 Jan 06:00");
    EXPECT_EQ(formatEventWhen(e, iv, kUtc), "Wed 5 Jan 2022, 14:00 (UTC)") << "an instant, not the hour it stays on screen";
    // Early morning in Almaty is the previous day in UTC: here the day does move, with the hour.
    const Event early = makeEvent("2022-01-05T02:00:00+06:00", "", Precision::Hour);
    EXPECT_EQ(formatEventListDate(early, effectiveInterval(early), kUtc), "Tue 4 Jan 20:00");
}

// --- Date only is not "in force from midnight" -------------------------------------------------

TEST(EventState, ADayPrecisionEventIsDateOnlyThroughItsDayThenOver) {
    const Event e = makeEvent("2022-01-04T00:00:00+06:00", "2022-01-05T00:00:00+06:00", Precision::Day);
    const Interval iv = effectiveInterval(e);
    EXPECT_EQ(eventStateAt(e, iv, at("2022-01-03T23:59:59+06:00")), EventState::NotYet);
    EXPECT_EQ(eventStateAt(e, iv, at("2022-01-04T00:00:00+06:00")), EventState::Uncertain)
        << "at 00:00 of its day it is 'date only', not plainly in force";
    EXPECT_STREQ(eventStateName(eventStateAt(e, iv, at("2022-01-04T00:00:00+06:00"))), "date only");
    EXPECT_EQ(eventStateAt(e, iv, at("2022-01-04T23:59:59+06:00")), EventState::Uncertain);
    EXPECT_EQ(eventStateAt(e, iv, at("2022-01-05T00:00:00+06:00")), EventState::Over) << "its whole day has passed";
}

TEST(EventState, ALastingDayPrecisionEventIsDateOnlyOnItsFirstDayOnly) {
    // Zhanaozen's day, in its own zone: the first day ends at midnight UTC+5, not UTC+6.
    const Event e = makeEvent("2022-01-02T00:00:00+05:00", "2022-01-10T00:00:00+05:00", Precision::Day);
    const Interval iv = effectiveInterval(e);
    const Interval w = uncertainWindow(e, iv);
    EXPECT_EQ(w.start, at("2022-01-02T00:00:00+05:00"));
    EXPECT_EQ(w.end, at("2022-01-03T00:00:00+05:00"));
    EXPECT_EQ(eventStateAt(e, iv, at("2022-01-02T23:30:00+05:00")), EventState::Uncertain);
    EXPECT_EQ(eventStateAt(e, iv, at("2022-01-03T00:00:00+05:00")), EventState::InForce);
    EXPECT_EQ(eventStateAt(e, iv, at("2022-01-09T23:59:00+05:00")), EventState::InForce);
}

TEST(EventState, AnApproximateEventIsDateOnlyThroughItsWholeWindow) {
    const Event e = makeEvent("2022-01-04T00:00:00+06:00", "2022-01-10T00:00:00+06:00", Precision::Approximate);
    const Interval iv = effectiveInterval(e);
    for (const char* t : {"2022-01-04T00:00:00+06:00", "2022-01-07T12:00:00+06:00", "2022-01-09T23:59:59+06:00"}) {
        EXPECT_EQ(eventStateAt(e, iv, at(t)), EventState::Uncertain) << t;
    }
    EXPECT_EQ(eventStateAt(e, iv, at("2022-01-10T00:00:00+06:00")), EventState::Over);
}

TEST(EventState, AnExactEventIsInForceFromItsFirstSecond) {
    const Event e = makeEvent("2022-01-05T20:00:00+06:00", "2022-01-05T22:00:00+06:00", Precision::Exact);
    const Interval iv = effectiveInterval(e);
    EXPECT_EQ(uncertainWindow(e, iv).start, uncertainWindow(e, iv).end) << "nothing about it is uncertain";
    EXPECT_EQ(eventStateAt(e, iv, e.start), EventState::InForce);
}

TEST(EventState, NotesSayWhatIsKnownOfTheTime) {
    const Event one = makeEvent("2022-01-04T00:00:00+06:00", "2022-01-05T00:00:00+06:00", Precision::Day);
    const Event lasting = makeEvent("2022-01-05T00:00:00+06:00", "2022-01-12T00:00:00+06:00", Precision::Day);
    const Event approx = makeEvent("2022-01-04T00:00:00+06:00", "2022-01-10T00:00:00+06:00", Precision::Approximate);
    const Event exact = makeEvent("2022-01-05T20:00:00+06:00", "", Precision::Exact);
    EXPECT_EQ(uncertainNote(one, effectiveInterval(one)), "4 Jan, time not given");
    EXPECT_EQ(uncertainNote(lasting, effectiveInterval(lasting)), "from 5 Jan, time not given");
    EXPECT_EQ(uncertainNote(approx, effectiveInterval(approx)), "dates approximate, 4" + kDash + "9 Jan");
    EXPECT_EQ(uncertainNote(exact, effectiveInterval(exact)), "");
}

// --- The map and the moment's lines, on the bundled week ----------------------------------------

TEST(UncertainLayers, EveryDateOnlySymbolIsDrawnUncertainOnItsDayAndPlainAfterIt) {
    const EventWorld& w = qantar::test::bundledWorld();
    int checked = 0;
    for (std::uint32_t i = 0; i < w.data().events.size(); ++i) {
        const Event& e = w.data().events[i];
        const bool symbol = e.category != Category::CstoDeployment && e.category != Category::Curfew &&
                            e.category != Category::StateOfEmergency && e.category != Category::InternetBlackout &&
                            e.category != Category::Mourning;
        if (e.precision != Precision::Day || !w.places()[i].xy || !symbol) continue;
        const Interval iv = w.index().interval(i);
        auto markOf = [&](const FrameLayers& f) -> const EventMark* {
            for (const auto& m : f.marks)
                if (m.event == i) return &m;
            return nullptr;
        };
        // At midnight of its day: drawn, but as uncertain.
        const FrameLayers midnight = w.layersAt(iv.start, EventLayerSettings{});
        const EventMark* m = markOf(midnight);
        ASSERT_NE(m, nullptr) << e.id;
        EXPECT_TRUE(m->uncertainTime) << e.id << " looks as if it happened at 00:00 sharp";
        EXPECT_LT(m->pulse, 0.0f) << e.id << " pulses as if it were happening now";
        // An hour after its window: it has happened, drawn plainly and fading.
        const FrameLayers after = w.layersAt(iv.end + Duration::hours(1), EventLayerSettings{});
        if (const EventMark* a = markOf(after)) {
            EXPECT_FALSE(a->uncertainTime) << e.id;
        }
        ++checked;
    }
    EXPECT_GT(checked, 3) << "the week has date-only events with a place";
}

TEST(UncertainLayers, TheBlackoutComesInAtHalfStrengthOnTheDayItIsDatedToAndTheMomentSaysSo) {
    const EventWorld& w = qantar::test::bundledWorld();
    const Event* e = w.data().findEvent("internet-shutdown");
    ASSERT_NE(e, nullptr);
    ASSERT_EQ(e->precision, Precision::Day);
    const Interval iv = effectiveInterval(*e);
    const FrameLayers first = w.layersAt(iv.start, EventLayerSettings{});
    bool found = false;
    for (const auto& a : first.areas) {
        if (a.kind != AreaKind::Internet) continue;
        found = true;
        EXPECT_TRUE(a.uncertainTime);
        EXPECT_LE(a.alpha, kUncertainAreaAlpha);
    }
    EXPECT_TRUE(found);
    const std::vector<std::string> lines = momentCaption(w, first, kAlmatyTime);
    bool said = false;
    for (const auto& l : lines) said = said || l.find("Internet shut down nationwide (") != std::string::npos;
    EXPECT_TRUE(said) << "the moment names the blackout with what is known of its time";
    // The next day it is certainly in force: full strength, no note.
    const FrameLayers next = w.layersAt(nextLocalMidnight(iv.start, e->localZone) + Duration::hours(12), EventLayerSettings{});
    for (const auto& a : next.areas) {
        if (a.kind == AreaKind::Internet && a.event == *next.internetEvent) {
            EXPECT_FALSE(a.uncertainTime);
        }
    }
}

// --- The time the app covers reaches every report ------------------------------------------------

TEST(DatasetTimeRange, ReachesPastCoverageToTheLastFigureReported) {
    Dataset d;
    d.coverageStart = at("2022-01-01T00:00:00+06:00");
    d.coverageEnd = at("2022-01-13T00:00:00+06:00");
    Event toll = makeEvent("2022-01-10T00:00:00+06:00", "2022-01-11T00:00:00+06:00", Precision::Approximate);
    Figure f;
    f.asOf = "2022-01-16";
    f.asOfInstant = at("2022-01-16T00:00:00+06:00");
    toll.figures.push_back(f);
    d.events.push_back(toll);
    const Interval r = datasetTimeRange(d);
    EXPECT_EQ(r.start, d.coverageStart);
    EXPECT_EQ(r.end, at("2022-01-17T00:00:00+06:00")) << "the whole day of the report, not the coverage's end";
    // An event before the coverage opens it earlier.
    d.events.push_back(makeEvent("2021-12-16T12:00:00+06:00", "", Precision::Exact));
    EXPECT_EQ(datasetTimeRange(d).start, at("2021-12-16T12:00:00+06:00"));
}

TEST(DatasetTimeRange, TheBundledRangeCoversTheSixteenthOfJanuaryReportAndEveryOther) {
    const EventWorld& w = qantar::test::bundledWorld();
    const Interval& r = w.timeRange();
    EXPECT_EQ(r.start, datasetTimeRange(w.data()).start);
    EXPECT_EQ(r.end, datasetTimeRange(w.data()).end);
    EXPECT_LT(w.data().coverageEnd, r.end) << "reports dated after the week are in the data";
    bool saw225 = false;
    for (const Event& e : w.data().events) {
        EXPECT_LE(r.start, effectiveInterval(e).start) << e.id;
        EXPECT_LE(effectiveInterval(e).end, r.end) << e.id;
        for (const Figure& f : e.figures) {
            EXPECT_LE(f.asOfInstant + Duration::days(1), r.end) << e.id << " reported as of " << f.asOf;
            saw225 = saw225 || (f.kind == FigureKind::Deaths && f.value == 225);
        }
    }
    EXPECT_TRUE(saw225);
    EXPECT_LE(at("2022-01-16T23:59:59+06:00"), r.end) << "the 225 toll is reported as of 16 January";
    // At the end of the range every death figure in the data is counted, 225 included.
    const Counters atEnd = w.counters().at(r.end);
    const Counter& deaths = atEnd[FigureKind::Deaths];
    std::size_t figures = 0;
    for (const Event& e : w.data().events)
        for (const Figure& f : e.figures) figures += f.kind == FigureKind::Deaths;
    EXPECT_EQ(deaths.reports.size(), figures);
    EXPECT_GE(deaths.max, 225);
}
