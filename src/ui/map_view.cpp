#include "ui/map_view.hpp"

#include <cmath>

#include "ui/model_actions.hpp"

namespace qantar::ui {

namespace {
constexpr double kWheelZoomStep = 1.25;  // magnification per wheel notch
constexpr float kDragThresholdPx = 2.0f; // a click that moves less is not a drag
}  // namespace

void MapView::draw(AppState& state, ImTextureID mapTexture) {
    const core::ScreenRect& m = state.layout.map;
    const ImVec2 p0(static_cast<float>(m.x), static_cast<float>(m.y));
    const ImVec2 p1(static_cast<float>(m.x + m.w), static_cast<float>(m.y + m.h));
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    if (mapTexture) dl->AddImage(mapTexture, p0, p1, ImVec2(0, 1), ImVec2(1, 0));

    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const bool overMap = mouse.x >= p0.x && mouse.y >= p0.y && mouse.x < p1.x && mouse.y < p1.y;
    const core::ScreenPx local{mouse.x - p0.x, mouse.y - p0.y};

    state.cursor.reset();
    if (overMap && !io.WantCaptureMouse && state.projection) {
        state.cursor = state.projection->unproject(state.camera.toMap(local));
    }
    // Input reaches the map only when no window wants it (ImGui's windows sit over the map only
    // as dialogs and the moment box).
    if (io.WantCaptureMouse && !m_dragging) return;
    if (overMap && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_dragging = true;
    if (m_dragging) {
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragThresholdPx) &&
            (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
            state.camera.panByPixels(io.MouseDelta.x, io.MouseDelta.y);
            presenterTookOver(state);
        }
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) m_dragging = false;
    }
    if (overMap && io.MouseWheel != 0.0f) {
        state.camera.zoomAbout(local, std::pow(kWheelZoomStep, static_cast<double>(io.MouseWheel)));
        presenterTookOver(state);
    }
}

}  // namespace qantar::ui
