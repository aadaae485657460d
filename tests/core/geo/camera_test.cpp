#include "core/geo/camera.hpp"

#include <gtest/gtest.h>

using namespace qantar::core;

TEST(Camera, ScreenAndMapRoundTrip) {
    Camera cam({1000.0, -2000.0}, 1234.5, 1920, 1080);
    for (double x : {0.0, 17.5, 960.0, 1919.0}) {
        for (double y : {0.0, 333.0, 1079.0}) {
            const ScreenPx s{x, y};
            const ScreenPx back = cam.toScreen(cam.toMap(s));
            EXPECT_NEAR(back.x, x, 1e-9);
            EXPECT_NEAR(back.y, y, 1e-9);
        }
    }
}

TEST(Camera, CentreIsInTheMiddleAndNorthIsUp) {
    Camera cam({500.0, 500.0}, 100.0, 800, 600);
    const ScreenPx c = cam.toScreen({500.0, 500.0});
    EXPECT_DOUBLE_EQ(c.x, 400.0);
    EXPECT_DOUBLE_EQ(c.y, 300.0);
    EXPECT_LT(cam.toScreen({500.0, 600.0}).y, c.y) << "a point further north is higher on screen";
    EXPECT_GT(cam.toScreen({600.0, 500.0}).x, c.x) << "a point further east is further right";
}

TEST(Camera, ZoomKeepsThePointUnderTheCursor) {
    Camera cam({0.0, 0.0}, 1000.0, 1000, 800);
    const ScreenPx anchor{123.0, 456.0};
    const MapXY before = cam.toMap(anchor);
    cam.zoomAbout(anchor, 2.0);
    EXPECT_DOUBLE_EQ(cam.metersPerPixel(), 500.0);
    const MapXY after = cam.toMap(anchor);
    EXPECT_NEAR(after.x, before.x, 1e-6);
    EXPECT_NEAR(after.y, before.y, 1e-6);
}

TEST(Camera, ZoomIsClampedToLimits) {
    Camera cam({0.0, 0.0}, 1000.0, 1000, 800);
    for (int i = 0; i < 100; ++i) cam.zoomAbout({10, 10}, 2.0);
    EXPECT_DOUBLE_EQ(cam.metersPerPixel(), kMinMetersPerPixel);
    for (int i = 0; i < 100; ++i) cam.zoomAbout({10, 10}, 0.5);
    EXPECT_DOUBLE_EQ(cam.metersPerPixel(), kMaxMetersPerPixel);
    cam.zoomAbout({10, 10}, 0.0);
    cam.zoomAbout({10, 10}, -3.0);
    EXPECT_DOUBLE_EQ(cam.metersPerPixel(), kMaxMetersPerPixel) << "nonsense factors are ignored";
}

TEST(Camera, PanFollowsTheDrag) {
    Camera cam({0.0, 0.0}, 10.0, 1000, 800);
    const MapXY grabbed = cam.toMap({500.0, 400.0});
    cam.panByPixels(30.0, -20.0);
    const ScreenPx now = cam.toScreen(grabbed);
    EXPECT_NEAR(now.x, 530.0, 1e-9);
    EXPECT_NEAR(now.y, 380.0, 1e-9);
}

TEST(Camera, FitShowsTheWholeBoxWithPadding) {
    Camera cam({0.0, 0.0}, 1.0, 1600, 900);
    MapBox box;
    box.add({-2000000.0, -900000.0});
    box.add({2300000.0, 800000.0});
    cam.fit(box, 40.0);
    const ScreenPx a = cam.toScreen({box.minX, box.maxY});
    const ScreenPx b = cam.toScreen({box.maxX, box.minY});
    EXPECT_GE(a.x, 40.0 - 1e-6);
    EXPECT_GE(a.y, 40.0 - 1e-6);
    EXPECT_LE(b.x, 1600.0 - 40.0 + 1e-6);
    EXPECT_LE(b.y, 900.0 - 40.0 + 1e-6);
    // One side is tight against the padding.
    EXPECT_TRUE(std::abs(a.x - 40.0) < 1e-6 || std::abs(a.y - 40.0) < 1e-6);
}

TEST(Camera, ClipMatrixMatchesScreenTransform) {
    Camera cam({12345.0, -6789.0}, 250.0, 1280, 720);
    const auto m = cam.mapToClip();
    const MapXY p{50000.0, 20000.0};
    const double cx = m[0] * p.x + m[3] * p.y + m[6];
    const double cy = m[1] * p.x + m[4] * p.y + m[7];
    const ScreenPx s = cam.toScreen(p);
    EXPECT_NEAR((cx + 1.0) * 0.5 * 1280.0, s.x, 0.05);
    EXPECT_NEAR((1.0 - cy) * 0.5 * 720.0, s.y, 0.05);
}

TEST(CameraFraming, FrameInPutsTheCentreInTheMiddleOfTheFreeRectangle) {
    Camera cam({0.0, 0.0}, 1000.0, 1280, 720);
    const ScreenRect free{0.0, 150.0, 860.0, 530.0};  // beside a caption on the right, under a box
    const MapXY almaty{5.0e5, -3.0e5};
    cam.frameIn(almaty, 260000.0, free);
    const ScreenPx p = cam.toScreen(almaty);
    EXPECT_NEAR(p.x, 430.0, 1e-6);
    EXPECT_NEAR(p.y, 415.0, 1e-6);
    EXPECT_NEAR(cam.metersPerPixel() * free.h, 260000.0, 1e-6) << "the span fills the free height";
    const auto [c, span] = cam.framedIn(free);
    EXPECT_NEAR(c.x, almaty.x, 1e-6);
    EXPECT_NEAR(c.y, almaty.y, 1e-6);
    EXPECT_NEAR(span, 260000.0, 1e-6);
}

TEST(CameraFraming, FitInShowsTheBoxInsideTheFreeRectangle) {
    Camera cam({0.0, 0.0}, 1.0, 1366, 768);
    MapBox box;
    box.add({-1.5e6, -8.0e5});
    box.add({1.5e6, 8.0e5});
    const ScreenRect free{240.0, 20.0, 760.0, 500.0};
    cam.fitIn(box, free, 10.0);
    for (MapXY corner : {MapXY{box.minX, box.minY}, MapXY{box.maxX, box.maxY}}) {
        const ScreenPx s = cam.toScreen(corner);
        EXPECT_GE(s.x, free.x + 9.999);
        EXPECT_LE(s.x, free.x + free.w - 9.999);
        EXPECT_GE(s.y, free.y + 9.999);
        EXPECT_LE(s.y, free.y + free.h - 9.999);
    }
}

TEST(CameraFraming, ZoomOutStopsBeforeTheCountryIsAPostageStamp) {
    MapBox kz;
    kz.add({-1.5e6, -8.0e5});
    kz.add({1.5e6, 8.0e5});
    Camera cam(kz.center(), 2000.0, 1280, 720);
    cam.setMaxMetersPerPixel(zoomOutLimit(kz, 1280, 720));
    for (int i = 0; i < 50; ++i) cam.zoomAbout({640, 360}, 0.5);
    const double widthPx = kz.width() / cam.metersPerPixel();
    const double heightPx = kz.height() / cam.metersPerPixel();
    EXPECT_TRUE(std::abs(widthPx - 1280.0 / 3.0) < 1e-6 || std::abs(heightPx - 720.0 / 3.0) < 1e-6)
        << "the country still spans a third of the window: " << widthPx << " x " << heightPx << " px";
    EXPECT_GE(widthPx, 1280.0 / 3.0 - 1e-6);
    EXPECT_DOUBLE_EQ(zoomOutLimit(MapBox{}, 100, 100), kMaxMetersPerPixel);
}

namespace {

::testing::AssertionResult viewInside(const Camera& cam, const MapBox& bounds) {
    const MapBox v = cam.visibleBox();
    const double eps = 1e-6 * std::max(bounds.width(), bounds.height());
    if (v.minX >= bounds.minX - eps && v.maxX <= bounds.maxX + eps && v.minY >= bounds.minY - eps &&
        v.maxY <= bounds.maxY + eps) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "view " << v.minX << ".." << v.maxX << " x " << v.minY << ".." << v.maxY
                                         << " leaves the bounds " << bounds.minX << ".." << bounds.maxX << " x "
                                         << bounds.minY << ".." << bounds.maxY;
}

MapBox boundsBox() {
    MapBox b;
    b.add({-6.0e6, -5.0e6});
    b.add({8.0e6, 4.0e6});
    return b;
}

}  // namespace

TEST(CameraBounds, NoPanOrZoomLeavesTheBounds) {
    const MapBox bounds = boundsBox();
    Camera cam({0.0, 0.0}, 2000.0, 1280, 720);
    cam.setBounds(bounds);
    ASSERT_TRUE(viewInside(cam, bounds));
    for (int i = 0; i < 40; ++i) {
        cam.panByPixels(500.0, -300.0);
        EXPECT_TRUE(viewInside(cam, bounds)) << "after pan " << i;
    }
    for (int i = 0; i < 40; ++i) {
        cam.zoomAbout({10.0, 700.0}, 0.7);
        EXPECT_TRUE(viewInside(cam, bounds)) << "after zoom-out " << i;
    }
    EXPECT_LE(cam.metersPerPixel(), std::min(bounds.width() / 1280, bounds.height() / 720) * (1 + 1e-12));
    cam.setCenter({1.0e8, -1.0e8});
    EXPECT_TRUE(viewInside(cam, bounds)) << "a far-off centre is brought back";
}

TEST(CameraBounds, ATallViewportIsLimitedByTheBoundsHeight) {
    const MapBox bounds = boundsBox();
    Camera cam({0.0, 0.0}, 2000.0, 2480, 3508);  // A4 portrait
    cam.setBounds(bounds);
    cam.setMetersPerPixel(kMaxMetersPerPixel);
    EXPECT_NEAR(cam.metersPerPixel(), bounds.height() / 3508.0, 1e-9);
    EXPECT_TRUE(viewInside(cam, bounds));
    // Resizing the viewport keeps the view inside.
    cam.setViewport(3508, 2480);
    EXPECT_TRUE(viewInside(cam, bounds));
}

TEST(CameraBounds, FramingNearTheEdgeIsShiftedInNotCut) {
    const MapBox bounds = boundsBox();
    Camera cam({0.0, 0.0}, 2000.0, 1920, 1080);
    cam.setBounds(bounds);
    cam.frameIn({-5.9e6, 3.9e6}, 2.0e6, ScreenRect{0, 0, 1920, 1080});
    EXPECT_TRUE(viewInside(cam, bounds));
    EXPECT_NEAR(cam.metersPerPixel(), 2.0e6 / 1080, 1e-9) << "the scale asked for is kept";
    // Without bounds the same framing goes where it is asked.
    Camera free({0.0, 0.0}, 2000.0, 1920, 1080);
    free.frameIn({-5.9e6, 3.9e6}, 2.0e6, ScreenRect{0, 0, 1920, 1080});
    EXPECT_DOUBLE_EQ(free.center().x, -5.9e6);
}
