#pragma once
// What the window can report about itself for benchmarks, end-to-end tests and layout checks:
// frame-time statistics, the final view, and a report of every window and interactive item.
#include <string>
#include <vector>

#include "app/session.hpp"
#include "core/io/error.hpp"

namespace qantar::app {

// Per-frame times for --benchmark-frames: the whole frame until the GL work has finished, the
// CPU part until the frame is handed to the swap, and GL_TIME_ELAPSED where there are timer queries.
class FrameStats {
public:
    void add(double frameMs, double cpuMs, std::optional<double> gpuMs);
    std::size_t count() const { return m_frame.size(); }
    // One JSON line with medians and 95th percentiles, and the GL renderer's name.
    std::string json(const std::string& glRenderer) const;

private:
    std::vector<double> m_frame, m_cpu, m_gpu;
};

// --print-view: the final view, time and state as one JSON line.
std::string viewJson(const Session& session);

// --layout-report: every window drawn over the map ({"name", "rect": [x, y, w, h]}, back to
// front) and every interactive item with the window that holds it ({"window", "label", "rect"}),
// as ImGui drew them in the last frame (the ItemProbe must have been on).
std::string layoutReportJson(int widthPx, int heightPx);
core::Status writeLayoutReport(const std::string& path, int widthPx, int heightPx);

// --state-file: {"view": the --print-view object, "layout": the layout report, "settled": bool},
// so an end-to-end test waits for the state it needs instead of a number of seconds.
std::string stateJson(const Session& session, int widthPx, int heightPx);

}  // namespace qantar::app
