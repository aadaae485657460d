#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "ui/app_state.hpp"

namespace qantar::ui {

// The events list, docked on the right: search, filter by category and place (the filter narrows
// the map and the timeline too), sorted by time. Events in force at the current moment are marked
// and scrolled into view when the clock jumps; a selection scrolls to its row. Selecting a row moves
// the clock and the camera to the event.
class EventListPanel {
public:
    void draw(AppState& state);

    // "Wed 5 Jan 20:00", "5 Jan (date only)", "~12 Jan": the list's When column. A day-precision
    // date is the calendar day where the event happened (its own zone), not shifted into the
    // display zone.
    static std::string whenText(const core::Event& e, core::ZoneOffset displayZone);

private:
    char m_search[128] = "";
    std::vector<std::uint32_t> m_rows;
    // What m_rows was filtered for.
    const core::EventWorld* m_rowsWorld = nullptr;
    std::uint64_t m_rowsGeneration = 0, m_rowsSerial = 0;
    std::int64_t m_lastNow = 0;
    std::uint64_t m_lastSelection = 0;
};

}  // namespace qantar::ui
