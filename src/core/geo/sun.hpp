#pragma once
// Where the sun is: the subsolar point at an instant and the sun's elevation seen from a place,
// for the map's day/night terminator. The Astronomical Almanac's low-precision formulae (mean
// longitude and anomaly, equation of centre to second order, mean obliquity, Greenwich mean
// sidereal time): the position is good to about 0.01 degree in declination and a few hundredths
// of a degree in longitude between 1950 and 2050, far finer than a shading needs.
#include <array>

#include "core/geo/geo_types.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

// Elevation of the sun's centre at sunrise and sunset as almanacs define them: the upper limb on
// the horizon, with standard refraction (-50 arc minutes).
constexpr double kSunriseElevationDeg = -0.833;
// The end of civil twilight: the sun 6 degrees below the horizon.
constexpr double kCivilTwilightElevationDeg = -6.0;

// The point on the Earth where the sun is at the zenith at `t`: latitude is the sun's
// declination, longitude its Greenwich hour angle's opposite, in [-180, 180).
LonLat subsolarPoint(Instant t);

// The sun's geometric elevation above the horizon at `place` (degrees, -90..90, no refraction),
// seen from a spherical Earth.
double solarElevationDeg(LonLat subsolar, LonLat place);
double solarElevationDeg(Instant t, LonLat place);

// A place as a unit vector from the Earth's centre: x towards 0 E on the equator, y towards 90 E,
// z towards the north pole (as shaders/night.vert makes it).
std::array<double, 3> unitVector(LonLat p);

// How dark the night shading is at a sun elevation, 0 (day) to 1 (night): 0 while the sun is up
// (above kSunriseElevationDeg), rising smoothly through civil twilight to 1 once the sun is
// kCivilTwilightElevationDeg below the horizon. The shader in shaders/night.frag draws this curve.
double nightShade(double elevationDeg);

}  // namespace qantar::core
