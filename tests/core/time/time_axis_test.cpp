// The timeline's pixel geometry: folded marks, the depth of overlapping extent bars, and the window
// following the playhead.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

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
