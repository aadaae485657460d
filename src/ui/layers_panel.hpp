#pragma once
#include "ui/app_state.hpp"

namespace qantar::ui {

// A small floating window with one toggle per base-map layer and the theme switch.
class LayersPanel {
public:
    void draw(AppState& state);
};

}  // namespace qantar::ui
