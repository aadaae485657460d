#pragma once
#include <imgui.h>

#include <cstddef>
#include <cstdint>

#include "ui/app_state.hpp"

namespace qantar::ui {

// The central map: shows the texture the compositor drew for the current camera in the layout's
// map rectangle, and turns the mouse into camera moves (drag to pan, wheel to zoom about the
// cursor); the status line shows the coordinates under it. The keyboard's map keys (+, -, Home)
// are in the shortcut table.
//
// Pointing at event symbols: a tooltip names the event under the pointer (title, time as precise
// as its source, place, category); over a stack of several events it lists them, and the stack
// spreads apart so that each can be pointed at. A click (a press and release that did not pan)
// selects the event, as the list does, with the map left where it is.
class MapView {
public:
    // `mapTexture` (may be null) is shown flipped, as OpenGL stores it.
    void draw(AppState& state, ImTextureID mapTexture);

    // At most this many events are listed in a stack's tooltip ("and N more" after them).
    static constexpr std::size_t kTooltipRows = 8;

private:
    // Finds what the pointer is on (spreading a stack under it), shows its tooltip, and selects
    // the event on a click.
    void point(AppState& state, core::ScreenPx local, bool clicked);
    void eventTooltip(const AppState& state, std::uint32_t event) const;
    void stackTooltip(const AppState& state, const core::SymbolStack& stack) const;

    bool m_pressed = false;  // the left button went down over the map and is still down
    bool m_panned = false;   // ... and has moved the map since
};

}  // namespace qantar::ui
