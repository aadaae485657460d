#include "core/events/event_time.hpp"

#include <algorithm>
#include <cstdio>

namespace qantar::core {

namespace {

bool sameDay(const CivilTime& a, const CivilTime& b) { return a.year == b.year && a.month == b.month && a.day == b.day; }

bool atMidnight(const CivilTime& c) { return c.hour == 0 && c.minute == 0 && c.second == 0; }

// "Sun 2 Jan" (with the weekday) or "2 Jan".
std::string dayText(const CivilTime& c, bool weekday) {
    char buf[24];
    if (weekday) std::snprintf(buf, sizeof buf, "%s %d %s", weekdayAbbrev(c), c.day, monthAbbrev(c.month));
    else std::snprintf(buf, sizeof buf, "%d %s", c.day, monthAbbrev(c.month));
    return buf;
}

// The calendar days from `first` to `last` (inclusive): "Sun 2 Jan", "2–9 Jan", "31 Jan–1 Feb",
// each followed by the year when `year` (or written on both ends when the years differ).
std::string dayRangeText(const CivilTime& first, const CivilTime& last, bool year, const char* dash) {
    const std::string y = year ? " " + std::to_string(last.year) : "";
    if (sameDay(first, last)) return dayText(first, true) + y;
    if (first.year != last.year) {
        return dayText(first, false) + " " + std::to_string(first.year) + dash + dayText(last, false) + " " +
               std::to_string(last.year);
    }
    if (first.month == last.month) return std::to_string(first.day) + "\xE2\x80\x93" + dayText(last, false) + y;
    return dayText(first, false) + dash + dayText(last, false) + y;
}

// The event's window as calendar days at its place: the first and the last day it touches.
void localDays(const Event& e, Interval iv, CivilTime& first, CivilTime& last) {
    first = toCivil(iv.start, e.localZone);
    last = iv.start < iv.end ? toCivil(iv.end - Duration{1}, e.localZone) : first;
}

bool dateOnly(Precision p) { return p == Precision::Day || p == Precision::Approximate; }

}  // namespace

Interval uncertainWindow(const Event& e, Interval iv) {
    switch (e.precision) {
        case Precision::Exact:
        case Precision::Hour: return Interval{iv.start, iv.start};
        case Precision::Day: return Interval{iv.start, std::min(iv.end, nextLocalMidnight(iv.start, e.localZone))};
        case Precision::Approximate: return iv;
    }
    return Interval{iv.start, iv.start};
}

EventState eventStateAt(const Event& e, Interval iv, Instant t) {
    if (t < iv.start) return EventState::NotYet;
    if (!(t < iv.end)) return EventState::Over;
    const Interval w = uncertainWindow(e, iv);
    if (w.start <= t && t < w.end) return EventState::Uncertain;
    return EventState::InForce;
}

const char* eventStateName(EventState s) {
    switch (s) {
        case EventState::NotYet: return "not yet";
        case EventState::Uncertain: return "date only";
        case EventState::InForce: return "in force";
        case EventState::Over: return "over";
    }
    return "?";
}

std::string formatEventWhen(const Event& e, Interval iv, ZoneOffset display) {
    if (!dateOnly(e.precision)) {
        // An instant is shown as the moment it is, not as the hour the map keeps it on screen.
        return formatSpanForDisplay(iv.start, e.hasEnd ? iv.end : iv.start, display, e.precision);
    }
    CivilTime first, last;
    localDays(e, iv, first, last);
    const char* dash = " \xE2\x80\x93 ";
    if (e.precision == Precision::Day) {
        return dayRangeText(first, last, true, dash) + (sameDay(first, last) ? " (date only)" : " (dates only)");
    }
    const CivilTime end = toCivil(iv.end, e.localZone);
    if (atMidnight(first) && (atMidnight(end) || !(iv.start < iv.end))) {
        return dayRangeText(first, last, true, dash) + " (approximate)";
    }
    // A window with an hour at either end: written in the place's own clock, zone named.
    char hm[8];
    std::string from = dayText(first, true);
    if (!atMidnight(first)) {
        std::snprintf(hm, sizeof hm, " %02d:%02d", first.hour, first.minute);
        from += hm;
    }
    std::string to;
    if (atMidnight(end)) {
        to = dayText(last, true);
    } else {
        std::snprintf(hm, sizeof hm, " %02d:%02d", end.hour, end.minute);
        to = dayText(end, true) + hm;
    }
    return from + dash + to + " " + std::to_string(last.year) + " (approximate, " + formatOffset(e.localZone) + ")";
}

std::string formatEventListDate(const Event& e, Interval iv, ZoneOffset display) {
    if (!dateOnly(e.precision)) {
        const CivilTime c = toCivil(iv.start, display);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s %02d:%02d", dayText(c, true).c_str(), c.hour, c.minute);
        return buf;
    }
    CivilTime first, last;
    localDays(e, iv, first, last);
    const std::string days = dayRangeText(first, last, false, "\xE2\x80\x93");
    return e.precision == Precision::Approximate ? "~" + days : days;
}

std::string uncertainNote(const Event& e, Interval iv) {
    if (!dateOnly(e.precision)) return {};
    CivilTime first, last;
    localDays(e, iv, first, last);
    if (e.precision == Precision::Approximate) {
        return "dates approximate, " + dayRangeText(first, last, false, "\xE2\x80\x93");
    }
    const std::string day = dayText(first, false);
    return (sameDay(first, last) ? day : "from " + day) + ", time not given";
}

}  // namespace qantar::core
