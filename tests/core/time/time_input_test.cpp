// Times typed by users (core/time/time_input.hpp): the everyday spellings and the app's own
// display read back, the day and year taken from the reference moment in the right zone,
// everything ISO reads read the same, and the typing mistakes refused with a message that quotes
// the text, says what is wrong and shows what would work.
#include "core/time/time_input.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "core/time/time_printers.hpp"

using namespace qantar::core;

namespace {

// The instant of a UTC wall-clock time, computed independently of any parser.
Instant utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
    return Instant{daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s};
}

// Saturday 8 January 2022, 12:00 in Almaty (06:00Z): "today" for most cases.
const Instant kReference = utc(2022, 1, 8, 6);
constexpr ZoneOffset kIndia{330};
constexpr ZoneOffset kBrazil{-180};

const char* const kExamples = "; try 2022-01-05T20:00, 5 Jan 20:00 or 20:00";

struct Accepted {
    const char* name;
    std::string text;
    ZoneOffset zone;
    Instant reference;
    Instant expected;
    std::optional<ZoneOffset> offset;
    Precision precision;
};

void PrintTo(const Accepted& c, std::ostream* os) { *os << "'" << c.text << "'"; }

// 20:00 on 5 January in Almaty, the moment most spellings below name.
const Instant k5Jan2000Almaty = utc(2022, 1, 5, 14);
const Instant k5JanMidnightAlmaty = utc(2022, 1, 4, 18);

const std::vector<Accepted> kAccepted = {
    // What parseIsoTime reads.
    {"IsoLocal", "2022-01-05T20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"IsoOffset", "2022-01-05T20:00+05:00", kAlmatyTime, kReference, utc(2022, 1, 5, 15), kWestTime, Precision::Exact},
    {"IsoZ", "2022-01-05T20:00Z", kAlmatyTime, kReference, utc(2022, 1, 5, 20), kUtc, Precision::Exact},
    {"IsoDate", "2022-01-05", kAlmatyTime, kReference, k5JanMidnightAlmaty, std::nullopt, Precision::Day},
    {"IsoSpace", "2022-01-05 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    // ISO dates with what ISO itself refuses.
    {"IsoOneDigitHour", "2022-01-05 8:30", kAlmatyTime, kReference, utc(2022, 1, 5, 2, 30), std::nullopt, Precision::Exact},
    {"IsoTOneDigitHour", "2022-01-05T8:30", kAlmatyTime, kReference, utc(2022, 1, 5, 2, 30), std::nullopt, Precision::Exact},
    {"IsoDisplayOffset", "2022-01-05 20:00 (UTC+5)", kAlmatyTime, kReference, utc(2022, 1, 5, 15), kWestTime, Precision::Exact},
    {"IsoDateDisplayOffset", "2022-01-05 (UTC)", kAlmatyTime, kReference, utc(2022, 1, 5), kUtc, Precision::Day},
    // Day month, month day.
    {"DayMonth", "5 Jan 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"DayMonthYear", "5 Jan 2022 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"DayFullMonthYearComma", "5 January 2022, 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"MonthDay", "Jan 5 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"MonthDayCommaYear", "Jan 5, 2022 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"DayMonthCommaYear", "5 Jan, 2022", kAlmatyTime, kReference, k5JanMidnightAlmaty, std::nullopt, Precision::Day},
    {"DayMonthCommaTime", "5 Jan, 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"MonthDayYearNoComma", "Jan 5 2022 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"AnyCase", "5 JANUARY 2022 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"LowerCase", "jan 5 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"Whitespace", "  5   Jan\t20:00  ", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"Seconds", "5 Jan 20:00:15", kAlmatyTime, kReference, utc(2022, 1, 5, 14, 0, 15), std::nullopt, Precision::Exact},
    {"FractionDropped", "5 Jan 20:00:15.75", kAlmatyTime, kReference, utc(2022, 1, 5, 14, 0, 15), std::nullopt, Precision::Exact},
    {"LastMinute", "31 Dec 2022 23:59", kUtc, kReference, utc(2022, 12, 31, 23, 59), std::nullopt, Precision::Exact},
    {"Midnight", "5 Jan 0:00", kAlmatyTime, kReference, k5JanMidnightAlmaty, std::nullopt, Precision::Exact},
    // A date alone is a day, at midnight in the zone.
    {"DayAlone", "5 Jan", kAlmatyTime, kReference, k5JanMidnightAlmaty, std::nullopt, Precision::Day},
    {"DayAloneWest", "5 Jan", kWestTime, kReference, utc(2022, 1, 4, 19), std::nullopt, Precision::Day},
    {"MonthDayYearAlone", "Jan 5, 2022", kAlmatyTime, kReference, k5JanMidnightAlmaty, std::nullopt, Precision::Day},
    {"FullMonthAlone", "5 january", kUtc, kReference, utc(2022, 1, 5), std::nullopt, Precision::Day},
    {"LeapDayInALeapReferenceYear", "29 Feb", kUtc, utc(2024, 6, 1), utc(2024, 2, 29), std::nullopt, Precision::Day},
    // Day.month.year.
    {"Dotted", "5.1.2022 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"DottedTwoDigits", "05.01.2022", kAlmatyTime, kReference, k5JanMidnightAlmaty, std::nullopt, Precision::Day},
    // A time alone is on the reference's day in the zone.
    {"TimeAlone", "20:00", kAlmatyTime, kReference, utc(2022, 1, 8, 14), std::nullopt, Precision::Exact},
    {"OneDigitHour", "8:30", kAlmatyTime, kReference, utc(2022, 1, 8, 2, 30), std::nullopt, Precision::Exact},
    // 00:30 on the 8th in Almaty is still the 7th in UTC and in the west.
    {"TodayIsTheZonesDay", "20:00", kAlmatyTime, utc(2022, 1, 7, 18, 30), utc(2022, 1, 8, 14), std::nullopt, Precision::Exact},
    {"TodayIsTheZonesDayUtc", "20:00", kUtc, utc(2022, 1, 7, 18, 30), utc(2022, 1, 7, 20), std::nullopt, Precision::Exact},
    {"TodayIsTheZonesDayWest", "20:00", kWestTime, utc(2022, 1, 7, 18, 30), utc(2022, 1, 7, 15), std::nullopt, Precision::Exact},
    {"TodayInTheWrittenOffset", "8:30 (UTC)", kAlmatyTime, utc(2022, 1, 7, 18, 30), utc(2022, 1, 7, 8, 30), kUtc,
     Precision::Exact},
    // The year is the reference's in the zone: 02:00 on 1 Jan 2022 in Almaty is 2021 in UTC.
    {"YearInTheZone", "5 Jan", kAlmatyTime, utc(2021, 12, 31, 20), k5JanMidnightAlmaty, std::nullopt, Precision::Day},
    {"YearInTheZoneUtc", "5 Jan", kUtc, utc(2021, 12, 31, 20), utc(2021, 1, 5), std::nullopt, Precision::Day},
    // What formatForDisplay writes.
    {"DisplayNoZone", "Wed 5 Jan 2022, 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"Display", "Wed 5 Jan 2022, 20:00 (UTC+6)", kUtc, kReference, k5Jan2000Almaty, kAlmatyTime, Precision::Exact},
    {"DisplayUtc", "Wed 5 Jan 2022, 20:00 (UTC)", kAlmatyTime, kReference, utc(2022, 1, 5, 20), kUtc, Precision::Exact},
    {"DisplayHalfHour", "Wed 5 Jan 2022, 20:00 (UTC+5:30)", kUtc, kReference, utc(2022, 1, 5, 14, 30), kIndia, Precision::Exact},
    {"DisplayNegative", "Wed 5 Jan 2022, 20:00 (UTC-3)", kUtc, kReference, utc(2022, 1, 5, 23), kBrazil, Precision::Exact},
    {"DisplayDay", "Wed 5 Jan 2022 (UTC+5)", kAlmatyTime, kReference, utc(2022, 1, 4, 19), kWestTime, Precision::Day},
    {"DisplayApproximate", "about Wed 5 Jan 2022, 20:00 (UTC+6)", kUtc, kReference, k5Jan2000Almaty, kAlmatyTime,
     Precision::Approximate},
    {"FullWeekday", "Wednesday, 5 January 2022, 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"WeekdayMonthDay", "wed jan 5 20:00", kAlmatyTime, kReference, k5Jan2000Almaty, std::nullopt, Precision::Exact},
    {"OffsetWithoutBrackets", "5 Jan 20:00 UTC+6", kUtc, kReference, k5Jan2000Almaty, kAlmatyTime, Precision::Exact},
    {"OffsetExtreme", "5 Jan 2022 20:00 (UTC+14)", kUtc, kReference, utc(2022, 1, 5, 6), ZoneOffset{14 * 60}, Precision::Exact},
};

class UserTimeAccepts : public ::testing::TestWithParam<Accepted> {};

TEST_P(UserTimeAccepts, TheInstantOffsetAndPrecisionMeant) {
    const Accepted& c = GetParam();
    const auto t = parseUserTime(c.text, c.zone, c.reference);
    ASSERT_TRUE(t.ok()) << c.text << ": " << t.error().message;
    EXPECT_EQ(t->instant, c.expected) << c.text;
    EXPECT_EQ(t->offset, c.offset) << c.text;
    EXPECT_EQ(t->precision, c.precision) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Spellings, UserTimeAccepts, ::testing::ValuesIn(kAccepted),
                         [](const ::testing::TestParamInfo<Accepted>& p) { return std::string(p.param.name); });

struct Refused {
    const char* name;
    std::string text;
    std::string why;  // what the message must say is wrong
    Instant reference = kReference;
};

void PrintTo(const Refused& c, std::ostream* os) { *os << "'" << c.text << "'"; }

const std::vector<Refused> kRefused = {
    {"NotAMonth", "5 Jnu", "'Jnu' is not a month"},
    {"NotAMonthOrWeekday", "tomorrow", "'tomorrow' is not a month or a day of the week"},
    {"NoSuchDay", "31 Feb 2022 20:00", "there is no 31 Feb 2022"},
    {"NoLeapDay", "29 Feb", "there is no 29 Feb 2022"},
    {"DayZero", "0 Jan", "there is no 0 Jan 2022"},
    {"NoSuchDayDotted", "31.4.2022", "there is no 31 Apr 2022"},
    {"NoSuchMonthDotted", "5.13.2022", "there is no month 13"},
    {"NoSuchMonthIso", "2022-13-05 20:00", "there is no month 13"},
    {"NoSuchDayIso", "2022-02-30 10:00", "there is no 30 Feb 2022"},
    {"HourTooLate", "25:00", "25:00 is not a time of day"},
    {"TwentyFour", "5 Jan 24:00", "24:00 is not a time of day"},
    {"MinuteTooLate", "5 Jan 20:60", "20:60 is not a time of day"},
    {"SecondTooLate", "20:00:60", "20:00:60 is not a time of day"},
    {"OneDigitMinute", "20:0", "minutes must have two digits, as in 8:05"},
    {"ThreeDigitHour", "123:00", "'123' is not an hour"},
    {"TrailingWord", "5 Jan 20:00 tomorrow", "unexpected 'tomorrow'"},
    {"TrailingAfterOffset", "Wed 5 Jan 2022, 20:00 (UTC+6) x", "unexpected 'x'"},
    {"IsoOffsetAfterUserDate", "5 Jan 20:00 +06:00", "unexpected '+06:00'"},
    {"NonAscii", "5 Jan 20:00 \xC3\xA9t\xC3\xA9", "unexpected '\xC3\xA9t\xC3\xA9'"},
    {"WrongWeekday", "Mon 5 Jan 2022", "5 Jan 2022 is a Wednesday, not a Monday"},
    {"WrongWeekdayDisplayed", "Mon 5 Jan 2022, 20:00 (UTC+6)", "5 Jan 2022 is a Wednesday, not a Monday"},
    {"WrongWeekdayReferenceYear", "Wed 5 Jan", "5 Jan 2023 is a Thursday, not a Wednesday", utc(2023, 3, 1)},
    {"WeekdayWithoutDate", "Wed 20:00", "a day of the week needs a date, as in Wed 5 Jan"},
    {"TwoDigitYear", "5 Jan 22", "'22' is neither a four-digit year nor a time such as 20:00"},
    {"LoneNumber", "5", "'5' alone is neither a date nor a time"},
    {"LoneYear", "2022", "'2022' alone is neither a date nor a time"},
    {"LongDay", "123 Jan", "'123' is not a day of the month"},
    {"MonthWithoutDay", "Jan", "expected the day of the month after 'Jan'"},
    {"DayWithoutMonth", "5 20:00", "expected a month after '5', got '20'"},
    {"Empty", "", "it is empty"},
    {"Blank", "   ", "it is empty"},
    {"OnlyAbout", "about", "there is no date or time in it"},
    {"OnlyOffset", "(UTC+6)", "there is no date or time in it"},
    {"OnlyUtc", "utc", "there is no date or time in it"},
    {"TwoCommas", "5 Jan,, 20:00", "unexpected ', 20:00'"},
    {"TimeBeforeDate", "20:00 5 Jan", "unexpected '5 Jan'"},
    {"IsoTWithoutTime", "2022-01-05T (UTC)", "unexpected 'T (UTC)'"},
    {"AmPm", "8:30 pm", "unexpected 'pm'"},
    {"OffsetTooLarge", "20:00 (UTC+15)", "offsets go from UTC-14 to UTC+14"},
    {"OffsetUnclosed", "20:00 (UTC+6", "the offset's closing ')' is missing"},
    {"OffsetNotUtc", "20:00 (GMT+6)", "expected an offset such as (UTC+6) or (UTC)"},
    {"DottedWithoutYear", "5.1. 20:00", "a date with dots must be day.month.year, as in 5.1.2022"},
    {"IsoHalfDate", "2022-01 20:00", "the date must be year-month-day, as in 2022-01-05"},
    {"Symbols", "@#!", "unexpected '@#!'"},
    {"HugeNumbers", "99999999999999999999 Jan", "'99999999999999999999' is not a day of the month"},
};

class UserTimeRefuses : public ::testing::TestWithParam<Refused> {};

TEST_P(UserTimeRefuses, WithAMessageQuotingTheTextSayingWhyAndShowingExamples) {
    const Refused& c = GetParam();
    const auto t = parseUserTime(c.text, kAlmatyTime, c.reference);
    ASSERT_FALSE(t.ok()) << "'" << c.text << "' read as " << formatIso(t->instant, kUtc);
    EXPECT_EQ(t.error().kind, ErrorKind::BadArgument);
    EXPECT_EQ(t.error().message, "cannot read '" + c.text + "' as a date and time (" + c.why + ")" + kExamples);
}

INSTANTIATE_TEST_SUITE_P(Mistakes, UserTimeRefuses, ::testing::ValuesIn(kRefused),
                         [](const ::testing::TestParamInfo<Refused>& p) { return std::string(p.param.name); });

}  // namespace

TEST(UserTime, TheExampleMessage) {
    const auto t = parseUserTime("5 Jnu", kAlmatyTime, kReference);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().message,
              "cannot read '5 Jnu' as a date and time ('Jnu' is not a month); try 2022-01-05T20:00, 5 Jan 20:00 or 20:00");
}

TEST(UserTime, ALongTextIsRefusedAndQuotedInPartNeverCutInsideACharacter) {
    // 79 ASCII bytes then 'é' (two bytes) across the 80-byte cut.
    const std::string text = "5 Jan 20:00 " + std::string(67, 'x') + "\xC3\xA9" + std::string(1000, 'y');
    const auto t = parseUserTime(text, kAlmatyTime, kReference);
    ASSERT_FALSE(t.ok());
    const std::string& m = t.error().message;
    EXPECT_LT(m.size(), 300u);
    const std::string start = "cannot read '5 Jan 20:00 " + std::string(67, 'x') + "...' as a date and time (";
    EXPECT_EQ(m.substr(0, start.size()), start) << "the cut goes before the whole character";
    EXPECT_NE(m.find("(it is too long for a date and time)"), std::string::npos) << m;
    // The unexpected rest of a shorter text is quoted in part too.
    const auto rest = parseUserTime("5 Jan " + std::string(150, 'z'), kAlmatyTime, kReference);
    ASSERT_FALSE(rest.ok());
    EXPECT_NE(rest.error().message.find("(unexpected '" + std::string(80, 'z') + "...')"), std::string::npos)
        << rest.error().message;
    // What ISO reads is read however long: padding around it is allowed.
    EXPECT_TRUE(parseUserTime(std::string(300, ' ') + "2022-01-05T20:00", kAlmatyTime, kReference).ok());
}

TEST(UserTime, EverythingIsoReadsIsReadTheSame) {
    std::vector<std::string> texts = {"2022-01-05",          "2022-01-05T14:30",         "2022-01-05t14:30:00",
                                      "2022-01-05 14:30",    "2022-01-05T14:30:00.123Z", "2022-01-05T14:30:00,5+06:00",
                                      "2022-01-05T14:30+06", "2022-01-05T14:30+0600",    "2022-01-05T14:30-03:30",
                                      " 2022-01-05T14:30z ", "2022-01-05Z",              "2024-02-29T23:59:59+14:00",
                                      "0001-01-01T00:00Z",   "9999-12-31T23:59:59Z"};
    std::mt19937 rng(11);
    std::uniform_int_distribution<std::int64_t> when(utc(1990, 1, 1).unixSeconds, utc(2040, 1, 1).unixSeconds);
    const ZoneOffset zones[] = {kUtc, kWestTime, kAlmatyTime, kIndia, kBrazil};
    for (int i = 0; i < 500; ++i) texts.push_back(formatIso(Instant{when(rng)}, zones[i % 5]));
    for (const auto& text : texts) {
        for (const ZoneOffset zone : zones) {
            const auto iso = parseIsoTime(text, zone);
            ASSERT_TRUE(iso.ok()) << text;
            const auto user = parseUserTime(text, zone, kReference);
            ASSERT_TRUE(user.ok()) << text << ": " << user.error().message;
            EXPECT_EQ(user->instant, iso->instant) << text;
            EXPECT_EQ(user->offset, iso->offset) << text;
            EXPECT_EQ(user->precision, iso->precision) << text;
        }
    }
}

TEST(UserTime, WhatTheAppDisplaysReadsBackAsTheSameMoment) {
    // Every 97 minutes over three years (a leap day included), in five zones, at each precision:
    // the display keeps the minute (or the day) and the zone, and reading it back gives them.
    const ZoneOffset zones[] = {kUtc, kWestTime, kAlmatyTime, kIndia, kBrazil};
    const Precision precisions[] = {Precision::Exact, Precision::Hour, Precision::Day, Precision::Approximate};
    int checked = 0;
    for (Instant t = utc(2022, 1, 1, 0, 7, 31); t < utc(2025, 1, 1); t = t + Duration::minutes(97)) {
        for (const ZoneOffset zone : zones) {
            for (const Precision p : precisions) {
                const std::string shown = formatForDisplay(t, zone, p);
                const auto back = parseUserTime(shown, kUtc, kReference);
                ASSERT_TRUE(back.ok()) << shown << ": " << back.error().message;
                CivilTime c = toCivil(t, zone);
                c.second = 0;
                if (p == Precision::Day) c.hour = c.minute = 0;
                EXPECT_EQ(back->instant, toInstant(c, zone)) << shown;
                ASSERT_TRUE(back->offset.has_value()) << shown;
                EXPECT_EQ(*back->offset, zone) << shown;
                EXPECT_EQ(back->precision, p == Precision::Hour ? Precision::Exact : p) << shown;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 300000);
}
