#include "ui/status_bar.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "core/map/credits.hpp"
#include "ui/docked.hpp"

namespace qantar::ui {

std::string formatLonLat(const core::LonLat& p) {
    char buf[64];
    formatLonLat(p, buf, sizeof buf);
    return buf;
}

void formatLonLat(const core::LonLat& p, char* buf, std::size_t size) {
    std::snprintf(buf, size, "%.4f\xC2\xB0 %c  %.4f\xC2\xB0 %c", std::abs(p.lat), p.lat >= 0 ? 'N' : 'S',
                  std::abs(p.lon), p.lon >= 0 ? 'E' : 'W');
}

float StatusBar::height() { return ImGui::GetFrameHeight() + 4.0f; }

void StatusBar::draw(AppState& state) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 2.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoScrollWithMouse;
    if (beginDocked("Status###status", state.layout.status, nullptr, flags)) {
        ImGui::AlignTextToFramePadding();
        if (state.cursor) {
            char buf[64];  // on the stack: the bar is drawn every frame
            formatLonLat(*state.cursor, buf, sizeof buf);
            ImGui::TextUnformatted(buf);
        } else {
            ImGui::TextDisabled("move the mouse over the map for coordinates");
        }
        ImGui::SameLine(0.0f, 24.0f);
        // Scale: 100 screen pixels in kilometres at the view centre (the projection's own scale
        // distortion is under 1% over Kazakhstan, so the centre value is representative).
        const double kmPer100 = state.camera.metersPerPixel() * 100.0 / 1000.0;
        ImGui::Text("100 px = %.0f km", kmPer100);
        if (state.filter.active() && state.world) {
            std::size_t on = 0;
            for (auto f : state.shown) on += f != 0;
            ImGui::SameLine(0.0f, 24.0f);
            ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram), "Filter: %zu of %zu events shown", on,
                               state.world->data().events.size());
        }
        if (!state.autosaveProblem.empty()) {
            ImGui::SameLine(0.0f, 24.0f);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.45f, 0.35f, 1.0f));
            // A click opens the story editor, where the work can be saved for real.
            if (ImGui::SmallButton("Autosave failing##autosave")) state.showStory = true;
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) {
                ImGui::SetTooltip("Unsaved story edits are not being kept safe:\n%s\nSave the story to a writable folder.",
                                  state.autosaveProblem.c_str());
            }
        }
        // The credit depends only on the data loaded: written again when that changes.
        const core::Dataset* data = state.world ? &state.world->data() : nullptr;
        if (!m_creditValid || m_creditData != data || m_creditGeneration != state.worldGeneration) {
            m_credit = core::statusBarCredit(data);
            m_creditData = data;
            m_creditGeneration = state.worldGeneration;
            m_creditValid = true;
        }
        const std::string& credit = m_credit;
        const float creditW = ImGui::CalcTextSize(credit.c_str()).x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 24.0f, ImGui::GetWindowContentRegionMax().x - creditW));
        ImGui::TextDisabled("%s", credit.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", credit.c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace qantar::ui
