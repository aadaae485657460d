#include "render/overlays.hpp"

#include <algorithm>
#include <cmath>

#include "core/map/overlay_layout.hpp"

namespace qantar::render {

namespace {

core::Rgba withAlpha(core::Rgba c, float a) {
    c.a = a;
    return c;
}

struct Ctx {
    OverlayPainters& p;
    const core::Theme& theme;
    float s;  // pixel scale
    int w, h;
    float creditMinPx = 0.0f;  // the credit's smallest em size, pixels

    TextStyle style(LabelFont font, float sizePx, core::Rgba color) const {
        TextStyle st;
        st.font = font;
        st.sizePx = sizePx * s;
        st.color = color;
        return st;
    }
    TextBox measure(const std::string& text, const TextStyle& st) const { return p.renderer.fonts().measure(text, st); }
    void text(const std::string& t, const TextStyle& st, float x, float y) const { p.renderer.drawText(t, st, x, y, w, h); }
    // A rounded-looking panel: a translucent box under a block of text.
    void panel(float x0, float y0, float x1, float y1) const { p.painter.rect(x0, y0, x1, y1, theme.panel); }
};

// A tile of land under a swatch, framed by a hairline, so that patterns and dark shades read
// as they do on the map whatever the legend panel's colour.
void landTile(Ctx& c, float x, float y, float size) {
    const core::Theme& t = c.theme;
    const float w = 1.0f * c.s;
    c.p.painter.rect(x - w, y - w, x + size + w, y + size + w, withAlpha(t.labelText, 0.6f));
    c.p.painter.rect(x, y, x + size, y + size, t.fills[static_cast<int>(core::FillStyle::RegionTint0)]);
}

core::MarkKind legendMark(core::LegendSymbol symbol) {
    switch (symbol) {
        case core::LegendSymbol::Protest:
        case core::LegendSymbol::DateOnly: return core::MarkKind::Protest;
        case core::LegendSymbol::ProtestViolent: return core::MarkKind::ProtestViolent;
        case core::LegendSymbol::Clash: return core::MarkKind::Clash;
        case core::LegendSymbol::Arson: return core::MarkKind::Arson;
        case core::LegendSymbol::Casualty: return core::MarkKind::Casualty;
        case core::LegendSymbol::Arrest: return core::MarkKind::Arrest;
        case core::LegendSymbol::Government: return core::MarkKind::Government;
        default: return core::MarkKind::Count;
    }
}

TextStyle styleFor(const Ctx& c, core::OverlayText kind) {
    const core::Theme& t = c.theme;
    core::Rgba color = t.labelText;
    if (kind == core::OverlayText::Subtitle || kind == core::OverlayText::CaptionSources) color = t.minorLabelText;
    if (kind == core::OverlayText::Credit) {
        TextStyle st = c.style(LabelFont::Regular, core::overlayFontPx(kind), t.uiText);
        st.sizePx = std::max(st.sizePx, c.creditMinPx);
        return st;
    }
    return c.style(core::overlayFontBold(kind) ? LabelFont::Bold : LabelFont::Regular, core::overlayFontPx(kind), color);
}

}  // namespace

namespace {

// The layout of the furniture for these options (what drawOverlays draws and overlayBoxes reports).
core::OverlayPlan planOverlays(const Ctx& c, const OverlayOptions& o) {
    core::OverlayContent content;
    content.title = o.title;
    content.subtitle = o.subtitle;
    content.moment = o.moment;
    if (o.legend) {
        for (const auto& e : o.legendEntries) content.legendNames.push_back(e.label);
    }
    content.scaleBar = o.scaleBar;
    content.northArrow = o.northArrow;
    content.credits = o.credits;
    content.captionTitle = o.captionTitle;
    content.captionText = o.captionText;
    content.captionSources = o.captionSources;
    content.creditSources = o.creditSources;
    content.coverCost = o.coverCost;
    const core::TextMeasure measure = [&c](const std::string& text, core::OverlayText kind) {
        const TextBox b = c.measure(text, styleFor(c, kind));
        return core::TextSize{b.width, b.height};
    };
    return core::layoutOverlays(content, c.w, c.h, c.s, measure);
}

}  // namespace

core::OverlayPlan overlayPlan(OverlayPainters& p, const core::Camera& camera, const core::Theme& theme, float s,
                              const OverlayOptions& o) {
    Ctx c{p, theme, s, camera.widthPx(), camera.heightPx(), o.creditMinFontPx};
    return planOverlays(c, o);
}

std::vector<core::ScreenRect> overlayBoxes(OverlayPainters& p, const core::Camera& camera, const core::Theme& theme,
                                           float s, const OverlayOptions& o) {
    Ctx c{p, theme, s, camera.widthPx(), camera.heightPx(), o.creditMinFontPx};
    const core::OverlayPlan L = planOverlays(c, o);
    std::vector<core::ScreenRect> out;
    for (const core::OverlayBox* b : {&L.topLeft, &L.credits, &L.caption, &L.legend, &L.scaleBar, &L.north}) {
        if (!b->empty()) out.push_back(core::ScreenRect{b->x0, b->y0, b->x1 - b->x0, b->y1 - b->y0});
    }
    return out;
}

void drawLegendSwatches(OverlayPainters& p, const core::Camera& camera, const core::Theme& theme, float s,
                        const std::vector<core::LegendEntry>& entries, const std::vector<core::ScreenRect>& tiles) {
    Ctx c{p, theme, s, camera.widthPx(), camera.heightPx()};
    std::vector<core::EventMark> marks;
    std::vector<EventOverlay::GlyphAt> glyphs;
    struct Swatch {
        core::AreaKind kind;
        core::ScreenRect rect;
    };
    std::vector<Swatch> areas;
    std::vector<std::pair<core::ScreenPx, core::ScreenPx>> arrows;
    for (std::size_t i = 0; i < entries.size() && i < tiles.size(); ++i) {
        const core::LegendEntry& entry = entries[i];
        const float sx = static_cast<float>(tiles[i].x), sy = static_cast<float>(tiles[i].y);
        const float sw = static_cast<float>(tiles[i].w);
        const core::ScreenPx centre{sx + sw * 0.5f, sy + sw * 0.5f};
        const core::ScreenRect tile{sx, sy, sw, sw};
        const core::MarkKind kind = legendMark(entry.symbol);
        if (kind != core::MarkKind::Count) {
            core::EventMark m{};
            m.pos = camera.toMap(centre);
            m.kind = kind;
            m.sizePx = kind == core::MarkKind::ProtestViolent ? 4.2f : 5.5f;
            m.alpha = 1.0f;
            m.pulse = -1.0f;
            m.uncertainTime = entry.symbol == core::LegendSymbol::DateOnly;
            marks.push_back(m);
        }
        switch (entry.symbol) {
            case core::LegendSymbol::Curfew:
                landTile(c, sx, sy, sw);
                areas.push_back({core::AreaKind::Curfew, tile});
                glyphs.push_back({centre, sw * 0.42f, EventOverlay::Glyph::Moon});
                break;
            case core::LegendSymbol::Emergency:
                landTile(c, sx, sy, sw);
                areas.push_back({core::AreaKind::Emergency, tile});
                break;
            case core::LegendSymbol::Internet:
                landTile(c, sx, sy, sw);
                areas.push_back({core::AreaKind::Internet, tile});
                break;
            case core::LegendSymbol::CstoArrow:
                arrows.push_back({core::ScreenPx{sx - 0.1f * sw, sy + sw * 0.9f}, core::ScreenPx{sx + sw * 1.05f, sy + sw * 0.1f}});
                break;
            case core::LegendSymbol::CstoBadge: glyphs.push_back({centre, sw * 0.45f, EventOverlay::Glyph::CstoStar}); break;
            case core::LegendSymbol::Airport: glyphs.push_back({centre, sw * 0.5f, EventOverlay::Glyph::Aircraft}); break;
            case core::LegendSymbol::Night:
                // Land with the night over it.
                c.p.painter.rect(sx, sy, sx + sw, sy + sw, theme.fills[static_cast<int>(core::FillStyle::Kazakhstan)]);
                c.p.painter.rect(sx, sy, sx + sw, sy + sw, theme.night);
                break;
            case core::LegendSymbol::Capital: glyphs.push_back({centre, sw * 0.36f, EventOverlay::Glyph::Capital}); break;
            default: break;
        }
    }
    c.p.painter.flush(c.w, c.h);
    if (p.events) {
        FrameOptions fo;
        fo.theme = theme.id;
        fo.pixelScale = s;
        for (const auto& a : areas) p.events->drawAreaSwatch(camera, a.kind, a.rect, fo);
        for (const auto& [tail, head] : arrows) p.events->drawArrowSwatch(camera, tail, head, fo);
        if (!marks.empty()) p.events->drawMarks(camera, marks, fo);
        if (!glyphs.empty()) p.events->drawGlyphs(camera, glyphs, fo);
    }
}

void drawOverlays(OverlayPainters& p, const core::Camera& camera, const core::Projection& projection,
                  const core::Theme& theme, float s, const OverlayOptions& o) {
    Ctx c{p, theme, s, camera.widthPx(), camera.heightPx(), o.creditMinFontPx};
    const float w = static_cast<float>(c.w);
    struct Placed {
        std::string text;
        TextStyle style;
        float x, y;
    };
    std::vector<Placed> placed;
    const core::OverlayPlan L = planOverlays(c, o);
    const float margin = L.margin, pad = L.pad;

    for (const core::OverlayBox* b : {&L.topLeft, &L.credits, &L.caption}) {
        if (!b->empty()) c.panel(b->x0, b->y0, b->x1, b->y1);
    }
    for (const auto& line : L.lines) placed.push_back({line.text, styleFor(c, line.kind), line.x, line.y});

    if (!L.scaleBar.empty()) {
        const core::ScaleBar bar = core::chooseScaleBar(camera, projection, L.scaleBarMaxPx);
        const float bw = static_cast<float>(bar.widthPx), bh = 6.0f * s;
        const TextStyle st = styleFor(c, core::OverlayText::ScaleLabel);
        const TextBox lb = c.measure(bar.label, st);
        const float x1 = w - margin - pad, x0 = x1 - bw;
        const float y1 = L.scaleBar.y1 - pad, y0 = y1 - bh;
        c.panel(x0 - pad, L.scaleBar.y0, L.scaleBar.x1, L.scaleBar.y1);
        // Alternating halves, like a printed map's scale.
        const core::Rgba ink = theme.labelText, paper = theme.labelHalo;
        c.p.painter.rect(x0 - 1.0f * s, y0 - 1.0f * s, x1 + 1.0f * s, y1 + 1.0f * s, ink);
        c.p.painter.rect(x0, y0, x0 + bw * 0.25f, y1, paper);
        c.p.painter.rect(x0 + bw * 0.5f, y0, x0 + bw * 0.75f, y1, paper);
        placed.push_back({bar.label, st, x1 - lb.width, y0 - lb.height - 2.0f * s});
        placed.push_back({"0", st, x0, y0 - lb.height - 2.0f * s});
    }
    if (!L.north.empty()) {
        const double a = core::northAngleRadians(camera, projection);
        const float r = 18.0f * s;
        const float cx = L.north.x0 + r + pad * 0.6f, cy = L.north.y0 + r * 1.3f + pad;
        c.panel(L.north.x0, L.north.y0, L.north.x1, L.north.y1);
        const auto rot = [&](float x, float y) {
            const float ca = static_cast<float>(std::cos(a)), sa = static_cast<float>(std::sin(a));
            return std::pair<float, float>{cx + x * ca - y * sa, cy + x * sa + y * ca};
        };
        const auto [tx, ty] = rot(0.0f, -r);
        const auto [lx, ly] = rot(-r * 0.45f, r * 0.55f);
        const auto [rx, ry] = rot(r * 0.45f, r * 0.55f);
        const auto [mx, my] = rot(0.0f, r * 0.2f);
        // The two halves share the shaft; only the outer edges get a soft fringe.
        c.p.painter.triangle(tx, ty, lx, ly, mx, my, theme.labelText, 0b011u);
        c.p.painter.triangle(tx, ty, mx, my, rx, ry, withAlpha(theme.labelText, 0.45f), 0b110u);
        const TextStyle st = styleFor(c, core::OverlayText::ScaleLabel);
        const TextBox nb = c.measure("N", st);
        const auto [nx, ny] = rot(0.0f, -r - nb.height * 0.55f);
        placed.push_back({"N", st, nx - nb.width * 0.5f, ny - nb.height * 0.5f});
    }

    // Bottom left: legend, in the columns the layout chose. Every swatch is drawn by the map's own
    // renderers (symbols, area patterns, signs), so it looks exactly like what it explains.
    if (!L.legend.empty()) {
        const TextStyle st = styleFor(c, core::OverlayText::Legend);
        const float sw = L.legendSwatchPx, rowH = L.legendRowPx;
        const std::size_t cols = static_cast<std::size_t>(std::max(1, L.legendColumns));
        const std::size_t rows = (o.legendEntries.size() + cols - 1) / cols;
        const float colW = (L.legend.x1 - L.legend.x0 - pad) / static_cast<float>(cols);
        c.panel(L.legend.x0, L.legend.y0, L.legend.x1, L.legend.y1);
        std::vector<core::ScreenRect> tiles;
        for (std::size_t i = 0; i < o.legendEntries.size(); ++i) {
            const core::LegendEntry& entry = o.legendEntries[i];
            const float colX = L.legend.x0 + colW * static_cast<float>(i / rows);
            const float rowY = L.legend.y0 + pad + rowH * static_cast<float>(i % rows);
            const float sx = colX + pad, sy = rowY + (rowH - sw) * 0.5f;
            tiles.push_back(core::ScreenRect{sx, sy, sw, sw});
            const TextBox tb = c.measure(entry.label, st);
            placed.push_back({entry.label, st, sx + sw + pad, rowY + (rowH - tb.height) * 0.5f});
        }
        drawLegendSwatches(p, camera, theme, s, o.legendEntries, tiles);
    }

    c.p.painter.flush(c.w, c.h);
    for (const auto& t : placed) c.text(t.text, t.style, t.x, t.y);
}

}  // namespace qantar::render
