#pragma once
// What a window start loads before its first frame: the user's settings, the map, the events
// (the last dataset opened, a file given on the command line, or the bundled week), the story and
// any unsaved work a run that ended abruptly left behind. Nothing here fails the start except a
// missing or broken map: a broken event file or story is reported and the map opens without it.
#include <memory>
#include <optional>
#include <string>

#include "core/events/event_world.hpp"
#include "core/io/error.hpp"
#include "core/io/instance_autosave.hpp"
#include "core/io/user_files.hpp"
#include "core/map/base_map.hpp"
#include "core/story/story.hpp"

namespace qantar::app {

struct StartupOptions {
    std::string assets;             // empty: found next to the program
    std::string data;               // event file; empty: the last dataset opened, else the bundled one
    std::string story;              // story file; empty: the bundled story
    std::size_t syntheticEvents = 0;  // > 0: that many synthetic events instead of a file
    std::string configDir;          // where settings and autosaves live (core::configDir())
    bool firstStart = false;        // ignore the user's settings and autosave, as a first start
};

struct Startup {
    std::string settingsPath;
    // This window's own autosave (locked while it runs), or why there is none.
    std::optional<core::InstanceAutosave> autosave;
    std::string autosaveProblem;
    core::Settings settings;
    std::string loadedSettingsLastDataset;  // as the settings file had it (the start may drop it)
    std::string settingsProblem;
    std::unique_ptr<core::BaseMap> base;
    std::unique_ptr<core::EventWorld> world;
    std::string eventsPath;         // the file the events came from (empty when none was loaded)
    std::string loadProblem;
    std::optional<core::Story> story;
    std::string storyPath;
    std::string storyProblem;       // only when a story was asked for by name
    std::optional<core::OrphanedAutosave> recovery;  // claimed until restored or discarded
    std::string recoveryProblem;
};

// The user's settings (defaults on a first start), with the problem if the file was broken.
std::pair<core::Settings, std::string> loadUserSettings(const StartupOptions& options);
// Loads everything else (blocking; the window runs it on its second core while OpenGL starts).
core::Expected<Startup> loadStartup(const StartupOptions& options, core::Settings settings, std::string settingsProblem);

}  // namespace qantar::app
