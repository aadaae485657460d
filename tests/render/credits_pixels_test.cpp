// The furniture of report figures on real frames: after merging an ACLED export the credit line
// names ACLED, stays inside the frame and off the legend; the title box leaves Kostanay and
// Uralsk readable in the default frame.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "core/events/event_format.hpp"
#include "core/events/event_sources.hpp"
#include "core/export/export_spec.hpp"
#include "render/export/export_renderer.hpp"
#include "render/image.hpp"
#include "render_fixture.hpp"

using namespace qantar;
using qantar::test::RenderFixture;

namespace {

class FigureFurniture : public RenderFixture {
protected:
    static std::unique_ptr<render::ExportRenderer> rendererFor(const core::EventWorld* world) {
        auto r = render::ExportRenderer::create(*s_scene, *s_projection, world, render::SharedRenderers{s_renderer, nullptr});
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? std::move(*r) : nullptr;
    }
    static core::Dataset week() {
        auto d = core::loadDatasetOrError(std::string(QANTAR_ASSET_DIR) + "/events/events.json");
        EXPECT_TRUE(d.ok());
        return d.ok() ? std::move(*d) : core::Dataset{};
    }
    // What an import of tests/data/import/acled_kz_jan2022.csv adds to the credits: its source
    // column's outlets (one source per distinct cell, as the importer makes them), ACLED itself and
    // the credit ACLED's terms require.
    static core::Dataset acledSample() {
        core::Dataset d;
        int i = 0;
        for (const char* outlet : {"ACLED (Armed Conflict Location & Event Data)", "Steppe Courier", "Caspian Wire",
                                   "Caspian Wire; Steppe Courier", "Example International",
                                   "Example International; Caspian Wire"}) {
            core::Source s;
            s.id = "acled-" + std::to_string(++i);
            s.outlet = outlet;
            d.sources.push_back(s);
        }
        d.coverageStart = d.coverageEnd = core::parseIsoTime("2022-01-05T00:00")->instant;
        d.attribution = "Data: Armed Conflict Location & Event Data (ACLED), acleddata.com";
        return d;
    }
    static core::ExportSpec spec(int w, int h) {
        core::ExportSpec s;
        s.widthPx = w;
        s.heightPx = h;
        s.time = core::parseIsoTime("2022-01-05T20:00")->instant;
        return s;
    }
};

std::string describe(const core::OverlayBox& b) {
    return "[" + std::to_string(b.x0) + "," + std::to_string(b.y0) + " .. " + std::to_string(b.x1) + "," +
           std::to_string(b.y1) + "]";
}

}  // namespace

TEST_F(FigureFurniture, AfterAnAcledMergeTheCreditIsInsideTheFrameAndOffTheLegend) {
    core::EventWorld world(core::mergeDatasets(week(), acledSample()), *s_data, *s_projection);
    auto renderer = rendererFor(&world);
    ASSERT_TRUE(renderer);
    const core::ExportSpec withCredits = spec(1280, 720);
    auto img = renderer->render(withCredits);
    ASSERT_TRUE(img.ok()) << img.error().message;
    const core::OverlayPlan plan = renderer->lastOverlayPlan();
    ASSERT_FALSE(plan.credits.empty());
    ASSERT_FALSE(plan.legend.empty()) << "the legend fits at 720p";
    EXPECT_FALSE(core::boxesOverlap(plan.credits, plan.legend))
        << "credits " << describe(plan.credits) << " over the legend " << describe(plan.legend);
    std::string credit;
    for (const auto& l : plan.lines) {
        if (l.kind == core::OverlayText::Credit) credit += l.text + " ";
    }
    EXPECT_NE(credit.find("(ACLED), acleddata.com."), std::string::npos) << credit;
    EXPECT_EQ(credit.find("Caspian Wire"), credit.rfind("Caspian Wire")) << "named once: " << credit;

    // On the pixels: whatever the credit adds lies inside its box, inside the frame's margins, and
    // not on the legend.
    core::ExportSpec without = withCredits;
    without.overlays.attribution = false;
    auto bare = renderer->render(without);
    ASSERT_TRUE(bare.ok());
    const core::OverlayPlan barePlan = renderer->lastOverlayPlan();
    // Without the credit the legend, scale bar and north arrow may sit lower: where they were or
    // are is not the credit's doing.
    const std::vector<core::OverlayBox> moved{barePlan.legend, barePlan.scaleBar, barePlan.north, plan.scaleBar, plan.north};
    long inLegend = 0, outside = 0, changed = 0;
    for (int y = 0; y < img->height; ++y) {
        for (int x = 0; x < img->width; ++x) {
            const std::uint8_t* p = img->at(x, y);
            const std::uint8_t* q = bare->at(x, y);
            if (p[0] == q[0] && p[1] == q[1] && p[2] == q[2]) continue;
            const float fx = static_cast<float>(x), fy = static_cast<float>(y);
            const core::OverlayBox px{fx, fy, fx + 1.0f, fy + 1.0f};
            // A credit pixel on the legend as drawn is an overprint.
            if (core::boxesOverlap(px, plan.legend)) {
                inLegend += core::boxesOverlap(px, plan.credits);
                continue;
            }
            if (!core::boxesOverlap(px, plan.credits) &&
                std::any_of(moved.begin(), moved.end(), [&](const core::OverlayBox& b) { return core::boxesOverlap(px, b); })) {
                continue;
            }
            ++changed;
            const float width = static_cast<float>(img->width);
            const bool out = !core::boxesOverlap(px, plan.credits) || fx < plan.margin * 0.5f || fx >= width - plan.margin * 0.5f;
            outside += out;
        }
    }
    EXPECT_GT(changed, 500) << "the credit is drawn";
    EXPECT_EQ(outside, 0) << "credit pixels outside its box or the frame's margins";
    EXPECT_EQ(inLegend, 0) << "credit pixels on the legend";
    if (outside || inLegend) (void)render::writePng(*img, std::string(QANTAR_TEST_OUTPUT_DIR) + "/acled_credits.png");
}

TEST_F(FigureFurniture, TheTitleBoxLeavesKostanayAndUralskReadable) {
    core::EventWorld world(week(), *s_data, *s_projection);
    auto renderer = rendererFor(&world);
    ASSERT_TRUE(renderer);
    for (auto [w, h] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
        core::ExportSpec s = spec(w, h);
        s.title = "Almaty, 5 January";
        s.overlays.title = true;
        auto img = renderer->render(s);
        ASSERT_TRUE(img.ok()) << img.error().message;
        const core::OverlayBox box = renderer->lastOverlayPlan().topLeft;
        ASSERT_FALSE(box.empty());
        const core::Camera& cam = renderer->lastCamera();
        const float scale = core::pixelScaleForSize(w, h);
        int found = 0;
        for (const core::MapLabel& l : s_scene->labels) {
            if (l.text != "Kostanay" && l.text != "Uralsk") continue;
            ++found;
            std::vector<core::MapLabel> one{l};
            EXPECT_EQ(core::labelCoverCost(one, cam, scale, box), 0.0f)
                << l.text << " under the title box " << describe(box) << " at " << w << "x" << h << ", its dot at "
                << cam.toScreen(l.anchor).x << "," << cam.toScreen(l.anchor).y;
            const core::ScreenPx p = cam.toScreen(l.anchor);
            EXPECT_TRUE(p.x > 0 && p.y > 0 && p.x < static_cast<double>(w) && p.y < static_cast<double>(h))
                << l.text << " is in the frame";
        }
        EXPECT_EQ(found, 2) << "the map labels Kostanay and Uralsk";
    }
}
