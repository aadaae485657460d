// Framing and small multiples, in real pixels: a --bbox or --view frames the place asked for
// (Almaty's city dot lies where the projection puts it, and outside a box far away), and a grid
// figure has its panels where the layout says, thin gaps of the figure's ground between them,
// one map per moment (panels differ by time), all drawn by the one export renderer.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "core/export/export_spec.hpp"
#include "core/export/figure_layout.hpp"
#include "core/export/framing.hpp"
#include "render/export/export_renderer.hpp"
#include "render/image.hpp"
#include "render_fixture.hpp"

using namespace qantar;
using qantar::test::EventRenderFixture;

namespace {

const core::LonLat kAlmaty{76.9456, 43.2433};
const core::LonLat kAktau{51.1973, 43.6411};

class FramingPixels : public EventRenderFixture {
protected:
    static std::unique_ptr<render::ExportRenderer> exporter(const core::EventWorld* world) {
        auto r = render::ExportRenderer::create(*s_scene, *s_projection, world,
                                                render::SharedRenderers{s_renderer, s_overlay});
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? std::move(*r) : nullptr;
    }
    static render::Image draw(render::ExportRenderer& r, const core::ExportSpec& spec, const std::string& dumpName) {
        auto img = r.render(spec);
        EXPECT_TRUE(img.ok()) << (img.ok() ? "" : img.error().message);
        if (!img.ok()) return {};
        (void)render::writePng(*img, std::string(QANTAR_TEST_OUTPUT_DIR) + "/" + dumpName + ".png");
        return std::move(*img);
    }
    // The map only, with the frame that --bbox TEXT gives.
    static core::ExportSpec boxSpec(const std::string& bbox, int w, int h) {
        core::ExportSpec spec;
        spec.widthPx = w;
        spec.heightPx = h;
        spec.overlays = core::OverlaySet{false, false, false, false, false, false};
        auto geo = core::parseGeoBox(bbox);
        EXPECT_TRUE(geo.ok());
        auto box = core::projectGeoBox(*geo, *s_projection);
        EXPECT_TRUE(box.ok());
        spec.view = core::ExportView{};
        spec.view->fit = *box;
        return spec;
    }
    // Pixels within `radius` of `at` that change when the cities layer (dots and names) is
    // switched off: a city is drawn there.
    static int cityPixelsNear(render::ExportRenderer& r, core::ExportSpec spec, core::ScreenPx at, int radius,
                              const std::string& name) {
        const render::Image with = draw(r, spec, name + "-with-cities");
        spec.mapLayers.set(core::MapLayer::Cities, false);
        const render::Image without = draw(r, spec, name + "-without-cities");
        int n = 0;
        for (int y = static_cast<int>(at.y) - radius; y <= static_cast<int>(at.y) + radius; ++y) {
            for (int x = static_cast<int>(at.x) - radius; x <= static_cast<int>(at.x) + radius; ++x) {
                if (x < 0 || y < 0 || x >= with.width || y >= with.height) continue;
                const std::uint8_t *a = with.at(x, y), *b = without.at(x, y);
                n += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) > 60;
            }
        }
        return n;
    }
    static bool inside(const core::ScreenPx& p, int w, int h) { return p.x >= 0 && p.y >= 0 && p.x < w && p.y < h; }
};

}  // namespace

TEST_F(FramingPixels, BoxAroundAlmatyShowsItsCityWhereTheProjectionPutsIt) {
    const auto r = exporter(nullptr);
    ASSERT_NE(r, nullptr);
    // At a wide and at a tall aspect, the whole box is framed, Almaty inside it.
    for (auto [w, h] : {std::pair{640, 360}, std::pair{360, 560}}) {
        const core::ExportSpec spec = boxSpec("75.5,42.8,78.5,44.2", w, h);
        const core::Camera cam = core::exportCamera(spec, *s_scene);
        const core::ScreenPx p = pixelOf(cam, kAlmaty);
        ASSERT_TRUE(inside(p, w, h)) << p.x << "," << p.y;
        // The box's corners are inside too: the whole box is shown.
        for (core::LonLat c : {core::LonLat{75.5, 42.8}, core::LonLat{78.5, 44.2}}) {
            const core::ScreenPx q = pixelOf(cam, c);
            EXPECT_TRUE(q.x >= -1 && q.y >= -1 && q.x <= w + 1 && q.y <= h + 1) << c.lon << "," << c.lat;
        }
        EXPECT_GE(cityPixelsNear(*r, spec, p, 5, "bbox-almaty-" + std::to_string(w)), 6)
            << "no city dot at Almaty's place " << p.x << "," << p.y << " in a " << w << "x" << h << " frame";
    }
}

TEST_F(FramingPixels, BoxFarAwayLeavesAlmatyOutAndShowsWhatItAsks) {
    const auto r = exporter(nullptr);
    ASSERT_NE(r, nullptr);
    const core::ExportSpec spec = boxSpec("50,42.5,53,45", 640, 360);  // Mangystau, on the Caspian
    const core::Camera cam = core::exportCamera(spec, *s_scene);
    EXPECT_FALSE(inside(pixelOf(cam, kAlmaty), 640, 360));
    const core::ScreenPx aktau = pixelOf(cam, kAktau);
    ASSERT_TRUE(inside(aktau, 640, 360));
    EXPECT_GE(cityPixelsNear(*r, spec, aktau, 5, "bbox-aktau"), 6);
}

TEST_F(FramingPixels, ViewPutsItsCentreInTheMiddleAtItsSpan) {
    const auto r = exporter(nullptr);
    ASSERT_NE(r, nullptr);
    core::ExportSpec spec;
    spec.widthPx = 480;
    spec.heightPx = 320;
    spec.overlays = core::OverlaySet{false, false, false, false, false, false};
    auto v = core::resolveGeoView(*core::parseGeoView("76.9456,43.2433,100"), *s_projection);
    ASSERT_TRUE(v.ok());
    spec.view = *v;
    const core::Camera cam = core::exportCamera(spec, *s_scene);
    const core::ScreenPx p = pixelOf(cam, kAlmaty);
    EXPECT_NEAR(p.x, 240.0, 1.0);
    EXPECT_NEAR(p.y, 160.0, 1.0);
    EXPECT_NEAR(cam.metersPerPixel() * 320.0, 100000.0, 1.0) << "100 km of map from top to bottom";
    EXPECT_GE(cityPixelsNear(*r, spec, p, 5, "view-almaty"), 6);
}

TEST_F(FramingPixels, GridPanelsSitBetweenThinGapsOfTheFiguresGround) {
    const auto r = exporter(s_world);
    ASSERT_NE(r, nullptr);
    core::ExportSpec spec;
    spec.widthPx = 800;
    spec.heightPx = 500;
    spec.theme = core::ThemeId::Light;
    spec.grid = core::GridShape{2, 2};
    spec.times = {core::parseIsoTime("2022-01-02T12:00")->instant, core::parseIsoTime("2022-01-04T20:00")->instant,
                  core::parseIsoTime("2022-01-05T20:00")->instant, core::parseIsoTime("2022-01-07T20:00")->instant};
    // Without furniture, the layout is exactly the bare grid's.
    spec.overlays = core::OverlaySet{false, false, false, false, false, false};
    const render::Image img = draw(*r, spec, "grid-bare");
    ASSERT_EQ(img.width, 800);
    ASSERT_EQ(img.height, 500);
    EXPECT_EQ(r->baseDraws(), 1) << "the panels share one view: the base map is drawn once";
    const float s = core::exportPixelScale(spec);
    auto L = core::layoutFigure(800, 500, *spec.grid, s, 0, 0);
    ASSERT_TRUE(L.ok());
    const core::Rgba g = core::theme(spec.theme).panel;
    const int ground[3] = {static_cast<int>(std::lround(g.r * 255)), static_cast<int>(std::lround(g.g * 255)),
                           static_cast<int>(std::lround(g.b * 255))};
    auto isGround = [&](const render::Image& im, int x, int y) {
        const std::uint8_t* p = im.at(x, y);
        return std::abs(p[0] - ground[0]) <= 2 && std::abs(p[1] - ground[1]) <= 2 && std::abs(p[2] - ground[2]) <= 2;
    };
    const core::PixelRect a = L->panels[0], b = L->panels[1], c = L->panels[2];
    ASSERT_GT(b.x - (a.x + a.w), 0);
    // Every pixel of the gap between the columns and between the rows is ground; a panel's
    // middle is map.
    int gapNotGround = 0;
    for (int y = a.y; y < c.y + c.h; ++y) {
        for (int x = a.x + a.w; x < b.x; ++x) gapNotGround += !isGround(img, x, y);
    }
    for (int y = a.y + a.h; y < c.y; ++y) {
        for (int x = a.x; x < b.x + b.w; ++x) gapNotGround += !isGround(img, x, y);
    }
    EXPECT_EQ(gapNotGround, 0);
    int panelGround = 0;
    for (int y = a.y + a.h / 4; y < a.y + a.h * 3 / 4; ++y) panelGround += isGround(img, a.x + a.w / 2, y);
    EXPECT_LT(panelGround, a.h / 4) << "panel a's middle column is the figure's ground, not map";

    // The panels show their own moments: 2 January (Zhanaozen only) differs from 5 January.
    auto panel = [&](const core::PixelRect& rc) {
        render::Image out;
        out.width = rc.w;
        out.height = rc.h;
        for (int y = 0; y < rc.h; ++y) {
            const std::uint8_t* row = img.at(rc.x, rc.y + y);
            out.rgba.insert(out.rgba.end(), row, row + rc.w * 4);
        }
        return out;
    };
    EXPECT_GT(visiblyDifferentPixels(panel(L->panels[0]), panel(L->panels[2])), 500);

    // With the furniture (stamps, legend, credits), the columns keep their places and gap.
    spec.overlays = core::OverlaySet{};
    const render::Image full = draw(*r, spec, "grid-full");
    ASSERT_EQ(full.width, 800);
    int gapRows = 0;
    for (int y = 0; y < full.height; ++y) {
        bool all = true;
        for (int x = a.x + a.w; x < b.x; ++x) all = all && isGround(full, x, y);
        gapRows += all;
    }
    EXPECT_GT(gapRows, full.height / 2) << "the gap between the columns runs down the figure";
    EXPECT_GT(visiblyDifferentPixels(img, full), 2000) << "stamps, legend and credits are drawn";
}
