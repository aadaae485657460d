#pragma once
#include "ui/app_state.hpp"

namespace qantar::ui {

// A small floating window with one toggle per base-map layer and the theme switch.
// Draws a legend swatch (the layer's map symbol) at the cursor, one frame-height square.
void drawLegendSwatch(core::EventLayer layer, const core::Theme& theme);

class LayersPanel {
public:
    void draw(AppState& state);
};

}  // namespace qantar::ui
