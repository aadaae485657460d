#pragma once
// File > Export events: the events the list shows (its filter applied) written to a file chosen
// with the file browser, as GeoJSON, KML, CSV or GeoPackage by the name's extension
// (core/export/data_export.hpp, the same code as `qantar export-data`). The outcome is a notice
// at the bottom of the map.
#include <string>

#include "ui/app_state.hpp"
#include "ui/file_browser.hpp"

namespace qantar::ui {

class ExportEventsDialog {
public:
    void open(const AppState& state);
    void draw(AppState& state);
    bool isOpen() const { return m_browser.isOpen(); }
    // The last file written and what was said about it (for tests).
    const std::string& lastPath() const { return m_lastPath; }
    const std::string& lastMessage() const { return m_lastMessage; }

private:
    FileBrowser m_browser;
    std::string m_lastPath, m_lastMessage;
};

}  // namespace qantar::ui
