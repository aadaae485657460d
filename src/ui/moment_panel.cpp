#include "ui/moment_panel.hpp"

#include "core/events/caption.hpp"

namespace qantar::ui {

void MomentPanel::draw(AppState& state, ImFont* largeFont) {
    if (!state.world) return;
    const float x = state.mapX + (state.showLayers ? 250.0f : 12.0f);
    ImGui::SetNextWindowPos(ImVec2(x, state.mapY + 10.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.78f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    if (ImGui::Begin("##moment", nullptr, flags)) {
        const auto lines = core::momentCaption(*state.world, state.frame, state.displayZone);
        if (largeFont) ImGui::PushFont(largeFont);
        ImGui::TextUnformatted(lines.front().c_str());
        if (largeFont) ImGui::PopFont();
        const core::Dataset& data = state.world->data();
        for (int k = 0; k < core::kFigureKindCount; ++k) {
            const auto kind = static_cast<core::FigureKind>(k);
            const core::Counter& c = state.frame.counters[kind];
            if (k > 0) ImGui::SameLine(0.0f, 18.0f);
            ImGui::TextUnformatted(core::counterLine(kind, c).c_str());
            if (c.any && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                for (const auto& r : c.reports) {
                    const core::Source* s = data.findSource(r.figure->source);
                    std::string v = r.lower == r.upper ? core::formatCount(r.lower)
                                                       : core::formatCount(r.lower) + "\xE2\x80\x93" + core::formatCount(r.upper);
                    ImGui::Text("%s %s %s  \xC2\xB7  %s, as of %s  \xC2\xB7  %s", r.figure->qualifier.c_str(), v.c_str(),
                                r.figure->subject.c_str(), r.figure->reportedBy.c_str(), r.figure->asOf.c_str(),
                                s ? s->outlet.c_str() : r.figure->source.c_str());
                }
                ImGui::EndTooltip();
            }
        }
        for (std::size_t i = 2; i < lines.size(); ++i) ImGui::TextDisabled("%s", lines[i].c_str());
    }
    ImGui::End();
}

}  // namespace qantar::ui
