#pragma once
// Where the user's own files live and how they are kept safe: settings (window, theme, panels,
// last dataset) and autosaved work (a story being edited). Everything is written atomically, so
// a crash or `kill -9` leaves the previous complete file, never half a file; autosaved work is
// offered back on the next start.
#include <optional>
#include <string>

#include "core/io/error.hpp"
#include "core/story/story.hpp"
#include "core/map/theme.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

// $QANTAR_CONFIG_DIR, else $XDG_CONFIG_HOME/qantar, else ~/.config/qantar. Created on demand.
std::string configDir();
// Where the user's own stories go: $XDG_DATA_HOME/qantar, else ~/.local/share/qantar (created on
// demand). Never the installed or bundled assets.
std::string dataDir();

struct Settings {
    int windowWidth = 1600, windowHeight = 900;
    ThemeId theme = ThemeId::Dark;
    ZoneOffset displayZone = kAlmatyTime;
    std::string lastDataset;  // a path opened or imported last (empty: the bundled one)
    bool showLayers = true, showEvents = true;
    int trailHours = 12;
    bool cumulative = false;
    // Folders last used in the file browser, so each dialog opens where the user was.
    std::string openFolder, exportFolder, storyFolder;

    bool operator==(const Settings& o) const {
        return windowWidth == o.windowWidth && windowHeight == o.windowHeight && theme == o.theme &&
               displayZone == o.displayZone && lastDataset == o.lastDataset && showLayers == o.showLayers &&
               showEvents == o.showEvents && trailHours == o.trailHours && cumulative == o.cumulative &&
               openFolder == o.openFolder && exportFolder == o.exportFolder && storyFolder == o.storyFolder;
    }
    bool operator!=(const Settings& o) const { return !(*this == o); }
};

// Reads settings; a missing file gives the defaults, a broken one gives the defaults and a
// message naming the file and the problem (the caller shows it; nothing is overwritten until the
// user changes something).
std::pair<Settings, std::optional<std::string>> loadSettings(const std::string& path);
Status saveSettings(const Settings& settings, const std::string& path);

// Unsaved story edits, autosaved: the story and the file it belongs to.
struct StoryAutosave {
    Story story;
    std::string originalPath;  // where the user would save it
};
Status writeStoryAutosave(const StoryAutosave& autosave, const std::string& path);
// The autosave, if there is a readable one; a broken autosave file is reported, not trusted.
std::optional<StoryAutosave> readStoryAutosave(const std::string& path, std::string* problem = nullptr);
void discardAutosave(const std::string& path);

}  // namespace qantar::core
