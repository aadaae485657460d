#include "ui/open_dialog.hpp"

#include "core/io/directory_listing.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace qantar::ui {

void OpenDialog::open(const AppState& state, bool withLastImport) {
    m_open = true;
    m_justOpened = true;
    m_timeField = m_endField = -1;
    // A fresh dialog shows nothing from an earlier import as if it had just happened.
    m_asked.clear();
    if (withLastImport && !state.importStatus.source.empty()) {
        m_source = state.importStatus.source;
        m_asked = m_source;
        m_what = 0;
    }
}

void OpenDialog::draw(AppState& state) {
    const ImportStatus& status = state.importStatus;
    if (m_justOpened) {
        ImGui::OpenPopup("Open or import events###open_dialog");
        m_justOpened = false;
    }
    const core::ScreenRect& w = state.layout.window;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(w.w * 0.5), static_cast<float>(w.h * 0.5)), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(static_cast<float>(w.w) - 20.0f, static_cast<float>(w.h) - 20.0f));
    m_shownMessage.clear();
    m_offersFields = false;
    if (!ImGui::BeginPopupModal("Open or import events###open_dialog", &m_open, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const float em = ImGui::GetFontSize();
    ImGui::TextUnformatted("A qantar event file, an ACLED CSV export, GeoJSON or KML/KMZ with times, any file GDAL\n"
                           "reads, or a database: PG:host=... dbname=... (then give the table as the layer).");
    ImGui::SetNextItemWidth(em * 30.0f);
    ImGui::InputTextWithHint("##source", "/path/to/acled_export.csv or PG:host=... dbname=...", &m_source);
    ImGui::SameLine();
    if (ImGui::Button("Browse...##open")) {
        std::vector<FilePlace> places = {{"Home", core::homeDirectory()}};
        if (!state.assetDir.empty()) places.push_back({"Bundled data", state.assetDir + "/events"});
        const std::vector<FileFilter> filters = {
            {"Events and maps (.json .csv .geojson .kml .kmz .gpkg .shp)",
             {".json", ".csv", ".geojson", ".kml", ".kmz", ".gpkg", ".shp"}},
            {"All files", {}}};
        m_browser.open(FileBrowser::Mode::Open, "Choose a file###open_browse",
                       state.openFolder.empty() ? core::homeDirectory() : state.openFolder, "", filters, places);
    }
    // Esc in the browser closes the browser only, not this dialog too.
    const bool browsing = m_browser.isOpen();
    if (auto chosen = m_browser.draw()) {
        m_source = *chosen;
        state.openFolder = m_browser.directory();
    }
    ImGui::SetNextItemWidth(em * 15.0f);
    ImGui::InputTextWithHint("Layer (optional)##open", "table or layer name", &m_layer);
    ImGui::RadioButton("Events##open_what", &m_what, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Boundary layer (GeoJSON, Shapefile, GeoPackage)##open_what", &m_what, 1);
    if (m_what == 0) {
        ImGui::RadioButton("Replace the events##open_mode", &m_mode, 0);
        ImGui::SameLine();
        ImGui::RadioButton("Merge with the events##open_mode", &m_mode, 1);
    }
    // Only what this dialog asked for, and only while the source typed is still that one.
    const bool current = !m_asked.empty() && status.source == m_asked && m_asked == m_source;
    const bool pickFields = current && status.needsFields && !status.fields.empty() && m_what == 0;
    m_offersFields = pickFields;
    if (pickFields) {
        ImGui::Separator();
        ImGui::TextUnformatted("No time field could be detected. Which fields hold the times?");
        auto combo = [&](const char* label, int& index, bool optional) {
            const char* preview = index >= 0 && index < static_cast<int>(status.fields.size())
                                      ? status.fields[static_cast<std::size_t>(index)].c_str()
                                      : (optional ? "(none)" : "choose...");
            ImGui::SetNextItemWidth(em * 16.0f);
            if (ImGui::BeginCombo(label, preview)) {
                if (optional && ImGui::Selectable("(none)", index < 0)) index = -1;
                for (int i = 0; i < static_cast<int>(status.fields.size()); ++i) {
                    ImGui::PushID(i);
                    if (ImGui::Selectable(status.fields[static_cast<std::size_t>(i)].c_str(), i == index)) index = i;
                    ImGui::PopID();
                }
                ImGui::EndCombo();
            }
        };
        combo("Start (or only) time##fields", m_timeField, false);
        combo("End time##fields", m_endField, true);
    }
    if (current && !status.message.empty() && !(status.needsFields && pickFields)) {
        m_shownMessage = status.message;
        ImGui::PushTextWrapPos(em * 36.0f);
        if (status.failed) ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotLinesHovered), "%s", status.message.c_str());
        else ImGui::TextUnformatted(status.message.c_str());
        ImGui::PopTextWrapPos();
    }
    const bool canOpen = !m_source.empty() && !(pickFields && m_timeField < 0);
    if (!canOpen) ImGui::BeginDisabled();
    if (ImGui::Button("Open##open_go", ImVec2(em * 7.0f, 0))) {
        m_asked = m_source;
        if (m_what == 1) {
            state.actions.push(action::DrawBoundaries{m_source, m_layer});
        } else {
            action::OpenEvents a;
            a.request.source = m_source;
            a.request.layer = m_layer;
            if (pickFields) {
                a.request.timeField = status.fields[static_cast<std::size_t>(m_timeField)];
                if (m_endField >= 0) a.request.endField = status.fields[static_cast<std::size_t>(m_endField)];
            }
            a.merge = m_mode == 1;
            state.actions.push(a);
        }
    }
    if (!canOpen) ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Close##open", ImVec2(em * 7.0f, 0)) ||
        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !browsing && !ImGui::GetIO().WantTextInput)) {
        m_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace qantar::ui
