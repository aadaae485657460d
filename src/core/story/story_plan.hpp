#pragma once
// How a story plays, as pure functions of elapsed time, so that a scene transition replays
// exactly — in the GUI, in a video export and in tests. Each scene is a segment:
//   transition (camera and clock glide from where they were) → play the time range at the
//   scene's speed (if it has one) → hold.
#include <array>
#include <optional>
#include <vector>

#include "core/geo/geo_types.hpp"
#include "core/events/layers.hpp"
#include "core/geo/projection.hpp"
#include "core/io/error.hpp"
#include "core/story/story.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

// What the screen shows: where (centre, height of the view in map metres) and when.
struct StoryView {
    MapXY center;
    double spanMeters = 1.5e6;
    Instant time;
};

// Interpolates two views: centre linearly, span geometrically (a zoom feels even), time linearly;
// `x` is the eased progress 0..1.
StoryView blendViews(const StoryView& a, const StoryView& b, double x);
// Smooth start and stop: 3x² − 2x³ on [0, 1], clamped.
double easeInOutCubic(double x);

// Seconds a scene lasts when played unattended: transition + its range at its speed + hold.
double sceneSeconds(const Scene& scene);
// Frames a video of the whole story has at `fps`: ceil(total seconds × fps) (what
// StoryPlan::totalSeconds gives). BadArgument, checked before anything is drawn, when that is more
// than `maxFrames` or not a finite number (a speed so small that a range plays for ever): the
// message says how many frames, which scene makes the story that long and what to change.
Expected<std::size_t> storyVideoFrames(const Story& story, int fps, std::size_t maxFrames);

class StoryPlan {
public:
    // `initial` is what is on screen before the first scene (its transition starts from there).
    StoryPlan(const Story& story, const Projection& projection, const StoryView& initial);

    int sceneCount() const { return static_cast<int>(m_targets.size()); }
    // The view a scene settles on (its start).
    const StoryView& sceneStart(int scene) const { return m_targets[static_cast<std::size_t>(scene)]; }
    // The view at the last moment of a scene (lastMoment: just before its range's end, or its moment).
    StoryView sceneEnd(int scene) const;
    // Length of the range part of a scene at its speed, seconds of playback.
    double playSeconds(int scene) const;
    double segmentSeconds(int scene) const;
    double totalSeconds() const;

    // The view `secondsIntoScene` after entering `scene` from `from` (the view at that moment).
    StoryView viewInScene(int scene, const StoryView& from, double secondsIntoScene) const;
    // Continuous playback of the whole story from the initial view, for video: the scene being
    // shown and the view at `seconds` since the start.
    std::pair<int, StoryView> viewAt(double seconds) const;

private:
    const Story* m_story;
    StoryView m_initial;
    std::vector<StoryView> m_targets;
};

}  // namespace qantar::core
