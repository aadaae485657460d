#include "ui/startup_dialogs.hpp"
#include "ui/long_text.hpp"

#include <imgui.h>

namespace qantar::ui {

void StartupDialogs::draw(AppState& state) {
    const float em = ImGui::GetFontSize();
    if (state.recovery && !ImGui::IsPopupOpen("Recover unsaved work?###recovery")) {
        ImGui::OpenPopup("Recover unsaved work?###recovery");
    }
    if (ImGui::BeginPopupModal("Recover unsaved work?###recovery", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("A story with %zu scenes was being edited when qantar last stopped without saving.",
                    state.recovery ? state.recovery->story.scenes.size() : std::size_t{0});
        if (state.recovery && !state.recovery->originalPath.empty()) {
            ImGui::Text("It belongs to %s.", state.recovery->originalPath.c_str());
        }
        if (ImGui::Button("Restore##recovery", ImVec2(em * 7.0f, 0))) {
            state.actions.push(action::RestoreRecovery{});
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Discard##recovery", ImVec2(em * 7.0f, 0))) {
            state.actions.push(action::DiscardRecovery{});
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (!state.loadProblem.empty() && !m_problemShown && !state.recovery) {
        ImGui::OpenPopup("Event data not loaded###load_problem");
        m_problemShown = true;
    }
    if (ImGui::BeginPopupModal("Event data not loaded###load_problem", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(em * 36.0f);
        textLong(state.loadProblem);
        ImGui::TextUnformatted("The map works; fix the file and open it again (File > Open).");
        ImGui::PopTextWrapPos();
        if (ImGui::Button("OK##load_problem", ImVec2(em * 7.0f, 0))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace qantar::ui
