#pragma once
#include <array>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/time/time_axis.hpp"
#include "ui/app_state.hpp"

namespace qantar::ui {

// The timeline at the bottom of the window, in the manner of a profiler's timeline: day and hour
// ticks, one lane per category with event marks (dense marks fold; hover for titles), bands for
// internet connectivity and curfew hours, and the playback controls (play/pause, speed, loop,
// previous/next event, a field to type an exact date-time) with the current time written large.
// Drag or click to scrub, wheel to zoom the time axis, right-drag to pan it.
class TimelinePanel {
public:
    // Draws the panel in the `height` pixels above `bottom` (the status line's top).
    void draw(AppState& state, float bottom, float height, ImFont* largeFont);
    // Global playback keys (Space, Left/Right), when no text field has the keyboard.
    void handleKeys(AppState& state);
    // Forget the visible span (a new dataset): the next draw shows its whole coverage.
    void reset() { m_axisReady = false; }

private:
    void drawControls(AppState& state, ImFont* largeFont);
    void drawCanvas(AppState& state);
    void ensureAxis(const AppState& state, double x0, double width);

    core::TimeAxis m_axis;
    bool m_axisReady = false;
    double m_axisX0 = 0, m_axisWidth = 0;
    bool m_scrubbing = false;
    char m_timeText[64] = "";
    std::string m_timeError;
    // What the lanes show for one window of time at one width, kept while neither changes (a
    // playing clock moves only the cursor): with a million events, finding and sorting them
    // per frame would cost more than everything else in the window.
    struct Lanes {
        const core::EventWorld* world = nullptr;
        std::size_t events = 0;
        std::int64_t start = 0, end = 0;
        float trackX = 0.0f, trackW = 0.0f;
        std::vector<std::uint32_t> internet, curfews;  // the bands' events overlapping the window
        std::array<std::vector<std::uint32_t>, core::kCategoryCount> laneEvents;  // per lane, ascending
        std::array<std::vector<double>, core::kCategoryCount> xs;              // their start x
        std::array<std::vector<core::DepthRun>, core::kCategoryCount> runs;    // extent bars
        std::array<std::vector<std::pair<std::uint32_t, std::uint32_t>>, core::kCategoryCount> folds;
    };
    const Lanes& lanesFor(const core::EventWorld& world, float trackX, float trackW);
    Lanes m_lanes;
};

}  // namespace qantar::ui
