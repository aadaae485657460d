#pragma once
#include <imgui.h>

#include "ui/app_state.hpp"

namespace qantar::ui {

// The central map: shows the texture the renderer drew for the current camera, and turns mouse
// and keyboard input into camera moves (drag to pan, wheel to zoom about the cursor, +/- to zoom,
// Home to fit Kazakhstan) when ImGui's own windows do not want the input.
class MapView {
public:
    // `top` and `bottom` are the heights taken by the menu bar and the status line. Updates the
    // map viewport in `state`; `mapTexture` (may be null) is shown flipped, as OpenGL stores it.
    void draw(AppState& state, ImTextureID mapTexture, float top, float bottom);

private:
    bool m_dragging = false;
};

}  // namespace qantar::ui
