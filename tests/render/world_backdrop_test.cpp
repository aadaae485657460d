// The world around the detailed box: real frames, real pixels. Every view an export, a story or
// the window can show is a map to its edges (no flat background "void" at the frame's border).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/export/export_spec.hpp"
#include "core/story/story.hpp"
#include "core/story/story_plan.hpp"
#include "render/compositor.hpp"
#include "render/image.hpp"
#include "render_fixture.hpp"

using namespace qantar;
using qantar::test::RenderFixture;

namespace {

int channel(float v) { return static_cast<int>(std::lround(v * 255.0f)); }

bool near(const std::uint8_t* p, const core::Rgba& c, int tol) {
    return std::abs(p[0] - channel(c.r)) <= tol && std::abs(p[1] - channel(c.g)) <= tol &&
           std::abs(p[2] - channel(c.b)) <= tol;
}

// What the outermost ring of pixels of a frame shows.
struct Ring {
    std::size_t pixels = 0;
    std::size_t background = 0;  // the theme's clear colour: nothing drawn there
    std::size_t landOrWater = 0; // a land or water fill of the theme
};

Ring edgeRing(const render::Image& img, const core::Theme& theme) {
    Ring r;
    auto look = [&](int x, int y) {
        const std::uint8_t* p = img.at(x, y);
        ++r.pixels;
        if (near(p, theme.background, 3)) ++r.background;
        bool fill = false;
        for (const core::Rgba& f : theme.fills) fill = fill || near(p, f, 10);
        if (fill) ++r.landOrWater;
    };
    for (int x = 0; x < img.width; ++x) {
        look(x, 0);
        look(x, img.height - 1);
    }
    for (int y = 1; y + 1 < img.height; ++y) {
        look(0, y);
        look(img.width - 1, y);
    }
    return r;
}

const char* themeName(core::ThemeId t) { return core::theme(t).name; }

class WorldBackdrop : public RenderFixture {
protected:
    // Fails (writing the frame to the test output) when the frame's border shows the void.
    static void expectMapToTheEdges(const render::Image& img, core::ThemeId themeId, const std::string& what) {
        ASSERT_FALSE(img.rgba.empty()) << what;
        const Ring r = edgeRing(img, core::theme(themeId));
        const bool ok = r.background * 500 <= r.pixels && r.landOrWater * 10 >= r.pixels * 6;
        if (!ok) {
            std::string name = what;
            for (char& c : name)
                if (c == ' ' || c == '/' || c == ',') c = '_';
            (void)render::writePng(img, std::string(QANTAR_TEST_OUTPUT_DIR) + "/void_" + name + ".png");
        }
        EXPECT_LE(r.background * 500, r.pixels)
            << what << ": " << r.background << " of the " << r.pixels << " border pixels are the empty background";
        EXPECT_GE(r.landOrWater * 10, r.pixels * 6)
            << what << ": only " << r.landOrWater << " of the " << r.pixels << " border pixels are land or water";
    }

    // The map without city markers and labels (whose outlines and halos are the background's
    // colour in the dark theme, and may touch the edge).
    static render::Image mapFrame(const core::Camera& camera, core::ThemeId theme) {
        render::FrameOptions options;
        options.theme = theme;
        options.layers.set(core::MapLayer::Cities, false);
        options.layers.set(core::MapLayer::Labels, false);
        return composeFrame(camera, options);
    }
};

}  // namespace

TEST_F(WorldBackdrop, EveryExportPresetIsAMapToItsEdges) {
    for (const core::ExportPreset& preset : core::exportPresets()) {
        // The framing is the same at any size of one shape (the padding is a share of the image),
        // so the larger presets are drawn at a size of the same shape at most 1280 px across.
        const int scale = std::max(1, (std::max(preset.widthPx, preset.heightPx) + 1279) / 1280);
        core::ExportSpec spec;
        spec.widthPx = preset.widthPx / scale;
        spec.heightPx = preset.heightPx / scale;
        const core::Camera cam = core::exportCamera(spec, *s_scene);
        for (core::ThemeId theme : {core::ThemeId::Dark, core::ThemeId::Light, core::ThemeId::Contrast}) {
            expectMapToTheEdges(mapFrame(cam, theme), theme, std::string(preset.name) + " " + themeName(theme));
        }
    }
}

TEST_F(WorldBackdrop, EveryStorySceneAndItsTransitionsAreAMapToTheirEdges) {
    auto story = core::loadStory(std::string(QANTAR_ASSET_DIR) + "/stories/week.json");
    ASSERT_TRUE(story.ok()) << story.error().message;
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 720}}) {
        // As a story export does: from the default view, at the first scene's moment.
        core::ExportSpec spec;
        spec.widthPx = w;
        spec.heightPx = h;
        const core::Camera def = core::exportCamera(spec, *s_scene);
        core::StoryView initial{def.center(), def.metersPerPixel() * h, story->scenes.front().start};
        const core::StoryPlan plan(*story, *s_projection, initial);
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        for (int k = 0; k < plan.sceneCount(); ++k) {
            const core::StoryView view = plan.sceneEnd(k);
            spec.view = core::ExportView{view.center, view.spanMeters};
            const core::Camera cam = core::exportCamera(spec, *s_scene);
            for (core::ThemeId theme : {core::ThemeId::Dark, core::ThemeId::Light, core::ThemeId::Contrast}) {
                if (w > 1280 && theme != core::ThemeId::Dark) continue;  // the same framing as 720p
                expectMapToTheEdges(mapFrame(cam, theme), theme,
                                    "scene " + std::to_string(k + 1) + " " + size + " " + themeName(theme));
            }
        }
        if (w > 1280) continue;
        // The video glides between the scenes: a frame every second of the whole story, drawn at a
        // quarter of the size (the same framing).
        spec.widthPx = w / 4;
        spec.heightPx = h / 4;
        for (double t = 0.0; t < plan.totalSeconds(); t += 1.0) {
            const core::StoryView view = plan.viewAt(t).second;
            spec.view = core::ExportView{view.center, view.spanMeters};
            expectMapToTheEdges(mapFrame(core::exportCamera(spec, *s_scene), core::ThemeId::Dark), core::ThemeId::Dark,
                                "video at " + std::to_string(static_cast<int>(t)) + " s");
        }
    }
}

TEST_F(WorldBackdrop, TheWindowAtItsFarthestZoomAndPanIsAMapToItsEdges) {
    for (auto [w, h] : {std::pair{1280, 720}, std::pair{3840, 2160}, std::pair{900, 1400}}) {
        core::Camera cam(s_scene->kazakhstanBox.center(), 2000.0, w, h);
        cam.setBounds(s_scene->viewBounds);
        cam.setMaxMetersPerPixel(core::zoomOutLimit(s_scene->kazakhstanBox, w, h));
        cam.setMetersPerPixel(core::kMaxMetersPerPixel);
        // Dragged as far as it goes towards each corner.
        for (auto [dx, dy] : {std::pair{1.0, 1.0}, std::pair{-1.0, 1.0}, std::pair{1.0, -1.0}, std::pair{-1.0, -1.0}}) {
            core::Camera moved = cam;
            for (int i = 0; i < 100; ++i) moved.panByPixels(dx * w, dy * h);
            // A quarter-size frame of the same view is enough to see its edges.
            const int q = w > 2000 ? 4 : 1;
            core::Camera small(moved.center(), moved.metersPerPixel() * q, w / q, h / q);
            expectMapToTheEdges(mapFrame(small, core::ThemeId::Dark), core::ThemeId::Dark,
                                "window " + std::to_string(w) + "x" + std::to_string(h) + " corner " +
                                    std::to_string(int(dx)) + "," + std::to_string(int(dy)));
        }
    }
}

TEST_F(WorldBackdrop, WithoutTheWorldLayersTheVoidWouldShow) {
    // The check above can fail: hide the land and the seas around, and the border is background.
    core::ExportSpec spec;
    spec.widthPx = 1240;
    spec.heightPx = 1754;  // A4 portrait's shape
    render::FrameOptions options;
    options.layers.set(core::MapLayer::Neighbours, false);
    const render::Image img = composeFrame(core::exportCamera(spec, *s_scene), options);
    const Ring r = edgeRing(img, core::theme(core::ThemeId::Dark));
    EXPECT_GT(r.background * 2, r.pixels);
}

TEST_F(WorldBackdrop, SeasBeyondTheBoxAreWaterAndTheLandAroundIsLand) {
    render::FrameOptions options;
    for (auto l : {core::MapLayer::Labels, core::MapLayer::Cities, core::MapLayer::Rivers, core::MapLayer::Graticule,
                   core::MapLayer::RegionBorders, core::MapLayer::CountryBorders}) {
        options.layers.set(l, false);
    }
    const core::Theme& t = core::theme(core::ThemeId::Dark);
    const core::Rgba& water = t.fills[static_cast<int>(core::FillStyle::Water)];
    const core::Rgba& land = t.fills[static_cast<int>(core::FillStyle::Neighbour)];
    struct Probe {
        const char* what;
        core::LonLat at;
        bool isWater;
    };
    for (const Probe& p : {Probe{"the Black Sea", {33.5, 43.2}, true}, Probe{"the Baltic", {19.5, 57.5}, true},
                           Probe{"the Persian Gulf", {51.0, 27.5}, true}, Probe{"the Arabian Sea", {64.0, 17.0}, true},
                           Probe{"the Barents Sea", {40.0, 72.0}, true}, Probe{"Lake Baikal", {108.0, 53.3}, true},
                           Probe{"Moscow's land", {37.6, 55.75}, false}, Probe{"Mongolia", {103.0, 46.5}, false},
                           Probe{"Iran", {54.0, 32.5}, false}, Probe{"Belarus", {28.0, 53.5}, false}}) {
        const auto xy = s_projection->project(p.at);
        ASSERT_TRUE(xy.has_value()) << p.what;
        core::Camera cam(*xy, 1500.0, 200, 200);
        cam.setBounds(s_scene->viewBounds);
        const render::Image img = composeFrame(cam, options);
        const core::ScreenPx s = cam.toScreen(*xy);
        ASSERT_TRUE(s.x >= 0 && s.y >= 0 && s.x < 200 && s.y < 200) << p.what << " is in reach of the camera";
        const std::uint8_t* px = img.at(static_cast<int>(s.x), static_cast<int>(s.y));
        EXPECT_TRUE(near(px, p.isWater ? water : land, 3))
            << p.what << " is rgb(" << int(px[0]) << "," << int(px[1]) << "," << int(px[2]) << ")";
    }
}
