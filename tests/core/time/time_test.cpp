// Time parsing, zones and display (core/time.hpp): the two Kazakh zones of January 2022, every
// accepted ISO-8601 spelling, the inputs that must be refused with a message quoting them, and the
// calendar arithmetic everything else rests on.
#include "core/time/time.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/time/time_printers.hpp"

using namespace qantar::core;

namespace {

// The instant of a UTC wall-clock time, computed independently of parseIsoTime.
Instant utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
    return Instant{daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s};
}

Instant parsed(const std::string& text, ZoneOffset defaultZone = kAlmatyTime) {
    auto t = parseIsoTime(text, defaultZone);
    EXPECT_TRUE(t.ok()) << text << ": " << (t.ok() ? "" : t.error().message);
    return t.ok() ? t->instant : Instant{};
}

}  // namespace

// --- Zones -------------------------------------------------------------------------------------

TEST(TimeZones, MidnightInTheWestIsAnHourLaterInUtcThanMidnightInAlmaty) {
    // 00:00 on the 5th in UTC+5 is 19:00Z on the 4th; in UTC+6 it is 18:00Z on the 4th.
    EXPECT_EQ(parsed("2022-01-05T00:00+05:00"), utc(2022, 1, 4, 19));
    EXPECT_EQ(parsed("2022-01-05T00:00+06:00"), utc(2022, 1, 4, 18));
    EXPECT_EQ((parsed("2022-01-05T00:00+05:00") - parsed("2022-01-05T00:00+06:00")).seconds, 3600);
    // And back: the same instant reads as different calendar days in the two zones and UTC.
    const Instant t = utc(2022, 1, 4, 18, 30);
    EXPECT_EQ(formatIso(t, kAlmatyTime), "2022-01-05T00:30:00+06:00");
    EXPECT_EQ(formatIso(t, kWestTime), "2022-01-04T23:30:00+05:00");
    EXPECT_EQ(formatIso(t, kUtc), "2022-01-04T18:30:00Z");
}

TEST(TimeZones, TheFiveWesternRegionsAreOnUtcPlus5) {
    for (const char* code : {"KZ-MAN", "KZ-ATY", "KZ-AKT", "KZ-ZAP", "KZ-KZY"}) {
        EXPECT_EQ(zoneForRegion(code), kWestTime) << code;
    }
    EXPECT_EQ(kWestTime.minutes, 5 * 60);
}

TEST(TimeZones, EverywhereElseAndUnknownCodesAreOnAlmatyTime) {
    for (const char* code : {"KZ-ALA", "KZ-AST", "KZ-ALM", "KZ-KAR", "KZ-VOS", "KZ-SHY", "", "KZ-XXX", "kz-man", "RUS"}) {
        EXPECT_EQ(zoneForRegion(code), kAlmatyTime) << "'" << code << "'";
    }
    EXPECT_EQ(kAlmatyTime.minutes, 6 * 60);
}

// --- Parsing: accepted spellings ---------------------------------------------------------------

TEST(TimeParse, ZMeansUtc) {
    auto t = parseIsoTime("2022-01-05T14:30:00Z");
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->instant, utc(2022, 1, 5, 14, 30));
    ASSERT_TRUE(t->offset.has_value());
    EXPECT_EQ(*t->offset, kUtc);
    EXPECT_EQ(t->precision, Precision::Exact);
}

TEST(TimeParse, OffsetWithAndWithoutColonAndHoursOnlyAreTheSame) {
    const Instant expected = utc(2022, 1, 5, 8, 30);
    for (const char* text : {"2022-01-05T14:30+06:00", "2022-01-05T14:30+0600", "2022-01-05T14:30+06",
                             "2022-01-05T14:30:00+06:00", "2022-01-05 14:30+06:00"}) {
        auto t = parseIsoTime(text, kUtc);  // the default zone must not matter when an offset is written
        ASSERT_TRUE(t.ok()) << text << ": " << t.error().message;
        EXPECT_EQ(t->instant, expected) << text;
        ASSERT_TRUE(t->offset.has_value()) << text;
        EXPECT_EQ(*t->offset, kAlmatyTime) << text;
    }
}

TEST(TimeParse, NegativeAndHalfHourOffsets) {
    EXPECT_EQ(parsed("2022-01-05T14:30-03:00"), utc(2022, 1, 5, 17, 30));
    EXPECT_EQ(parsed("2022-01-05T14:30+05:45"), utc(2022, 1, 5, 8, 45));
    auto t = parseIsoTime("2022-01-05T14:30+05:30");
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->offset->minutes, 330);
}

TEST(TimeParse, BareDateIsDayPrecisionAtLocalMidnightOfTheDefaultZone) {
    auto almaty = parseIsoTime("2022-01-05", kAlmatyTime);
    ASSERT_TRUE(almaty.ok());
    EXPECT_EQ(almaty->precision, Precision::Day);
    EXPECT_FALSE(almaty->offset.has_value());
    EXPECT_EQ(almaty->instant, utc(2022, 1, 4, 18));

    auto west = parseIsoTime("2022-01-05", kWestTime);
    ASSERT_TRUE(west.ok());
    EXPECT_EQ(west->precision, Precision::Day);
    EXPECT_EQ(west->instant, utc(2022, 1, 4, 19));

    auto z = parseIsoTime("2022-01-05", kUtc);
    ASSERT_TRUE(z.ok());
    EXPECT_EQ(z->instant, utc(2022, 1, 5));
}

TEST(TimeParse, TimeWithoutOffsetIsReadInTheDefaultZoneAndSaysSo) {
    auto t = parseIsoTime("2022-01-05T20:00", kAlmatyTime);
    ASSERT_TRUE(t.ok());
    EXPECT_FALSE(t->offset.has_value()) << "callers must be able to tell that no offset was written";
    EXPECT_EQ(t->precision, Precision::Exact);
    EXPECT_EQ(t->instant, utc(2022, 1, 5, 14));
    EXPECT_EQ(parsed("2022-01-05T20:00", kWestTime), utc(2022, 1, 5, 15));
    EXPECT_EQ(parsed("2022-01-05T20:00:15", kUtc), utc(2022, 1, 5, 20, 0, 15));
}

TEST(TimeParse, FractionalSecondsAreAcceptedAndTruncatedToTheSecond) {
    EXPECT_EQ(parsed("2022-01-05T14:30:15.750+06:00"), utc(2022, 1, 5, 8, 30, 15));
    EXPECT_EQ(parsed("2022-01-05T14:30:15.999999999Z"), utc(2022, 1, 5, 14, 30, 15));
    EXPECT_EQ(parsed("2022-01-05T14:30:15,5Z"), utc(2022, 1, 5, 14, 30, 15));
    EXPECT_EQ(parsed("2022-01-05T14:30:15.0"), parsed("2022-01-05T14:30:15"));
}

TEST(TimeParse, SurroundingWhitespaceIsIgnored) {
    EXPECT_EQ(parsed("  2022-01-05T14:30Z \n"), utc(2022, 1, 5, 14, 30));
}

TEST(TimeParse, LeapDaysExistOnlyInLeapYears) {
    EXPECT_EQ(parsed("2020-02-29T00:00Z"), utc(2020, 2, 29));
    EXPECT_EQ(parsed("2000-02-29T00:00Z"), utc(2000, 2, 29));  // divisible by 400: leap
    EXPECT_FALSE(parseIsoTime("1900-02-29T00:00Z").ok());      // divisible by 100: not leap
    EXPECT_FALSE(parseIsoTime("2022-02-29T00:00Z").ok());
    EXPECT_EQ((parsed("2020-03-01T00:00Z") - parsed("2020-02-28T00:00Z")).seconds, Duration::days(2).seconds);
    EXPECT_EQ((parsed("2022-03-01T00:00Z") - parsed("2022-02-28T00:00Z")).seconds, Duration::days(1).seconds);
}

TEST(TimeParse, LastSecondOfTheDayAndOfTheYear) {
    EXPECT_EQ(parsed("2021-12-31T23:59:59+06:00") + Duration{1}, parsed("2022-01-01T00:00:00+06:00"));
}

// --- Parsing: refused inputs -------------------------------------------------------------------

struct BadTime {
    const char* name;
    std::string text;
};

void PrintTo(const BadTime& b, std::ostream* os) { *os << b.name << " '" << b.text << "'"; }

class TimeParseRejects : public ::testing::TestWithParam<BadTime> {};

TEST_P(TimeParseRejects, WithABadArgumentQuotingTheText) {
    const BadTime& c = GetParam();
    auto t = parseIsoTime(c.text);
    ASSERT_FALSE(t.ok()) << c.name << ": '" << c.text << "' was accepted as " << formatIso(t->instant, kUtc);
    EXPECT_EQ(t.error().kind, ErrorKind::BadArgument) << c.name;
    EXPECT_NE(t.error().message.find("'" + c.text + "'"), std::string::npos)
        << c.name << ": the message must quote the input: " << t.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, TimeParseRejects,
    ::testing::Values(BadTime{"month_13", "2022-13-05T10:00+06:00"}, BadTime{"month_0", "2022-00-05T10:00+06:00"},
                      BadTime{"day_0", "2022-01-00T10:00+06:00"}, BadTime{"feb_30", "2022-02-30T10:00+06:00"},
                      BadTime{"feb_29_not_leap", "2022-02-29"}, BadTime{"apr_31", "2022-04-31"},
                      BadTime{"hour_24", "2022-01-05T24:00+06:00"}, BadTime{"minute_60", "2022-01-05T10:60+06:00"},
                      BadTime{"second_60", "2022-01-05T10:00:60+06:00"},
                      BadTime{"missing_time_after_T", "2022-01-05T"},
                      BadTime{"missing_T_separator", "2022-01-0514:30+06:00"}, BadTime{"hour_only", "2022-01-05T10"},
                      BadTime{"one_digit_hour", "2022-01-05T9:00+06:00"},
                      BadTime{"garbage_suffix", "2022-01-05T10:00+06:00abc"},
                      BadTime{"garbage_after_date", "2022-01-05x"}, BadTime{"empty_fraction", "2022-01-05T10:00:00.Z"},
                      BadTime{"offset_one_digit", "2022-01-05T10:00+6"},
                      BadTime{"offset_out_of_range", "2022-01-05T10:00+15:00"},
                      BadTime{"offset_minutes_cut", "2022-01-05T10:00+06:0"},
                      BadTime{"offset_colon_without_minutes", "2022-01-05T10:00+06:"},
                      BadTime{"two_digit_year", "22-01-05"}, BadTime{"one_digit_month", "2022-1-05"},
                      BadTime{"words", "5 Jan"}, BadTime{"empty", ""}, BadTime{"only_space", "   "}),
    [](const ::testing::TestParamInfo<BadTime>& p) { return std::string(p.param.name); });

// --- Round trips -------------------------------------------------------------------------------

TEST(TimeRoundTrip, FormatIsoThenParseGivesTheSameInstantAndOffset) {
    std::mt19937 rng(20220105);
    // 1900..2100, all seconds of the day, in the zones we use and some we do not.
    std::uniform_int_distribution<std::int64_t> when(utc(1900, 1, 1).unixSeconds, utc(2100, 12, 31, 23, 59, 59).unixSeconds);
    const ZoneOffset zones[] = {kUtc, kAlmatyTime, kWestTime, ZoneOffset{180}, ZoneOffset{-210}, ZoneOffset{345},
                                ZoneOffset{-720}, ZoneOffset{840}};
    for (int i = 0; i < 20000; ++i) {
        const Instant t{when(rng)};
        const ZoneOffset z = zones[static_cast<std::size_t>(i) % (sizeof zones / sizeof zones[0])];
        const std::string text = formatIso(t, z);
        auto back = parseIsoTime(text, kAlmatyTime);
        ASSERT_TRUE(back.ok()) << text << ": " << back.error().message;
        ASSERT_EQ(back->instant, t) << text;
        ASSERT_TRUE(back->offset.has_value()) << text;
        ASSERT_EQ(*back->offset, z) << text;
        ASSERT_EQ(formatIso(back->instant, *back->offset), text);
    }
}

TEST(TimeRoundTrip, CanonicalTextsComeBackCharacterForCharacter) {
    for (const char* text : {"2022-01-05T00:00:00+06:00", "2022-01-04T19:00:00Z", "2022-01-05T23:59:59+05:00",
                             "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-29T12:00:00-03:30",
                             "2100-12-31T23:59:59+14:00", "1900-01-01T00:00:00-12:00"}) {
        auto t = parseIsoTime(text);
        ASSERT_TRUE(t.ok()) << text;
        EXPECT_EQ(formatIso(t->instant, *t->offset), text);
    }
}

TEST(TimeRoundTrip, CivilDaysRoundTripEveryDayFrom1900To2100) {
    const std::int64_t first = daysFromCivil(1900, 1, 1);
    const std::int64_t last = daysFromCivil(2100, 12, 31);
    EXPECT_EQ(last - first + 1, 201 * 365 + 49);  // 49 leap days: 1904..2096, 2000 included, 1900 and 2100 not
    int py = 1899, pm = 12, pd = 31;
    for (std::int64_t d = first; d <= last; ++d) {
        int y = 0, m = 0, day = 0;
        civilFromDays(d, y, m, day);
        ASSERT_EQ(daysFromCivil(y, m, day), d) << y << "-" << m << "-" << day;
        // Consecutive days are consecutive dates.
        const bool nextDay = y == py && m == pm && day == pd + 1;
        const bool nextMonth = y == py && m == pm + 1 && day == 1;
        const bool nextYear = y == py + 1 && m == 1 && day == 1 && pm == 12 && pd == 31;
        ASSERT_TRUE(nextDay || nextMonth || nextYear) << py << "-" << pm << "-" << pd << " then " << y << "-" << m << "-" << day;
        py = y;
        pm = m;
        pd = day;
    }
}

TEST(TimeRoundTrip, DaysBeforeTheEpochAreNegative) {
    EXPECT_EQ(daysFromCivil(1970, 1, 1), 0);
    EXPECT_EQ(daysFromCivil(1969, 12, 31), -1);
    EXPECT_EQ(daysFromCivil(1900, 1, 1), -25567);
    EXPECT_EQ(daysFromCivil(2022, 1, 5), 18997);
    int y = 0, m = 0, d = 0;
    civilFromDays(-1, y, m, d);
    EXPECT_EQ(y, 1969);
    EXPECT_EQ(m, 12);
    EXPECT_EQ(d, 31);
    civilFromDays(-719468, y, m, d);  // 0000-03-01, the algorithm's own epoch
    EXPECT_EQ(y, 0);
    EXPECT_EQ(m, 3);
    EXPECT_EQ(d, 1);
    civilFromDays(-719469, y, m, d);  // the day before: 29 Feb of year 0 (a leap year)
    EXPECT_EQ(y, 0);
    EXPECT_EQ(m, 2);
    EXPECT_EQ(d, 29);
}

TEST(TimeRoundTrip, ToCivilAndToInstantAreInversesEitherSideOfTheEpoch) {
    for (std::int64_t s : {std::int64_t{-86401}, std::int64_t{-1}, std::int64_t{0}, std::int64_t{1}, std::int64_t{1641340800}}) {
        for (ZoneOffset z : {kUtc, kAlmatyTime, kWestTime, ZoneOffset{-300}}) {
            const CivilTime c = toCivil(Instant{s}, z);
            EXPECT_EQ(toInstant(c, z), Instant{s}) << s << " in " << z.minutes;
            EXPECT_GE(c.hour, 0);
            EXPECT_LT(c.hour, 24);
            EXPECT_GE(c.second, 0);
        }
    }
    const CivilTime c = toCivil(Instant{-1}, kUtc);
    EXPECT_EQ(c.year, 1969);
    EXPECT_EQ(c.hour, 23);
    EXPECT_EQ(c.minute, 59);
    EXPECT_EQ(c.second, 59);
}

// --- Display -----------------------------------------------------------------------------------

TEST(TimeDisplay, ExactShowsWeekdayDateClockAndOffset) {
    const Instant t = parsed("2022-01-05T14:30+06:00");
    EXPECT_EQ(formatForDisplay(t, kAlmatyTime, Precision::Exact), "Wed 5 Jan 2022, 14:30 (UTC+6)");
    EXPECT_EQ(formatForDisplay(t, kWestTime, Precision::Exact), "Wed 5 Jan 2022, 13:30 (UTC+5)");
    EXPECT_EQ(formatForDisplay(t, kUtc, Precision::Exact), "Wed 5 Jan 2022, 08:30 (UTC)");
    EXPECT_EQ(formatForDisplay(t, kAlmatyTime, Precision::Hour), "Wed 5 Jan 2022, 14:30 (UTC+6)");
}

TEST(TimeDisplay, DayPrecisionShowsTheDayWithNoClockTime) {
    const Instant t = parsed("2022-01-05T00:00+06:00");
    const std::string s = formatForDisplay(t, kAlmatyTime, Precision::Day);
    EXPECT_EQ(s, "Wed 5 Jan 2022 (UTC+6)");
    EXPECT_EQ(s.find("00:00"), std::string::npos) << "a day-precision event did not begin at 00:00 sharp";
}

TEST(TimeDisplay, ApproximateSaysAbout) {
    EXPECT_EQ(formatForDisplay(parsed("2022-01-06T12:00+06:00"), kAlmatyTime, Precision::Approximate),
              "about Thu 6 Jan 2022, 12:00 (UTC+6)");
}

TEST(TimeDisplay, WeekdaysOfTheUnrest) {
    // 2 January 2022 was a Sunday; the articles date events by weekday, so these must be right.
    const char* expected[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (int d = 2; d <= 9; ++d) {
        const Instant t = toInstant(CivilTime{2022, 1, d, 12, 0, 0}, kAlmatyTime);
        EXPECT_EQ(formatForDisplay(t, kAlmatyTime, Precision::Day).substr(0, 3), expected[d - 2]) << d;
    }
    EXPECT_EQ(formatForDisplay(Instant{0}, kUtc, Precision::Day), "Thu 1 Jan 1970 (UTC)");
    EXPECT_EQ(formatForDisplay(Instant{-1}, kUtc, Precision::Day), "Wed 31 Dec 1969 (UTC)");
}

TEST(TimeDisplay, OffsetNames) {
    EXPECT_EQ(formatOffset(kUtc), "UTC");
    EXPECT_EQ(formatOffset(kAlmatyTime), "UTC+6");
    EXPECT_EQ(formatOffset(kWestTime), "UTC+5");
    EXPECT_EQ(formatOffset(ZoneOffset{330}), "UTC+5:30");
    EXPECT_EQ(formatOffset(ZoneOffset{-210}), "UTC-3:30");
}

TEST(TimeDisplaySpan, OneDayIsShownAsThatDay) {
    const Instant a = parsed("2022-01-05T00:00+06:00"), b = parsed("2022-01-06T00:00+06:00");
    EXPECT_EQ(formatSpanForDisplay(a, b, kAlmatyTime, Precision::Day), "Wed 5 Jan 2022 (UTC+6)");
}

TEST(TimeDisplaySpan, SeveralDaysEndAtTheLastDayNotTheExclusiveEnd) {
    const Instant a = parsed("2022-01-04T00:00+06:00"), b = parsed("2022-01-10T00:00+06:00");
    EXPECT_EQ(formatSpanForDisplay(a, b, kAlmatyTime, Precision::Day), "4\xE2\x80\x93" "9 Jan 2022 (UTC+6)");
    EXPECT_EQ(formatSpanForDisplay(a, b, kAlmatyTime, Precision::Approximate),
              "sometime 4\xE2\x80\x93" "9 Jan 2022 (UTC+6)");
}

TEST(TimeDisplaySpan, DaysAcrossAMonthBoundaryNameBothMonths) {
    const Instant a = parsed("2022-01-31T00:00+06:00"), b = parsed("2022-02-02T00:00+06:00");
    EXPECT_EQ(formatSpanForDisplay(a, b, kAlmatyTime, Precision::Day), "31 Jan \xE2\x80\x93 1 Feb 2022 (UTC+6)");
}

TEST(TimeDisplaySpan, WesternDaySpanShownInItsOwnZone) {
    const Instant a = parsed("2022-01-02T00:00+05:00"), b = parsed("2022-01-03T00:00+05:00");
    EXPECT_EQ(formatSpanForDisplay(a, b, kWestTime, Precision::Day), "Sun 2 Jan 2022 (UTC+5)");
}

TEST(TimeDisplaySpan, PartOfADayShowsClockRangeWithMidnightAs24) {
    const Instant a = parsed("2022-01-04T18:00+06:00"), b = parsed("2022-01-05T00:00+06:00");
    EXPECT_EQ(formatSpanForDisplay(a, b, kAlmatyTime, Precision::Hour), "Tue 4 Jan 2022, 18:00\xE2\x80\x93" "24:00 (UTC+6)");
    const Instant c = parsed("2022-01-05T14:00+06:00"), d = parsed("2022-01-05T16:30+06:00");
    EXPECT_EQ(formatSpanForDisplay(c, d, kAlmatyTime, Precision::Exact), "Wed 5 Jan 2022, 14:00\xE2\x80\x93" "16:30 (UTC+6)");
}

TEST(TimeDisplaySpan, ExactSpanOverSeveralDaysShowsBothEnds) {
    const Instant a = parsed("2022-01-05T23:00+06:00"), b = parsed("2022-01-12T07:00+06:00");
    EXPECT_EQ(formatSpanForDisplay(a, b, kAlmatyTime, Precision::Exact),
              "Wed 5 Jan 2022, 23:00 \xE2\x80\x93 Wed 12 Jan 2022, 07:00 (UTC+6)");
}

TEST(TimeDisplaySpan, EmptySpanFallsBackToTheStart) {
    const Instant a = parsed("2022-01-05T14:30+06:00");
    EXPECT_EQ(formatSpanForDisplay(a, a, kAlmatyTime, Precision::Exact), formatForDisplay(a, kAlmatyTime, Precision::Exact));
}

// --- Clock and precision names -----------------------------------------------------------------

TEST(TimeClock, ParsesHoursAndMinutesOfTheDay) {
    EXPECT_EQ(parseClock("00:00"), 0);
    EXPECT_EQ(parseClock("07:00"), 7 * 60);
    EXPECT_EQ(parseClock("23:00"), 23 * 60);
    EXPECT_EQ(parseClock("23:59"), 23 * 60 + 59);
    for (const char* bad : {"24:00", "25:00", "07:60", "7:00", "0700", "07:00 ", " 07:00", "07:00:00", "", "ab:cd", "-1:00"}) {
        EXPECT_FALSE(parseClock(bad).has_value()) << "'" << bad << "'";
    }
}

TEST(TimePrecision, NamesRoundTrip) {
    for (Precision p : {Precision::Exact, Precision::Hour, Precision::Day, Precision::Approximate}) {
        EXPECT_EQ(parsePrecision(precisionName(p)), p);
    }
    EXPECT_FALSE(parsePrecision("minute").has_value());
    EXPECT_FALSE(parsePrecision("Day").has_value());
}
