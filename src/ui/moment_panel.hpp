#pragma once
#include <imgui.h>

#include "ui/app_state.hpp"
#include "ui/style.hpp"

namespace qantar::ui {

// A compact box at the map's top-left: the current moment written large with its zone, the
// running counters as ranges (hover for every report and its source), what is in force, and the
// nationwide events of the moment (which have no symbol on the map).
class MomentPanel {
public:
    void draw(AppState& state, const Fonts& fonts);
};

}  // namespace qantar::ui
