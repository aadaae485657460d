// `qantar cache --out DIR`: the map's cache files, made at build and install time.
#include <cstdio>
#include <filesystem>

#include "app/cli.hpp"
#include "core/io/assets.hpp"
#include "core/map/map_cache.hpp"
#include "render/font.hpp"
#include "render/map_renderer.hpp"

namespace qantar::app {

int runCache(const CacheOptions& o) {
    auto fail = [](const std::string& message) {
        std::fprintf(stderr, "qantar: %s\n", message.c_str());
        return 1;
    };
    auto assetDir = core::findAssetDir(o.assets);
    if (!assetDir) return fail(assetDir.error().message);
    const std::string geoDir = *assetDir + "/geo";
    auto projection = core::Projection::create();
    if (!projection) return fail(projection.error().message);
    auto hash = core::mapInputHash(geoDir, core::Projection::kazakhstanLcc());
    if (!hash) return fail(hash.error().message);
    auto data = core::loadMapData(geoDir, *projection);
    if (!data) return fail(data.error().message);
    auto scene = core::buildMapScene(*data, *projection);
    if (!scene) return fail(scene.error().message);
    const std::string mapPath = o.out + "/map.cache";
    if (auto e = core::writeCacheFile(mapPath, core::kMapCacheKind, *hash, core::serializeMap(*data, *scene))) {
        return fail(e->message);
    }
    auto atlas = render::FontAtlas::create();
    if (!atlas) return fail(atlas.error().message);
    if (auto e = (*atlas)->warmAndWriteCache(render::atlasTexts(*scene), o.out + "/glyphs.cache")) return fail(e->message);
    return 0;
}

}  // namespace qantar::app
