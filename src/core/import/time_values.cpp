#include "core/import/time_values.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "core/import/ogr_source.hpp"

namespace qantar::core::importer {

namespace {

constexpr const char* kMonthNames[12] = {"january", "february", "march",     "april",   "may",      "june",
                                         "july",    "august",   "september", "october", "november", "december"};
// Unix seconds of 1900-01-01 and 2200-01-01: outside, a number is not a time of any event.
constexpr double kEarliestUnixSeconds = -2208988800.0;
constexpr double kLatestUnixSeconds = 7258118400.0;
constexpr double kMillisecondsThreshold = 1e11;

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

int toInt(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

bool validDate(int y, int m, int d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + ((m == 2 && leap) ? 1 : 0);
}

// "January", "Jan", "jan." → 1..12; 0 when not a month.
int monthFromName(std::string_view s) {
    std::string l;
    for (char c : s)
        if (c != '.') l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l.size() < 3) return 0;
    for (int i = 0; i < 12; ++i) {
        const std::string full = kMonthNames[i];
        if (l == full || l == full.substr(0, 3) || (l == "sept" && i == 8)) return i + 1;
    }
    return 0;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            if (sep != ' ' || i > start) parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

TimeValue partial(int year, int month, bool wholeYear, ZoneOffset zone, const std::string& text) {
    TimeValue v;
    v.text = text;
    v.precision = Precision::Approximate;
    v.start = toInstant(CivilTime{year, wholeYear ? 1 : month, 1, 0, 0, 0}, zone);
    const int endYear = wholeYear ? year + 1 : (month == 12 ? year + 1 : year);
    const int endMonth = wholeYear ? 1 : (month == 12 ? 1 : month + 1);
    v.unitEnd = toInstant(CivilTime{endYear, endMonth, 1, 0, 0, 0}, zone);
    return v;
}

std::string quoted(const std::string& text) { return "'" + printable(text) + "'"; }

}  // namespace

const char* dateStyleExample(DateStyle style) {
    switch (style) {
        case DateStyle::Iso: return "2022-01-05";
        case DateStyle::DayMonthYear: return "05 January 2022";
        case DateStyle::DayMonYy: return "05-Jan-22";
        case DateStyle::DayMonthNumber: return "05-01-2022";
    }
    return "?";
}

std::optional<std::pair<CivilDate, DateStyle>> parseAcledDate(std::string_view raw) {
    const std::string text = trim(raw);
    if (text.size() < 8 || text.size() > 20) return std::nullopt;
    CivilDate d;
    DateStyle style;
    const auto dashed = split(text, '-');
    const auto spaced = split(text, ' ');
    if (dashed.size() == 3 && dashed[0].size() == 4 && allDigits(dashed[0]) && dashed[1].size() == 2 &&
        allDigits(dashed[1]) && dashed[2].size() == 2 && allDigits(dashed[2])) {
        d = {toInt(dashed[0]), toInt(dashed[1]), toInt(dashed[2])};
        style = DateStyle::Iso;
    } else if (spaced.size() == 3 && spaced[0].size() <= 2 && allDigits(spaced[0]) && spaced[2].size() == 4 &&
               allDigits(spaced[2]) && monthFromName(spaced[1]) > 0) {
        d = {toInt(spaced[2]), monthFromName(spaced[1]), toInt(spaced[0])};
        style = DateStyle::DayMonthYear;
    } else if (dashed.size() == 3 && dashed[0].size() <= 2 && allDigits(dashed[0]) && monthFromName(dashed[1]) > 0 &&
               (dashed[2].size() == 2 || dashed[2].size() == 4) && allDigits(dashed[2])) {
        int year = toInt(dashed[2]);
        // Two-digit years: ACLED's data begin in 1997, so 70..99 are the 1900s.
        if (dashed[2].size() == 2) year += year < 70 ? 2000 : 1900;
        d = {year, monthFromName(dashed[1]), toInt(dashed[0])};
        style = DateStyle::DayMonYy;
    } else if (dashed.size() == 3 && dashed[0].size() <= 2 && allDigits(dashed[0]) && dashed[1].size() <= 2 &&
               allDigits(dashed[1]) && dashed[2].size() == 4 && allDigits(dashed[2])) {
        d = {toInt(dashed[2]), toInt(dashed[1]), toInt(dashed[0])};
        style = DateStyle::DayMonthNumber;
    } else {
        return std::nullopt;
    }
    if (!validDate(d.year, d.month, d.day)) return std::nullopt;
    return std::make_pair(d, style);
}

TimeValue wholeDay(const CivilDate& date, ZoneOffset zone, const std::string& text) {
    TimeValue v;
    v.text = text;
    v.precision = Precision::Day;
    v.start = toInstant(CivilTime{date.year, date.month, date.day, 0, 0, 0}, zone);
    v.unitEnd = v.start + Duration::days(1);
    return v;
}

Expected<TimeValue> timeFromUnixNumber(double value) {
    if (!std::isfinite(value)) return Error{ErrorKind::BadArgument, "not a finite number"};
    const bool millis = std::fabs(value) >= kMillisecondsThreshold;
    const double seconds = millis ? value / 1000.0 : value;
    char text[48];
    std::snprintf(text, sizeof text, "%.15g", value);
    if (seconds < kEarliestUnixSeconds || seconds > kLatestUnixSeconds) {
        return Error{ErrorKind::BadArgument, std::string("the number ") + text +
                                                 " is not a plausible Unix time in seconds or milliseconds"};
    }
    TimeValue v;
    v.text = text;
    v.start = Instant{static_cast<std::int64_t>(std::floor(seconds))};
    v.unitEnd = v.start;
    v.offset = kUtc;
    v.precision = Precision::Exact;
    return v;
}

Expected<TimeValue> parseTimeText(const std::string& raw, ZoneOffset zone) {
    const std::string text = trim(raw);
    if (text.empty()) return Error{ErrorKind::BadArgument, "empty"};
    if (text == "..") {
        TimeValue v;
        v.text = text;
        v.unbounded = true;
        return v;
    }
    if (text.size() == 4 && allDigits(text)) {
        const int year = toInt(text);
        if (year >= 1900 && year <= 2200) return partial(year, 1, true, zone, text);
    }
    if (text.size() == 7 && allDigits(text.substr(0, 4)) && text[4] == '-' && allDigits(text.substr(5))) {
        const int month = toInt(text.substr(5));
        if (month >= 1 && month <= 12) return partial(toInt(text.substr(0, 4)), month, false, zone, text);
    }
    if (text.size() == 8 && allDigits(text)) {  // ISO 8601 basic form, 20220105
        const CivilDate d{toInt(text.substr(0, 4)), toInt(text.substr(4, 2)), toInt(text.substr(6, 2))};
        if (d.year >= 1900 && d.year <= 2200 && validDate(d.year, d.month, d.day)) return wholeDay(d, zone, text);
    }
    {
        std::string_view digits = text;
        if (!digits.empty() && digits[0] == '-') digits.remove_prefix(1);
        const auto dot = digits.find('.');
        if (allDigits(digits.substr(0, dot)) && (dot == std::string_view::npos || allDigits(digits.substr(dot + 1)))) {
            auto v = timeFromUnixNumber(std::strtod(text.c_str(), nullptr));
            if (v) v->text = text;
            return v;
        }
    }
    std::string iso = text;
    if (iso.size() >= 10 && iso[4] == '/' && iso[7] == '/') {  // GDAL's own text form of a DateTime
        iso[4] = '-';
        iso[7] = '-';
    }
    if (auto t = parseIsoTime(iso, zone)) {
        TimeValue v;
        v.text = text;
        v.start = t->instant;
        v.offset = t->offset;
        v.precision = t->precision;
        v.unitEnd = t->precision == Precision::Day ? v.start + Duration::days(1) : v.start;
        return v;
    }
    if (auto d = parseAcledDate(text)) return wholeDay(d->first, zone, text);
    return Error{ErrorKind::BadArgument, "expected a date or time (ISO 8601 such as 2022-01-05T14:30+06:00, a date "
                                         "such as 05 January 2022, or Unix seconds), got " +
                                             quoted(text)};
}

Expected<Interval> makeInterval(const TimeValue& start, const std::optional<TimeValue>& end, ZoneOffset placeZone) {
    if (start.unbounded) {
        return Error{ErrorKind::BadArgument, "the start is unbounded ('..'); an event needs a known start"};
    }
    Interval iv;
    iv.start = start.start;
    iv.zone = (start.offset && start.offset->minutes != 0) ? *start.offset : placeZone;
    const bool startPartial = start.unitEnd > start.start;
    if (start.precision == Precision::Approximate) {
        iv.reasoning = "'" + printable(start.text) + "' names a whole " +
                       (start.text.size() == 4 ? "year" : "month") + "; the event is placed anywhere within it.";
    }
    if (!end) {
        iv.precision = start.precision;
        if (startPartial) {
            iv.end = start.unitEnd;
            iv.hasEnd = true;
        } else {
            iv.end = iv.start;
        }
        return iv;
    }
    iv.hasEnd = true;
    if (end->unbounded) {
        iv.openEnd = true;
        iv.end = iv.start;
        iv.precision = Precision::Approximate;
        iv.reasoning += (iv.reasoning.empty() ? "" : " ") +
                        std::string("The source leaves the end open; it is set to the end of the imported data.");
        return iv;
    }
    const bool endPartial = end->unitEnd > end->start;
    iv.end = endPartial ? end->unitEnd : end->start;
    if (iv.end <= iv.start) {
        return Error{ErrorKind::BadArgument, "the end " + quoted(end->text) + " is not after the start " + quoted(start.text)};
    }
    if (start.precision == Precision::Approximate || end->precision == Precision::Approximate) {
        iv.precision = Precision::Approximate;
        if (end->precision == Precision::Approximate && iv.reasoning.empty()) {
            iv.reasoning = "The end '" + printable(end->text) + "' names a whole month or year; it is taken to its end.";
        }
    } else if (startPartial && endPartial) {
        iv.precision = Precision::Day;
    } else if (startPartial != endPartial) {
        iv.precision = Precision::Approximate;
        iv.reasoning = "The start '" + printable(start.text) + "' and the end '" + printable(end->text) +
                       "' are given to different precisions (a date and a time); the dates cover whole days.";
    } else {
        iv.precision = Precision::Exact;
    }
    return iv;
}

}  // namespace qantar::core::importer
