// The timeline's pixel geometry: folded marks, the depth of overlapping extent bars, and the window
// following the playhead.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/time/time_axis.hpp"

using namespace qantar;

namespace {

// Per pixel column, how many spans contain its centre (the definition coverageRuns compresses).
std::vector<int> bruteDepth(const std::vector<std::pair<double, double>>& spans, int left, int right) {
    std::vector<int> depth(static_cast<std::size_t>(right - left), 0);
    for (int x = left; x < right; ++x) {
        const double centre = x + 0.5;
        for (const auto& [a, b] : spans) depth[static_cast<std::size_t>(x - left)] += a <= centre && centre < b;
    }
    return depth;
}

std::vector<int> expand(const std::vector<core::DepthRun>& runs, int left, int right) {
    std::vector<int> depth(static_cast<std::size_t>(right - left), 0);
    for (const auto& r : runs) {
        EXPECT_LT(r.x0, r.x1);
        EXPECT_GT(r.depth, 0);
        for (int x = r.x0; x < r.x1; ++x) depth[static_cast<std::size_t>(x - left)] = r.depth;
    }
    return depth;
}

}  // namespace

TEST(CoverageRuns, MatchesCountingEverySpanAtEveryPixel) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> pos(-200.0, 1400.0), len(0.0, 300.0);
    for (int round = 0; round < 50; ++round) {
        std::vector<std::pair<double, double>> spans;
        const int n = 1 + round * 7;
        for (int i = 0; i < n; ++i) {
            const double a = pos(rng);
            spans.emplace_back(a, a + len(rng));
        }
        const int left = 100, right = 1100;
        EXPECT_EQ(expand(core::coverageRuns(spans, left, right), left, right), bruteDepth(spans, left, right))
            << "round " << round;
    }
}

TEST(CoverageRuns, MergesEqualDepthIntoOneRunAndSkipsEmptyOrReversedSpans) {
    // A thousand identical bars are one rectangle of depth 1000, not a thousand rectangles.
    std::vector<std::pair<double, double>> spans(1000, {10.0, 50.0});
    spans.emplace_back(70.0, 60.0);   // reversed: nothing
    spans.emplace_back(80.0, 80.2);   // covers no pixel centre
    spans.emplace_back(std::nan(""), 90.0);
    const auto runs = core::coverageRuns(spans, 0, 200);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].x0, 10);
    EXPECT_EQ(runs[0].x1, 50);
    EXPECT_EQ(runs[0].depth, 1000);
    EXPECT_TRUE(core::coverageRuns(spans, 50, 50).empty());
}

TEST(CoverageRuns, ClipsToTheTrack) {
    const auto runs = core::coverageRuns({{-1e12, 1e12}}, 20, 30);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].x0, 20);
    EXPECT_EQ(runs[0].x1, 30);
}

TEST(FoldMarks, MarksCloserThanTheGapFoldIntoOne) {
    const auto folds = core::foldMarks({0.0, 1.0, 2.5, 10.0, 20.0, 21.0}, 3.0);
    ASSERT_EQ(folds.size(), 3u);
    EXPECT_EQ(folds[0], (std::pair<std::uint32_t, std::uint32_t>{0, 3}));
    EXPECT_EQ(folds[1], (std::pair<std::uint32_t, std::uint32_t>{3, 4}));
    EXPECT_EQ(folds[2], (std::pair<std::uint32_t, std::uint32_t>{4, 6}));
}

namespace {

// A week from 2022-01-01T00:00Z across 1000 pixels starting at x = 40.
core::TimeAxis weekAxis() {
    const core::Instant start{core::daysFromCivil(2022, 1, 1) * 86400};
    return core::TimeAxis(start, start + core::Duration::days(7), 40.0, 1000.0);
}

// Where `t` sits in the window, as a fraction of the span from the left.
double fractionOf(const core::TimeAxis& axis, core::Instant t) {
    return static_cast<double>((t - axis.start()).seconds) / static_cast<double>((axis.end() - axis.start()).seconds);
}

void expectSameScale(const core::TimeAxis& moved, const core::TimeAxis& before) {
    EXPECT_EQ((moved.end() - moved.start()).seconds, (before.end() - before.start()).seconds);
    EXPECT_DOUBLE_EQ(moved.secondsPerPixel(), before.secondsPerPixel());
    EXPECT_DOUBLE_EQ(moved.toX(moved.start()), 40.0);
    EXPECT_DOUBLE_EQ(moved.toX(moved.end()), 1040.0);
}

}  // namespace

TEST(TimeAxisKeepInView, InsideTheWindowNothingMoves) {
    const core::TimeAxis before = weekAxis();
    for (const core::Instant t : {before.start(), before.start() + core::Duration::days(3), before.end() - core::Duration{1}}) {
        core::TimeAxis axis = before;
        axis.keepInView(t);
        EXPECT_EQ(axis.start(), before.start()) << core::formatIso(t, core::kUtc);
        EXPECT_EQ(axis.end(), before.end()) << core::formatIso(t, core::kUtc);
    }
}

TEST(TimeAxisKeepInView, AtTheEndTheWindowMovesOnWithTheTimeAtOneTenth) {
    // The end is outside the window: a playhead reaching it must not leave the view.
    const core::TimeAxis before = weekAxis();
    core::TimeAxis axis = before;
    axis.keepInView(before.end());
    EXPECT_DOUBLE_EQ(fractionOf(axis, before.end()), 0.1);
    EXPECT_DOUBLE_EQ(axis.toX(before.end()), 140.0);
    expectSameScale(axis, before);
}

TEST(TimeAxisKeepInView, BeforeTheStartTheWindowMovesBackWithTheTimeAtNineTenths) {
    const core::TimeAxis before = weekAxis();
    core::TimeAxis axis = before;
    const core::Instant t = before.start() - core::Duration{1};
    axis.keepInView(t);
    EXPECT_DOUBLE_EQ(fractionOf(axis, t), 0.9);
    EXPECT_DOUBLE_EQ(axis.toX(t), 940.0);
    expectSameScale(axis, before);
}

TEST(TimeAxisKeepInView, FarJumpsBothWaysKeepTheSpanAndPutTheTimeInView) {
    const core::TimeAxis before = weekAxis();
    for (const std::int64_t days : {8LL, 365LL, 36500LL, -1LL, -365LL, -36500LL}) {
        core::TimeAxis axis = before;
        const core::Instant t = (days > 0 ? before.end() : before.start()) + core::Duration::days(days);
        axis.keepInView(t);
        EXPECT_TRUE(axis.start() <= t && t < axis.end()) << days << " days";
        EXPECT_DOUBLE_EQ(fractionOf(axis, t), days > 0 ? 0.1 : 0.9) << days << " days";
        expectSameScale(axis, before);
    }
}

TEST(TimeAxisKeepInView, SpansThatDoNotDivideByTenStayExact) {
    // 7 seconds across 3 pixels: a tenth is not a whole second, and the span must still not change.
    const core::Instant start{1000};
    for (const core::Instant t : {core::Instant{2000}, core::Instant{0}}) {
        core::TimeAxis axis(start, start + core::Duration{7}, 0.0, 3.0);
        axis.keepInView(t);
        EXPECT_EQ((axis.end() - axis.start()).seconds, 7);
        EXPECT_TRUE(axis.start() <= t && t < axis.end());
        axis.keepInView(t);  // once in view, it stays put
        EXPECT_EQ((axis.end() - axis.start()).seconds, 7);
    }
}

// --- Tick labels ---------------------------------------------------------------------------------

namespace {

constexpr double kMinorPx = 56.0;  // what the timeline panel passes
constexpr double kMajorPx = 90.0;

std::vector<std::string> labels(const std::vector<core::Tick>& ticks) {
    std::vector<std::string> out;
    for (const auto& t : ticks) {
        if (!t.label.empty()) out.push_back(t.label);
    }
    return out;
}

// An axis from `start` (UTC) lasting `span` with days `dayPx` pixels apart.
core::TimeAxis axisWithDayWidth(core::Instant start, core::Duration span, double dayPx) {
    return core::TimeAxis(start, start + span, 0.0, static_cast<double>(span.seconds) / 86400.0 * dayPx);
}

core::Instant utcDay(int y, int m, int d, int h = 0, int mi = 0) {
    return core::Instant{core::daysFromCivil(y, m, d) * 86400 + h * 3600 + mi * 60};
}

}  // namespace

TEST(ChooseTicks, DayLabelsThatWouldOverprintThinOutToEverySecondDayThenMondaysThenMonths) {
    // A fortnight across 1000 px puts days 71 px apart: room for "06:00" (56 px) but not for
    // "Mon 10 Jan" (90 px), which used to be written on every day and overprint its neighbour.
    const core::Instant mon3 = utcDay(2022, 1, 3);
    const auto daily = core::chooseTicks(axisWithDayWidth(mon3, core::Duration::days(4), 100.0), core::kUtc, kMinorPx, kMajorPx);
    EXPECT_EQ(labels(daily), (std::vector<std::string>{"Mon 3 Jan", "Tue 4 Jan", "Wed 5 Jan", "Thu 6 Jan"}));

    const auto second = core::chooseTicks(axisWithDayWidth(mon3, core::Duration::days(14), 71.0), core::kUtc, kMinorPx, kMajorPx);
    EXPECT_EQ(labels(second), (std::vector<std::string>{"Tue 4 Jan", "Thu 6 Jan", "Sat 8 Jan", "Mon 10 Jan", "Wed 12 Jan",
                                                        "Fri 14 Jan", "Sun 16 Jan"}));
    EXPECT_EQ(second.size(), 14u) << "the unlabelled days keep their lines";

    const auto weekly = core::chooseTicks(axisWithDayWidth(mon3, core::Duration::days(28), 20.0), core::kUtc, kMinorPx, kMajorPx);
    EXPECT_EQ(labels(weekly), (std::vector<std::string>{"Mon 3 Jan", "Mon 10 Jan", "Mon 17 Jan", "Mon 24 Jan"}));
    EXPECT_EQ(weekly.size(), 28u);

    const auto monthly = core::chooseTicks(axisWithDayWidth(mon3, core::Duration::days(100), 5.0), core::kUtc, kMinorPx, kMajorPx);
    EXPECT_EQ(labels(monthly), (std::vector<std::string>{"1 Feb", "1 Mar", "1 Apr"}));
    EXPECT_EQ(monthly.size(), 100u);

    // Days 3 px apart: no day lines, only the months, 84 to 93 px apart: 1 Mar comes 84 px after
    // 1 Feb and goes unlabelled; 1 Apr, 177 px after it, is labelled.
    const auto sparse = core::chooseTicks(axisWithDayWidth(utcDay(2022, 1, 1), core::Duration::days(120), 3.0), core::kUtc,
                                          kMinorPx, kMajorPx);
    ASSERT_EQ(sparse.size(), 4u);
    EXPECT_EQ(labels(sparse), (std::vector<std::string>{"1 Jan", "1 Feb", "1 Apr"}));
}

TEST(ChooseTicks, HourLabelsUnderADayLabelAreLeftOut) {
    // Hours 60 px apart: "06:00" fits between hours, "Wed 5 Jan" does not, so 01:00 loses its label.
    const auto ticks = core::chooseTicks(axisWithDayWidth(utcDay(2022, 1, 4, 22), core::Duration::hours(5), 24 * 60.0),
                                         core::kUtc, kMinorPx, kMajorPx);
    ASSERT_EQ(ticks.size(), 5u);
    EXPECT_EQ(labels(ticks), (std::vector<std::string>{"22:00", "23:00", "Wed 5 Jan", "02:00"}));
    EXPECT_TRUE(ticks[2].major);
    EXPECT_TRUE(ticks[3].label.empty());
}

TEST(ChooseTicks, DaysAreTheZonesDays) {
    // 18:00Z on the 4th is midnight of the 5th in Almaty (UTC+6), 23:00 on the 4th in the west.
    const core::TimeAxis axis = axisWithDayWidth(utcDay(2022, 1, 4, 12), core::Duration::hours(12), 24 * 60.0 * 2);
    const auto almaty = core::chooseTicks(axis, core::kAlmatyTime, kMinorPx, kMajorPx);
    const auto west = core::chooseTicks(axis, core::kWestTime, kMinorPx, kMajorPx);
    auto labelAt = [](const std::vector<core::Tick>& ticks, core::Instant t) {
        for (const auto& tick : ticks) {
            if (tick.t == t) return tick.label;
        }
        return std::string("(no tick)");
    };
    EXPECT_EQ(labelAt(almaty, utcDay(2022, 1, 4, 18)), "Wed 5 Jan");
    EXPECT_EQ(labelAt(west, utcDay(2022, 1, 4, 18)), "23:00");
    EXPECT_EQ(labelAt(west, utcDay(2022, 1, 4, 19)), "Wed 5 Jan");
}

TEST(ChooseTicks, AWindowWithoutAChosenDayStillNamesOneDay) {
    // Tuesday 00:30 to Monday 00:00 (excluded), days 40 px apart: Mondays would be labelled,
    // and none is in view.
    const core::Instant start = utcDay(2022, 1, 4, 0, 30);
    const core::TimeAxis axis = axisWithDayWidth(start, utcDay(2022, 1, 10) - start, 40.0);
    EXPECT_EQ(labels(core::chooseTicks(axis, core::kUtc, kMinorPx, kMajorPx)), (std::vector<std::string>{"Wed 5 Jan"}));
}

TEST(ChooseTicks, TheOldSingleWidthCallStillCompilesAndMeansTheMinorWidth) {
    const core::TimeAxis axis = axisWithDayWidth(utcDay(2022, 1, 5), core::Duration::hours(6), 24 * 60.0);
    EXPECT_EQ(labels(core::chooseTicks(axis, core::kUtc, 56.0)), labels(core::chooseTicks(axis, core::kUtc, 56.0, 90.0)));
}

struct TickCase {
    std::int64_t spanSeconds;
    double widthPx;
    core::ZoneOffset zone;
};

class ChooseTicksNeverOverprint : public ::testing::TestWithParam<TickCase> {};

TEST_P(ChooseTicksNeverOverprint, LabelsKeepTheirRoomAndSomethingIsLabelled) {
    const TickCase& c = GetParam();
    // Starts on the hour and at odd moments, so the grid is met at every phase.
    for (const core::Instant start : {utcDay(2022, 1, 3), utcDay(2022, 1, 4, 19), core::Instant{utcDay(2022, 1, 1).unixSeconds + 4321},
                                      core::Instant{utcDay(2021, 12, 31).unixSeconds + 86399}}) {
        for (const auto& [minorPx, majorPx] : {std::pair{56.0, 90.0}, std::pair{60.0, 90.0}, std::pair{40.0, 140.0}}) {
            const core::TimeAxis axis(start, start + core::Duration{c.spanSeconds}, 100.0, c.widthPx);
            const auto ticks = core::chooseTicks(axis, c.zone, minorPx, majorPx);
            const std::string where = core::formatIso(start, c.zone) + " minor " + std::to_string(minorPx) + " major " +
                                      std::to_string(majorPx);
            const core::Tick* last = nullptr;
            int labelled = 0;
            for (std::size_t i = 0; i < ticks.size(); ++i) {
                const core::Tick& tk = ticks[i];
                ASSERT_TRUE(axis.start() <= tk.t && tk.t < axis.end()) << where;
                if (i > 0) {
                    ASSERT_LT(ticks[i - 1].t, tk.t) << where;
                    EXPECT_GE(axis.toX(tk.t) - axis.toX(ticks[i - 1].t), 4.0 - 1e-9) << "lines too dense, " << where;
                }
                if (tk.label.empty()) continue;
                ++labelled;
                const core::CivilTime local = core::toCivil(tk.t, c.zone);
                if (!tk.major) {
                    char clock[16];
                    std::snprintf(clock, sizeof clock, "%02d:%02d", local.hour, local.minute);
                    EXPECT_EQ(tk.label, clock) << where;
                } else {
                    EXPECT_EQ(local.hour * 60 + local.minute, 0) << tk.label << ", " << where;
                }
                if (last != nullptr) {
                    const double gap = axis.toX(tk.t) - axis.toX(last->t);
                    EXPECT_GE(gap, (last->major ? majorPx : minorPx) - 1e-6)
                        << "'" << last->label << "' overprints '" << tk.label << "', " << where;
                }
                last = &tk;
            }
            EXPECT_GE(labelled, 1) << where;
        }
    }
}

std::vector<TickCase> tickCases() {
    std::vector<TickCase> cases;
    const std::int64_t hour = 3600, day = 86400;
    for (const std::int64_t span : {hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 3 * day, 5 * day, 7 * day,
                                    10 * day, 14 * day, 21 * day, 31 * day, 45 * day, 60 * day, 90 * day, 120 * day}) {
        for (const double width : {300.0, 420.0, 640.0, 800.0, 1000.0, 1366.0, 1920.0, 2560.0, 3000.0}) {
            for (const core::ZoneOffset zone : {core::kWestTime, core::kAlmatyTime, core::kUtc}) cases.push_back({span, width, zone});
        }
    }
    return cases;
}

INSTANTIATE_TEST_SUITE_P(SpansAndWidths, ChooseTicksNeverOverprint, ::testing::ValuesIn(tickCases()),
                         [](const ::testing::TestParamInfo<TickCase>& p) {
                             const TickCase& c = p.param;
                             const std::string span = c.spanSeconds % 86400 == 0 ? std::to_string(c.spanSeconds / 86400) + "d"
                                                                                 : std::to_string(c.spanSeconds / 3600) + "h";
                             return span + "_" + std::to_string(static_cast<int>(c.widthPx)) + "px_" +
                                    (c.zone.minutes == 0 ? std::string("UTC") : "UTC" + std::to_string(c.zone.minutes / 60));
                         });

TEST(ChooseTicks, NonsenseWidthsAndCenturiesStayFewTicks) {
    // A century across 1000 px puts months under a pixel apart; zero, negative or NaN label
    // widths must not ask for a tick every 15 minutes either. Lines stay 4 px apart at least.
    const core::Instant start = utcDay(2000, 1, 1);
    for (const std::int64_t days : {36525LL, 1LL}) {
        const core::TimeAxis axis(start, start + core::Duration::days(days), 0.0, 1000.0);
        for (const double w : {kMinorPx, 0.0, -5.0, std::nan("")}) {
            const auto ticks = core::chooseTicks(axis, core::kUtc, w, w < 1.0 || std::isnan(w) ? w : kMajorPx);
            EXPECT_LE(ticks.size(), 251u) << w << ", " << days << " days";
            ASSERT_FALSE(ticks.empty()) << w;
            EXPECT_EQ(ticks.front().label, days == 1 ? "Sat 1 Jan" : "1 Jan") << w;
            for (std::size_t i = 1; i < ticks.size(); ++i) {
                EXPECT_GE(axis.toX(ticks[i].t) - axis.toX(ticks[i - 1].t), 4.0 - 1e-9) << w << ", " << days << " days";
            }
        }
    }
}
