#pragma once
#include "core/events/legend.hpp"
#include "ui/app_state.hpp"

namespace qantar::ui {

// The layers panel, docked on the left: the event layers with their legend swatches, trail and
// cumulative mode, the base map layers (folded away) and the theme.
// Draws a legend swatch (the entry's map symbol or pattern) at the cursor, one frame-height square.
void drawLegendSwatch(core::LegendSymbol symbol, const core::Theme& theme);

class LayersPanel {
public:
    void draw(AppState& state);
};

}  // namespace qantar::ui
