#include "app/frame_maker.hpp"

#include <sstream>

#include "core/events/caption.hpp"
#include "core/map/credits.hpp"
#include "core/map/overlay_layout.hpp"
#include "render/overlays.hpp"
#include "render/snapshot.hpp"

namespace qantar::app {

core::Expected<OverlaySet> parseOverlaySet(const std::string& text, bool haveTitle) {
    OverlaySet set;
    if (text.empty() || text == "auto") {
        set.title = haveTitle;
        return set;
    }
    if (text == "all") return OverlaySet{true, true, true, true, true, true};
    set = OverlaySet{false, false, false, false, false, false};
    if (text == "none") return set;
    std::stringstream ss(text);
    std::string word;
    while (std::getline(ss, word, ',')) {
        if (word == "title") set.title = true;
        else if (word == "time") set.time = true;
        else if (word == "legend") set.legend = true;
        else if (word == "scale") set.scale = true;
        else if (word == "north") set.north = true;
        else if (word == "attribution") set.attribution = true;
        else {
            return core::Error{core::ErrorKind::BadArgument,
                               "--overlays: unknown overlay '" + word +
                                   "' (use title, time, legend, scale, north, attribution, all, none or auto)"};
        }
    }
    return set;
}

core::Expected<std::unique_ptr<FrameMaker>> FrameMaker::create(const core::MapScene& scene,
                                                               const core::Projection& projection,
                                                               const core::EventWorld* world, SharedRenderers shared) {
    std::unique_ptr<FrameMaker> m(new FrameMaker());
    m->m_scene = &scene;
    m->m_projection = &projection;
    m->m_world = world;
    m->m_map = shared.map;
    m->m_events = shared.events;
    if (!m->m_map) {
        auto map = render::MapRenderer::create(scene);
        if (!map) return map.error();
        m->m_ownMap = std::move(*map);
        m->m_map = m->m_ownMap.get();
    }
    if (!m->m_events) {
        auto events = render::EventOverlay::create(scene);
        if (!events) return events.error();
        m->m_ownEvents = std::move(*events);
        m->m_events = m->m_ownEvents.get();
    }
    auto painter = render::Painter::create();
    if (!painter) return painter.error();
    m->m_painter = std::move(*painter);
    return m;
}

core::Camera FrameMaker::defaultCamera(int widthPx, int heightPx) const {
    return render::defaultCamera(*m_scene, widthPx, heightPx);
}

core::Camera FrameMaker::cameraFor(const core::MapXY& center, double spanMeters, int widthPx, int heightPx) {
    return core::Camera(center, spanMeters / std::max(1, heightPx), widthPx, heightPx);
}

core::Expected<render::Image> FrameMaker::make(const FrameSpec& spec) {
    render::SnapshotRequest req;
    req.widthPx = spec.widthPx;
    req.heightPx = spec.heightPx;
    req.frame.theme = spec.theme;
    req.frame.transparentBackground = spec.transparent;
    // Lines, symbols and text grow with the image, so a 4K frame reads like a 1080p one.
    req.frame.pixelScale = render::pixelScaleForSize(spec.widthPx, spec.heightPx);
    req.camera = spec.camera ? *spec.camera : defaultCamera(spec.widthPx, spec.heightPx);
    req.target = &m_target;
    req.baseCache = &m_base;
    core::FrameLayers layers;
    render::OverlayOptions ov;
    if (spec.time && m_world) {
        layers = m_world->layersAt(*spec.time, spec.layers);
        req.events = &layers;
        req.overlay = m_events;
        if (spec.overlays.time) ov.moment = core::momentCaption(*m_world, layers, spec.zone);
        if (spec.overlays.legend) {
            for (int i = 0; i < core::kEventLayerCount; ++i) {
                if (spec.layers.on[static_cast<std::size_t>(i)]) ov.legendLayers.push_back(static_cast<core::EventLayer>(i));
            }
            ov.legend = !ov.legendLayers.empty();
        }
    }
    if (spec.overlays.title) {
        ov.title = spec.title;
        ov.subtitle = spec.subtitle;
    }
    ov.scaleBar = spec.overlays.scale;
    ov.northArrow = spec.overlays.north;
    if (spec.overlays.attribution) {
        ov.credits.push_back(core::kMapDataAttribution);
        if (m_world) ov.credits.push_back(core::eventsCredit(m_world->data()));
    }
    if (spec.scene) {
        ov.captionTitle = spec.scene->title;
        ov.captionText = spec.scene->caption;
        if (!spec.scene->sources.empty() && m_world) {
            std::string s = "Sources: ";
            bool first = true;
            for (const auto& id : spec.scene->sources) {
                const core::Source* src = m_world->data().findSource(id);
                s += (first ? "" : ", ") + (src ? src->outlet : id);
                first = false;
            }
            ov.captionSources = s;
        }
    }
    req.overlays = &ov;
    req.painter = m_painter.get();
    req.projection = m_projection;
    req.attribution = false;
    return render::renderSnapshot(*m_map, *m_scene, req);
}

}  // namespace qantar::app
