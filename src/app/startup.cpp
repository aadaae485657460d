#include "app/startup.hpp"

#include "core/events/synthetic.hpp"
#include "core/io/atomic_file.hpp"

namespace qantar::app {

std::pair<core::Settings, std::string> loadUserSettings(const StartupOptions& o) {
    if (o.firstStart) return {core::Settings{}, ""};
    auto [settings, problem] = core::loadSettings(o.configDir + "/settings.json");
    return {settings, problem.value_or("")};
}

core::Expected<Startup> loadStartup(const StartupOptions& o, core::Settings settings, std::string settingsProblem) {
    Startup s;
    s.settingsPath = o.configDir + "/settings.json";
    // Temporaries that runs killed in the middle of a save left behind (their process is gone).
    core::cleanStaleTemporariesIn(o.configDir);
    core::cleanStaleTemporariesIn(o.configDir + "/autosave");
    if (auto own = core::InstanceAutosave::claim(o.configDir)) s.autosave = std::move(*own);
    else s.autosaveProblem = own.error().message;
    s.settings = std::move(settings);
    s.loadedSettingsLastDataset = s.settings.lastDataset;
    s.settingsProblem = std::move(settingsProblem);
    auto base = core::loadBaseMap(o.assets);
    if (!base) return base.error();
    s.base = std::move(*base);
    const core::BaseMap& b = *s.base;
    // A broken event file does not stop the map: it opens without events and says why.
    s.eventsPath = o.data.empty() ? b.bundledEvents() : o.data;
    const bool reopening = o.data.empty() && o.syntheticEvents == 0 && !s.settings.lastDataset.empty();
    if (reopening) s.eventsPath = s.settings.lastDataset;
    if (o.syntheticEvents > 0) {
        s.world = std::make_unique<core::EventWorld>(core::makeSyntheticDataset(o.syntheticEvents), b.data, b.projection);
        s.eventsPath.clear();
    } else if (auto w = core::loadEventWorld(s.eventsPath, b.data, b.projection)) {
        s.world = std::move(*w);
    } else if (reopening) {
        // The file opened last is gone or no longer loads: the bundled week opens instead, and the
        // setting is dropped so that the next start does not fail the same way.
        const bool gone = w.error().kind == core::ErrorKind::FileNotFound;
        if (!gone) {
            s.loadProblem = w.error().message + "\nThe events opened last could not be opened again; the bundled week is shown.";
        }
        s.settings.lastDataset.clear();
        s.eventsPath = b.bundledEvents();
        if (auto bundled = core::loadEventWorld(s.eventsPath, b.data, b.projection)) {
            s.world = std::move(*bundled);
        } else {
            s.loadProblem += "\n" + bundled.error().message;
            s.eventsPath.clear();
        }
    } else {
        s.loadProblem = w.error().message;
        s.eventsPath.clear();
    }
    // The bundled story is opened by default, ready to present.
    s.storyPath = o.story.empty() ? b.assetDir + "/stories/week.json" : o.story;
    if (auto story = core::loadStory(s.storyPath)) {
        s.story = std::move(*story);
    } else {
        if (!o.story.empty()) s.storyProblem = story.error().message;
        s.storyPath.clear();
    }
    if (!o.firstStart) s.recovery = core::claimOrphanedAutosave(o.configDir, &s.recoveryProblem);
    return s;
}

}  // namespace qantar::app
