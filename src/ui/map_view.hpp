#pragma once
#include <imgui.h>

#include "ui/app_state.hpp"

namespace qantar::ui {

// The central map: shows the texture the compositor drew for the current camera in the layout's
// map rectangle, and turns the mouse into camera moves (drag to pan, wheel to zoom about the
// cursor); the status line shows the coordinates under it. The keyboard's map keys (+, -, Home)
// are in the shortcut table.
class MapView {
public:
    // `mapTexture` (may be null) is shown flipped, as OpenGL stores it.
    void draw(AppState& state, ImTextureID mapTexture);

private:
    bool m_dragging = false;
};

}  // namespace qantar::ui
