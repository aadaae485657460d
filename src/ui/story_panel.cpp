#include "ui/story_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>

namespace qantar::ui {

void StoryPanel::draw(AppState& state) {
    if (!state.showStory || state.presenting) return;
    StoryState& s = state.storyState;
    ImGui::SetNextWindowSize(ImVec2(420, 460), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(state.mapX + 260.0f, state.mapY + 140.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Story", &state.showStory)) {
        ImGui::End();
        return;
    }
    if (!s.path.empty()) m_path = s.path;
    ImGui::SetNextItemWidth(-130);
    ImGui::InputText("##path", &m_path);
    ImGui::SameLine();
    if (ImGui::Button("Open")) {
        auto err = loadStoryInto(state, m_path);
        m_message = err ? *err : "Opened " + m_path;
    }
    ImGui::SameLine();
    if (ImGui::Button(s.edited ? "Save*" : "Save")) {
        if (!s.story) {
            m_message = "Nothing to save: open a story or add a scene first.";
        } else if (auto err = core::saveStory(*s.story, m_path)) {
            m_message = err->message;
        } else {
            s.path = m_path;
            s.edited = false;
            m_message = "Saved " + m_path;
        }
    }
    if (!m_message.empty()) ImGui::TextWrapped("%s", m_message.c_str());
    ImGui::Separator();

    if (ImGui::Button("Add scene from current view (Ctrl+N)")) addSceneFromView(state);
    if (!s.story || s.story->scenes.empty()) {
        ImGui::TextDisabled("No scenes. Open a story, or add a scene from the current view.");
        ImGui::End();
        return;
    }
    ImGui::SameLine();
    if (ImGui::Button("Present (F11)")) {
        state.presenting = true;
        goToScene(state, std::max(0, s.scene), state.appSeconds);
    }
    ImGui::InputText("Story title", &s.story->title);
    if (ImGui::IsItemEdited()) s.edited = true;

    auto& scenes = s.story->scenes;
    if (ImGui::BeginListBox("##scenes", ImVec2(-1, 150))) {
        for (int i = 0; i < static_cast<int>(scenes.size()); ++i) {
            ImGui::PushID(i);
            char label[256];
            std::snprintf(label, sizeof label, "%d. %s", i + 1, scenes[static_cast<std::size_t>(i)].title.c_str());
            if (ImGui::Selectable(label, s.scene == i)) goToScene(state, i, state.appSeconds);
            ImGui::PopID();
        }
        ImGui::EndListBox();
    }
    if (s.scene < 0 || s.scene >= static_cast<int>(scenes.size())) {
        ImGui::TextDisabled("Select a scene to edit it.");
        ImGui::End();
        return;
    }
    const auto i = static_cast<std::size_t>(s.scene);
    if (ImGui::Button("Up") && i > 0) {
        std::swap(scenes[i], scenes[i - 1]);
        s.scene -= 1;
        s.edited = true;
        replanStory(state);
    }
    ImGui::SameLine();
    if (ImGui::Button("Down") && i + 1 < scenes.size()) {
        std::swap(scenes[i], scenes[i + 1]);
        s.scene += 1;
        s.edited = true;
        replanStory(state);
    }
    ImGui::SameLine();
    if (ImGui::Button("Use current view")) {
        const core::StoryView v = currentView(state);
        if (state.projection) {
            if (auto ll = state.projection->unproject(v.center)) scenes[i].view = core::SceneView{*ll, v.spanMeters / 1000.0};
        }
        scenes[i].start = state.clock.now;
        scenes[i].end.reset();
        s.edited = true;
        replanStory(state);
    }
    ImGui::SameLine();
    if (ImGui::Button("Delete")) {
        scenes.erase(scenes.begin() + static_cast<std::ptrdiff_t>(i));
        s.edited = true;
        s.scene = std::min(s.scene, static_cast<int>(scenes.size()) - 1);
        replanStory(state);
        ImGui::End();
        return;
    }
    core::Scene& sc = scenes[s.scene < 0 ? 0 : static_cast<std::size_t>(s.scene)];
    bool changed = false;
    changed |= ImGui::InputText("Title", &sc.title);
    changed |= ImGui::InputTextMultiline("Caption", &sc.caption, ImVec2(-1, 90));
    if (m_timeTextScene != s.scene) {
        m_timeText = core::formatIso(sc.start, sc.zone);
        m_timeTextScene = s.scene;
    }
    if (ImGui::InputText("Time", &m_timeText, ImGuiInputTextFlags_EnterReturnsTrue)) {
        if (auto t = core::parseIsoTime(m_timeText, sc.zone)) {
            sc.start = t->instant;
            if (t->offset) sc.zone = *t->offset;
            if (sc.end && !(sc.start < *sc.end)) sc.end.reset();
            changed = true;
        } else {
            m_message = t.error().message;
        }
    }
    float transition = static_cast<float>(sc.transitionSeconds), hold = static_cast<float>(sc.holdSeconds);
    if (ImGui::SliderFloat("Transition (s)", &transition, 0.0f, 10.0f, "%.1f")) {
        sc.transitionSeconds = transition;
        changed = true;
    }
    if (ImGui::SliderFloat("Hold (s)", &hold, 0.0f, 30.0f, "%.1f")) {
        sc.holdSeconds = hold;
        changed = true;
    }
    if (changed) {
        s.edited = true;
        replanStory(state);
    }
    ImGui::End();
}

}  // namespace qantar::ui
