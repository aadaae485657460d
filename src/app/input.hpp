#pragma once
// Input that arrives between frames and is handed to the session with the next one: key presses
// for the shortcut table (ImGui sees its own copy of the keys through its backend) and files
// dropped on the window. The window's GLFW callbacks fill it; a test's driver fills it the same way.
#include <optional>
#include <string>
#include <vector>

#include "ui/key_input.hpp"

namespace qantar::app {

// A GLFW key event as a shortcut key press: only presses (and repeats of the arrows, so holding
// one steps on), only the keys the shortcut table uses.
std::optional<ui::KeyPress> keyPressFromGlfw(int glfwKey, int glfwAction, int glfwMods);

struct FrameInput {
    std::vector<ui::KeyPress> keys;   // oldest first
    std::vector<std::string> drops;   // files dropped on the window
};

}  // namespace qantar::app
