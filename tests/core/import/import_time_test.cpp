// Time values as imported sources write them: ACLED's date styles, ISO 8601 with KML's partial
// forms, Unix seconds and milliseconds, "..", and how start and end become an event's interval.
#include <gtest/gtest.h>

#include <cmath>

#include "core/import/time_values.hpp"
#include "core/time/time.hpp"

namespace {

using namespace qantar::core;
using namespace qantar::core::importer;

Instant at(const char* iso) { return parseIsoTime(iso)->instant; }

struct DateCase {
    const char* text;
    int year, month, day;
    DateStyle style;
};

class AcledDateStyles : public ::testing::TestWithParam<DateCase> {};

TEST_P(AcledDateStyles, ParsesEachExportStyle) {
    const DateCase& c = GetParam();
    const auto d = parseAcledDate(c.text);
    ASSERT_TRUE(d) << c.text;
    EXPECT_EQ(d->first.year, c.year) << c.text;
    EXPECT_EQ(d->first.month, c.month) << c.text;
    EXPECT_EQ(d->first.day, c.day) << c.text;
    EXPECT_EQ(d->second, c.style) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    ImportTime, AcledDateStyles,
    ::testing::Values(DateCase{"2022-01-05", 2022, 1, 5, DateStyle::Iso},
                      DateCase{"05 January 2022", 2022, 1, 5, DateStyle::DayMonthYear},
                      DateCase{"5 January 2022", 2022, 1, 5, DateStyle::DayMonthYear},
                      DateCase{" 31 December 2021 ", 2021, 12, 31, DateStyle::DayMonthYear},
                      DateCase{"05-Jan-22", 2022, 1, 5, DateStyle::DayMonYy},
                      DateCase{"29-Feb-24", 2024, 2, 29, DateStyle::DayMonYy},
                      DateCase{"01-Jan-97", 1997, 1, 1, DateStyle::DayMonYy},
                      DateCase{"05-01-2022", 2022, 1, 5, DateStyle::DayMonthNumber}));

TEST(ImportTime, RejectsDatesThatDoNotExist) {
    for (const char* bad : {"32 January 2022", "29-Feb-22", "2022-13-01", "05 Janvier 2022", "yesterday", "", "2022",
                            "05/01/2022", "00-Jan-22", "2022-01-05T10:00"}) {
        EXPECT_FALSE(parseAcledDate(bad)) << bad;
    }
}

TEST(ImportTime, DateIsTheWholeLocalDayInTheGivenZone) {
    const auto west = parseTimeText("2022-01-05", kWestTime);
    ASSERT_TRUE(west);
    EXPECT_EQ(west->start, at("2022-01-05T00:00:00+05:00"));
    EXPECT_EQ(west->unitEnd, at("2022-01-06T00:00:00+05:00"));
    EXPECT_EQ(west->precision, Precision::Day);
    const auto east = parseTimeText("05 January 2022", kAlmatyTime);
    ASSERT_TRUE(east);
    EXPECT_EQ(east->start, at("2022-01-05T00:00:00+06:00"));
    EXPECT_EQ((east->start - west->start).seconds, Duration::hours(-1).seconds);  // Almaty's midnight comes an hour earlier
}

TEST(ImportTime, PartialKmlValuesCoverTheirWholeUnit) {
    const auto month = parseTimeText("2021-02", kUtc);
    ASSERT_TRUE(month);
    EXPECT_EQ(month->start, at("2021-02-01T00:00:00Z"));
    EXPECT_EQ(month->unitEnd, at("2021-03-01T00:00:00Z"));
    EXPECT_EQ(month->precision, Precision::Approximate);
    const auto december = parseTimeText("2021-12", kUtc);
    ASSERT_TRUE(december);
    EXPECT_EQ(december->unitEnd, at("2022-01-01T00:00:00Z"));
    const auto year = parseTimeText("1997", kUtc);
    ASSERT_TRUE(year);
    EXPECT_EQ(year->start, at("1997-01-01T00:00:00Z"));
    EXPECT_EQ(year->unitEnd, at("1998-01-01T00:00:00Z"));
}

TEST(ImportTime, ReadsOffsetsFractionsAndGdalsTextForm) {
    const auto t = parseTimeText("2022-01-05T14:30:15.250+05:00", kAlmatyTime);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->start, at("2022-01-05T09:30:15Z"));
    ASSERT_TRUE(t->offset);
    EXPECT_EQ(t->offset->minutes, 300);
    const auto gdal = parseTimeText("2022/01/05 14:30:00+06", kUtc);
    ASSERT_TRUE(gdal);
    EXPECT_EQ(gdal->start, at("2022-01-05T08:30:00Z"));
    const auto local = parseTimeText("2022-01-05 19:00", kAlmatyTime);
    ASSERT_TRUE(local);
    EXPECT_EQ(local->start, at("2022-01-05T13:00:00Z"));
    EXPECT_FALSE(local->offset);
}

TEST(ImportTime, UnixSecondsAndMillisecondsAreToldApartByMagnitude) {
    const auto ms = timeFromUnixNumber(1641394800000.0);
    ASSERT_TRUE(ms);
    EXPECT_EQ(ms->start, at("2022-01-05T15:00:00Z"));
    const auto s = timeFromUnixNumber(1641394800.0);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->start, ms->start);
    const auto text = parseTimeText("1641394800000", kUtc);
    ASSERT_TRUE(text);
    EXPECT_EQ(text->start, ms->start);
    EXPECT_FALSE(timeFromUnixNumber(1e300));
    EXPECT_FALSE(timeFromUnixNumber(std::nan("")));
    EXPECT_FALSE(timeFromUnixNumber(-1e12 * 1000));
}

TEST(ImportTime, UnreadableTextQuotesTheValue) {
    const auto bad = parseTimeText("the fifth", kAlmatyTime);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("'the fifth'"), std::string::npos) << bad.error().message;
    const auto binary = parseTimeText(std::string("\x01\xff\xfe", 3), kAlmatyTime);
    ASSERT_FALSE(binary);
    EXPECT_NE(binary.error().message.find("\\xFF"), std::string::npos) << binary.error().message;
}

TEST(ImportTime, InstantWithoutEndStaysAnInstant) {
    const auto start = parseTimeText("2022-01-05T14:30:00+06:00", kAlmatyTime);
    const auto iv = makeInterval(*start, std::nullopt, kWestTime);
    ASSERT_TRUE(iv);
    EXPECT_FALSE(iv->hasEnd);
    EXPECT_EQ(iv->precision, Precision::Exact);
    EXPECT_EQ(iv->zone.minutes, 360) << "the value's own offset is kept for display";
}

TEST(ImportTime, UtcValueIsShownInThePlacesZone) {
    const auto start = parseTimeText("2022-01-05T08:30:00Z", kAlmatyTime);
    const auto iv = makeInterval(*start, std::nullopt, kWestTime);
    ASSERT_TRUE(iv);
    EXPECT_EQ(iv->zone.minutes, 300);
    EXPECT_EQ(iv->start, at("2022-01-05T08:30:00Z"));
}

TEST(ImportTime, DateEndCoversItsWholeDay) {
    const auto start = parseTimeText("2022-01-04", kAlmatyTime);
    const auto end = parseTimeText("2022-01-06", kAlmatyTime);
    const auto iv = makeInterval(*start, *end, kAlmatyTime);
    ASSERT_TRUE(iv);
    EXPECT_EQ(iv->start, at("2022-01-04T00:00:00+06:00"));
    EXPECT_EQ(iv->end, at("2022-01-07T00:00:00+06:00"));
    EXPECT_EQ(iv->precision, Precision::Day);
}

TEST(ImportTime, SameDayStartAndEndIsThatDay) {
    const auto day = parseTimeText("2022-01-05", kAlmatyTime);
    const auto iv = makeInterval(*day, *day, kAlmatyTime);
    ASSERT_TRUE(iv);
    EXPECT_EQ((iv->end - iv->start).seconds, Duration::days(1).seconds);
}

TEST(ImportTime, EndBeforeStartIsRefused) {
    const auto a = parseTimeText("2022-01-07T10:00:00+06:00", kAlmatyTime);
    const auto b = parseTimeText("2022-01-07T08:00:00+06:00", kAlmatyTime);
    const auto iv = makeInterval(*a, *b, kAlmatyTime);
    ASSERT_FALSE(iv);
    EXPECT_NE(iv.error().message.find("not after the start"), std::string::npos);
    EXPECT_FALSE(makeInterval(*a, *a, kAlmatyTime)) << "an end equal to the start is not after it";
}

TEST(ImportTime, UnboundedStartIsRefusedAndUnboundedEndIsOpen) {
    const auto open = parseTimeText("..", kAlmatyTime);
    ASSERT_TRUE(open);
    EXPECT_TRUE(open->unbounded);
    const auto start = parseTimeText("2022-01-05T23:00:00+06:00", kAlmatyTime);
    EXPECT_FALSE(makeInterval(*open, *start, kAlmatyTime));
    const auto iv = makeInterval(*start, *open, kAlmatyTime);
    ASSERT_TRUE(iv);
    EXPECT_TRUE(iv->openEnd);
    EXPECT_EQ(iv->precision, Precision::Approximate);
    EXPECT_FALSE(iv->reasoning.empty());
}

TEST(ImportTime, MixedPrecisionIsApproximateWithReasoning) {
    const auto start = parseTimeText("2022-01-05", kAlmatyTime);
    const auto end = parseTimeText("2022-01-05T18:00:00+06:00", kAlmatyTime);
    const auto iv = makeInterval(*start, *end, kAlmatyTime);
    ASSERT_TRUE(iv);
    EXPECT_EQ(iv->precision, Precision::Approximate);
    EXPECT_FALSE(iv->reasoning.empty());
}

}  // namespace
