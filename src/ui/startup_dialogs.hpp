#pragma once
// The dialogs a start may need: unsaved work from a run that ended abruptly, offered back; and an
// event file that could not be loaded (the map works without it).
#include "ui/app_state.hpp"

namespace qantar::ui {

class StartupDialogs {
public:
    void draw(AppState& state);

private:
    bool m_problemShown = false;
};

}  // namespace qantar::ui
