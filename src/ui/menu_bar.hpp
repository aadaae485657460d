#pragma once
#include "ui/app_state.hpp"

namespace qantar::ui {

// The main menu bar: File, View, Layers, Help. Returns the bar's height in pixels.
class MenuBar {
public:
    float draw(AppState& state);
};

}  // namespace qantar::ui
