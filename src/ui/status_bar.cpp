#include "ui/status_bar.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "core/map/credits.hpp"

namespace qantar::ui {

std::string formatLonLat(const core::LonLat& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f\xC2\xB0 %c  %.4f\xC2\xB0 %c", std::abs(p.lat), p.lat >= 0 ? 'N' : 'S',
                  std::abs(p.lon), p.lon >= 0 ? 'E' : 'W');
    return buf;
}

float StatusBar::draw(AppState& state) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float height = ImGui::GetFrameHeight() + 4.0f;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 2.0f));
    if (ImGui::Begin("##status", nullptr, flags)) {
        ImGui::AlignTextToFramePadding();
        if (state.cursor) {
            ImGui::TextUnformatted(formatLonLat(*state.cursor).c_str());
        } else {
            ImGui::TextDisabled("move the mouse over the map for coordinates");
        }
        ImGui::SameLine(0.0f, 24.0f);
        // Scale: 100 screen pixels in kilometres at the view centre (the projection's own scale
        // distortion is under 1% over Kazakhstan, so the centre value is representative).
        const double kmPer100 = state.camera.metersPerPixel() * 100.0 / 1000.0;
        ImGui::Text("100 px = %.0f km", kmPer100);
        const float creditW = ImGui::CalcTextSize(core::kMapDataAttribution).x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 24.0f, vp->Size.x - creditW - 12.0f));
        ImGui::TextDisabled("%s", core::kMapDataAttribution);
    }
    ImGui::End();
    ImGui::PopStyleVar();
    return height;
}

}  // namespace qantar::ui
