// The timeline's pixel geometry: folded marks and the depth of overlapping extent bars.
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
