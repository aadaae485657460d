// Frame cost of the base map on the current OpenGL implementation (llvmpipe when there is no GPU),
// drawn offscreen through EGL at 1920x1080. Each iteration draws a frame with a slightly moved
// camera (so label placement and every draw call run) and waits for the GPU with glFinish.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include <unistd.h>

#include "core/export/export_spec.hpp"
#include "core/geo/projection.hpp"
#include "core/map/map_cache.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"

using namespace qantar;

namespace {

struct World {
    std::unique_ptr<render::HeadlessContext> context;
    std::unique_ptr<core::Projection> projection;
    std::unique_ptr<core::MapData> data;
    std::unique_ptr<core::MapScene> scene;
    std::unique_ptr<render::MapRenderer> renderer;
};

World& world() {
    static World w = [] {
        World x;
        auto ctx = render::HeadlessContext::create();
        if (!ctx) {
            std::fprintf(stderr, "%s\n", ctx.error().message.c_str());
            std::exit(1);
        }
        x.context = std::move(*ctx);
        x.projection = std::make_unique<core::Projection>(std::move(*core::Projection::create()));
        auto d = core::loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *x.projection);
        if (!d) {
            std::fprintf(stderr, "%s\n", d.error().message.c_str());
            std::exit(1);
        }
        x.data = std::make_unique<core::MapData>(std::move(*d));
        x.scene = std::make_unique<core::MapScene>(std::move(*core::buildMapScene(*x.data, *x.projection)));
        x.renderer = std::move(*render::MapRenderer::create(*x.scene));
        return x;
    }();
    return w;
}

// Layer sets, by benchmark argument.
core::LayerVisibility layersFor(int set) {
    core::LayerVisibility v;
    if (set == 1) {  // fills only
        for (auto l : {core::MapLayer::Labels, core::MapLayer::Cities, core::MapLayer::Rivers, core::MapLayer::Graticule,
                       core::MapLayer::RegionBorders, core::MapLayer::CountryBorders}) {
            v.set(l, false);
        }
    } else if (set == 2) {  // lines only
        for (auto l : {core::MapLayer::Labels, core::MapLayer::Cities, core::MapLayer::Neighbours,
                       core::MapLayer::Regions, core::MapLayer::Water}) {
            v.set(l, false);
        }
    }
    return v;
}

void BM_MapFrame1080p(benchmark::State& state) {
    World& w = world();
    const int samples = static_cast<int>(state.range(0));
    auto target = render::OffscreenTarget::create(1920, 1080, samples);
    core::ExportSpec spec;  // the default export view at 1920x1080: Kazakhstan fitted
    spec.widthPx = 1920;
    spec.heightPx = 1080;
    core::Camera cam = core::exportCamera(spec, *w.scene);
    render::FrameOptions fo;
    fo.layers = layersFor(static_cast<int>(state.range(1)));
    int i = 0;
    for (auto _ : state) {
        cam.panByPixels((i++ % 2) ? 2.0 : -2.0, 0.0);
        target->bind();
        w.renderer->draw(cam, fo);
        target->resolve();
        glFinish();
    }
}
// Start-up cost of the base map, without OpenGL: reading and projecting the GeoJSON layers, then
// triangulating, simplifying and extruding them into the scene.
void BM_LoadMapData(benchmark::State& state) {
    auto projection = core::Projection::create();
    for (auto _ : state) {
        auto d = core::loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *projection);
        if (!d) state.SkipWithError(d.error().message.c_str());
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(BM_LoadMapData)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BuildMapScene(benchmark::State& state) {
    auto projection = core::Projection::create();
    auto data = core::loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *projection);
    if (!data) {
        state.SkipWithError(data.error().message.c_str());
        return;
    }
    for (auto _ : state) {
        auto scene = core::buildMapScene(*data, *projection);
        if (!scene) state.SkipWithError(scene.error().message.c_str());
        benchmark::DoNotOptimize(scene);
    }
}
BENCHMARK(BM_BuildMapScene)->Unit(benchmark::kMillisecond)->UseRealTime();

// What replaces both when the map cache is good (core/map/map_cache.hpp): hashing the map files,
// mapping the cache, checking its checksum and copying the layers and meshes out of it.
void BM_LoadMapFromCache(benchmark::State& state) {
    auto projection = core::Projection::create();
    const std::string geo = std::string(QANTAR_ASSET_DIR) + "/geo";
    const std::string file = "/tmp/qantar-bench-map-" + std::to_string(::getpid()) + ".cache";
    const core::MapCachePaths paths{"", file};
    auto first = core::loadMapCached(geo, *projection, core::Projection::kazakhstanLcc(), paths);
    if (!first) {
        state.SkipWithError(first.error().message.c_str());
        return;
    }
    for (auto _ : state) {
        core::CacheOutcome outcome;
        auto map = core::loadMapCached(geo, *projection, core::Projection::kazakhstanLcc(), paths, &outcome);
        if (!map || !outcome.used) state.SkipWithError("the cache was not used");
        benchmark::DoNotOptimize(map);
    }
    std::remove(file.c_str());
}
BENCHMARK(BM_LoadMapFromCache)->Unit(benchmark::kMillisecond)->UseRealTime();

// The labels' glyph atlas: drawn (warm) against read from its cache (FontAtlas::warmCached).
void BM_GlyphAtlas(benchmark::State& state) {
    auto projection = core::Projection::create();
    auto data = core::loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *projection);
    auto scene = data ? core::buildMapScene(*data, *projection) : core::Expected<core::MapScene>(data.error());
    if (!scene) {
        state.SkipWithError(scene.error().message.c_str());
        return;
    }
    const auto texts = render::atlasTexts(*scene);
    const std::string file = "/tmp/qantar-bench-glyphs-" + std::to_string(::getpid()) + ".cache";
    const bool cached = state.range(0) == 1;
    if (cached) (*render::FontAtlas::create())->warmAndWriteCache(texts, file);
    for (auto _ : state) {
        auto atlas = render::FontAtlas::create();
        if (cached) {
            if (!(*atlas)->warmCached(texts, core::MapCachePaths{"", file})) state.SkipWithError("the cache was not used");
        } else {
            (*atlas)->warm(texts);
        }
        benchmark::DoNotOptimize(atlas);
    }
    std::remove(file.c_str());
}
BENCHMARK(BM_GlyphAtlas)->ArgName("cached")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK(BM_MapFrame1080p)
    ->ArgNames({"msaa", "layers"})
    ->Args({1, 0})
    ->Args({4, 0})
    ->Args({1, 1})
    ->Args({1, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
