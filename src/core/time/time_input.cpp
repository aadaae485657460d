#include "core/time/time_input.hpp"

#include <cctype>
#include <cstdint>
#include <optional>
#include <vector>

namespace qantar::core {

namespace {

// Text typed by people is read by a hand-written tokenizer and a parser that moves forward one
// token at a time: its cost is linear in the text whatever is typed, which a backtracking regular
// expression cannot promise.

const char* const kMonthNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};
const char* const kMonthShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// Monday first; daysFromCivil(...) + 3 counts from a Monday, as 1970-01-01 was a Thursday.
const char* const kWeekdayNames[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
const char* const kWeekdayLong[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

constexpr std::size_t kQuotedBytes = 80;
// No spelling read here is anywhere near this long; a longer paste is refused before it is
// split into tokens.
constexpr std::size_t kMaxTextBytes = 200;
// Numbers are capped: only their digit count and small values matter, and the cap keeps any run
// of digits from overflowing.
constexpr int kNumberCap = 1000000;

struct Token {
    enum class Kind { Number, Word, Symbol };
    Kind kind = Kind::Symbol;
    std::size_t pos = 0;  // where it starts in the text
    std::string text;     // as typed; lower case for words
    int value = 0;        // numbers: the value, at most kNumberCap
    int digits = 0;       // numbers: how many digits
};

std::vector<Token> tokenize(const std::string& s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) {
            ++i;
            continue;
        }
        Token t;
        t.pos = i;
        if (std::isdigit(c)) {
            t.kind = Token::Kind::Number;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
                t.value = t.value >= kNumberCap ? kNumberCap : t.value * 10 + (s[i] - '0');
                ++t.digits;
                t.text += s[i++];
            }
        } else if (c < 0x80 && std::isalpha(c)) {
            t.kind = Token::Kind::Word;
            while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80 && std::isalpha(static_cast<unsigned char>(s[i]))) {
                t.text += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
            }
        } else {
            t.kind = Token::Kind::Symbol;
            t.text = s[i++];
        }
        out.push_back(std::move(t));
    }
    return out;
}

// Index in `full` of a name given whole or as its first three letters.
std::optional<int> nameIndex(const std::string& word, const char* const* full, int count) {
    for (int i = 0; i < count; ++i) {
        const std::string name = full[i];
        if (word == name || word == name.substr(0, 3)) return i;
    }
    return std::nullopt;
}

std::optional<int> monthOf(const std::string& word) {
    const auto i = nameIndex(word, kMonthNames, 12);
    return i ? std::optional<int>(*i + 1) : std::nullopt;
}

std::optional<int> weekdayOf(const std::string& word) { return nameIndex(word, kWeekdayNames, 7); }

bool isValidDate(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > 31) return false;
    int y2 = 0, m2 = 0, d2 = 0;
    civilFromDays(daysFromCivil(y, m, d), y2, m2, d2);
    return y2 == y && m2 == m && d2 == d;
}

// The text for a message: its first bytes, never cut inside a UTF-8 sequence.
std::string quoted(const std::string& text) {
    if (text.size() <= kQuotedBytes) return text;
    std::size_t n = kQuotedBytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return text.substr(0, n) + "...";
}

struct Reading {
    bool hasDate = false, hasYear = false, hasTime = false, approximate = false;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::optional<int> weekday;  // 0 = Monday
    std::optional<ZoneOffset> offset;
};

class Reader {
public:
    explicit Reader(const std::string& text) : m_text(text), m_tokens(tokenize(text)) {}

    // Fills `r` from the whole text; on failure, why() says what is wrong.
    bool read(Reading& r) {
        if (m_tokens.empty()) return fail("it is empty");
        if (word("about")) {
            r.approximate = true;
            ++m_i;
        }
        if (isWord() && weekdayOf(cur().text)) {
            r.weekday = weekdayOf(cur().text);
            ++m_i;
            skipSymbol(',');
        }
        if (!readDate(r)) return false;
        if (r.hasDate) skipSymbol(',');
        if (isNumber() && symbolAt(m_i + 1, ':') && !readClock(r)) return false;
        if (!readZone(r)) return false;
        if (m_i < m_tokens.size()) return fail("unexpected '" + rest() + "'");
        if (!r.hasDate && !r.hasTime) return fail("there is no date or time in it");
        if (r.weekday && !r.hasDate) return fail("a day of the week needs a date, as in Wed 5 Jan");
        return true;
    }

    const std::string& why() const { return m_why; }

private:
    const Token& cur() const { return m_tokens[m_i]; }
    bool isKind(std::size_t k, Token::Kind kind) const { return k < m_tokens.size() && m_tokens[k].kind == kind; }
    bool isNumber() const { return isKind(m_i, Token::Kind::Number); }
    bool isWord() const { return isKind(m_i, Token::Kind::Word); }
    bool word(const char* w) const { return isWord() && cur().text == w; }
    bool symbolAt(std::size_t k, char c) const { return isKind(k, Token::Kind::Symbol) && m_tokens[k].text[0] == c; }
    void skipSymbol(char c) {
        if (symbolAt(m_i, c)) ++m_i;
    }
    bool fail(std::string why) {
        m_why = std::move(why);
        return false;
    }
    // What is left of the text from the next token on, for messages.
    std::string rest() const { return quoted(m_text.substr(cur().pos)); }
    // The next token as the user typed it, for messages.
    std::string typed() const {
        if (m_i == m_tokens.size()) return std::string();
        return isWord() ? m_text.substr(cur().pos, cur().text.size()) : cur().text;
    }

    // A number of `minDigits` to `maxDigits` digits, consumed.
    bool number(int minDigits, int maxDigits, int& out) {
        if (!isNumber() || cur().digits < minDigits || cur().digits > maxDigits) return false;
        out = cur().value;
        ++m_i;
        return true;
    }

    // A four-digit year after an optional comma, when the next number is one rather than the hour
    // of a time; a comma before a time is left for the caller.
    bool optionalYear(Reading& r) {
        const std::size_t k = m_i + (symbolAt(m_i, ',') ? 1 : 0);
        if (!isKind(k, Token::Kind::Number) || symbolAt(k + 1, ':')) return true;
        m_i = k;
        if (cur().digits != 4) return fail("'" + cur().text + "' is neither a four-digit year nor a time such as 20:00");
        r.hasYear = true;
        r.year = cur().value;
        ++m_i;
        return true;
    }

    bool readDate(Reading& r) {
        // Nothing, or an offset alone: what is missing is said once the rest has been read.
        if (m_i == m_tokens.size() || symbolAt(m_i, '(') || word("utc")) return true;
        if (isNumber()) {
            if (symbolAt(m_i + 1, ':')) return true;  // a time alone
            if (cur().digits == 4 && symbolAt(m_i + 1, '-')) return readIsoDate(r);
            if (symbolAt(m_i + 1, '.')) return readDottedDate(r);
            const Token& dayToken = cur();
            ++m_i;
            if (m_i == m_tokens.size()) return fail("'" + dayToken.text + "' alone is neither a date nor a time");
            if (dayToken.digits > 2) return fail("'" + dayToken.text + "' is not a day of the month");
            if (!isWord()) return fail("expected a month after '" + dayToken.text + "', got '" + typed() + "'");
            const auto month = monthOf(cur().text);
            if (!month) return fail("'" + typed() + "' is not a month");
            ++m_i;
            r.hasDate = true;
            r.day = dayToken.value;
            r.month = *month;
            return optionalYear(r);
        }
        if (isWord()) {
            const auto month = monthOf(cur().text);
            if (!month) {
                return fail("'" + typed() + "' is not a month" + (r.weekday ? "" : " or a day of the week"));
            }
            const std::string monthTyped = typed();
            ++m_i;
            if (!number(1, 2, r.day)) return fail("expected the day of the month after '" + monthTyped + "'");
            r.hasDate = true;
            r.month = *month;
            return optionalYear(r);
        }
        return fail("unexpected '" + rest() + "'");
    }

    // 2022-01-05 (one-digit month and day allowed), optionally followed by 'T' before a time.
    bool readIsoDate(Reading& r) {
        r.year = cur().value;
        m_i += 2;
        if (!number(1, 2, r.month) || !symbolAt(m_i, '-')) return fail("the date must be year-month-day, as in 2022-01-05");
        ++m_i;
        if (!number(1, 2, r.day)) return fail("the date must be year-month-day, as in 2022-01-05");
        r.hasDate = r.hasYear = true;
        if (word("t") && isKind(m_i + 1, Token::Kind::Number)) ++m_i;
        return true;
    }

    // 5.1.2022: day, month, four-digit year.
    bool readDottedDate(Reading& r) {
        if (!number(1, 2, r.day) || !symbolAt(m_i, '.')) return fail("a date with dots must be day.month.year, as in 5.1.2022");
        ++m_i;
        if (!number(1, 2, r.month) || !symbolAt(m_i, '.')) return fail("a date with dots must be day.month.year, as in 5.1.2022");
        ++m_i;
        if (!number(4, 4, r.year)) return fail("a date with dots must be day.month.year, as in 5.1.2022");
        r.hasDate = r.hasYear = true;
        return true;
    }

    // 20:00, 8:30, 20:00:15, 20:00:15.250 (the fraction is dropped, as parseIsoTime does).
    bool readClock(Reading& r) {
        const std::size_t start = cur().pos;
        if (!number(1, 2, r.hour)) return fail("'" + cur().text + "' is not an hour");
        ++m_i;  // ':'
        if (!number(2, 2, r.minute)) return fail("minutes must have two digits, as in 8:05");
        if (symbolAt(m_i, ':')) {
            ++m_i;
            if (!number(2, 2, r.second)) return fail("seconds must have two digits, as in 20:00:05");
            if ((symbolAt(m_i, '.') || symbolAt(m_i, ',')) && isKind(m_i + 1, Token::Kind::Number)) m_i += 2;
        }
        if (r.hour > 23 || r.minute > 59 || r.second > 59) {
            const std::size_t end = m_i < m_tokens.size() ? cur().pos : m_text.size();
            std::string clock = m_text.substr(start, end - start);
            while (!clock.empty() && std::isspace(static_cast<unsigned char>(clock.back()))) clock.pop_back();
            return fail(clock + " is not a time of day");
        }
        r.hasTime = true;
        return true;
    }

    // "(UTC+6)", "(UTC+5:30)", "(UTC-3)", "(UTC)", or the same without brackets.
    bool readZone(Reading& r) {
        const bool bracket = symbolAt(m_i, '(');
        if (!bracket && !word("utc")) return true;
        if (bracket) ++m_i;
        if (!word("utc")) return fail("expected an offset such as (UTC+6) or (UTC)");
        ++m_i;
        int minutes = 0;
        if (symbolAt(m_i, '+') || symbolAt(m_i, '-')) {
            const int sign = symbolAt(m_i, '-') ? -1 : 1;
            ++m_i;
            int h = 0, m = 0;
            if (!number(1, 2, h)) return fail("expected an offset such as (UTC+6) or (UTC+5:30)");
            if (symbolAt(m_i, ':')) {
                ++m_i;
                if (!number(2, 2, m)) return fail("expected an offset such as (UTC+6) or (UTC+5:30)");
            }
            if (h > 14 || m > 59 || h * 60 + m > 14 * 60) return fail("offsets go from UTC-14 to UTC+14");
            minutes = sign * (h * 60 + m);
        }
        if (bracket) {
            if (!symbolAt(m_i, ')')) return fail("the offset's closing ')' is missing");
            ++m_i;
        }
        r.offset = ZoneOffset{minutes};
        return true;
    }

    const std::string& m_text;
    std::vector<Token> m_tokens;
    std::size_t m_i = 0;
    std::string m_why;
};

Error badTime(const std::string& text, const std::string& why) {
    return Error{ErrorKind::BadArgument, "cannot read '" + quoted(text) + "' as a date and time (" + why +
                                             "); try 2022-01-05T20:00, 5 Jan 20:00 or 20:00"};
}

}  // namespace

Expected<ParsedTime> parseUserTime(const std::string& text, ZoneOffset zone, Instant reference) {
    if (auto iso = parseIsoTime(text, zone)) return iso;
    if (text.size() > kMaxTextBytes) return badTime(text, "it is too long for a date and time");
    Reader reader(text);
    Reading r;
    if (!reader.read(r)) return badTime(text, reader.why());

    const ZoneOffset readIn = r.offset.value_or(zone);
    const CivilTime today = toCivil(reference, readIn);
    CivilTime c = today;
    if (r.hasDate) {
        c.year = r.hasYear ? r.year : today.year;
        c.month = r.month;
        c.day = r.day;
        if (c.month < 1 || c.month > 12) return badTime(text, "there is no month " + std::to_string(c.month));
        if (!isValidDate(c.year, c.month, c.day)) {
            return badTime(text, "there is no " + std::to_string(c.day) + " " + kMonthShort[c.month - 1] + " " +
                                     std::to_string(c.year));
        }
        if (r.weekday) {
            const std::int64_t days = daysFromCivil(c.year, c.month, c.day);
            const auto actual = static_cast<int>(((days + 3) % 7 + 7) % 7);
            if (actual != *r.weekday) {
                return badTime(text, std::to_string(c.day) + " " + kMonthShort[c.month - 1] + " " + std::to_string(c.year) +
                                         " is a " + kWeekdayLong[actual] + ", not a " + kWeekdayLong[*r.weekday]);
            }
        }
    }
    c.hour = r.hour;
    c.minute = r.minute;
    c.second = r.second;

    ParsedTime out;
    out.instant = toInstant(c, readIn);
    out.offset = r.offset;
    out.precision = r.approximate ? Precision::Approximate : r.hasTime ? Precision::Exact : Precision::Day;
    return out;
}

}  // namespace qantar::core
