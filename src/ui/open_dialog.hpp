#pragma once
// File > Open or import events: our own JSON format, or anything GDAL reads (ACLED CSV, GeoJSON
// with time properties, KML/KMZ, a PostGIS "PG:" connection). Replace the dataset or merge into
// it. When the time fields cannot be detected, the dialog offers the source's fields to pick.
#include <string>
#include <vector>

namespace qantar::ui {

struct AppState;

struct ImportRequest {
    bool requested = false;      // set by the dialog or a file drop, taken by the app
    std::string source;          // a path or an OGR connection string
    bool merge = true;           // merge into the current dataset, or replace it
    bool boundaries = false;     // a boundary layer (polygons drawn as outlines) rather than events
    std::string layer, timeField, endField;
};

struct ImportStatus {
    std::string message;                // the last import's report or error
    std::vector<std::string> fields;    // offered when the time fields could not be detected
    bool needsFields = false;
};

class OpenDialog {
public:
    void open();
    void draw(AppState& state);

private:
    bool m_open = false;
    bool m_justOpened = false;
    std::string m_source;
    std::string m_layer;
    int m_timeField = -1, m_endField = -1;
    int m_mode = 1;  // 0 replace, 1 merge
    int m_what = 0;  // 0 events, 1 boundary layer
};

}  // namespace qantar::ui
