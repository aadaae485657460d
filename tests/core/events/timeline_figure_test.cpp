// The timeline figure's layout (core/events/timeline_figure.hpp): lanes for the categories with
// events, the three bands, day ticks labelled in local days (hours over a short range), marks
// folded with their counts, and everything inside the image at every size a report uses.
#include "core/events/timeline_figure.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/bundled.hpp"
#include "core/export/export_spec.hpp"

using namespace qantar::core;

namespace {

std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

TextMeasure fakeFonts(float pixelScale) {
    return [pixelScale](const std::string& text, OverlayText kind) {
        const float em = overlayFontPx(kind) * pixelScale * (overlayFontBold(kind) ? 1.05f : 1.0f);
        return TextSize{0.55f * em * static_cast<float>(characters(text)), 1.2f * em};
    };
}

Instant at(const char* iso) { return parseIsoTime(iso, kAlmatyTime)->instant; }

TimelineFigureRequest request(Interval range, int w, int h) {
    TimelineFigureRequest r;
    r.range = range;
    r.widthPx = w;
    r.heightPx = h;
    r.pixelScale = pixelScaleForSize(w, h);
    r.title = "Kazakhstan, January 2022";
    r.credits = creditSources(&qantar::test::bundledWorld().data());
    return r;
}

TimelineFigurePlan layout(const TimelineFigureRequest& r) {
    const EventWorld& w = qantar::test::bundledWorld();
    return layoutTimelineFigure(w.data(), w.index(), r, fakeFonts(r.pixelScale));
}

bool has(const TimelineFigurePlan& p, const std::string& text) {
    for (const auto& t : p.texts)
        if (t.text == text) return true;
    return false;
}

}  // namespace

TEST(TimelineFigure, ALaneForEachCategoryWithEventsInTheRangeInCategoryOrder) {
    const EventWorld& w = qantar::test::bundledWorld();
    const TimelineFigurePlan p = layout(request(w.timeRange(), 1920, 1080));
    std::array<bool, kCategoryCount> present{};
    for (const Event& e : w.data().events) present[static_cast<std::size_t>(e.category)] = true;
    std::size_t expected = 0;
    for (bool b : present) expected += b;
    ASSERT_EQ(p.lanes.size(), expected);
    for (std::size_t i = 0; i + 1 < p.lanes.size(); ++i) {
        EXPECT_LT(static_cast<int>(p.lanes[i].category), static_cast<int>(p.lanes[i + 1].category));
        EXPECT_FLOAT_EQ(p.lanes[i].y1, p.lanes[i + 1].y0) << "lanes follow one another";
    }
    for (const auto& lane : p.lanes) {
        EXPECT_TRUE(has(p, categoryLabel(lane.category))) << "lane name " << categoryLabel(lane.category);
        EXPECT_FALSE(lane.runs.empty() && lane.marks.empty()) << categoryLabel(lane.category);
    }
    // Every start in the range has a mark, folded or not.
    std::size_t marked = 0, starts = 0;
    for (const auto& lane : p.lanes)
        for (const auto& m : lane.marks) marked += m.count;
    for (std::size_t i = 0; i < w.data().events.size(); ++i) {
        const Interval iv = w.index().interval(i);
        starts += !(iv.start < w.timeRange().start) && iv.start < w.timeRange().end;
    }
    EXPECT_EQ(marked, starts);
}

TEST(TimelineFigure, OnlyTheCategoriesOfTheRangeAndTheFilter) {
    const EventWorld& w = qantar::test::bundledWorld();
    std::vector<std::uint8_t> shown(w.data().events.size(), 0);
    for (std::size_t i = 0; i < shown.size(); ++i) shown[i] = w.data().events[i].category == Category::Protest;
    TimelineFigureRequest r = request(w.timeRange(), 1280, 720);
    r.shown = &shown;
    const TimelineFigurePlan p = layout(r);
    ASSERT_EQ(p.lanes.size(), 1u);
    EXPECT_EQ(p.lanes[0].category, Category::Protest);
    EXPECT_TRUE(p.bands[0].spans.empty()) << "a filtered-out blackout leaves the internet band empty";
}

TEST(TimelineFigure, TheBandsShowTheBlackoutCurfewNightsAndEmergency) {
    const TimelineFigurePlan p = layout(request({at("2022-01-04T00:00"), at("2022-01-12T00:00")}, 1920, 1080));
    ASSERT_EQ(p.bands.size(), 3u);
    EXPECT_EQ(p.bands[0].band, FigureBand::Internet);
    EXPECT_EQ(p.bands[1].band, FigureBand::Curfew);
    EXPECT_EQ(p.bands[2].band, FigureBand::Emergency);
    bool full = false;
    for (const auto& s : p.bands[0].spans) full |= s.kind == FigureSpanKind::InternetFull;
    EXPECT_TRUE(full) << "the 5 January shutdown";
    EXPECT_GE(p.bands[1].spans.size(), 3u) << "a curfew night per night";
    for (const auto& s : p.bands[1].spans) EXPECT_LT(s.x1 - s.x0, (p.trackX1 - p.trackX0) / 8.0f * 0.75f) << "nights, not days";
    EXPECT_FALSE(p.bands[2].spans.empty());
    for (const auto& b : p.bands)
        for (const auto& s : b.spans) {
            EXPECT_GE(s.x0, p.trackX0);
            EXPECT_LE(s.x1, p.trackX1);
        }
    for (const char* name : {"Internet", "Curfew hours", "State of emergency", "Internet shut down"}) EXPECT_TRUE(has(p, name)) << name;
}

TEST(TimelineFigure, DaysAreLabelledAtLocalMidnightAndHoursOverAShortRange) {
    const Interval week{at("2022-01-02T00:00"), at("2022-01-09T00:00")};
    const TimelineFigurePlan p = layout(request(week, 1920, 1080));
    const float xPerSecond = (p.trackX1 - p.trackX0) / static_cast<float>((week.end - week.start).seconds);
    bool found = false;
    for (const auto& t : p.ticks) {
        if (t.label != "Wed 5 Jan") continue;
        found = true;
        EXPECT_TRUE(t.major);
        // Midnight in Almaty, 18:00 UTC the day before.
        EXPECT_NEAR(t.x, p.trackX0 + xPerSecond * static_cast<float>((at("2022-01-05T00:00") - week.start).seconds), 0.5f);
    }
    EXPECT_TRUE(found);
    // A day: its hours are labelled too.
    const TimelineFigurePlan day = layout(request({at("2022-01-05T00:00"), at("2022-01-06T00:00")}, 1280, 720));
    EXPECT_TRUE(has(day, "12:00") || has(day, "06:00")) << "hour labels over one day";
    // The zone is named.
    EXPECT_TRUE(has(day, "Times: Almaty time (UTC+6)"));
}

TEST(TimelineFigure, LabelsNeverOverprintAndEverythingIsInsideTheImage) {
    const EventWorld& w = qantar::test::bundledWorld();
    for (auto [width, height] : {std::pair{640, 360}, {1280, 720}, {1920, 1080}, {2480, 3508}, {3840, 2160}}) {
        SCOPED_TRACE(std::to_string(width) + "x" + std::to_string(height));
        const TimelineFigureRequest r = request(w.timeRange(), width, height);
        const TimelineFigurePlan p = layout(r);
        const auto measure = fakeFonts(r.pixelScale);
        for (const auto& t : p.texts) {
            const TextSize size = measure(t.text, t.kind);
            EXPECT_GE(t.x, 0.0f) << t.text;
            EXPECT_GE(t.y, 0.0f) << t.text;
            EXPECT_LE(t.x + size.width, static_cast<float>(width) + 0.5f) << t.text;
            EXPECT_LE(t.y + size.height, static_cast<float>(height) + 0.5f) << t.text;
        }
        // Tick labels: each ends before the next begins.
        float lastEnd = -1.0f;
        for (const auto& t : p.ticks) {
            if (t.label.empty()) continue;
            const OverlayText kind = t.major ? OverlayText::ScaleLabel : OverlayText::CaptionSources;
            EXPECT_GE(t.x, lastEnd) << t.label;
            lastEnd = t.x + 3.0f * r.pixelScale + measure(t.label, kind).width;
        }
        EXPECT_GT(p.plotY1, p.plotY0);
        EXPECT_LE(p.plotY1, p.credits.y0) << "the lanes end above the credits";
        EXPECT_GE(p.lanes.front().y1 - p.lanes.front().y0, measure("Ag", OverlayText::Legend).height * 0.99f)
            << "a lane is as tall as its name";
        std::size_t creditLines = 0;
        for (const auto& t : p.texts) creditLines += t.kind == OverlayText::Credit;
        EXPECT_GE(creditLines, 1u);
        EXPECT_LE(creditLines, kMaxCreditLines);
    }
}
