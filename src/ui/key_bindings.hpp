#pragma once
// Every keyboard shortcut and mouse gesture, in one table: the dispatcher acts on the keyboard
// rows, and the `?` window lists them all, so the two cannot drift apart.
#include <vector>

#include "ui/app_state.hpp"
#include "ui/key_input.hpp"

namespace qantar::ui {

enum class Command {
    None,  // a mouse gesture: listed, not dispatched
    PlayPause, NextEvent, PreviousEvent, FitKazakhstan, ZoomIn, ZoomOut, ToggleLayers, ToggleHelp,
    Open, Export, NewScene, Quit, Present, NextScene, PreviousScene, PauseScene, Blank, ReturnToScene, Leave
};

enum class KeyGroup { Map, Time, Presenting, Files };
const char* keyGroupName(KeyGroup group);

struct KeyBinding {
    KeyGroup group;
    const char* keys;  // as the help shows it: "Ctrl+O", "\xE2\x86\x92 / PageDown"
    const char* does;
    Command command = Command::None;
    Key key = Key::Other;    // the key that triggers it (Other: a character or a mouse gesture)
    bool ctrl = false;
    char character = 0;      // or a typed character ('+', '?'), whatever the keyboard layout
    char character2 = 0;     // a second character for the same command ('=' with '+')
    // Where the key does this: in a story (a scene being presented, or its end) or elsewhere.
    enum class When { Always, OutsideStory, InStory } when = When::Always;
};

const std::vector<KeyBinding>& keyBindings();

// Turns this frame's key presses (state.keys) and typed characters (ImGui's input queue) into
// actions and panel toggles, as the table says. Plain keys are left alone while a text field has
// the keyboard; Ctrl shortcuts always work.
void dispatchShortcuts(AppState& state);

// Whether a story is on screen for the keys' purposes (a scene, or its end card).
bool storyActive(const AppState& state);

}  // namespace qantar::ui
