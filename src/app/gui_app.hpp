#pragma once
// The window: qantar as a desktop program. A shell around the session (app/session.hpp): it opens
// the window, starts loading, runs the frame loop, and reports (benchmarks, the final view, the
// layout) when asked.
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace qantar::app {

struct GuiOptions {
    std::string assets;          // empty: find automatically
    std::string data;            // event file; empty: the last dataset opened, else the bundled one
    std::string time;            // initial moment (ISO 8601; Almaty time without an offset)
    std::string theme;           // empty: the theme of the last run (dark the first time)
    int widthPx = 0;             // initial window size; 0: the last run's (1600x900 the first time),
    int heightPx = 0;            // never larger than the screen
    int msaaSamples = 4;         // multisampling of the settled map view (1 = off)
    int benchmarkFrames = 0;     // > 0: draw this many frames, print frame-time statistics as JSON, exit
    bool benchmarkPlay = false;  // benchmark with the clock playing instead of the map panning
    bool printView = false;      // print the final view and time as JSON on exit (end-to-end tests)
    bool present = false;        // start in presentation mode
    std::size_t syntheticEvents = 0;  // > 0: benchmark with this many synthetic events instead of a file
    bool firstFrameBenchmark = false; // print the time from start to the first frame on screen, and exit
    std::string story;           // story file to open (default: the bundled story, when present)
    std::vector<std::string> imports;     // sources to merge into the events at start (as a file drop does)
    std::vector<std::string> boundaries;  // boundary layers to draw at start
    std::string layoutReport;    // open as a first start would, write the layout report here, and exit
    std::string screenshot;      // write the window's first settled frame as a PNG here, and exit
    std::string stateFile;       // keep the view and the layout, as JSON, in this file while running
    float uiScale = 0.0f;        // 0: from the screen
};

// Opens the window and runs until the user quits. Returns the process exit code.
// `processStart` is when main() began, for the start-up benchmark.
int runGui(const GuiOptions& options,
           std::chrono::steady_clock::time_point processStart = std::chrono::steady_clock::now());

}  // namespace qantar::app
