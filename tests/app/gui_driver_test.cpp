// The window's interface driven in-process (tests/app/ui_driver.hpp): real frames of the real
// panels, headless, with mouse, keys and text fed frame by frame.
#include <gtest/gtest.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

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
