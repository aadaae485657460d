#pragma once
// Everything the map needs before drawing, loaded once: the assets directory, the projection,
// the map layers and their triangulated scene. Shared by the window and the headless commands.
#include <memory>
#include <string>

#include "core/io/error.hpp"
#include "core/map/map_cache.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"
#include "core/geo/projection.hpp"

namespace qantar::core {

struct BaseMap {
    std::string assetDir;
    Projection projection;
    MapData data;
    MapScene scene;
    // Where the labels' glyph atlas is cached (render/font.hpp), beside the map's cache.
    MapCachePaths glyphCache;
    // The bundled event dataset's path (assets/events/events.json).
    std::string bundledEvents() const { return assetDir + "/events/events.json"; }
};

// Finds the assets (see findAssetDir; `assetsOverride` from --assets), then loads the map from
// its cache or builds it (core/map/map_cache.hpp; a stale or damaged cache is reported on stderr
// and rebuilt). The first problem, naming the file, on failure.
Expected<std::unique_ptr<BaseMap>> loadBaseMap(const std::string& assetsOverride = {});

}  // namespace qantar::core
