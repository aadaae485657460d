#include "core/events/map_tags.hpp"

#include <algorithm>
#include <cmath>

namespace qantar::core {

namespace {

double overlapArea(const ScreenRect& a, const ScreenRect& b) {
    const double w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const double h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0.0;
}

ScreenRect around(ScreenPx c, double r) { return ScreenRect{c.x - r, c.y - r, 2 * r, 2 * r}; }

// Directions to try, in order of preference: above left first (city labels mostly sit to the
// right of their dot), then the other diagonals and sides.
constexpr double kD = 0.70710678;
const ScreenPx kDirections[] = {{-kD, -kD}, {kD, -kD}, {-1, 0}, {0, -1}, {-kD, kD}, {1, 0}, {0, 1}, {kD, kD}};

// How far a symbol reaches from its centre, pixels (the violent protest's spiky ring is widest).
double markReachPx(const EventMark& m, float s) {
    return static_cast<double>(m.sizePx * s) * (m.kind == MarkKind::ProtestViolent ? 1.95 : 1.3);
}

class Placer {
public:
    Placer(double w, double h, std::vector<ScreenRect> taken) : m_w(w), m_h(h), m_taken(std::move(taken)) {}

    // What a box would cost there: the area of everything it covers (and a little more for merely
    // touching something, so a clear spot always wins), and (four times as bad) the area that
    // falls outside the view.
    double cost(const ScreenRect& r) const {
        double c = 0.0;
        for (const auto& o : m_taken) {
            const double a = overlapArea(r, o);
            if (a > 0.0) c += 25.0 + a;
        }
        const double inside = overlapArea(r, ScreenRect{0, 0, m_w, m_h});
        return c + 4.0 * (r.w * r.h - inside);
    }
    void take(const ScreenRect& r) { m_taken.push_back(r); }

private:
    double m_w, m_h;
    std::vector<ScreenRect> m_taken;
};

bool onScreen(ScreenPx p, const Camera& cam, double slack) {
    return p.x > -slack && p.y > -slack && p.x < cam.widthPx() + slack && p.y < cam.heightPx() + slack;
}

// A badge's panel at (0, 0): the glyph at the left, the lines beside it (the first bold and
// larger), centred on the glyph's height. placeBadge moves it into place.
PlacedTag layoutBadge(TagKind kind, std::uint32_t event, ScreenPx anchor, const std::vector<std::string>& lines,
                      double glyphRadius, const TagContext& ctx) {
    const double s = ctx.pixelScale, pad = 5.0 * s, gap = 1.0 * s;
    PlacedTag t;
    t.kind = kind;
    t.event = event;
    t.anchor = anchor;
    t.glyphRadiusPx = static_cast<float>(glyphRadius);
    double textW = 0.0, textH = 0.0;
    std::vector<double> heights;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        TagTextLine l;
        l.text = lines[i];
        l.bold = i == 0;
        l.sizePx = static_cast<float>((i == 0 ? kTagFontPx : kTagSmallFontPx) * s);
        const TextSize size = ctx.measure(l.text, l.bold, l.sizePx);
        textW = std::max(textW, static_cast<double>(size.width));
        heights.push_back(size.height);
        textH += size.height + (i + 1 < lines.size() ? gap : 0.0);
        t.lines.push_back(l);
    }
    const double glyphD = 2.0 * glyphRadius;
    const double textX = pad + (glyphRadius > 0 ? glyphD + pad : 0.0);
    t.box = ScreenRect{0.0, 0.0, textX + textW + pad, std::max(glyphD, textH) + 2 * pad};
    t.glyph = ScreenPx{pad + glyphRadius, t.box.h * 0.5};
    double y = (t.box.h - textH) * 0.5;
    for (std::size_t i = 0; i < t.lines.size(); ++i) {
        t.lines[i].topLeft = ScreenPx{textX, y};
        y += heights[i] + gap;
    }
    return t;
}

// Moves a badge laid out at (0, 0) by (dx, dy).
void moveBadge(PlacedTag& t, double dx, double dy) {
    t.box.x += dx;
    t.box.y += dy;
    t.glyph.x += dx;
    t.glyph.y += dy;
    for (auto& l : t.lines) {
        l.topLeft.x += dx;
        l.topLeft.y += dy;
    }
}

// Puts a badge in the best of the candidate spots around its anchor: at each distance (pixels
// between the anchor and the box's nearest side), each direction in order of preference; with
// `centreFirst`, the box centred on the anchor before all of them.
void placeBadge(PlacedTag& t, const std::vector<double>& distances, bool centreFirst, Placer& placer) {
    double best = 0.0;
    ScreenPx bestAt{};
    bool have = false;
    int order = 0;
    const auto consider = [&](double cx, double cy) {
        const ScreenRect r{cx - t.box.w * 0.5, cy - t.box.h * 0.5, t.box.w, t.box.h};
        // A little for every step down the list, so that ties keep the earlier spot.
        const double c = placer.cost(r) + 0.5 * order++;
        if (!have || c < best) {
            best = c;
            bestAt = ScreenPx{r.x, r.y};
            have = true;
        }
    };
    if (centreFirst) consider(t.anchor.x, t.anchor.y);
    for (double d : distances) {
        for (const ScreenPx& dir : kDirections) {
            const double along = std::abs(dir.x) * t.box.w * 0.5 + std::abs(dir.y) * t.box.h * 0.5;
            consider(t.anchor.x + dir.x * (d + along), t.anchor.y + dir.y * (d + along));
        }
    }
    moveBadge(t, bestAt.x - t.box.x, bestAt.y - t.box.y);
    placer.take(t.box);
}

}  // namespace

ScreenArrow approximateArrow(const Airlift& a, const Camera& camera, float pixelScale) {
    ScreenArrow arrow;
    arrow.event = a.event;
    arrow.alpha = a.alpha;
    arrow.progress = a.progress;
    arrow.country = a.country;
    const ScreenPx crossing = camera.toScreen(a.from), inside = camera.toScreen(a.to);
    double dx = inside.x - crossing.x, dy = inside.y - crossing.y;
    const double len = std::hypot(dx, dy);
    if (len > 1e-9) {
        dx /= len;
        dy /= len;
    } else {
        dx = 0.0;
        dy = 1.0;
    }
    const double out = kArrowOutsidePx * pixelScale, in = kArrowInsidePx * pixelScale;
    arrow.tail = ScreenPx{crossing.x - dx * out, crossing.y - dy * out};
    arrow.head = ScreenPx{crossing.x + dx * in, crossing.y + dy * in};
    return arrow;
}

bool airportsAreTags(const std::vector<EventMark>& marks) {
    const auto n = static_cast<std::size_t>(
        std::count_if(marks.begin(), marks.end(), [](const EventMark& m) { return m.kind == MarkKind::Airport; }));
    return n > 0 && n <= kMaxPlacedAirports;
}

bool airportsAreTags(const FrameLayers& layers) { return airportsAreTags(layers.marks); }

std::vector<PlacedTag> placeTags(const FrameLayers& layers, const TagContext& ctx) {
    std::vector<PlacedTag> out;
    if (!ctx.camera || !ctx.measure) return out;
    const Camera& cam = *ctx.camera;
    const float s = ctx.pixelScale;
    const bool airports = airportsAreTags(layers);

    // What is drawn already: the caller's obstacles, the event symbols, the approximate arrows.
    std::vector<ScreenRect> taken = ctx.obstacles;
    for (const auto& m : layers.marks) {
        if (airports && m.kind == MarkKind::Airport) continue;
        taken.push_back(around(cam.toScreen(m.pos), markReachPx(m, s)));
    }
    std::vector<ScreenArrow> arrows;
    for (const auto& a : layers.airlifts) {
        if (!a.approximate) continue;
        arrows.push_back(approximateArrow(a, cam, s));
        const ScreenArrow& ar = arrows.back();
        const double len = std::hypot(ar.head.x - ar.tail.x, ar.head.y - ar.tail.y);
        const int steps = std::max(1, static_cast<int>(len / (8.0 * s)));
        for (int i = 0; i <= steps; ++i) {
            const double f = static_cast<double>(i) / steps;
            taken.push_back(around(ScreenPx{ar.tail.x + (ar.head.x - ar.tail.x) * f, ar.tail.y + (ar.head.y - ar.tail.y) * f},
                                   5.0 * s));
        }
    }
    Placer placer(cam.widthPx(), cam.heightPx(), std::move(taken));

    // Closed airports: an aircraft beside the city, clear of its dot, its label and any symbol there.
    if (airports) {
        for (const auto& m : layers.marks) {
            if (m.kind != MarkKind::Airport) continue;
            const ScreenPx at = cam.toScreen(m.pos);
            if (!onScreen(at, cam, 40.0 * s)) continue;
            double clear = 5.0 * s;  // the city's dot
            for (const auto& o : layers.marks) {
                if (o.kind == MarkKind::Airport) continue;
                const ScreenPx p = cam.toScreen(o.pos);
                if (std::hypot(p.x - at.x, p.y - at.y) < 3.0 * s) clear = std::max(clear, markReachPx(o, s));
            }
            const double r = static_cast<double>(kAirportGlyphRadiusPx * s);
            PlacedTag t;
            t.kind = TagKind::Airport;
            t.event = m.event;
            t.anchor = at;
            t.leader = true;
            t.glyphRadiusPx = static_cast<float>(r);
            t.alpha = m.alpha;
            double best = 0.0;
            bool have = false;
            int order = 0;
            for (double extra : {4.0, 12.0, 24.0, 40.0, 60.0}) {
                for (const ScreenPx& dir : kDirections) {
                    const double d = clear + r + extra * s;
                    const ScreenPx c{at.x + dir.x * d, at.y + dir.y * d};
                    const ScreenRect box = around(c, r + 1.0 * s);
                    const double cost = placer.cost(box) + 0.5 * order++;
                    if (!have || cost < best) {
                        best = cost;
                        t.glyph = c;
                        t.box = box;
                        have = true;
                    }
                }
            }
            placer.take(t.box);
            out.push_back(std::move(t));
        }
    }

    // The curfew at its city, while the shaded area is too small to read.
    for (const auto& b : layers.badges) {
        if (b.kind != BadgeKind::Curfew) continue;
        const ScreenPx at = cam.toScreen(b.anchor);
        if (!onScreen(at, cam, 40.0 * s)) continue;
        if (ctx.regionBoxes && b.regionIndex >= 0 && static_cast<std::size_t>(b.regionIndex) < ctx.regionBoxes->size()) {
            const MapBox& box = (*ctx.regionBoxes)[static_cast<std::size_t>(b.regionIndex)];
            const double spanPx = std::max(box.width(), box.height()) / cam.metersPerPixel();
            if (spanPx >= kCurfewBadgeMaxRegionPx * s) continue;
        }
        PlacedTag t = layoutBadge(TagKind::Curfew, b.event, at, b.lines, kTagGlyphRadiusPx * s, ctx);
        t.leader = true;
        t.alpha = b.alpha;
        placeBadge(t, {10.0 * s, 24.0 * s, 44.0 * s, 70.0 * s}, false, placer);
        out.push_back(std::move(t));
    }

    // The CSTO on Kazakhstan as a whole: near the middle of the country, no leader (no place).
    for (const auto& b : layers.badges) {
        if (b.kind != BadgeKind::Csto) continue;
        const ScreenPx at = cam.toScreen(b.anchor);
        PlacedTag t = layoutBadge(TagKind::Csto, b.event, at, b.lines, kTagGlyphRadiusPx * s, ctx);
        t.alpha = b.alpha;
        placeBadge(t, {20.0 * s, 50.0 * s, 90.0 * s}, true, placer);
        out.push_back(std::move(t));
    }

    // Each approximate arrow says what it is, by its tail (in the sending country).
    for (const ScreenArrow& ar : arrows) {
        const std::vector<std::string> lines{"CSTO troops from " + ar.country, "approximate: no place given"};
        PlacedTag t = layoutBadge(TagKind::ArrowLabel, ar.event, ar.tail, lines, 0.0f, ctx);
        t.alpha = ar.alpha;
        placeBadge(t, {4.0 * s, 14.0 * s, 30.0 * s}, false, placer);
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace qantar::core
