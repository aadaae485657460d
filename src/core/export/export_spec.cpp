#include "core/export/export_spec.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace qantar::core {

namespace {

std::string lowerExtension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string ext = path.substr(dot);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

std::string withoutExtension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == 0 ||
        (slash != std::string::npos && dot == slash + 1)) {
        return path;
    }
    return path.substr(0, dot);
}

// Digits only, at most `maxDigits`, as a number; nothing otherwise.
std::optional<int> smallNumber(const std::string& s, std::size_t maxDigits) {
    if (s.empty() || s.size() > maxDigits) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace

const std::vector<ExportPreset>& exportPresets() {
    static const std::vector<ExportPreset> kPresets = {
        {"720p", 1280, 720, "1280 x 720 (720p, web and small slides)"},
        {"1080p", 1920, 1080, "1920 x 1080 (1080p, slides and video)"},
        {"4k", 3840, 2160, "3840 x 2160 (4K, large screens)"},
        {"8k", 7680, 4320, "7680 x 4320 (8K, very large prints)"},
        {"slide-4x3", 1600, 1200, "1600 x 1200 (4:3 slides)"},
        {"square", 1080, 1080, "1080 x 1080 (square)"},
        {"a4-landscape", 3508, 2480, "3508 x 2480 (A4 landscape, 300 dpi)"},
        {"a4-portrait", 2480, 3508, "2480 x 3508 (A4 portrait, 300 dpi)"},
        {"a5-landscape", 2480, 1748, "2480 x 1748 (A5 landscape, 300 dpi)"},
    };
    return kPresets;
}

const ExportPreset* findPreset(const std::string& name) {
    for (const auto& p : exportPresets()) {
        if (name == p.name) return &p;
    }
    return nullptr;
}

const ExportPreset* presetOfSize(int widthPx, int heightPx) {
    for (const auto& p : exportPresets()) {
        if (p.widthPx == widthPx && p.heightPx == heightPx) return &p;
    }
    return nullptr;
}

Status checkExportSize(int widthPx, int heightPx) {
    if (widthPx < kMinExportWidth || heightPx < kMinExportHeight || widthPx > kMaxExportWidth ||
        heightPx > kMaxExportHeight) {
        return Error{ErrorKind::BadArgument, std::to_string(widthPx) + "x" + std::to_string(heightPx) + " is outside " +
                                                 std::to_string(kMinExportWidth) + "x" + std::to_string(kMinExportHeight) +
                                                 " .. " + std::to_string(kMaxExportWidth) + "x" +
                                                 std::to_string(kMaxExportHeight)};
    }
    return std::nullopt;
}

Expected<std::pair<int, int>> parseExportSize(const std::string& text) {
    const auto x = text.find_first_of("xX");
    const auto w = x == std::string::npos ? std::nullopt : smallNumber(text.substr(0, x), 5);
    const auto h = x == std::string::npos ? std::nullopt : smallNumber(text.substr(x + 1), 5);
    if (!w || !h) {
        return Error{ErrorKind::BadArgument, "expected WIDTHxHEIGHT such as 1920x1080, got '" + text + "'"};
    }
    if (auto err = checkExportSize(*w, *h)) return *err;
    return std::make_pair(*w, *h);
}

Expected<OverlaySet> parseOverlaySet(const std::string& text, bool haveTitle) {
    OverlaySet set;
    if (text.empty() || text == "auto") {
        set.title = haveTitle;
        return set;
    }
    if (text == "all") return OverlaySet{true, true, true, true, true, true};
    set = OverlaySet{false, false, false, false, false, false};
    if (text == "none") return set;
    std::stringstream ss(text);
    std::string word;
    while (std::getline(ss, word, ',')) {
        if (word == "title") set.title = true;
        else if (word == "time") set.time = true;
        else if (word == "legend") set.legend = true;
        else if (word == "scale") set.scale = true;
        else if (word == "north") set.north = true;
        else if (word == "attribution") set.attribution = true;
        else {
            return Error{ErrorKind::BadArgument, "unknown overlay '" + word +
                                                     "' (use title, time, legend, scale, north, attribution, all, "
                                                     "none or auto)"};
        }
    }
    return set;
}

bool writesVideo(ExportKind kind) { return kind == ExportKind::Video || kind == ExportKind::StoryVideo; }

bool writesFolder(ExportKind kind) { return kind == ExportKind::Sequence || kind == ExportKind::StorySlides; }

std::optional<ExportProblem> exportProblem(const ExportSpec& spec) {
    auto bad = [](ExportField f, const std::string& m) { return ExportProblem{f, m}; };
    if (auto err = checkExportSize(spec.widthPx, spec.heightPx)) return bad(ExportField::Size, err->message);
    if (spec.out.empty()) {
        return bad(ExportField::Out, writesFolder(spec.kind) ? "choose a folder to write the frames into"
                                                             : "choose a file to write the export to");
    }
    if (writesVideo(spec.kind)) {
        if (spec.fps < kMinExportFps || spec.fps > kMaxExportFps) {
            return bad(ExportField::Fps, "expected " + std::to_string(kMinExportFps) + " to " +
                                             std::to_string(kMaxExportFps) + " frames per second, got " +
                                             std::to_string(spec.fps));
        }
        const std::string ext = lowerExtension(spec.out);
        if (ext != ".mp4" && ext != ".gif") {
            return bad(ExportField::Out,
                       spec.out + ": a video is written as .mp4 (H.264) or .gif; give the file one of those extensions");
        }
    }
    if ((spec.kind == ExportKind::Sequence || spec.kind == ExportKind::Video) && !spec.times.empty()) {
        if (spec.times.size() > kMaxExportFrames) {
            return bad(ExportField::Range, "the sequence would have " + std::to_string(spec.times.size()) +
                                               " frames (at most " + std::to_string(kMaxExportFrames) + ")");
        }
    } else if (spec.kind == ExportKind::Sequence || spec.kind == ExportKind::Video) {
        if (spec.step.seconds <= 0) return bad(ExportField::Step, "the step between frames must be longer than zero");
        if (spec.to < spec.from) return bad(ExportField::Range, "the end of the sequence is earlier than its start");
        const std::int64_t frames = (spec.to - spec.from).seconds / spec.step.seconds + 1;
        if (static_cast<std::uint64_t>(frames) > kMaxExportFrames) {
            return bad(ExportField::Step, "the sequence would have " + std::to_string(frames) + " frames (at most " +
                                              std::to_string(kMaxExportFrames) + "); use a longer step");
        }
    }
    if (spec.grid) {
        if (spec.kind != ExportKind::Image) return bad(ExportField::Grid, "a grid of panels is written as one PNG image");
        if (auto err = checkGridTimes(spec.times, *spec.grid)) return bad(ExportField::Grid, err->message);
    }
    if (spec.kind == ExportKind::Timeline && spec.to < spec.from) {
        return bad(ExportField::Range, "the end of the timeline is earlier than its start");
    }
    if (spec.kind == ExportKind::StorySlides || spec.kind == ExportKind::StoryVideo) {
        if (!spec.story || spec.story->scenes.empty()) return bad(ExportField::Story, "the story has no scenes to export");
        if (spec.scene < 0) return bad(ExportField::Scene, "scene numbers start at 1");
        if (spec.scene > static_cast<int>(spec.story->scenes.size())) {
            return bad(ExportField::Scene, "the story has " + std::to_string(spec.story->scenes.size()) + " scenes");
        }
    }
    return std::nullopt;
}

Status checkExportSpec(const ExportSpec& spec) {
    if (auto p = exportProblem(spec)) return Error{ErrorKind::BadArgument, p->message};
    return std::nullopt;
}

std::size_t frameCount(const ExportSpec& spec) {
    switch (spec.kind) {
        case ExportKind::Image:
        case ExportKind::Timeline: return 1;
        case ExportKind::Sequence:
        case ExportKind::Video:
            if (!spec.times.empty()) return spec.times.size();
            if (spec.step.seconds <= 0 || spec.to < spec.from) return 0;
            return static_cast<std::size_t>((spec.to - spec.from).seconds / spec.step.seconds + 1);
        case ExportKind::StorySlides:
            if (!spec.story) return 0;
            return spec.scene > 0 ? 1 : spec.story->scenes.size();
        case ExportKind::StoryVideo: return 0;
    }
    return 0;
}

Instant sequenceTime(const ExportSpec& spec, std::size_t index) {
    if (!spec.times.empty()) return spec.times[std::min(index, spec.times.size() - 1)];
    return spec.from + Duration{spec.step.seconds * static_cast<std::int64_t>(index)};
}

std::string frameFileName(ExportKind kind, std::size_t index, std::size_t total) {
    const bool slides = kind == ExportKind::StorySlides;
    const std::size_t width = std::max<std::size_t>(slides ? 2 : 4, std::to_string(total).size());
    std::string digits = std::to_string(index + 1);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return std::string(slides ? "scene_" : "frame_") + digits + ".png";
}

float pixelScaleForSize(int widthPx, int heightPx) {
    const float s = std::min(static_cast<float>(widthPx) / 1920.0f, static_cast<float>(heightPx) / 1080.0f);
    return std::max(0.75f, s);
}

float exportPixelScale(const ExportSpec& spec) {
    return spec.dpi > 0 ? pixelScaleForDpi(spec.dpi) : pixelScaleForSize(spec.widthPx, spec.heightPx);
}

Camera exportCamera(const ExportSpec& spec, const MapScene& scene) {
    if (spec.view && spec.view->fit) {
        // The whole box, with a thin margin, at whatever aspect the frame has.
        Camera cam({0, 0}, 5000.0, spec.widthPx, spec.heightPx);
        cam.setBounds(scene.viewBounds);
        cam.fit(*spec.view->fit, 0.02 * std::min(spec.widthPx, spec.heightPx));
        return cam;
    }
    if (spec.view) {
        Camera cam(spec.view->center, spec.view->spanMeters / std::max(1, spec.heightPx), spec.widthPx, spec.heightPx);
        cam.setBounds(scene.viewBounds);
        return cam;
    }
    Camera cam({0, 0}, 5000.0, spec.widthPx, spec.heightPx);
    cam.setBounds(scene.viewBounds);
    cam.fit(scene.kazakhstanBox, 0.04 * std::min(spec.widthPx, spec.heightPx));
    return cam;
}

std::string withExtensionFor(ExportKind kind, const std::string& path) {
    if (path.empty()) return path;
    const std::string ext = lowerExtension(path);
    const std::string stem = withoutExtension(path);
    if (writesFolder(kind)) return stem;
    if (writesVideo(kind)) return ext == ".mp4" || ext == ".gif" ? path : stem + ".mp4";
    return ext == ".png" ? path : stem + ".png";
}

}  // namespace qantar::core
