#pragma once
#include <string>

#include "ui/app_state.hpp"

namespace qantar::ui {

// The story editor: open a story, step through its scenes, add a scene from the current view,
// reorder, edit titles, captions and times, and save (atomically: never a half-written file).
class StoryPanel {
public:
    void draw(AppState& state);

private:
    std::string m_path = "assets/stories/week.json";
    std::string m_message;
    std::string m_timeText;
    int m_timeTextScene = -1;
};

}  // namespace qantar::ui
