#pragma once
// State shared by the panels and the app shell. Panels keep only UI-local state (scroll, text
// fields); everything that more than one part reads or writes lives here.
#include <optional>
#include <string>

#include "core/camera.hpp"
#include "core/geo_types.hpp"
#include "core/map_scene.hpp"
#include "core/projection.hpp"
#include "core/theme.hpp"

namespace qantar::ui {

struct AppState {
    const core::MapScene* scene = nullptr;
    const core::Projection* projection = nullptr;

    core::Camera camera;
    core::ThemeId theme = core::ThemeId::Dark;
    core::LayerVisibility layers;

    // Map viewport inside the window, pixels (set by MapView each frame).
    float mapX = 0, mapY = 0, mapW = 1, mapH = 1;
    std::optional<core::LonLat> cursor;  // under the mouse, when over the map

    bool showLayers = true;
    bool showShortcuts = false;
    bool showAbout = false;
    bool showDemo = false;
    bool quitRequested = false;

    // Fits Kazakhstan into the current map viewport.
    void fitKazakhstan() {
        if (!scene) return;
        camera.setViewport(static_cast<int>(mapW), static_cast<int>(mapH));
        camera.fit(scene->kazakhstanBox, 0.04 * std::min(mapW, mapH));
    }
};

}  // namespace qantar::ui
