#pragma once
// The keys and pieces the compositor (render/compositor.hpp) keeps its layers by. The base map
// (fills, lines, borders) depends only on the view, the theme and the map layers, not on the
// clock; the shaded areas only on the areas in force.
#include <optional>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/events/layers.hpp"
#include "render/event_overlay.hpp"
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
    int lineLevel = FrameOptions::kAutoLineLevel;

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
                       options.transparentBackground,
                       options.lineLevel};
    }
    bool operator==(const BaseKey& o) const {
        return cx == o.cx && cy == o.cy && mpp == o.mpp && w == o.w && h == o.h && theme == o.theme &&
               layers.on == o.layers.on && pixelScale == o.pixelScale && transparent == o.transparent &&
               lineLevel == o.lineLevel;
    }
    bool operator!=(const BaseKey& o) const { return !(*this == o); }
};

// The shaded areas of a frame (blackout, emergency, curfew). Over a fixed view, the base with its
// areas is redrawn only when these change: once per fade rather than once per frame.
struct AreaKey {
    std::vector<core::AreaShade> areas;

    static AreaKey of(const core::FrameLayers* layers) { return AreaKey{layers ? layers->areas : std::vector<core::AreaShade>{}}; }
    bool operator==(const AreaKey& o) const { return same(o.areas); }
    bool same(const std::vector<core::AreaShade>& other) const {
        if (areas.size() != other.size()) return false;
        for (std::size_t i = 0; i < areas.size(); ++i) {
            const core::AreaShade& a = areas[i];
            const core::AreaShade& b = other[i];
            if (a.event != b.event || a.kind != b.kind || a.regionIndex != b.regionIndex || a.alpha != b.alpha ||
                a.intensity != b.intensity) {
                return false;
            }
        }
        return true;
    }
    bool operator!=(const AreaKey& o) const { return !(*this == o); }
};

// Makes `target` a widthPx x heightPx target with `samples` (a target of that size is kept as it
// is). True when it was (re)made, so whatever it held must be drawn again.
core::Expected<bool> ensureTarget(std::optional<OffscreenTarget>& target, int widthPx, int heightPx, int samples,
                                  MsaaStorage storage = MsaaStorage::Whole);

// Draws the base map into `target` multisampled and resolved (in bands when the target is banded).
void drawFineBase(MapRenderer& renderer, const OffscreenTarget& target, const core::Camera& camera,
                  const FrameOptions& options);

// The base map with the shaded areas drawn over it (single-sampled), and which areas it holds.
struct AreaLayer {
    std::optional<OffscreenTarget> target;
    std::optional<AreaKey> key;
    int draws = 0;  // how many times the areas were actually drawn (for tests and benchmarks)

    // Brings `target` up to date: a copy of `base` (resolved) with the areas of `layers` over it,
    // drawn again only when the areas change or `baseChanged`. No overlay or layers: the base alone.
    core::Status update(const OffscreenTarget& base, bool baseChanged, EventOverlay* overlay, const core::Camera& camera,
                        const core::FrameLayers* layers, const FrameOptions& options);
};

}  // namespace qantar::render
