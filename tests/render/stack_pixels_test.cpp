// Stacks of event symbols in real frames: a collapsed stack shows its count on a badge (exports
// have no pointer, so a reader sees "16 events here"), and a spread stack draws each symbol where
// the layout (and so picking) puts it.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "core/events/event_world.hpp"
#include "core/events/stacks.hpp"
#include "render/event_overlay.hpp"
#include "render_fixture.hpp"

using namespace qantar;

namespace {

const core::LonLat kAlmaty{76.9286, 43.2567};

class StackPixels : public test::EventRenderFixture {
protected:
    static core::FrameLayers layersAt(const char* when) {
        auto t = core::parseIsoTime(when);
        EXPECT_TRUE(t.ok());
        return t.ok() ? s_world->layersAt(t->instant, core::EventLayerSettings{}) : core::FrameLayers{};
    }

    // Pixels within `radius` of `c` whose colour is within `tol` of `want`.
    static int near(const render::Image& img, core::ScreenPx c, double radius, const core::Rgba& want, int tol = 60) {
        int n = 0;
        for (int y = static_cast<int>(c.y - radius); y <= static_cast<int>(c.y + radius); ++y) {
            for (int x = static_cast<int>(c.x - radius); x <= static_cast<int>(c.x + radius); ++x) {
                if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
                if (std::hypot(x + 0.5 - c.x, y + 0.5 - c.y) > radius) continue;
                const auto* p = img.at(x, y);
                n += std::abs(p[0] - static_cast<int>(want.r * 255)) + std::abs(p[1] - static_cast<int>(want.g * 255)) +
                         std::abs(p[2] - static_cast<int>(want.b * 255)) <
                     tol;
            }
        }
        return n;
    }

};


}  // namespace

TEST_F(StackPixels, ACollapsedStackShowsItsCountOnABadge) {
    for (const auto themeId : {core::ThemeId::Dark, core::ThemeId::Light}) {
        const core::Camera cam = fittedCamera(1280, 720);
        const core::FrameLayers layers = layersAt("2022-01-05T20:00+06:00");
        render::FrameOptions options;
        options.theme = themeId;
        const render::Image img = composeFrame(cam, options, &layers, s_overlay);
        const core::SymbolLayout L = core::layoutSymbols(layers.marks, cam);
        const auto stack = L.stackAt(*s_projection->project(kAlmaty));
        ASSERT_TRUE(stack.has_value());
        const core::SymbolStack& st = L.stacks[*stack];
        ASSERT_EQ(st.state, core::StackState::Collapsed);
        ASSERT_GE(st.count(), 10u) << "a two-digit count";
        const core::Theme& t = core::theme(themeId);
        const double r = st.badgeRadiusPx;
        const double disc = 3.14159 * r * r;
        const int plate = near(img, st.badge, r - 1.0, t.labelText);
        const int digits = near(img, st.badge, r - 1.0, t.labelHalo, 120);
        EXPECT_GT(plate, disc * 0.35) << t.name << ": the badge's disc";
        EXPECT_GT(digits, disc * 0.08) << t.name << ": the count written on it";
        EXPECT_LT(near(img, core::ScreenPx{st.badge.x + 3 * r, st.badge.y - 3 * r}, r - 1.0, t.labelText), disc * 0.2)
            << t.name << ": only there";
        (void)render::writePng(img, std::string(QANTAR_TEST_OUTPUT_DIR) + "/stack_badge_" + t.name + ".png");
    }
}

TEST_F(StackPixels, ZoomedInEachSpreadSymbolIsDrawnWhereTheLayoutPutsIt) {
    const core::Camera cam(*s_projection->project(kAlmaty), 100.0, 640, 480);
    const core::FrameLayers layers = layersAt("2022-01-05T20:00+06:00");
    render::FrameOptions options;
    options.theme = core::ThemeId::Light;
    // Labels and city dots could lie over a symbol's centre: hidden, so that the test sees the events.
    options.layers.set(core::MapLayer::Labels, false);
    options.layers.set(core::MapLayer::Cities, false);
    const render::Image img = composeFrame(cam, options, &layers, s_overlay);
    (void)render::writePng(img, std::string(QANTAR_TEST_OUTPUT_DIR) + "/stack_spread.png");
    const core::SymbolLayout L = core::layoutSymbols(layers.marks, cam);
    const auto stack = L.stackAt(*s_projection->project(kAlmaty));
    ASSERT_TRUE(stack.has_value());
    ASSERT_EQ(L.stacks[*stack].state, core::StackState::Spread);
    const core::Theme& t = core::theme(options.theme);
    int checked = 0;
    for (const auto& s : L.symbols) {
        const core::EventMark& mk = layers.marks[s.mark];
        if (s.stack != *stack || mk.kind == core::MarkKind::Government || mk.alpha < 0.99f) continue;
        ++checked;
        EXPECT_GT(near(img, s.screen, 1.5, t.marks[static_cast<std::size_t>(mk.kind)], 90), 0)
            << s_world->data().events[s.event].id << " is drawn at its spread place";
    }
    EXPECT_GE(checked, 5);
    // Nothing but the place's dot and the leader lines' ends covers the place itself.
    EXPECT_GT(near(img, L.stacks[*stack].screen, 1.5, t.labelText, 90), 0) << "the place's dot in the middle";
}
