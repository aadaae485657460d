#include "app/startup.hpp"

#include "core/events/synthetic.hpp"
#include "core/io/text_file.hpp"

namespace qantar::app {

std::pair<core::Settings, std::string> loadUserSettings(const StartupOptions& o) {
    if (o.firstStart) return {core::Settings{}, ""};
    auto [settings, problem] = core::loadSettings(o.configDir + "/settings.json");
    return {settings, problem.value_or("")};
}

core::Expected<Startup> loadStartup(const StartupOptions& o, core::Settings settings, std::string settingsProblem) {
    Startup s;
    s.settingsPath = o.configDir + "/settings.json";
    s.autosavePath = o.configDir + "/autosave-story.json";
    s.settings = std::move(settings);
    s.settingsProblem = std::move(settingsProblem);
    auto base = core::loadBaseMap(o.assets);
    if (!base) return base.error();
    s.base = std::move(*base);
    const core::BaseMap& b = *s.base;
    // A broken event file does not stop the map: it opens without events and says why.
    s.eventsPath = o.data.empty() ? b.bundledEvents() : o.data;
    if (o.data.empty() && !s.settings.lastDataset.empty() && core::readTextFile(s.settings.lastDataset)) {
        s.eventsPath = s.settings.lastDataset;
    }
    if (o.syntheticEvents > 0) {
        s.world = std::make_unique<core::EventWorld>(core::makeSyntheticDataset(o.syntheticEvents), b.data, b.projection);
        s.eventsPath.clear();
    } else if (auto w = core::loadEventWorld(s.eventsPath, b.data, b.projection)) {
        s.world = std::move(*w);
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
    if (!o.firstStart) s.recovery = core::readStoryAutosave(s.autosavePath, &s.recoveryProblem);
    return s;
}

}  // namespace qantar::app
