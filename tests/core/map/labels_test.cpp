#include "core/map/labels.hpp"

#include <gtest/gtest.h>

using namespace qantar::core;

namespace {

// The tests think in pixels: one pixel is kMpp map metres.
constexpr double kMpp = 100.0;

LabelCandidate city(double xPx, double yPx, double priority, float w = 60.0f) {
    LabelCandidate c;
    c.anchor = {xPx * kMpp, yPx * kMpp};
    c.priority = priority;
    c.widthPx = w;
    c.heightPx = 14.0f;
    c.markerRadiusPx = 3.0f;
    return c;
}

struct Box {
    double x0, y0, x1, y1;
};

Box boxOf(const PlacedLabel& p, const LabelCandidate& c) {
    return Box{p.topLeft.x, p.topLeft.y, p.topLeft.x + c.widthPx, p.topLeft.y + c.heightPx};
}

bool overlap(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

}  // namespace

TEST(LabelPlacement, PlacedLabelsNeverOverlap) {
    // A dense cluster: 200 cities on a 20x10 grid 20 px apart.
    Camera cam({0.0, 0.0}, kMpp, 800, 600);
    std::vector<LabelCandidate> cands;
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 10; ++j) cands.push_back(city(-200.0 + i * 20.0, -100.0 + j * 20.0, i * 10 + j));
    auto placed = placeLabels(cands, cam);
    ASSERT_FALSE(placed.empty());
    EXPECT_LT(placed.size(), cands.size()) << "a dense cluster must drop labels";
    for (std::size_t a = 0; a < placed.size(); ++a) {
        const Box ba = boxOf(placed[a], cands[placed[a].candidate]);
        EXPECT_GE(ba.x0, 0.0);
        EXPECT_GE(ba.y0, 0.0);
        EXPECT_LE(ba.x1, 800.0);
        EXPECT_LE(ba.y1, 600.0);
        for (std::size_t b = a + 1; b < placed.size(); ++b) {
            EXPECT_FALSE(overlap(ba, boxOf(placed[b], cands[placed[b].candidate])))
                << "labels " << placed[a].candidate << " and " << placed[b].candidate;
        }
    }
}

TEST(LabelPlacement, HigherPriorityWinsAConflict) {
    Camera cam({0.0, 0.0}, kMpp, 800, 600);
    // Two cities at the same spot: only one label fits, and it is the important one.
    std::vector<LabelCandidate> cands = {city(0, 0, 1.0), city(0.5, 0, 5.0)};
    cands[0].alwaysShowMarker = false;
    auto placed = placeLabels(cands, cam);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].candidate, 1u);
}

TEST(LabelPlacement, PrefersTheRightSideAndMovesWhenBlocked) {
    Camera cam({0.0, 0.0}, kMpp, 800, 600);
    std::vector<LabelCandidate> cands = {city(0, 0, 10.0)};
    auto placed = placeLabels(cands, cam);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].slot, LabelSlot::Right);
    // A city near the right edge puts its label on the left instead of leaving the viewport.
    cands = {city(390.0, 0, 10.0)};
    placed = placeLabels(cands, cam);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].slot, LabelSlot::Left);
}

TEST(LabelPlacement, ZoomRevealsMinorLabels) {
    std::vector<LabelCandidate> cands = {city(0, 0, 10.0)};
    cands[0].maxMetersPerPixel = 2.0 * kMpp;
    Camera far({0.0, 0.0}, 5.0 * kMpp, 800, 600);
    Camera near({0.0, 0.0}, kMpp, 800, 600);
    EXPECT_TRUE(placeLabels(cands, far).empty());
    EXPECT_EQ(placeLabels(cands, near).size(), 1u);
}

TEST(LabelPlacement, AlwaysShownMarkersAreKeptClear) {
    Camera cam({0.0, 0.0}, kMpp, 800, 600);
    // The big city's marker sits where the small city's label would go on the right.
    LabelCandidate big = city(40, 0, 1.0, 10.0f);
    big.alwaysShowMarker = true;
    big.widthPx = 0.0f;  // label hidden, marker shown
    LabelCandidate small = city(0, 0, 5.0, 80.0f);
    auto placed = placeLabels({big, small}, cam);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_NE(placed[0].slot, LabelSlot::Right);
}

TEST(LabelPlacement, IsDeterministic) {
    Camera cam({0.0, 0.0}, kMpp, 640, 480);
    std::vector<LabelCandidate> cands;
    for (int i = 0; i < 50; ++i) cands.push_back(city((i * 37) % 300 - 150, (i * 53) % 200 - 100, i % 7));
    auto a = placeLabels(cands, cam);
    auto b = placeLabels(cands, cam);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].candidate, b[i].candidate);
        EXPECT_EQ(a[i].topLeft.x, b[i].topLeft.x);
    }
}
