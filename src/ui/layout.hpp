#pragma once
// Where everything goes in the window: the menu bar, the status line, the timeline across the
// bottom, the layers and legend on the left, the events list and details on the right, and the
// map in the middle — docked, so no panel ever covers another's controls and every control is on
// screen at any window size; hiding a panel gives its room to the map. In presentation mode, the
// map fills the screen and the text (the moment, the scene's caption) sits in one column on the
// right, so the map beside it is framed clear of any text. Pure arithmetic, tested headless.
#include "core/geo/geo_types.hpp"

namespace qantar::ui {

struct LayoutInput {
    float width = 1280.0f, height = 720.0f;  // the window, pixels
    float uiScale = 1.0f;                    // 1 at ordinary density; larger on high-density screens
    float menuHeight = 0.0f, statusHeight = 0.0f;
    bool presenting = false;
    bool hasWorld = true;                    // without events there is no timeline, list or details
    bool showLayers = true, showEvents = true, detailsOpen = false, showStory = false;
    float presenterScale = 1.0f;             // presentation type size: 1 at 1080 lines
};

struct Layout {
    core::ScreenRect window;
    core::ScreenRect menu, status, timeline, layers, story, events, details;  // empty when not shown
    core::ScreenRect map;         // the map's viewport
    // The part of the map that text boxes floating over it leave clear (the window's moment box;
    // in presentation mode everything but the caption column and the slim timeline), in map
    // viewport pixels: where framing puts Kazakhstan, an event or a story scene.
    core::ScreenRect mapFree;
    // Presentation mode: the column holding the moment and the scene's caption, and the slim
    // timeline along the bottom.
    core::ScreenRect caption, slimTimeline;
};

Layout computeLayout(const LayoutInput& in);

// Height the moment box takes at the top of the map in the window (its first line is large).
constexpr float kMomentBoxHeightPx = 112.0f;

}  // namespace qantar::ui
