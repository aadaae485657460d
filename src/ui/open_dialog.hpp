#pragma once
// File > Open or import events: our own JSON format, or anything GDAL reads (ACLED CSV, GeoJSON
// with time properties, KML/KMZ, a PostGIS "PG:" connection), chosen with a file browser or typed;
// replace the events or merge into them; or draw a boundary layer. When no time field can be
// detected, the dialog offers that source's fields to pick from. It shows only the outcome of what
// was opened from it this time, never an earlier import's message or field list.
#include <string>

#include "ui/app_state.hpp"
#include "ui/file_browser.hpp"

namespace qantar::ui {

class OpenDialog {
public:
    // A fresh dialog; with `withLastImport`, about the last import (its source, message, fields).
    void open(const AppState& state, bool withLastImport = false);
    void draw(AppState& state);
    bool isOpen() const { return m_open; }
    // The import message the dialog shows now (empty when it shows none), and whether it offers
    // the source's fields to pick (for tests).
    const std::string& shownMessage() const { return m_shownMessage; }
    bool offersFields() const { return m_offersFields; }

private:
    bool m_open = false;
    bool m_justOpened = false;
    std::string m_source;
    std::string m_layer;
    int m_timeField = -1, m_endField = -1;
    int m_mode = 1;  // 0 replace, 1 merge
    int m_what = 0;  // 0 events, 1 boundary layer
    std::string m_asked;  // the source opened from this dialog since it was shown ("" : none yet)
    FileBrowser m_browser;
    std::string m_shownMessage;
    bool m_offersFields = false;
};

}  // namespace qantar::ui
