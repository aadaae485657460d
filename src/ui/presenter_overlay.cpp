#include "ui/presenter_overlay.hpp"

#include <algorithm>

#include "core/events/caption.hpp"

namespace qantar::ui {

namespace {

ImU32 u32(const core::Rgba& c, float a = -1.0f) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, a < 0.0f ? c.a : a));
}

}  // namespace

void PresenterOverlay::draw(AppState& state, const PresenterFonts& fonts) {
    if (!state.presenting) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const core::Theme& theme = core::theme(state.theme);
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    if (state.storyState.blank) {
        fg->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y), IM_COL32(0, 0, 0, 255));
        return;
    }
    const float scale = std::max(1.0f, vp->Size.y / 1080.0f);
    const float margin = 24.0f * scale;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoInputs;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(theme.panel.r, theme.panel.g, theme.panel.b, theme.panel.a));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(theme.labelText.r, theme.labelText.g, theme.labelText.b, 1.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18.0f * scale, 14.0f * scale));

    // The moment, top-left.
    if (state.world) {
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + margin, vp->Pos.y + margin));
        if (ImGui::Begin("##present-moment", nullptr, flags)) {
            const auto lines = core::momentCaption(*state.world, state.frame, state.displayZone);
            if (fonts.title) ImGui::PushFont(fonts.title);
            ImGui::TextUnformatted(lines.front().c_str());
            if (fonts.title) ImGui::PopFont();
            if (fonts.body) ImGui::PushFont(fonts.body);
            for (int k = 0; k < core::kFigureKindCount; ++k) {
                const auto kind = static_cast<core::FigureKind>(k);
                ImGui::TextUnformatted(core::counterLine(kind, state.frame.counters[kind]).c_str());
            }
            if (fonts.body) ImGui::PopFont();
        }
        ImGui::End();
    }

    // The scene caption, top-right.
    const StoryState& s = state.storyState;
    if (s.story && s.scene >= 0 && s.scene < static_cast<int>(s.story->scenes.size())) {
        const core::Scene& sc = s.story->scenes[static_cast<std::size_t>(s.scene)];
        const float width = std::min(vp->Size.x * 0.38f, 760.0f * scale);
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - margin - width, vp->Pos.y + margin));
        ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
        if (ImGui::Begin("##present-caption", nullptr, flags & ~ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::PushTextWrapPos(0.0f);
            if (fonts.title) ImGui::PushFont(fonts.title);
            ImGui::TextUnformatted(sc.title.c_str());
            if (fonts.title) ImGui::PopFont();
            if (fonts.body) ImGui::PushFont(fonts.body);
            ImGui::TextUnformatted(sc.caption.c_str());
            if (fonts.body) ImGui::PopFont();
            if (!sc.sources.empty() && state.world) {
                std::string src = "Sources: ";
                for (std::size_t k = 0; k < sc.sources.size(); ++k) {
                    const core::Source* so = state.world->data().findSource(sc.sources[k]);
                    src += (k ? ", " : "") + (so ? so->outlet : sc.sources[k]);
                }
                ImGui::TextDisabled("%s", src.c_str());
            }
            ImGui::TextDisabled("Scene %d of %zu%s%s", s.scene + 1, s.story->scenes.size(), s.paused ? "  \xC2\xB7  paused" : "",
                                s.follow ? "" : "  \xC2\xB7  live (R returns to the scene)");
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);

    // A slim timeline along the bottom: the dataset's span, scenes as ticks, now as a bar.
    if (state.world) {
        const auto& d = state.world->data();
        const float h = 10.0f * scale;
        const float x0 = vp->Pos.x + margin, x1 = vp->Pos.x + vp->Size.x - margin;
        const float y1 = vp->Pos.y + vp->Size.y - margin * 0.6f, y0 = y1 - h;
        const double span = static_cast<double>((d.coverageEnd - d.coverageStart).seconds);
        auto xOf = [&](core::Instant t) {
            const double f = std::clamp(static_cast<double>((t - d.coverageStart).seconds) / span, 0.0, 1.0);
            return x0 + static_cast<float>(f) * (x1 - x0);
        };
        fg->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), u32(theme.panel, 0.7f), h * 0.5f);
        fg->AddRectFilled(ImVec2(x0, y0), ImVec2(xOf(state.clock.now), y1), u32(theme.marks[1], 0.85f), h * 0.5f);
        for (core::Instant day = d.coverageStart; day < d.coverageEnd; day = day + core::Duration::days(1)) {
            fg->AddLine(ImVec2(xOf(day), y0), ImVec2(xOf(day), y1), u32(theme.labelText, 0.35f), 1.0f);
        }
        if (s.story) {
            for (const auto& sc : s.story->scenes) {
                const float x = xOf(sc.start);
                fg->AddTriangleFilled(ImVec2(x - 5 * scale, y0 - 7 * scale), ImVec2(x + 5 * scale, y0 - 7 * scale),
                                      ImVec2(x, y0 - 1), u32(theme.labelText, 0.9f));
            }
        }
    }
}

}  // namespace qantar::ui
