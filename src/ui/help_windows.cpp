#include "ui/help_windows.hpp"

#include <imgui.h>

#include <set>

#include "core/io/version.hpp"
#include "core/map/credits.hpp"
#include "core/map/overlay_layout.hpp"
#include "ui/key_bindings.hpp"
#include "ui/long_text.hpp"

namespace qantar::ui {

namespace {

// A floating window centred over the map, never larger than the map.
void placeOverMap(const AppState& state) {
    const core::ScreenRect& m = state.layout.map.empty() ? state.layout.window : state.layout.map;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(m.x + m.w * 0.5), static_cast<float>(m.y + m.h * 0.5)),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(static_cast<float>(m.w), static_cast<float>(m.h)));
}

// The dataset's `contradictions`: each disagreement with every claim and the outlet that makes it.
void drawDisputes(AppState& state) {
    placeOverMap(state);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40.0f, 0.0f), ImGuiCond_Appearing);
    if (ImGui::Begin("Disputed figures and dates###disputes", &state.showDisputes,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(0.0f);
        const core::Dataset* data = state.world ? &state.world->data() : nullptr;
        if (!data || data->contradictions.empty()) {
            ImGui::TextDisabled("The events shown record no disagreement between their sources.");
        } else {
            ImGui::TextDisabled("Where the sources disagree, every claim is kept with its outlet; none is chosen.");
            int i = 0;
            for (const core::Contradiction& c : data->contradictions) {
                ImGui::PushID(i++);
                ImGui::Separator();
                // The topic is the file's text: shown, never read as an ImGui label's "##" id part.
                const std::string label = (c.topic.empty() ? std::string("(no topic)") : shortened(c.topic, 120)) + "###topic";
                if (ImGui::CollapsingHeader(label.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
                    for (const auto& claim : c.claims) {
                        const core::Source* s = data->findSource(claim.source);
                        const std::string who = s ? s->outlet : claim.source;
                        ImGui::Bullet();
                        textLong(claim.value + "  \xC2\xB7  " + who);
                    }
                    if (!c.note.empty()) {
                        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
                        textLong(c.note);
                        ImGui::PopStyleColor();
                    }
                }
                ImGui::PopID();
            }
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

}  // namespace

void HelpWindows::draw(AppState& state) {
    if (state.showShortcuts) {
        placeOverMap(state);
        if (ImGui::Begin("Keyboard shortcuts###shortcuts", &state.showShortcuts,
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
            for (KeyGroup group : {KeyGroup::Map, KeyGroup::Time, KeyGroup::Presenting, KeyGroup::Files}) {
                ImGui::TextUnformatted(keyGroupName(group));
                ImGui::PushID(static_cast<int>(group));
                if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
                    for (const KeyBinding& b : keyBindings()) {
                        if (b.group != group || b.keys[0] == '\0') continue;
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(b.keys);
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(b.does);
                    }
                    ImGui::EndTable();
                }
                ImGui::PopID();
                ImGui::Spacing();
            }
        }
        ImGui::End();
    }
    if (state.showAbout) {
        placeOverMap(state);
        if (ImGui::Begin("About qantar###about", &state.showAbout,
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36.0f);
            ImGui::Text("qantar %s: a map and timeline of the January 2022 unrest in Kazakhstan.", core::version());
            ImGui::Separator();
            ImGui::TextUnformatted("Credits");
            ImGui::BulletText("%s", core::kMapDataAttribution);
            ImGui::BulletText("Made with Natural Earth (public domain).");
            if (state.world) {
                ImGui::BulletText("%s", core::eventsCredit(state.world->data()).c_str());
                if (!state.world->data().attribution.empty()) ImGui::BulletText("%s", state.world->data().attribution.c_str());
            }
            ImGui::BulletText("Projection: PROJ, Lambert conformal conic 45\xC2\xB0/51\xC2\xB0 N.");
            ImGui::BulletText("Font: Noto Sans (SIL Open Font License).");
            ImGui::BulletText("Dear ImGui, GLFW, GEOS, GDAL, nlohmann/json, CLI11, libdeflate, zlib.");
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }
    if (state.showDisputes) drawDisputes(state);
    if (state.showDemo) ImGui::ShowDemoWindow(&state.showDemo);
}

}  // namespace qantar::ui
