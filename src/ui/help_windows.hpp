#pragma once
#include "ui/app_state.hpp"

namespace qantar::ui {

// The `?` window listing every shortcut and gesture (from the one key table), and the About
// window with the version and every credit: map data, the events' outlets, an imported dataset's
// provider, the libraries.
class HelpWindows {
public:
    void draw(AppState& state);
};

}  // namespace qantar::ui
