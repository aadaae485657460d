#include "render/compositor.hpp"

#include <cmath>
#include <cstdlib>

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
        m_topValid = false;
    }

    const BaseKey key = BaseKey::of(r.camera, r.options);
    bool baseChanged = false;
    if (!m_baseKey || *m_baseKey != key) {
        const BaseKey before = m_baseKey.value_or(BaseKey{});
        // The first drawing of a view is fine at once unless the view is moving.
        if (r.draft && m_baseKey && shiftBase(r.camera, r.options)) {
            // A pan of less than half a pixel leaves the base as it is.
            baseChanged = *m_baseKey != before;
        } else {
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
        }
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
    // Compared in place and kept by assignment (the reserved rectangles' vector keeps its
    // capacity): a frame with nothing new allocates nothing.
    if (!m_topKey) m_topKey.emplace();
    TopKey& top = *m_topKey;
    const std::uint64_t annotations = annotate ? r.annotationsKey ^ 0x5bd1e995ULL : 0;
    if (m_topValid && top.matches(key, m_areas.draws, r.eventsKey, events != nullptr, r.reserved, night, annotations)) {
        return std::nullopt;
    }
    m_topValid = false;
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
    top.base = key;
    top.areaDraws = m_areas.draws;
    top.eventsKey = r.eventsKey;
    top.events = events != nullptr;
    top.reserved.assign(r.reserved.begin(), r.reserved.end());
    top.night = night;
    top.annotations = annotations;
    m_topValid = true;
    ++m_topDraws;
    return std::nullopt;
}

bool Compositor::shiftBase(const core::Camera& camera, const FrameOptions& options) {
    const BaseKey& was = *m_baseKey;
    BaseKey now = BaseKey::of(camera, options);
    const double mpp = was.mpp;
    if (now.mpp != mpp || now.w != was.w || now.h != was.h || now.theme != was.theme ||
        now.layers.on != was.layers.on || now.pixelScale != was.pixelScale || now.transparent != was.transparent ||
        now.lineLevel != was.lineLevel) {
        return false;
    }
    const int w = was.w, h = was.h;
    // The pan in whole pixels of the base (the map's y runs up, as OpenGL's rows do). The view
    // moving right by dx pixels moves what the base holds left by dx: new (x, y) = old (x + dx, y + dy).
    const double fx = std::round((now.cx - was.cx) / mpp), fy = std::round((now.cy - was.cy) / mpp);
    if (!(std::abs(fx) < w && std::abs(fy) < h)) return false;
    const int dx = static_cast<int>(fx), dy = static_cast<int>(fy);
    if (dx == 0 && dy == 0) return true;
    // The view the shifted base shows: the base's own, moved by whole pixels (within half a pixel
    // of the frame's view, so the labels and symbols drawn over it at the exact view stay in place).
    core::Camera snapped = camera;
    snapped.setCenter({was.cx + dx * mpp, was.cy + dy * mpp});
    const core::MapXY c = snapped.center();
    if (c.x != was.cx + dx * mpp || c.y != was.cy + dy * mpp) return false;  // held back by the bounds

    // The area layer's image is redrawn from the base right after this, so it holds the shifted base
    // meanwhile; then the two images trade places.
    auto made = ensureTarget(m_areas.target, w, h, 1);
    if (!made) return false;
    OffscreenTarget& next = *m_areas.target;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_base->textureFramebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, next.textureFramebuffer());
    const int sx0 = std::max(0, dx), sy0 = std::max(0, dy);
    const int cw = w - std::abs(dx), ch = h - std::abs(dy);
    const int tx0 = std::max(0, -dx), ty0 = std::max(0, -dy);
    glBlitFramebuffer(sx0, sy0, sx0 + cw, sy0 + ch, tx0, ty0, tx0 + cw, ty0 + ch, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    next.bindSingleSampled();
    // The strips uncovered: a column on the side the view moved to, a row likewise (the row
    // leaves out the column's corner).
    if (dx > 0) m_map.drawBaseIn(snapped, options, w - dx, 0, dx, h);
    if (dx < 0) m_map.drawBaseIn(snapped, options, 0, 0, -dx, h);
    if (dy != 0) {
        const int x0 = dx < 0 ? -dx : 0;
        const int rw = w - std::abs(dx);
        m_map.drawBaseIn(snapped, options, x0, dy > 0 ? h - dy : 0, rw, std::abs(dy));
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    m_base->swapResolved(next);
    m_areas.key.reset();
    m_baseKey = BaseKey::of(snapped, options);
    m_baseDraft = true;
    ++m_baseShifts;
    return true;
}

}  // namespace qantar::render
