#pragma once
// What to export, as one value that the command line, the export dialog, stories and tests all
// fill: the kind (an image, a sequence of PNGs, a video, a story's slides or its video), the size,
// theme, furniture, view, moments and where to write. Rendering it is render/export's job; the
// rules here (presets, limits, frame count and times, file names) are pure and tested headless.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/events/event_filter.hpp"
#include "core/events/layers.hpp"
#include "core/export/framing.hpp"
#include "core/geo/camera.hpp"
#include "core/geo/geo_types.hpp"
#include "core/io/error.hpp"
#include "core/map/map_scene.hpp"
#include "core/map/theme.hpp"
#include "core/story/story.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

// Sizes accepted for an export, pixels.
constexpr int kMinExportWidth = 320;
constexpr int kMinExportHeight = 240;
constexpr int kMaxExportWidth = 7680;
constexpr int kMaxExportHeight = 4320;
// A sequence or video longer than this is refused before anything is drawn.
constexpr std::size_t kMaxExportFrames = 100000;
constexpr int kMinExportFps = 1;
constexpr int kMaxExportFps = 60;

// Named sizes for reports and slides: the one table the command line and the dialog offer.
struct ExportPreset {
    const char* name;   // "1080p", "a4-portrait", ...: what --preset takes
    int widthPx, heightPx;
    const char* label;  // what the dialog shows: "1920 x 1080 (1080p, slides)"
};
const std::vector<ExportPreset>& exportPresets();
const ExportPreset* findPreset(const std::string& name);
// The preset with exactly this size, or null.
const ExportPreset* presetOfSize(int widthPx, int heightPx);

// BadArgument naming the size and the limits when it is outside them.
Status checkExportSize(int widthPx, int heightPx);
// "1920x1080" (or "1920X1080") within the limits.
Expected<std::pair<int, int>> parseExportSize(const std::string& text);

// Which pieces of furniture to burn in.
struct OverlaySet {
    bool title = false, time = true, legend = true, scale = true, north = true, attribution = true;
    bool operator==(const OverlaySet& o) const {
        return title == o.title && time == o.time && legend == o.legend && scale == o.scale && north == o.north &&
               attribution == o.attribution;
    }
};
// "title,time,legend,scale,north,attribution", "all", "none" or "auto" (everything but the title
// box, which appears when a title or a subtitle is given: `haveTitle`). BadArgument naming the unknown word otherwise.
Expected<OverlaySet> parseOverlaySet(const std::string& text, bool haveTitle);

// Timeline: one PNG of the timeline over [from, to) (the dataset's whole range when from == to),
// not the map (core/events/timeline_figure.hpp).
enum class ExportKind { Image, Sequence, Video, StorySlides, StoryVideo, Timeline };
// True for the kinds that write a video file (through ffmpeg).
bool writesVideo(ExportKind kind);
// True for the kinds that write numbered PNGs into a folder.
bool writesFolder(ExportKind kind);

// Where to look: the map point at the centre of the image and the height of map it shows, so the
// same framing works at any image size (as a story scene's view does).
struct ExportView {
    MapXY center;
    double spanMeters = 1.5e6;
    // A map box to fit whole at the frame's aspect ratio (--bbox); when set, it decides the
    // framing and `center` and `spanMeters` are not used.
    std::optional<MapBox> fit = std::nullopt;
};

struct ExportSpec {
    ExportKind kind = ExportKind::Image;
    int widthPx = 1920, heightPx = 1080;
    ThemeId theme = ThemeId::Dark;
    bool transparent = false;
    OverlaySet overlays;
    std::string title, subtitle;
    LayerVisibility mapLayers;          // base map layers
    EventLayerSettings layers;          // event layers, trail and cumulative mode
    EventFilter filter;                 // which events are drawn (the window's list filter)
    ZoneOffset zone = kAlmatyTime;      // the zone moments are written in
    std::optional<ExportView> view;     // none: Kazakhstan fitted to the image
    // Image: the moment shown (none: the map without events).
    std::optional<Instant> time;
    // Sequence and Video: every `step` from `from` to `to`, both included. Timeline: the range
    // drawn, [from, to); from == to: the dataset's whole range.
    Instant from, to;
    Duration step = Duration::hours(1);
    int fps = 10;                       // Video and StoryVideo
    // StorySlides and StoryVideo: the story (owned by the caller) and, for slides, one scene
    // (1-based; 0 for all of them).
    const Story* story = nullptr;
    int scene = 0;
    // The scene whose caption a frame burns in (set per frame by story exports).
    const Scene* caption = nullptr;
    // Image, Sequence and Video with a story: the scene (0-based) whose annotations are drawn, with
    // the story's own, as the window shows them while that scene is current; -1: no annotations.
    // Story exports draw each frame's scene's.
    int annotationScene = -1;
    // A PNG or video file (Image, Video, StoryVideo) or a folder (Sequence, StorySlides).
    std::string out;
    // Print: text and lines are sized in points at this resolution (0: a screen image, scaled
    // with its size; see exportPixelScale).
    int dpi = 0;
    // Sequence and Video: these moments instead of every `step` from `from` to `to` (one frame
    // at each event boundary); Image with a grid: the panels' moments, one each.
    std::vector<Instant> times;
    // Image: a figure of small multiples (one panel per moment of `times`, the same view and
    // layers, one legend, title and credits) instead of one frame.
    std::optional<GridShape> grid;
};

// What is wrong with a spec, and which of its fields it is about (the command line names the
// option, the dialog the input).
enum class ExportField { Size, Out, Fps, Range, Step, Story, Scene, Grid };
struct ExportProblem {
    ExportField field;
    std::string message;  // one line for the user, without the field's name
};
// Checks what can be checked before anything is loaded or drawn: size, fps, the sequence's range,
// step and length, the story and scene, that `out` is given and a video's extension is one we
// write. The first problem found.
std::optional<ExportProblem> exportProblem(const ExportSpec& spec);
// The same as a Status (BadArgument with the message).
Status checkExportSpec(const ExportSpec& spec);

// Frames a Sequence or Video has (1 for an Image; the scenes written for StorySlides). A
// StoryVideo's length depends on its plan; see StoryPlan::totalSeconds.
std::size_t frameCount(const ExportSpec& spec);
// The moment of frame `index` (0-based) of a Sequence or Video.
Instant sequenceTime(const ExportSpec& spec, std::size_t index);

// The one naming rule for numbered files: frame_0001.png ... (at least four digits, more when the
// sequence needs them) for sequences, scene_01.png ... for story slides (`index` is 0-based; for
// slides it is the scene's index in the story).
std::string frameFileName(ExportKind kind, std::size_t index, std::size_t total);

// Text and line scale for an image of this size: 1 at 1920x1080, 2 at 3840x2160, never below 0.75.
float pixelScaleForSize(int widthPx, int heightPx);
// The text and line scale a frame of `spec` is drawn at: from its dpi for print, else from its size.
float exportPixelScale(const ExportSpec& spec);
// The camera an export frame uses: the spec's view at its size, or Kazakhstan fitted.
Camera exportCamera(const ExportSpec& spec, const MapScene& scene);

// `path` with the extension the kind writes: ".png" for an image, ".mp4" for a video (".gif"
// kept), no extension for a folder. Used when the user switches kinds with a name already typed.
std::string withExtensionFor(ExportKind kind, const std::string& path);

}  // namespace qantar::core
