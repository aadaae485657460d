// Small multiples: a COLSxROWS figure of the same map at several moments, as a journal prints
// one. Each panel is an ordinary export frame (drawFrame: the same renderer, view and layers)
// copied into its place; the figure adds what belongs to it once: the title above, a letter and
// moment in each panel's corner, and below, one legend flowing across the width, the zone the
// moments are written in and the credits.
#include <algorithm>
#include <cmath>

#include "core/export/figure_layout.hpp"
#include "core/map/credits.hpp"
#include "core/map/overlay_layout.hpp"
#include "render/base_cache.hpp"
#include "render/export/export_renderer.hpp"
#include "render/gl.hpp"
#include "render/overlays.hpp"

namespace qantar::render {

namespace {

core::Rgba opaque(core::Rgba c) {
    c.a = 1.0f;
    return c;
}

core::Rgba withAlpha(core::Rgba c, float a) {
    c.a = a;
    return c;
}

struct Line {
    std::string text;
    TextStyle style;
    float x = 0, y = 0;
};

}  // namespace

core::Expected<Image> ExportRenderer::renderGrid(const core::ExportSpec& spec) {
    const core::GridShape grid = *spec.grid;
    if (auto err = core::checkGridTimes(spec.times, grid)) return *err;
    const float s = core::exportPixelScale(spec);
    const core::Theme& theme = core::theme(spec.theme);
    const int W = spec.widthPx, H = spec.heightPx;
    FontAtlas& fonts = m_map->fonts();

    const float creditMinPx = core::minCreditFontPx(spec.widthPx, spec.heightPx, spec.dpi);
    auto styleOf = [&](core::OverlayText kind) {
        TextStyle st;
        st.font = core::overlayFontBold(kind) ? LabelFont::Bold : LabelFont::Regular;
        st.sizePx = core::overlayFontPx(kind) * s;
        // No text of the figure is below the credit's legible minimum (12 px on screen, 6 pt on paper).
        st.sizePx = std::max(st.sizePx, creditMinPx);
        st.color = theme.labelText;
        if (kind == core::OverlayText::Subtitle || kind == core::OverlayText::Counter) st.color = theme.minorLabelText;
        if (kind == core::OverlayText::Credit) st.color = theme.uiText;
        return st;
    };
    const core::TextMeasure measure = [&](const std::string& text, core::OverlayText kind) {
        const TextBox b = fonts.measure(text, styleOf(kind));
        return core::TextSize{b.width, b.height};
    };
    auto lineHeight = [&](core::OverlayText kind) { return std::ceil(fonts.measure("Ag", styleOf(kind)).height * 1.18f); };
    const int margin = core::figureMargin(s);
    const float innerW = static_cast<float>(W - 2 * margin);

    // Header: the title and subtitle, left-aligned over the panels.
    std::vector<Line> header;
    float headerH = 0;
    if (spec.overlays.title) {
        for (auto [text, kind] : {std::pair{spec.title, core::OverlayText::Title}, std::pair{spec.subtitle, core::OverlayText::Subtitle}}) {
            if (text.empty()) continue;
            for (const auto& l : core::fitText(text, kind, innerW, core::kMaxTitleLines, measure)) {
                header.push_back(Line{l, styleOf(kind), 0, headerH});
                headerH += lineHeight(kind);
            }
        }
    }

    // Footer: one legend for every panel, flowing in rows; the zone of the moments; the credits.
    // When the panels would be too small with the legend, it is left out (as a frame's legend
    // is when there is no room); the credits never are.
    const TextStyle legendStyle = styleOf(core::OverlayText::Legend);
    const float swatch = std::round(17.0f * s), labelPad = std::round(6.0f * s), itemGap = std::round(22.0f * s);
    const float legendRowH = std::max(swatch, lineHeight(core::OverlayText::Legend)) + std::round(5.0f * s);
    const TextStyle scaleStyle = styleOf(core::OverlayText::ScaleLabel);
    const float barMaxW = std::round(130.0f * s), barH = std::round(6.0f * s);
    const float barBlockH = spec.overlays.scale ? fonts.measure("0 km", scaleStyle).height + 3.0f * s + barH + 2.0f * s : 0.0f;
    const float sectionGap = std::round(6.0f * s);
    std::vector<core::LegendEntry> entries;
    std::vector<core::FlowPlace> flow;
    std::vector<Line> notes;
    float footerH = 0;
    auto planFooter = [&](bool withLegend) {
        entries = spec.overlays.legend && withLegend ? legendFor(spec) : std::vector<core::LegendEntry>{};
        std::vector<float> widths;
        for (const auto& e : entries) widths.push_back(swatch + labelPad + fonts.measure(e.label, legendStyle).width);
        // The scale bar, once for every panel, at the footer's right; the legend flows beside it.
        const float legendW = spec.overlays.scale ? innerW - barMaxW - itemGap : innerW;
        flow = core::flowRows(widths, legendW, itemGap);
        const int legendRows = flow.empty() ? 0 : flow.back().row + 1;
        footerH = std::max(static_cast<float>(legendRows) * legendRowH, barBlockH);
        notes.clear();
        auto addNote = [&](const std::string& text, core::OverlayText kind) {
            for (const auto& l : core::fitText(text, kind, innerW, 6, measure)) {
                if (notes.empty() && footerH > 0) footerH += sectionGap;
                notes.push_back(Line{l, styleOf(kind), 0, footerH});
                footerH += lineHeight(kind);
            }
        };
        if (spec.overlays.time) addNote("Times are " + core::zoneDescription(spec.zone) + ".", core::OverlayText::Counter);
        if (spec.overlays.attribution) {
            // The figure's credit line, as a single frame's: outlets once each, the required
            // credits whole, in at most two lines across the footer.
            const core::CreditSources sources = core::creditSources(m_world ? &m_world->data() : nullptr);
            const auto width = [&](const std::string& t) { return measure(t, core::OverlayText::Credit).width; };
            for (const auto& c : core::fitCredits(sources, innerW, core::kMaxCreditLines, width)) {
                addNote(c, core::OverlayText::Credit);
            }
        }
        return core::layoutFigure(W, H, grid, s, static_cast<int>(std::ceil(headerH)), static_cast<int>(std::ceil(footerH)));
    };
    auto laid = planFooter(true);
    if (!laid && spec.overlays.legend) laid = planFooter(false);
    if (!laid) return laid.error();
    const core::FigureLayout& L = *laid;

    // The stamp in each panel's top-left corner: its letter, bold, then its moment.
    bool manyYears = false;
    for (const core::Instant t : spec.times) {
        manyYears = manyYears || core::toCivil(t, spec.zone).year != core::toCivil(spec.times.front(), spec.zone).year;
    }
    TextStyle letterStyle = styleOf(core::OverlayText::Moment);
    letterStyle.sizePx = std::max(15.0f * s, creditMinPx + 2.0f);
    TextStyle momentStyle = styleOf(core::OverlayText::Legend);
    momentStyle.sizePx = std::max(13.5f * s, creditMinPx);
    momentStyle.color = theme.labelText;
    const float stampPad = std::round(5.0f * s);

    auto made = ensureTarget(m_figure, W, H, 1);
    if (!made) return made.error();
    const core::Rgba ground = spec.transparent ? core::Rgba{0, 0, 0, 0} : opaque(theme.panel);
    m_figure->bindSingleSampled();
    glClearColor(ground.r, ground.g, ground.b, ground.a);
    glClear(GL_COLOR_BUFFER_BIT);

    // A narrow panel draws its map a little finer than the figure's text (as a journal's small
    // maps have smaller labels), so its labels and signs still fit: at most 30% finer.
    const float designWidth = static_cast<float>(L.panelWidth) / s;
    const float panelScale = s * std::clamp(designWidth / 600.0f, 0.7f, 1.0f);
    std::vector<Line> stamps;
    std::vector<core::ScreenRect> stampBoxes;
    core::Camera panelCamera;
    for (std::size_t i = 0; i < L.panels.size(); ++i) {
        const core::PixelRect& r = L.panels[i];
        core::ExportSpec panel = spec;
        panel.grid.reset();
        panel.times.clear();
        panel.widthPx = r.w;
        panel.heightPx = r.h;
        panel.time = spec.times[i];
        panel.caption = nullptr;
        // Nothing over the maps but the stamps: the scale bar is the figure's, and north is up
        // within a few degrees on every panel, as on the window's map.
        panel.overlays = core::OverlaySet{false, false, false, false, false, false};
        if (i == 0) panelCamera = core::exportCamera(panel, *m_scene);

        core::ScreenRect box{};
        if (spec.overlays.time) {
            const std::string letter = core::panelLetter(i);
            const std::string moment = core::panelMoment(spec.times[i], spec.zone, manyYears);
            const TextBox lb = fonts.measure(letter, letterStyle), mb = fonts.measure(moment, momentStyle);
            const float h = std::max(lb.height, mb.height) + 2 * stampPad;
            const float w = stampPad + lb.width + std::round(7.0f * s) + mb.width + stampPad;
            box = core::ScreenRect{0, 0, std::min(w, static_cast<float>(r.w)), h};
            const float x0 = static_cast<float>(r.x), y0 = static_cast<float>(r.y);
            // Baselines aligned: each line sits by its own ascent under a shared baseline.
            const float baseline = y0 + stampPad + std::max(lb.ascent, mb.ascent);
            stamps.push_back(Line{letter, letterStyle, x0 + stampPad, baseline - lb.ascent});
            stamps.push_back(Line{moment, momentStyle, x0 + stampPad + lb.width + std::round(7.0f * s), baseline - mb.ascent});
            stampBoxes.push_back(core::ScreenRect{x0 + box.x, y0 + box.y, box.w, box.h});
        }
        if (auto err = drawFrame(panel, panelScale, box.empty() ? std::vector<core::ScreenRect>{} : std::vector<core::ScreenRect>{box})) {
            return *err;
        }
        // Copied into place (OpenGL's rows run bottom to top).
        glBindFramebuffer(GL_READ_FRAMEBUFFER, m_compositor->frame().textureFramebuffer());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_figure->textureFramebuffer());
        glBlitFramebuffer(0, 0, r.w, r.h, r.x, H - r.y - r.h, r.x + r.w, H - r.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }

    m_figure->bindSingleSampled();
    // A hairline round each panel, inside it, so light seas stay framed on white paper.
    const float hair = std::max(1.0f, std::round(0.75f * s));
    const core::Rgba frameInk = withAlpha(theme.minorLabelText, 0.55f);
    for (const core::PixelRect& r : L.panels) {
        const float x0 = static_cast<float>(r.x), y0 = static_cast<float>(r.y), x1 = x0 + static_cast<float>(r.w), y1 = y0 + static_cast<float>(r.h);
        m_painter->rect(x0, y0, x1, y0 + hair, frameInk);
        m_painter->rect(x0, y1 - hair, x1, y1, frameInk);
        m_painter->rect(x0, y0 + hair, x0 + hair, y1 - hair, frameInk);
        m_painter->rect(x1 - hair, y0 + hair, x1, y1 - hair, frameInk);
    }
    for (const core::ScreenRect& b : stampBoxes) {
        m_painter->rect(static_cast<float>(b.x), static_cast<float>(b.y), static_cast<float>(b.x + b.w),
                        static_cast<float>(b.y + b.h), opaque(theme.panel));
        // The stamp's own hairline on its open sides.
        m_painter->rect(static_cast<float>(b.x + b.w), static_cast<float>(b.y), static_cast<float>(b.x + b.w) + hair,
                        static_cast<float>(b.y + b.h) + hair, frameInk);
        m_painter->rect(static_cast<float>(b.x), static_cast<float>(b.y + b.h), static_cast<float>(b.x + b.w),
                        static_cast<float>(b.y + b.h) + hair, frameInk);
    }

    std::vector<Line> text;
    if (spec.overlays.scale) {
        // As the furniture's scale bar: alternating halves in a hairline, the length above its end.
        const core::ScaleBar bar = core::chooseScaleBar(panelCamera, *m_projection, barMaxW);
        const float bw = static_cast<float>(bar.widthPx);
        const float x1 = static_cast<float>(L.footer.x + L.footer.w), x0 = x1 - bw;
        const float y0 = static_cast<float>(L.footer.y) + barBlockH - barH - 2.0f * s, y1 = y0 + barH;
        const core::Rgba ink = theme.labelText, paper = theme.labelHalo;
        m_painter->rect(x0 - 1.0f * s, y0 - 1.0f * s, x1 + 1.0f * s, y1 + 1.0f * s, ink);
        m_painter->rect(x0, y0, x0 + bw * 0.25f, y1, opaque(paper));
        m_painter->rect(x0 + bw * 0.5f, y0, x0 + bw * 0.75f, y1, opaque(paper));
        const TextBox lb = fonts.measure(bar.label, scaleStyle);
        text.push_back(Line{bar.label, scaleStyle, x1 - lb.width, y0 - lb.height - 2.0f * s});
        text.push_back(Line{"0", scaleStyle, x0, y0 - lb.height - 2.0f * s});
    }
    for (Line l : header) {
        l.x += static_cast<float>(L.header.x);
        l.y += static_cast<float>(L.header.y);
        text.push_back(l);
    }
    text.insert(text.end(), stamps.begin(), stamps.end());
    std::vector<core::ScreenRect> tiles;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const float x = static_cast<float>(L.footer.x) + flow[i].x;
        const float rowY = static_cast<float>(L.footer.y) + legendRowH * static_cast<float>(flow[i].row);
        tiles.push_back(core::ScreenRect{x, rowY + (legendRowH - swatch) * 0.5f, swatch, swatch});
        const TextBox tb = fonts.measure(entries[i].label, legendStyle);
        text.push_back(Line{entries[i].label, legendStyle, x + swatch + labelPad, rowY + (legendRowH - tb.height) * 0.5f});
    }
    for (Line l : notes) {
        l.x += static_cast<float>(L.footer.x);
        l.y += static_cast<float>(L.footer.y);
        text.push_back(l);
    }
    const core::Camera figureCamera({0, 0}, 1000.0, W, H);
    OverlayPainters painters{*m_map, m_events, *m_painter};
    // Flushes the panel frames and stamp boxes too.
    drawLegendSwatches(painters, figureCamera, theme, s, entries, tiles);
    m_painter->flush(W, H);
    for (const Line& l : text) m_map->drawText(l.text, l.style, l.x, l.y, W, H);
    m_figure->resolve();
    return m_figure->read();
}

}  // namespace qantar::render
