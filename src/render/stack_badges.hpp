#pragma once
// The count badges of collapsed stacks ("5": five events at this place), drawn over the map's
// labels so that no city name hides a count: a disc in the label colour with the number on it.
// The window and exports alike draw them, from the frame's symbol layout.
#include "core/events/stacks.hpp"
#include "core/geo/camera.hpp"
#include "render/event_overlay.hpp"
#include "render/map_renderer.hpp"

namespace qantar::render {

// Draws into the bound framebuffer, whose viewport is the camera's.
void drawStackBadges(MapRenderer& map, EventOverlay& events, const core::Camera& camera,
                     const core::SymbolLayout& symbols, const FrameOptions& options);

}  // namespace qantar::render
