#include "ui/event_list_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/events/event_time.hpp"
#include "core/events/timeline.hpp"
#include "ui/docked.hpp"
#include "ui/long_text.hpp"

namespace qantar::ui {

void EventListPanel::draw(AppState& state) {
    if (!state.showEvents || !state.world || state.layout.events.empty()) return;
    if (!beginDocked("Events###events", state.layout.events, &state.showEvents)) {
        ImGui::End();
        return;
    }
    const core::Dataset& data = state.world->data();
    core::EventFilter& filter = state.filter;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##search", "Search titles, places, descriptions", m_search, sizeof m_search)) {
        filter.search = m_search;
    }
    if (filter.search != m_search) std::snprintf(m_search, sizeof m_search, "%s", filter.search.c_str());

    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
    char catLabel[48];
    std::snprintf(catLabel, sizeof catLabel, "%d of %d categories", filter.categoriesOn(), core::kCategoryCount);
    if (ImGui::BeginCombo("##categories", catLabel)) {
        if (ImGui::Selectable("All##categories", false, ImGuiSelectableFlags_DontClosePopups)) filter.categories.fill(true);
        if (ImGui::Selectable("None##categories", false, ImGuiSelectableFlags_DontClosePopups)) filter.categories.fill(false);
        ImGui::Separator();
        for (int c = 0; c < core::kCategoryCount; ++c) {
            bool on = filter.categories[static_cast<std::size_t>(c)];
            if (ImGui::Checkbox(core::categoryLabel(static_cast<core::Category>(c)), &on)) {
                filter.categories[static_cast<std::size_t>(c)] = on;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##place", filter.place.empty() ? "All places" : filter.place.c_str())) {
        if (ImGui::Selectable("All places", filter.place.empty())) filter.place.clear();
        for (const auto& p : core::eventPlaceNames(data)) {
            if (ImGui::Selectable(p.c_str(), p == filter.place)) filter.place = p;
        }
        ImGui::EndCombo();
    }

    // The rows follow the session's mask (rebuilt only when the filter or the dataset changes).
    if (m_rowsWorld != state.world || m_rowsGeneration != state.worldGeneration || m_rowsSerial != state.shownSerial) {
        m_rows.clear();
        for (std::uint32_t i = 0; i < data.events.size(); ++i) {
            if (state.isShown(i)) m_rows.push_back(i);
        }
        m_rowsWorld = state.world;
        m_rowsGeneration = state.worldGeneration;
        m_rowsSerial = state.shownSerial;
    }
    if (filter.active()) {
        ImGui::TextDisabled("%zu of %zu events (the map and timeline show the same)", m_rows.size(), data.events.size());
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear filter")) {
            filter = core::EventFilter{};
            m_search[0] = '\0';
        }
    } else {
        ImGui::TextDisabled("%zu events; \xE2\x80\xA2 in force now, \xE2\x97\x8C date only (may be under way)",
                            data.events.size());
    }

    // Which row to bring into view: the selection when it changes, else the first event in force
    // when the clock jumps (and the list is not being scrolled by hand).
    int scrollTo = -1;
    const core::TimelineIndex& index = state.world->index();
    if (state.selectionSerial != m_lastSelection && state.selectedEvent) {
        auto it = std::lower_bound(m_rows.begin(), m_rows.end(), *state.selectedEvent);
        if (it != m_rows.end() && *it == *state.selectedEvent) scrollTo = static_cast<int>(it - m_rows.begin());
    } else if (state.clock.now.unixSeconds != m_lastNow && !state.clock.playing &&
               !ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) {
        // Only after a jump: scanning for the first event in force is not worth it every frame
        // of playback (a million rows).
        for (std::size_t r = 0; r < m_rows.size(); ++r) {
            const core::Interval iv = index.interval(m_rows[r]);
            if (iv.start <= state.clock.now && state.clock.now < iv.end) {
                scrollTo = static_cast<int>(r);
                break;
            }
            if (state.clock.now < iv.start) break;
        }
    }
    m_lastSelection = state.selectionSerial;
    m_lastNow = state.clock.now.unixSeconds;

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##events", 3, flags)) {
        const float em = ImGui::GetFontSize();
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, em * 7.6f);
        ImGui::TableSetupColumn("Event", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
        ImGui::TableHeadersRow();
        if (scrollTo >= 0) {
            const float rowH = ImGui::GetTextLineHeight() + 2.0f * ImGui::GetStyle().CellPadding.y;
            const float visible = ImGui::GetWindowHeight();
            ImGui::SetScrollY(std::max(0.0f, static_cast<float>(scrollTo) * rowH - visible / 3.0f));
        }
        const ImU32 activeCol = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_rows.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const std::uint32_t i = m_rows[static_cast<std::size_t>(r)];
                const core::Event& e = data.events[i];
                const core::Interval iv = index.interval(i);
                const core::EventState now = core::eventStateAt(e, iv, state.clock.now);
                const bool active = now == core::EventState::InForce || now == core::EventState::Uncertain;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const char* mark = now == core::EventState::InForce     ? "\xE2\x80\xA2 "
                                   : now == core::EventState::Uncertain ? "\xE2\x97\x8C "
                                                                        : "  ";
                const std::string when = mark + core::formatEventListDate(e, iv, state.displayZone);
                ImGui::PushID(static_cast<int>(i));
                const bool selected = state.selectedEvent && *state.selectedEvent == i;
                if (active) ImGui::PushStyleColor(ImGuiCol_Text, activeCol);
                if (ImGui::Selectable(when.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
                    state.actions.push(action::SelectEvent{i});
                }
                if (active) ImGui::PopStyleColor();
                if (ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(em * 28.0f);
                    ImGui::TextUnformatted(shortened(e.title, 160).c_str());
                    ImGui::TextDisabled("%s  \xC2\xB7  %s  \xC2\xB7  %s", core::categoryLabel(e.category),
                                        core::formatEventWhen(e, iv, state.displayZone).c_str(), e.place.name.c_str());
                    if (now == core::EventState::Uncertain) {
                        ImGui::TextDisabled(e.precision == core::Precision::Day
                                                ? "Date only: no time of day is given, so it may not have happened yet."
                                                : "Approximate dates: at this moment it may not have happened yet.");
                    }
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                ImGui::PopID();
                ImGui::TableNextColumn();
                shortenInto(e.title, 160, m_cell);
                ImGui::TextUnformatted(m_cell.c_str());
                ImGui::TableNextColumn();
                shortenInto(e.place.name, 80, m_cell);
                ImGui::TextUnformatted(m_cell.c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace qantar::ui
