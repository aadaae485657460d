#pragma once
#include <imgui.h>

#include "ui/app_state.hpp"

namespace qantar::ui {

// A compact overlay at the map's top-left: the current moment written large with its zone, the
// running counters as ranges (hover for every report and its source), and what is in force.
class MomentPanel {
public:
    void draw(AppState& state, ImFont* largeFont);
};

}  // namespace qantar::ui
