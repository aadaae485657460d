#pragma once
// Draws the timeline figure (core::layoutTimelineFigure decides where everything goes) offscreen
// at the spec's size and theme, with the map's own fonts and symbols, so a lane's marks look
// like the map's and its legend's, and the text is crisp at any size.
#include "core/events/event_world.hpp"
#include "core/export/export_spec.hpp"
#include "core/io/error.hpp"
#include "render/event_overlay.hpp"
#include "render/image.hpp"
#include "render/map_renderer.hpp"
#include "render/painter.hpp"

namespace qantar::render {

// The figure of `spec.from`..`spec.to` (the dataset's whole range when they are equal), titled
// with spec.title/subtitle, credits when spec.overlays.attribution, the events `mask` flags
// (null: all), a line at spec.time when given. Needs a current OpenGL context.
core::Expected<Image> renderTimelineFigure(const core::ExportSpec& spec, const core::EventWorld& world,
                                           const std::vector<std::uint8_t>* mask, MapRenderer& map,
                                           EventOverlay* events, Painter& painter);

}  // namespace qantar::render
