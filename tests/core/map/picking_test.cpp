// Picking (core/map/picking.hpp): what lies under the pointer in a frame's symbol layout.
#include "core/map/picking.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace qantar::core;

namespace {

EventMark mark(std::uint32_t event, MapXY pos, float sizePx = 7.5f) {
    EventMark m{};
    m.event = event;
    m.pos = pos;
    m.kind = MarkKind::Clash;
    m.sizePx = sizePx;
    m.alpha = 1.0f;
    m.pulse = -1.0f;
    return m;
}

Camera view(double mpp) { return Camera(MapXY{0, 0}, mpp, 1000, 800); }
const ScreenPx kCentre{500, 400};

}  // namespace

TEST(Picking, ASymbolIsHitWithinItsReachAndMissedBeyond) {
    const SymbolLayout L = layoutSymbols({mark(7, {0, 0})}, view(100));
    ASSERT_EQ(L.symbols.size(), 1u);
    const double reach = L.symbols[0].reachPx;
    auto hits = pickSymbols(L, kCentre);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].event, 7u);
    EXPECT_FALSE(hits[0].wholeStack);
    EXPECT_EQ(pickSymbols(L, ScreenPx{kCentre.x + reach, kCentre.y}).size(), 1u) << "its edge";
    EXPECT_TRUE(pickSymbols(L, ScreenPx{kCentre.x + reach + kPickSlopPx + 1.0, kCentre.y}).empty());
}

TEST(Picking, SmallSymbolsStillTakeAFingerSizedTarget) {
    const SymbolLayout L = layoutSymbols({mark(1, {0, 0}, 1.0f)}, view(100));
    EXPECT_EQ(pickSymbols(L, ScreenPx{kCentre.x + kPickMinRadiusPx - 0.5, kCentre.y}).size(), 1u);
}

TEST(Picking, NearestFirst) {
    // Two symbols 14 px apart (1400 m at 100 m/px): both are under a point between them.
    const SymbolLayout L = layoutSymbols({mark(1, {0, 0}), mark(2, {1400, 0})}, view(100));
    ASSERT_EQ(L.symbols.size(), 2u);
    auto hits = pickSymbols(L, ScreenPx{kCentre.x + 9, kCentre.y});
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].event, 2u) << "5 px from event 2, 9 px from event 1";
    EXPECT_EQ(hits[1].event, 1u);
    EXPECT_LT(hits[0].distancePx, hits[1].distancePx);
    hits = pickSymbols(L, ScreenPx{kCentre.x + 5, kCentre.y});
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].event, 1u);
}

TEST(Picking, ACollapsedStackIsHitOnItsSymbolAndOnItsBadge) {
    std::vector<EventMark> marks;
    for (std::uint32_t i = 0; i < 4; ++i) marks.push_back(mark(i, {0, 0}));
    const SymbolLayout L = layoutSymbols(marks, view(2500));
    ASSERT_EQ(L.stacks.size(), 1u);
    ASSERT_EQ(L.stacks[0].state, StackState::Collapsed);
    auto hits = pickSymbols(L, kCentre);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_TRUE(hits[0].wholeStack);
    const ScreenPx badge = L.stacks[0].badge;
    const ScreenPx beyondBadge{badge.x + L.stacks[0].badgeRadiusPx * 0.7, badge.y - L.stacks[0].badgeRadiusPx * 0.7};
    hits = pickSymbols(L, beyondBadge);
    ASSERT_EQ(hits.size(), 1u) << "the badge's far edge";
    EXPECT_TRUE(hits[0].wholeStack);
}

TEST(Picking, EachSpreadSymbolIsHitAloneAtItsCentre) {
    std::vector<EventMark> marks;
    for (std::uint32_t i = 0; i < 10; ++i) marks.push_back(mark(i, {0, 0}, 6.0f + static_cast<float>(i % 3)));
    SymbolLayoutOptions o;
    o.spreadByPointer = MapXY{0, 0};
    const SymbolLayout L = layoutSymbols(marks, view(2500), o);
    ASSERT_EQ(L.symbols.size(), 10u);
    for (const auto& s : L.symbols) {
        const auto hits = pickSymbols(L, s.screen);
        ASSERT_FALSE(hits.empty());
        EXPECT_EQ(hits[0].event, s.event);
        EXPECT_FALSE(hits[0].wholeStack);
        EXPECT_TRUE(withinSpread(L, s.stack, s.screen, 0.0));
    }
    EXPECT_TRUE(pickSymbols(L, kCentre).empty()) << "the place in the middle of a spread is left clear";
    EXPECT_TRUE(withinSpread(L, 0, kCentre, 0.0));
    EXPECT_FALSE(withinSpread(L, 0, ScreenPx{kCentre.x + L.stacks[0].reachPx + 11.0, kCentre.y}, 10.0));
}

TEST(Picking, OnEqualDistancesTheSymbolOnTopComesFirst) {
    // layoutSymbols never puts two symbols on one point (they stack): the tie is built by hand.
    SymbolLayout L;
    L.pixelScale = 1.0f;
    for (std::uint32_t i = 0; i < 2; ++i) {
        PlacedSymbol s;
        s.event = i;
        s.screen = kCentre;
        s.reachPx = 10.0f;
        L.symbols.push_back(s);
    }
    const auto hits = pickSymbols(L, kCentre);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].event, 1u) << "drawn last, so seen on top";
}
