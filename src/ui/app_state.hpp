#pragma once
// State shared by the panels and the app shell. Panels keep only UI-local state (scroll, text
// fields); everything that more than one part reads or writes lives here.
#include <optional>
#include <string>

#include "core/geo/camera.hpp"
#include "core/events/event_world.hpp"
#include "core/geo/geo_types.hpp"
#include "core/events/layers.hpp"
#include "core/map/map_scene.hpp"
#include "core/time/playback.hpp"
#include "core/geo/projection.hpp"
#include "core/map/theme.hpp"
#include "core/io/user_files.hpp"
#include "ui/export_dialog.hpp"
#include "ui/key_input.hpp"
#include "ui/open_dialog.hpp"
#include "ui/story_driver.hpp"

namespace qantar::ui {

struct AppState {
    const core::MapScene* scene = nullptr;
    const core::Projection* projection = nullptr;
    const core::EventWorld* world = nullptr;  // null when no dataset is loaded

    core::Camera camera;
    core::ThemeId theme = core::ThemeId::Dark;
    core::LayerVisibility layers;

    // Time.
    core::PlaybackClock clock;
    core::ZoneOffset displayZone = core::kAlmatyTime;
    core::EventLayerSettings eventLayers;
    core::FrameLayers frame;  // the event layers at clock.now (computed once per frame by the app)
    std::optional<std::uint32_t> selectedEvent;

    // Map viewport inside the window, pixels (set by MapView each frame).
    float mapX = 0, mapY = 0, mapW = 1, mapH = 1;
    std::optional<core::LonLat> cursor;  // under the mouse, when over the map

    // Stories and presenting.
    StoryState storyState;
    bool presenting = false;      // full screen, panels hidden, large type
    bool showStory = false;       // the story editor panel
    double appSeconds = 0.0;      // monotonic app time of this frame, for story transitions

    ExportJob exportJob;          // filled by the export dialog, run by the app shell
    ImportRequest importRequest;  // filled by the open dialog or a file drop, run by the app shell
    ImportStatus importStatus;
    bool openDialogRequested = false;
    // Unsaved work found from an earlier run that ended without saving (a crash, kill -9).
    std::optional<core::StoryAutosave> recovery;
    bool recoveryOffered = false;
    bool exportDialogRequested = false;

    bool showLayers = true;
    bool showEvents = true;
    bool showShortcuts = false;
    bool showAbout = false;
    bool showDemo = false;
    bool quitRequested = false;
    KeyQueue keys;  // filled by the app shell, read by shortcut handlers

    // Fits Kazakhstan into the current map viewport.
    void fitKazakhstan() {
        if (!scene) return;
        camera.setViewport(static_cast<int>(mapW), static_cast<int>(mapH));
        camera.fit(scene->kazakhstanBox, 0.04 * std::min(mapW, mapH));
    }

    // Selects an event: the clock moves to its start and the camera to its place.
    void selectEvent(std::uint32_t index) {
        if (!world || index >= world->data().events.size()) return;
        selectedEvent = index;
        clock.playing = false;
        clock.seek(world->data().events[index].start);
        const core::EventPosition& pos = world->places()[index];
        if (pos.xy) {
            camera.setCenter(*pos.xy);
            // Close enough to see the city, not closer than the region's uncertainty allows.
            const double want = std::max(800.0, pos.uncertaintyMeters * 2.5 / std::max(1.0f, std::min(mapW, mapH)));
            if (camera.metersPerPixel() > want) camera.setMetersPerPixel(want);
        }
    }
};

}  // namespace qantar::ui
