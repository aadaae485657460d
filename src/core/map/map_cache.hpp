#pragma once
// The map cache: the projected map layers (MapData) and their triangulated, simplified, extruded
// scene (MapScene) in one binary file (core/io/cache_file.hpp), so that a run maps it instead of
// reading and projecting the GeoJSON and building the scene again. The file is keyed by a hash of
// every map file's bytes, the projection and kMapCacheFormat; anything wrong with it (stale,
// truncated, damaged) means the map is built from the files again and the cache rewritten.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/io/cache_file.hpp"
#include "core/io/error.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"

namespace qantar::core {

// Raise whenever what loadMapData or buildMapScene make changes (code, constants or the layout
// of the structures): a cache of the old kind then counts as stale. The structures' sizes are
// checked at compile time in map_cache.cpp, so a new field cannot be forgotten silently.
inline constexpr std::uint32_t kMapCacheFormat = 1;
inline constexpr CacheKind kMapCacheKind{"QNTRMAP1", kMapCacheFormat, "map cache"};

// Hash of what the map is made from: the bytes of every file of mapDataFiles() in `geoDir`, the
// projection's definition, the program's version and the constants of the scene. Fails when a
// file cannot be read (loading the map then says which and why).
Expected<std::uint64_t> mapInputHash(const std::string& geoDir, const std::string& projectionDefinition);

// The payload of a map cache, and back. Reading fails (false, outputs unspecified) on anything
// out of place; it never reads past the payload.
std::string serializeMap(const MapData& data, const MapScene& scene);
bool deserializeMap(std::string_view payload, MapData& data, MapScene& scene);

// Where a map's cache files are looked for and written.
struct MapCachePaths {
    // Made with the program (at build or install time, `qantar cache`): read first, rewritten only
    // when it exists and is wrong. Empty: none.
    std::string shipped;
    // The user's own copy, read next and written when the shipped one is missing or cannot be
    // rewritten. Empty: none.
    std::string user;
};

// For the assets in `assetDir`: shipped = <assetDir>/../cache/<name>, user =
// userCacheDir()/<stem>-<hash of assetDir's real path>.cache, so each assets folder has its own.
// `name` is "map.cache" or "glyphs.cache".
MapCachePaths cachePathsFor(const std::string& assetDir, const std::string& name);

// Why a cache was not used (a stale or damaged file was found), for the one message a run prints.
// Empty when the cache was used, or when there simply was none yet.
struct CacheOutcome {
    bool used = false;         // the map came from the cache
    std::string problem;       // "qantar: map cache F was made from other map data; rebuilt"
    std::string written;       // the file written after building, if any
};

// Loads the map of `geoDir` through its cache: the first valid file of `paths` is used; otherwise
// the map is built from the files, the cache written (see MapCachePaths) and, if a stale or
// damaged file was found, `report` is called once with a message saying so.
Expected<std::pair<MapData, MapScene>> loadMapCached(const std::string& geoDir, const Projection& projection,
                                                     const std::string& projectionDefinition,
                                                     const MapCachePaths& paths, CacheOutcome* outcome = nullptr,
                                                     const std::function<void(const std::string&)>& report = {});


}  // namespace qantar::core
