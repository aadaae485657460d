#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "ui/app_state.hpp"

namespace qantar::ui {

// The events list, docked on the right: search, filter by category and place (the filter narrows
// the map and the timeline too), sorted by time. Events in force at the current moment are marked
// (those dated only to the day, not yet sure to have happened, with a dotted circle)
// and scrolled into view when the clock jumps; a selection scrolls to its row. Selecting a row moves
// the clock and the camera to the event.
class EventListPanel {
public:
    // The When column is core::formatEventListDate: "Wed 5 Jan 20:00" in the display zone, a
    // date-only event on its own calendar day ("Sun 2 Jan", "~4–9 Jan") in every zone.
    void draw(AppState& state);

private:
    char m_search[128] = "";
    std::string m_cell;  // a shortened cell of the list, its buffer kept between frames
    std::vector<std::uint32_t> m_rows;
    // What m_rows was filtered for.
    const core::EventWorld* m_rowsWorld = nullptr;
    std::uint64_t m_rowsGeneration = 0, m_rowsSerial = 0;
    std::int64_t m_lastNow = 0;
    std::uint64_t m_lastSelection = 0;
};

}  // namespace qantar::ui
