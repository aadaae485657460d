#include "ui/story_panel.hpp"

#include "core/io/directory_listing.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/time/time_input.hpp"
#include "ui/docked.hpp"
#include "ui/long_text.hpp"
#include "ui/model_actions.hpp"

namespace qantar::ui {

namespace {

const std::vector<FileFilter> kStoryFilters = {{"Story files (.json)", {".json"}}, {"All files", {}}};

std::vector<FilePlace> storyPlaces(const AppState& state) {
    std::vector<FilePlace> places = {{"My stories", core::dataDir() + "/stories"}, {"Home", core::homeDirectory()}};
    if (!state.assetDir.empty()) places.push_back({"Bundled stories", state.assetDir + "/stories"});
    return places;
}

// Whether `dir` is the assets directory found at start (bundled, installed or --assets) or inside it.
bool insideAssets(const std::string& dir, const std::string& assetDir) {
    if (dir.empty() || assetDir.empty()) return false;
    std::error_code ec;
    const std::string d = std::filesystem::weakly_canonical(dir, ec).string() + "/";
    const std::string a = std::filesystem::weakly_canonical(assetDir, ec).string() + "/";
    return d.compare(0, a.size(), a) == 0;
}

}  // namespace

void StoryPanel::openSaveAs(const AppState& state) {
    // Never into the bundled or installed assets: the default place is the user's own stories folder.
    std::string dir = state.storyFolder;
    if (dir.empty() || state.story.bundled || insideAssets(dir, state.assetDir)) dir = core::dataDir() + "/stories";
    std::string name = "story.json";
    if (!state.story.path.empty()) {
        const auto slash = state.story.path.find_last_of('/');
        name = slash == std::string::npos ? state.story.path : state.story.path.substr(slash + 1);
    }
    m_browser.open(FileBrowser::Mode::Save, "Save the story as###story_save", dir, name, kStoryFilters, storyPlaces(state));
    m_saving = true;
}

void StoryPanel::draw(AppState& state) {
    if (!state.showStory || state.presenting || state.layout.story.empty()) return;
    StoryDoc& doc = state.story;
    if (!beginDocked("Story editor###story", state.layout.story, &state.showStory)) {
        ImGui::End();
        return;
    }
    const char* name = doc.path.empty() ? "(not saved yet)" : doc.path.c_str();
    ImGui::TextWrapped("%s%s", name, doc.edited ? "  (unsaved changes)" : "");
    if (doc.bundled) ImGui::TextDisabled("The bundled story: saving puts a copy in your stories folder.");
    if (!doc.message.empty()) ImGui::TextWrapped("%s", doc.message.c_str());
    if (ImGui::Button("Open...##story")) {
        const std::string dir = state.storyFolder.empty() ? core::dataDir() + "/stories" : state.storyFolder;
        m_browser.open(FileBrowser::Mode::Open, "Open a story###story_open", dir, "", kStoryFilters, storyPlaces(state));
        m_saving = false;
    }
    ImGui::SameLine();
    const bool canSave = doc.story.has_value();
    if (ImGui::Button(doc.edited ? "Save*##story" : "Save##story") && canSave) {
        if (doc.bundled || doc.path.empty()) openSaveAs(state);
        else state.actions.push(action::SaveStory{doc.path});
    }
    ImGui::SameLine();
    if (ImGui::Button("Save as...##story") && canSave) openSaveAs(state);
    if (auto chosen = m_browser.draw()) {
        state.storyFolder = m_browser.directory();
        if (!m_saving) state.actions.push(action::OpenStory{*chosen});
        else state.actions.push(action::SaveStory{*chosen});
    }
    ImGui::Separator();

    if (ImGui::Button("Add scene from the current view (Ctrl+N)")) state.actions.push(action::AddSceneFromView{});
    if (!doc.story || doc.story->scenes.empty()) {
        ImGui::TextDisabled("No scenes. Open a story, or add a scene from the current view.");
        ImGui::End();
        return;
    }
    if (ImGui::Button("Present (F11)##story")) state.actions.push(action::SetPresenting{true});
    ImGui::SameLine();
    if (ImGui::Button("Export...##story")) state.actions.push(action::ShowDialog{action::Dialog::Export});
    if (ImGui::InputText("Story title", &doc.story->title)) doc.edited = true;

    auto& scenes = doc.story->scenes;
    const int current = state.player.scene();
    if (ImGui::BeginListBox("##scenes", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 6.5f))) {
        for (int i = 0; i < static_cast<int>(scenes.size()); ++i) {
            ImGui::PushID(i);
            char label[256];
            std::snprintf(label, sizeof label, "%d. %s", i + 1, scenes[static_cast<std::size_t>(i)].title.c_str());
            if (ImGui::Selectable(label, current == i)) state.actions.push(action::StoryGoTo{i});
            ImGui::PopID();
        }
        ImGui::EndListBox();
    }
    if (current < 0 || current >= static_cast<int>(scenes.size())) {
        ImGui::TextDisabled("Select a scene to edit it.");
        ImGui::End();
        return;
    }
    const auto i = static_cast<std::size_t>(current);
    auto edited = [&] {
        doc.edited = true;
        state.player.setStory(&*doc.story, *state.projection, true);
    };
    if (ImGui::Button("Up##scene") && i > 0) {
        std::swap(scenes[i], scenes[i - 1]);
        edited();
        state.actions.push(action::StoryGoTo{current - 1});
    }
    ImGui::SameLine();
    if (ImGui::Button("Down##scene") && i + 1 < scenes.size()) {
        std::swap(scenes[i], scenes[i + 1]);
        edited();
        state.actions.push(action::StoryGoTo{current + 1});
    }
    ImGui::SameLine();
    if (ImGui::Button("Use current view##scene")) {
        const core::StoryView v = onScreenView(state);
        if (state.projection) {
            if (auto ll = state.projection->unproject(v.center)) scenes[i].view = core::SceneView{*ll, v.spanMeters / 1000.0};
        }
        scenes[i].start = state.clock.now;
        scenes[i].end.reset();
        m_timeTextScene = -1;
        edited();
    }
    ImGui::SameLine();
    if (ImGui::Button("Delete##scene")) {
        scenes.erase(scenes.begin() + static_cast<std::ptrdiff_t>(i));
        edited();
        if (!scenes.empty()) state.actions.push(action::StoryGoTo{std::min(current, static_cast<int>(scenes.size()) - 1)});
        else state.actions.push(action::StoryStop{});
        ImGui::End();
        return;
    }
    drawScene(state, scenes[i]);
    ImGui::End();
}

void StoryPanel::drawScene(AppState& state, core::Scene& sc) {
    StoryDoc& doc = state.story;
    // Text edits mark the story edited; edits to what the scene shows (times, speed, layers) also
    // replay the scene so the editor sees the result.
    bool textChanged = false, changed = false;
    // Typing or pasting stops at the story format's limits, so what is saved always loads again.
    static std::size_t titleLimit = core::kMaxSceneTitleChars, captionLimit = core::kMaxSceneCaptionChars;
    textChanged |= ImGui::InputText("Title##scene", &sc.title, ImGuiInputTextFlags_CallbackEdit, keepWithinLimit, &titleLimit);
    textChanged |= ImGui::InputTextMultiline("Caption##scene", &sc.caption, ImVec2(-1, ImGui::GetTextLineHeight() * 5.0f),
                                             ImGuiInputTextFlags_CallbackEdit, keepWithinLimit, &captionLimit);
    const int current = state.player.scene();
    if (m_timeTextScene != current || m_timeTextSerial != reinterpret_cast<std::uintptr_t>(&sc)) {
        m_startText = core::formatIso(sc.start, sc.zone);
        m_endText = sc.end ? core::formatIso(*sc.end, sc.zone) : "";
        m_timeTextScene = current;
        m_timeTextSerial = reinterpret_cast<std::uintptr_t>(&sc);
        m_timeError.clear();
    }
    const bool startEntered = ImGui::InputText("Starts##scene", &m_startText, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool startLeft = ImGui::IsItemDeactivatedAfterEdit();
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) ImGui::SetTooltip("The scene's moment, or the start of its range");
    const bool endEntered = ImGui::InputTextWithHint("Ends##scene", "(empty: a moment)", &m_endText,
                                                     ImGuiInputTextFlags_EnterReturnsTrue);
    const bool endLeft = ImGui::IsItemDeactivatedAfterEdit();
    if (startEntered || startLeft || endEntered || endLeft) {
        auto start = core::parseUserTime(m_startText, sc.zone, sc.start);
        if (!start) {
            m_timeError = "Starts: " + start.error().message;
        } else if (m_endText.empty()) {
            sc.start = start->instant;
            if (start->offset) sc.zone = *start->offset;
            sc.end.reset();
            m_timeError.clear();
            changed = true;
        } else if (auto end = core::parseUserTime(m_endText, sc.zone, start->instant); !end) {
            m_timeError = "Ends: " + end.error().message;
        } else if (!(start->instant < end->instant)) {
            m_timeError = "The range must end after it starts.";
        } else {
            sc.start = start->instant;
            if (start->offset) sc.zone = *start->offset;
            sc.end = end->instant;
            m_timeError.clear();
            changed = true;
        }
    }
    if (!m_timeError.empty()) ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotLinesHovered), "%s", m_timeError.c_str());
    if (sc.end) {
        float speed = static_cast<float>(sc.speedHoursPerSecond);
        if (ImGui::SliderFloat("Speed (h/s)##scene", &speed, 0.25f, 48.0f, "%.2f", ImGuiSliderFlags_Logarithmic)) {
            sc.speedHoursPerSecond = speed;
            changed = true;
        }
    }
    float transition = static_cast<float>(sc.transitionSeconds), hold = static_cast<float>(sc.holdSeconds);
    if (ImGui::SliderFloat("Transition (s)##scene", &transition, 0.0f, 10.0f, "%.1f")) {
        sc.transitionSeconds = transition;
        changed = true;
    }
    if (ImGui::SliderFloat("Hold (s)##scene", &hold, 0.0f, 30.0f, "%.1f")) {
        sc.holdSeconds = hold;
        changed = true;
    }
    if (state.world && ImGui::TreeNode("Sources cited##scene")) {
        for (const core::Source& src : state.world->data().sources) {
            bool cited = std::find(sc.sources.begin(), sc.sources.end(), src.id) != sc.sources.end();
            ImGui::PushID(src.id.c_str());
            if (ImGui::Checkbox(src.outlet.c_str(), &cited)) {
                if (cited) sc.sources.push_back(src.id);
                else sc.sources.erase(std::remove(sc.sources.begin(), sc.sources.end(), src.id), sc.sources.end());
                textChanged = true;
            }
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
    if (ImGui::TreeNode("Layers this scene switches##scene")) {
        static const char* const kChoices[] = {"leave as is", "on", "off"};
        for (int l = 0; l < core::kEventLayerCount; ++l) {
            auto& v = sc.layers[static_cast<std::size_t>(l)];
            int choice = !v ? 0 : (*v ? 1 : 2);
            ImGui::PushID(l);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
            if (ImGui::Combo(core::eventLayerName(static_cast<core::EventLayer>(l)), &choice, kChoices, 3)) {
                v = choice == 0 ? std::optional<bool>{} : std::optional<bool>{choice == 1};
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
    // Annotations redraw by themselves (the map's compositor keys on them): no replay needed.
    textChanged |= m_annotations.draw(state, sc);
    if (textChanged || changed) {
        doc.edited = true;
        state.player.setStory(&*doc.story, *state.projection, true);
    }
    if (changed) state.actions.push(action::StoryGoTo{current});
}

}  // namespace qantar::ui
