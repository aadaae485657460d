#include "app/input.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace qantar::app {

std::optional<ui::KeyPress> keyPressFromGlfw(int key, int action, int mods) {
    if (action != GLFW_PRESS && action != GLFW_REPEAT) return std::nullopt;
    ui::Key k = ui::Key::Other;
    switch (key) {
        case GLFW_KEY_SPACE: k = ui::Key::Space; break;
        case GLFW_KEY_LEFT: k = ui::Key::Left; break;
        case GLFW_KEY_RIGHT: k = ui::Key::Right; break;
        case GLFW_KEY_HOME: k = ui::Key::Home; break;
        case GLFW_KEY_PAGE_UP: k = ui::Key::PageUp; break;
        case GLFW_KEY_PAGE_DOWN: k = ui::Key::PageDown; break;
        case GLFW_KEY_ESCAPE: k = ui::Key::Escape; break;
        case GLFW_KEY_F11: k = ui::Key::F11; break;
        case GLFW_KEY_TAB: k = ui::Key::Tab; break;
        case GLFW_KEY_B: k = ui::Key::B; break;
        case GLFW_KEY_E: k = ui::Key::E; break;
        case GLFW_KEY_L: k = ui::Key::L; break;
        case GLFW_KEY_N: k = ui::Key::N; break;
        case GLFW_KEY_O: k = ui::Key::O; break;
        case GLFW_KEY_Q: k = ui::Key::Q; break;
        case GLFW_KEY_R: k = ui::Key::R; break;
        default: return std::nullopt;
    }
    // Holding an arrow keeps stepping; holding anything else does it once.
    if (action == GLFW_REPEAT && k != ui::Key::Left && k != ui::Key::Right) return std::nullopt;
    return ui::KeyPress{k, (mods & GLFW_MOD_CONTROL) != 0, (mods & GLFW_MOD_SHIFT) != 0};
}

}  // namespace qantar::app
