#pragma once
// When an event happened, no more precisely than its sources say: the part of its interval during
// which nobody can say whether it has begun, its state at a moment, and its date written for
// people. Calendar days are the place's own: a day-precision event dated 2 January in Zhanaozen
// reads "2 Jan" in every display zone, UTC included; only events with a time of day (exact,
// hour) are converted to the display zone. See docs/event-format.md, "Precision".
#include <string>

#include "core/events/events.hpp"
#include "core/events/timeline.hpp"

namespace qantar::core {

// The part of `iv` (the event's effective interval) during which the sources do not tell whether
// the event has begun yet:
// - day precision: the first calendar day of the window, at the place (the day it happened, or
//   began: a one-day event's whole window);
// - approximate: the whole window (it happened sometime within it, or that is its likely extent);
// - exact and hour: nothing (start == end).
Interval uncertainWindow(const Event& e, Interval iv);

enum class EventState {
    NotYet,     // before its window
    Uncertain,  // inside uncertainWindow: may or may not have happened yet ("date only")
    InForce,    // certainly under way
    Over,       // its window has passed: it has happened
};
EventState eventStateAt(const Event& e, Interval iv, Instant t);
// "not yet", "date only", "in force", "over"
const char* eventStateName(EventState s);

// When, for the details pane and tooltips, with the year:
//   exact, hour: in `display`: "Wed 5 Jan 2022, 20:00 (UTC+6)", "Tue 4 Jan 2022, 18:00–24:00 (UTC+6)";
//   day: the place's calendar days, no hour: "Sun 2 Jan 2022 (date only)", "2–9 Jan 2022 (dates only)";
//   approximate: "4–9 Jan 2022 (approximate)", or with the local hours and zone where the window
//   does not run from midnight to midnight: "Tue 4 Jan 18:00 – Sun 9 Jan 2022 (approximate, UTC+6)".
std::string formatEventWhen(const Event& e, Interval iv, ZoneOffset display);

// When, compact, for the event list: "Wed 5 Jan 20:00" (exact, hour; in `display`), "Sun 2 Jan"
// or "2–9 Jan" (day; the place's days), "~4–9 Jan" or "~Wed 5 Jan" (approximate).
std::string formatEventListDate(const Event& e, Interval iv, ZoneOffset display);

// While the event is Uncertain, what is known of its time, for the moment's lines:
// "4 Jan, time not given", "from 5 Jan, time not given", "dates approximate, 4–9 Jan".
// Empty for exact and hour precision.
std::string uncertainNote(const Event& e, Interval iv);

}  // namespace qantar::core
