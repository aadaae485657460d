#pragma once
// Plays a story in the GUI: stepping between scenes with eased camera and clock transitions that
// depend only on the time since the step (so they replay exactly), pausing a playing scene,
// blanking the screen, and letting the presenter take over (pan, scrub) and come back.
#include <optional>
#include <string>

#include "core/story/story.hpp"
#include "core/story/story_plan.hpp"

namespace qantar::ui {

struct AppState;

struct StoryState {
    std::optional<core::Story> story;
    std::string path;                 // where it was loaded from / will be saved to
    std::optional<core::StoryPlan> plan;
    int scene = -1;                   // -1: not presenting a scene
    double enteredAt = 0.0;           // app seconds when the current scene was entered
    bool paused = false;
    double pausedElapsed = 0.0;
    bool follow = true;               // false once the presenter pans or scrubs
    bool blank = false;
    bool edited = false;              // unsaved changes
    core::StoryView from;             // the view the current transition started from
    // What the driver last applied, to notice the presenter taking over.
    core::MapXY appliedCenter;
    double appliedMpp = 0.0;
    core::Instant appliedTime;
};

// Loads a story file into the state (the plan is rebuilt); the error message on failure.
std::optional<std::string> loadStoryInto(AppState& state, const std::string& path);
// Rebuilds the plan after edits.
void replanStory(AppState& state);
// Enters `scene` at app time `now`, gliding from what is on screen.
void goToScene(AppState& state, int scene, double now);
// Applies the current scene's view for app time `now` (when following and not paused).
void updateStory(AppState& state, double now);
// Space in a story: pause or resume the scene.
void toggleScenePause(AppState& state, double now);
// The current view as a scene view (for "add scene from current view").
core::StoryView currentView(const AppState& state);
// Adds a scene showing the current view, time and layers after the current scene (or at the end);
// starts a new story when there is none. Marks the story edited.
void addSceneFromView(AppState& state);

}  // namespace qantar::ui

namespace qantar::ui {
// Story and presentation keys (read from the key queue before the timeline's): →/PageDown next
// scene, ←/PageUp previous, Space pause, B blank, R return to the scene, Esc leave presenting,
// F11 toggle presenting. Arrows step scenes only while a scene is active.
void handleStoryKeys(AppState& state);
}  // namespace qantar::ui
