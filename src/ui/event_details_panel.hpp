#pragma once
#include <cstdint>

#include "ui/app_state.hpp"

namespace qantar::ui {

// Everything about the selected event, docked under the events list: time (with zone and
// precision, and how the date was worked out), place, figures with who reported them,
// description, and its sources (outlet, headline, when written) with their exact quotes. A new
// selection opens at the top.
class EventDetailsPanel {
public:
    void draw(AppState& state);

private:
    std::uint64_t m_shownSelection = 0;
};

}  // namespace qantar::ui
