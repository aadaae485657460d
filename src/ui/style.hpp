#pragma once
// The look of the panels in each theme (the map's colours are core/map/theme.hpp's): dark for
// screens, light for print work, high contrast for projectors; and the fonts the panels use.
#include <imgui.h>

#include "core/map/theme.hpp"

namespace qantar::ui {

struct Fonts {
    ImFont* regular = nullptr;  // the panels' text
    ImFont* large = nullptr;    // the current moment, bold
    // Presentation type, rasterised at its final size for the screen it is shown on.
    ImFont* presenterMoment = nullptr;  // the date and time, bold
    ImFont* presenterTitle = nullptr;   // a scene's title, bold
    ImFont* presenterBody = nullptr;    // a caption, the counters
    ImFont* presenterSmall = nullptr;   // sources, "Scene 3 of 8"
};

// Sizes of the fonts above at scale 1 (the app rasterises them at uiScale or presenterScale).
constexpr float kRegularFontPx = 16.0f;
constexpr float kLargeFontPx = 26.0f;
constexpr float kPresenterMomentPx = 40.0f;
constexpr float kPresenterTitlePx = 42.0f;
constexpr float kPresenterBodyPx = 30.0f;
constexpr float kPresenterSmallPx = 24.0f;

// Colours and spacing of every ImGui window for `theme`, at `uiScale`. Popups and menus are
// opaque in every theme (text behind a list must never show through).
void applyStyle(core::ThemeId theme, float uiScale);

// Panel colours that are not ImGui style colours (timeline lanes and bands, error text).
struct PanelColors {
    ImU32 laneStripe, playhead, error, selection, internetFull, internetPartial, internetRestored, curfew;
};
PanelColors panelColors(core::ThemeId theme);

// The interface scale for a screen: its content scale, and at least 1.5 on a screen 2000 or more
// pixels tall (a 4K monitor), so panel text stays readable.
float uiScaleFor(int monitorHeightPx, float contentScale);

}  // namespace qantar::ui
