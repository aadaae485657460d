// The event filter (core/events/event_filter.hpp) and what it reaches: the list's rows, the map's
// layers and the previous/next-event steps, while the counters keep counting every report.
#include "core/events/event_filter.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "core/bundled.hpp"
#include "core/events/event_world.hpp"

using namespace qantar::core;

namespace {

class EventFilterWeek : public ::testing::Test {
protected:
    static Instant at(const char* iso) { return parseIsoTime(iso)->instant; }
    const EventWorld* world = &qantar::test::bundledWorld();
};

}  // namespace

TEST(EventFilter, DefaultShowsEverythingAndIsNotActive) {
    EventFilter f;
    EXPECT_FALSE(f.active());
    EXPECT_EQ(f.categoriesOn(), kCategoryCount);
    Event e;
    e.title = "Anything";
    EXPECT_TRUE(f.matches(e));
}

TEST(EventFilter, SearchIgnoresCaseAndLooksInEveryTextField) {
    Event e;
    e.id = "almaty-city-hall";
    e.title = "Crowds storm the city hall";
    e.description = "Smoke over the square";
    e.place.name = "Almaty";
    e.site = "Republic Square";
    EventFilter f;
    for (const char* q : {"CITY HALL", "smoke", "almaty", "republic", "city-hall"}) {
        f.search = q;
        EXPECT_TRUE(f.matches(e)) << q;
    }
    f.search = "Zhanaozen";
    EXPECT_FALSE(f.matches(e));
    EXPECT_TRUE(f.active());
}

TEST_F(EventFilterWeek, CategoriesReachTheMapButNotTheCounters) {
    const Dataset& data = world->data();
    EventFilter onlyProtests;
    onlyProtests.categories.fill(false);
    onlyProtests.categories[static_cast<std::size_t>(Category::Protest)] = true;
    const auto mask = filterMask(data, onlyProtests);
    ASSERT_EQ(mask.size(), data.events.size());
    const Instant t = at("2022-01-05T20:00");
    const FrameLayers all = world->layersAt(t, EventLayerSettings{});
    const FrameLayers some = world->layersAt(t, EventLayerSettings{}, &mask);
    ASSERT_GT(all.marks.size(), some.marks.size());
    for (const auto& m : some.marks) EXPECT_EQ(data.events[m.event].category, Category::Protest) << data.events[m.event].id;
    EXPECT_TRUE(some.areas.empty()) << "the curfew, emergency and blackout are not protests";
    EXPECT_FALSE(all.areas.empty());
    for (int k = 0; k < kFigureKindCount; ++k) {
        const auto kind = static_cast<FigureKind>(k);
        EXPECT_EQ(some.counters[kind].min, all.counters[kind].min);
        EXPECT_EQ(some.counters[kind].max, all.counters[kind].max);
    }
}

TEST_F(EventFilterWeek, PlaceFilterAndNextEventSteps) {
    const Dataset& data = world->data();
    EventFilter zhanaozen;
    zhanaozen.place = "Zhanaozen";
    const auto mask = filterMask(data, zhanaozen);
    std::size_t shown = 0;
    for (std::size_t i = 0; i < data.events.size(); ++i) {
        if (mask[i]) {
            ++shown;
            EXPECT_EQ(data.events[i].place.name, "Zhanaozen");
        }
    }
    ASSERT_GT(shown, 0u);
    const TimelineIndex& index = world->index();
    Instant t = data.coverageStart;
    std::size_t steps = 0;
    while (auto next = index.nextStartAfter(t, &mask)) {
        bool isShownStart = false;
        for (std::size_t i = 0; i < data.events.size(); ++i) {
            if (mask[i] && index.interval(i).start == *next) isShownStart = true;
        }
        EXPECT_TRUE(isShownStart) << "every step lands on a shown event's start";
        t = *next;
        ASSERT_LT(++steps, 1000u);
    }
    EXPECT_LE(steps, shown);
    auto back = index.previousStartBefore(t, &mask);
    ASSERT_TRUE(back || steps <= 1);
    std::vector<std::uint8_t> none(data.events.size(), 0);
    EXPECT_FALSE(index.nextStartAfter(data.coverageStart, &none)) << "nothing shown, nowhere to go";
    EXPECT_FALSE(index.previousStartBefore(data.coverageEnd, &none));
}

TEST_F(EventFilterWeek, PlaceNamesAreSortedAndUnique) {
    const auto names = eventPlaceNames(world->data());
    ASSERT_FALSE(names.empty());
    for (std::size_t i = 1; i < names.size(); ++i) EXPECT_LT(names[i - 1], names[i]);
}
