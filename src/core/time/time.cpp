#include "core/time/time.hpp"

#include <cctype>
#include <cstdio>

namespace qantar::core {

namespace {

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kWeekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at `pos`.
bool digits(const std::string& s, std::size_t& pos, int n, int& out) {
    if (pos + static_cast<std::size_t>(n) > s.size()) return false;
    out = 0;
    for (int i = 0; i < n; ++i) {
        const char c = s[pos + static_cast<std::size_t>(i)];
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        out = out * 10 + (c - '0');
    }
    pos += static_cast<std::size_t>(n);
    return true;
}

}  // namespace

const char* monthAbbrev(int month) { return month >= 1 && month <= 12 ? kMonths[month - 1] : "?"; }

const char* weekdayAbbrev(const CivilTime& c) {
    const std::int64_t days = daysFromCivil(c.year, c.month, c.day);
    return kWeekdays[((days % 7) + 7) % 7];
}

Instant nextLocalMidnight(Instant t, ZoneOffset zone) {
    const CivilTime c = toCivil(t, zone);
    CivilTime next{};
    civilFromDays(daysFromCivil(c.year, c.month, c.day) + 1, next.year, next.month, next.day);
    return toInstant(next, zone);
}

ZoneOffset zoneForRegion(const std::string& iso) {
    // The five western regions were on UTC+5 in January 2022 (see docs/event-format.md).
    if (iso == "KZ-MAN" || iso == "KZ-ATY" || iso == "KZ-AKT" || iso == "KZ-ZAP" || iso == "KZ-KZY") return kWestTime;
    return kAlmatyTime;
}

const char* precisionName(Precision p) {
    switch (p) {
        case Precision::Exact: return "exact";
        case Precision::Hour: return "hour";
        case Precision::Day: return "day";
        case Precision::Approximate: return "approximate";
    }
    return "exact";
}

std::optional<Precision> parsePrecision(const std::string& s) {
    if (s == "exact") return Precision::Exact;
    if (s == "hour") return Precision::Hour;
    if (s == "day") return Precision::Day;
    if (s == "approximate") return Precision::Approximate;
    return std::nullopt;
}

std::int64_t daysFromCivil(int year, int month, int day) {
    // Shift the year to start in March, so the leap day is the year's last day.
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = floorDiv(y, 400);
    const std::int64_t yoe = y - era * 400;                                   // [0, 399]
    const std::int64_t mp = (month + 9) % 12;                                 // March = 0
    const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;                    // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
    return era * 146097 + doe - 719468;                                       // 719468: 0000-03-01 → 1970-01-01
}

void civilFromDays(std::int64_t days, int& year, int& month, int& day) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

Instant toInstant(const CivilTime& c, ZoneOffset zone) {
    const std::int64_t days = daysFromCivil(c.year, c.month, c.day);
    const std::int64_t local = days * 86400 + c.hour * 3600 + c.minute * 60 + c.second;
    return Instant{local - static_cast<std::int64_t>(zone.minutes) * 60};
}

CivilTime toCivil(Instant t, ZoneOffset zone) {
    const std::int64_t local = t.unixSeconds + static_cast<std::int64_t>(zone.minutes) * 60;
    const std::int64_t days = floorDiv(local, 86400);
    const std::int64_t secs = local - days * 86400;
    CivilTime c;
    civilFromDays(days, c.year, c.month, c.day);
    c.hour = static_cast<int>(secs / 3600);
    c.minute = static_cast<int>((secs % 3600) / 60);
    c.second = static_cast<int>(secs % 60);
    return c;
}

Expected<ParsedTime> parseIsoTime(const std::string& text, ZoneOffset defaultZone) {
    auto bad = [&](const std::string& why) {
        return Error{ErrorKind::BadArgument, "expected ISO-8601 time such as 2022-01-05T14:30+06:00, got '" + text +
                                                 "' (" + why + ")"};
    };
    std::string s = text;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t pos = 0;
    while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
    CivilTime c;
    if (!digits(s, pos, 4, c.year) || pos >= s.size() || s[pos++] != '-' || !digits(s, pos, 2, c.month) ||
        pos >= s.size() || s[pos++] != '-' || !digits(s, pos, 2, c.day)) {
        return bad("the date must be YYYY-MM-DD");
    }
    if (c.month < 1 || c.month > 12) return bad("month out of range");
    if (c.day < 1 || c.day > daysInMonth(c.year, c.month)) return bad("day out of range");
    ParsedTime out;
    out.precision = Precision::Day;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
        ++pos;
        if (!digits(s, pos, 2, c.hour) || pos >= s.size() || s[pos++] != ':' || !digits(s, pos, 2, c.minute)) {
            return bad("the time must be hh:mm");
        }
        if (pos < s.size() && s[pos] == ':') {
            ++pos;
            if (!digits(s, pos, 2, c.second)) return bad("seconds must be two digits");
            if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
                ++pos;
                const std::size_t start = pos;
                while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
                if (pos == start) return bad("empty fraction of a second");
            }
        }
        if (c.hour > 23 || c.minute > 59 || c.second > 59) return bad("time of day out of range");
        out.precision = Precision::Exact;
    }
    if (pos < s.size()) {
        const char z = s[pos];
        if (z == 'Z' || z == 'z') {
            out.offset = kUtc;
            ++pos;
        } else if (z == '+' || z == '-') {
            ++pos;
            int oh = 0, om = 0;
            if (!digits(s, pos, 2, oh)) return bad("the offset must be ±hh:mm");
            const bool colon = pos < s.size() && s[pos] == ':';
            if (colon) ++pos;
            // After a colon the minutes are required; without one they are optional (+06, +0600).
            if ((colon || pos < s.size()) && !digits(s, pos, 2, om)) return bad("the offset must be ±hh:mm");
            if (oh > 14 || om > 59) return bad("offset out of range");
            out.offset = ZoneOffset{(z == '-' ? -1 : 1) * (oh * 60 + om)};
        }
        if (pos != s.size()) return bad("unexpected '" + s.substr(pos) + "'");
    }
    out.instant = toInstant(c, out.offset.value_or(defaultZone));
    return out;
}

Expected<Duration> parseDuration(const std::string& text) {
    auto bad = [&](const std::string& why) {
        return Error{ErrorKind::BadArgument,
                     "expected a duration such as 30m, 6h, 1d or PT6H, got '" + text + "' (" + why + ")"};
    };
    if (text.empty()) return bad("empty");
    std::size_t pos = 0;
    const bool iso = text[0] == 'P' || text[0] == 'p';
    bool inTime = false;
    if (iso) ++pos;
    std::int64_t total = 0;
    bool any = false;
    while (pos < text.size()) {
        if (iso && (text[pos] == 'T' || text[pos] == 't')) {
            if (inTime) return bad("two 'T's");
            inTime = true;
            ++pos;
            continue;
        }
        std::int64_t n = 0;
        const std::size_t start = pos;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
            n = n * 10 + (text[pos] - '0');
            if (n > 1000000000) return bad("too large");
            ++pos;
        }
        if (pos == start || pos >= text.size()) return bad("a number must be followed by a unit");
        const char u = static_cast<char>(std::tolower(static_cast<unsigned char>(text[pos++])));
        std::int64_t unit = 0;
        if (u == 'd' && (!iso || !inTime)) unit = 86400;
        else if (u == 'w' && iso && !inTime) unit = 7 * 86400;
        else if (u == 'h' && (!iso || inTime)) unit = 3600;
        else if (u == 'm' && (!iso || inTime)) unit = 60;
        else if (u == 's' && (!iso || inTime)) unit = 1;
        else return bad(std::string("unknown unit '") + u + "'");
        total += n * unit;
        any = true;
    }
    if (!any) return bad("no amount");
    if (total <= 0) return bad("must be longer than zero");
    return Duration{total};
}

std::optional<int> parseClock(const std::string& text) {
    std::size_t pos = 0;
    int h = 0, m = 0;
    if (!digits(text, pos, 2, h) || pos >= text.size() || text[pos++] != ':' || !digits(text, pos, 2, m) ||
        pos != text.size() || h > 23 || m > 59) {
        return std::nullopt;
    }
    return h * 60 + m;
}

std::string formatOffset(ZoneOffset zone) {
    if (zone.minutes == 0) return "UTC";
    const int a = zone.minutes < 0 ? -zone.minutes : zone.minutes;
    char buf[24];
    if (a % 60 == 0) std::snprintf(buf, sizeof buf, "UTC%c%d", zone.minutes < 0 ? '-' : '+', a / 60);
    else std::snprintf(buf, sizeof buf, "UTC%c%d:%02d", zone.minutes < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
}

std::string formatIso(Instant t, ZoneOffset zone) {
    const CivilTime c = toCivil(t, zone);
    char buf[40];
    if (zone.minutes == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second);
    } else {
        const int a = zone.minutes < 0 ? -zone.minutes : zone.minutes;
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", c.year, c.month, c.day, c.hour,
                      c.minute, c.second, zone.minutes < 0 ? '-' : '+', a / 60, a % 60);
    }
    return buf;
}

std::string formatForDisplay(Instant t, ZoneOffset zone, Precision precision) {
    const CivilTime c = toCivil(t, zone);
    const std::int64_t days = daysFromCivil(c.year, c.month, c.day);
    const char* weekday = kWeekdays[((days % 7) + 7) % 7];
    char buf[80];
    if (precision == Precision::Day) {
        std::snprintf(buf, sizeof buf, "%s %d %s %d (%s)", weekday, c.day, kMonths[c.month - 1], c.year,
                      formatOffset(zone).c_str());
    } else {
        std::snprintf(buf, sizeof buf, "%s%s %d %s %d, %02d:%02d (%s)", precision == Precision::Approximate ? "about " : "",
                      weekday, c.day, kMonths[c.month - 1], c.year, c.hour, c.minute, formatOffset(zone).c_str());
    }
    return buf;
}

std::string formatSpanForDisplay(Instant start, Instant end, ZoneOffset zone, Precision precision) {
    if (end <= start) return formatForDisplay(start, zone, precision);
    const CivilTime a = toCivil(start, zone);
    // The end is exclusive: the last covered moment is a second earlier.
    const CivilTime b = toCivil(end - Duration{1}, zone);
    const bool sameDay = a.year == b.year && a.month == b.month && a.day == b.day;
    const bool wholeDays = a.hour == 0 && a.minute == 0 && toCivil(end, zone).hour == 0 && toCivil(end, zone).minute == 0;
    char buf[96];
    const std::string zoneText = formatOffset(zone);
    if (precision == Precision::Day || precision == Precision::Approximate || wholeDays) {
        const char* prefix = precision == Precision::Approximate ? "sometime " : "";
        if (sameDay) {
            return std::string(prefix) + formatForDisplay(start, zone, Precision::Day);
        }
        if (a.year == b.year && a.month == b.month) {
            std::snprintf(buf, sizeof buf, "%s%d\xE2\x80\x93%d %s %d (%s)", prefix, a.day, b.day, kMonths[a.month - 1],
                          a.year, zoneText.c_str());
        } else {
            std::snprintf(buf, sizeof buf, "%s%d %s \xE2\x80\x93 %d %s %d (%s)", prefix, a.day, kMonths[a.month - 1], b.day,
                          kMonths[b.month - 1], b.year, zoneText.c_str());
        }
        return buf;
    }
    const CivilTime e = toCivil(end, zone);
    const int endHour = sameDay && e.hour == 0 && e.minute == 0 ? 24 : e.hour;
    if (sameDay || (e.hour == 0 && e.minute == 0 && toCivil(end - Duration{1}, zone).day == a.day)) {
        std::string day = formatForDisplay(start, zone, Precision::Day);
        day = day.substr(0, day.rfind(" ("));
        std::snprintf(buf, sizeof buf, "%s, %02d:%02d\xE2\x80\x93%02d:%02d (%s)", day.c_str(), a.hour, a.minute, endHour,
                      e.minute, zoneText.c_str());
        return buf;
    }
    std::string from = formatForDisplay(start, zone, Precision::Exact);
    std::string to = formatForDisplay(end, zone, Precision::Exact);
    return from.substr(0, from.rfind(" (")) + " \xE2\x80\x93 " + to;
}

}  // namespace qantar::core
