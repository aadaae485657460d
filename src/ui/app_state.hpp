#pragma once
// State shared by the panels and the app's session. Panels keep only UI-local state (scroll, text
// being typed); everything that more than one part reads or writes lives here. Panels change it
// directly only for simple settings (theme, layer switches, the filter); anything that moves the
// clock or the camera on purpose, or touches files or the window, is an Action.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/events/event_filter.hpp"
#include "core/events/event_world.hpp"
#include "core/events/layers.hpp"
#include "core/events/stacks.hpp"
#include "core/geo/camera.hpp"
#include "core/geo/geo_types.hpp"
#include "core/geo/projection.hpp"
#include "core/io/user_files.hpp"
#include "core/map/map_scene.hpp"
#include "core/map/theme.hpp"
#include "core/story/story.hpp"
#include "core/story/story_player.hpp"
#include "core/time/playback.hpp"
#include "ui/actions.hpp"
#include "ui/key_input.hpp"
#include "ui/layout.hpp"

namespace qantar::ui {

// The story being presented or edited, and where it lives.
struct StoryDoc {
    std::optional<core::Story> story;
    std::string path;       // where it was opened from or saved to
    bool bundled = false;   // it is the story shipped with the program: saving asks for a new place
    bool edited = false;    // changes not yet saved
    core::EventLayerSettings layersBefore;  // the user's layers when the story started (restored on Esc)
    std::string message;    // the last open or save, or why it failed
};

// Progress and outcome of an export started from the window.
struct ExportStatus {
    bool running = false;
    std::size_t done = 0, total = 0;
    double etaSeconds = 0.0;
    std::string message;    // the last result ("Wrote /home/...") or error
    bool failed = false;
    std::string lastPath;   // the absolute path of the last export written
};

// Outcome of the last Open or import.
struct ImportStatus {
    std::string source;                 // what the message is about
    std::string message;                // its report or error
    bool failed = false;
    std::vector<std::string> fields;    // offered when no time field could be detected
    bool needsFields = false;
};

// A short message shown for a few seconds at the bottom of the map.
struct Toast {
    std::string text;
    double until = 0.0;  // app seconds
};

struct AppState {
    // What is loaded (owned by the session).
    const core::MapScene* scene = nullptr;
    const core::Projection* projection = nullptr;
    const core::EventWorld* world = nullptr;  // null when no dataset is loaded
    std::uint64_t worldGeneration = 0;        // changes whenever `world` is replaced
    std::string datasetPath;                  // the file the events came from (empty: built in memory)

    core::Camera camera;
    core::ThemeId theme = core::ThemeId::Dark;
    core::LayerVisibility layers;

    // Time.
    core::PlaybackClock clock;
    core::ZoneOffset displayZone = core::kAlmatyTime;
    core::EventLayerSettings eventLayers;
    core::EventFilter filter;                 // the event list's filter; it narrows the map and timeline too
    std::vector<std::uint8_t> shown;          // filter's mask over world's events (empty: all shown)
    std::uint64_t shownSerial = 0;            // changes whenever `shown` is recomputed
    core::FrameLayers frame;                  // the event layers at clock.now (kept current by the session)
    std::uint64_t frameSerial = 0;            // changes whenever `frame` is replaced
    // The range the timeline panel shows (set as it draws; empty before it has): what the export
    // dialog's timeline figure covers.
    core::Interval timelineView{};
    std::optional<std::uint32_t> selectedEvent;
    std::uint64_t selectionSerial = 0;        // counts selections, so panels can react to a new one

    // This frame's layout (computed before the panels draw) and the map under the mouse.
    Layout layout;
    std::optional<core::LonLat> cursor;

    // The event symbols as the map draws them this frame (layOutSymbols in ui/model_actions.hpp):
    // stacks collapsed or spread, at the scale the map draws symbols (mapPixelScale). The map view
    // spreads the stack under the pointer (pointerSpread: its place) and lists in a tooltip the
    // events the pointer is on (pointedEvents: one event, or a whole stack's).
    core::SymbolLayout symbols;
    // What `symbols` was laid out from (layOutSymbols lays them out again only when it changes).
    struct SymbolsKey {
        std::uint64_t frameSerial = 0;
        const void* world = nullptr;
        core::MapXY center;
        double mpp = 0;
        int w = 0, h = 0;
        float pixelScale = 0;
        std::optional<core::MapXY> spread;
        std::optional<std::uint32_t> selected, pointed;
        bool operator==(const SymbolsKey& o) const {
            const auto same = [](const std::optional<core::MapXY>& a, const std::optional<core::MapXY>& b) {
                return a.has_value() == b.has_value() && (!a || (a->x == b->x && a->y == b->y));
            };
            return frameSerial == o.frameSerial && world == o.world && center.x == o.center.x && center.y == o.center.y &&
                   mpp == o.mpp && w == o.w && h == o.h && pixelScale == o.pixelScale && same(spread, o.spread) &&
                   selected == o.selected && pointed == o.pointed;
        }
    };
    std::optional<SymbolsKey> symbolsKey;
    float mapPixelScale = 1.0f;
    std::optional<core::MapXY> pointerSpread;
    std::vector<std::uint32_t> pointedEvents;
    bool pointedStack = false;

    // Stories and presenting.
    StoryDoc story;
    core::StoryPlayer player;
    bool presenting = false;          // full screen, panels hidden, large type
    double appSeconds = 0.0;          // monotonic app time of this frame (story transitions, toasts)

    // Files, exports, imports.
    ExportStatus exportStatus;
    ImportStatus importStatus;
    std::optional<core::StoryAutosave> recovery;  // unsaved work from a run that ended abruptly
    std::string autosaveProblem;                  // why unsaved edits are not being autosaved (empty: they are)
    std::string loadProblem;                      // why the event file given at start was not loaded
    std::string assetDir;                         // the bundled assets (for the file browser's places)
    std::string openFolder, exportFolder, storyFolder;  // remembered by the file browsers

    // Panels and windows shown.
    bool showLayers = true;
    bool showEvents = true;
    bool showStory = false;
    bool showShortcuts = false;
    bool showAbout = false;
    bool showDisputes = false;  // the dataset's disputed figures and dates, with their sources
    bool showDemo = false;

    std::deque<Toast> toasts;
    ActionQueue actions;
    KeyQueue keys;  // this frame's key presses, read by the shortcut dispatcher

    // Shows `text` for `seconds` at the bottom of the map.
    void notify(std::string text, double seconds = 4.0) { toasts.push_back(Toast{std::move(text), appSeconds + seconds}); }
    // The event flags to draw with (null when every event is shown).
    const std::vector<std::uint8_t>* shownMask() const { return shown.empty() ? nullptr : &shown; }
    bool isShown(std::uint32_t event) const { return shown.empty() || (event < shown.size() && shown[event]); }
};

}  // namespace qantar::ui
