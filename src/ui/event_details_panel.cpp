#include "ui/event_details_panel.hpp"

#include <imgui.h>

#include "core/events/counters.hpp"
#include "core/events/timeline.hpp"

namespace qantar::ui {

void EventDetailsPanel::draw(AppState& state, float top, float bottom) {
    if (!state.world || !state.selectedEvent) return;
    const core::Dataset& data = state.world->data();
    if (*state.selectedEvent >= data.events.size()) return;
    const core::Event& e = data.events[*state.selectedEvent];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(440.0f, vp->Size.x * 0.3f);
    const float listH = std::max(200.0f, (bottom - top) * 0.45f);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - width - 8.0f, top + listH + 16.0f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(width, std::max(160.0f, bottom - top - listH - 24.0f)), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.94f);
    bool open = true;
    if (!ImGui::Begin("Event details", &open)) {
        ImGui::End();
        if (!open) state.selectedEvent.reset();
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(e.title.c_str());
    ImGui::TextDisabled("%s  \xC2\xB7  %s", core::categoryLabel(e.category), e.id.c_str());
    ImGui::Separator();

    const core::Interval iv = core::effectiveInterval(e);
    ImGui::Text("When: %s", core::formatSpanForDisplay(iv.start, iv.end, state.displayZone, e.precision).c_str());
    if (e.localZone != state.displayZone) {
        ImGui::TextDisabled("Local: %s", core::formatSpanForDisplay(iv.start, iv.end, e.localZone, e.precision).c_str());
    }
    ImGui::TextDisabled("Precision: %s", core::precisionName(e.precision));
    if (e.recurrence) {
        ImGui::Text("Nightly from %02d:%02d to %02d:%02d local time", e.recurrence->fromMinutes / 60,
                    e.recurrence->fromMinutes % 60, e.recurrence->toMinutes / 60, e.recurrence->toMinutes % 60);
        if (!e.recurrence->assumptionNote.empty()) ImGui::TextDisabled("Assumption: %s", e.recurrence->assumptionNote.c_str());
    }
    if (!e.dateReasoning.empty() && ImGui::CollapsingHeader("How the date was worked out")) {
        ImGui::TextUnformatted(e.dateReasoning.c_str());
    }

    std::string where = e.place.name;
    if (!e.site.empty()) where = e.site + ", " + where;
    if (!e.place.region.empty()) where += " (" + e.place.region + ")";
    ImGui::Text("Where: %s", where.c_str());
    if (e.place.lonLat) ImGui::TextDisabled("%.4f N, %.4f E  \xC2\xB7  %s precision", e.place.lonLat->lat, e.place.lonLat->lon, e.placePrecision.c_str());
    if (!e.placeNote.empty()) ImGui::TextDisabled("%s", e.placeNote.c_str());

    ImGui::Spacing();
    ImGui::TextUnformatted(e.description.c_str());

    if (!e.figures.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Figures");
        if (ImGui::BeginTable("##figures", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("Figure");
            ImGui::TableSetupColumn("Who");
            ImGui::TableSetupColumn("Reported by");
            ImGui::TableSetupColumn("Source");
            ImGui::TableHeadersRow();
            for (const auto& f : e.figures) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                std::string v = f.value ? core::formatCount(*f.value) : f.min ? "\xE2\x89\xA5" + core::formatCount(*f.min) : "?";
                if (!f.qualifier.empty() && f.qualifier != "exact") v = f.qualifier + " " + v;
                ImGui::Text("%s %s", v.c_str(), core::figureKindId(f.kind));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(f.subject.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%s (%s)", f.reportedBy.c_str(), f.asOf.c_str());
                ImGui::TableNextColumn();
                const core::Source* s = data.findSource(f.source);
                ImGui::TextUnformatted(s ? s->outlet.c_str() : f.source.c_str());
                if (!f.note.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.note.c_str());
            }
            ImGui::EndTable();
        }
    }

    ImGui::Spacing();
    ImGui::TextUnformatted("Sources");
    for (const auto& ref : e.sources) {
        const core::Source* s = data.findSource(ref.source);
        ImGui::Bullet();
        if (s) {
            ImGui::Text("%s%s \xE2\x80\x94 \"%s\"", s->outlet.c_str(), s->outletInferred ? " (outlet inferred)" : "",
                        s->headline.c_str());
        } else {
            ImGui::Text("%s", ref.source.c_str());
        }
        ImGui::Indent();
        ImGui::TextColored(ImVec4(0.75f, 0.8f, 0.9f, 1.0f), "\xE2\x80\x9C%s\xE2\x80\x9D", ref.quote.c_str());
        if (s && !s->file.empty()) ImGui::TextDisabled("%s", s->file.c_str());
        ImGui::Unindent();
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
    if (!open) state.selectedEvent.reset();
}

}  // namespace qantar::ui
