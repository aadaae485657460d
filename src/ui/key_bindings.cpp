#include "ui/key_bindings.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace qantar::ui {

namespace {

using W = KeyBinding::When;

}  // namespace

const char* keyGroupName(KeyGroup group) {
    switch (group) {
        case KeyGroup::Map: return "Map";
        case KeyGroup::Time: return "Time";
        case KeyGroup::Presenting: return "Presenting a story";
        case KeyGroup::Files: return "Files and windows";
    }
    return "";
}

const std::vector<KeyBinding>& keyBindings() {
    static const std::vector<KeyBinding> kBindings = {
        {KeyGroup::Map, "Drag", "Pan the map"},
        {KeyGroup::Map, "Mouse wheel", "Zoom about the cursor"},
        {KeyGroup::Map, "+ / -", "Zoom in / out", Command::ZoomIn, Key::Other, false, '+', '='},
        {KeyGroup::Map, "", "", Command::ZoomOut, Key::Other, false, '-', '_'},
        {KeyGroup::Map, "Home", "Fit Kazakhstan", Command::FitKazakhstan, Key::Home},
        {KeyGroup::Map, "L", "Show / hide the layers and legend", Command::ToggleLayers, Key::L},
        {KeyGroup::Time, "Space", "Play / pause the clock", Command::PlayPause, Key::Space, false, 0, 0, W::OutsideStory},
        {KeyGroup::Time, "\xE2\x86\x90 / \xE2\x86\x92", "Previous / next event (of those the filter shows)",
         Command::PreviousEvent, Key::Left, false, 0, 0, W::OutsideStory},
        {KeyGroup::Time, "", "", Command::NextEvent, Key::Right, false, 0, 0, W::OutsideStory},
        {KeyGroup::Time, "Click / drag on the timeline", "Jump / scrub to that moment (a click on a mark selects it)"},
        {KeyGroup::Time, "Wheel on the timeline", "Zoom the time axis"},
        {KeyGroup::Time, "Right-drag on the timeline", "Pan the time axis"},
        {KeyGroup::Time, "Go to box", "Type a moment: 2022-01-05T20:00, 5 Jan 20:00, 20:00"},
        {KeyGroup::Presenting, "F11", "Present the story full screen / leave", Command::Present, Key::F11},
        {KeyGroup::Presenting, "\xE2\x86\x92 / PageDown", "Next scene (past the last: the end card)", Command::NextScene,
         Key::Right, false, 0, 0, W::InStory},
        {KeyGroup::Presenting, "", "", Command::NextScene, Key::PageDown, false, 0, 0, W::InStory},
        {KeyGroup::Presenting, "\xE2\x86\x90 / PageUp", "Previous scene", Command::PreviousScene, Key::Left, false, 0, 0,
         W::InStory},
        {KeyGroup::Presenting, "", "", Command::PreviousScene, Key::PageUp, false, 0, 0, W::InStory},
        {KeyGroup::Presenting, "Space", "Pause / resume the scene", Command::PauseScene, Key::Space, false, 0, 0,
         W::InStory},
        {KeyGroup::Presenting, "B", "Black screen / back", Command::Blank, Key::B, false, 0, 0, W::InStory},
        {KeyGroup::Presenting, "R", "Return to the scene after panning or scrubbing", Command::ReturnToScene, Key::R,
         false, 0, 0, W::InStory},
        {KeyGroup::Presenting, "Esc", "Leave presenting and stop the story", Command::Leave, Key::Escape},
        {KeyGroup::Presenting, "PageDown", "Start presenting the story's first scene", Command::NextScene, Key::PageDown,
         false, 0, 0, W::OutsideStory},
        {KeyGroup::Files, "Ctrl+O", "Open or import events (or drop a file on the window)", Command::Open, Key::O, true},
        {KeyGroup::Files, "Ctrl+E", "Export an image, a sequence, a video or the story", Command::Export, Key::E, true},
        {KeyGroup::Files, "Ctrl+N", "Add a story scene from the current view", Command::NewScene, Key::N, true},
        {KeyGroup::Files, "?", "Show / hide this list", Command::ToggleHelp, Key::Other, false, '?'},
        {KeyGroup::Files, "Ctrl+Q", "Quit (settings and work are kept)", Command::Quit, Key::Q, true},
    };
    return kBindings;
}

bool storyActive(const AppState& s) { return s.player.scene() >= 0 || s.player.ended(); }

namespace {

void run(AppState& s, Command c) {
    switch (c) {
        case Command::None: break;
        case Command::PlayPause: s.actions.push(action::TogglePlay{}); break;
        case Command::NextEvent: s.actions.push(action::StepEvent{+1}); break;
        case Command::PreviousEvent: s.actions.push(action::StepEvent{-1}); break;
        case Command::FitKazakhstan: s.actions.push(action::FitKazakhstan{}); break;
        case Command::ZoomIn: s.actions.push(action::ZoomBy{1.5}); break;
        case Command::ZoomOut: s.actions.push(action::ZoomBy{1.0 / 1.5}); break;
        case Command::ToggleLayers: s.showLayers = !s.showLayers; break;
        case Command::ToggleHelp: s.showShortcuts = !s.showShortcuts; break;
        case Command::Open: s.actions.push(action::ShowDialog{action::Dialog::Open}); break;
        case Command::Export: s.actions.push(action::ShowDialog{action::Dialog::Export}); break;
        case Command::NewScene: s.actions.push(action::AddSceneFromView{}); break;
        case Command::Quit: s.actions.push(action::Quit{}); break;
        case Command::Present: s.actions.push(action::SetPresenting{!s.presenting}); break;
        case Command::NextScene: s.actions.push(action::StoryNext{}); break;
        case Command::PreviousScene: s.actions.push(action::StoryPrevious{}); break;
        case Command::PauseScene: s.actions.push(action::StoryTogglePause{}); break;
        case Command::Blank: s.actions.push(action::StoryToggleBlank{}); break;
        case Command::ReturnToScene: s.actions.push(action::StoryReturn{}); break;
        case Command::Leave:
            if (s.presenting) s.actions.push(action::SetPresenting{false});
            if (!s.player.idle()) s.actions.push(action::StoryStop{});
            break;
    }
}

bool applies(const KeyBinding& b, bool inStory) {
    return b.when == W::Always || (b.when == W::InStory) == inStory;
}

}  // namespace

void dispatchShortcuts(AppState& s) {
    const ImGuiIO& io = ImGui::GetIO();
    // Plain keys belong to the text field being typed in, or to the dialog that is open.
    // A dialog that asks a question (unsaved work to recover, a load problem) holds every key but
    // Quit until it is answered: a shortcut behind it could change the very work it offers.
    const bool modal = ImGui::GetTopMostPopupModal() != nullptr || s.recovery.has_value();
    const bool typing = io.WantTextInput || modal;
    const bool inStory = storyActive(s);
    for (const KeyPress& p : s.keys.presses) {
        if (typing && !p.ctrl) continue;
        for (const KeyBinding& b : keyBindings()) {
            if (b.command == Command::None || b.key == Key::Other || b.key != p.key || b.ctrl != p.ctrl) continue;
            if (!applies(b, inStory)) continue;
            if (modal && b.command != Command::Quit) continue;
            // Without a story, PageDown has no scene to start.
            if (b.command == Command::NextScene && !inStory && s.player.sceneCount() == 0) continue;
            run(s, b.command);
            break;
        }
    }
    s.keys.presses.clear();
    if (typing) return;
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (c == 0 || c > 127) continue;
        for (const KeyBinding& b : keyBindings()) {
            if (b.command == Command::None || !b.character) continue;
            if (c != static_cast<ImWchar>(b.character) && c != static_cast<ImWchar>(b.character2)) continue;
            if (!applies(b, inStory)) continue;
            run(s, b.command);
            break;
        }
    }
}

}  // namespace qantar::ui
