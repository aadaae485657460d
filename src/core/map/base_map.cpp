#include "core/map/base_map.hpp"

#include "core/io/assets.hpp"

namespace qantar::core {

Expected<std::unique_ptr<BaseMap>> loadBaseMap(const std::string& assetsOverride) {
    auto assetDir = findAssetDir(assetsOverride);
    if (!assetDir) return assetDir.error();
    auto projection = Projection::create();
    if (!projection) return projection.error();
    auto data = loadMapData(*assetDir + "/geo", *projection);
    if (!data) return data.error();
    auto scene = buildMapScene(*data, *projection);
    if (!scene) return scene.error();
    return std::unique_ptr<BaseMap>(
        new BaseMap{std::move(*assetDir), std::move(*projection), std::move(*data), std::move(*scene)});
}

}  // namespace qantar::core
