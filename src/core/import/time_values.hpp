#pragma once
// Time values as other tools write them (internal to core/import, no GDAL here): ISO 8601 with
// KML's partial forms ("1997", "1997-07"), ACLED's date styles, Unix seconds or milliseconds, and
// JSON-FG's ".." for an unbounded end; and how a start and an end become an event's times.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/io/error.hpp"
#include "core/time/time.hpp"

namespace qantar::core::importer {

// How an ACLED export writes event_date; one export uses one style.
enum class DateStyle {
    Iso,            // "2022-01-05" (API)
    DayMonthYear,   // "05 January 2022" (Data Export Tool)
    DayMonYy,       // "05-Jan-22" (older files)
    DayMonthNumber  // "05-01-2022" (dd-mm-yyyy, as the acledR codebook describes)
};
constexpr int kDateStyleCount = 4;
// The style as an example date, e.g. "05 January 2022".
const char* dateStyleExample(DateStyle style);

struct CivilDate {
    int year = 1970, month = 1, day = 1;
};

// A date in one of ACLED's styles; empty when the text is none of them or not a real date.
std::optional<std::pair<CivilDate, DateStyle>> parseAcledDate(std::string_view text);

// A time as read. A partial value covers a whole unit: [start, unitEnd) is the day of a date, the
// month of "1997-07", the year of "1997"; unitEnd == start for a moment.
struct TimeValue {
    Instant start;
    Instant unitEnd;
    std::optional<ZoneOffset> offset;        // as written in the value
    Precision precision = Precision::Exact;  // Day for a date; Approximate for a month or a year
    bool unbounded = false;                  // ".." (JSON-FG): no bound on this side
    std::string text;                        // as written, for messages and date_reasoning
};

// The whole civil day `date` in `zone`: local midnight to the next local midnight.
TimeValue wholeDay(const CivilDate& date, ZoneOffset zone, const std::string& text);

// Reads text: ISO 8601 (also "1997", "1997-07" and GDAL's "2022/01/05 14:30:00+06"), an ACLED
// date style, Unix seconds or milliseconds written as digits, or "..". Values without an offset
// are read in `zone`. BadArgument quoting the text when it is none of these.
Expected<TimeValue> parseTimeText(const std::string& text, ZoneOffset zone);

// A Unix time as a number: milliseconds when its magnitude is 1e11 or more, else seconds (1e11
// seconds is the year 5138, 1e11 ms is 1973). BadArgument outside the years 1900..2200.
Expected<TimeValue> timeFromUnixNumber(double value);

// An event's times: start, exclusive end, the zone to write them in, precision, and the reasoning
// to keep when something was inferred.
struct Interval {
    Instant start, end;
    bool hasEnd = false;
    bool openEnd = false;  // the end was ".."; the importer closes it at the end of the imported data
    ZoneOffset zone;
    Precision precision = Precision::Exact;
    std::string reasoning;
};

// Combines a start and an optional end. An end given as a date covers that whole day (as a partial
// KML value covers its unit); a start without an end is an instant, or its whole unit when partial.
// The zone is the value's own offset when it names one other than UTC, else `placeZone`.
// BadArgument when the start is unbounded or the end is not after the start.
Expected<Interval> makeInterval(const TimeValue& start, const std::optional<TimeValue>& end, ZoneOffset placeZone);

}  // namespace qantar::core::importer
