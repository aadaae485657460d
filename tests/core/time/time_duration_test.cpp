// Durations (core/time.hpp parseDuration): the short spellings a user types after --step ("6h",
// "1d12h"), the ISO 8601 ones ("PT6H", "P1DT12H30M"), and the texts that must be refused with a
// BadArgument whose message quotes them.
#include "core/time/time.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <utility>

#include "core/time/time_printers.hpp"

using namespace qantar::core;

namespace {

struct GoodDuration {
    const char* text;
    std::int64_t seconds;
};

void PrintTo(const GoodDuration& c, std::ostream* os) { *os << "'" << c.text << "'"; }

class DurationParses : public ::testing::TestWithParam<GoodDuration> {};

struct BadDuration {
    const char* name;
    const char* text;
};

void PrintTo(const BadDuration& c, std::ostream* os) { *os << c.name << " '" << c.text << "'"; }

class DurationRejects : public ::testing::TestWithParam<BadDuration> {};

}  // namespace

TEST_P(DurationParses, ToTheRightNumberOfSeconds) {
    const GoodDuration& c = GetParam();
    auto d = parseDuration(c.text);
    ASSERT_TRUE(d.ok()) << "'" << c.text << "': " << d.error().message;
    EXPECT_EQ(d->seconds, c.seconds) << "'" << c.text << "'";
}

INSTANTIATE_TEST_SUITE_P(
    Spellings, DurationParses,
    ::testing::Values(GoodDuration{"30m", 30 * 60}, GoodDuration{"6h", 6 * 3600}, GoodDuration{"1d", 86400},
                      GoodDuration{"90s", 90}, GoodDuration{"1d12h", 86400 + 12 * 3600},
                      GoodDuration{"2h30m", 2 * 3600 + 30 * 60}, GoodDuration{"PT6H", 6 * 3600},
                      GoodDuration{"P1D", 86400}, GoodDuration{"P1DT12H30M", 86400 + 12 * 3600 + 30 * 60},
                      GoodDuration{"PT30M", 30 * 60}, GoodDuration{"PT90S", 90}),
    [](const auto& param) {
        std::string n = param.param.text;
        for (char& ch : n) {
            if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
        }
        return n;
    });

TEST(DurationParse, ShortAndIsoSpellingsAgree) {
    for (auto [shortForm, iso] : {std::pair{"6h", "PT6H"}, std::pair{"1d", "P1D"}, std::pair{"1d12h", "P1DT12H"},
                                  std::pair{"30m", "PT30M"}, std::pair{"90s", "PT90S"}}) {
        auto a = parseDuration(shortForm);
        auto b = parseDuration(iso);
        ASSERT_TRUE(a.ok() && b.ok()) << shortForm << " / " << iso;
        EXPECT_EQ(a->seconds, b->seconds) << shortForm << " vs " << iso;
    }
}

TEST_P(DurationRejects, WithABadArgumentQuotingTheText) {
    const BadDuration& c = GetParam();
    auto d = parseDuration(c.text);
    ASSERT_FALSE(d.ok()) << c.name << ": '" << c.text << "' was accepted as " << d->seconds << " s";
    EXPECT_EQ(d.error().kind, ErrorKind::BadArgument) << c.name;
    const std::string quoted = std::string("'") + c.text + "'";
    EXPECT_NE(d.error().message.find(quoted), std::string::npos)
        << c.name << ": the message should quote " << quoted << ": " << d.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, DurationRejects,
    ::testing::Values(BadDuration{"empty", ""}, BadDuration{"number_without_unit", "6"},
                      BadDuration{"unit_without_number", "h"}, BadDuration{"zero", "0h"},
                      BadDuration{"negative", "-1h"}, BadDuration{"iso_without_amount", "PT"},
                      BadDuration{"iso_hours_without_T", "P1H"}, BadDuration{"unknown_unit", "1x"},
                      BadDuration{"iso_days_after_T", "PT6D"}, BadDuration{"trailing_number", "1d12"},
                      BadDuration{"space_inside", "6 h"},
                      // In ISO 8601 an M before the T means months, which have no fixed length.
                      BadDuration{"iso_months", "P1M"}),
    [](const auto& param) { return std::string(param.param.name); });
