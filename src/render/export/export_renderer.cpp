#include "render/export/export_renderer.hpp"

#include <algorithm>

#include "core/events/caption.hpp"
#include "core/map/credits.hpp"
#include "core/map/overlay_layout.hpp"
#include "render/export/timeline_figure.hpp"
#include "render/overlays.hpp"

namespace qantar::render {

core::Expected<std::unique_ptr<ExportRenderer>> ExportRenderer::create(const core::MapScene& scene,
                                                                       const core::Projection& projection,
                                                                       const core::EventWorld* world,
                                                                       SharedRenderers shared,
                                                                       const core::MapCachePaths& glyphCache) {
    std::unique_ptr<ExportRenderer> r(new ExportRenderer());
    r->m_scene = &scene;
    r->m_projection = &projection;
    r->m_world = world;
    r->m_map = shared.map;
    r->m_events = shared.events;
    if (!r->m_map) {
        auto map = MapRenderer::create(scene, glyphCache);
        if (!map) return map.error();
        r->m_ownMap = std::move(*map);
        r->m_map = r->m_ownMap.get();
    }
    if (!r->m_events) {
        auto events = EventOverlay::create(scene);
        if (!events) return events.error();
        r->m_ownEvents = std::move(*events);
        r->m_events = r->m_ownEvents.get();
    }
    auto painter = Painter::create();
    if (!painter) return painter.error();
    r->m_painter = std::move(*painter);
    r->m_compositor = std::make_unique<Compositor>(*r->m_map, r->m_events);
    return r;
}

void ExportRenderer::setWorld(const core::EventWorld* world) {
    m_world = world;
    m_maskFilter.reset();
}

const std::vector<std::uint8_t>* ExportRenderer::maskFor(const core::EventFilter& filter) {
    if (!m_world || !filter.active()) return nullptr;
    if (!m_maskFilter || *m_maskFilter != filter) {
        m_mask = core::filterMask(m_world->data(), filter);
        m_maskFilter = filter;
    }
    return &m_mask;
}

std::vector<core::LegendEntry> ExportRenderer::legendFor(const core::ExportSpec& spec) const {
    std::vector<core::LegendEntry> entries;
    if (!m_world) return entries;
    const bool anyLayer = std::any_of(spec.layers.on.begin(), spec.layers.on.end(), [](bool on) { return on; });
    if (anyLayer) {
        entries = core::legendEntries(spec.layers.on);
        // Explained whenever the data has date-only events, so every frame of a sequence
        // keeps the same legend.
        for (const core::Event& e : m_world->data().events) {
            if (e.precision == core::Precision::Day || e.precision == core::Precision::Approximate) {
                entries.push_back(core::dateOnlyLegendEntry());
                break;
            }
        }
    }
    if (spec.mapLayers.visible(core::MapLayer::Night)) entries.push_back(core::nightLegendEntry());
    return entries;
}

core::Expected<Image> ExportRenderer::render(const core::ExportSpec& spec) {
    if (auto err = core::checkExportSize(spec.widthPx, spec.heightPx)) return *err;
    if (spec.kind == core::ExportKind::Timeline) {
        if (!m_world) return core::Error{core::ErrorKind::BadArgument, "the timeline figure needs event data"};
        return renderTimelineFigure(spec, *m_world, maskFor(spec.filter), *m_map, m_events, *m_painter);
    }
    if (spec.grid) return renderGrid(spec);
    // Lines, symbols and text grow with the image, so a 4K frame reads like a 1080p one (or, for
    // print, with its resolution, so they keep their size in points on paper).
    if (auto err = drawFrame(spec, core::exportPixelScale(spec), {})) return *err;
    return m_compositor->frame().read();
}

core::Status ExportRenderer::drawFrame(const core::ExportSpec& spec, float pixelScale,
                                       const std::vector<core::ScreenRect>& reserved) {
    CompositeRequest req;
    req.camera = core::exportCamera(spec, *m_scene);
    req.options.theme = spec.theme;
    req.options.layers = spec.mapLayers;
    req.options.transparentBackground = spec.transparent;
    req.options.pixelScale = pixelScale;
    req.time = spec.time;
    core::FrameLayers layers;
    OverlayOptions ov;
    if (spec.time && m_world) {
        layers = m_world->layersAt(*spec.time, spec.layers, maskFor(spec.filter));
        req.events = &layers;
        // Every export frame is drawn afresh on top: the key only has to differ from the last.
        req.eventsKey = ++m_frames;
        if (spec.overlays.time) ov.moment = core::momentCaption(*m_world, layers, spec.zone);
        if (spec.overlays.legend) {
            ov.legendEntries = legendFor(spec);
            ov.legend = !ov.legendEntries.empty();
        }
    }
    if (spec.overlays.title) {
        ov.title = spec.title;
        ov.subtitle = spec.subtitle;
    }
    ov.scaleBar = spec.overlays.scale;
    ov.northArrow = spec.overlays.north;
    if (spec.overlays.attribution) {
        ov.creditSources = core::creditSources(m_world ? &m_world->data() : nullptr);
        ov.creditMinFontPx = core::minCreditFontPx(spec.widthPx, spec.heightPx, spec.dpi);
    }
    if (spec.caption) {
        ov.captionTitle = spec.caption->title;
        ov.captionText = spec.caption->caption;
        if (!spec.caption->sources.empty() && m_world) {
            std::string s = "Sources: ";
            bool first = true;
            for (const auto& id : spec.caption->sources) {
                const core::Source* src = m_world->data().findSource(id);
                s += (first ? "" : ", ") + (src ? src->outlet : id);
                first = false;
            }
            ov.captionSources = s;
        }
    }
    // The story's annotations: those of the frame's scene (a story export) or of the scene the
    // window had current (an image or sequence exported from it), each within its time range.
    if (spec.story) {
        int k = spec.annotationScene;
        if (spec.caption && !spec.story->scenes.empty()) {
            const core::Scene* first = &spec.story->scenes.front();
            if (spec.caption >= first && spec.caption < first + spec.story->scenes.size()) k = static_cast<int>(spec.caption - first);
        }
        if (k >= 0) {
            req.annotations = core::annotationsShown(*spec.story, k, spec.time);
            req.annotationsKey = core::annotationsKey(req.annotations);
            req.projection = m_projection;
        }
    }
    OverlayPainters painters{*m_map, m_events, *m_painter};
    const core::Theme& theme = core::theme(spec.theme);
    const float s = req.options.pixelScale;
    auto coverIn = [this, s](const core::Camera& cam) {
        return [this, s, cam](const core::OverlayBox& b) { return core::labelCoverCost(m_scene->labels, cam, s, b); };
    };
    ov.coverCost = coverIn(req.camera);
    // One frame only: a sequence keeps one view, whatever its moments' boxes.
    if (spec.kind == core::ExportKind::Image && !spec.view && (!ov.title.empty() || !ov.subtitle.empty() || !ov.moment.empty())) {
        // The framing makes room: when the title box, in its best corner, still hides a key city or
        // region, the map zooms out about the south of the country a step at a time (at most a
        // fifth) until it hides none. A box no such step clears (a very long title on a small
        // image) leaves the framing as it was: a smaller map would gain nothing.
        auto keyCost = [&](const core::Camera& cam) {
            const core::OverlayBox box = overlayPlan(painters, cam, theme, s, ov).topLeft;
            return core::labelCoverCost(m_scene->labels, cam, s, box, core::kKeyLabelWeight);
        };
        if (keyCost(req.camera) > 0.0f) {
            const core::MapBox& kz = m_scene->kazakhstanBox;
            const core::ScreenPx south = req.camera.toScreen(core::MapXY{(kz.minX + kz.maxX) * 0.5, kz.minY});
            const core::Camera start = req.camera;
            for (int step = 1; step <= 10; ++step) {
                core::Camera cam = start;
                cam.zoomAbout(south, 1.0 - 0.02 * step);
                ov.coverCost = coverIn(cam);
                if (keyCost(cam) == 0.0f) {
                    req.camera = cam;
                    break;
                }
            }
            ov.coverCost = coverIn(req.camera);
        }
    }
    m_lastPlan = overlayPlan(painters, req.camera, theme, s, ov);
    m_lastCamera = req.camera;
    req.reserved = overlayBoxes(painters, req.camera, theme, s, ov);
    req.reserved.insert(req.reserved.end(), reserved.begin(), reserved.end());
    if (auto err = m_compositor->compose(req)) return err;
    const OffscreenTarget& frame = m_compositor->frame();
    frame.bind();
    drawOverlays(painters, req.camera, *m_projection, theme, s, ov);
    m_compositor->frameTouched();
    frame.resolve();
    return std::nullopt;
}

}  // namespace qantar::render
