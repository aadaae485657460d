#include "core/geo/sun.hpp"

#include <algorithm>
#include <cmath>

namespace qantar::core {

namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;
// J2000.0 (2000-01-01T12:00:00 TT, here taken as UTC: 69 s of difference move the sun by
// 0.0008 degree) in Unix seconds.
constexpr double kJ2000UnixSeconds = 946728000.0;

double wrapDegrees(double d) {
    d = std::fmod(d, 360.0);
    if (d < 0.0) d += 360.0;
    return d;
}

}  // namespace

LonLat subsolarPoint(Instant t) {
    const double n = (static_cast<double>(t.unixSeconds) - kJ2000UnixSeconds) / 86400.0;  // days from J2000.0
    const double meanLongitude = wrapDegrees(280.460 + 0.9856474 * n);
    const double meanAnomaly = wrapDegrees(357.528 + 0.9856003 * n) * kDeg;
    const double eclipticLongitude =
        (meanLongitude + 1.915 * std::sin(meanAnomaly) + 0.020 * std::sin(2.0 * meanAnomaly)) * kDeg;
    const double obliquity = (23.439 - 0.0000004 * n) * kDeg;
    const double rightAscension =
        std::atan2(std::cos(obliquity) * std::sin(eclipticLongitude), std::cos(eclipticLongitude)) / kDeg;
    const double declination = std::asin(std::sin(obliquity) * std::sin(eclipticLongitude)) / kDeg;
    const double greenwichSidereal = wrapDegrees(280.46061837 + 360.98564736629 * n);
    // The sun is overhead where the local sidereal time equals its right ascension.
    double lon = wrapDegrees(rightAscension - greenwichSidereal + 180.0) - 180.0;
    return LonLat{lon, declination};
}

double solarElevationDeg(LonLat subsolar, LonLat place) {
    const double phi = place.lat * kDeg, delta = subsolar.lat * kDeg;
    const double hourAngle = (place.lon - subsolar.lon) * kDeg;
    const double s = std::sin(phi) * std::sin(delta) + std::cos(phi) * std::cos(delta) * std::cos(hourAngle);
    return std::asin(std::clamp(s, -1.0, 1.0)) / kDeg;
}

double solarElevationDeg(Instant t, LonLat place) { return solarElevationDeg(subsolarPoint(t), place); }

std::array<double, 3> unitVector(LonLat p) {
    const double lon = p.lon * kDeg, lat = p.lat * kDeg;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

double nightShade(double elevationDeg) {
    const double x = std::clamp((kSunriseElevationDeg - elevationDeg) / (kSunriseElevationDeg - kCivilTwilightElevationDeg),
                                0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

}  // namespace qantar::core
