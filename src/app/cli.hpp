#pragma once
// Headless commands. Each returns the process exit code; failures print one clear line on stderr.
#include <string>

namespace qantar::app {

struct ExportOptions {
    std::string size = "1920x1080";  // WxH
    std::string out;                 // PNG path
    std::string theme = "dark";
    std::string assets;              // empty: find automatically
};

int runExport(const ExportOptions& options);

// "1920x1080" → width, height within the export limits; false with a message otherwise.
bool parseSize(const std::string& text, int& width, int& height, std::string& message);

}  // namespace qantar::app
