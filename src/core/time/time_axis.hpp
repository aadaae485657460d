#pragma once
// The timeline's horizontal axis: time ↔ pixel conversion, tick choice and folding of dense
// marks. Pure, so the panel's geometry is tested without a window.
#include <cstdint>
#include <string>
#include <vector>

#include "core/time/time.hpp"

namespace qantar::core {

class TimeAxis {
public:
    TimeAxis() = default;
    // [start, end) drawn across `widthPx` pixels starting at x = `x0`.
    TimeAxis(Instant start, Instant end, double x0, double widthPx);

    Instant start() const { return m_start; }
    Instant end() const { return m_end; }
    double secondsPerPixel() const { return m_spp; }
    double toX(Instant t) const;
    Instant toTime(double x) const;

    // Zooms by `factor` (> 1 zooms in) keeping the time under `x` fixed; the span is clamped to
    // [kMinSpan, kMaxSpan].
    void zoomAbout(double x, double factor);
    // Shifts the window by `dxPx` pixels (drag right → earlier times come into view).
    void panByPixels(double dxPx);
    // Keeps `t` (a playhead) in view without changing the span or the pixel mapping's width:
    // nothing moves while start <= t < end; past the end, the window moves on so that `t` sits
    // 10% of the span from the left, leaving room for what follows; before the start, it moves
    // back so that `t` sits at 90%.
    void keepInView(Instant t);

    static constexpr Duration kMinSpan = Duration::minutes(30);
    static constexpr Duration kMaxSpan = Duration::days(120);

private:
    Instant m_start, m_end;
    double m_x0 = 0.0, m_width = 1.0, m_spp = 1.0;
};

struct Tick {
    Instant t;
    bool major;         // a day boundary while hours are labelled; a labelled day (or 1st of a month) otherwise
    std::string label;  // "Wed 5 Jan" or "1 Feb" for majors, "06:00" for minors; empty when unlabelled
};

// Ticks in [start, end) of the axis in `zone`, in time order. `minorLabelPx` and `majorLabelPx`
// are the room a minor label ("06:00") and a major one ("Wed 29 Sep") need, gap included, in
// pixels (at least 4 is used). Guarantee: a labelled tick is at least its label's room away from the next labelled
// tick, so labels drawn to the right of their ticks never overprint. Hours are labelled with the
// finest unit (15 minutes to 12 hours) that leaves minors their room; the minors under a day's
// label lose theirs. When hours are too dense, days are labelled: every day, every second day,
// Mondays, then the 1st of each month (skipping those too close to the one before), with
// unlabelled day (and month) lines kept where they are at least 4 px apart. At least one tick is labelled
// whenever a tick or a day boundary falls in view.
std::vector<Tick> chooseTicks(const TimeAxis& axis, ZoneOffset zone, double minorLabelPx = 60.0,
                              double majorLabelPx = 90.0);

// Marks closer than `minGapPx` fold into one: given x positions sorted ascending, returns
// [first, last) index runs, one per drawn mark.
std::vector<std::pair<std::uint32_t, std::uint32_t>> foldMarks(const std::vector<double>& xs, double minGapPx = 3.0);

// How many of the spans [start, end) (in pixels) cover each whole pixel column of [left, right),
// as runs of equal depth: what stacking one translucent bar per span would paint, computed in
// O(spans + width) so a lane of a million events costs one rectangle per change of depth.
struct DepthRun {
    int x0, x1;  // pixel columns [x0, x1)
    int depth;   // spans covering them (> 0)
};
std::vector<DepthRun> coverageRuns(const std::vector<std::pair<double, double>>& spans, int left, int right);

}  // namespace qantar::core
