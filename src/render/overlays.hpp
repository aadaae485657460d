#pragma once
// The furniture of an exported frame, laid out for its size: title and subtitle, the date-time
// stamp with counters, a legend of the event symbols, a scale bar, a north arrow, the credits,
// and (for stories) the scene's caption with its sources. Text and lines scale with the image so
// a 4K frame reads like a 1080p one; where each piece goes is core::layoutOverlays' decision
// (nothing overlaps at any size), the same for every frame of a sequence.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/events/layers.hpp"
#include "core/events/legend.hpp"
#include "core/geo/projection.hpp"
#include "core/map/credits.hpp"
#include "core/map/overlay_layout.hpp"
#include "render/event_overlay.hpp"
#include "render/map_renderer.hpp"
#include "render/painter.hpp"

namespace qantar::render {

struct OverlayOptions {
    std::string title;                    // empty: no title
    std::string subtitle;
    std::vector<std::string> moment;      // date-time (first line, large) then counters etc.; empty: none
    bool legend = false;
    std::vector<core::LegendEntry> legendEntries;  // which symbols to explain (core::legendEntries)
    bool scaleBar = false;
    bool northArrow = false;
    std::vector<std::string> credits;     // attribution lines; empty: none
    std::string captionTitle;             // story scene title
    std::string captionText;              // story scene caption
    std::string captionSources;           // "Sources: Financial Times, AFP"
    std::optional<core::CreditSources> creditSources;  // the credit line, fitted (core::fitCredits); after `credits`
    float creditMinFontPx = 0.0f;         // the credit's em size is at least this (core::minCreditFontPx)
    // How much of the map a title box there would hide (core::OverlayContent::coverCost); empty: top left.
    std::function<float(const core::OverlayBox&)> coverCost;
};

struct OverlayPainters {
    MapRenderer& renderer;
    EventOverlay* events;  // for legend symbols; may be null
    Painter& painter;
};

// The rectangles the furniture will cover (pixels), for the signs over the map to keep clear of.
std::vector<core::ScreenRect> overlayBoxes(OverlayPainters& p, const core::Camera& camera, const core::Theme& theme,
                                           float pixelScale, const OverlayOptions& options);

// Draws legend swatches as the furniture's legend does (the map's own symbols, area patterns and
// signs), entry i into the square tiles[i]: for a legend laid out elsewhere (a figure's footer).
void drawLegendSwatches(OverlayPainters& p, const core::Camera& camera, const core::Theme& theme, float pixelScale,
                        const std::vector<core::LegendEntry>& entries, const std::vector<core::ScreenRect>& tiles);
// Where the furniture goes for these options (what drawOverlays draws).
core::OverlayPlan overlayPlan(OverlayPainters& p, const core::Camera& camera, const core::Theme& theme,
                              float pixelScale, const OverlayOptions& options);

void drawOverlays(OverlayPainters& p, const core::Camera& camera, const core::Projection& projection,
                  const core::Theme& theme, float pixelScale, const OverlayOptions& options);

}  // namespace qantar::render
