#pragma once
#include <string>

#include "ui/annotation_editor.hpp"
#include "ui/app_state.hpp"
#include "ui/file_browser.hpp"

namespace qantar::ui {

// The story editor, docked beside the map while open: open a story (file browser), step through
// and present its scenes, add a scene from the current view, reorder and delete scenes, edit each
// scene's title, caption, moment or time range and playback speed, transition and hold, the
// sources it cites, the layers it switches and its annotations (ui/annotation_editor.hpp), and save. The bundled story is never overwritten:
// saving it asks for a place in the user's own stories folder. Every save is atomic.
class StoryPanel {
public:
    void draw(AppState& state);

private:
    void drawScene(AppState& state, core::Scene& scene);
    void openSaveAs(const AppState& state);

    FileBrowser m_browser;
    bool m_saving = false;  // what the browser is choosing: a place to save, or a story to open
    std::string m_startText, m_endText;
    int m_timeTextScene = -1;
    std::uint64_t m_timeTextSerial = 0;
    std::string m_timeError;
    AnnotationEditor m_annotations;
};

}  // namespace qantar::ui
