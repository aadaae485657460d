#pragma once
#include "ui/app_state.hpp"

namespace qantar::ui {

// The main menu bar: File (open, export, quit), View (fit, zoom, themes, panels, presenting),
// Story (present, step, edit), Layers (base map layers), Help (shortcuts, about).
class MenuBar {
public:
    // Returns the bar's height in pixels (0 when it could not be drawn).
    float draw(AppState& state);
};

}  // namespace qantar::ui
