// Real frames, real pixels: the map is rendered offscreen through EGL/llvmpipe and sampled where
// known places are. On failure the frame is written to build/test-output/ for inspection.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "render/gl_objects.hpp"
#include "render/image.hpp"
#include "render/painter.hpp"
#include "render_fixture.hpp"

using namespace qantar;
using qantar::test::RenderFixture;

namespace {

::testing::AssertionResult colorNear(const render::Image& img, core::ScreenPx at, const core::Rgba& want, int tol,
                                     const std::string& what, const std::string& dumpName) {
    const int x = static_cast<int>(std::floor(at.x)), y = static_cast<int>(std::floor(at.y));
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) {
        return ::testing::AssertionFailure() << what << " is outside the image at " << x << "," << y;
    }
    const std::uint8_t* p = img.at(x, y);
    const int w[3] = {static_cast<int>(std::lround(want.r * 255)), static_cast<int>(std::lround(want.g * 255)),
                      static_cast<int>(std::lround(want.b * 255))};
    for (int c = 0; c < 3; ++c) {
        if (std::abs(p[c] - w[c]) > tol) {
            (void)render::writePng(img, std::string(QANTAR_TEST_OUTPUT_DIR) + "/" + dumpName + ".png");
            return ::testing::AssertionFailure()
                   << what << " at pixel " << x << "," << y << " is rgb(" << int(p[0]) << "," << int(p[1]) << ","
                   << int(p[2]) << "), expected rgb(" << w[0] << "," << w[1] << "," << w[2] << ") ±" << tol
                   << "; frame written to " << QANTAR_TEST_OUTPUT_DIR << "/" << dumpName << ".png";
        }
    }
    return ::testing::AssertionSuccess();
}

// Layers with nothing drawn on top of the fills, so a sampled pixel shows the fill itself.
core::LayerVisibility fillsOnly() {
    core::LayerVisibility v;
    for (auto l : {core::MapLayer::Labels, core::MapLayer::Cities, core::MapLayer::Rivers, core::MapLayer::Graticule,
                   core::MapLayer::RegionBorders, core::MapLayer::CountryBorders}) {
        v.set(l, false);
    }
    return v;
}

class ExportPixels : public RenderFixture {};

}  // namespace

TEST_F(ExportPixels, ImageHasExactlyTheRequestedSize) {
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 720}, std::pair{333, 241}}) {
        render::SnapshotRequest req;
        req.widthPx = w;
        req.heightPx = h;
        const render::Image img = render(req);
        EXPECT_EQ(img.width, w);
        EXPECT_EQ(img.height, h);
        EXPECT_EQ(img.rgba.size(), static_cast<std::size_t>(w) * h * 4);
    }
}

TEST_F(ExportPixels, AlmatyLiesInItsRegionsFill) {
    for (auto themeId : {core::ThemeId::Dark, core::ThemeId::Light}) {
        const core::Place* almaty = s_data->findPlace("Almaty");
        ASSERT_NE(almaty, nullptr);
        render::SnapshotRequest req;
        req.widthPx = 800;
        req.heightPx = 600;
        req.frame.theme = themeId;
        req.frame.layers = fillsOnly();
        req.attribution = false;
        req.camera = core::Camera(almaty->xy, 100.0, 800, 600);
        const render::Image img = render(req);
        const int tint = s_data->findRegion("KZ-ALA")->tint;
        const core::Rgba fill = core::theme(themeId).fills[static_cast<int>(core::FillStyle::RegionTint0) + tint];
        EXPECT_TRUE(colorNear(img, pixelOf(*req.camera, almaty->lonLat), fill, 2, "Almaty", "almaty"));
    }
}

TEST_F(ExportPixels, CaspianIsWaterAndChinaIsNeighbour) {
    render::SnapshotRequest req;
    req.widthPx = 1920;
    req.heightPx = 1080;
    req.frame.layers = fillsOnly();
    req.attribution = false;
    const core::Camera cam = render::defaultCamera(*s_scene, 1920, 1080);
    req.camera = cam;
    for (auto themeId : {core::ThemeId::Dark, core::ThemeId::Light}) {
        req.frame.theme = themeId;
        const render::Image img = render(req);
        const core::Theme& t = core::theme(themeId);
        EXPECT_TRUE(colorNear(img, pixelOf(cam, {50.5, 42.0}), t.fills[int(core::FillStyle::Water)], 2,
                              "the Caspian (50.5 E, 42.0 N)", "caspian"));
        EXPECT_TRUE(colorNear(img, pixelOf(cam, {86.0, 44.9}), t.fills[int(core::FillStyle::Neighbour)], 2,
                              "China (86.0 E, 44.9 N)", "china"));
        EXPECT_TRUE(colorNear(img, pixelOf(cam, {52.0, 52.5}), t.fills[int(core::FillStyle::Neighbour)], 2,
                              "Russia (52.0 E, 52.5 N)", "russia"));
    }
}

TEST_F(ExportPixels, LightAndDarkThemesDiffer) {
    render::SnapshotRequest req;
    req.widthPx = 640;
    req.heightPx = 360;
    const render::Image dark = render(req);
    req.frame.theme = core::ThemeId::Light;
    const render::Image light = render(req);
    ASSERT_EQ(dark.rgba.size(), light.rgba.size());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < dark.rgba.size(); i += 4) {
        const int d = std::abs(dark.rgba[i] - light.rgba[i]) + std::abs(dark.rgba[i + 1] - light.rgba[i + 1]) +
                      std::abs(dark.rgba[i + 2] - light.rgba[i + 2]);
        if (d > 60) ++differing;
    }
    EXPECT_GT(differing, dark.rgba.size() / 4 * 9 / 10) << "almost every pixel should change with the theme";
}

TEST_F(ExportPixels, LayerTogglesChangeWhatIsDrawn) {
    render::SnapshotRequest req;
    req.widthPx = 960;
    req.heightPx = 540;
    req.frame.layers = fillsOnly();
    const core::Camera cam = render::defaultCamera(*s_scene, 960, 540);
    req.camera = cam;
    const render::Image withWater = render(req);
    req.frame.layers.set(core::MapLayer::Water, false);
    const render::Image withoutWater = render(req);
    const core::ScreenPx caspian = pixelOf(cam, {50.5, 42.0});
    EXPECT_TRUE(colorNear(withoutWater, caspian, core::theme(core::ThemeId::Dark).background, 2,
                          "the Caspian with water hidden", "no_water"));
    EXPECT_NE(withWater.rgba, withoutWater.rgba);
}

TEST_F(ExportPixels, LabelsAndBordersAddInk) {
    render::SnapshotRequest req;
    req.widthPx = 960;
    req.heightPx = 540;
    req.frame.layers = fillsOnly();
    const render::Image bare = render(req);
    req.frame.layers = core::LayerVisibility{};
    const render::Image full = render(req);
    std::size_t changed = 0;
    for (std::size_t i = 0; i < bare.rgba.size(); i += 4) changed += bare.rgba[i] != full.rgba[i];
    // Borders, rivers, markers and text cover a few per cent of the picture.
    EXPECT_GT(changed, bare.rgba.size() / 4 / 50);
}

TEST_F(ExportPixels, SameInputsGiveIdenticalBytes) {
    render::SnapshotRequest req;
    req.widthPx = 1280;
    req.heightPx = 720;
    req.frame.theme = core::ThemeId::Light;
    const render::Image a = render(req);
    const render::Image b = render(req);
    ASSERT_EQ(a.rgba, b.rgba);
    auto pa = render::encodePng(a);
    auto pb = render::encodePng(b);
    ASSERT_TRUE(pa.ok() && pb.ok());
    EXPECT_EQ(*pa, *pb);
}

TEST_F(ExportPixels, TransparentBackgroundLeavesAlphaZeroOutsideTheData) {
    render::SnapshotRequest req;
    req.widthPx = 640;
    req.heightPx = 360;
    req.frame.transparentBackground = true;
    req.frame.layers = fillsOnly();
    req.frame.layers.set(core::MapLayer::Neighbours, false);
    req.frame.layers.set(core::MapLayer::Water, false);
    req.attribution = false;
    const render::Image img = render(req);
    EXPECT_EQ(img.at(2, 2)[3], 0) << "a corner outside Kazakhstan stays transparent";
    const core::Camera cam = render::defaultCamera(*s_scene, 640, 360);
    const core::ScreenPx karaganda = pixelOf(cam, s_data->findPlace("Karaganda")->lonLat);
    EXPECT_EQ(img.at(int(karaganda.x), int(karaganda.y))[3], 255) << "Kazakhstan is opaque";
}

TEST_F(ExportPixels, PngKeepsEveryPixelIncludingAlpha) {
    render::SnapshotRequest req;
    req.widthPx = 640;
    req.heightPx = 360;
    req.frame.transparentBackground = true;
    const render::Image img = render(req);
    const std::string path = std::string(QANTAR_TEST_OUTPUT_DIR) + "/png_round_trip.png";
    ASSERT_FALSE(render::writePng(img, path).has_value());
    auto back = render::readImage(path);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->width, 640);
    EXPECT_EQ(back->height, 360);
    EXPECT_EQ(back->rgba, img.rgba) << "PNG is lossless";
}

TEST_F(ExportPixels, FramesOverACachedBaseDrawTheBaseOnceAndMatchAFreshFrame) {
    render::BaseCache cache;
    std::optional<render::OffscreenTarget> target;
    render::SnapshotRequest req;
    req.widthPx = 960;
    req.heightPx = 540;
    req.baseCache = &cache;
    req.target = &target;
    const render::Image first = render(req);
    const render::Image second = render(req);
    EXPECT_EQ(cache.draws, 1) << "the same view does not redraw the base";
    EXPECT_EQ(first.rgba, second.rgba);

    // A fresh cache (as a single-frame export has) gives the same bytes as the reused one.
    render::BaseCache fresh;
    std::optional<render::OffscreenTarget> freshTarget;
    req.baseCache = &fresh;
    req.target = &freshTarget;
    EXPECT_EQ(render(req).rgba, first.rgba);

    // Moving the view or changing the theme redraws the base, and the frame changes with it.
    req.baseCache = &cache;
    req.target = &target;
    core::Camera moved = render::defaultCamera(*s_scene, 960, 540);
    moved.panByPixels(40.0, 0.0);
    req.camera = moved;
    const render::Image panned = render(req);
    EXPECT_EQ(cache.draws, 2);
    EXPECT_NE(panned.rgba, first.rgba);
    req.frame.theme = core::ThemeId::Light;
    (void)render(req);
    EXPECT_EQ(cache.draws, 3);
}

TEST_F(ExportPixels, CachedBaseFrameLooksLikeTheMultisampledFrame) {
    // The frame drawn over a cached base (overlays without multisampling) against the classic
    // all-multisampled frame: the same picture, differing only in a few edge pixels.
    render::SnapshotRequest req;
    req.widthPx = 960;
    req.heightPx = 540;
    const render::Image classic = render(req);
    render::BaseCache cache;
    req.baseCache = &cache;
    const render::Image cached = render(req);
    ASSERT_EQ(classic.rgba.size(), cached.rgba.size());
    EXPECT_LT(visiblyDifferentPixels(classic, cached), classic.rgba.size() / 4 / 100) << "fewer than 1% of pixels differ visibly";
}

TEST_F(ExportPixels, PainterSmoothsOnlyTheEdgesAskedFor) {
    // A slanted triangle on a transparent target: hard edges leave only empty or full pixels;
    // a fringed edge fades through partial coverage (without any multisampling).
    auto painter = render::Painter::create();
    ASSERT_TRUE(painter.ok()) << painter.error().message;
    auto target = render::OffscreenTarget::create(64, 64, 1);
    ASSERT_TRUE(target.ok());
    const auto partialPixels = [&](unsigned edges) {
        target->bind();
        glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        (*painter)->triangle(8.0f, 8.0f, 56.0f, 20.0f, 20.0f, 56.0f, core::Rgba{1.0f, 1.0f, 1.0f, 1.0f}, edges);
        (*painter)->flush(64, 64);
        target->resolve();
        const render::Image img = target->read();
        int partial = 0;
        for (std::size_t i = 3; i < img.rgba.size(); i += 4) partial += img.rgba[i] > 0 && img.rgba[i] < 255;
        return partial;
    };
    EXPECT_EQ(partialPixels(0), 0);
    const int one = partialPixels(0b001u);
    const int all = partialPixels(0b111u);
    EXPECT_GT(one, 30) << "the 49 px edge a-b is fringed";
    EXPECT_GT(all, 2 * one) << "all three edges are fringed";
}
