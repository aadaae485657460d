#pragma once
#include <string>

namespace qantar::app {

struct GuiOptions {
    std::string assets;          // empty: find automatically
    std::string data;            // event file; empty: the bundled dataset
    std::string time;            // initial moment (ISO 8601; Almaty time without an offset)
    std::string theme = "dark";
    int widthPx = 1600;          // initial window size
    int heightPx = 900;
    int msaaSamples = 4;         // multisampling of the settled map view (1 = off)
    int benchmarkFrames = 0;     // > 0: draw this many frames, print frame-time statistics as JSON, exit
    bool benchmarkPlay = false;  // benchmark with the clock playing instead of the map panning
    bool printView = false;      // print the final view and time as JSON on exit (end-to-end tests)
    bool present = false;        // start in presentation mode
    std::string story;           // story file to open (default: the bundled story, when present)
};

// Opens the window and runs until the user quits. Returns the process exit code.
int runGui(const GuiOptions& options);

}  // namespace qantar::app
