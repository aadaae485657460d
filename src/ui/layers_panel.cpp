#include "ui/layers_panel.hpp"

#include <imgui.h>

#include <cmath>
#include <utility>
#include <vector>

#include "ui/docked.hpp"
#include "ui/style.hpp"

namespace qantar::ui {

namespace {

ImU32 u32(const core::Rgba& c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

}  // namespace

// A small picture of a legend entry as the map draws it, in the map's colours: area patterns with
// the map's angle, spacing and line width (at the panel's scale, as the map uses the interface
// scale), on a tile of the map's land, so they read on any panel colour.
void drawLegendSwatch(core::LegendSymbol symbol, const core::Theme& t) {
    const float size = ImGui::GetFrameHeight();
    const float s = ImGui::GetFontSize() / kRegularFontPx;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + size * 0.5f, p.y + size * 0.5f);
    const float r = size * 0.28f;
    auto mark = [&](core::MarkKind k) { return u32(t.marks[static_cast<std::size_t>(k)]); };
    const ImU32 outline = u32(t.markOutline);
    const ImVec2 t0(p.x + 2.0f * s, p.y + 2.0f * s), t1(p.x + size - 2.0f * s, p.y + size - 2.0f * s);
    const auto tile = [&] {
        dl->AddRectFilled(ImVec2(t0.x - 1, t0.y - 1), ImVec2(t1.x + 1, t1.y + 1),
                          u32(core::Rgba{t.labelText.r, t.labelText.g, t.labelText.b, 0.6f}));
        dl->AddRectFilled(t0, t1, u32(t.fills[static_cast<int>(core::FillStyle::RegionTint0)]));
    };
    const auto star = [&](ImVec2 at, float outer, float inner, int points, ImU32 col) {
        ImVec2 pts[24];
        for (int i = 0; i < 2 * points; ++i) {
            const float a = -1.5707963f + 3.14159265f * static_cast<float>(i) / static_cast<float>(points);
            const float rr = i % 2 == 0 ? outer : inner;
            pts[i] = ImVec2(at.x + rr * std::cos(a), at.y + rr * std::sin(a));
        }
        // Convex fill fails for a star: a fan of triangles from the centre.
        for (int i = 0; i < 2 * points; ++i) dl->AddTriangleFilled(at, pts[i], pts[(i + 1) % (2 * points)], col);
    };
    switch (symbol) {
        case core::LegendSymbol::Protest:
            dl->AddCircle(c, r * 1.6f, mark(core::MarkKind::Protest), 24, 1.5f);
            dl->AddCircleFilled(c, r, mark(core::MarkKind::Protest));
            break;
        case core::LegendSymbol::ProtestViolent:
            star(c, r * 1.6f, r * 0.8f, 5, mark(core::MarkKind::ProtestViolent));
            dl->AddCircleFilled(c, r * 0.8f, outline);
            dl->AddCircleFilled(c, r * 0.62f, mark(core::MarkKind::ProtestViolent));
            break;
        case core::LegendSymbol::Clash:
            dl->AddQuadFilled(ImVec2(c.x, c.y - r * 1.3f), ImVec2(c.x + r * 1.3f, c.y), ImVec2(c.x, c.y + r * 1.3f),
                              ImVec2(c.x - r * 1.3f, c.y), mark(core::MarkKind::Clash));
            break;
        case core::LegendSymbol::Arson:
            dl->AddTriangleFilled(ImVec2(c.x - r * 1.2f, c.y - r), ImVec2(c.x + r * 1.2f, c.y - r), ImVec2(c.x, c.y + r * 1.1f),
                                  mark(core::MarkKind::Arson));
            break;
        case core::LegendSymbol::Curfew: {
            tile();
            dl->AddRectFilled(t0, t1, u32(t.curfewShade));
            const core::Rgba night{t.curfewShade.r, t.curfewShade.g, t.curfewShade.b + 0.12f, 1.0f};
            dl->AddCircleFilled(c, r * 1.25f, u32(night));
            dl->AddCircleFilled(ImVec2(c.x - r * 0.1f, c.y), r * 0.75f, IM_COL32(255, 224, 115, 255));
            dl->AddCircleFilled(ImVec2(c.x + r * 0.25f, c.y - r * 0.15f), r * 0.62f, u32(night));
            break;
        }
        case core::LegendSymbol::Emergency: {
            // Diagonal stripes as the map's: 11 px apart, 1.4 px wide, falling to the right.
            tile();
            dl->PushClipRect(t0, t1, true);
            const float step = 11.0f * s;
            for (float k = -size; k < size * 2; k += step) {
                dl->AddLine(ImVec2(t0.x + k, t0.y), ImVec2(t0.x + k + size, t0.y + size), u32(t.emergencyHatch), 1.4f * s);
            }
            dl->PopClipRect();
            break;
        }
        case core::LegendSymbol::Internet: {
            // The blackout: the map's grey wash, with horizontal lines 5 px apart, 1.5 px wide.
            tile();
            const core::Rgba& ink = t.internetShade;
            dl->AddRectFilled(t0, t1, u32(core::blackoutWash(t)));
            for (float y = t0.y + 2.5f * s; y < t1.y; y += 5.0f * s) {
                dl->AddLine(ImVec2(t0.x, y), ImVec2(t1.x, y), u32(ink), 1.5f * s);
            }
            break;
        }
        case core::LegendSymbol::CstoArrow: {
            const ImVec2 a(c.x - r * 1.6f, c.y + r * 1.3f), b(c.x + r * 1.5f, c.y - r * 1.2f);
            const ImU32 halo = u32(core::Rgba{t.labelHalo.r, t.labelHalo.g, t.labelHalo.b, 0.75f});
            dl->AddLine(a, b, halo, 4.0f * s);
            for (int i = 0; i < 3; ++i) {
                const float f0 = static_cast<float>(i) / 3.0f, f1 = f0 + 0.2f;
                dl->AddLine(ImVec2(a.x + (b.x - a.x) * f0, a.y + (b.y - a.y) * f0),
                            ImVec2(a.x + (b.x - a.x) * f1, a.y + (b.y - a.y) * f1), u32(t.airlift), 2.2f * s);
            }
            dl->AddTriangleFilled(b, ImVec2(b.x - r * 1.2f, b.y + r * 0.1f), ImVec2(b.x - r * 0.3f, b.y + r * 1.1f), u32(t.airlift));
            break;
        }
        case core::LegendSymbol::CstoBadge: star(c, r * 1.3f, r * 0.55f, 5, mark(core::MarkKind::Csto)); break;
        case core::LegendSymbol::Airport: {
            dl->AddCircleFilled(c, r * 1.45f, mark(core::MarkKind::Airport));
            // An aircraft heading to the top right: body, wings and tail.
            const float k = 0.7071f;
            const auto rot = [&](float x, float y) { return ImVec2(c.x + (x + y) * k, c.y + (y - x) * k); };
            dl->AddLine(rot(0, r * 0.95f), rot(0, -r * 1.05f), outline, 2.2f * s);
            dl->AddTriangleFilled(rot(0, -r * 0.25f), rot(-r * 0.95f, r * 0.2f), rot(r * 0.95f, r * 0.2f), outline);
            dl->AddTriangleFilled(rot(0, r * 0.55f), rot(-r * 0.45f, r * 0.85f), rot(r * 0.45f, r * 0.85f), outline);
            break;
        }
        case core::LegendSymbol::Casualty:
            dl->AddRectFilled(ImVec2(c.x - r * 0.35f, c.y - r), ImVec2(c.x + r * 0.35f, c.y + r), mark(core::MarkKind::Casualty));
            dl->AddRectFilled(ImVec2(c.x - r, c.y - r * 0.35f), ImVec2(c.x + r, c.y + r * 0.35f), mark(core::MarkKind::Casualty));
            break;
        case core::LegendSymbol::Arrest:
            dl->AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r * 0.8f), ImVec2(c.x + r * 0.8f, c.y + r * 0.8f), mark(core::MarkKind::Arrest));
            break;
        case core::LegendSymbol::Government: dl->AddCircle(c, r, mark(core::MarkKind::Government), 20, 2.0f); break;
        case core::LegendSymbol::Capital:
            dl->AddCircleFilled(c, r * 1.05f, u32(t.cityDotOutline));
            dl->AddCircle(c, r * 0.75f, u32(t.capitalDot), 20, 1.6f * s);
            dl->AddCircleFilled(c, r * 0.3f, u32(t.capitalDot));
            break;
        case core::LegendSymbol::Night:     // the base map's layer: listed under Base map
        case core::LegendSymbol::DateOnly:  // drawn by drawUncertainSwatch, with its own row
        case core::LegendSymbol::Count: break;
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
        // Each layer's switch, with a row per symbol it draws (the first beside the switch).
        // Every entry, whatever is on: the same list for the whole run, made once.
        static const std::vector<core::LegendEntry> entries = core::allLegendEntries();
        for (int i = 0; i < core::kEventLayerCount; ++i) {
            const auto layer = static_cast<core::EventLayer>(i);
            bool first = true;
            for (const auto& e : entries) {
                if (e.layer != layer) continue;
                drawLegendSwatch(e.symbol, t);
                ImGui::SameLine();
                if (first) {
                    bool on = state.eventLayers.visible(layer);
                    if (ImGui::Checkbox(core::eventLayerName(layer), &on)) state.eventLayers.on[static_cast<std::size_t>(i)] = on;
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.label);
                    first = false;
                } else {
                    ImGui::AlignTextToFramePadding();
                    ImGui::TextDisabled("%s", e.label);
                }
            }
            if (layer == core::EventLayer::Internet) {
                // The timeline's connectivity band, in its own colours.
                const PanelColors pc = panelColors(state.theme);
                const float h = ImGui::GetTextLineHeight() * 0.7f;
                ImGui::TextDisabled("Its band on the timeline:");
                bool firstChip = true;
                for (auto [col, what] : {std::pair{pc.internetFull, "shut down"}, std::pair{pc.internetPartial, "partly"},
                                         std::pair{pc.internetRestored, "restored"}}) {
                    if (!firstChip) ImGui::SameLine();
                    firstChip = false;
                    const ImVec2 q = ImGui::GetCursorScreenPos();
                    const float y = q.y + (ImGui::GetFrameHeight() - h) * 0.5f;
                    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(q.x, y), ImVec2(q.x + h * 1.6f, y + h), col);
                    ImGui::Dummy(ImVec2(h * 1.6f, ImGui::GetFrameHeight()));
                    ImGui::SameLine(0.0f, 3.0f);
                    ImGui::TextDisabled("%s", what);
                }
            }
        }
        for (const auto& e : entries) {
            // Date only has its own row below; the night is a base-map layer, switched and explained there.
            if (e.layer || e.symbol == core::LegendSymbol::DateOnly || e.symbol == core::LegendSymbol::Night) continue;
            drawLegendSwatch(e.symbol, t);
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s", e.label);
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
