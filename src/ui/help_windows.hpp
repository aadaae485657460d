#pragma once
#include "ui/app_state.hpp"

namespace qantar::ui {

// The keyboard-shortcut overlay (?) and the About window with the data credits.
class HelpWindows {
public:
    void draw(AppState& state);
};

}  // namespace qantar::ui
