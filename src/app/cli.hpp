#pragma once
// Headless commands. Each returns the process exit code; failures print one clear line on stderr.
#include <string>

namespace qantar::app {

struct ExportOptions {
    std::string size = "1920x1080";  // WxH
    std::string out;                 // PNG path
    std::string theme = "dark";
    std::string assets;              // empty: find automatically
    std::string time;                // ISO 8601 moment to show events at; empty: map only
    std::string data;                // event file; empty: the bundled dataset
};

int runExport(const ExportOptions& options);

// "1920x1080" → width, height within the export limits; false with a message otherwise.
bool parseSize(const std::string& text, int& width, int& height, std::string& message);

}  // namespace qantar::app

namespace qantar::app {

struct StateOptions {
    std::string at;      // ISO 8601; without an offset, Almaty time
    std::string data;    // empty: the bundled dataset
    std::string assets;
    bool json = true;
};
// Prints the events shown at a moment and the counters, as JSON on stdout.
int runState(const StateOptions& options);

// Checks an event file; prints every problem (file:line: ...) and exits 1 if there are any.
int runValidate(const std::string& path);

}  // namespace qantar::app
