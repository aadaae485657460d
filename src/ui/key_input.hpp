#pragma once
// Key presses collected by the host (the window, or a test's driver) between frames, in order.
// Dear ImGui 1.86 samples key state once per frame, so a press and release that arrive together
// (a fast typist, a presenter clicker) would be lost; shortcuts read this queue instead.
// Independent of GLFW: the host translates its own key codes.
#include <vector>

namespace qantar::ui {

enum class Key {
    Space, Left, Right, Home, PageUp, PageDown, Escape, F11, Tab,
    B, E, L, N, O, Q, R,
    Other
};

struct KeyPress {
    Key key = Key::Other;
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
