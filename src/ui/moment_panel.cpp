#include "ui/moment_panel.hpp"

#include <algorithm>
#include <cfloat>

#include "core/events/caption.hpp"

namespace qantar::ui {

void MomentPanel::draw(AppState& state, const Fonts& fonts) {
    if (!state.world || state.layout.map.empty()) return;
    const core::ScreenRect& m = state.layout.map;
    const float pad = 10.0f * ImGui::GetFontSize() / kRegularFontPx;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(m.x) + pad, static_cast<float>(m.y) + pad), ImGuiCond_Always);
    // Never wider than the map: long lines wrap instead of running under the side panels.
    const float maxW = std::max(200.0f, static_cast<float>(m.w) - 2 * pad);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(maxW, static_cast<float>(m.h) * 0.6f));
    ImGui::SetNextWindowBgAlpha(0.82f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("Moment###moment", nullptr, flags)) {
        ImGui::PushTextWrapPos(maxW - 2 * pad);
        if (m_textSerial != state.frameSerial || m_textZone != state.displayZone) {
            m_lines = core::momentCaption(*state.world, state.frame, state.displayZone);
            for (int k = 0; k < core::kFigureKindCount; ++k) {
                m_counters[static_cast<std::size_t>(k)] =
                    core::counterLine(static_cast<core::FigureKind>(k), state.frame.counters[static_cast<core::FigureKind>(k)]);
            }
            m_textSerial = state.frameSerial;
            m_textZone = state.displayZone;
        }
        const std::vector<std::string>& lines = m_lines;
        if (fonts.large) ImGui::PushFont(fonts.large);
        ImGui::TextUnformatted(lines.front().c_str());
        if (fonts.large) ImGui::PopFont();
        const core::Dataset& data = state.world->data();
        float lineW = 0.0f;
        for (int k = 0; k < core::kFigureKindCount; ++k) {
            const auto kind = static_cast<core::FigureKind>(k);
            const core::Counter& c = state.frame.counters[kind];
            const std::string& text = m_counters[static_cast<std::size_t>(k)];
            const float w = ImGui::CalcTextSize(text.c_str()).x;
            if (k > 0 && lineW + 18.0f + w < maxW - 2 * pad) {
                ImGui::SameLine(0.0f, 18.0f);
                lineW += 18.0f + w;
            } else {
                lineW = w;
            }
            // A counter is a control: hover lists its reports, a click opens the disputed figures.
            // The selectable only takes the place of the text, which wraps when the map is narrow.
            const float wrapW = std::max(100.0f, maxW - 2 * pad);
            const ImVec2 at = ImGui::GetCursorPos();
            const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrapW);
            const std::string id = "##counter" + std::to_string(k);
            if (ImGui::Selectable(id.c_str(), false, ImGuiSelectableFlags_AllowItemOverlap, size)) state.showDisputes = true;
            const bool hovered = ImGui::IsItemHovered();
            ImGui::SetCursorPos(at);
            ImGui::PushTextWrapPos(at.x + wrapW);
            ImGui::TextUnformatted(text.c_str());
            ImGui::PopTextWrapPos();
            if (c.any && hovered) {
                ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::max(320.0f, maxW), FLT_MAX));
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(std::max(320.0f, maxW) - 2 * pad);
                for (const auto& r : c.reports) {
                    const std::string line = core::reportLine(c, r, data);
                    if (r.role == core::ReportRole::Withdrawn) ImGui::TextDisabled("%s", line.c_str());
                    else ImGui::TextUnformatted(line.c_str());
                }
                ImGui::TextDisabled("Click for the figures the sources dispute.");
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        for (std::size_t i = core::kMomentNotesLine; i < lines.size(); ++i) ImGui::TextDisabled("%s", lines[i].c_str());
        if (state.filter.active()) ImGui::TextDisabled("The map shows only the events the list's filter keeps.");
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

}  // namespace qantar::ui
