#pragma once
#include <array>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/time/time_axis.hpp"
#include "ui/app_state.hpp"
#include "ui/style.hpp"

namespace qantar::ui {

// The timeline at the bottom of the window, in the manner of a profiler's timeline: day and hour
// ticks, one lane per category with event marks (dense marks fold; hover for titles), bands for
// internet connectivity and curfew hours, and the playback controls (play/pause, speed, loop,
// previous/next event, the display zone, a field to type a moment) with the current time written
// large. Drag or click to scrub, wheel to zoom the time axis, right-drag to pan it. Whenever the
// clock jumps out of view (a step, a selection, a typed moment, playback) the axis follows it.
// Only the events the list's filter shows have marks.
class TimelinePanel {
public:
    void draw(AppState& state, const Fonts& fonts);
    // Forget the visible span (a new dataset): the next draw shows its whole coverage.
    void reset() { m_axisReady = false; }
    // The visible span (for tests: the playhead must stay on it).
    const core::TimeAxis& axis() const { return m_axis; }
    // Why the moment typed in the Go to box was not understood (empty when it was).
    const std::string& timeError() const { return m_timeError; }

private:
    void drawControls(AppState& state, const Fonts& fonts);
    void drawCanvas(AppState& state);
    void ensureAxis(const AppState& state, double x0, double width);

    core::TimeAxis m_axis;
    bool m_axisReady = false;
    double m_axisX0 = 0, m_axisWidth = 0;
    std::int64_t m_lastNow = 0;  // the clock at the last draw: the axis follows it when it moves
    bool m_scrubbing = false;
    char m_timeText[96] = "";
    std::string m_timeError;
    // What the lanes show for one window of time at one width, kept while neither changes (a
    // playing clock moves only the cursor): with a million events, finding and sorting them
    // per frame would cost more than everything else in the window.
    struct Lanes {
        const core::EventWorld* world = nullptr;
        std::uint64_t generation = 0;
        std::uint64_t shownSerial = 0;
        std::int64_t start = 0, end = 0;
        float trackX = 0.0f, trackW = 0.0f;
        std::vector<std::uint32_t> internet, curfews;  // the bands' events overlapping the window
        std::vector<core::Interval> nights;            // the curfews' nights in the window
        std::array<std::vector<std::uint32_t>, core::kCategoryCount> laneEvents;  // per lane, ascending
        std::array<std::vector<double>, core::kCategoryCount> xs;              // their start x
        std::array<std::vector<core::DepthRun>, core::kCategoryCount> runs;    // extent bars
        std::array<std::vector<std::pair<std::uint32_t, std::uint32_t>>, core::kCategoryCount> folds;
    };
    const Lanes& lanesFor(const AppState& state, float trackX, float trackW);
    Lanes m_lanes;
    // The axis's ticks, chosen again only when the window of time, its width, the zone or the
    // label sizes change.
    std::vector<core::Tick> m_ticks;
    std::int64_t m_ticksStart = 0, m_ticksEnd = 0;
    double m_ticksX0 = -1, m_ticksWidth = -1, m_ticksMinor = -1, m_ticksMajor = -1;
    int m_ticksZone = 0;
    // The current moment as written, kept while the clock stands still.
    std::string m_nowText;
    std::int64_t m_nowTextAt = 0;
    int m_nowTextZone = 0;
};

}  // namespace qantar::ui
