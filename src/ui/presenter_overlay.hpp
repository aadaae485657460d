#pragma once
#include <imgui.h>

#include "ui/app_state.hpp"

namespace qantar::ui {

struct PresenterFonts {
    ImFont* body = nullptr;   // large reading type
    ImFont* title = nullptr;  // larger still, bold
};

// What the audience sees in presentation mode: the scene caption with its sources, the moment
// (date-time and counters), a slim timeline with the scenes marked, and the blank screen (B).
class PresenterOverlay {
public:
    void draw(AppState& state, const PresenterFonts& fonts);
};

}  // namespace qantar::ui
