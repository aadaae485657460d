#pragma once
#include <string>

namespace qantar::app {

struct GuiOptions {
    std::string assets;          // empty: find automatically
    std::string theme = "dark";
    int widthPx = 1600;          // initial window size
    int heightPx = 900;
    int benchmarkFrames = 0;     // > 0: draw this many frames (the map redrawn every frame, panning),
                                 // print frame-time statistics and exit
    bool printView = false;
    int msaaSamples = 4;         // multisampling of the map view (1 = off)      // print the final view as JSON on exit (used by end-to-end tests)
};

// Opens the window and runs until the user quits. Returns the process exit code.
int runGui(const GuiOptions& options);

}  // namespace qantar::app
