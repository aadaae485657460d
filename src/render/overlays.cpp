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

void drawAreaSwatch(Ctx& c, core::EventLayer layer, float x, float y, float size) {
    const core::Theme& t = c.theme;
    if (layer != core::EventLayer::Csto) {
        // A hairline frame, so a dark shade still reads on a dark legend panel.
        const float w = 1.0f * c.s;
        c.p.painter.rect(x - w, y - w, x + size + w, y + size + w, withAlpha(t.labelText, 0.6f));
        c.p.painter.rect(x, y, x + size, y + size, t.background);
    }
    if (layer == core::EventLayer::Curfew) {
        c.p.painter.rect(x, y, x + size, y + size, withAlpha(t.curfewShade, std::max(0.6f, t.curfewShade.a)));
    } else if (layer == core::EventLayer::Emergency) {
        c.p.painter.rect(x, y, x + size, y + size, withAlpha(t.emergencyHatch, 0.12f));
        const float step = size / 4.0f;
        for (int i = 0; i < 4; ++i) {
            const float xi = x + step * (static_cast<float>(i) + 0.5f);
            c.p.painter.rect(xi - 0.6f * c.s, y, xi + 0.6f * c.s, y + size, withAlpha(t.emergencyHatch, 0.9f));
        }
    } else if (layer == core::EventLayer::Internet) {
        c.p.painter.rect(x, y, x + size, y + size, withAlpha(t.internetShade, 0.35f));
        const float step = size / 3.0f;
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) {
                const float cx = x + step * (static_cast<float>(i) + 0.5f), cy = y + step * (static_cast<float>(j) + 0.5f);
                c.p.painter.rect(cx - 1.0f * c.s, cy - 1.0f * c.s, cx + 1.0f * c.s, cy + 1.0f * c.s,
                                 withAlpha(t.internetShade, 1.0f));
            }
    } else if (layer == core::EventLayer::Csto) {
        // A short dashed arc segment.
        const float mid = y + size * 0.5f;
        for (int i = 0; i < 3; ++i) {
            const float x0 = x + static_cast<float>(i) * size / 3.0f;
            c.p.painter.rect(x0, mid - 1.1f * c.s, x0 + size / 5.0f, mid + 1.1f * c.s, t.airlift);
        }
    }
}

core::MarkKind legendMark(core::EventLayer layer) {
    switch (layer) {
        case core::EventLayer::Protests: return core::MarkKind::Protest;
        case core::EventLayer::Violence: return core::MarkKind::Clash;
        case core::EventLayer::Airports: return core::MarkKind::Airport;
        case core::EventLayer::Casualties: return core::MarkKind::Casualty;
        case core::EventLayer::Government: return core::MarkKind::Government;
        case core::EventLayer::Csto: return core::MarkKind::Csto;
        default: return core::MarkKind::Count;
    }
}

}  // namespace

std::vector<std::string> wrapText(FontAtlas& fonts, const std::string& text, const TextStyle& style, float maxWidthPx) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flushWord = [&] {
        if (word.empty()) return;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && fonts.measure(candidate, style).width > maxWidthPx) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        word.clear();
    };
    for (char ch : text) {
        if (ch == ' ' || ch == '\n') {
            flushWord();
            if (ch == '\n') {
                lines.push_back(line);
                line.clear();
            }
        } else {
            word.push_back(ch);
        }
    }
    flushWord();
    if (!line.empty()) lines.push_back(line);
    return lines;
}

void drawOverlays(OverlayPainters& p, const core::Camera& camera, const core::Projection& projection,
                  const core::Theme& theme, float s, const OverlayOptions& o) {
    Ctx c{p, theme, s, camera.widthPx(), camera.heightPx()};
    const float margin = 18.0f * s, pad = 12.0f * s;
    const float w = static_cast<float>(c.w), h = static_cast<float>(c.h);
    struct Placed {
        std::string text;
        TextStyle style;
        float x, y;
    };
    std::vector<Placed> placed;

    // Top-left: title, subtitle, the moment.
    {
        std::vector<std::pair<std::string, TextStyle>> block;
        if (!o.title.empty()) block.emplace_back(o.title, c.style(LabelFont::Bold, 30.0f, theme.labelText));
        if (!o.subtitle.empty()) block.emplace_back(o.subtitle, c.style(LabelFont::Regular, 16.0f, theme.minorLabelText));
        const float maxW = std::max(240.0f * s, w * 0.5f - margin - 2 * pad);
        for (std::size_t i = 0; i < o.moment.size(); ++i) {
            const TextStyle st = i == 0 ? c.style(LabelFont::Bold, 24.0f, theme.labelText)
                                        : c.style(LabelFont::Regular, 13.5f, theme.labelText);
            for (auto& l : wrapText(p.renderer.fonts(), o.moment[i], st, maxW)) block.emplace_back(l, st);
        }
        if (!block.empty()) {
            float bw = 0.0f, bh = 0.0f;
            std::vector<float> heights;
            for (const auto& [t, st] : block) {
                const TextBox b = c.measure(t, st);
                bw = std::max(bw, b.width);
                heights.push_back(b.height * 1.12f);
                bh += heights.back();
            }
            c.panel(margin, margin, margin + bw + 2 * pad, margin + bh + 2 * pad);
            float y = margin + pad;
            for (std::size_t i = 0; i < block.size(); ++i) {
                placed.push_back({block[i].first, block[i].second, margin + pad, y});
                y += heights[i];
            }
        }
    }

    // Bottom-right: credits, and above them the scale bar and north arrow.
    float rightBottom = h - margin;
    if (!o.credits.empty()) {
        const TextStyle st = c.style(LabelFont::Regular, 11.0f, theme.uiText);
        float bw = 0.0f, lineH = 0.0f;
        for (const auto& l : o.credits) {
            const TextBox b = c.measure(l, st);
            bw = std::max(bw, b.width);
            lineH = b.height * 1.1f;
        }
        const float bh = lineH * static_cast<float>(o.credits.size());
        const float x0 = w - margin - bw - pad, y0 = rightBottom - bh - pad;
        c.panel(x0 - pad * 0.5f, y0 - pad * 0.5f, w - margin, rightBottom);
        for (std::size_t i = 0; i < o.credits.size(); ++i) {
            const float lw = c.measure(o.credits[i], st).width;
            placed.push_back({o.credits[i], st, w - margin - pad * 0.5f - lw, y0 + lineH * static_cast<float>(i)});
        }
        rightBottom = y0 - pad;
    }
    if (o.scaleBar) {
        const core::ScaleBar bar = core::chooseScaleBar(camera, projection, 180.0 * s);
        const float bw = static_cast<float>(bar.widthPx), bh = 6.0f * s;
        const TextStyle st = c.style(LabelFont::Bold, 12.0f, theme.labelText);
        const TextBox lb = c.measure(bar.label, st);
        const float x1 = w - margin - pad, x0 = x1 - bw;
        const float y1 = rightBottom - pad, y0 = y1 - bh;
        c.panel(x0 - pad, y0 - lb.height - pad * 1.2f, w - margin, rightBottom);
        // Alternating halves, like a printed map's scale.
        const core::Rgba ink = theme.labelText, paper = theme.labelHalo;
        c.p.painter.rect(x0 - 1.0f * s, y0 - 1.0f * s, x1 + 1.0f * s, y1 + 1.0f * s, ink);
        c.p.painter.rect(x0, y0, x0 + bw * 0.25f, y1, paper);
        c.p.painter.rect(x0 + bw * 0.5f, y0, x0 + bw * 0.75f, y1, paper);
        placed.push_back({bar.label, st, x1 - lb.width, y0 - lb.height - 2.0f * s});
        placed.push_back({"0", st, x0, y0 - lb.height - 2.0f * s});
        rightBottom = y0 - lb.height - pad * 1.4f;
    }
    if (o.northArrow) {
        const double a = core::northAngleRadians(camera, projection);
        const float r = 18.0f * s;
        const float cx = w - margin - pad - r, cy = rightBottom - pad - r * 1.3f;
        c.panel(cx - r - pad * 0.6f, cy - r * 1.3f - pad, cx + r + pad * 0.6f, cy + r + pad * 0.4f);
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
        const TextStyle st = c.style(LabelFont::Bold, 12.0f, theme.labelText);
        const TextBox nb = c.measure("N", st);
        const auto [nx, ny] = rot(0.0f, -r - nb.height * 0.55f);
        placed.push_back({"N", st, nx - nb.width * 0.5f, ny - nb.height * 0.5f});
    }

    // Bottom-left: legend.
    float leftBottom = h - margin;
    if (o.legend && !o.legendLayers.empty()) {
        const TextStyle st = c.style(LabelFont::Regular, 12.5f, theme.labelText);
        const float sw = 14.0f * s, rowH = 20.0f * s;
        float bw = 0.0f;
        for (auto l : o.legendLayers) bw = std::max(bw, c.measure(core::eventLayerName(l), st).width);
        const float bh = rowH * static_cast<float>(o.legendLayers.size());
        const float x0 = margin, y0 = leftBottom - bh - 2 * pad;
        c.panel(x0, y0, x0 + sw + bw + 3 * pad, leftBottom);
        std::vector<core::EventMark> marks;
        for (std::size_t i = 0; i < o.legendLayers.size(); ++i) {
            const auto layer = o.legendLayers[i];
            const float rowY = y0 + pad + rowH * static_cast<float>(i);
            const float sx = x0 + pad, sy = rowY + (rowH - sw) * 0.5f;
            const core::MarkKind kind = legendMark(layer);
            if (kind != core::MarkKind::Count) {
                core::EventMark m{};
                m.pos = camera.toMap(core::ScreenPx{sx + sw * 0.5f, sy + sw * 0.5f});
                m.kind = kind;
                m.sizePx = 5.5f;
                m.alpha = 1.0f;
                m.pulse = -1.0f;
                marks.push_back(m);
                if (layer == core::EventLayer::Csto) drawAreaSwatch(c, layer, sx, sy, sw);
            } else {
                drawAreaSwatch(c, layer, sx, sy, sw);
            }
            const TextBox tb = c.measure(core::eventLayerName(layer), st);
            placed.push_back({core::eventLayerName(layer), st, sx + sw + pad, rowY + (rowH - tb.height) * 0.5f});
        }
        c.p.painter.flush(c.w, c.h);
        if (p.events && !marks.empty()) {
            FrameOptions fo;
            fo.theme = theme.id;
            fo.pixelScale = s;
            p.events->drawMarks(camera, marks, fo);
        }
        leftBottom = y0 - pad;
    }

    // Top-right: a story scene's caption, clear of the view's centre where the subject is.
    if (!o.captionTitle.empty() || !o.captionText.empty()) {
        const float maxW = std::min(w * 0.42f, 560.0f * s);
        const TextStyle tst = c.style(LabelFont::Bold, 20.0f, theme.labelText);
        const TextStyle bst = c.style(LabelFont::Regular, 14.5f, theme.labelText);
        const TextStyle sst = c.style(LabelFont::Regular, 11.5f, theme.minorLabelText);
        std::vector<std::pair<std::string, TextStyle>> lines;
        for (auto& l : wrapText(p.renderer.fonts(), o.captionTitle, tst, maxW - 2 * pad)) lines.emplace_back(l, tst);
        for (auto& l : wrapText(p.renderer.fonts(), o.captionText, bst, maxW - 2 * pad)) lines.emplace_back(l, bst);
        if (!o.captionSources.empty()) {
            for (auto& l : wrapText(p.renderer.fonts(), o.captionSources, sst, maxW - 2 * pad)) lines.emplace_back(l, sst);
        }
        float bh = 0.0f;
        std::vector<float> hs;
        for (const auto& [t, st] : lines) {
            hs.push_back(c.measure(t, st).height * 1.18f);
            bh += hs.back();
        }
        const float x0 = w - margin - maxW, y0 = margin;
        c.panel(x0, y0, w - margin, y0 + bh + 2 * pad);
        float y = y0 + pad;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            placed.push_back({lines[i].first, lines[i].second, x0 + pad, y});
            y += hs[i];
        }
    }
    (void)leftBottom;

    c.p.painter.flush(c.w, c.h);
    for (const auto& t : placed) c.text(t.text, t.style, t.x, t.y);
}

}  // namespace qantar::render
