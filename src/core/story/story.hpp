#pragma once
// Stories: a sequence of scenes for briefings (format "qantar-story", version 1; see
// docs/story-format.md). A scene says what to show — a moment or a time range played at a speed,
// where to look, which event layers are on — and what to say: a title, a caption and its sources.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/io/error.hpp"
#include "core/geo/geo_types.hpp"
#include "core/events/layers.hpp"
#include "core/time/time.hpp"
#include "core/story/annotation.hpp"

namespace qantar::core {

// Limits of the story format (docs/story-format.md), in characters (Unicode code points): a
// story over them is refused with a message naming the scene and field.
constexpr std::size_t kMaxStoryTitleChars = 120;
constexpr std::size_t kMaxSceneTitleChars = 120;
constexpr std::size_t kMaxSceneCaptionChars = 1000;

struct SceneView {
    LonLat center;
    double spanKm = 1500.0;  // height of the view in kilometres: the same framing at any image size
};

struct Scene {
    std::string title;
    std::string caption;
    std::vector<std::string> sources;    // source ids from the dataset, cited under the caption
    Instant start;                       // the moment, or the start of the range
    std::optional<Instant> end;          // a range plays from start to end
    ZoneOffset zone = kAlmatyTime;       // the offset the time was written with (for display)
    double speedHoursPerSecond = 2.0;    // playback speed through a range
    std::optional<SceneView> view;       // none: keep the current view
    std::array<std::optional<bool>, kEventLayerCount> layers{};  // none: leave as it is
    double transitionSeconds = 2.5;      // camera and clock glide into the scene
    double holdSeconds = 4.0;            // after the range (or the moment), when played unattended
    std::vector<Annotation> annotations; // shown while this scene is the current one
};

struct Story {
    std::string title;
    std::vector<Scene> scenes;
    std::vector<Annotation> annotations;  // shown in every scene (each within its time range)
};

// A range [start, end) ends before its end: a scene about "2 January" running to 3 January 00:00
// shows 2 January 23:59 last, never the next day (whose events and figures it is not about).
constexpr Duration kRangeEndInset = Duration::minutes(1);
// The last moment a scene shows: its range's end less kRangeEndInset, or its moment.
Instant lastMoment(const Scene& scene);

// The event layers in force during scene `scene` (0-based): each scene's switches applied in
// turn over `base`, so stepping back to a scene restores what it showed.
EventLayerSettings sceneLayers(const Story& story, int scene, EventLayerSettings base);

// Problems name the file, line and field: "week.json:12: scene 3: field 'time': ...".
Expected<Story> parseStory(const std::string& text, const std::string& path);
Expected<Story> loadStory(const std::string& path);
// The story as pretty JSON in the documented format (round-trips through parseStory).
std::string serializeStory(const Story& story);
// Writes the story atomically (never a half-written file).
Status saveStory(const Story& story, const std::string& path);

}  // namespace qantar::core
