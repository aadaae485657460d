#include "core/events/layers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/events/event_time.hpp"

namespace qantar::core {

namespace {

constexpr Duration kFadeIn = Duration::minutes(30);

float markSize(const Event& e) {
    switch (e.category) {
        case Category::Protest: return e.scale ? 4.0f + 3.5f * static_cast<float>(*e.scale) : 9.0f;
        case Category::Clash:
        case Category::LootingArson: return 7.5f;
        case Category::Casualties:
        case Category::Arrests: return 6.0f;
        case Category::AirportClosure: return 6.5f;
        default: return 6.0f;
    }
}

bool isViolence(Category c) { return c == Category::Clash || c == Category::LootingArson; }

std::string clockText(int minutes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
    return buf;
}

bool abroad(const EventPlace& p) { return !p.nationwide && !p.country.empty() && p.country != "KAZ"; }

// One badge on Kazakhstan for the CSTO events placed on the whole country: the titles of those in
// force (newest first, at most two), else of the newest one fading, and that no place is given.
Badge cstoBadge(const Dataset& data, const TimelineIndex& index, const std::vector<std::uint32_t>& ids, Instant t,
                const EventLayerSettings& s, MapXY kazakhstan) {
    Badge b{BadgeKind::Csto, ids.back(), kazakhstan, -1, {}, 0.0f};
    std::vector<std::uint32_t> active;
    for (auto i : ids) {
        const Interval iv = index.interval(i);
        b.alpha = std::max(b.alpha, eventAlpha(iv, t, s.trail, s.cumulative));
        if (iv.start <= t && t < iv.end) active.push_back(i);
    }
    if (active.empty()) active.push_back(ids.back());
    for (auto it = active.rbegin(); it != active.rend() && b.lines.size() < 2; ++it) b.lines.push_back(data.events[*it].title);
    b.event = active.back();
    b.lines.push_back("Kazakhstan \xC2\xB7 no place given");
    return b;
}

}  // namespace

const BorderEntry* AirliftGeometry::entryFor(const std::string& iso3) const {
    for (const auto& e : entries) {
        if (e.iso3 == iso3) return &e;
    }
    return nullptr;
}

std::vector<std::string> curfewBadgeLines(const Event& e) {
    if (!e.recurrence) return {};
    const Recurrence& r = *e.recurrence;
    std::vector<std::string> lines{"Curfew " + clockText(r.fromMinutes) + "\xE2\x80\x93" + clockText(r.toMinutes)};
    const auto assumed = [&](const char* field) {
        return std::find(r.assumed.begin(), r.assumed.end(), field) != r.assumed.end();
    };
    const bool from = assumed("daily_from"), to = assumed("daily_to");
    // An hour that no source gives is said to be assumed, on the map as in the data.
    if (from && to) lines.push_back("hours assumed");
    else if (from) lines.push_back(clockText(r.fromMinutes) + " assumed");
    else if (to) lines.push_back(clockText(r.toMinutes) + " assumed");
    return lines;
}

const char* eventLayerName(EventLayer l) {
    switch (l) {
        case EventLayer::Protests: return "Protests";
        case EventLayer::Violence: return "Clashes, looting, arson";
        case EventLayer::Curfew: return "Curfew hours";
        case EventLayer::Emergency: return "State of emergency";
        case EventLayer::Internet: return "Internet blackout";
        case EventLayer::Csto: return "CSTO deployment";
        case EventLayer::Airports: return "Airport closures";
        case EventLayer::Casualties: return "Casualties and arrests";
        case EventLayer::Government: return "Government actions, mourning";
        case EventLayer::Count: break;
    }
    return "?";
}

const char* eventLayerId(EventLayer l) {
    static const char* const kIds[] = {"protests", "violence", "curfew",     "emergency", "internet",
                                       "csto",     "airports", "casualties", "government"};
    const auto i = static_cast<std::size_t>(l);
    return i < sizeof kIds / sizeof kIds[0] ? kIds[i] : "?";
}

std::optional<EventLayer> parseEventLayerId(const std::string& id) {
    for (int i = 0; i < kEventLayerCount; ++i) {
        if (id == eventLayerId(static_cast<EventLayer>(i))) return static_cast<EventLayer>(i);
    }
    return std::nullopt;
}

EventLayer layerOf(Category c) {
    switch (c) {
        case Category::Protest: return EventLayer::Protests;
        case Category::Clash:
        case Category::LootingArson: return EventLayer::Violence;
        case Category::Casualties:
        case Category::Arrests: return EventLayer::Casualties;
        case Category::Curfew: return EventLayer::Curfew;
        case Category::StateOfEmergency: return EventLayer::Emergency;
        case Category::InternetBlackout: return EventLayer::Internet;
        case Category::CstoDeployment: return EventLayer::Csto;
        case Category::AirportClosure: return EventLayer::Airports;
        case Category::GovernmentAction:
        case Category::Mourning:
        case Category::Count: break;
    }
    return EventLayer::Government;
}

float eventAlpha(Interval iv, Instant t, Duration trail, bool cumulative) {
    if (t < iv.start) return 0.0f;
    if (t < iv.end) {
        const double since = static_cast<double>((t - iv.start).seconds);
        const double span = static_cast<double>(std::min(kFadeIn.seconds, (iv.end - iv.start).seconds));
        return span <= 0 ? 1.0f : static_cast<float>(std::min(1.0, 0.35 + 0.65 * since / span));
    }
    const double after = static_cast<double>((t - iv.end).seconds);
    const float floor = cumulative ? kCumulativeAlpha : 0.0f;
    if (trail.seconds <= 0) return floor;
    const float fading = static_cast<float>(std::max(0.0, 1.0 - after / static_cast<double>(trail.seconds)));
    return std::max(floor, fading);
}

float pulsePhase(Instant start, Instant t) {
    const std::int64_t p = kPulsePeriod.seconds;
    const std::int64_t d = ((t - start).seconds % p + p) % p;
    return static_cast<float>(d) / static_cast<float>(p);
}

float easeInOut(float x) {
    x = std::clamp(x, 0.0f, 1.0f);
    return x * x * (3.0f - 2.0f * x);
}

FrameLayers evaluateLayers(const LayerContext& ctx, Instant t, const EventLayerSettings& s) {
    FrameLayers out;
    out.time = t;
    const Dataset& data = *ctx.data;
    const TimelineIndex& index = *ctx.index;

    // Candidates: everything active now or ended within the trail (or ever, in cumulative mode).
    std::vector<std::uint32_t> ids;
    if (s.cumulative) {
        const auto [a, b] = index.startingIn(Instant{INT64_MIN / 2}, t + Duration{1});
        for (std::size_t i = a; i < b; ++i) ids.push_back(static_cast<std::uint32_t>(i));
    } else {
        index.overlapping(t - s.trail, t + Duration{1}, ids);
    }
    std::sort(ids.begin(), ids.end());
    std::vector<std::uint32_t> cstoNationwide;  // CSTO events placed on Kazakhstan as a whole

    // Places with violence in force turn their protests violent.
    std::set<Text> violentPlaces;  // interned: compared without copying a name
    for (auto i : ids) {
        const Event& e = data.events[i];
        const Interval iv = index.interval(i);
        if (isViolence(e.category) && iv.start <= t && t < iv.end && !e.place.name.empty()) violentPlaces.insert(e.place.name);
    }

    for (auto i : ids) {
        const Event& e = data.events[i];
        const EventLayer layer = layerOf(e.category);
        if (!s.visible(layer)) continue;
        if (ctx.shown && i < ctx.shown->size() && !(*ctx.shown)[i]) continue;
        const Interval iv = index.interval(i);
        const bool active = iv.start <= t && t < iv.end;
        // Inside its uncertain window an event is drawn as possibly under way, never as if it
        // had begun at midnight sharp.
        const bool uncertain = eventStateAt(e, iv, t) == EventState::Uncertain;
        const float areaAlpha = uncertain ? kUncertainAreaAlpha : 1.0f;
        const float alpha = eventAlpha(iv, t, s.trail, s.cumulative);
        if (alpha <= 0.0f) continue;
        const EventPosition& pos = (*ctx.places)[i];

        switch (e.category) {
            case Category::Curfew:
                // Shaded only during the nightly hours, night after night while in force.
                if (active && withinDailyHours(e, t)) {
                    // A recurring curfew's uncertainty is which night came first: only that night is
                    // drawn at half strength (its hours' assumptions are said on the badge).
                    const bool firstNight = uncertain && t < iv.start + Duration::days(1);
                    out.areas.push_back(AreaShade{i, AreaKind::Curfew, pos.regionIndex, firstNight ? kUncertainAreaAlpha : 1.0f,
                                                  1.0f, firstNight});
                    if (pos.xy) out.badges.push_back(Badge{BadgeKind::Curfew, i, *pos.xy, pos.regionIndex, curfewBadgeLines(e), 1.0f});
                }
                continue;
            case Category::StateOfEmergency:
                if (active) {
                    out.areas.push_back(AreaShade{i, AreaKind::Emergency, e.place.nationwide ? -1 : pos.regionIndex,
                                                  alpha * areaAlpha, 1.0f, uncertain});
                }
                continue;
            case Category::InternetBlackout:
                if (active) {
                    out.internet = e.status;
                    out.internetEvent = i;
                    if (e.status != ConnectivityStatus::Restored) {
                        out.areas.push_back(AreaShade{i, AreaKind::Internet, e.place.nationwide ? -1 : pos.regionIndex,
                                                      areaAlpha, e.status == ConnectivityStatus::Partial ? 0.5f : 1.0f,
                                                      uncertain});
                    }
                }
                continue;
            case Category::Mourning:
                if (active) out.banners.push_back(i);
                continue;
            default: break;
        }

        if (e.category == Category::CstoDeployment && abroad(e.place)) {
            // A dispatch from abroad: an airlift into Kazakhstan; the transport marker flies across
            // the event's interval.
            const double span = static_cast<double>((iv.end - iv.start).seconds);
            float progress = -1.0f;
            if (active && span > 0) {
                progress = easeInOut(static_cast<float>(static_cast<double>((t - iv.start).seconds) / span));
            }
            if (pos.xy) {
                out.airlifts.push_back(Airlift{i, *pos.xy, ctx.airlift.kazakhstan, progress, alpha, false, e.place.name});
                continue;
            }
            if (const BorderEntry* entry = ctx.airlift.entryFor(e.place.country)) {
                // Only the country is known: one schematic arrow per country, however many of its
                // events (announcement, dispatch) are in force.
                auto same = std::find_if(out.airlifts.begin(), out.airlifts.end(), [&](const Airlift& a) {
                    return a.approximate && a.country == e.place.name;
                });
                if (same == out.airlifts.end()) {
                    out.airlifts.push_back(Airlift{i, entry->crossing, entry->inside, progress, alpha, true, e.place.name});
                } else {
                    same->event = i;
                    same->alpha = std::max(same->alpha, alpha);
                    if (progress >= 0.0f) same->progress = progress;
                }
                continue;
            }
        }
        if (e.category == Category::CstoDeployment && e.place.nationwide) {
            cstoNationwide.push_back(i);
        }
        if (!pos.xy) {
            // Nationwide or placeless events have no symbol; while in force they are named in the
            // moment's lines, so that they are on screen somewhere (reports of casualties and
            // arrests are there already, in the counters).
            if (active && e.category != Category::Casualties && e.category != Category::Arrests) out.banners.push_back(i);
            continue;
        }
        EventMark m{};
        m.event = i;
        m.pos = *pos.xy;
        m.sizePx = markSize(e);
        m.alpha = alpha;
        m.pulse = -1.0f;
        m.uncertaintyMeters = pos.uncertaintyMeters;
        m.uncertainTime = uncertain;
        switch (e.category) {
            case Category::Protest: {
                const bool violent = e.violent.value_or(false) || violentPlaces.count(e.place.name) > 0;
                m.kind = violent ? MarkKind::ProtestViolent : MarkKind::Protest;
                // The pulse says "happening now": not while the sources cannot say so.
                if (active && !uncertain) m.pulse = pulsePhase(iv.start, t);
                break;
            }
            case Category::Clash: m.kind = MarkKind::Clash; break;
            case Category::LootingArson: m.kind = MarkKind::Arson; break;
            case Category::Casualties: m.kind = MarkKind::Casualty; break;
            case Category::Arrests: m.kind = MarkKind::Arrest; break;
            case Category::AirportClosure: m.kind = MarkKind::Airport; break;
            case Category::CstoDeployment: m.kind = MarkKind::Csto; break;
            default: m.kind = MarkKind::Government; break;
        }
        out.marks.push_back(m);
    }
    if (!cstoNationwide.empty()) out.badges.push_back(cstoBadge(data, index, cstoNationwide, t, s, ctx.airlift.kazakhstan));
    if (ctx.counters) out.counters = ctx.counters->at(t);
    return out;
}

}  // namespace qantar::core
