// Time and precision in the window (../shared/reviews/user-tour-2026-12, sections 2, 16 and 17):
// reports dated after the week are reachable from the go-to field and in the story's last scene;
// date-only events keep their calendar day in a UTC display; on the day they are dated to they
// are marked "date only", not in force from midnight.
#include <gtest/gtest.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <string>
#include <vector>

#include "core/events/caption.hpp"
#include "core/events/event_time.hpp"
#include "core/time/time.hpp"
#include "ui_driver.hpp"

using namespace qantar;
using qantar::test::DriverOptions;
using qantar::test::UiDriver;

namespace {

DriverOptions at(const char* time) { return qantar::test::optionsAt(time); }

core::Instant instant(const char* iso) { return core::parseIsoTime(iso)->instant; }

void typeInto(UiDriver& d, const std::string& label, const std::string& window, const std::string& text) {
    ASSERT_TRUE(d.clickItem(label, window)) << label << " in " << window;
    d.key(GLFW_KEY_A, GLFW_MOD_CONTROL);
    d.type(text);
}

// Whether the deaths counter of the frame on screen counts the official 225 toll, both in its
// reports and in the line the moment box shows.
::testing::AssertionResult countsThe225Toll(UiDriver& d) {
    const core::Counter& deaths = d.state().frame.counters[core::FigureKind::Deaths];
    bool reported = false;
    for (const auto& r : deaths.reports) reported = reported || (r.figure && r.figure->value == 225);
    const std::string line = core::counterLine(core::FigureKind::Deaths, deaths);
    if (!reported) return ::testing::AssertionFailure() << "no 225 report counted at this moment: " << line;
    if (line.find("225") == std::string::npos) return ::testing::AssertionFailure() << "the counter reads " << line;
    return ::testing::AssertionSuccess();
}

// The When labels of the Events list's rows on screen: each starts with its mark ("• " in force,
// "◌ " date only) or two spaces.
std::vector<std::string> listRows(UiDriver& d) {
    std::vector<std::string> rows;
    for (const auto& it : d.items()) {
        if (!it.visible || ui::ItemProbe::windowTitle(it.window) != "Events") continue;
        const std::string& l = it.label;
        if (l.rfind("  ", 0) == 0 || l.rfind("\xE2\x80\xA2 ", 0) == 0 || l.rfind("\xE2\x97\x8C ", 0) == 0) rows.push_back(l);
    }
    return rows;
}

}  // namespace

// --- §2: the reports dated after the week -------------------------------------------------------

TEST(TimeJourney02, TypingSixteenJanuaryInTheGoToFieldReachesItAndItsToll) {
    UiDriver d(at("2022-01-05T12:00"));
    typeInto(d, "##goto", "Timeline", "2022-01-16T12:00");
    d.key(GLFW_KEY_ENTER);
    d.frame(2);
    EXPECT_EQ(d.state().clock.now, instant("2022-01-16T12:00+06:00")) << "not clamped to the coverage's 13 January";
    EXPECT_TRUE(d.gui().timeline().timeError().empty()) << d.gui().timeline().timeError();
    EXPECT_TRUE(countsThe225Toll(d));
    const core::TimeAxis& axis = d.gui().timeline().axis();
    EXPECT_TRUE(axis.start() <= d.state().clock.now && d.state().clock.now < axis.end()) << "the playhead is in view";
}

TEST(TimeJourney02, GoingPastTheDataSaysSoInsteadOfClampingSilently) {
    UiDriver d(at("2022-01-05T12:00"));
    typeInto(d, "##goto", "Timeline", "2022-02-20T12:00");
    d.key(GLFW_KEY_ENTER);
    d.frame(2);
    const std::string& message = d.gui().timeline().timeError();
    EXPECT_NE(message.find("After the last report"), std::string::npos) << message;
    EXPECT_EQ(d.state().clock.now, d.state().world->timeRange().end) << "the clock stops at the end of the data";
    EXPECT_TRUE(countsThe225Toll(d));
}

TEST(TimeJourney02, TheStorysLastSceneShowsTheTollItsCaptionCites) {
    DriverOptions o = at("2022-01-01T12:00");
    o.present = true;
    UiDriver d(o);
    ASSERT_TRUE(d.state().presenting);
    const int scenes = d.state().player.sceneCount();
    for (int k = 1; k < scenes; ++k) d.key(GLFW_KEY_PAGE_DOWN);
    ASSERT_EQ(d.state().player.scene(), scenes - 1);
    const core::Scene& last = d.state().story.story->scenes.back();
    ASSERT_NE(last.caption.find("225"), std::string::npos) << "the caption this test is about";
    d.advance(30.0, 0.25);  // the last scene plays to its end
    EXPECT_TRUE(countsThe225Toll(d)) << "at " << core::formatIso(d.state().clock.now, core::kAlmatyTime);
}

// --- §16: calendar days stay the place's --------------------------------------------------------

TEST(TimeJourney16, InUtcTheListKeepsSecondOfJanuaryEventsOnTheSecond) {
    UiDriver d(at("2022-01-02T12:00"));
    d.state().displayZone = core::kUtc;
    d.frame(3);
    const std::vector<std::string> rows = listRows(d);
    ASSERT_FALSE(rows.empty());
    bool second = false;
    for (const auto& r : rows) {
        EXPECT_EQ(r.find("1 Jan"), std::string::npos) << "a row moved to 1 January in UTC: " << r;
        EXPECT_EQ(r.find("01-0"), std::string::npos) << "an ambiguous MM-DD date: " << r;
        second = second || r.find("Sun 2 Jan") != std::string::npos;
    }
    EXPECT_TRUE(second) << "the Zhanaozen protest of 2 January reads 'Sun 2 Jan'";
    // The details of that event say 2 January too, whatever the zone.
    const auto& events = d.state().world->data().events;
    for (std::uint32_t i = 0; i < events.size(); ++i) {
        if (events[i].id != "zhanaozen-lpg-protest-begins") continue;
        EXPECT_EQ(core::formatEventWhen(events[i], d.state().world->index().interval(i), d.state().displayZone).rfind("Sun 2 Jan 2022", 0),
                  0u);
    }
}

// --- §17: no whole-day event "happening" at midnight --------------------------------------------

TEST(TimeJourney17, AtMidnightOfFourthJanuaryTheDayOnlyEventsAreMarkedDateOnly) {
    UiDriver d(at("2022-01-04T00:00"));
    d.frame(3);
    int dateOnly = 0;
    for (const auto& r : listRows(d)) dateOnly += r.rfind("\xE2\x97\x8C", 0) == 0;
    EXPECT_GT(dateOnly, 0) << "the 4 January events are marked 'date only' in the list";
    bool blackout = false;
    for (const auto& a : d.state().frame.areas) {
        if (a.kind != core::AreaKind::Internet) continue;
        blackout = true;
        EXPECT_TRUE(a.uncertainTime) << "the blackout, dated 4 January, is not shown as certain at 00:00";
    }
    EXPECT_TRUE(blackout);
    const auto lines = core::momentCaption(*d.state().world, d.state().frame, d.state().displayZone);
    bool said = false;
    for (const auto& l : lines) said = said || l.find("time not given") != std::string::npos;
    EXPECT_TRUE(said) << "the moment box says the time is not given";
    for (const auto& m : d.state().frame.marks) {
        const core::Event& e = d.state().world->data().events[m.event];
        if (e.precision == core::Precision::Day && d.state().world->index().interval(m.event).start == d.state().clock.now) {
            EXPECT_TRUE(m.uncertainTime) << e.id;
        }
    }
}
