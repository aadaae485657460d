#include "ui/layers_panel.hpp"

#include <imgui.h>

#include <cmath>

#include "ui/docked.hpp"

namespace qantar::ui {

namespace {

ImU32 u32(const core::Rgba& c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

}  // namespace

// A small picture of the layer's map symbol, in the map's colours.
void drawLegendSwatch(core::EventLayer layer, const core::Theme& t) {
    const float size = ImGui::GetFrameHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + size * 0.5f, p.y + size * 0.5f);
    const float r = size * 0.28f;
    auto mark = [&](core::MarkKind k) { return u32(t.marks[static_cast<std::size_t>(k)]); };
    const ImU32 outline = u32(t.markOutline);
    switch (layer) {
        case core::EventLayer::Protests:
            dl->AddCircle(c, r * 1.6f, mark(core::MarkKind::Protest), 24, 1.5f);
            dl->AddCircleFilled(c, r, mark(core::MarkKind::Protest));
            break;
        case core::EventLayer::Violence:
            dl->AddQuadFilled(ImVec2(c.x, c.y - r * 1.3f), ImVec2(c.x + r * 1.3f, c.y), ImVec2(c.x, c.y + r * 1.3f),
                              ImVec2(c.x - r * 1.3f, c.y), mark(core::MarkKind::Clash));
            break;
        case core::EventLayer::Curfew:
            dl->AddRectFilled(ImVec2(c.x - r * 1.4f, c.y - r * 1.4f), ImVec2(c.x + r * 1.4f, c.y + r * 1.4f),
                              u32(core::Rgba{t.curfewShade.r, t.curfewShade.g, t.curfewShade.b, 0.9f}));
            break;
        case core::EventLayer::Emergency:
            for (int i = -2; i <= 2; ++i) {
                dl->AddLine(ImVec2(c.x - r * 1.4f + static_cast<float>(i) * 4.0f, c.y + r * 1.4f),
                            ImVec2(c.x + r * 1.4f + static_cast<float>(i) * 4.0f - 2.8f * r, c.y - r * 1.4f),
                            u32(core::Rgba{t.emergencyHatch.r, t.emergencyHatch.g, t.emergencyHatch.b, 1.0f}), 1.2f);
            }
            break;
        case core::EventLayer::Internet:
            for (int i = -1; i <= 1; ++i)
                for (int j = -1; j <= 1; ++j) {
                    dl->AddCircleFilled(ImVec2(c.x + static_cast<float>(i) * r, c.y + static_cast<float>(j) * r), 1.3f,
                                        u32(core::Rgba{t.internetShade.r, t.internetShade.g, t.internetShade.b, 1.0f}));
                }
            break;
        case core::EventLayer::Csto:
            dl->AddBezierQuadratic(ImVec2(c.x - r * 1.6f, c.y + r), ImVec2(c.x, c.y - r * 1.6f), ImVec2(c.x + r * 1.6f, c.y + r),
                                   u32(t.airlift), 1.5f);
            dl->AddCircleFilled(ImVec2(c.x, c.y - r * 0.3f), r * 0.6f, mark(core::MarkKind::Csto));
            break;
        case core::EventLayer::Airports:
            dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), mark(core::MarkKind::Airport));
            dl->AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), outline);
            break;
        case core::EventLayer::Casualties:
            dl->AddRectFilled(ImVec2(c.x - r * 0.35f, c.y - r), ImVec2(c.x + r * 0.35f, c.y + r), mark(core::MarkKind::Casualty));
            dl->AddRectFilled(ImVec2(c.x - r, c.y - r * 0.35f), ImVec2(c.x + r, c.y + r * 0.35f), mark(core::MarkKind::Casualty));
            break;
        case core::EventLayer::Government:
            dl->AddCircle(c, r, mark(core::MarkKind::Government), 20, 2.0f);
            break;
        case core::EventLayer::Count: break;
    }
}

// The uncertain style of the map's symbols: hatched inside a dotted ring.
void drawUncertainSwatch(const core::Theme& t) {
    const float size = ImGui::GetFrameHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + size * 0.5f, p.y + size * 0.5f);
    const float r = size * 0.24f;
    const ImU32 col = u32(t.marks[static_cast<std::size_t>(core::MarkKind::Protest)]);
    dl->AddCircleFilled(c, r, u32(t.markOutline));
    // Diagonal stripes, each a chord of the disc.
    for (int i = -1; i <= 1; ++i) {
        const float o = static_cast<float>(i) * r * 0.5f;
        const float half = std::sqrt(r * r - o * o) * 0.9f;
        const ImVec2 m(c.x + o * 0.7071f, c.y + o * 0.7071f);
        dl->AddLine(ImVec2(m.x - half * 0.7071f, m.y + half * 0.7071f), ImVec2(m.x + half * 0.7071f, m.y - half * 0.7071f),
                    col, 1.2f);
    }
    dl->AddCircle(c, r, col, 20, 1.2f);
    for (int k = 0; k < 12; ++k) {
        const float a = static_cast<float>(k) * 6.2831853f / 12.0f;
        dl->AddCircleFilled(ImVec2(c.x + std::cos(a) * r * 1.75f, c.y + std::sin(a) * r * 1.75f), 0.9f, col);
    }
}

void LayersPanel::draw(AppState& state) {
    if (!state.showLayers || state.layout.layers.empty()) return;
    if (!beginDocked("Layers###layers", state.layout.layers, &state.showLayers)) {
        ImGui::End();
        return;
    }
    if (state.world) {
        ImGui::TextUnformatted("Events (legend)");
        const core::Theme& t = core::theme(state.theme);
        for (int i = 0; i < core::kEventLayerCount; ++i) {
            const auto layer = static_cast<core::EventLayer>(i);
            drawLegendSwatch(layer, t);
            ImGui::SameLine();
            bool on = state.eventLayers.visible(layer);
            if (ImGui::Checkbox(core::eventLayerName(layer), &on)) state.eventLayers.on[static_cast<std::size_t>(i)] = on;
        }
        int trailHours = static_cast<int>(state.eventLayers.trail.seconds / 3600);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
        if (ImGui::SliderInt("Trail (hours)", &trailHours, 0, 72)) {
            state.eventLayers.trail = core::Duration::hours(trailHours);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ended events fade out over this long");
        ImGui::Checkbox("Cumulative", &state.eventLayers.cumulative);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keep everything that has happened, faded");
        drawUncertainSwatch(t);
        ImGui::SameLine();
        ImGui::TextUnformatted("Date only, may not have happened yet");
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("Hatched in a dotted ring: the sources give the day (or an approximate window),\n"
                              "not the hour, so until that day has passed the event may not have happened yet.");
        }
        ImGui::TextDisabled("Halo: place known only to its region");
        ImGui::Separator();
    }
    if (ImGui::CollapsingHeader("Base map")) {
        for (int i = 0; i < core::kMapLayerCount; ++i) {
            const auto layer = static_cast<core::MapLayer>(i);
            bool on = state.layers.visible(layer);
            if (ImGui::Checkbox(core::mapLayerName(layer), &on)) state.layers.set(layer, on);
        }
    }
    ImGui::TextUnformatted("Theme");
    int theme = static_cast<int>(state.theme);
    if (ImGui::RadioButton("Dark##theme", &theme, 0)) state.theme = core::ThemeId::Dark;
    ImGui::SameLine();
    if (ImGui::RadioButton("Light##theme", &theme, 1)) state.theme = core::ThemeId::Light;
    ImGui::SameLine();
    if (ImGui::RadioButton("Contrast##theme", &theme, 2)) state.theme = core::ThemeId::Contrast;
    ImGui::End();
}

}  // namespace qantar::ui
