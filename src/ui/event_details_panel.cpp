#include "ui/event_details_panel.hpp"

#include <imgui.h>

#include "ui/docked.hpp"
#include "ui/long_text.hpp"

#include "core/events/counters.hpp"
#include "core/events/event_time.hpp"
#include "core/events/timeline.hpp"

namespace qantar::ui {

void EventDetailsPanel::draw(AppState& state) {
    if (!state.world || !state.selectedEvent || state.layout.details.empty()) return;
    const core::Dataset& data = state.world->data();
    if (*state.selectedEvent >= data.events.size()) return;
    const core::Event& e = data.events[*state.selectedEvent];
    bool open = true;
    if (!beginDocked("Event details###details", state.layout.details, &open)) {
        ImGui::End();
        if (!open) state.actions.push(action::ClearSelection{});
        return;
    }
    // A newly selected event starts at its title, not at the previous one's scroll offset.
    if (m_shownSelection != state.selectionSerial) {
        ImGui::SetScrollY(0.0f);
        m_shownSelection = state.selectionSerial;
    }
    ImGui::PushTextWrapPos(0.0f);
    textLong(e.title);
    ImGui::TextDisabled("%s  \xC2\xB7  %s", core::categoryLabel(e.category), e.id.c_str());
    ImGui::Separator();

    const core::Interval iv = core::effectiveInterval(e);
    // A date-only event is a calendar day where it happened, never shifted into the display zone
    // (2 January in Zhanaozen is not "1-2 January" in UTC); a time of day is shown in the display
    // zone, with the place's own clock beside it.
    ImGui::Text("When: %s", core::formatEventWhen(e, iv, state.displayZone).c_str());
    if (e.precision == core::Precision::Day || e.precision == core::Precision::Approximate) {
        ImGui::TextDisabled("Calendar days at the place (%s); the sources give no time of day.",
                            core::formatOffset(e.localZone).c_str());
    } else if (e.localZone != state.displayZone) {
        ImGui::TextDisabled("Local: %s", core::formatEventWhen(e, iv, e.localZone).c_str());
    }
    ImGui::TextDisabled("Precision: %s", core::precisionName(e.precision));
    if (e.recurrence) {
        const char* fromAssumed = e.recurrence->assumes("daily_from") ? " (assumed)" : "";
        const char* toAssumed = e.recurrence->assumes("daily_to") ? " (assumed)" : "";
        ImGui::Text("Nightly from %02d:%02d%s to %02d:%02d%s local time", e.recurrence->fromMinutes / 60,
                    e.recurrence->fromMinutes % 60, fromAssumed, e.recurrence->toMinutes / 60,
                    e.recurrence->toMinutes % 60, toAssumed);
        if (!e.recurrence->assumptionNote.empty()) ImGui::TextDisabled("Assumption: %s", e.recurrence->assumptionNote.c_str());
    }
    if (const core::Source* by = e.datedByArticle.empty() ? nullptr : data.findSource(e.datedByArticle)) {
        ImGui::TextDisabled("Undated in the article: dated by when %s was written", by->outlet.c_str());
    }
    if (!e.dateReasoning.empty() && ImGui::CollapsingHeader("How the date was worked out")) {
        textLong(e.dateReasoning);
    }

    std::string where = e.place.name;
    if (!e.site.empty()) where = e.site + ", " + where;
    if (!e.place.region.empty()) where += " (" + e.place.region + ")";
    ImGui::Text("Where: %s", where.c_str());
    if (e.place.lonLat) ImGui::TextDisabled("%.4f N, %.4f E  \xC2\xB7  %s precision", e.place.lonLat->lat, e.place.lonLat->lon, e.placePrecision.c_str());
    if (!e.placeNote.empty()) ImGui::TextDisabled("%s", e.placeNote.c_str());

    ImGui::Spacing();
    textLong(e.description);

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
                // As the source says it: "about 164", "dozens"; never a number a word does not give.
                ImGui::Text("%s %s", core::figureAmount(f).c_str(), core::figureKindId(f.kind));
                if (f.withdrawnAsOf) {
                    ImGui::TextDisabled("withdrawn %s", f.withdrawnAsOf->c_str());
                    if (!f.withdrawnReason.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.withdrawnReason.c_str());
                }
                ImGui::TableNextColumn();
                textLong(f.subject.empty() ? std::string("people") : f.subject);
                if (!f.partial.empty()) ImGui::TextDisabled("%s", f.partial.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%s (%s)", f.reportedBy.c_str(), f.asOf.c_str());
                ImGui::TableNextColumn();
                const core::Source* s = data.findSource(f.source);
                textLong(s ? s->outlet : f.source);
                if (!f.note.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.note.c_str());
            }
            ImGui::EndTable();
        }
    }

    ImGui::Spacing();
    ImGui::TextUnformatted("Sources");
    for (std::size_t k = 0; k < e.sources.size(); ++k) {
        const core::SourceRef& ref = e.sources[k];
        const core::Source* s = data.findSource(ref.source);
        ImGui::PushID(static_cast<int>(k));
        ImGui::Bullet();
        if (s) {
            ImGui::Text("%s: \"%s\"", s->outlet.c_str(), s->headline.c_str());
            if (!s->written.empty()) {
                const std::string when = s->undated() ? "between " + s->writtenEarliest + " and " + s->written : s->written;
                ImGui::TextDisabled("  written %s%s", when.c_str(), s->writtenReasoning.empty() ? "" : " (how we know: hover)");
                if (!s->writtenReasoning.empty() && ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
                    textLong(s->writtenReasoning);
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
            }
            if (s->outletInferred) ImGui::TextDisabled("  the outlet is inferred: the article does not name it");
            if (!s->publishedBy.empty()) {
                ImGui::TextDisabled("  published by %s%s", s->publishedBy.c_str(),
                                    s->publishedByInferred ? " (inferred: the article does not say)" : "");
            }
            if (!s->copyNote.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                ImGui::Indent();
                textLong(s->copyNote);
                ImGui::Unindent();
                ImGui::PopStyleColor();
            }
        } else {
            ImGui::Text("%s", ref.source.c_str());
        }
        ImGui::Indent();
        ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotLines), "\xE2\x80\x9C%s\xE2\x80\x9D", ref.quote.c_str());
        if (s && !s->file.empty()) ImGui::TextDisabled("article: %s", s->file.c_str());
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
    if (!open) state.actions.push(action::ClearSelection{});
}

}  // namespace qantar::ui
