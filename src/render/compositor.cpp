#include "render/compositor.hpp"

#include "render/stack_badges.hpp"

namespace qantar::render {

Compositor::Compositor(MapRenderer& map, EventOverlay* events, int samples)
    : m_map(map), m_events(events), m_samples(samples) {}

core::Status Compositor::compose(const CompositeRequest& r) {
    const int w = r.camera.widthPx(), h = r.camera.heightPx();
    // The multisampled base is kept in bands (a quarter of the storage at 4x); the frame over it
    // needs none, since everything drawn on top anti-aliases in its shader.
    auto madeBase = ensureTarget(m_base, w, h, m_samples, MsaaStorage::Bands);
    if (!madeBase) return madeBase.error();
    auto madeFrame = ensureTarget(m_frame, w, h, 1);
    if (!madeFrame) return madeFrame.error();
    if (*madeBase || *madeFrame) {
        m_baseKey.reset();
        m_topKey.reset();
    }

    const BaseKey key = BaseKey::of(r.camera, r.options);
    bool baseChanged = false;
    if (!m_baseKey || *m_baseKey != key) {
        // The first drawing of a view is fine at once unless the view is moving.
        if (r.draft && m_baseKey) {
            m_base->bindSingleSampled();
            m_map.drawBase(r.camera, r.options);
            m_base->resolve();
            m_baseDraft = true;
        } else {
            drawFineBase(m_map, *m_base, r.camera, r.options);
            m_baseDraft = false;
        }
        m_baseKey = key;
        baseChanged = true;
        ++m_baseDraws;
    } else if (m_baseDraft && !r.draft) {
        drawFineBase(m_map, *m_base, r.camera, r.options);
        m_baseDraft = false;
        baseChanged = true;
        ++m_baseDraws;
    }

    const core::FrameLayers* events = m_events ? r.events : nullptr;
    if (auto err = m_areas.update(*m_base, baseChanged, m_events, r.camera, events, r.options)) return err;

    // The night moves with the clock: drawn with the symbols, which are redrawn as often, so the
    // areas below stay cached while the clock plays.
    std::optional<core::Instant> night = r.time;
    if (!r.options.layers.visible(core::MapLayer::Night)) night.reset();
    const bool annotate = !r.annotations.empty() && r.projection;
    const TopKey top{key, m_areas.draws, r.eventsKey, events != nullptr, r.reserved, night,
                     annotate ? r.annotationsKey ^ 0x5bd1e995ULL : 0};
    if (m_topKey && *m_topKey == top) return std::nullopt;
    m_frame->copyFrom(*m_areas.target);
    if (night) m_map.drawNight(r.camera, r.options, *night);
    core::SymbolLayout own;
    const core::SymbolLayout* symbols = r.symbols;
    if (events && !symbols) {
        core::SymbolLayoutOptions plain;
        plain.pixelScale = r.options.pixelScale;
        own = core::layoutSymbols(events->marks, r.camera, plain);
        symbols = &own;
    }
    if (annotate) {
        if (!m_annotations) {
            auto made = AnnotationOverlay::create();
            if (!made) return made.error();
            m_annotations = std::move(*made);
        }
        // Their washes under the symbols, so the symbols inside keep their colours.
        m_annotations->drawWashes(r.camera, *r.projection, r.annotations, r.options);
    }
    if (events) m_events->drawSymbols(r.camera, *events, r.options, symbols);
    m_map.drawLabels(r.camera, r.options);
    if (events && events->marks.size() <= EventOverlay::kDenseMarks) {
        drawStackBadges(m_map, *m_events, r.camera, *symbols, r.options);
        // The stack being pointed at lies over everything else, labels included.
        m_events->drawPointerSpread(r.camera, *events, r.options, *symbols);
    }
    // Signs that must stay readable go over the labels, placed clear of them.
    if (events) m_events->drawTags(r.camera, *events, r.options, m_map, r.reserved);
    // The briefer's own annotations over all of the map's signs (under an export's furniture).
    if (annotate) m_annotations->draw(r.camera, *r.projection, r.annotations, r.options, m_map);
    m_frame->resolve();
    m_topKey = top;
    ++m_topDraws;
    return std::nullopt;
}

}  // namespace qantar::render
