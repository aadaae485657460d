#include "ui/story_driver.hpp"

#include <cmath>

#include "ui/app_state.hpp"
#include "ui/key_input.hpp"

namespace qantar::ui {

core::StoryView currentView(const AppState& state) {
    core::StoryView v;
    v.center = state.camera.center();
    v.spanMeters = state.camera.metersPerPixel() * std::max(1.0f, state.mapH);
    v.time = state.clock.now;
    return v;
}

void addSceneFromView(AppState& state) {
    StoryState& s = state.storyState;
    if (!s.story) s.story = core::Story{"Untitled story", {}};
    core::Scene scene;
    scene.title = "New scene";
    scene.start = state.clock.now;
    scene.zone = state.displayZone;
    const core::StoryView v = currentView(state);
    if (state.projection) {
        if (auto ll = state.projection->unproject(v.center)) scene.view = core::SceneView{*ll, v.spanMeters / 1000.0};
    }
    for (std::size_t l = 0; l < scene.layers.size(); ++l) scene.layers[l] = state.eventLayers.on[l];
    const int at = s.scene >= 0 ? s.scene + 1 : static_cast<int>(s.story->scenes.size());
    s.story->scenes.insert(s.story->scenes.begin() + at, scene);
    s.edited = true;
    replanStory(state);
    s.scene = at;
    s.follow = false;
}

void replanStory(AppState& state) {
    StoryState& s = state.storyState;
    if (!s.story || !state.projection || s.story->scenes.empty()) {
        s.plan.reset();
        s.scene = -1;
        return;
    }
    s.plan.emplace(*s.story, *state.projection, currentView(state));
    if (s.scene >= s.plan->sceneCount()) s.scene = s.plan->sceneCount() - 1;
}

std::optional<std::string> loadStoryInto(AppState& state, const std::string& path) {
    auto story = core::loadStory(path);
    if (!story) return story.error().message;
    StoryState& s = state.storyState;
    s.story = std::move(*story);
    s.path = path;
    s.scene = -1;
    s.edited = false;
    replanStory(state);
    return std::nullopt;
}

void goToScene(AppState& state, int scene, double now) {
    StoryState& s = state.storyState;
    if (!s.plan || scene < 0 || scene >= s.plan->sceneCount()) return;
    s.from = currentView(state);
    s.scene = scene;
    s.enteredAt = now;
    s.paused = false;
    s.follow = true;
    s.blank = false;
    state.clock.playing = false;
    // Layer switches accumulate scene after scene, so stepping back restores them.
    core::EventLayerSettings layers = state.eventLayers;
    for (std::size_t l = 0; l < layers.on.size(); ++l) {
        for (int k = 0; k <= scene; ++k) {
            const auto& v = s.story->scenes[static_cast<std::size_t>(k)].layers[l];
            if (v) layers.on[l] = *v;
        }
    }
    state.eventLayers.on = layers.on;
    const core::Scene& sc = s.story->scenes[static_cast<std::size_t>(scene)];
    state.displayZone = sc.zone;
    updateStory(state, now);
}

void toggleScenePause(AppState& state, double now) {
    StoryState& s = state.storyState;
    if (s.scene < 0) return;
    if (s.paused) {
        s.enteredAt = now - s.pausedElapsed;
        s.paused = false;
    } else {
        s.pausedElapsed = now - s.enteredAt;
        s.paused = true;
    }
}

void updateStory(AppState& state, double now) {
    StoryState& s = state.storyState;
    if (!s.plan || s.scene < 0 || !s.follow) return;
    // The presenter moved the map or the clock: stop steering until they ask to return.
    const bool moved = std::abs(state.camera.center().x - s.appliedCenter.x) > 0.5 ||
                       std::abs(state.camera.center().y - s.appliedCenter.y) > 0.5 ||
                       std::abs(state.camera.metersPerPixel() - s.appliedMpp) > 1e-6 * s.appliedMpp ||
                       state.clock.now != s.appliedTime;
    if (moved && now > s.enteredAt) {
        s.follow = false;
        return;
    }
    const double elapsed = s.paused ? s.pausedElapsed : now - s.enteredAt;
    const core::StoryView v = s.plan->viewInScene(s.scene, s.from, elapsed);
    state.camera.setCenter(v.center);
    state.camera.setMetersPerPixel(v.spanMeters / std::max(1.0f, state.mapH));
    state.clock.now = v.time;
    s.appliedCenter = state.camera.center();
    s.appliedMpp = state.camera.metersPerPixel();
    s.appliedTime = state.clock.now;
}

}  // namespace qantar::ui

namespace qantar::ui {

void handleStoryKeys(AppState& state) {
    KeyQueue& keys = state.keys;
    StoryState& s = state.storyState;
    const double now = state.appSeconds;
    while (keys.take(Key::Present)) {
        state.presenting = !state.presenting;
        if (state.presenting && s.plan && s.scene < 0) goToScene(state, 0, now);
    }
    while (keys.take(Key::NewScene, true)) addSceneFromView(state);
    while (keys.take(Key::Escape)) {
        if (state.presenting) state.presenting = false;
        s.blank = false;
    }
    const bool active = s.plan && s.scene >= 0;
    if (!active) return;
    const int last = s.plan->sceneCount() - 1;
    while (keys.take(Key::PageDown) || keys.take(Key::Right)) goToScene(state, std::min(last, s.scene + 1), now);
    while (keys.take(Key::PageUp) || keys.take(Key::Left)) goToScene(state, std::max(0, s.scene - 1), now);
    while (keys.take(Key::Blank)) s.blank = !s.blank;
    while (keys.take(Key::Return)) goToScene(state, s.scene, now);
    while (keys.take(Key::Space)) toggleScenePause(state, now);
}

}  // namespace qantar::ui
