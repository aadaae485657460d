#pragma once
// File > Export: an image at any size (the same presets as the command line), a sequence of PNGs,
// a video, or the story as slides or as a video, with the furniture to burn in. The dialog fills
// one core::ExportSpec and asks for it (action::StartExport); the app's session renders it frame
// by frame and reports progress here, so the window stays responsive and Cancel works. Every path
// shown is absolute, chosen with a file browser that remembers its folder.
#include <string>

#include "core/export/export_spec.hpp"
#include "ui/app_state.hpp"
#include "ui/file_browser.hpp"

namespace qantar::ui {

class ExportDialog {
public:
    void open(const AppState& state);
    void draw(AppState& state);
    bool isOpen() const { return m_open; }

    // The spec of the last export asked for, and the fields as typed (for tests).
    const core::ExportSpec& spec() const { return m_spec; }
    const std::string& path() const { return m_path; }
    const std::string& fromText() const { return m_from; }
    const std::string& toText() const { return m_to; }
    const std::string& timelineFromText() const { return m_timelineFrom; }
    const std::string& timelineToText() const { return m_timelineTo; }
    const std::string& error() const { return m_error; }

private:
    // Fills m_spec from the typed fields; the problem, if any, is left in m_error.
    bool buildSpec(AppState& state);
    void setKind(core::ExportKind kind);
    // The moments to export (one, a range and step, or the story's scenes) and the frame rate.
    void drawMoments(AppState& state);
    // Where to write, with the file browser; true when the browser was open at the frame's start.
    bool drawOutput(AppState& state);

    bool m_open = false;
    bool m_justOpened = false;
    core::ExportSpec m_spec;
    int m_preset = 1;                 // index into core::exportPresets(), or -1 for a custom size
    char m_size[32] = "1920x1080";
    bool m_useView = true;
    bool m_useFilter = true;
    bool m_titleBox = true;
    std::string m_path;
    std::string m_title, m_subtitle;
    std::string m_time, m_from, m_to, m_step = "1h";
    std::string m_timelineFrom, m_timelineTo;  // the timeline figure's range: the timeline's, at opening
    std::string m_error;
    FileBrowser m_browser;
};

}  // namespace qantar::ui
