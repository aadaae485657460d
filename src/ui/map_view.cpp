#include "ui/map_view.hpp"

#include <cmath>

namespace qantar::ui {

namespace {
constexpr double kWheelZoomStep = 1.25;  // magnification per wheel notch
constexpr double kKeyZoomStep = 1.5;     // magnification per +/- key press
constexpr float kDragThresholdPx = 2.0f; // a click that moves less is not a drag
}  // namespace

void MapView::draw(AppState& state, ImTextureID mapTexture, float top, float bottom) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    state.mapX = vp->Pos.x;
    state.mapY = vp->Pos.y + top;
    state.mapW = std::max(1.0f, vp->Size.x);
    state.mapH = std::max(1.0f, vp->Size.y - top - bottom);
    state.camera.setViewport(static_cast<int>(state.mapW), static_cast<int>(state.mapH));

    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 p0(state.mapX, state.mapY), p1(state.mapX + state.mapW, state.mapY + state.mapH);
    if (mapTexture) dl->AddImage(mapTexture, p0, p1, ImVec2(0, 1), ImVec2(1, 0));

    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const bool overMap = mouse.x >= p0.x && mouse.y >= p0.y && mouse.x < p1.x && mouse.y < p1.y;
    const core::ScreenPx local{mouse.x - p0.x, mouse.y - p0.y};

    state.cursor.reset();
    if (overMap && !io.WantCaptureMouse && state.projection) {
        state.cursor = state.projection->unproject(state.camera.toMap(local));
    }

    if (!io.WantCaptureMouse || m_dragging) {
        if (overMap && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_dragging = true;
        if (m_dragging) {
            if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragThresholdPx)) {
                state.camera.panByPixels(io.MouseDelta.x, io.MouseDelta.y);
            }
            if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) m_dragging = false;
        }
        if (overMap && io.MouseWheel != 0.0f) {
            state.camera.zoomAbout(local, std::pow(kWheelZoomStep, static_cast<double>(io.MouseWheel)));
        }
    }

    if (!io.WantCaptureKeyboard) {
        const core::ScreenPx centre{state.mapW * 0.5, state.mapH * 0.5};
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            const ImWchar c = io.InputQueueCharacters[i];
            if (c == '+' || c == '=') state.camera.zoomAbout(centre, kKeyZoomStep);
            if (c == '-' || c == '_') state.camera.zoomAbout(centre, 1.0 / kKeyZoomStep);
            if (c == '?') state.showShortcuts = !state.showShortcuts;
            if ((c == 'l' || c == 'L') && !io.KeyCtrl) state.showLayers = !state.showLayers;
        }
        if (state.keys.take(Key::Home)) state.fitKazakhstan();
    }
    // Quitting works whatever has the keyboard.
    if (state.keys.take(Key::Quit, true)) state.quitRequested = true;
    if (state.keys.take(Key::Export, true)) state.exportDialogRequested = true;
    if (state.keys.take(Key::Open, true)) state.openDialogRequested = true;
}

}  // namespace qantar::ui
