#include "core/map/overlay_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace qantar::core {

ScaleBar chooseScaleBar(const Camera& camera, const Projection& projection, double maxWidthPx) {
    ScaleBar bar;
    double metresPerPx = camera.metersPerPixel();
    if (auto centre = projection.unproject(camera.center())) {
        metresPerPx /= projection.scaleFactorAt(*centre);  // map metres → ground metres
    }
    const double maxKm = maxWidthPx * metresPerPx / 1000.0;
    if (!(maxKm > 0.0)) return bar;
    const double decade = std::pow(10.0, std::floor(std::log10(maxKm)));
    double best = decade;
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * decade <= maxKm) best = m * decade;
    }
    bar.lengthKm = best;
    bar.widthPx = best * 1000.0 / metresPerPx;
    char buf[32];
    if (best >= 1.0) std::snprintf(buf, sizeof buf, "%.0f km", best);
    else std::snprintf(buf, sizeof buf, "%.0f m", best * 1000.0);
    bar.label = buf;
    return bar;
}

double northAngleRadians(const Camera& camera, const Projection& projection) {
    auto centre = projection.unproject(camera.center());
    if (!centre) return 0.0;
    auto a = projection.project(*centre);
    auto b = projection.project(LonLat{centre->lon, std::min(89.0, centre->lat + 0.1)});
    if (!a || !b) return 0.0;
    // Map y is up; the angle is measured clockwise from up.
    return std::atan2(b->x - a->x, b->y - a->y);
}

std::string eventsCredit(const Dataset& data) {
    // Outlet names only, each once: how a name was worked out (inferred, republished, translated)
    // is provenance, kept in the data and shown in the event details, not printed in a credit.
    std::string s = "Events: ";
    std::vector<const std::string*> named;
    for (const auto& src : data.sources) {
        if (src.outlet.empty()) continue;
        if (std::any_of(named.begin(), named.end(), [&](const std::string* n) { return *n == src.outlet; })) continue;
        s += (named.empty() ? "" : ", ") + src.outlet;
        named.push_back(&src.outlet);
    }
    return s;
}

// --- Layout of the furniture ------------------------------------------------------------

bool boxesOverlap(const OverlayBox& a, const OverlayBox& b) {
    if (a.empty() || b.empty()) return false;
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

bool boxInside(const OverlayBox& b, float widthPx, float heightPx) {
    return b.empty() || (b.x0 >= 0 && b.y0 >= 0 && b.x1 <= widthPx && b.y1 <= heightPx);
}

float overlayFontPx(OverlayText kind) {
    switch (kind) {
        case OverlayText::Title: return 30.0f;
        case OverlayText::Subtitle: return 16.0f;
        case OverlayText::Moment: return 24.0f;
        case OverlayText::Counter: return 13.5f;
        case OverlayText::Credit: return 11.0f;
        case OverlayText::ScaleLabel: return 12.0f;
        case OverlayText::Legend: return 12.5f;
        case OverlayText::CaptionTitle: return 20.0f;
        case OverlayText::Caption: return 14.5f;
        case OverlayText::CaptionSources: return 11.5f;
    }
    return 12.0f;
}

bool overlayFontBold(OverlayText kind) {
    return kind == OverlayText::Title || kind == OverlayText::Moment || kind == OverlayText::ScaleLabel ||
           kind == OverlayText::CaptionTitle;
}

namespace {

constexpr float kMomentLineShare = 0.36f;  // of the image's width
const char* const kEllipsis = "\u2026";

// Bytes in the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte).
std::size_t utf8Length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

// Removes the last character (a whole UTF-8 sequence) of `s`.
void popCharacter(std::string& s) {
    if (s.empty()) return;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    s.erase(i);
}

}  // namespace

std::vector<std::string> fitText(const std::string& text, OverlayText kind, float maxWidthPx, std::size_t maxLines,
                                 const TextMeasure& measure) {
    std::vector<std::string> lines;
    if (maxLines == 0 || text.empty()) return lines;
    auto width = [&](const std::string& t) { return measure(t, kind).width; };
    std::string line;
    bool cut = false;  // text was left out after the last line kept
    // Adds `word` to the current line, starting new lines as needed; false once maxLines are full.
    auto addWord = [&](const std::string& word) {
        if (word.empty()) return true;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (width(candidate) <= maxWidthPx) {
            line = candidate;
            return true;
        }
        if (!line.empty()) {
            lines.push_back(line);
            line.clear();
            if (lines.size() == maxLines) return false;
        }
        if (width(word) <= maxWidthPx) {
            line = word;
            return true;
        }
        // A word wider than a line: broken between characters, at least one per line.
        std::size_t i = 0;
        while (i < word.size()) {
            const std::size_t n = std::min(utf8Length(static_cast<unsigned char>(word[i])), word.size() - i);
            const std::string next = line + word.substr(i, n);
            if (!line.empty() && width(next) > maxWidthPx) {
                lines.push_back(line);
                line.clear();
                if (lines.size() == maxLines) return false;
                continue;
            }
            line = next;
            i += n;
        }
        return true;
    };
    std::string word;
    for (std::size_t i = 0; i <= text.size() && !cut; ++i) {
        const char c = i < text.size() ? text[i] : '\n';
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!addWord(word)) cut = true;
            word.clear();
            if (!cut && c == '\n' && i < text.size()) {
                lines.push_back(line);
                line.clear();
                if (lines.size() == maxLines) {
                    // Cut only if something but blanks follows.
                    cut = text.find_first_not_of(" \t\r\n", i + 1) != std::string::npos;
                    if (!cut) return lines;
                }
            }
        } else {
            word.push_back(c);
        }
    }
    if (!cut && !line.empty()) lines.push_back(line);
    if (cut) {
        // Something was left out (cut is only set with lines full): say so on the last line.
        std::string& last = lines.back();
        // Whatever followed on the same line is gone too.
        while (!last.empty() && width(last + kEllipsis) > maxWidthPx) popCharacter(last);
        while (!last.empty() && last.back() == ' ') last.pop_back();
        last += kEllipsis;
    }
    // Trailing blank lines from "\n" at the end say nothing.
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

float labelCoverCost(const std::vector<MapLabel>& labels, const Camera& camera, float pixelScale,
                     const OverlayBox& box, float minWeight) {
    if (box.empty()) return 0.0f;
    float cost = 0.0f;
    const double mpp = camera.metersPerPixel();
    for (const MapLabel& l : labels) {
        if (mpp > l.maxMetersPerPixel) continue;
        float weight = 0.3f;
        switch (l.role) {
            case LabelRole::Capital: weight = 10.0f; break;
            case LabelRole::City: weight = 5.0f; break;
            case LabelRole::Region: weight = 3.0f; break;
            case LabelRole::MinorCity: weight = 0.5f; break;
            default: break;
        }
        if (weight < minWeight) continue;
        // The text's extent, near enough: 0.6 em per character, to the right of a city's dot,
        // centred on an area's label point.
        std::size_t chars = 0;
        for (unsigned char ch : l.text) chars += (ch & 0xC0) != 0x80;
        const float em = l.sizePx * pixelScale;
        const float w = 0.6f * em * static_cast<float>(chars), h = 1.2f * em;
        const ScreenPx p = camera.toScreen(l.anchor);
        const float x0 = l.pointLabel ? static_cast<float>(p.x) - l.markerRadiusPx * pixelScale : static_cast<float>(p.x) - w * 0.5f;
        const OverlayBox text{x0, static_cast<float>(p.y) - h * 0.5f, x0 + w + (l.pointLabel ? 2.0f * em : 0.0f),
                              static_cast<float>(p.y) + h * 0.5f};
        if (boxesOverlap(text, box)) cost += weight;
    }
    return cost;
}

OverlayPlan layoutOverlays(const OverlayContent& c, int widthPx, int heightPx, float s, const TextMeasure& measure) {
    OverlayPlan L;
    const float W = static_cast<float>(widthPx), H = static_cast<float>(heightPx);
    const float m = 18.0f * s, pad = 12.0f * s, gap = pad * 0.5f;
    L.margin = m;
    L.pad = pad;
    auto height = [&](const std::string& t, OverlayText k) { return measure(t.empty() ? "Ag" : t, k).height; };
    auto widthOf = [&](const std::string& t, OverlayText k) { return measure(t, k).width; };
    std::vector<OverlayBox> right;  // the right column, bottom up

    // Bottom right: credits (whole, wrapped to the image's width when they are wider).
    float rightBottom = H - m;
    if (!c.credits.empty() || c.creditSources) {
        const float maxW = std::max(1.0f, W - 2 * m - 1.5f * pad);
        std::vector<std::string> lines;
        for (const auto& credit : c.credits) {
            for (auto& l : fitText(credit, OverlayText::Credit, maxW, std::numeric_limits<std::size_t>::max(), measure)) {
                lines.push_back(std::move(l));
            }
        }
        if (c.creditSources) {
            const CreditWidth creditWidth = [&](const std::string& t) { return widthOf(t, OverlayText::Credit); };
            auto fitted = fitCredits(*c.creditSources, maxW, kMaxCreditLines, creditWidth);
            // Beside the legend's column when that names as many outlets, so the legend keeps the
            // bottom left corner; across the bottom (the legend above it) otherwise.
            if (!c.legendNames.empty()) {
                // The legend's width as laid out below: two columns first when one is tall.
                float nameW = 0.0f;
                for (const auto& n : c.legendNames) nameW = std::max(nameW, widthOf(n, OverlayText::Legend));
                const bool tallLegend = 20.0f * s * static_cast<float>(c.legendNames.size()) + 2 * pad > 0.2f * H;
                const float legendW = pad + (14.0f * s + nameW + 2 * pad) * (tallLegend ? 2.0f : 1.0f);
                const float besideW = maxW - legendW - gap;
                if (besideW > 0.3f * W) {
                    auto beside = fitCredits(*c.creditSources, besideW, kMaxCreditLines, creditWidth);
                    auto joined = [](const std::vector<std::string>& v) {
                        std::string j;
                        for (const auto& l : v) j += l + " ";
                        return j;
                    };
                    if (joined(beside) == joined(fitted)) fitted = std::move(beside);
                }
            }
            for (auto& l : fitted) lines.push_back(std::move(l));
        }
        float bw = 0.0f, lineH = 0.0f;
        for (const auto& l : lines) {
            bw = std::max(bw, widthOf(l, OverlayText::Credit));
            lineH = std::max(lineH, height(l, OverlayText::Credit) * 1.1f);
        }
        const float bh = lineH * static_cast<float>(lines.size());
        const float y0 = rightBottom - bh - pad;
        L.credits = {W - m - bw - 1.5f * pad, y0 - pad * 0.5f, W - m, rightBottom};
        for (std::size_t i = 0; i < lines.size(); ++i) {
            L.lines.push_back({lines[i], OverlayText::Credit, W - m - pad * 0.5f - widthOf(lines[i], OverlayText::Credit),
                               y0 + lineH * static_cast<float>(i)});
        }
        right.push_back(L.credits);
        rightBottom = y0 - pad;
    }
    // Above them, the scale bar (room for the longest bar it may choose) and the north arrow.
    if (c.scaleBar) {
        L.scaleBarMaxPx = std::max(1.0f, std::min(180.0f * s, W - 2 * m - 2 * pad));
        const float labelH = height("0", OverlayText::ScaleLabel);
        const float y1 = rightBottom - pad, y0 = y1 - 6.0f * s;
        L.scaleBar = {W - m - 2 * pad - L.scaleBarMaxPx, y0 - labelH - pad * 1.2f, W - m, rightBottom};
        right.push_back(L.scaleBar);
        rightBottom = y0 - labelH - pad * 1.4f;
    }
    if (c.northArrow) {
        const float r = 18.0f * s;
        const float cx = W - m - pad - r, cy = rightBottom - pad - r * 1.3f;
        L.north = {cx - r - pad * 0.6f, cy - r * 1.3f - pad, cx + r + pad * 0.6f, cy + r + pad * 0.4f};
        right.push_back(L.north);
    }
    float rightTop = H - m;
    for (const auto& b : right) rightTop = std::min(rightTop, b.y0);
    auto clearOfAll = [&](const OverlayBox& b) {
        if (!boxInside(b, W, H)) return false;
        for (const OverlayBox* o : {&L.credits, &L.scaleBar, &L.north, &L.topLeft, &L.caption, &L.legend}) {
            if (o != &b && boxesOverlap(b, *o)) return false;
        }
        return true;
    };

    // Top right: a story scene's caption, ending above the right column.
    if (!c.captionTitle.empty() || !c.captionText.empty()) {
        const float maxW = std::min(W * 0.42f, 560.0f * s);
        const float innerW = std::max(1.0f, maxW - 2 * pad);
        float avail = rightTop - gap - m - 2 * pad;
        std::vector<std::pair<std::string, OverlayText>> lines;
        auto take = [&](const std::string& text, OverlayText kind, std::size_t most) {
            const float lh = height(text, kind) * 1.18f;
            const std::size_t fits = avail > 0 ? static_cast<std::size_t>(std::floor(avail / lh)) : 0;
            std::vector<std::pair<std::string, OverlayText>> out;
            for (auto& l : fitText(text, kind, innerW, std::min(most, fits), measure)) {
                out.emplace_back(std::move(l), kind);
                avail -= lh;
            }
            return out;
        };
        const auto title = take(c.captionTitle, OverlayText::CaptionTitle, kMaxTitleLines);
        const auto sources = take(c.captionSources, OverlayText::CaptionSources, 2);
        const auto text = take(c.captionText, OverlayText::Caption, std::numeric_limits<std::size_t>::max());
        for (const auto* part : {&title, &text, &sources}) lines.insert(lines.end(), part->begin(), part->end());
        // Sources alone, with no room for the title or the text, would cite nothing: no caption.
        if (!title.empty() || !text.empty()) {
            float y = m + pad;
            for (const auto& [t, k] : lines) {
                L.lines.push_back({t, k, W - m - maxW + pad, y});
                y += height(t, k) * 1.18f;
            }
            L.caption = {W - m - maxW, m, W - m, y + pad};
        }
    }

    // Top left: title, subtitle (two lines each at most) and the moment, clear of the caption
    // and, when it reaches down to it, of the right column.
    if (!c.title.empty() || !c.subtitle.empty() || !c.moment.empty()) {
        // Candidate right edges: clear of the caption, or also beside the north arrow, or the
        // scale bar too; the one that keeps the most lines wins (the widest on a tie).
        const float limit = L.caption.empty() ? W - m : L.caption.x0 - gap;
        std::vector<float> edges{limit};
        for (const auto& b : right) {
            if (b.x0 - gap < limit && b.x0 - gap - m - 2 * pad >= 60.0f * s) edges.push_back(b.x0 - gap);
        }
        std::sort(edges.begin(), edges.end(), std::greater<float>());
        std::vector<PlacedText> best;
        std::size_t bestDropped = 0;
        OverlayBox bestBox;
        for (const float edge : edges) {
            const float maxW = std::max(1.0f, std::min(W - 2 * m - 2 * pad, edge - m - 2 * pad));
            // Counters, what is in force and the day's headlines wrap at about a third of the
            // image, so a long line never stretches the box across the map.
            const float momentW = std::min(std::max(240.0f * s, W * kMomentLineShare - m - 2 * pad), maxW);
            std::vector<std::pair<std::string, OverlayText>> block;
            for (auto& l : fitText(c.title, OverlayText::Title, maxW, kMaxTitleLines, measure)) block.emplace_back(l, OverlayText::Title);
            for (auto& l : fitText(c.subtitle, OverlayText::Subtitle, maxW, kMaxTitleLines, measure)) {
                block.emplace_back(l, OverlayText::Subtitle);
            }
            for (std::size_t i = 0; i < c.moment.size(); ++i) {
                const OverlayText k = i == 0 ? OverlayText::Moment : OverlayText::Counter;
                // The date-time may take the whole width; counters wrap at about half the image.
                for (auto& l : fitText(c.moment[i], k, i == 0 ? maxW : momentW, 2, measure)) block.emplace_back(l, k);
            }
            std::vector<float> heights;
            for (const auto& [t, k] : block) heights.push_back(height(t, k) * 1.12f);
            auto boxFor = [&](std::size_t n) {
                float bw = 0.0f, bh = 0.0f;
                for (std::size_t i = 0; i < n; ++i) {
                    bw = std::max(bw, widthOf(block[i].first, block[i].second));
                    bh += heights[i];
                }
                return OverlayBox{m, m, m + bw + 2 * pad, m + bh + 2 * pad};
            };
            // The last lines (counters) go first when the block would reach another panel.
            std::size_t n = block.size();
            L.topLeft = boxFor(n);
            while (n > 1 && !clearOfAll(L.topLeft)) L.topLeft = boxFor(--n);
            // Fewest lines left out wins; on a tie the widest (edges go widest first), whose
            // lines wrap least.
            if (best.empty() || block.size() - n < bestDropped) {
                bestDropped = block.size() - n;
                best.clear();
                float y = m + pad;
                for (std::size_t i = 0; i < n; ++i) {
                    best.push_back({block[i].first, block[i].second, m + pad, y});
                    y += heights[i];
                }
                bestBox = L.topLeft;
            }
        }
        L.topLeft = bestBox;
        // The top right corner instead, when the box hides less of the map there (and no
        // caption holds it).
        if (c.coverCost && L.caption.empty() && !L.topLeft.empty()) {
            const float dx = W - m - L.topLeft.x1;
            const OverlayBox mirrored{L.topLeft.x0 + dx, L.topLeft.y0, L.topLeft.x1 + dx, L.topLeft.y1};
            const OverlayBox left = L.topLeft;
            L.topLeft = mirrored;
            const bool rightClear = dx > 0.0f && clearOfAll(L.topLeft);
            L.topLeft = left;
            if (rightClear && c.coverCost(mirrored) < c.coverCost(left)) {
                L.topLeft = mirrored;
                for (auto& line : best) line.x += dx;
            }
        }
        L.lines.insert(L.lines.end(), best.begin(), best.end());
    }

    // Bottom left: the legend, in one column or two, above whatever spans the bottom; left out
    // when neither fits.
    if (!c.legendNames.empty()) {
        L.legendRowPx = 20.0f * s;
        L.legendSwatchPx = 14.0f * s;
        float nameW = 0.0f;
        for (const auto& n : c.legendNames) nameW = std::max(nameW, widthOf(n, OverlayText::Legend));
        const float colW = L.legendSwatchPx + nameW + 2 * pad;
        // A long legend goes in two columns first when one would stand taller than a fifth of the
        // image: it would hide the west of the country (Zhanaozen, Aktau) in a 16:9 frame.
        const float oneColumnH = L.legendRowPx * static_cast<float>(c.legendNames.size()) + 2 * pad;
        const bool tall = oneColumnH > 0.2f * static_cast<float>(H);
        for (int cols : tall ? std::array<int, 2>{2, 1} : std::array<int, 2>{1, 2}) {
            const std::size_t rows = (c.legendNames.size() + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols);
            const float bw = pad + colW * static_cast<float>(cols), bh = L.legendRowPx * static_cast<float>(rows) + 2 * pad;
            float bottom = H - m;
            for (const auto& b : right) {
                if (b.x0 < m + bw && m < b.x1) bottom = std::min(bottom, b.y0 - gap);
            }
            L.legend = {m, bottom - bh, m + bw, bottom};
            L.legendColumns = cols;
            if (clearOfAll(L.legend)) break;
            L.legend = {};
        }
    }
    return L;
}

}  // namespace qantar::core
