// The animated layers in real frames: pixels change where and when events are.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <memory>

#include "core/events/event_world.hpp"
#include "render/compositor.hpp"
#include "render/event_overlay.hpp"
#include "render_fixture.hpp"

using namespace qantar;

namespace {

class EventPixels : public test::EventRenderFixture {
protected:
    // A frame of `layers` seen by `camera` (its size), composed from scratch.
    static render::Image eventFrame(const core::Camera& camera, const core::FrameLayers& layers,
                                    const render::FrameOptions& options = {}) {
        return composeFrame(camera, options, &layers, s_overlay);
    }

    // A frame at `when` (ISO, Almaty time) with a camera centred on `centre` at `mpp` m/px.
    static render::Image frameAt(const char* when, core::LonLat centre, double mpp, core::FrameLayers& layers) {
        auto t = core::parseIsoTime(when);
        EXPECT_TRUE(t.ok());
        layers = s_world->layersAt(t->instant, core::EventLayerSettings{});
        render::FrameOptions options;
        options.theme = core::ThemeId::Light;
        // Base layers that could cover a symbol's centre are hidden, so the test sees the event.
        options.layers.set(core::MapLayer::Labels, false);
        options.layers.set(core::MapLayer::Cities, false);
        return eventFrame(core::Camera(*s_projection->project(centre), mpp, 640, 480), layers, options);
    }

    static int difference(const render::Image& a, const render::Image& b, int x, int y) {
        const auto* p = a.at(x, y);
        const auto* q = b.at(x, y);
        return std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]);
    }

};

}  // namespace

TEST_F(EventPixels, ZhanaozenProtestAppearsOnTheSecondOfJanuary) {
    const core::LonLat zhanaozen{52.862, 43.341};
    core::FrameLayers before, during;
    const render::Image a = frameAt("2022-01-01T12:00", zhanaozen, 500.0, before);
    const render::Image b = frameAt("2022-01-02T12:00", zhanaozen, 500.0, during);
    EXPECT_TRUE(before.marks.empty() || std::none_of(before.marks.begin(), before.marks.end(), [](const auto& m) {
                    return m.kind == core::MarkKind::Protest;
                }));
    ASSERT_FALSE(during.marks.empty());
    // The protest symbol sits on the city: the centre pixel changes, a far corner does not.
    EXPECT_GT(difference(a, b, 320, 240), 120) << "the protest symbol should cover Zhanaozen";
    EXPECT_LT(difference(a, b, 20, 20), 40) << "far from any event, the map stays the same";
}

TEST_F(EventPixels, AlmatyCurfewShadesOnlyAtNight) {
    const core::LonLat almatyRegionEdge{77.02, 43.33};  // inside Almaty city, ~10 km from the event symbols
    core::FrameLayers night, day;
    // The second night: the first night of a curfew whose start the sources give only roughly is
    // drawn at half strength (event_time.hpp).
    const render::Image n = frameAt("2022-01-07T02:00", almatyRegionEdge, 60.0, night);
    const render::Image d = frameAt("2022-01-07T12:00", almatyRegionEdge, 60.0, day);
    const auto hasCurfew = [](const core::FrameLayers& l) {
        return std::any_of(l.areas.begin(), l.areas.end(), [](const auto& a) { return a.kind == core::AreaKind::Curfew; });
    };
    EXPECT_TRUE(hasCurfew(night));
    EXPECT_FALSE(hasCurfew(day));
    // Night shading darkens the city (the centre of the view, away from the event symbols).
    const auto* pn = n.at(320, 240);
    const auto* pd = d.at(320, 240);
    EXPECT_LT(pn[0] + pn[1] + pn[2] + 60, pd[0] + pd[1] + pd[2]) << "the curfew should darken Almaty at 02:00";
    if (HasFailure()) {
        (void)render::writePng(n, std::string(QANTAR_TEST_OUTPUT_DIR) + "/curfew_night.png");
        (void)render::writePng(d, std::string(QANTAR_TEST_OUTPUT_DIR) + "/curfew_day.png");
    }
}

TEST_F(EventPixels, StateOfEmergencyHatchesTheCountryFromItsDeclaration) {
    const core::LonLat karaganda{73.1, 49.8};
    core::FrameLayers before, after;
    const render::Image a = frameAt("2022-01-04T12:00", karaganda, 3000.0, before);
    const render::Image b = frameAt("2022-01-05T20:00", karaganda, 3000.0, after);
    // Hatching changes a share of pixels across the whole country, not just near events.
    int changed = 0, total = 0;
    for (int y = 100; y < 380; y += 4) {
        for (int x = 100; x < 540; x += 4) {
            ++total;
            changed += difference(a, b, x, y) > 30;
        }
    }
    EXPECT_GT(changed, total / 8) << "stripes should cover the country on 5 January";
}

TEST_F(EventPixels, AreasAreRedrawnOnlyWhenTheyChangeAndFramesMatchDirectOnes) {
    // A sequence over a fixed view keeps the base and the shaded areas between frames; the frames
    // must be the ones a fresh compositor makes, look like frames drawn whole multisampled, and
    // the areas follow the clock.
    const core::Camera cam = fittedCamera(640, 360);
    render::Compositor compositor(*s_renderer, s_overlay);
    std::uint64_t eventsKey = 0;
    const auto layersAt = [&](const char* when) {
        auto t = core::parseIsoTime(when);
        EXPECT_TRUE(t.ok());
        return t.ok() ? s_world->layersAt(t->instant, core::EventLayerSettings{}) : core::FrameLayers{};
    };
    const auto reused = [&](const core::FrameLayers& layers) {
        render::CompositeRequest req;
        req.camera = cam;
        req.events = &layers;
        req.eventsKey = ++eventsKey;
        return composeWith(compositor, req);
    };
    const auto matchesDirectFrames = [&](const render::Image& img, const core::FrameLayers& layers, const char* when) {
        EXPECT_EQ(img.rgba, eventFrame(cam, layers).rgba) << when << ": the reused compositor against a fresh one";
        const render::Image whole = multisampledFrame(cam, {}, &layers, s_overlay);
        EXPECT_LT(visiblyDifferentPixels(img, whole), img.rgba.size() / 4 / 100)
            << when << ": against the frame drawn whole multisampled";
    };
    // 6 January: blackout and state of emergency in force, nothing fading between 12:00 and 13:00.
    const core::FrameLayers noonLayers = layersAt("2022-01-06T12:00+06:00");
    const core::FrameLayers oneLayers = layersAt("2022-01-06T13:00+06:00");
    ASSERT_FALSE(noonLayers.areas.empty());
    const render::Image noon = reused(noonLayers);
    const render::Image one = reused(oneLayers);
    EXPECT_EQ(compositor.baseDraws(), 1);
    EXPECT_EQ(compositor.areaDraws(), 1) << "the same areas are not drawn again";
    matchesDirectFrames(one, oneLayers, "13:00 on 6 January");
    // Before the blackout and the emergency the areas differ, so they are redrawn.
    const core::FrameLayers beforeLayers = layersAt("2022-01-03T12:00+06:00");
    const render::Image before = reused(beforeLayers);
    EXPECT_EQ(compositor.baseDraws(), 1);
    EXPECT_EQ(compositor.areaDraws(), 2);
    EXPECT_GT(visiblyDifferentPixels(before, noon), before.rgba.size() / 4 / 20) << "the shading over the country goes";
    matchesDirectFrames(before, beforeLayers, "noon on 3 January");
}

TEST_F(EventPixels, ThousandsOfMarksDrawAsADensityOfSmallDots) {
    // Past EventOverlay::kDenseMarks, marks become small dots: every spot with an event is still
    // coloured, but a mark no longer covers its full symbol and pulse ring.
    const core::Camera cam = fittedCamera(640, 360);
    const core::MapXY almaty = *s_projection->project(s_data->findPlace("Almaty")->lonLat);
    const auto frameWith = [&](std::size_t count) {
        core::FrameLayers layers;
        for (std::size_t i = 0; i < count; ++i) {
            core::EventMark mk{};
            mk.event = static_cast<std::uint32_t>(i);
            mk.pos = almaty;
            mk.kind = core::MarkKind::Protest;
            mk.sizePx = 8.0f;
            mk.alpha = 1.0f;
            mk.pulse = 0.5f;
            layers.marks.push_back(mk);
        }
        render::FrameOptions options;
        options.layers.set(core::MapLayer::Labels, false);
        options.layers.set(core::MapLayer::Cities, false);
        return eventFrame(cam, layers, options);
    };
    const render::Image none = frameWith(0);
    const render::Image few = frameWith(3);
    const render::Image many = frameWith(render::EventOverlay::kDenseMarks + 1);
    const auto changed = [&](const render::Image& img) {
        std::size_t n = 0;
        for (int y = 0; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x) n += difference(img, none, x, y) > 30;
        return n;
    };
    const std::size_t symbol = changed(few), dot = changed(many);
    EXPECT_GT(dot, 4u) << "the dense dot is drawn";
    EXPECT_LT(dot * 4, symbol) << "a dot is much smaller than a full symbol with its pulse ring";
    const core::ScreenPx p = cam.toScreen(almaty);
    EXPECT_GT(difference(many, none, static_cast<int>(p.x), static_cast<int>(p.y)), 30) << "the dot sits on Almaty";
}
