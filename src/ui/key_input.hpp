#pragma once
// Key presses collected by the app shell between frames, in order. Dear ImGui 1.86 samples key
// state once per frame, so a press and release that arrive together (a fast typist, xdotool, a
// presenter clicker) would be lost; shortcuts read this queue instead. Independent of GLFW.
#include <vector>

namespace qantar::ui {

enum class Key { Space, Left, Right, Home, Quit, PageUp, PageDown, Blank, Return, Escape, Present, Export, Open, NewScene, Other };

struct KeyPress {
    Key key;
    bool ctrl = false;
    bool shift = false;
};

struct KeyQueue {
    std::vector<KeyPress> presses;  // this frame's presses, oldest first
    // True (and consumed) if `key` was pressed this frame with the given Ctrl state.
    bool take(Key key, bool ctrl = false) {
        for (auto it = presses.begin(); it != presses.end(); ++it) {
            if (it->key == key && it->ctrl == ctrl) {
                presses.erase(it);
                return true;
            }
        }
        return false;
    }
};

}  // namespace qantar::ui
