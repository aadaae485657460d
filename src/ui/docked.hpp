#pragma once
// Docked panels: each frame a panel is placed exactly on its layout rectangle, so panels never
// overlap, never leave the screen, and follow the window when it is resized.
#include <imgui.h>

#include "core/geo/geo_types.hpp"

namespace qantar::ui {

// ImGui::Begin for a panel docked on `r`; `open` (may be null) gives it a close button. Always
// pair with ImGui::End.
bool beginDocked(const char* name, const core::ScreenRect& r, bool* open = nullptr, ImGuiWindowFlags extra = 0);

ImVec2 toImVec(core::ScreenPx p);

// The displayed part of an ImGui label ("Export##dialog" -> "Export", "Title###t" -> "Title").
const char* labelEnd(const char* label);

}  // namespace qantar::ui
