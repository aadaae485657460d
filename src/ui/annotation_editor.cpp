#include "ui/annotation_editor.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/time/time_input.hpp"
#include "ui/long_text.hpp"
#include "ui/model_actions.hpp"

namespace qantar::ui {

namespace {

const char* const kKindNames[core::kAnnotationKindCount] = {"Text callout", "Arrow", "Circle", "Area"};
const char* const kColorNames[core::kAnnotationColorCount] = {"Ink", "Red", "Orange", "Blue", "Green", "Purple"};

// The map's centre and the height of map shown (km), for placing new annotations where the user
// is looking, at a size that reads at this zoom.
struct Here {
    core::LonLat centre{67.0, 48.0};
    double spanKm = 1500.0;
};

Here here(const AppState& state) {
    Here h;
    const core::StoryView v = onScreenView(state);
    h.spanKm = v.spanMeters / 1000.0;
    if (state.projection) {
        if (auto ll = state.projection->unproject(v.center)) h.centre = *ll;
    }
    return h;
}

// A point `eastKm` east and `northKm` north of `p` (small distances; good enough to seed shapes).
core::LonLat offsetKm(core::LonLat p, double eastKm, double northKm) {
    constexpr double kmPerDegree = 111.195;
    const double lat = std::clamp(p.lat + northKm / kmPerDegree, -89.9, 89.9);
    double lon = p.lon + eastKm / (kmPerDegree * std::max(0.05, std::cos(p.lat * 3.14159265358979 / 180.0)));
    lon = std::clamp(lon, -180.0, 180.0);
    return core::LonLat{lon, lat};
}

// Gives `a` the points its kind needs, keeping the first one where it is.
void shapeFor(core::Annotation& a, double sizeKm) {
    const core::LonLat p = a.points.empty() ? core::LonLat{67.0, 48.0} : a.points.front();
    switch (a.kind) {
        case core::AnnotationKind::Text:
        case core::AnnotationKind::Circle: a.points = {p}; break;
        case core::AnnotationKind::Arrow: a.points = {offsetKm(p, -sizeKm, -sizeKm * 0.5), p}; break;
        case core::AnnotationKind::Area:
            a.points = {offsetKm(p, -sizeKm * 0.5, -sizeKm * 0.5), offsetKm(p, sizeKm * 0.5, -sizeKm * 0.5),
                        offsetKm(p, sizeKm * 0.5, sizeKm * 0.5), offsetKm(p, -sizeKm * 0.5, sizeKm * 0.5)};
            break;
    }
    if (a.kind == core::AnnotationKind::Circle) a.radiusKm = std::clamp(std::round(sizeKm * 0.5 * 10.0) / 10.0, 0.1, 3000.0);
}

core::Annotation newAnnotation(core::AnnotationKind kind, const Here& h) {
    core::Annotation a;
    a.kind = kind;
    a.points = {h.centre};
    if (kind == core::AnnotationKind::Text) a.text = "Note";
    shapeFor(a, h.spanKm * 0.12);
    return a;
}

// Two numbers, longitude then latitude, kept in their ranges.
bool lonLatInput(const char* label, core::LonLat& p) {
    double v[2] = {p.lon, p.lat};
    if (!ImGui::InputScalarN(label, ImGuiDataType_Double, v, 2, nullptr, nullptr, "%.5f")) return false;
    p.lon = std::clamp(std::isfinite(v[0]) ? v[0] : p.lon, -180.0, 180.0);
    p.lat = std::clamp(std::isfinite(v[1]) ? v[1] : p.lat, -90.0, 90.0);
    return true;
}

}  // namespace

void AnnotationEditor::syncRows(const core::Scene& sc) {
    if (m_rowsScene == &sc && m_rowsData == sc.annotations.data() && m_rowsCount == sc.annotations.size()) return;
    m_rows.clear();
    for (const core::Annotation& a : sc.annotations) {
        RowText r;
        if (a.from) r.from = core::formatIso(*a.from, a.zone);
        if (a.to) r.to = core::formatIso(*a.to, a.zone);
        m_rows.push_back(std::move(r));
    }
    m_rowsScene = &sc;
    m_rowsData = sc.annotations.data();
    m_rowsCount = sc.annotations.size();
}

bool AnnotationEditor::draw(AppState& state, core::Scene& sc) {
    bool changed = false;
    ImGui::PushID("annotations");
    char header[64];
    std::snprintf(header, sizeof header, "Annotations (%zu)###annotations", sc.annotations.size());
    const bool open = ImGui::TreeNodeEx(header, ImGuiTreeNodeFlags_DefaultOpen);
    if (!open) {
        ImGui::PopID();
        return false;
    }
    ImGui::TextDisabled("Shown on the map while this scene is current.");
    const bool full = sc.annotations.size() >= core::kMaxAnnotationsPerList;
    for (int k = 0; k < core::kAnnotationKindCount; ++k) {
        if (k > 0) ImGui::SameLine();
        char label[48];
        std::snprintf(label, sizeof label, "+ %s##add", kKindNames[k]);
        if (ImGui::Button(label) && !full) {
            sc.annotations.push_back(newAnnotation(static_cast<core::AnnotationKind>(k), here(state)));
            changed = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Adds one at the centre of the map");
    }
    syncRows(sc);

    static std::size_t textLimit = core::kMaxAnnotationTextChars;
    std::ptrdiff_t remove = -1;
    for (std::size_t i = 0; i < sc.annotations.size(); ++i) {
        core::Annotation& a = sc.annotations[i];
        RowText& row = m_rows[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        int kind = static_cast<int>(a.kind);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
        if (ImGui::Combo("Kind", &kind, kKindNames, core::kAnnotationKindCount)) {
            a.kind = static_cast<core::AnnotationKind>(kind);
            shapeFor(a, here(state).spanKm * 0.12);
            if (a.kind == core::AnnotationKind::Text && a.text.empty()) a.text = "Note";
            changed = true;
        }
        ImGui::SameLine();
        if (ImGui::Button("Remove")) remove = static_cast<std::ptrdiff_t>(i);
        changed |= ImGui::InputTextWithHint("Text", a.kind == core::AnnotationKind::Text ? "(needed)" : "(label, optional)",
                                            &a.text, ImGuiInputTextFlags_CallbackEdit, keepWithinLimit, &textLimit);
        switch (a.kind) {
            case core::AnnotationKind::Text: {
                changed |= lonLatInput("At (lon, lat)", a.points[0]);
                float off[2] = {a.offsetPx ? static_cast<float>(a.offsetPx->x) : 0.0f,
                                a.offsetPx ? static_cast<float>(a.offsetPx->y) : 0.0f};
                if (ImGui::InputFloat2("Text offset (px)", off, "%.0f")) {
                    off[0] = std::clamp(std::isfinite(off[0]) ? off[0] : 0.0f, -1000.0f, 1000.0f);
                    off[1] = std::clamp(std::isfinite(off[1]) ? off[1] : 0.0f, -1000.0f, 1000.0f);
                    if (off[0] == 0.0f && off[1] == 0.0f) a.offsetPx.reset();
                    else a.offsetPx = core::ScreenPx{off[0], off[1]};
                    changed = true;
                }
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("Where the text sits from its point, in pixels at 1080p (x right, y down); a leader line joins them");
                break;
            }
            case core::AnnotationKind::Arrow:
                changed |= lonLatInput("From (lon, lat)", a.points[0]);
                changed |= lonLatInput("To (lon, lat)", a.points[1]);
                break;
            case core::AnnotationKind::Circle: {
                changed |= lonLatInput("Centre (lon, lat)", a.points[0]);
                double r = a.radiusKm;
                if (ImGui::InputDouble("Radius (km)", &r, 1.0, 10.0, "%.1f")) {
                    a.radiusKm = std::clamp(std::isfinite(r) ? r : a.radiusKm, core::kMinCircleRadiusKm, core::kMaxCircleRadiusKm);
                    changed = true;
                }
                break;
            }
            case core::AnnotationKind::Area: {
                std::ptrdiff_t dropCorner = -1;
                for (std::size_t p = 0; p < a.points.size(); ++p) {
                    ImGui::PushID(static_cast<int>(p));
                    char label[32];
                    std::snprintf(label, sizeof label, "Corner %zu", p + 1);
                    changed |= lonLatInput(label, a.points[p]);
                    if (a.points.size() > 3) {
                        ImGui::SameLine();
                        if (ImGui::SmallButton("x")) dropCorner = static_cast<std::ptrdiff_t>(p);
                    }
                    ImGui::PopID();
                }
                if (dropCorner >= 0) {
                    a.points.erase(a.points.begin() + dropCorner);
                    changed = true;
                }
                if (a.points.size() < core::kMaxAnnotationPoints && ImGui::SmallButton("Add a corner")) {
                    // Halfway between the last corner and the first, so the shape stays simple.
                    const core::LonLat p = a.points.back(), q = a.points.front();
                    a.points.push_back(core::LonLat{(p.lon + q.lon) * 0.5, (p.lat + q.lat) * 0.5});
                    changed = true;
                }
                break;
            }
        }
        if (ImGui::Button("Move to the map's centre")) {
            // The whole shape moves, keeping its form.
            const core::LonLat c = here(state).centre, first = a.points.front();
            for (core::LonLat& p : a.points) {
                p.lon = std::clamp(p.lon + (c.lon - first.lon), -180.0, 180.0);
                p.lat = std::clamp(p.lat + (c.lat - first.lat), -90.0, 90.0);
            }
            changed = true;
        }
        ImGui::SameLine();
        int color = static_cast<int>(a.color);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
        if (ImGui::Combo("Colour", &color, kColorNames, core::kAnnotationColorCount)) {
            a.color = static_cast<core::AnnotationColor>(color);
            changed = true;
        }
        // The time range, typed as the scene's times are; applied on Enter or on leaving the field.
        bool timeEdited = false;
        timeEdited |= ImGui::InputTextWithHint("Shown from", "(empty: from the start)", &row.from, ImGuiInputTextFlags_EnterReturnsTrue);
        timeEdited |= ImGui::IsItemDeactivatedAfterEdit();
        timeEdited |= ImGui::InputTextWithHint("Shown until", "(empty: to the end)", &row.to, ImGuiInputTextFlags_EnterReturnsTrue);
        timeEdited |= ImGui::IsItemDeactivatedAfterEdit();
        if (timeEdited) {
            const core::Instant ref = state.clock.now;
            std::optional<core::Instant> from, to;
            std::optional<core::ZoneOffset> zone;
            row.error.clear();
            if (!row.from.empty()) {
                if (auto t = core::parseUserTime(row.from, a.zone, ref)) {
                    from = t->instant;
                    zone = t->offset;
                } else {
                    row.error = "Shown from: " + t.error().message;
                }
            }
            if (row.error.empty() && !row.to.empty()) {
                if (auto t = core::parseUserTime(row.to, a.zone, from.value_or(ref))) {
                    to = t->instant;
                    if (!zone) zone = t->offset;
                } else {
                    row.error = "Shown until: " + t.error().message;
                }
            }
            if (row.error.empty() && from && to && !(*from < *to)) row.error = "It must stop showing after it starts.";
            if (row.error.empty()) {
                a.from = from;
                a.to = to;
                if (zone) a.zone = *zone;
                changed = true;
            }
        }
        if (!row.error.empty()) ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotLinesHovered), "%s", row.error.c_str());
        if (const std::string why = core::annotationProblem(a); !why.empty()) {
            ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotLinesHovered), "Not saved until fixed: %s.", why.c_str());
        }
        ImGui::PopID();
    }
    if (remove >= 0) {
        sc.annotations.erase(sc.annotations.begin() + remove);
        changed = true;
    }
    if (changed) syncRows(sc);
    ImGui::TreePop();
    ImGui::PopID();
    return changed;
}

}  // namespace qantar::ui
