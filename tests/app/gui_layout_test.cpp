// The window's layout at the sizes people use (1280x720 and 1366x768 laptops and projectors,
// 1920x1080, 4K), as a first start shows it and with every panel open: no window covers another
// window's controls, every window is on screen, and the map keeps a usable share.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ui_driver.hpp"

using namespace qantar;
using qantar::test::DriverOptions;
using qantar::test::UiDriver;

namespace {

struct Screen {
    int w, h;
    float uiScale;
};

void PrintTo(const Screen& s, std::ostream* os) { *os << s.w << "x" << s.h; }

bool intersects(const ui::ProbedRect& a, const ui::ProbedRect& b) {
    const float tol = 1.0f;
    return a.x < b.x + b.w - tol && b.x < a.x + a.w - tol && a.y < b.y + b.h - tol && b.y < a.y + a.h - tol;
}

// Checks the last frame: windows on screen, and no window above another covering its controls.
void checkFrame(const UiDriver& d, const std::string& what) {
    const auto windows = d.windows();
    const auto items = d.items();
    for (const auto& w : windows) {
        if (w.tooltip) continue;
        EXPECT_GE(w.rect.x, -0.5f) << what << ": " << w.title << " starts left of the window";
        EXPECT_GE(w.rect.y, -0.5f) << what << ": " << w.title << " starts above the window";
        EXPECT_LE(w.rect.x + w.rect.w, static_cast<float>(d.width()) + 0.5f) << what << ": " << w.title << " runs off the right";
        EXPECT_LE(w.rect.y + w.rect.h, static_cast<float>(d.height()) + 0.5f) << what << ": " << w.title << " runs off the bottom";
    }
    for (const auto& it : items) {
        if (!it.visible) continue;
        std::size_t owner = windows.size();
        for (std::size_t i = 0; i < windows.size(); ++i) {
            if (windows[i].name == it.window) owner = i;
        }
        if (owner == windows.size()) continue;
        // The moment box is an overlay on the map, like the map itself: a window opened over the
        // map (shortcuts, disputed figures) may cover its counters while it is open.
        if (windows[owner].title == "Moment") continue;
        for (std::size_t above = owner + 1; above < windows.size(); ++above) {
            const auto& w = windows[above];
            if (w.tooltip) continue;
            EXPECT_FALSE(intersects(w.rect, it.rect))
                << what << ": '" << w.title << "' covers '" << (it.label.empty() ? it.rawLabel : it.label) << "' of '"
                << windows[owner].title << "'";
        }
    }
}

DriverOptions optionsFor(const Screen& s) {
    DriverOptions o;
    o.width = s.w;
    o.height = s.h;
    o.uiScale = s.uiScale;
    return o;
}

class GuiLayout : public ::testing::TestWithParam<Screen> {};

}  // namespace

TEST_P(GuiLayout, FirstStartShowsEveryControlUncovered) {
    const Screen s = GetParam();
    UiDriver d(optionsFor(s));
    checkFrame(d, "first start");
    for (const char* name : {"Timeline", "Layers", "Events", "MainMenuBar", "Status", "Moment"}) {
        EXPECT_TRUE(d.hasWindow(name)) << name;
    }
    for (const char* control : {"Play", "|<", ">|", "Go", "Loop"}) {
        EXPECT_TRUE(d.item(control, "Timeline").has_value()) << control << " is not on screen";
    }
    const core::ScreenRect& map = d.state().layout.map;
    EXPECT_GE(map.w, 0.5 * s.w) << "the map keeps half the width";
    EXPECT_GE(map.h, 0.55 * s.h) << "the map keeps most of the height";
    EXPECT_GE(map.w * map.h, 0.3 * s.w * s.h);
}

TEST_P(GuiLayout, EveryPanelOpenStillCoversNothing) {
    const Screen s = GetParam();
    UiDriver d(optionsFor(s));
    d.state().actions.push(ui::action::SelectEvent{10});
    d.state().showStory = true;
    d.frame(2);
    d.state().actions.push(ui::action::StoryGoTo{2});
    d.frame(3);
    EXPECT_TRUE(d.hasWindow("Event details"));
    EXPECT_TRUE(d.hasWindow("Story editor"));
    checkFrame(d, "details and story editor open");
    d.type("?");
    d.frame(2);
    checkFrame(d, "shortcuts shown");
}

TEST_P(GuiLayout, PresentingKeepsTheCaptionOnScreen) {
    const Screen s = GetParam();
    DriverOptions o = optionsFor(s);
    o.uiScale = 1.0f;
    o.presenterScale = std::max(0.85f, static_cast<float>(s.h) / 1080.0f);
    o.present = true;
    UiDriver d(o);
    d.advance(4.0);
    ASSERT_TRUE(d.state().presenting);
    ASSERT_TRUE(d.hasWindow("Story caption"));
    checkFrame(d, "presenting");
    const ui::Layout& l = d.state().layout;
    EXPECT_GE(l.mapFree.w, 0.55 * s.w);
}

INSTANTIATE_TEST_SUITE_P(Screens, GuiLayout,
                         ::testing::Values(Screen{1280, 720, 1.0f}, Screen{1366, 768, 1.0f}, Screen{1920, 1080, 1.0f},
                                           Screen{3840, 2160, 1.5f}),
                         [](const auto& p) { return std::to_string(p.param.w) + "x" + std::to_string(p.param.h); });
