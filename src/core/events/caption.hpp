#pragma once
// Plain-language lines describing a moment: the date and time with its zone, the counters as
// ranges with their number of sources, and what is in force (internet, curfew, emergency).
// Shared by exports and the GUI so both say the same thing.
#include <string>
#include <vector>

#include "core/events/event_world.hpp"

namespace qantar::core {

// e.g. {"Wed 5 Jan 2022, 20:00 (UTC+6)", "Deaths 24–164 · Injured 1,000 · Arrests 2,000–10,000",
//       "Internet shut down nationwide · Curfew in force (Almaty) · State of emergency"}
std::vector<std::string> momentCaption(const EventWorld& world, const FrameLayers& layers, ZoneOffset zone);

// "Deaths 24–164 (3 sources)" for one counter.
std::string counterLine(FigureKind kind, const Counter& c);

}  // namespace qantar::core
