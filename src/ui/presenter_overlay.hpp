#pragma once
#include <imgui.h>

#include "ui/app_state.hpp"
#include "ui/style.hpp"

namespace qantar::ui {

// What the audience sees in presentation mode, in type sized for a projector: one column on the
// right with the moment (date and time, counters, what is in force) above the scene's title,
// caption, sources and place in the story; past the last scene, an end card; a slim timeline with
// its days labelled and the scenes marked along the bottom; and the black screen (B). The map
// beside the column is framed so no text covers the scene's subject.
class PresenterOverlay {
public:
    void draw(AppState& state, const Fonts& fonts);
};

}  // namespace qantar::ui
