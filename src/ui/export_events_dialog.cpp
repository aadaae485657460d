#include "ui/export_events_dialog.hpp"

#include <vector>

#include "core/export/data_export.hpp"
#include "core/io/directory_listing.hpp"

namespace qantar::ui {

void ExportEventsDialog::open(const AppState& state) {
    if (!state.world) return;  // the menu item is greyed out then
    const std::string dir = state.exportFolder.empty() ? core::homeDirectory() : state.exportFolder;
    m_browser.open(FileBrowser::Mode::Save, "Export events###export_events_browse", dir, "events.geojson",
                   {{"GeoJSON (QGIS, kepler.gl, Leaflet)", {".geojson", ".json"}},
                    {"KML (Google Earth)", {".kml"}},
                    {"CSV (ACLED's column names)", {".csv"}},
                    {"GeoPackage", {".gpkg"}}},
                   {{"Home", core::homeDirectory()}});
}

void ExportEventsDialog::draw(AppState& state) {
    auto chosen = m_browser.draw();
    if (!chosen) return;
    state.exportFolder = m_browser.directory();
    if (!state.world) return;
    const core::Dataset& data = state.world->data();
    std::vector<std::size_t> events;
    for (std::size_t i = 0; i < data.events.size(); ++i)
        if (state.isShown(static_cast<std::uint32_t>(i))) events.push_back(i);
    m_lastPath = *chosen;
    auto written = core::exportEventData(data, events, *chosen);
    if (!written) {
        m_lastMessage = "Events not exported: " + written.error().message;
        state.notify(m_lastMessage, 8.0);
        return;
    }
    m_lastMessage = "Exported " + std::to_string(written->events) + " events as " +
                    core::dataFormatName(written->format) + " to " + *chosen;
    if (written->withoutPoint) {
        m_lastMessage += " (" + std::to_string(written->withoutPoint) + " placed only in a country, with no geometry)";
    }
    state.notify(m_lastMessage, 6.0);
}

}  // namespace qantar::ui
