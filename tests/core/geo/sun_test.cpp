#include "core/geo/sun.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>

using namespace qantar::core;

namespace {

constexpr double kPi = 3.14159265358979323846;

Instant utc(int y, int mo, int d, int h, int mi, int s = 0) { return toInstant(CivilTime{y, mo, d, h, mi, s}, kUtc); }

double lonDifference(double a, double b) {
    double d = std::fmod(a - b + 540.0, 360.0) - 180.0;
    return std::abs(d);
}

// A second, independent formula: Spencer's Fourier series (1971) for the declination and the
// equation of time, as NOAA's solar calculator notes give them. Coarser (about 0.4 degree at
// worst), but it shares nothing with the almanac's formulae.
LonLat spencerSubsolar(Instant t) {
    const CivilTime c = toCivil(t, kUtc);
    const int dayOfYear = static_cast<int>(daysFromCivil(c.year, c.month, c.day) - daysFromCivil(c.year, 1, 1)) + 1;
    const bool leap = (c.year % 4 == 0 && c.year % 100 != 0) || c.year % 400 == 0;
    const double hours = c.hour + c.minute / 60.0 + c.second / 3600.0;
    const double g = 2.0 * kPi / (leap ? 366.0 : 365.0) * (dayOfYear - 1 + (hours - 12.0) / 24.0);
    const double eotMinutes = 229.18 * (0.000075 + 0.001868 * std::cos(g) - 0.032077 * std::sin(g) -
                                        0.014615 * std::cos(2 * g) - 0.040849 * std::sin(2 * g));
    const double declRad = 0.006918 - 0.399912 * std::cos(g) + 0.070257 * std::sin(g) - 0.006758 * std::cos(2 * g) +
                           0.000907 * std::sin(2 * g) - 0.002697 * std::cos(3 * g) + 0.00148 * std::sin(3 * g);
    double lon = -15.0 * (hours - 12.0 + eotMinutes / 60.0);
    lon = std::fmod(lon + 540.0, 360.0) - 180.0;
    return LonLat{lon, declRad * 180.0 / kPi};
}

constexpr LonLat kAlmaty{76.945, 43.238};

// The first minute of [from, from + 24 h) at which the sun crosses the sunrise/sunset elevation
// going up (rising) or down, in minutes after `from`.
std::optional<int> crossing(Instant from, LonLat place, bool rising) {
    double prev = solarElevationDeg(from, place) - kSunriseElevationDeg;
    for (int m = 1; m <= 24 * 60; ++m) {
        const double now = solarElevationDeg(from + Duration::minutes(m), place) - kSunriseElevationDeg;
        if (rising ? (prev < 0 && now >= 0) : (prev >= 0 && now < 0)) return m;
        prev = now;
    }
    return std::nullopt;
}

}  // namespace

TEST(Sun, DeclinationAtTheSolsticesAndEquinoxes) {
    // Instants of the seasons from the almanacs (UTC, to the minute); the obliquity in 2022 was
    // 23.436 degrees.
    EXPECT_NEAR(subsolarPoint(utc(2021, 12, 21, 15, 59)).lat, -23.436, 0.02);
    EXPECT_NEAR(subsolarPoint(utc(2022, 3, 20, 15, 33)).lat, 0.0, 0.02);
    EXPECT_NEAR(subsolarPoint(utc(2022, 6, 21, 9, 14)).lat, 23.436, 0.02);
    EXPECT_NEAR(subsolarPoint(utc(2022, 9, 23, 1, 4)).lat, 0.0, 0.02);
}

TEST(Sun, SunIsOverGreenwichAtApparentNoon) {
    // The equation of time is at its extremes in mid-February (-14 min 14 s: apparent noon at
    // Greenwich 12:14:14 UTC) and early November (+16 min 25 s: 11:43:35 UTC).
    EXPECT_LT(lonDifference(subsolarPoint(utc(2022, 2, 11, 12, 14, 14)).lon, 0.0), 0.05);
    EXPECT_LT(lonDifference(subsolarPoint(utc(2022, 11, 3, 11, 43, 35)).lon, 0.0), 0.05);
    // Twelve hours later the sun is over the antimeridian.
    EXPECT_LT(lonDifference(subsolarPoint(utc(2022, 2, 12, 0, 14, 14)).lon, 180.0), 0.1);
}

TEST(Sun, AgreesWithAnIndependentFormulaAllYear) {
    double worst = 0.0;
    for (int hour = 0; hour < 365 * 24; hour += 7) {
        const Instant t = utc(2022, 1, 1, 0, 0) + Duration::hours(hour);
        const LonLat a = subsolarPoint(t), b = spencerSubsolar(t);
        worst = std::max({worst, std::abs(a.lat - b.lat), lonDifference(a.lon, b.lon)});
    }
    EXPECT_LT(worst, 0.5) << "degrees";
}

TEST(Sun, SunriseAndSunsetInAlmatyOnFiveJanuary2022) {
    // Almaty (UTC+6) on 5 January 2022: sunrise about 08:24 and sunset about 17:30 local time,
    // as the almanac formulae here and Spencer's series (08:24 and 17:30) both give.
    const Instant midnight = toInstant(CivilTime{2022, 1, 5, 0, 0, 0}, kAlmatyTime);
    const auto rise = crossing(midnight, kAlmaty, true);
    const auto set = crossing(midnight, kAlmaty, false);
    ASSERT_TRUE(rise && set);
    EXPECT_NEAR(*rise, 8 * 60 + 24, 3) << "sunrise, minutes after local midnight";
    EXPECT_NEAR(*set, 17 * 60 + 30, 3) << "sunset, minutes after local midnight";
    // Day length about 9 h 06 min.
    EXPECT_NEAR(*set - *rise, 9 * 60 + 6, 4);
}

TEST(Sun, NightAtElevenAndDayAtOneInAlmaty) {
    const Instant night = toInstant(CivilTime{2022, 1, 5, 23, 0, 0}, kAlmatyTime);
    const Instant day = toInstant(CivilTime{2022, 1, 5, 13, 0, 0}, kAlmatyTime);
    EXPECT_LT(solarElevationDeg(night, kAlmaty), -50.0);
    EXPECT_GT(solarElevationDeg(day, kAlmaty), 20.0);
    EXPECT_DOUBLE_EQ(nightShade(solarElevationDeg(night, kAlmaty)), 1.0);
    EXPECT_DOUBLE_EQ(nightShade(solarElevationDeg(day, kAlmaty)), 0.0);
}

TEST(Sun, TwilightShadeRisesSmoothlyFromSunsetToCivilDusk) {
    EXPECT_DOUBLE_EQ(nightShade(10.0), 0.0);
    EXPECT_DOUBLE_EQ(nightShade(kSunriseElevationDeg), 0.0);
    EXPECT_DOUBLE_EQ(nightShade(kCivilTwilightElevationDeg), 1.0);
    EXPECT_DOUBLE_EQ(nightShade(-40.0), 1.0);
    double prev = 0.0;
    for (double e = 0.0; e >= -7.0; e -= 0.25) {
        const double s = nightShade(e);
        EXPECT_GE(s, prev);
        prev = s;
    }
    const double mid = nightShade((kSunriseElevationDeg + kCivilTwilightElevationDeg) / 2.0);
    EXPECT_NEAR(mid, 0.5, 1e-9);
}

TEST(Sun, ElevationIsNinetyAtTheSubsolarPoint) {
    const Instant t = utc(2022, 1, 5, 17, 0);
    const LonLat s = subsolarPoint(t);
    EXPECT_NEAR(solarElevationDeg(t, s), 90.0, 1e-6);
    const LonLat antipode{s.lon > 0 ? s.lon - 180.0 : s.lon + 180.0, -s.lat};
    EXPECT_NEAR(solarElevationDeg(t, antipode), -90.0, 1e-6);
}
