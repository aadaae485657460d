#pragma once
#include "ui/app_state.hpp"

namespace qantar::ui {

// The layers panel, docked on the left: the event layers with their legend swatches, trail and
// cumulative mode, the base map layers (folded away) and the theme.
// Draws a legend swatch (the layer's map symbol) at the cursor, one frame-height square.
void drawLegendSwatch(core::EventLayer layer, const core::Theme& theme);

class LayersPanel {
public:
    void draw(AppState& state);
};

}  // namespace qantar::ui
