#pragma once
// Time: one instant type (UTC, whole seconds since 1970-01-01T00:00:00Z), one duration type, and
// display zones as explicit fixed offsets. No machine time zone is ever consulted, so the same
// inputs give the same output on every machine. Kazakhstan had no daylight saving in 2022.
#include <cstdint>
#include <optional>
#include <string>

#include "core/io/error.hpp"

namespace qantar::core {

struct Duration {
    std::int64_t seconds = 0;
    static constexpr Duration minutes(std::int64_t m) { return Duration{m * 60}; }
    static constexpr Duration hours(std::int64_t h) { return Duration{h * 3600}; }
    static constexpr Duration days(std::int64_t d) { return Duration{d * 86400}; }
};

struct Instant {
    std::int64_t unixSeconds = 0;  // seconds since 1970-01-01T00:00:00Z

    friend constexpr bool operator<(Instant a, Instant b) { return a.unixSeconds < b.unixSeconds; }
    friend constexpr bool operator<=(Instant a, Instant b) { return a.unixSeconds <= b.unixSeconds; }
    friend constexpr bool operator>(Instant a, Instant b) { return a.unixSeconds > b.unixSeconds; }
    friend constexpr bool operator>=(Instant a, Instant b) { return a.unixSeconds >= b.unixSeconds; }
    friend constexpr bool operator==(Instant a, Instant b) { return a.unixSeconds == b.unixSeconds; }
    friend constexpr bool operator!=(Instant a, Instant b) { return a.unixSeconds != b.unixSeconds; }
    friend constexpr Instant operator+(Instant a, Duration d) { return Instant{a.unixSeconds + d.seconds}; }
    friend constexpr Instant operator-(Instant a, Duration d) { return Instant{a.unixSeconds - d.seconds}; }
    friend constexpr Duration operator-(Instant a, Instant b) { return Duration{a.unixSeconds - b.unixSeconds}; }
};

// A fixed offset from UTC, in minutes east.
struct ZoneOffset {
    int minutes = 0;
    friend constexpr bool operator==(ZoneOffset a, ZoneOffset b) { return a.minutes == b.minutes; }
    friend constexpr bool operator!=(ZoneOffset a, ZoneOffset b) { return a.minutes != b.minutes; }
};

constexpr ZoneOffset kUtc{0};
constexpr ZoneOffset kAlmatyTime{360};  // UTC+6: Almaty, Nur-Sultan and the east, January 2022
constexpr ZoneOffset kWestTime{300};    // UTC+5: Mangystau, Atyrau, Aktobe, West Kazakhstan, Kyzylorda

// The zone in force in January 2022 for a Kazakh region (ISO 3166-2 code, e.g. "KZ-MAN");
// Almaty time for unknown codes and nationwide events.
ZoneOffset zoneForRegion(const std::string& isoCode);

// How precisely a time is known; display respects it (a day-precision event shows as the day).
enum class Precision : std::uint8_t { Exact, Hour, Day, Approximate };
const char* precisionName(Precision p);  // "exact", "hour", "day", "approximate"
std::optional<Precision> parsePrecision(const std::string& s);

// A civil date-time, as read on a wall clock in some zone.
struct CivilTime {
    int year = 1970, month = 1, day = 1;
    int hour = 0, minute = 0, second = 0;
};

Instant toInstant(const CivilTime& civil, ZoneOffset zone);
CivilTime toCivil(Instant t, ZoneOffset zone);
// "Jan".."Dec" for month 1..12; "Mon".."Sun" for the day a civil time falls on.
const char* monthAbbrev(int month);
const char* weekdayAbbrev(const CivilTime& civil);
// The first local midnight strictly after `t` in `zone`: the end of t's calendar day there.
Instant nextLocalMidnight(Instant t, ZoneOffset zone);
// Days since 1970-01-01 of a proleptic Gregorian date, and back.
std::int64_t daysFromCivil(int year, int month, int day);
void civilFromDays(std::int64_t days, int& year, int& month, int& day);

struct ParsedTime {
    Instant instant;
    std::optional<ZoneOffset> offset;  // as written; empty when the text had none
    Precision precision;               // Day for a bare date, Exact otherwise
};

// Parses ISO 8601: "2022-01-05", "2022-01-05T14:30", "2022-01-05T14:30:00", "2022-01-05 14:30",
// with optional fractional seconds and an optional "Z", "+06:00", "+0600" or "+06". A text without
// an offset is read in `defaultZone`. BadArgument with a message quoting the text otherwise.
Expected<ParsedTime> parseIsoTime(const std::string& text, ZoneOffset defaultZone = kAlmatyTime);

// Parses a duration: "30m", "6h", "1d", "90s", combinations such as "1d12h", or ISO 8601 "PT6H",
// "P1D", "P1DT12H30M". Must be positive. BadArgument quoting the text otherwise.
Expected<Duration> parseDuration(const std::string& text);

// Parses "HH:MM" (00:00..23:59) into minutes after midnight.
std::optional<int> parseClock(const std::string& text);

// "2022-01-05T14:30:00+06:00" (or "...Z" for UTC).
std::string formatIso(Instant t, ZoneOffset zone);
// "UTC+6", "UTC+5:30", "UTC".
std::string formatOffset(ZoneOffset zone);
// Human display respecting precision: "Wed 5 Jan 2022, 14:30 (UTC+6)" for exact/hour times,
// "Wed 5 Jan 2022 (UTC+6)" for day precision, prefixed "about " for approximate.
std::string formatForDisplay(Instant t, ZoneOffset zone, Precision precision);
// An interval [start, end) for display, respecting precision: "Tue 4 Jan 2022, 18:00–24:00 (UTC+6)",
// "Wed 5 Jan 2022 (UTC+6)", "4–9 Jan 2022 (UTC+6)", "sometime 4–9 Jan 2022 (UTC+6)".
std::string formatSpanForDisplay(Instant start, Instant end, ZoneOffset zone, Precision precision);

}  // namespace qantar::core
