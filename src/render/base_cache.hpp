#pragma once
// The base map (fills, lines, borders) depends only on the view, the theme and the map layers, not
// on the clock. Frames over a fixed view — a time sequence, a playing clock, a story scene's hold —
// draw it once, multisampled, and start every frame from a copy of it.
#include <optional>

#include "core/camera.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"

namespace qantar::render {

struct BaseKey {
    double cx = 0, cy = 0, mpp = 0;
    int w = 0, h = 0;
    core::ThemeId theme = core::ThemeId::Dark;
    core::LayerVisibility layers;
    float pixelScale = 1.0f;
    bool transparent = false;

    static BaseKey of(const core::Camera& camera, const FrameOptions& options) {
        const core::MapXY c = camera.center();
        return BaseKey{c.x,
                       c.y,
                       camera.metersPerPixel(),
                       camera.widthPx(),
                       camera.heightPx(),
                       options.theme,
                       options.layers,
                       options.pixelScale,
                       options.transparentBackground};
    }
    bool operator==(const BaseKey& o) const {
        return cx == o.cx && cy == o.cy && mpp == o.mpp && w == o.w && h == o.h && theme == o.theme &&
               layers.on == o.layers.on && pixelScale == o.pixelScale && transparent == o.transparent;
    }
    bool operator!=(const BaseKey& o) const { return !(*this == o); }
};

// One drawing of the base map and what it was drawn for.
struct BaseCache {
    std::optional<OffscreenTarget> target;
    std::optional<BaseKey> key;
    int draws = 0;  // how many times the base was actually drawn (for tests and benchmarks)
};

}  // namespace qantar::render
