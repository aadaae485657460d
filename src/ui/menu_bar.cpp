#include "ui/menu_bar.hpp"

#include <imgui.h>

namespace qantar::ui {

float MenuBar::draw(AppState& state) {
    float height = 0.0f;
    if (!ImGui::BeginMainMenuBar()) return height;
    height = ImGui::GetWindowSize().y;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open or import events...", "Ctrl+O")) state.openDialogRequested = true;
        ImGui::TextDisabled("  (or drop a file on the window)");
        if (ImGui::MenuItem("Export image, sequence or video...", "Ctrl+E")) state.exportDialogRequested = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) state.quitRequested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Fit Kazakhstan", "Home")) state.fitKazakhstan();
        if (ImGui::MenuItem("Zoom in", "+")) {
            state.camera.zoomAbout(core::ScreenPx{state.mapW * 0.5, state.mapH * 0.5}, 1.5);
        }
        if (ImGui::MenuItem("Zoom out", "-")) {
            state.camera.zoomAbout(core::ScreenPx{state.mapW * 0.5, state.mapH * 0.5}, 1.0 / 1.5);
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Dark theme", nullptr, state.theme == core::ThemeId::Dark)) state.theme = core::ThemeId::Dark;
        if (ImGui::MenuItem("Light (print) theme", nullptr, state.theme == core::ThemeId::Light)) {
            state.theme = core::ThemeId::Light;
        }
        if (ImGui::MenuItem("High-contrast theme (projectors)", nullptr, state.theme == core::ThemeId::Contrast)) {
            state.theme = core::ThemeId::Contrast;
        }
        ImGui::Separator();
        ImGui::MenuItem("Events panel", nullptr, &state.showEvents);
        ImGui::MenuItem("Story editor", nullptr, &state.showStory);
        if (ImGui::MenuItem("Presentation mode", "F11", state.presenting)) {
            state.presenting = !state.presenting;
            if (state.presenting && state.storyState.plan && state.storyState.scene < 0) {
                goToScene(state, 0, state.appSeconds);
            }
        }
        ImGui::Separator();
        ImGui::MenuItem("Layers panel", "L", &state.showLayers);
#ifndef NDEBUG
        ImGui::MenuItem("ImGui demo (developer)", nullptr, &state.showDemo);
#endif
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
