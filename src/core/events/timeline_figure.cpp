#include "core/events/timeline_figure.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/events/curfew_nights.hpp"

namespace qantar::core {

Rgba categoryColor(Category c, const Theme& t) {
    auto mark = [&](MarkKind k) { return t.marks[static_cast<std::size_t>(k)]; };
    switch (c) {
        case Category::Protest: return mark(MarkKind::Protest);
        case Category::Clash: return mark(MarkKind::Clash);
        case Category::LootingArson: return mark(MarkKind::Arson);
        case Category::Casualties: return mark(MarkKind::Casualty);
        case Category::Arrests: return mark(MarkKind::Arrest);
        case Category::Curfew: return Rgba{0.45f, 0.45f, 0.85f, 1.0f};
        case Category::StateOfEmergency: return Rgba{0.85f, 0.35f, 0.35f, 1.0f};
        case Category::InternetBlackout: return Rgba{0.6f, 0.55f, 0.75f, 1.0f};
        case Category::CstoDeployment: return mark(MarkKind::Csto);
        case Category::AirportClosure: return mark(MarkKind::Airport);
        case Category::GovernmentAction: return mark(MarkKind::Government);
        case Category::Mourning: return Rgba{0.6f, 0.6f, 0.6f, 1.0f};
        case Category::Count: break;
    }
    return Rgba{1, 1, 1, 1};
}

std::optional<MarkKind> markKindFor(const Event& e) {
    switch (e.category) {
        case Category::Protest: return e.violent.value_or(false) ? MarkKind::ProtestViolent : MarkKind::Protest;
        case Category::Clash: return MarkKind::Clash;
        case Category::LootingArson: return MarkKind::Arson;
        case Category::Casualties: return MarkKind::Casualty;
        case Category::Arrests: return MarkKind::Arrest;
        case Category::AirportClosure: return MarkKind::Airport;
        case Category::CstoDeployment: return MarkKind::Csto;
        case Category::GovernmentAction:
        case Category::Mourning: return MarkKind::Government;
        case Category::Curfew:
        case Category::StateOfEmergency:
        case Category::InternetBlackout:
        case Category::Count: break;
    }
    return std::nullopt;
}

std::string zoneCaption(ZoneOffset zone) {
    if (zone == kAlmatyTime) return "Almaty time (UTC+6)";
    if (zone == kWestTime) return "West Kazakhstan time (UTC+5)";
    if (zone == kUtc) return "UTC";
    const int h = zone.minutes / 60, m = std::abs(zone.minutes % 60);
    std::string s = "UTC" + std::string(zone.minutes < 0 ? "-" : "+") + std::to_string(std::abs(h));
    if (m) s += ":" + std::string(m < 10 ? "0" : "") + std::to_string(m);
    return s;
}

namespace {

const char* bandName(FigureBand b) {
    switch (b) {
        case FigureBand::Internet: return "Internet";
        case FigureBand::Curfew: return "Curfew hours";
        case FigureBand::Emergency: return "State of emergency";
    }
    return "";
}

const char* keyName(FigureSpanKind k) {
    switch (k) {
        case FigureSpanKind::InternetFull: return "Internet shut down";
        case FigureSpanKind::InternetPartial: return "partly restored";
        case FigureSpanKind::InternetRestored: return "restored";
        case FigureSpanKind::CurfewNight: return "Curfew hours";
        case FigureSpanKind::Emergency: return "State of emergency";
    }
    return "";
}

}  // namespace

TimelineFigurePlan layoutTimelineFigure(const Dataset& data, const TimelineIndex& index,
                                        const TimelineFigureRequest& rq, const TextMeasure& measure) {
    TimelineFigurePlan P;
    const float W = static_cast<float>(rq.widthPx), H = static_cast<float>(rq.heightPx), s = rq.pixelScale;
    const float m = 24.0f * s, pad = 10.0f * s, gap = 6.0f * s;
    P.margin = m;
    P.pad = pad;
    auto widthOf = [&](const std::string& t, OverlayText k) { return measure(t, k).width; };
    auto heightOf = [&](OverlayText k) { return measure("Ag", k).height; };
    auto shown = [&](std::uint32_t i) { return !rq.shown || i >= rq.shown->size() || (*rq.shown)[i]; };
    const float innerW = std::max(1.0f, W - 2 * m);

    // Top: title and subtitle.
    float y = m;
    for (const auto& [text, kind] : {std::pair{rq.title, OverlayText::Title}, std::pair{rq.subtitle, OverlayText::Subtitle}}) {
        for (auto& l : fitText(text, kind, innerW, kMaxTitleLines, measure)) {
            P.texts.push_back({l, kind, m, y});
            y += heightOf(kind) * 1.12f;
        }
    }
    if (y > m) y += gap * 2;

    // Bottom up: the credit lines, then the key with the zone on its right.
    float bottom = H - m;
    if (rq.credits) {
        const CreditWidth cw = [&](const std::string& t) { return widthOf(t, OverlayText::Credit); };
        const auto lines = fitCredits(*rq.credits, innerW, kMaxCreditLines, cw);
        const float lh = heightOf(OverlayText::Credit) * 1.1f;
        const float top = bottom - lh * static_cast<float>(lines.size());
        float w = 0.0f;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            P.texts.push_back({lines[i], OverlayText::Credit, m, top + lh * static_cast<float>(i)});
            w = std::max(w, widthOf(lines[i], OverlayText::Credit));
        }
        P.credits = {m, top, m + w, bottom};
        bottom = top - gap * 2;
    }
    {
        const float kh = heightOf(OverlayText::Legend);
        const float sw = std::round(kh * 0.8f);
        const float rowY = bottom - kh;
        float x = m;
        for (FigureSpanKind k : {FigureSpanKind::InternetFull, FigureSpanKind::InternetPartial,
                                 FigureSpanKind::InternetRestored, FigureSpanKind::CurfewNight, FigureSpanKind::Emergency}) {
            const std::string name = keyName(k);
            const float need = sw + pad * 0.5f + widthOf(name, OverlayText::Legend) + pad * 1.6f;
            if (x + need > W - m) break;
            P.key.push_back({k, OverlayBox{x, rowY + (kh - sw) * 0.5f, x + sw, rowY + (kh + sw) * 0.5f}});
            P.texts.push_back({name, OverlayText::Legend, x + sw + pad * 0.5f, rowY});
            x += need;
        }
        const std::string zone = "Times: " + zoneCaption(rq.zone);
        const float zw = widthOf(zone, OverlayText::CaptionSources);
        if (x + zw <= W - m) {
            P.texts.push_back({zone, OverlayText::CaptionSources, W - m - zw, rowY + (kh - heightOf(OverlayText::CaptionSources)) * 0.5f});
        }
        bottom = rowY - gap * 3;
    }

    // Which lanes have events in the range.
    std::vector<std::uint32_t> visible;
    index.overlapping(rq.range.start, rq.range.end, visible);
    std::sort(visible.begin(), visible.end());
    std::array<std::vector<std::uint32_t>, kCategoryCount> byCategory;
    for (auto i : visible) {
        if (shown(i)) byCategory[static_cast<std::size_t>(data.events[i].category)].push_back(i);
    }

    // The label column: as wide as the longest lane or band name.
    float labelW = 0.0f;
    for (int c = 0; c < kCategoryCount; ++c) {
        if (!byCategory[static_cast<std::size_t>(c)].empty()) {
            labelW = std::max(labelW, widthOf(categoryLabel(static_cast<Category>(c)), OverlayText::Legend));
        }
    }
    for (FigureBand b : {FigureBand::Internet, FigureBand::Curfew, FigureBand::Emergency}) {
        labelW = std::max(labelW, widthOf(bandName(b), OverlayText::Legend));
    }
    labelW = std::min(labelW + 2 * pad, innerW * 0.4f);
    P.trackX0 = m + labelW;
    P.trackX1 = std::max(P.trackX0 + 1.0f, W - m);
    const TimeAxis axis(rq.range.start, rq.range.end, P.trackX0, P.trackX1 - P.trackX0);
    auto xOf = [&](Instant t) { return static_cast<float>(axis.toX(t)); };
    auto clipX = [&](float x) { return std::clamp(x, P.trackX0, P.trackX1); };

    // Ticks, labelled to the right of their lines so that none overprints the next.
    P.plotY0 = y;
    const float tickH = std::max(heightOf(OverlayText::ScaleLabel), heightOf(OverlayText::CaptionSources));
    const double minorNeed = widthOf("00:00", OverlayText::CaptionSources) + 10.0f * s;
    const double majorNeed = widthOf("Wed 29 Sep", OverlayText::ScaleLabel) + 10.0f * s;
    for (Tick& t : chooseTicks(axis, rq.zone, minorNeed, majorNeed)) {
        const float x = xOf(t.t);
        if (x < P.trackX0 - 0.5f || x > P.trackX1 + 0.5f) continue;
        const OverlayText kind = t.major ? OverlayText::ScaleLabel : OverlayText::CaptionSources;
        // A label that would run past the image's edge is left out; its line stays.
        if (!t.label.empty() && x + 3.0f * s + widthOf(t.label, kind) > W - m * 0.5f) t.label.clear();
        if (!t.label.empty()) P.texts.push_back({t.label, kind, x + 3.0f * s, y + (tickH - heightOf(kind))});
        P.ticks.push_back({x, t.major, std::move(t.label)});
    }
    y += tickH * 1.35f;
    P.tickRowY1 = y;

    // Bands: internet, curfew hours, state of emergency.
    const float bandH = std::max(14.0f * s, heightOf(OverlayText::Legend) * 1.05f);
    for (FigureBand b : {FigureBand::Internet, FigureBand::Curfew, FigureBand::Emergency}) {
        FigureBandRow row{b, y, y + bandH, {}};
        const Category cat = b == FigureBand::Internet ? Category::InternetBlackout
                             : b == FigureBand::Curfew ? Category::Curfew
                                                       : Category::StateOfEmergency;
        for (auto i : byCategory[static_cast<std::size_t>(cat)]) {
            const Event& e = data.events[i];
            const Interval iv = index.interval(i);
            if (b == FigureBand::Curfew) {
                if (!e.recurrence) continue;
                for (const Interval& night : curfewNights(e, iv, rq.range.start, rq.range.end)) {
                    const float x0 = clipX(xOf(night.start)), x1 = clipX(xOf(night.end));
                    if (x1 > x0) row.spans.push_back({x0, x1, FigureSpanKind::CurfewNight});
                }
                continue;
            }
            FigureSpanKind kind = FigureSpanKind::Emergency;
            if (b == FigureBand::Internet) {
                kind = e.status == ConnectivityStatus::Partial    ? FigureSpanKind::InternetPartial
                       : e.status == ConnectivityStatus::Restored ? FigureSpanKind::InternetRestored
                                                                  : FigureSpanKind::InternetFull;
            }
            const float x0 = clipX(xOf(iv.start)), x1 = clipX(xOf(iv.end));
            if (x1 > x0) row.spans.push_back({x0, x1, kind});
        }
        P.texts.push_back({bandName(b), OverlayText::Legend, m, y + (bandH - heightOf(OverlayText::Legend)) * 0.5f});
        P.bands.push_back(std::move(row));
        y += bandH + 3.0f * s;
    }
    y += gap * 2;

    // Lanes: the categories with events, sharing what is left. When they would be shorter than
    // their names, the categories the bands already show give up their lanes.
    const float laneText = heightOf(OverlayText::Legend);
    std::size_t lanes = 0;
    for (const auto& v : byCategory) lanes += !v.empty();
    if (lanes > 0 && (bottom - y) / static_cast<float>(lanes) < laneText) {
        for (Category c : {Category::InternetBlackout, Category::Curfew, Category::StateOfEmergency}) {
            lanes -= !byCategory[static_cast<std::size_t>(c)].empty();
            byCategory[static_cast<std::size_t>(c)].clear();
        }
    }
    const float laneH = lanes ? std::clamp((bottom - y) / static_cast<float>(lanes), std::min(laneText, 8.0f * s), 110.0f * s) : 0.0f;
    P.markRadiusPx = std::max(2.0f, std::min(laneH * 0.3f, 7.0f * s));
    for (int c = 0; c < kCategoryCount; ++c) {
        const auto& events = byCategory[static_cast<std::size_t>(c)];
        if (events.empty()) continue;
        FigureLane lane{static_cast<Category>(c), y, y + laneH, {}, {}};
        std::vector<std::pair<double, double>> spans;
        std::vector<double> xs;
        std::vector<std::uint32_t> starting;
        for (auto i : events) {
            const Interval iv = index.interval(i);
            spans.emplace_back(std::max<double>(xOf(iv.start), P.trackX0), std::min<double>(xOf(iv.end), P.trackX1));
            if (!(iv.start < rq.range.start) && iv.start < rq.range.end) {
                xs.push_back(xOf(iv.start));
                starting.push_back(i);
            }
        }
        lane.runs = coverageRuns(spans, static_cast<int>(std::floor(P.trackX0)), static_cast<int>(std::ceil(P.trackX1)));
        // Events are sorted by start, so `xs` is ascending. A mark stands for the starts within
        // a mark's width after it (not a chain of them, which could run on for days).
        std::vector<std::pair<std::uint32_t, std::uint32_t>> folds;
        for (std::uint32_t a = 0; a < xs.size();) {
            std::uint32_t b = a + 1;
            while (b < xs.size() && xs[b] - xs[a] < 1.8 * P.markRadiusPx) ++b;
            folds.emplace_back(a, b);
            a = b;
        }
        for (const auto& [a, b] : folds) {
            const Event& first = data.events[starting[a]];
            const bool uncertain = first.precision == Precision::Day || first.precision == Precision::Approximate;
            lane.marks.push_back({static_cast<float>(xs[a]), starting[a], b - a, uncertain});
            if (b - a > 1) {
                P.texts.push_back({std::to_string(b - a), OverlayText::CaptionSources,
                                   static_cast<float>(xs[a]) + P.markRadiusPx + 1.0f * s,
                                   // above the lane's bar, clear of the colour it would be lost in
                                   std::max(y, y + laneH * 0.36f - heightOf(OverlayText::CaptionSources))});
            }
        }
        P.texts.push_back({categoryLabel(lane.category), OverlayText::Legend, m, y + (laneH - laneText) * 0.5f});
        P.lanes.push_back(std::move(lane));
        y += laneH;
    }
    P.plotY1 = y;
    // On a tall page the lanes do not fill it: the key and the credits follow the plot rather
    // than sit at the foot of the page.
    if (const float slack = bottom - y; slack > 0.0f) {
        for (auto& t : P.texts) {
            if (t.y > bottom) t.y -= slack;
        }
        for (auto& k : P.key) {
            k.swatch.y0 -= slack;
            k.swatch.y1 -= slack;
        }
        if (!P.credits.empty()) {
            P.credits.y0 -= slack;
            P.credits.y1 -= slack;
        }
    }
    if (rq.marker && !(*rq.marker < rq.range.start) && *rq.marker < rq.range.end) P.markerX = xOf(*rq.marker);
    return P;
}

}  // namespace qantar::core
