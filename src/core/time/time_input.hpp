#pragma once
// Times typed by people into a field: ISO 8601 as the files use it, and the everyday spellings,
// including exactly what the app displays, since users copy that back.
#include <string>

#include "core/io/error.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

// Reads a date-time typed by a user. Everything parseIsoTime accepts gives parseIsoTime's result
// (read in `zone` when it has no offset). Besides:
//   "2022-01-05 20:00", "2022-01-05 8:30"   an ISO date, a space, a time (one-digit hours allowed)
//   "5 Jan 20:00", "5 Jan 2022 20:00", "5 January 2022, 20:00", "Jan 5 20:00", "Jan 5, 2022 20:00"
//   "5.1.2022 20:00"                         day.month.year
//   "5 Jan", "Jan 5, 2022", "5.1.2022"      a date alone: Precision::Day, at midnight
//   "20:00", "8:30", "20:00:15"              that time on the day `reference` falls on
//   "Wed 5 Jan 2022, 20:00 (UTC+6)"          formatForDisplay's output: a day of the week must be
//                                            the date's; "(UTC+6)", "(UTC+5:30)", "(UTC)" (or the
//                                            same without brackets) give the offset
//   "about Wed 5 Jan 2022, 20:00 (UTC+6)"    Precision::Approximate
// Month and weekday names are English, full or three letters, in any case; seconds may follow
// the minutes. Without a year, the year `reference` falls in. The time, and the day and year
// taken from `reference`, are read in the written offset, or in `zone` when none is written.
// ParsedTime::offset is the written offset, empty when there is none; precision is Day for a
// date alone, Approximate after "about", Exact otherwise.
// Anything else, including impossible dates and times (31 Feb, 25:00), a weekday that is not the
// date's, anything left over, and a text over 200 bytes that ISO does not read, is a BadArgument
// whose message quotes the text (its first 80 bytes), says what is wrong and gives examples:
// "cannot read '5 Jnu' as a date and time ('Jnu' is not a month); try 2022-01-05T20:00,
// 5 Jan 20:00 or 20:00".
Expected<ParsedTime> parseUserTime(const std::string& text, ZoneOffset zone, Instant reference);

}  // namespace qantar::core
