// Real frames, real pixels: the map is rendered offscreen through EGL/llvmpipe and sampled where
// known places are. On failure the frame is written to build/test-output/ for inspection.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <memory>

#include "core/export/export_spec.hpp"
#include "render/compositor.hpp"
#include "render/export/export_renderer.hpp"
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

class ExportPixels : public RenderFixture {
protected:
    // An export renderer drawing with the suite's map renderer, for the map alone (no events).
    static std::unique_ptr<render::ExportRenderer> exportRenderer() {
        auto r = render::ExportRenderer::create(*s_scene, *s_projection, nullptr,
                                                render::SharedRenderers{s_renderer, nullptr});
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? std::move(*r) : nullptr;
    }
    static render::Image exportImage(render::ExportRenderer& renderer, const core::ExportSpec& spec) {
        auto img = renderer.render(spec);
        EXPECT_TRUE(img.ok()) << (img.ok() ? "" : img.error().message);
        return img.ok() ? std::move(*img) : render::Image{};
    }
};

}  // namespace

TEST_F(ExportPixels, ImageHasExactlyTheRequestedSize) {
    const auto exporter = exportRenderer();
    ASSERT_NE(exporter, nullptr);
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 720}, std::pair{333, 241}}) {
        core::ExportSpec spec;
        spec.widthPx = w;
        spec.heightPx = h;
        const render::Image img = exportImage(*exporter, spec);
        EXPECT_EQ(img.width, w);
        EXPECT_EQ(img.height, h);
        EXPECT_EQ(img.rgba.size(), static_cast<std::size_t>(w) * h * 4);
    }
}

TEST_F(ExportPixels, AlmatyLiesInItsRegionsFill) {
    for (auto themeId : {core::ThemeId::Dark, core::ThemeId::Light}) {
        const core::Place* almaty = s_data->findPlace("Almaty");
        ASSERT_NE(almaty, nullptr);
        render::FrameOptions options;
        options.theme = themeId;
        options.layers = fillsOnly();
        const core::Camera cam(almaty->xy, 100.0, 800, 600);
        const render::Image img = composeFrame(cam, options);
        const int tint = s_data->findRegion("KZ-ALA")->tint;
        const core::Rgba fill = core::theme(themeId).fills[static_cast<int>(core::FillStyle::RegionTint0) + tint];
        EXPECT_TRUE(colorNear(img, pixelOf(cam, almaty->lonLat), fill, 2, "Almaty", "almaty"));
    }
}

TEST_F(ExportPixels, CaspianIsWaterAndChinaIsNeighbour) {
    render::FrameOptions options;
    options.layers = fillsOnly();
    const core::Camera cam = fittedCamera(1920, 1080);
    for (auto themeId : {core::ThemeId::Dark, core::ThemeId::Light}) {
        options.theme = themeId;
        const render::Image img = composeFrame(cam, options);
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
    const core::Camera cam = fittedCamera(640, 360);
    render::FrameOptions options;
    const render::Image dark = composeFrame(cam, options);
    options.theme = core::ThemeId::Light;
    const render::Image light = composeFrame(cam, options);
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
    render::FrameOptions options;
    options.layers = fillsOnly();
    const core::Camera cam = fittedCamera(960, 540);
    const render::Image withWater = composeFrame(cam, options);
    options.layers.set(core::MapLayer::Water, false);
    const render::Image withoutWater = composeFrame(cam, options);
    const core::ScreenPx caspian = pixelOf(cam, {50.5, 42.0});
    EXPECT_TRUE(colorNear(withoutWater, caspian, core::theme(core::ThemeId::Dark).background, 2,
                          "the Caspian with water hidden", "no_water"));
    EXPECT_NE(withWater.rgba, withoutWater.rgba);
}

TEST_F(ExportPixels, LabelsAndBordersAddInk) {
    const core::Camera cam = fittedCamera(960, 540);
    render::FrameOptions options;
    options.layers = fillsOnly();
    const render::Image bare = composeFrame(cam, options);
    options.layers = core::LayerVisibility{};
    const render::Image full = composeFrame(cam, options);
    std::size_t changed = 0;
    for (std::size_t i = 0; i < bare.rgba.size(); i += 4) changed += bare.rgba[i] != full.rgba[i];
    // Borders, rivers, markers and text cover a few per cent of the picture.
    EXPECT_GT(changed, bare.rgba.size() / 4 / 50);
}

TEST_F(ExportPixels, SameInputsGiveIdenticalBytes) {
    // An export frame with its furniture, twice from one renderer and once from a fresh one.
    core::ExportSpec spec;
    spec.widthPx = 1280;
    spec.heightPx = 720;
    spec.theme = core::ThemeId::Light;
    spec.overlays.title = true;
    spec.title = "Same inputs";
    const auto exporter = exportRenderer();
    ASSERT_NE(exporter, nullptr);
    const render::Image a = exportImage(*exporter, spec);
    const render::Image b = exportImage(*exporter, spec);
    ASSERT_FALSE(a.rgba.empty());
    ASSERT_EQ(a.rgba, b.rgba);
    const auto freshExporter = exportRenderer();
    ASSERT_NE(freshExporter, nullptr);
    ASSERT_EQ(exportImage(*freshExporter, spec).rgba, a.rgba);
    auto pa = render::encodePng(a);
    auto pb = render::encodePng(b);
    ASSERT_TRUE(pa.ok() && pb.ok());
    EXPECT_EQ(*pa, *pb);
}

TEST_F(ExportPixels, TransparentBackgroundLeavesAlphaZeroOutsideTheData) {
    render::FrameOptions options;
    options.transparentBackground = true;
    options.layers = fillsOnly();
    options.layers.set(core::MapLayer::Neighbours, false);
    options.layers.set(core::MapLayer::Water, false);
    const core::Camera cam = fittedCamera(640, 360);
    const render::Image img = composeFrame(cam, options);
    EXPECT_EQ(img.at(2, 2)[3], 0) << "a corner outside Kazakhstan stays transparent";
    const core::ScreenPx karaganda = pixelOf(cam, s_data->findPlace("Karaganda")->lonLat);
    EXPECT_EQ(img.at(int(karaganda.x), int(karaganda.y))[3], 255) << "Kazakhstan is opaque";
}

TEST_F(ExportPixels, PngKeepsEveryPixelIncludingAlpha) {
    render::FrameOptions options;
    options.transparentBackground = true;
    const render::Image img = composeFrame(fittedCamera(640, 360), options);
    const std::string path = std::string(QANTAR_TEST_OUTPUT_DIR) + "/png_round_trip.png";
    ASSERT_FALSE(render::writePng(img, path).has_value());
    auto back = render::readImage(path);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->width, 640);
    EXPECT_EQ(back->height, 360);
    EXPECT_EQ(back->rgba, img.rgba) << "PNG is lossless";
}

TEST_F(ExportPixels, ComposingTheSameViewAgainDrawsTheBaseOnceAndMatchesAFreshFrame) {
    render::Compositor compositor(*s_renderer, nullptr);
    render::CompositeRequest req;
    req.camera = fittedCamera(960, 540);
    const render::Image first = composeWith(compositor, req);
    const render::Image second = composeWith(compositor, req);
    EXPECT_EQ(compositor.baseDraws(), 1) << "the same view does not redraw the base";
    EXPECT_EQ(compositor.topDraws(), 1) << "nor the labels over it";
    ASSERT_FALSE(first.rgba.empty());
    EXPECT_EQ(first.rgba, second.rgba);

    // A fresh compositor (as a single-frame export has) gives the same bytes as the reused one.
    EXPECT_EQ(composeFrame(req.camera, req.options).rgba, first.rgba);

    // Moving the view or changing the theme redraws the base, and the frame changes with it.
    req.camera.panByPixels(40.0, 0.0);
    const render::Image panned = composeWith(compositor, req);
    EXPECT_EQ(compositor.baseDraws(), 2);
    EXPECT_NE(panned.rgba, first.rgba);
    EXPECT_EQ(composeFrame(req.camera, req.options).rgba, panned.rgba) << "a reused compositor matches a fresh one";
    req.options.theme = core::ThemeId::Light;
    const render::Image light = composeWith(compositor, req);
    EXPECT_EQ(compositor.baseDraws(), 3);
    EXPECT_NE(light.rgba, panned.rgba);
}

TEST_F(ExportPixels, ComposedFrameLooksLikeTheMultisampledFrame) {
    // The composed frame (base multisampled in bands, labels over it without multisampling)
    // against the classic all-multisampled frame: the same picture, differing only in a few edge
    // pixels.
    const core::Camera cam = fittedCamera(960, 540);
    const render::Image classic = multisampledFrame(cam);
    const render::Image composed = composeFrame(cam);
    ASSERT_FALSE(classic.rgba.empty());
    ASSERT_EQ(classic.rgba.size(), composed.rgba.size());
    EXPECT_LT(visiblyDifferentPixels(classic, composed), classic.rgba.size() / 4 / 100) << "fewer than 1% of pixels differ visibly";
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
