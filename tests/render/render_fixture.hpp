#pragma once
// One headless GL context, map scene and renderer shared by a test suite (creating them costs
// a few hundred milliseconds).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "core/events/event_world.hpp"
#include "core/events/layers.hpp"
#include "core/export/export_spec.hpp"
#include "core/geo/camera.hpp"
#include "core/geo/projection.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"
#include "render/compositor.hpp"
#include "render/event_overlay.hpp"
#include "render/headless_context.hpp"
#include "render/image.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"

namespace qantar::test {

class RenderFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto ctx = render::HeadlessContext::create();
        ASSERT_TRUE(ctx.ok()) << ctx.error().message;
        s_context = std::move(*ctx).release();
        auto p = core::Projection::create();
        ASSERT_TRUE(p.ok());
        s_projection = new core::Projection(std::move(*p));
        auto d = core::loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *s_projection);
        ASSERT_TRUE(d.ok()) << d.error().message;
        s_data = new core::MapData(std::move(*d));
        auto s = core::buildMapScene(*s_data, *s_projection);
        ASSERT_TRUE(s.ok()) << s.error().message;
        s_scene = new core::MapScene(std::move(*s));
        auto r = render::MapRenderer::create(*s_scene);
        ASSERT_TRUE(r.ok()) << r.error().message;
        s_renderer = std::move(*r).release();
        std::filesystem::create_directories(QANTAR_TEST_OUTPUT_DIR);
    }
    static void TearDownTestSuite() {
        delete s_renderer;
        delete s_scene;
        delete s_data;
        delete s_projection;
        delete s_context;
        s_renderer = nullptr;
        s_context = nullptr;
    }

    void SetUp() override {
        if (!s_renderer) GTEST_SKIP() << "suite set-up failed (see above)";
    }

    // The default export view at this size: Kazakhstan fitted to the image.
    static core::Camera fittedCamera(int widthPx, int heightPx) {
        core::ExportSpec spec;
        spec.widthPx = widthPx;
        spec.heightPx = heightPx;
        return core::exportCamera(spec, *s_scene);
    }

    // `request` composed by `compositor`, read back (empty when composing failed).
    static render::Image composeWith(render::Compositor& compositor, const render::CompositeRequest& request) {
        const core::Status err = compositor.compose(request);
        EXPECT_FALSE(err.has_value()) << (err ? err->message : "");
        return err ? render::Image{} : compositor.frame().read();
    }

    // One frame composed from scratch by a fresh compositor (as a single export frame is), read
    // back: the map seen by `camera` (its viewport is the image size), with `events` drawn by
    // `overlay` when both are given.
    static render::Image composeFrame(const core::Camera& camera, const render::FrameOptions& options = {},
                                      const core::FrameLayers* events = nullptr,
                                      render::EventOverlay* overlay = nullptr) {
        render::Compositor compositor(*s_renderer, overlay);
        render::CompositeRequest request;
        request.camera = camera;
        request.options = options;
        request.events = events;
        return composeWith(compositor, request);
    }

    // The same frame drawn whole into one 4x multisampled target, every layer multisampled (base,
    // then areas and symbols, then labels, then the signs over them): the reference a composed
    // frame is compared with.
    static render::Image multisampledFrame(const core::Camera& camera, const render::FrameOptions& options = {},
                                           const core::FrameLayers* events = nullptr,
                                           render::EventOverlay* overlay = nullptr) {
        auto target = render::OffscreenTarget::create(camera.widthPx(), camera.heightPx(), 4);
        EXPECT_TRUE(target.ok()) << (target.ok() ? "" : target.error().message);
        if (!target.ok()) return {};
        target->bind();
        s_renderer->drawBase(camera, options);
        if (events && overlay) overlay->draw(camera, *events, options);
        s_renderer->drawLabels(camera, options);
        if (events && overlay) overlay->drawTags(camera, *events, options, *s_renderer);
        target->resolve();
        return target->read();
    }

    // Pixels where some colour channel of two same-sized images differs by more than `threshold`.
    static std::size_t visiblyDifferentPixels(const render::Image& a, const render::Image& b, int threshold = 48) {
        EXPECT_EQ(a.rgba.size(), b.rgba.size());
        std::size_t n = 0;
        for (std::size_t i = 0; i + 3 < std::min(a.rgba.size(), b.rgba.size()); i += 4) {
            int d = 0;
            for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(a.rgba[i + c] - b.rgba[i + c]));
            n += d > threshold;
        }
        return n;
    }

    // Where a lon/lat lands in an image rendered with `camera`.
    static core::ScreenPx pixelOf(const core::Camera& camera, core::LonLat ll) {
        auto xy = s_projection->project(ll);
        EXPECT_TRUE(xy.has_value());
        return camera.toScreen(*xy);
    }

    static inline render::HeadlessContext* s_context = nullptr;
    static inline core::Projection* s_projection = nullptr;
    static inline core::MapData* s_data = nullptr;
    static inline core::MapScene* s_scene = nullptr;
    static inline render::MapRenderer* s_renderer = nullptr;
};

// The fixture with the bundled events loaded and an event overlay to draw them.
class EventRenderFixture : public RenderFixture {
protected:
    static void SetUpTestSuite() {
        RenderFixture::SetUpTestSuite();
        if (!s_renderer) return;
        auto w = core::loadEventWorld(std::string(QANTAR_ASSET_DIR) + "/events/events.json", *s_data, *s_projection);
        ASSERT_TRUE(w.ok()) << w.error().message;
        s_world = std::move(*w).release();
        auto o = render::EventOverlay::create(*s_scene);
        ASSERT_TRUE(o.ok()) << o.error().message;
        s_overlay = std::move(*o).release();
    }
    static void TearDownTestSuite() {
        delete s_overlay;
        delete s_world;
        s_overlay = nullptr;
        s_world = nullptr;
        RenderFixture::TearDownTestSuite();
    }

    static inline core::EventWorld* s_world = nullptr;
    static inline render::EventOverlay* s_overlay = nullptr;
};

}  // namespace qantar::test
