#include "app/cli.hpp"

#include <cstdio>
#include <regex>

#include "render/snapshot.hpp"

namespace qantar::app {

const std::vector<ExportPreset>& exportPresets() {
    static const std::vector<ExportPreset> kPresets = {
        {"720p", 1280, 720, "web, small slides"},
        {"1080p", 1920, 1080, "slides (16:9), video"},
        {"4k", 3840, 2160, "large screens, print at A4 landscape ~330 dpi"},
        {"8k", 7680, 4320, "very large prints"},
        {"slide-4x3", 1600, 1200, "4:3 slides"},
        {"square", 1080, 1080, "social media"},
        {"a4-landscape", 3508, 2480, "A4 landscape at 300 dpi"},
        {"a4-portrait", 2480, 3508, "A4 portrait at 300 dpi"},
        {"a5-landscape", 2480, 1748, "A5 landscape at 300 dpi, report figures"},
    };
    return kPresets;
}

bool parseSize(const std::string& text, int& width, int& height, std::string& message) {
    static const std::regex kSize(R"(^([0-9]{1,5})[xX]([0-9]{1,5})$)");
    std::smatch m;
    if (!std::regex_match(text, m, kSize)) {
        message = "--size: expected WIDTHxHEIGHT such as 1920x1080, got '" + text + "'";
        return false;
    }
    width = std::stoi(m[1].str());
    height = std::stoi(m[2].str());
    if (width < render::kMinExportWidth || height < render::kMinExportHeight || width > render::kMaxExportWidth ||
        height > render::kMaxExportHeight) {
        message = "--size: " + text + " is outside " + std::to_string(render::kMinExportWidth) + "x" +
                  std::to_string(render::kMinExportHeight) + " .. " + std::to_string(render::kMaxExportWidth) + "x" +
                  std::to_string(render::kMaxExportHeight);
        return false;
    }
    return true;
}

}  // namespace qantar::app
