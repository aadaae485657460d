#include "ui/presenter_overlay.hpp"

#include <algorithm>
#include <cstdio>

#include "core/events/caption.hpp"
#include "ui/docked.hpp"
#include "ui/long_text.hpp"

namespace qantar::ui {

namespace {

ImU32 u32(const core::Rgba& c, float a = -1.0f) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, a < 0.0f ? c.a : a));
}

void text(ImFont* font, const std::string& s, const ImVec4* color = nullptr) {
    if (font) ImGui::PushFont(font);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
    textLong(s);
    if (color) ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

void PresenterOverlay::draw(AppState& state, const Fonts& fonts) {
    if (!state.presenting) return;
    const core::ScreenRect& win = state.layout.window;
    const core::Theme& theme = core::theme(state.theme);
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    if (state.player.blank()) {
        fg->AddRectFilled(ImVec2(0, 0), ImVec2(static_cast<float>(win.w), static_cast<float>(win.h)), IM_COL32(0, 0, 0, 255));
        return;
    }
    const float s = fonts.presenterBody ? fonts.presenterBody->FontSize / kPresenterBodyPx : 1.0f;
    const ImVec4 ink(theme.labelText.r, theme.labelText.g, theme.labelText.b, 1.0f);
    const ImVec4 soft(theme.labelText.r, theme.labelText.g, theme.labelText.b, 0.86f);

    // The column: the moment, then the scene.
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(theme.panel.r, theme.panel.g, theme.panel.b, 0.9f));
    ImGui::PushStyleColor(ImGuiCol_Text, ink);
    ImGui::PushStyleColor(ImGuiCol_Separator, soft);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(22.0f * s, 18.0f * s));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8.0f * s, 8.0f * s));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoInputs |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    // The column is as tall as its text (up to the layout's height), so it hides no more map than it must.
    const core::ScreenRect& column = state.layout.caption;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(column.x), static_cast<float>(column.y)), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(static_cast<float>(column.w), 0.0f),
                                        ImVec2(static_cast<float>(column.w), static_cast<float>(column.h)));
    if (ImGui::Begin("Story caption###present_caption", nullptr,
                     flags | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus)) {
        ImGui::PushTextWrapPos(0.0f);
        if (state.world) {
            const auto lines = core::momentCaption(*state.world, state.frame, state.displayZone);
            text(fonts.presenterMoment, lines.front());
            for (int k = 0; k < core::kFigureKindCount; ++k) {
                const auto kind = static_cast<core::FigureKind>(k);
                text(fonts.presenterBody, core::counterLine(kind, state.frame.counters[kind]));
            }
            for (std::size_t i = core::kMomentNotesLine; i < lines.size(); ++i) text(fonts.presenterSmall, lines[i], &soft);
            ImGui::Spacing();
            ImGui::Separator();
            ImGui::Spacing();
        }
        const StoryDoc& doc = state.story;
        const int k = state.player.captionScene();
        if (doc.story && k >= 0 && k < static_cast<int>(doc.story->scenes.size())) {
            const core::Scene& sc = doc.story->scenes[static_cast<std::size_t>(k)];
            if (state.player.ended()) {
                text(fonts.presenterTitle, "End of the story");
                text(fonts.presenterBody, doc.story->title);
                text(fonts.presenterSmall, "PageUp: back to the last scene  \xC2\xB7  Esc: leave", &soft);
            } else {
                text(fonts.presenterTitle, sc.title);
                text(fonts.presenterBody, sc.caption);
                if (!sc.sources.empty() && state.world) {
                    std::string src = "Sources: ";
                    for (std::size_t j = 0; j < sc.sources.size(); ++j) {
                        const core::Source* so = state.world->data().findSource(sc.sources[j]);
                        src += (j ? ", " : "") + (so ? so->outlet : sc.sources[j]);
                    }
                    text(fonts.presenterSmall, src, &soft);
                }
                char where[160];
                std::snprintf(where, sizeof where, "Scene %d of %zu%s%s", k + 1, doc.story->scenes.size(),
                              state.player.paused() ? "  \xC2\xB7  paused" : "",
                              state.player.following() ? "" : "  \xC2\xB7  live (R returns to the scene)");
                text(fonts.presenterSmall, where, &soft);
            }
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(3);

    // A slim timeline along the bottom: the dataset's days labelled, the scenes as ticks, now as a bar.
    if (!state.world || state.layout.slimTimeline.empty()) return;
    const core::Interval& range = state.world->timeRange();
    const core::ScreenRect& r = state.layout.slimTimeline;
    const float x0 = static_cast<float>(r.x), x1 = static_cast<float>(r.x + r.w);
    const float labelH = fonts.presenterSmall ? fonts.presenterSmall->FontSize * 0.8f : 16.0f;
    const float y1 = static_cast<float>(r.y + r.h), y0 = y1 - 10.0f * s;
    ImDrawList* bg = ImGui::GetBackgroundDrawList();
    bg->AddRectFilled(ImVec2(x0 - 8 * s, y0 - labelH - 10 * s), ImVec2(x1 + 8 * s, y1 + 6 * s), u32(theme.panel, 0.85f), 6 * s);
    const double span = static_cast<double>(std::max<std::int64_t>(1, (range.end - range.start).seconds));
    auto xOf = [&](core::Instant t) {
        const double f = std::clamp(static_cast<double>((t - range.start).seconds) / span, 0.0, 1.0);
        return x0 + static_cast<float>(f) * (x1 - x0);
    };
    bg->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), u32(theme.labelText, 0.25f), 5 * s);
    bg->AddRectFilled(ImVec2(x0, y0), ImVec2(xOf(state.clock.now), y1), u32(theme.marks[1], 0.95f), 5 * s);
    core::CivilTime day = core::toCivil(range.start, state.displayZone);
    day.hour = day.minute = day.second = 0;
    const float dayW = static_cast<float>(86400.0 / span) * (x1 - x0);
    int every = 1;
    while (dayW * static_cast<float>(every) < labelH * 3.2f && every < 31) every *= 2;
    int n = 0;
    for (core::Instant t = core::toInstant(day, state.displayZone); t < range.end; t = t + core::Duration::days(1), ++n) {
        if (t < range.start) continue;
        const float x = xOf(t);
        bg->AddLine(ImVec2(x, y0 - 3 * s), ImVec2(x, y1), u32(theme.labelText, 0.5f), 1.0f);
        if (n % every == 0) {
            const core::CivilTime c = core::toCivil(t, state.displayZone);
            char label[16];
            std::snprintf(label, sizeof label, "%d %s", c.day, kMonths[c.month - 1]);
            bg->AddText(fonts.presenterSmall, labelH, ImVec2(x + 3 * s, y0 - labelH - 4 * s), u32(theme.labelText, 0.9f), label);
        }
    }
    if (state.story.story) {
        for (const auto& sc : state.story.story->scenes) {
            const float x = xOf(sc.start);
            bg->AddTriangleFilled(ImVec2(x - 6 * s, y1 + 5 * s), ImVec2(x + 6 * s, y1 + 5 * s), ImVec2(x, y1 - 1),
                                  u32(theme.labelText, 0.95f));
        }
    }
}

}  // namespace qantar::ui
