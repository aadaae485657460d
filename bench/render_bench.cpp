// Frame cost of the base map on the current OpenGL implementation (llvmpipe when there is no GPU),
// drawn offscreen through EGL at 1920x1080. Each iteration draws a frame with a slightly moved
// camera (so label placement and every draw call run) and waits for the GPU with glFinish. Also
// the cost of encoding a real export frame as PNG, against the libpng writer qantar had before.
#include <benchmark/benchmark.h>
#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <vector>

#include <unistd.h>

#include "core/export/export_spec.hpp"
#include "core/geo/projection.hpp"
#include "core/map/map_cache.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"
#include "render/export/export_renderer.hpp"
#include "render/headless_context.hpp"
#include "render/image.hpp"
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

// A real export frame (the map with its furniture, no events) of the given height at 16:9, made once.
const render::Image& exportFrame(int height) {
    static std::map<int, render::Image> frames;
    auto it = frames.find(height);
    if (it != frames.end()) return it->second;
    World& w = world();
    auto exporter = render::ExportRenderer::create(*w.scene, *w.projection, nullptr,
                                                   render::SharedRenderers{w.renderer.get(), nullptr});
    core::ExportSpec spec;
    spec.widthPx = height * 16 / 9;
    spec.heightPx = height;
    auto img = (*exporter)->render(spec);
    if (!img) {
        std::fprintf(stderr, "%s\n", img.error().message.c_str());
        std::exit(1);
    }
    return frames.emplace(height, std::move(*img)).first->second;
}

// PNG encoding of an export frame (height 1080 or 2160) in 1 or 2 strips: libdeflate, filter None.
void BM_EncodePng(benchmark::State& state) {
    const render::Image& img = exportFrame(static_cast<int>(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto png = render::encodePng(img, static_cast<unsigned>(state.range(1)));
        if (!png) state.SkipWithError(png.error().message.c_str());
        bytes = png ? png->size() : 0;
        benchmark::DoNotOptimize(png);
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_EncodePng)
    ->ArgNames({"height", "strips"})
    ->Args({1080, 1})
    ->Args({1080, 2})
    ->Args({2160, 1})
    ->Args({2160, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The writer qantar had before: libpng, zlib level 1, Sub filter on every row, one thread.
void appendPng(png_structp png, png_bytep data, png_size_t size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(png_get_io_ptr(png));
    out->insert(out->end(), data, data + size);
}
void flushPng(png_structp) {}
bool libpngLevel1Sub(const render::Image& img, std::vector<std::uint8_t>* out) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, out, appendPng, flushPng);
    png_set_IHDR(png, info, static_cast<png_uint_32>(img.width), static_cast<png_uint_32>(img.height), 8,
                 PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, 1);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_write_info(png, info);
    for (int y = 0; y < img.height; ++y) {
        png_write_row(png, const_cast<png_bytep>(img.rgba.data() + static_cast<std::size_t>(y) * img.width * 4));
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}
void BM_EncodePngLibpng(benchmark::State& state) {
    const render::Image& img = exportFrame(static_cast<int>(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::vector<std::uint8_t> out;
        out.reserve(img.rgba.size() / 8);
        if (!libpngLevel1Sub(img, &out)) state.SkipWithError("libpng failed");
        bytes = out.size();
        benchmark::DoNotOptimize(out);
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_EncodePngLibpng)->ArgName("height")->Arg(1080)->Arg(2160)->Unit(benchmark::kMillisecond)->UseRealTime();

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
