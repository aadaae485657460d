#include "ui/help_windows.hpp"

#include <imgui.h>

#include "core/map/credits.hpp"

namespace qantar::ui {

void HelpWindows::draw(AppState& state) {
    if (state.showShortcuts) {
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::Begin("Keyboard shortcuts", &state.showShortcuts, ImGuiWindowFlags_AlwaysAutoResize)) {
            static const char* kRows[][2] = {
                {"Drag", "Pan the map"},        {"Mouse wheel", "Zoom about the cursor"},
                {"+ / -", "Zoom in / out"},     {"Home", "Fit Kazakhstan"},
                {"L", "Show / hide layers"},    {"?", "Show / hide this list"},
                {"Ctrl+Q", "Quit"},
            };
            if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
                for (const auto& row : kRows) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(row[0]);
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(row[1]);
                }
                ImGui::EndTable();
            }
        }
        ImGui::End();
    }
    if (state.showAbout) {
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::Begin("About qantar", &state.showAbout, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("qantar: a map and timeline of the January 2022 unrest in Kazakhstan.");
            ImGui::Separator();
            ImGui::TextUnformatted("Credits");
            ImGui::BulletText("%s", core::kMapDataAttribution);
            ImGui::BulletText("Made with Natural Earth (public domain).");
            ImGui::BulletText("Projection: PROJ, Lambert conformal conic 45\xC2\xB0/51\xC2\xB0 N.");
            ImGui::BulletText("Font: Noto Sans (SIL Open Font License).");
        }
        ImGui::End();
    }
    if (state.showDemo) ImGui::ShowDemoWindow(&state.showDemo);
}

}  // namespace qantar::ui
