#include "core/map/base_map.hpp"

#include "core/io/assets.hpp"
#include "core/map/map_cache.hpp"

namespace qantar::core {

Expected<std::unique_ptr<BaseMap>> loadBaseMap(const std::string& assetsOverride) {
    auto assetDir = findAssetDir(assetsOverride);
    if (!assetDir) return assetDir.error();
    auto projection = Projection::create();
    if (!projection) return projection.error();
    auto map = loadMapCached(*assetDir + "/geo", *projection, Projection::kazakhstanLcc(),
                             cachePathsFor(*assetDir, "map.cache"));
    if (!map) return map.error();
    MapCachePaths glyphs = cachePathsFor(*assetDir, "glyphs.cache");
    return std::unique_ptr<BaseMap>(new BaseMap{std::move(*assetDir), std::move(*projection), std::move(map->first),
                                                std::move(map->second), std::move(glyphs)});
}

}  // namespace qantar::core
