#include "ui/menu_bar.hpp"

#include <imgui.h>

namespace qantar::ui {

float MenuBar::draw(AppState& state) {
    float height = 0.0f;
    if (!ImGui::BeginMainMenuBar()) return height;
    height = ImGui::GetWindowSize().y;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open or import events...", "Ctrl+O")) state.actions.push(action::ShowDialog{action::Dialog::Open});
        ImGui::TextDisabled("  (or drop a file on the window)");
        if (ImGui::MenuItem("Export image, sequence, video or story...", "Ctrl+E")) {
            state.actions.push(action::ShowDialog{action::Dialog::Export});
        }
        if (ImGui::MenuItem("Export events (GeoJSON, KML, CSV, GeoPackage)...", nullptr, false, state.world != nullptr)) {
            state.actions.push(action::ShowDialog{action::Dialog::ExportEvents});
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) state.actions.push(action::Quit{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Fit Kazakhstan", "Home")) state.actions.push(action::FitKazakhstan{});
        if (ImGui::MenuItem("Zoom in", "+")) state.actions.push(action::ZoomBy{1.5});
        if (ImGui::MenuItem("Zoom out", "-")) state.actions.push(action::ZoomBy{1.0 / 1.5});
        ImGui::Separator();
        if (ImGui::MenuItem("Dark theme (screens)", nullptr, state.theme == core::ThemeId::Dark)) state.theme = core::ThemeId::Dark;
        if (ImGui::MenuItem("Light theme (print)", nullptr, state.theme == core::ThemeId::Light)) {
            state.theme = core::ThemeId::Light;
        }
        if (ImGui::MenuItem("High-contrast theme (projectors)", nullptr, state.theme == core::ThemeId::Contrast)) {
            state.theme = core::ThemeId::Contrast;
        }
        ImGui::Separator();
        ImGui::MenuItem("Layers and legend", "L", &state.showLayers);
        ImGui::MenuItem("Events list", nullptr, &state.showEvents);
        ImGui::MenuItem("Disputed figures and dates", nullptr, &state.showDisputes);
#ifndef NDEBUG
        ImGui::Separator();
        ImGui::MenuItem("ImGui demo (developer)", nullptr, &state.showDemo);
#endif
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Story")) {
        const bool haveScenes = state.player.sceneCount() > 0;
        if (ImGui::MenuItem("Present full screen", "F11", state.presenting)) {
            state.actions.push(action::SetPresenting{!state.presenting});
        }
        if (ImGui::MenuItem("Next scene", "PageDown", false, haveScenes)) state.actions.push(action::StoryNext{});
        if (ImGui::MenuItem("Previous scene", "PageUp", false, haveScenes && !state.player.idle())) {
            state.actions.push(action::StoryPrevious{});
        }
        if (ImGui::MenuItem("Stop the story", "Esc", false, !state.player.idle())) state.actions.push(action::StoryStop{});
        ImGui::Separator();
        if (ImGui::MenuItem("Add a scene from the current view", "Ctrl+N")) state.actions.push(action::AddSceneFromView{});
        ImGui::MenuItem("Story editor", nullptr, &state.showStory);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Layers")) {
        for (int i = 0; i < core::kMapLayerCount; ++i) {
            const auto layer = static_cast<core::MapLayer>(i);
            bool on = state.layers.visible(layer);
            if (ImGui::MenuItem(core::mapLayerName(layer), nullptr, &on)) state.layers.set(layer, on);
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Keyboard shortcuts", "?", &state.showShortcuts);
        ImGui::MenuItem("About and credits", nullptr, &state.showAbout);
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
    return height;
}

}  // namespace qantar::ui
