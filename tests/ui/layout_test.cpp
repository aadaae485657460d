// The docked layout (ui/layout.hpp) at the sizes people use: nothing overlaps, nothing leaves
// the window, the map keeps a usable share, hidden panels give their room to the map, and in
// presentation mode the caption column and the map's free part never meet.
#include "ui/layout.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace qantar;

namespace {

struct Size {
    float w, h;
};

bool overlaps(const core::ScreenRect& a, const core::ScreenRect& b) {
    if (a.empty() || b.empty()) return false;
    return a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
}

bool inside(const core::ScreenRect& r, const core::ScreenRect& window) {
    return r.empty() || (r.x >= -0.01 && r.y >= -0.01 && r.x + r.w <= window.w + 0.01 && r.y + r.h <= window.h + 0.01);
}

ui::LayoutInput input(Size s, float scale = 1.0f) {
    ui::LayoutInput in;
    in.width = s.w;
    in.height = s.h;
    in.uiScale = scale;
    in.menuHeight = 22.0f * scale;
    in.statusHeight = 26.0f * scale;
    in.detailsOpen = true;
    return in;
}

class LayoutAtSize : public ::testing::TestWithParam<Size> {};

}  // namespace

TEST_P(LayoutAtSize, PanelsTileTheWindowAndTheMapKeepsAUsableShare) {
    const Size s = GetParam();
    for (bool details : {false, true}) {
        for (bool story : {false, true}) {
            ui::LayoutInput in = input(s, s.h >= 2000 ? 1.5f : 1.0f);
            in.detailsOpen = details;
            in.showStory = story;
            const ui::Layout l = ui::computeLayout(in);
            const std::vector<std::pair<std::string, core::ScreenRect>> parts = {
                {"menu", l.menu},     {"status", l.status}, {"timeline", l.timeline}, {"layers", l.layers},
                {"story", l.story},   {"events", l.events}, {"details", l.details},   {"map", l.map}};
            for (std::size_t i = 0; i < parts.size(); ++i) {
                EXPECT_TRUE(inside(parts[i].second, l.window)) << parts[i].first << " leaves the window at " << s.w << "x" << s.h;
                for (std::size_t j = i + 1; j < parts.size(); ++j) {
                    EXPECT_FALSE(overlaps(parts[i].second, parts[j].second))
                        << parts[i].first << " and " << parts[j].first << " overlap at " << s.w << "x" << s.h;
                }
            }
            if (!story) {
                EXPECT_GE(l.map.w, 0.5 * s.w) << "the map keeps half the width at " << s.w << "x" << s.h;
                EXPECT_GE(l.map.h, 0.55 * s.h) << "the map keeps most of the height at " << s.w << "x" << s.h;
            }
            EXPECT_GE(l.mapFree.h, 0.7 * l.map.h) << "the moment box takes only the top of the map";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Screens, LayoutAtSize,
                         ::testing::Values(Size{1280, 720}, Size{1366, 768}, Size{1600, 900}, Size{1920, 1080},
                                           Size{3840, 2160}),
                         [](const auto& p) {
                             return std::to_string(static_cast<int>(p.param.w)) + "x" +
                                    std::to_string(static_cast<int>(p.param.h));
                         });

TEST(Layout, HiddenPanelsGiveTheirRoomToTheMap) {
    ui::LayoutInput in = input({1366, 768});
    const double full = ui::computeLayout(in).map.w;
    in.showLayers = false;
    const double noLayers = ui::computeLayout(in).map.w;
    in.showEvents = false;
    in.detailsOpen = false;
    const double nothing = ui::computeLayout(in).map.w;
    EXPECT_GT(noLayers, full);
    EXPECT_DOUBLE_EQ(nothing, 1366.0);
}

TEST(Layout, PresentingKeepsTheMapClearOfTheCaption) {
    for (Size s : {Size{1280, 720}, Size{1920, 1080}, Size{3840, 2160}}) {
        ui::LayoutInput in = input(s);
        in.presenting = true;
        in.presenterScale = s.h / 1080.0f;
        const ui::Layout l = ui::computeLayout(in);
        EXPECT_FALSE(overlaps(l.mapFree, l.caption)) << s.w << "x" << s.h;
        EXPECT_FALSE(overlaps(l.mapFree, l.slimTimeline)) << s.w << "x" << s.h;
        EXPECT_TRUE(inside(l.caption, l.window));
        EXPECT_TRUE(inside(l.slimTimeline, l.window));
        EXPECT_GE(l.mapFree.w, 0.55 * s.w) << "most of the screen is map";
        EXPECT_DOUBLE_EQ(l.map.w, s.w) << "the map fills the screen behind the text";
    }
}
