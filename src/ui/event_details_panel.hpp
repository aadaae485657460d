#pragma once
#include "ui/app_state.hpp"

namespace qantar::ui {

// Everything about the selected event: time (with zone and precision, and how the date was
// worked out), place, figures with who reported them, description, and its sources with quotes.
class EventDetailsPanel {
public:
    void draw(AppState& state, float top, float bottom);
};

}  // namespace qantar::ui
