#include "core/time/playback.hpp"

#include <algorithm>
#include <cmath>

namespace qantar::core {

void PlaybackClock::seek(Instant t) { now = std::clamp(t, rangeStart, rangeEnd); }

void PlaybackClock::advance(double realSeconds) {
    if (!playing || !(realSeconds > 0.0) || !(rangeStart < rangeEnd)) return;
    const auto step = static_cast<std::int64_t>(std::llround(realSeconds * simSecondsPerSecond));
    Instant next = now + Duration{step};
    if (next >= rangeEnd) {
        if (loop) {
            const std::int64_t span = (rangeEnd - rangeStart).seconds;
            next = rangeStart + Duration{(next - rangeStart).seconds % span};
        } else {
            next = rangeEnd;
            playing = false;
        }
    }
    now = next;
}

}  // namespace qantar::core
