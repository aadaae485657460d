#pragma once
// Plain-language lines describing a moment: the date and time with its zone, the counters as
// ranges with their number of sources, and what is in force (internet, curfew, emergency).
// Shared by exports and the GUI so both say the same thing.
#include <string>
#include <vector>

#include "core/events/event_world.hpp"

namespace qantar::core {

// The date-time, then one line per counter (deaths, injured, arrests), then what is in force and
// the nationwide events, e.g.
//   {"Wed 5 Jan 2022, 20:00 (UTC+6)", "Deaths at least 8: 8 police officers (1 source)",
//    "Injured none reported", "Arrests hundreds of people (1 source)",
//    "Internet shut down nationwide · Curfew in force (Almaty) · State of emergency", ...}
std::vector<std::string> momentCaption(const EventWorld& world, const FrameLayers& layers, ZoneOffset zone);
// The index of the first line after the counters.
constexpr std::size_t kMomentNotesLine = 1 + kFigureKindCount;

// "Deaths 164–225 (4 sources, 1 withdrawn)", "Deaths at least 44: 26 protesters + 18 police
// officers (1 source)", "Arrests hundreds of people (1 source)" for one counter.
std::string counterLine(FigureKind kind, const Counter& c);

}  // namespace qantar::core
