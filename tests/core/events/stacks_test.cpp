// Stacks of event symbols (core/events/stacks.hpp): which marks stack, the symbol that stands for
// a stack, the spread layout (no overlaps, clear of the place, the same every time), when a stack
// spreads by itself, and the bundled week's Almaty events, which share one point.
#include "core/events/stacks.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <ostream>
#include <set>
#include <string>

#include "core/bundled.hpp"
#include "core/time/time.hpp"

using namespace qantar::core;

namespace {

EventMark mark(std::uint32_t event, MapXY pos, MarkKind kind = MarkKind::Clash, float sizePx = 7.5f, float alpha = 1.0f) {
    EventMark m{};
    m.event = event;
    m.pos = pos;
    m.kind = kind;
    m.sizePx = sizePx;
    m.alpha = alpha;
    m.pulse = -1.0f;
    return m;
}

// A 1280x720 view centred on the map's origin at `mpp` metres per pixel.
Camera view(double mpp) { return Camera(MapXY{0, 0}, mpp, 1280, 720); }

double dist(ScreenPx a, ScreenPx b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Every pair of symbols apart by at least the sum of their reaches.
void expectNoOverlaps(const SymbolLayout& L, const std::string& what) {
    for (std::size_t i = 0; i < L.symbols.size(); ++i) {
        for (std::size_t j = i + 1; j < L.symbols.size(); ++j) {
            const auto& a = L.symbols[i];
            const auto& b = L.symbols[j];
            EXPECT_GE(dist(a.screen, b.screen) + 1e-6, a.reachPx + b.reachPx)
                << what << ": events " << a.event << " and " << b.event << " overlap";
        }
    }
}

}  // namespace

// --- Grouping ---------------------------------------------------------------------------------

TEST(SymbolStacks, MarksAtOnePlaceFormOneStackDrawnAsOneSymbolWithACount) {
    const MapXY almaty{1000, 2000}, elsewhere{400000, 0};
    std::vector<EventMark> marks;
    for (std::uint32_t i = 0; i < 5; ++i) marks.push_back(mark(i, almaty));
    marks.push_back(mark(5, elsewhere));
    const SymbolLayout L = layoutSymbols(marks, view(2500));
    ASSERT_EQ(L.stacks.size(), 2u);
    const auto at = L.stackAt(almaty);
    ASSERT_TRUE(at.has_value());
    const SymbolStack& st = L.stacks[*at];
    EXPECT_EQ(st.count(), 5u);
    EXPECT_EQ(st.state, StackState::Collapsed);
    EXPECT_GT(st.badgeRadiusPx, 0.0f) << "a collapsed stack shows its count";
    EXPECT_EQ(L.stacks[*L.stackAt(elsewhere)].state, StackState::Single);
    ASSERT_EQ(L.symbols.size(), 2u) << "one symbol for the stack, one for the lone event";
    int standing = 0;
    for (const auto& s : L.symbols) standing += s.standsForStack;
    EXPECT_EQ(standing, 1);
}

TEST(SymbolStacks, PlacesAFewPixelsApartStackAndSeparateWhenZoomedIn) {
    // Two places 3 km apart: one spot at country scale, two at city scale.
    std::vector<EventMark> marks{mark(0, {0, 0}), mark(1, {3000, 0}), mark(2, {3000, 0})};
    const SymbolLayout country = layoutSymbols(marks, view(2500));
    ASSERT_EQ(country.stacks.size(), 1u);
    EXPECT_EQ(country.stacks[0].count(), 3u);
    EXPECT_EQ(country.stacks[0].place.x, 3000.0) << "the stack sits where most of its events are";
    const SymbolLayout city = layoutSymbols(marks, view(100));
    EXPECT_EQ(city.stacks.size(), 2u);
}

TEST(SymbolStacks, MembersAreInTimeOrderAndTheMostTellingStandsForTheStack) {
    const MapXY p{0, 0};
    std::vector<EventMark> marks{mark(0, p, MarkKind::Protest, 9.0f), mark(1, p, MarkKind::Clash, 7.5f, 0.4f),
                                 mark(2, p, MarkKind::Arrest, 6.0f), mark(3, p, MarkKind::Arson, 7.5f),
                                 mark(4, p, MarkKind::Government, 6.0f)};
    SymbolLayout L = layoutSymbols(marks, view(2500));
    ASSERT_EQ(L.stacks.size(), 1u);
    EXPECT_EQ(L.stacks[0].marks, (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
    ASSERT_EQ(L.symbols.size(), 1u);
    EXPECT_EQ(L.symbols[0].event, 3u) << "arson in force tells more than a fading clash or a protest";
    SymbolLayoutOptions o;
    o.selectedEvent = 2;
    L = layoutSymbols(marks, view(2500), o);
    EXPECT_EQ(L.symbols[0].event, 2u) << "the selected event stands for its stack";
    EXPECT_TRUE(L.symbols[0].selected);
}

TEST(SymbolStacks, TheSameInputsGiveTheSameLayoutWhateverTheMarksAround) {
    std::vector<EventMark> marks;
    for (std::uint32_t i = 0; i < 12; ++i) marks.push_back(mark(i, {0, 0}, static_cast<MarkKind>(i % 9), 6.0f + static_cast<float>(i % 3)));
    for (std::uint32_t i = 12; i < 20; ++i) marks.push_back(mark(i, {i * 1000.0, -i * 500.0}));
    SymbolLayoutOptions o;
    o.spreadByPointer = MapXY{0, 0};
    const SymbolLayout a = layoutSymbols(marks, view(2500), o), b = layoutSymbols(marks, view(2500), o);
    ASSERT_EQ(a.symbols.size(), b.symbols.size());
    for (std::size_t i = 0; i < a.symbols.size(); ++i) {
        EXPECT_EQ(a.symbols[i].event, b.symbols[i].event);
        EXPECT_EQ(a.symbols[i].screen.x, b.symbols[i].screen.x);
        EXPECT_EQ(a.symbols[i].screen.y, b.symbols[i].screen.y);
    }
}

TEST(SymbolStacks, MarksFarOutsideTheViewAreLeftOut) {
    std::vector<EventMark> marks{mark(0, {0, 0}), mark(1, {1e7, 0})};
    const SymbolLayout L = layoutSymbols(marks, view(100));
    ASSERT_EQ(L.symbols.size(), 1u);
    EXPECT_EQ(L.symbols[0].event, 0u);
}

TEST(SymbolStacks, PastTheDenseLimitNothingIsLaidOut) {
    // The map draws such a frame as a density of dots: no stacks, nothing to point at.
    std::vector<EventMark> marks;
    for (std::uint32_t i = 0; i <= kMaxLaidOutMarks; ++i) marks.push_back(mark(i, {i * 10.0, 0}));
    EXPECT_TRUE(layoutSymbols(marks, view(2500)).symbols.empty());
    marks.pop_back();
    EXPECT_FALSE(layoutSymbols(marks, view(2500)).symbols.empty());
}

// --- The spread ---------------------------------------------------------------------------------

struct SpreadCase {
    std::size_t count;
    float smallest, largest;  // reaches cycle between these
};

void PrintTo(const SpreadCase& c, std::ostream* os) {
    *os << c.count << " symbols reaching " << c.smallest << "-" << c.largest << " px";
}

class SpreadLayout : public ::testing::TestWithParam<SpreadCase> {};

TEST_P(SpreadLayout, NoTwoSymbolsOverlapAndNoneCoversThePlace) {
    const SpreadCase c = GetParam();
    std::vector<float> reach;
    for (std::size_t i = 0; i < c.count; ++i) {
        reach.push_back(c.smallest + (c.largest - c.smallest) * static_cast<float>((i * 7) % 5) / 4.0f);
    }
    const float gap = 4.0f, clear = 5.0f;
    const auto off = spreadOffsets(reach, gap, clear);
    ASSERT_EQ(off.size(), c.count);
    const std::string what = std::to_string(c.count) + " symbols reaching " + std::to_string(c.smallest) + "-" +
                             std::to_string(c.largest) + " px";
    double furthest = 0.0;
    for (std::size_t i = 0; i < off.size(); ++i) {
        const double r = std::hypot(off[i].x, off[i].y);
        furthest = std::max(furthest, r);
        EXPECT_GE(r - reach[i] + 1e-6, clear) << what << ": symbol " << i << " covers the place";
        for (std::size_t j = i + 1; j < off.size(); ++j) {
            EXPECT_GE(dist(off[i], off[j]) + 1e-6, reach[i] + reach[j] + gap) << what << ": " << i << " and " << j;
        }
    }
    // Compact: about as much area as the symbols need, not a wide ring.
    double area = 0.0;
    for (float r : reach) area += (2.0 * r + gap) * (2.0 * r + gap);
    EXPECT_LT(furthest, 2.0 * std::sqrt(area) + 3.0 * c.largest) << what;
    EXPECT_EQ(off.size(), spreadOffsets(reach, gap, clear).size());
    const auto again = spreadOffsets(reach, gap, clear);
    for (std::size_t i = 0; i < off.size(); ++i) {
        EXPECT_EQ(off[i].x, again[i].x) << what;
        EXPECT_EQ(off[i].y, again[i].y) << what;
    }
}

INSTANTIATE_TEST_SUITE_P(Counts, SpreadLayout,
                         ::testing::Values(SpreadCase{2, 10, 10}, SpreadCase{3, 9, 12}, SpreadCase{5, 11, 11},
                                           SpreadCase{8, 8, 24}, SpreadCase{9, 11, 11}, SpreadCase{12, 8, 24},
                                           SpreadCase{18, 9, 24}, SpreadCase{30, 11, 11}, SpreadCase{60, 8, 24}),
                         [](const ::testing::TestParamInfo<SpreadCase>& p) {
                             return "n" + std::to_string(p.param.count) + "_" +
                                    std::to_string(static_cast<int>(p.param.smallest)) + "to" +
                                    std::to_string(static_cast<int>(p.param.largest));
                         });

TEST(SpreadLayoutOrder, FirstStraightAboveTheOthersClockwise) {
    const auto off = spreadOffsets({10, 10, 10, 10}, 4, 5);
    EXPECT_NEAR(off[0].x, 0.0, 1e-9);
    EXPECT_LT(off[0].y, 0.0) << "above (screen y points down)";
    EXPECT_GT(off[1].x, 0.0) << "then to the right";
    EXPECT_GT(off[2].y, 0.0) << "then below";
    EXPECT_LT(off[3].x, 0.0) << "then to the left";
}

// --- Spreading by zoom and by pointer -----------------------------------------------------------

TEST(SymbolStacks, AStackSpreadsByItselfOnlyWhenZoomedInEnough) {
    std::vector<EventMark> marks;
    for (std::uint32_t i = 0; i < 12; ++i) {
        // Every kind but the airport, which is drawn as a sign beside its city (map_tags).
        const auto kind = static_cast<MarkKind>(i % 9) == MarkKind::Airport ? MarkKind::Protest : static_cast<MarkKind>(i % 9);
        marks.push_back(mark(i, {0, 0}, kind, 6.0f + static_cast<float>(i % 4)));
    }
    const SymbolLayout country = layoutSymbols(marks, view(2500));
    ASSERT_EQ(country.stacks.size(), 1u);
    EXPECT_EQ(country.stacks[0].state, StackState::Collapsed) << "at country scale the spread would cover a region";
    const SymbolLayout city = layoutSymbols(marks, view(100));
    ASSERT_EQ(city.stacks.size(), 1u);
    EXPECT_EQ(city.stacks[0].state, StackState::Spread);
    EXPECT_FALSE(city.stacks[0].byPointer);
    ASSERT_EQ(city.symbols.size(), 12u);
    expectNoOverlaps(city, "city scale");
    for (const auto& s : city.symbols) {
        EXPECT_TRUE(s.spread);
        EXPECT_NEAR(dist(s.home, city.stacks[0].screen), 0.0, 1e-6) << "its leader line ends at its place";
        EXPECT_LE(dist(s.screen, city.stacks[0].screen) + s.reachPx, city.stacks[0].reachPx + 1e-6);
        EXPECT_LE(city.stacks[0].reachPx * 100.0, kAutoSpreadGroundMeters);
    }
}

TEST(SymbolStacks, NoSpreadByItselfOverAnotherStack) {
    // Two stacks 60 px apart at city scale: neither spread fits beside the other.
    std::vector<EventMark> marks;
    for (std::uint32_t i = 0; i < 8; ++i) marks.push_back(mark(i, {0, 0}));
    for (std::uint32_t i = 8; i < 16; ++i) marks.push_back(mark(i, {6000, 0}));
    const SymbolLayout L = layoutSymbols(marks, view(100));
    ASSERT_EQ(L.stacks.size(), 2u);
    int spread = 0;
    for (const auto& st : L.stacks) spread += st.state == StackState::Spread;
    EXPECT_LE(spread, 1) << "two spreads would overlap";
    expectNoOverlaps(L, "two stacks");
}

TEST(SymbolStacks, ThePointerSpreadsItsStackAtAnyZoomAndDrawsItOnTop) {
    std::vector<EventMark> marks;
    for (std::uint32_t i = 0; i < 6; ++i) marks.push_back(mark(i, {0, 0}));
    for (std::uint32_t i = 6; i < 9; ++i) marks.push_back(mark(i, {150000, 0}));
    SymbolLayoutOptions o;
    o.spreadByPointer = MapXY{0, 0};
    const SymbolLayout L = layoutSymbols(marks, view(2500), o);
    const auto at = L.stackAt(MapXY{0, 0});
    ASSERT_TRUE(at.has_value());
    EXPECT_EQ(L.stacks[*at].state, StackState::Spread);
    EXPECT_TRUE(L.stacks[*at].byPointer);
    EXPECT_EQ(L.stacks[*L.stackAt(MapXY{150000, 0})].state, StackState::Collapsed) << "the other stack stays as it was";
    ASSERT_EQ(L.symbols.size(), 7u);
    for (std::size_t i = 1; i < L.symbols.size(); ++i) EXPECT_EQ(L.symbols[i].stack, *at) << "drawn last, on top";
    std::set<std::pair<long, long>> spots;
    for (const auto& s : L.symbols) spots.insert({std::lround(s.screen.x), std::lround(s.screen.y)});
    EXPECT_EQ(spots.size(), 7u);
}

// --- The bundled week ---------------------------------------------------------------------------

TEST(SymbolStacksBundled, AlmatysEventsStackAtCountryScaleAndTheirSitesSeparateWhenZoomedIn) {
    const EventWorld& world = qantar::test::bundledWorld();
    const Projection& projection = qantar::test::bundledProjection();
    const FrameLayers frame = world.layersAt(parseIsoTime("2022-01-05T20:00+06:00")->instant, EventLayerSettings{});
    const MapXY almaty = *projection.project(LonLat{76.9286, 43.2567});

    const SymbolLayout country = layoutSymbols(frame.marks, Camera(almaty, 2500, 1280, 720));
    const auto stack = country.stackAt(almaty);
    ASSERT_TRUE(stack.has_value());
    const SymbolStack& st = country.stacks[*stack];
    EXPECT_EQ(st.state, StackState::Collapsed);
    EXPECT_GE(st.count(), 5u) << "every Almaty event in force or fading";
    std::set<std::string> sites;
    for (auto m : st.marks) {
        const std::string& site = world.data().events[frame.marks[m].event].site;
        if (!site.empty()) sites.insert(site);
    }
    EXPECT_GE(sites.size(), 3u) << "the stack holds events at distinct sites";

    const SymbolLayout city = layoutSymbols(frame.marks, Camera(almaty, 100, 1280, 720));
    const auto cityStack = city.stackAt(almaty);
    ASSERT_TRUE(cityStack.has_value());
    EXPECT_EQ(city.stacks[*cityStack].state, StackState::Spread) << "zoomed in, Almaty's events spread";
    expectNoOverlaps(city, "Almaty at 100 m/px");
    std::set<std::string> siteSeen;
    for (const auto& s : city.symbols) {
        if (s.stack != *cityStack) continue;
        const std::string& site = world.data().events[s.event].site;
        if (!site.empty()) siteSeen.insert(site);
    }
    EXPECT_EQ(siteSeen, sites) << "each site has its own symbol";
}
