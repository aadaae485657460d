// The window's interface driven in-process (tests/app/ui_driver.hpp): real frames of the real
// panels, headless, with mouse, keys and text fed frame by frame.
#include <gtest/gtest.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <filesystem>

#include "render/image.hpp"
#include "ui_driver.hpp"

using namespace qantar;
using qantar::test::UiDriver;

TEST(GuiDriver, StartsAndDrawsTheMainWindow) {
    UiDriver d;
    EXPECT_TRUE(d.hasWindow("Timeline"));
    EXPECT_TRUE(d.hasWindow("Layers"));
    EXPECT_TRUE(d.hasWindow("Events"));
    EXPECT_TRUE(d.item("Play", "Timeline").has_value());
    const render::Image img = d.screenshot();
    EXPECT_EQ(img.width, 1280);
}

namespace {

// How far the pixel at (x, y) is from `c` (sum of channel differences).
int distance(const render::Image& img, int x, int y, const core::Rgba& c) {
    const auto* p = img.at(x, y);
    return std::abs(p[0] - static_cast<int>(c.r * 255)) + std::abs(p[1] - static_cast<int>(c.g * 255)) +
           std::abs(p[2] - static_cast<int>(c.b * 255));
}

}  // namespace

TEST(GuiPixels, TheMapIsDrawnInItsRectangleAtEverySize) {
    for (auto [w, h] : {std::pair{1280, 720}, std::pair{1366, 768}, std::pair{1920, 1080}}) {
        test::DriverOptions o;
        o.width = w;
        o.height = h;
        o.time = "2022-01-05T20:00";
        UiDriver d(o);
        d.state().actions.push(ui::action::SelectEvent{20});
        d.frame(3);
        const render::Image img = d.screenshot();
        const std::string name = std::string(QANTAR_TEST_OUTPUT_DIR) + "/gui_" + std::to_string(w) + "x" + std::to_string(h) + ".png";
        std::filesystem::create_directories(QANTAR_TEST_OUTPUT_DIR);
        (void)render::writePng(img, name);
        // The map's middle shows land (Kazakhstan's fill), not the window's background.
        const core::ScreenRect& m = d.state().layout.map;
        const core::Rgba bg = core::theme(d.state().theme).background;
        int land = 0;
        for (int k = 0; k < 9; ++k) {
            const int x = static_cast<int>(m.x + m.w * (0.3 + 0.05 * k));
            const int y = static_cast<int>(m.y + m.h * 0.6);
            land += distance(img, x, y, bg) > 20;
        }
        EXPECT_GE(land, 7) << w << "x" << h << ": the map is not drawn where the layout puts it (see " << name << ")";
    }
}
