#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "core/time_axis.hpp"
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
    std::vector<std::uint32_t> m_visible;  // scratch: events in the visible window
};

}  // namespace qantar::ui
