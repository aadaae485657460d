#pragma once
// File > Export: an image at any size (presets for reports and slides), a sequence of PNGs or a
// video, with the overlays to burn in. The panel only fills in a request; the app shell renders
// it frame by frame and reports progress here, so the window stays responsive and Cancel works.
#include <string>

#include "core/map/theme.hpp"
#include "core/time/time.hpp"

namespace qantar::ui {

struct AppState;

enum class ExportKind { Image, Sequence, Video };

struct ExportRequest {
    ExportKind kind = ExportKind::Image;
    int widthPx = 1920, heightPx = 1080;
    core::ThemeId theme = core::ThemeId::Light;
    bool transparent = false;
    std::string title, subtitle;
    bool overlayTitle = true, overlayTime = true, overlayLegend = true, overlayScale = true, overlayNorth = true,
         overlayAttribution = true;
    bool useCurrentView = true;  // the window's view; otherwise Kazakhstan fitted
    core::Instant time;          // image
    core::Instant from, to;      // sequence / video
    core::Duration step = core::Duration::hours(1);
    int fps = 10;
    std::string path;            // PNG file, directory, or video file
};

struct ExportJob {
    bool requested = false;   // set by the dialog, taken by the app
    ExportRequest request;
    bool running = false;
    bool cancelRequested = false;
    std::size_t done = 0, total = 0;
    double etaSeconds = 0.0;
    std::string message;      // the last result or error
};

class ExportDialog {
public:
    void open(const AppState& state);
    void draw(AppState& state);

private:
    bool m_open = false;
    bool m_justOpened = false;
    int m_preset = 1;
    char m_path[512] = "";
    char m_title[256] = "";
    char m_subtitle[256] = "";
    char m_from[64] = "", m_to[64] = "", m_step[32] = "1h";
    std::string m_error;
};

}  // namespace qantar::ui
