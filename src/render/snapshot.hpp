#pragma once
// Renders one frame offscreen at an exact size, independent of any window (the same renderer as
// the GUI), with the required map-data attribution burned in.
#include <optional>

#include <string>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/io/error.hpp"
#include "core/events/layers.hpp"
#include "core/map/map_scene.hpp"
#include "render/base_cache.hpp"
#include "render/image.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"
#include "render/overlays.hpp"

namespace qantar::render {

// Export sizes accepted by the CLI and the export dialog.
constexpr int kMinExportWidth = 320;
constexpr int kMinExportHeight = 240;
constexpr int kMaxExportWidth = 7680;
constexpr int kMaxExportHeight = 4320;

struct SnapshotRequest {
    int widthPx = 1920;
    int heightPx = 1080;
    FrameOptions frame;                 // theme, layers; pixelScale 0 = choose from the size
    std::optional<core::Camera> camera; // default: Kazakhstan fitted to the image
    bool attribution = true;
    // Event layers to draw over the map (both or neither).
    const core::FrameLayers* events = nullptr;
    class EventOverlay* overlay = nullptr;
    // Lines of text burned into a box in the top-left corner: the first is drawn large
    // (the date and time), the rest small (counters, notes).
    std::vector<std::string> caption;
    // Full overlay furniture (title, legend, scale bar, ...), drawn instead of `caption` and
    // the plain attribution line when set; needs `painter` and `projection`.
    const OverlayOptions* overlays = nullptr;
    Painter* painter = nullptr;
    const core::Projection* projection = nullptr;
    // Reused between frames of the same size when given (sequence exports).
    std::optional<OffscreenTarget>* target = nullptr;
    // When given, the base map is drawn only when its view, theme or layers change, and each
    // frame starts from a copy of it (sequence exports over a fixed view).
    BaseCache* baseCache = nullptr;
};

// Text and line scale for an image of this size: 1 at 1920x1080, 2 at 3840x2160, never below 0.75.
float pixelScaleForSize(int widthPx, int heightPx);
// The default view: Kazakhstan fitted with a margin proportional to the image.
core::Camera defaultCamera(const core::MapScene& scene, int widthPx, int heightPx);

// Draws the frame and reads it back. Needs a current GL context.
core::Expected<Image> renderSnapshot(MapRenderer& renderer, const core::MapScene& scene, const SnapshotRequest& request);

// Draws the attribution line in the bottom-right corner of a viewport.
void drawAttribution(MapRenderer& renderer, const core::Theme& theme, int viewportW, int viewportH, float pixelScale);
// Draws caption lines in the top-left corner: the first large, the rest small.
void drawCaption(MapRenderer& renderer, const core::Theme& theme, const std::vector<std::string>& lines, int viewportW,
                 int viewportH, float pixelScale);

}  // namespace qantar::render
