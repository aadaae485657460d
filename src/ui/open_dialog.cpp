#include "ui/open_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/app_state.hpp"

namespace qantar::ui {

void OpenDialog::open() {
    m_open = true;
    m_justOpened = true;
}

void OpenDialog::draw(AppState& state) {
    ImportStatus& status = state.importStatus;
    if (status.needsFields && !m_open) open();
    if (m_justOpened) {
        ImGui::OpenPopup("Open or import events");
        m_justOpened = false;
    }
    if (!ImGui::BeginPopupModal("Open or import events", &m_open, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("A qantar event file, an ACLED CSV export, GeoJSON or KML/KMZ with times, any file GDAL\n"
                           "reads, or a database: PG:host=... dbname=... (then give the table as the layer).");
    ImGui::SetNextItemWidth(520);
    ImGui::InputTextWithHint("Source", "/path/to/acled_export.csv", &m_source);
    ImGui::SetNextItemWidth(240);
    ImGui::InputTextWithHint("Layer (optional)", "table or layer name", &m_layer);
    ImGui::RadioButton("Events", &m_what, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Boundary layer (GeoJSON, Shapefile, GeoPackage)", &m_what, 1);
    if (m_what == 0) {
        ImGui::RadioButton("Replace the events", &m_mode, 0);
        ImGui::SameLine();
        ImGui::RadioButton("Merge with the events", &m_mode, 1);
    }
    if (status.needsFields && !status.fields.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted("Which fields hold the times?");
        auto combo = [&](const char* label, int& index, bool optional) {
            const char* preview = index >= 0 && index < static_cast<int>(status.fields.size())
                                      ? status.fields[static_cast<std::size_t>(index)].c_str()
                                      : (optional ? "(none)" : "choose...");
            ImGui::SetNextItemWidth(260);
            if (ImGui::BeginCombo(label, preview)) {
                if (optional && ImGui::Selectable("(none)", index < 0)) index = -1;
                for (int i = 0; i < static_cast<int>(status.fields.size()); ++i) {
                    if (ImGui::Selectable(status.fields[static_cast<std::size_t>(i)].c_str(), i == index)) index = i;
                }
                ImGui::EndCombo();
            }
        };
        combo("Start (or only) time", m_timeField, false);
        combo("End time", m_endField, true);
    }
    if (!status.message.empty()) ImGui::TextWrapped("%s", status.message.c_str());
    if (ImGui::Button("Open", ImVec2(120, 0)) && !m_source.empty()) {
        ImportRequest& r = state.importRequest;
        r.requested = true;
        r.source = m_source;
        r.layer = m_layer;
        r.merge = m_mode == 1;
        r.boundaries = m_what == 1;
        r.timeField = status.needsFields && m_timeField >= 0 ? status.fields[static_cast<std::size_t>(m_timeField)] : "";
        r.endField = status.needsFields && m_endField >= 0 ? status.fields[static_cast<std::size_t>(m_endField)] : "";
    }
    ImGui::SameLine();
    if (ImGui::Button("Close", ImVec2(120, 0))) {
        m_open = false;
        status.needsFields = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace qantar::ui
