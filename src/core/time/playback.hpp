#pragma once
// The simulation clock. It advances only when handed elapsed real time, so playback is
// reproducible and testable; what drives it (the GUI loop, an exporter) decides the step.
#include "core/time/time.hpp"

namespace qantar::core {

struct PlaybackClock {
    Instant now;                     // the current simulated moment
    Instant rangeStart, rangeEnd;    // playback stays inside [rangeStart, rangeEnd]
    bool playing = false;
    bool loop = false;
    double simSecondsPerSecond = 3600.0;  // speed: simulated seconds per real second (1 h/s)

    // Moves the clock by `realSeconds` of wall time at the current speed. At the end of the range
    // it stops, or wraps to the start when looping.
    void advance(double realSeconds);
    // Sets the time, clamped to the range.
    void seek(Instant t);
};

// Speed presets offered in the GUI, in simulated hours per real second.
constexpr double kSpeedPresetsHoursPerSecond[] = {0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 12.0, 24.0};

}  // namespace qantar::core
