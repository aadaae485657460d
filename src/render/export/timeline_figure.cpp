#include "render/export/timeline_figure.hpp"

#include <algorithm>
#include <cmath>

#include "core/events/timeline_figure.hpp"
#include "render/gl.hpp"
#include "render/offscreen.hpp"

namespace qantar::render {

namespace {

core::Rgba withAlpha(core::Rgba c, float a) {
    c.a = a;
    return c;
}

// The internet's state as the window's timeline shows it: shut down, partly back, back.
core::Rgba internetColor(core::FigureSpanKind k) {
    switch (k) {
        case core::FigureSpanKind::InternetFull: return core::Rgba{0.78f, 0.24f, 0.24f, 0.92f};
        case core::FigureSpanKind::InternetPartial: return core::Rgba{0.86f, 0.63f, 0.16f, 0.92f};
        default: return core::Rgba{0.35f, 0.66f, 0.38f, 0.92f};
    }
}

core::AreaKind areaOf(core::FigureSpanKind k) {
    return k == core::FigureSpanKind::CurfewNight ? core::AreaKind::Curfew : core::AreaKind::Emergency;
}

bool isArea(core::FigureSpanKind k) {
    return k == core::FigureSpanKind::CurfewNight || k == core::FigureSpanKind::Emergency;
}

}  // namespace

core::Expected<Image> renderTimelineFigure(const core::ExportSpec& spec, const core::EventWorld& world,
                                           const std::vector<std::uint8_t>* mask, MapRenderer& map,
                                           EventOverlay* events, Painter& painter) {
    if (auto err = core::checkExportSize(spec.widthPx, spec.heightPx)) return *err;
    const int W = spec.widthPx, H = spec.heightPx;
    const core::Theme& theme = core::theme(spec.theme);
    const float s = core::exportPixelScale(spec);

    core::TimelineFigureRequest rq;
    rq.range = spec.from < spec.to ? core::Interval{spec.from, spec.to} : world.timeRange();
    rq.zone = spec.zone;
    rq.widthPx = W;
    rq.heightPx = H;
    rq.pixelScale = s;
    if (spec.overlays.title) {
        rq.title = spec.title;
        rq.subtitle = spec.subtitle;
    }
    rq.marker = spec.time;
    if (spec.overlays.attribution) rq.credits = core::creditSources(&world.data());
    rq.shown = mask;
    const float creditMinPx = core::minCreditFontPx(W, H, spec.dpi);

    auto styleFor = [&](core::OverlayText kind) {
        TextStyle st;
        st.font = core::overlayFontBold(kind) ? LabelFont::Bold : LabelFont::Regular;
        st.sizePx = core::overlayFontPx(kind) * s;
        st.color = theme.labelText;
        if (kind == core::OverlayText::Subtitle || kind == core::OverlayText::CaptionSources) st.color = theme.minorLabelText;
        if (kind == core::OverlayText::CaptionSources) {
            // Fold counts stand beside symbols, over the lanes' stripes: a halo keeps them legible.
            st.color = theme.labelText;
            st.halo = theme.background;
            st.haloPx = 2.0f * s;
        }
        if (kind == core::OverlayText::Credit) st.color = theme.uiText;
        // No text smaller than the credit's minimum: 12 px on screen, 6 pt on paper.
        st.sizePx = std::max(st.sizePx, creditMinPx);
        return st;
    };
    const core::TextMeasure measure = [&](const std::string& text, core::OverlayText kind) {
        const TextBox b = map.fonts().measure(text, styleFor(kind));
        return core::TextSize{b.width, b.height};
    };
    const core::TimelineFigurePlan P = core::layoutTimelineFigure(world.data(), world.index(), rq, measure);

    auto target = OffscreenTarget::create(W, H, 4);
    if (!target) return target.error();
    target->bind();
    const core::Rgba bg = theme.background;
    if (spec.transparent) glClearColor(0, 0, 0, 0);
    else glClearColor(bg.r, bg.g, bg.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);

    // A camera over the image, for the map's symbol and pattern shaders, which place in map units.
    const core::Camera camera({0.0, 0.0}, 1000.0, W, H);
    FrameOptions fo;
    fo.theme = spec.theme;
    fo.pixelScale = s;
    const core::Rgba ink = theme.labelText;
    const core::Rgba land = theme.fills[static_cast<int>(core::FillStyle::RegionTint0)];

    // Lane stripes and band grounds, then the time grid over them.
    for (std::size_t i = 0; i < P.lanes.size(); ++i) {
        if (i % 2 == 0) painter.rect(P.trackX0, P.lanes[i].y0, P.trackX1, P.lanes[i].y1, withAlpha(ink, 0.05f));
    }
    for (const auto& b : P.bands) painter.rect(P.trackX0, b.y0, P.trackX1, b.y1, withAlpha(ink, 0.07f));
    for (const auto& t : P.ticks) {
        const float w = (t.major ? 1.4f : 0.8f) * s;
        painter.rect(t.x - w * 0.5f, t.major ? P.plotY0 : P.tickRowY1 - 4.0f * s, t.x + w * 0.5f, P.plotY1,
                     withAlpha(ink, t.major ? 0.38f : 0.14f));
    }
    // Bands: the internet's state in its colours; curfew nights and the state of emergency over a
    // tile of land, patterned as the map draws them.
    std::vector<std::pair<core::AreaKind, core::ScreenRect>> areas;
    auto span = [&](core::FigureSpanKind k, float x0, float y0, float x1, float y1) {
        if (k == core::FigureSpanKind::CurfewNight) {
            // The window timeline's curfew colour: the map's night shade is too dark for a bar.
            painter.rect(x0, y0, x1, y1, core::categoryColor(core::Category::Curfew, theme));
        } else if (isArea(k)) {
            painter.rect(x0, y0, x1, y1, land);
            areas.push_back({areaOf(k), core::ScreenRect{x0, y0, x1 - x0, y1 - y0}});
        } else {
            painter.rect(x0, y0, x1, y1, internetColor(k));
        }
    };
    for (const auto& b : P.bands) {
        for (const auto& sp : b.spans) span(sp.kind, sp.x0, b.y0 + 1.0f * s, sp.x1, b.y1 - 1.0f * s);
    }
    for (const auto& k : P.key) {
        const float w = 1.0f * s;
        painter.rect(k.swatch.x0 - w, k.swatch.y0 - w, k.swatch.x1 + w, k.swatch.y1 + w, withAlpha(ink, 0.6f));
        span(k.kind, k.swatch.x0, k.swatch.y0, k.swatch.x1, k.swatch.y1);
    }
    // Lanes: each event's extent as a faint bar (overlaps build up), its start as the map's symbol.
    std::vector<core::EventMark> marks;
    for (const auto& lane : P.lanes) {
        const core::Rgba col = core::categoryColor(lane.category, theme);
        const float h = lane.y1 - lane.y0;
        const float by0 = lane.y0 + h * 0.36f, by1 = lane.y1 - h * 0.36f;
        for (const core::DepthRun& run : lane.runs) {
            const float alpha = 1.0f - std::pow(1.0f - 0.3f, static_cast<float>(std::min(run.depth, 64)));
            painter.rect(static_cast<float>(run.x0), by0, static_cast<float>(run.x1), by1, withAlpha(col, alpha));
        }
        const float cy = (lane.y0 + lane.y1) * 0.5f, r = P.markRadiusPx;
        for (const auto& mk : lane.marks) {
            const auto kind = core::markKindFor(world.data().events[mk.event]);
            if (!kind) {
                // Curfews, states of emergency and blackouts are areas on the map: a square here.
                painter.rect(mk.x - r * 0.75f - 1.0f * s, cy - r * 0.75f - 1.0f * s, mk.x + r * 0.75f + 1.0f * s,
                             cy + r * 0.75f + 1.0f * s, theme.markOutline);
                painter.rect(mk.x - r * 0.75f, cy - r * 0.75f, mk.x + r * 0.75f, cy + r * 0.75f, withAlpha(col, 1.0f));
                continue;
            }
            core::EventMark m{};
            m.event = mk.event;
            m.pos = camera.toMap(core::ScreenPx{mk.x, cy});
            m.kind = *kind;
            m.sizePx = r / s;
            m.alpha = 1.0f;
            m.pulse = -1.0f;
            m.uncertainTime = mk.uncertainTime;
            marks.push_back(m);
        }
    }
    painter.flush(W, H);
    if (events) {
        for (const auto& [kind, rect] : areas) events->drawAreaSwatch(camera, kind, rect, fo);
        if (!marks.empty()) events->drawMarks(camera, marks, fo);
    }
    if (P.markerX) {
        const float x = *P.markerX, w = 1.5f * s;
        painter.rect(x - w, P.plotY0, x + w, P.plotY1, withAlpha(theme.marks[static_cast<int>(core::MarkKind::Clash)], 0.9f));
        painter.flush(W, H);
    }
    for (const auto& t : P.texts) map.drawText(t.text, styleFor(t.kind), t.x, t.y, W, H);
    target->resolve();
    return target->read();
}

}  // namespace qantar::render
