#include "ui/event_list_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace qantar::ui {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool contains(const std::string& haystack, const std::string& needleLower) {
    return needleLower.empty() || lower(haystack).find(needleLower) != std::string::npos;
}

}  // namespace

void EventListPanel::setSearch(const std::string& text) {
    std::snprintf(m_search, sizeof m_search, "%s", text.c_str());
}

bool EventListPanel::matches(const core::Event& e) const {
    if (!m_categories[static_cast<std::size_t>(e.category)]) return false;
    if (!m_place.empty() && e.place.name != m_place) return false;
    const std::string q = lower(m_search);
    return contains(e.title, q) || contains(e.description, q) || contains(e.place.name, q) || contains(e.id, q) ||
           contains(e.site, q);
}

void EventListPanel::draw(AppState& state, float top, float bottom) {
    if (!state.showEvents || !state.world) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(440.0f, vp->Size.x * 0.3f);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - width - 8.0f, top + 8.0f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(width, std::max(200.0f, (bottom - top) * 0.45f)), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.92f);
    if (!ImGui::Begin("Events", &state.showEvents)) {
        ImGui::End();
        return;
    }
    const core::Dataset& data = state.world->data();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", "Search titles, places, descriptions", m_search, sizeof m_search);

    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
    int enabled = 0;
    for (bool b : m_categories) enabled += b;
    char catLabel[48];
    std::snprintf(catLabel, sizeof catLabel, "%d of %d categories", enabled, core::kCategoryCount);
    if (ImGui::BeginCombo("##categories", catLabel)) {
        if (ImGui::Selectable("All", false, ImGuiSelectableFlags_DontClosePopups)) m_categories.fill(true);
        if (ImGui::Selectable("None", false, ImGuiSelectableFlags_DontClosePopups)) m_categories.fill(false);
        ImGui::Separator();
        for (int c = 0; c < core::kCategoryCount; ++c) {
            bool on = m_categories[static_cast<std::size_t>(c)];
            if (ImGui::Checkbox(core::categoryLabel(static_cast<core::Category>(c)), &on)) {
                m_categories[static_cast<std::size_t>(c)] = on;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##place", m_place.empty() ? "All places" : m_place.c_str())) {
        if (ImGui::Selectable("All places", m_place.empty())) m_place.clear();
        std::set<std::string> places;
        for (const auto& e : data.events)
            if (!e.place.name.empty()) places.insert(e.place.name);
        for (const auto& p : places)
            if (ImGui::Selectable(p.c_str(), p == m_place)) m_place = p;
        ImGui::EndCombo();
    }

    // The filter runs again only when it or the dataset changes, not every frame.
    const RowsKey key{state.world, data.events.size(), m_search, m_categories, m_place};
    if (!(key == m_rowsKey)) {
        m_rows.clear();
        for (std::uint32_t i = 0; i < data.events.size(); ++i)
            if (matches(data.events[i])) m_rows.push_back(i);
        m_rowsKey = key;
    }
    ImGui::TextDisabled("%zu of %zu events", m_rows.size(), data.events.size());

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##events", 3, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, 92.0f);
        ImGui::TableSetupColumn("Event", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_WidthFixed, 90.0f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_rows.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const std::uint32_t i = m_rows[static_cast<std::size_t>(r)];
                const core::Event& e = data.events[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const core::CivilTime c = core::toCivil(e.start, state.displayZone);
                char when[32];
                if (e.precision == core::Precision::Day || e.precision == core::Precision::Approximate) {
                    std::snprintf(when, sizeof when, "%02d-%02d%s", c.month, c.day,
                                  e.precision == core::Precision::Approximate ? " ~" : "");
                } else {
                    std::snprintf(when, sizeof when, "%02d-%02d %02d:%02d", c.month, c.day, c.hour, c.minute);
                }
                ImGui::PushID(static_cast<int>(i));
                const bool selected = state.selectedEvent && *state.selectedEvent == i;
                if (ImGui::Selectable(when, selected, ImGuiSelectableFlags_SpanAllColumns)) state.selectEvent(i);
                ImGui::PopID();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(e.title.c_str());
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", core::categoryLabel(e.category));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(e.place.name.c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace qantar::ui
