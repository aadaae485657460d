#include "core/map/base_map.hpp"

#include <cstdlib>

#include "core/io/assets.hpp"
#include "core/map/map_cache.hpp"

namespace qantar::core {

Expected<std::unique_ptr<BaseMap>> loadBaseMap(const std::string& assetsOverride) {
    auto assetDir = findAssetDir(assetsOverride);
    if (!assetDir) return assetDir.error();
    auto projection = Projection::create();
    if (!projection) return projection.error();
    // QANTAR_NO_CACHE=1: neither read nor write the cache files (for measuring, and as a way out).
    const char* off = std::getenv("QANTAR_NO_CACHE");
    const bool useCache = !(off && *off && std::string(off) != "0");
    auto map = loadMapCached(*assetDir + "/geo", *projection, Projection::kazakhstanLcc(),
                             useCache ? cachePathsFor(*assetDir, "map.cache") : MapCachePaths{});
    if (!map) return map.error();
    MapCachePaths glyphs = useCache ? cachePathsFor(*assetDir, "glyphs.cache") : MapCachePaths{};
    return std::unique_ptr<BaseMap>(new BaseMap{std::move(*assetDir), std::move(*projection), std::move(map->first),
                                                std::move(map->second), std::move(glyphs)});
}

}  // namespace qantar::core
