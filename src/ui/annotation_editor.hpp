#pragma once
// The annotations of the scene being edited, inside the story editor: add a text callout, an
// arrow, a circle or an area at the map's centre, then set its kind, text, places (numbers, or
// "Move to the map's centre"), colour and the time range in which it shows; remove it. Edits go
// straight into the story (so the map shows them at once) and mark it edited, so they are saved
// and autosaved with it.
#include <cstddef>
#include <string>
#include <vector>

#include "core/story/story.hpp"
#include "ui/app_state.hpp"

namespace qantar::ui {

class AnnotationEditor {
public:
    // Draws the editor for `scene`'s annotations; true when one was added, removed or changed.
    bool draw(AppState& state, core::Scene& scene);

private:
    struct RowText {
        std::string from, to;  // the time range as typed
        std::string error;     // why the last typed time was not taken
    };
    void syncRows(const core::Scene& scene);

    std::vector<RowText> m_rows;
    const void* m_rowsScene = nullptr;
    const void* m_rowsData = nullptr;
    std::size_t m_rowsCount = 0;
};

}  // namespace qantar::ui
