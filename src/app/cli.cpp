#include "app/cli.hpp"

#include <cstdio>
#include <regex>

#include "core/assets.hpp"
#include "core/caption.hpp"
#include "core/event_world.hpp"
#include "core/map_data.hpp"
#include "core/map_scene.hpp"
#include "core/projection.hpp"
#include "core/theme.hpp"
#include "render/event_overlay.hpp"
#include "render/headless_context.hpp"
#include "render/image.hpp"
#include "render/map_renderer.hpp"
#include "render/snapshot.hpp"

namespace qantar::app {

namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "qantar: %s\n", message.c_str());
    return 1;
}

}  // namespace

bool parseSize(const std::string& text, int& width, int& height, std::string& message) {
    static const std::regex kSize(R"(^([0-9]{1,5})[xX]([0-9]{1,5})$)");
    std::smatch m;
    if (!std::regex_match(text, m, kSize)) {
        message = "--size: expected WIDTHxHEIGHT such as 1920x1080, got '" + text + "'";
        return false;
    }
    width = std::stoi(m[1].str());
    height = std::stoi(m[2].str());
    if (width < render::kMinExportWidth || height < render::kMinExportHeight || width > render::kMaxExportWidth ||
        height > render::kMaxExportHeight) {
        message = "--size: " + text + " is outside " + std::to_string(render::kMinExportWidth) + "x" +
                  std::to_string(render::kMinExportHeight) + " .. " + std::to_string(render::kMaxExportWidth) + "x" +
                  std::to_string(render::kMaxExportHeight);
        return false;
    }
    return true;
}

int runExport(const ExportOptions& options) {
    int width = 0, height = 0;
    std::string message;
    if (!parseSize(options.size, width, height, message)) return fail(message);
    auto theme = core::parseThemeName(options.theme);
    if (!theme) return fail("--" + theme.error().message);
    if (options.out.empty()) return fail("--out: a PNG path is required");
    // Check the destination before any rendering work.
    if (auto err = render::checkWritable(options.out)) return fail(err->message);
    std::optional<core::ParsedTime> at;
    if (!options.time.empty()) {
        auto t = core::parseIsoTime(options.time, core::kAlmatyTime);
        if (!t) return fail("--time: " + t.error().message);
        at = *t;
    }

    auto assetDir = core::findAssetDir(options.assets);
    if (!assetDir) return fail(assetDir.error().message);
    auto projection = core::Projection::create();
    if (!projection) return fail(projection.error().message);
    auto data = core::loadMapData(*assetDir + "/geo", *projection);
    if (!data) return fail(data.error().message);
    auto scene = core::buildMapScene(*data, *projection);
    if (!scene) return fail(scene.error().message);

    std::unique_ptr<core::EventWorld> world;
    if (at) {
        const std::string path = options.data.empty() ? *assetDir + "/events/events.json" : options.data;
        auto w = core::loadEventWorld(path, *data, *projection);
        if (!w) return fail(w.error().message);
        world = std::move(*w);
    }

    auto context = render::HeadlessContext::create();
    if (!context) return fail(context.error().message);
    auto renderer = render::MapRenderer::create(*scene);
    if (!renderer) return fail(renderer.error().message);

    render::SnapshotRequest request;
    request.widthPx = width;
    request.heightPx = height;
    request.frame.theme = *theme;
    std::unique_ptr<render::EventOverlay> overlay;
    core::FrameLayers layers;
    if (world) {
        auto o = render::EventOverlay::create(*scene);
        if (!o) return fail(o.error().message);
        overlay = std::move(*o);
        layers = world->layersAt(at->instant, core::EventLayerSettings{});
        request.events = &layers;
        request.overlay = overlay.get();
        request.caption = core::momentCaption(*world, layers, at->offset.value_or(core::kAlmatyTime));
    }
    auto image = render::renderSnapshot(**renderer, *scene, request);
    if (!image) return fail(image.error().message);
    if (auto err = render::writePng(*image, options.out)) return fail(err->message);
    return 0;
}

}  // namespace qantar::app
