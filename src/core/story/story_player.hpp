#pragma once
// Presenting a story: which scene is on, its eased transition and playback, pausing, blanking,
// the presenter taking over (pan, zoom, scrub) and coming back, and the end of the story. Like the
// plan it steps through, it advances only when handed `now` (seconds on any monotonic clock the
// caller keeps), so a presentation replays exactly and tests need no wall clock.
#include <optional>

#include "core/geo/projection.hpp"
#include "core/story/story.hpp"
#include "core/story/story_plan.hpp"

namespace qantar::core {

class StoryPlayer {
public:
    // The story to present (owned by the caller, alive while set; null: none). Resets to Idle.
    // Call again after editing the story, with keepScene to stay on the scene being shown.
    void setStory(const Story* story, const Projection& projection, bool keepScene = false);
    const Story* story() const { return m_story; }
    int sceneCount() const;

    // Idle: nothing is presented and nothing is steered. A scene: the scene's view and clock are
    // applied (unless the presenter took over). Ended: past the last scene; the screen keeps the
    // last scene's final view and numbers, and the caller shows an end card.
    bool idle() const { return m_scene < 0 && !m_ended; }
    bool ended() const { return m_ended; }
    int scene() const { return m_scene; }  // -1 when idle or ended
    bool paused() const { return m_paused; }
    bool following() const { return m_following; }  // false once the presenter took over
    bool blank() const { return m_blank; }

    // Enters `scene` at `now`, gliding from what the screen shows (`onScreen`). Out-of-range
    // scenes are ignored.
    void goTo(int scene, double now, const StoryView& onScreen);
    // The first scene when idle; otherwise the scene being shown stays.
    void start(double now, const StoryView& onScreen);
    // The next scene; past the last one the story ends (nothing replays, no number changes).
    void next(double now, const StoryView& onScreen);
    // The previous scene; from the end, the last scene again; on the first scene, nothing.
    void previous(double now, const StoryView& onScreen);
    // Space: pauses or resumes the scene's transition and playback.
    void togglePause(double now);
    // B: a black screen, and back.
    void toggleBlank() { m_blank = !m_blank; }
    // The presenter moved the map or the clock: stop steering until returnToScene.
    void takeOver();
    // R: glide back to the current scene (from the end: to the last scene).
    void returnToScene(double now, const StoryView& onScreen);
    // Esc: stop presenting the story; nothing steers the view or the clock any more.
    void stop();

    // True once the current scene's transition has ended at `now` (or nothing is being steered).
    bool settled(double now) const;
    // The view to show at `now` while steering a scene; nothing when idle, ended or taken over.
    std::optional<StoryView> update(double now) const;

    // The scene a caption or a slide is about: the current scene, the last one after the end,
    // -1 when idle.
    int captionScene() const;

private:
    const Story* m_story = nullptr;
    std::optional<StoryPlan> m_plan;
    int m_scene = -1;
    bool m_ended = false;
    bool m_paused = false;
    bool m_following = true;
    bool m_blank = false;
    double m_enteredAt = 0.0;
    double m_pausedElapsed = 0.0;
    StoryView m_from;  // where the current transition started
};

}  // namespace qantar::core
