#include "ui/layers_panel.hpp"

#include <imgui.h>

namespace qantar::ui {

void LayersPanel::draw(AppState& state) {
    if (!state.showLayers) return;
    ImGui::SetNextWindowPos(ImVec2(state.mapX + 12.0f, state.mapY + 12.0f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.88f);
    if (!ImGui::Begin("Layers", &state.showLayers, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        ImGui::End();
        return;
    }
    for (int i = 0; i < core::kMapLayerCount; ++i) {
        const auto layer = static_cast<core::MapLayer>(i);
        bool on = state.layers.visible(layer);
        if (ImGui::Checkbox(core::mapLayerName(layer), &on)) state.layers.set(layer, on);
    }
    ImGui::Separator();
    int theme = state.theme == core::ThemeId::Light ? 1 : 0;
    ImGui::TextUnformatted("Theme");
    if (ImGui::RadioButton("Dark", &theme, 0)) state.theme = core::ThemeId::Dark;
    ImGui::SameLine();
    if (ImGui::RadioButton("Light (print)", &theme, 1)) state.theme = core::ThemeId::Light;
    ImGui::End();
}

}  // namespace qantar::ui
