#include "core/events/stacks.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/events/map_tags.hpp"

namespace qantar::core {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Which member of a collapsed stack is drawn for it: violence first, as the most telling.
int kindRank(MarkKind k) {
    switch (k) {
        case MarkKind::ProtestViolent: return 8;
        case MarkKind::Clash: return 7;
        case MarkKind::Arson: return 6;
        case MarkKind::Casualty: return 5;
        case MarkKind::Protest: return 4;
        case MarkKind::Arrest: return 3;
        case MarkKind::Airport: return 2;
        case MarkKind::Csto: return 1;
        case MarkKind::Government:
        case MarkKind::Count: break;
    }
    return 0;
}

double distance(ScreenPx a, ScreenPx b) { return std::hypot(a.x - b.x, a.y - b.y); }

// The spread of a stack: offsets of its members (in its order) and how far they reach.
struct Spread {
    std::vector<ScreenPx> offsets;
    float reachPx = 0.0f;
};

Spread spreadOf(const std::vector<float>& reach, float scale) {
    Spread s;
    s.offsets = spreadOffsets(reach, kSpreadGapPx * scale, kSpreadClearPx * scale);
    for (std::size_t i = 0; i < reach.size(); ++i) {
        s.reachPx = std::max(s.reachPx, static_cast<float>(std::hypot(s.offsets[i].x, s.offsets[i].y)) + reach[i]);
    }
    return s;
}

}  // namespace

float symbolReachPx(MarkKind kind, float sizePx, float pixelScale) {
    // As event.frag draws them: a violent protest's spiky ring reaches 1.55 radii and the star's
    // tips 1.2; the other shapes stay within about 1.25 radii (the diamond's corners); an outline
    // and an anti-aliased edge of about 2 px go round each.
    float k = 1.25f;
    if (kind == MarkKind::ProtestViolent) k = 1.55f;
    return (sizePx * k + 2.0f) * pixelScale;
}

std::vector<ScreenPx> spreadOffsets(const std::vector<float>& reach, float gap, float clear) {
    const std::size_t n = reach.size();
    std::vector<ScreenPx> out(n);
    if (n == 0) return out;
    const float maxReach = *std::max_element(reach.begin(), reach.end());
    // Screen y points down: the angle runs clockwise from straight up.
    auto at = [](double radius, double angle) { return ScreenPx{radius * std::sin(angle), -radius * std::cos(angle)}; };
    if (n == 1) {
        out[0] = at(clear + reach[0], 0.0);
        return out;
    }
    if (n <= kSpreadCircleMax) {
        // Each neighbour pair gets an arc in proportion to the room it needs; the radius is the
        // smallest at which every chord is long enough, and never so small that a symbol covers
        // the place.
        std::vector<double> need(n), angle(n);
        double total = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            need[i] = reach[i] + reach[(i + 1) % n] + gap;
            total += need[i];
        }
        double radius = clear + maxReach;
        for (std::size_t i = 0; i < n; ++i) {
            const double theta = 2.0 * kPi * need[i] / total;
            // A chord of 2 r sin(θ/2); with two symbols the "chord" is the diameter either way.
            radius = std::max(radius, need[i] / (2.0 * std::sin(std::min(theta, kPi) / 2.0)));
        }
        double a = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            out[i] = at(radius, a);
            a += 2.0 * kPi * need[i] / total;
        }
        return out;
    }
    // An Archimedean spiral r = r0 + b θ whose turns lie far enough apart for the largest symbol
    // on either side, walked in steps that keep neighbours apart. Its first turn starts clear of
    // the place.
    const double b = (2.0 * maxReach + gap) * 1.05 / (2.0 * kPi);
    const double r0 = clear + 2.0 * maxReach;
    double theta = 0.0;
    out[0] = at(r0, 0.0);
    for (std::size_t i = 1; i < n; ++i) {
        const double want = reach[i - 1] + reach[i] + gap;
        double step = want / (r0 + b * theta);
        ScreenPx p = at(r0 + b * (theta + step), theta + step);
        // The chord is shorter than the arc the step was sized by: lengthen until it is long enough.
        while (distance(p, out[i - 1]) < want) {
            step *= 1.02;
            p = at(r0 + b * (theta + step), theta + step);
        }
        theta += step;
        out[i] = p;
    }
    return out;
}

std::optional<std::size_t> SymbolLayout::stackAt(MapXY place) const {
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        if (stacks[i].place.x == place.x && stacks[i].place.y == place.y) return i;
    }
    for (const auto& s : symbols) {
        if (s.homeAt.x == place.x && s.homeAt.y == place.y) return s.stack;
    }
    return std::nullopt;
}

std::optional<std::size_t> SymbolLayout::symbolOf(std::uint32_t event) const {
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        if (symbols[i].event == event) return i;
    }
    return std::nullopt;
}

SymbolLayout layoutSymbols(const std::vector<EventMark>& marks, const Camera& camera, const SymbolLayoutOptions& o) {
    SymbolLayout L;
    const float scale = o.pixelScale > 0.0f ? o.pixelScale : 1.0f;
    L.pixelScale = scale;
    if (marks.size() > kMaxLaidOutMarks) return L;
    const double w = camera.widthPx(), h = camera.heightPx(), margin = o.cullMarginPx;

    // Marks at one map point.
    struct Spot {
        MapXY pos;
        ScreenPx screen;
        std::vector<std::uint32_t> marks;
        int stack = -1;
    };
    std::vector<Spot> places;
    {
        // The marks in view, sorted by place (then by mark, so each place lists its marks in time
        // order and the places come in a fixed order).
        std::vector<std::uint32_t> inView;
        // Closed airports drawn as signs beside their cities (map_tags) are not symbols of a stack.
        const bool airportsApart = airportsAreTags(marks);
        for (std::uint32_t i = 0; i < marks.size(); ++i) {
            if (airportsApart && marks[i].kind == MarkKind::Airport) continue;
            const ScreenPx s = camera.toScreen(marks[i].pos);
            if (s.x > -margin && s.y > -margin && s.x < w + margin && s.y < h + margin) inView.push_back(i);
        }
        std::sort(inView.begin(), inView.end(), [&](std::uint32_t a, std::uint32_t b) {
            const MapXY pa = marks[a].pos, pb = marks[b].pos;
            if (pa.x != pb.x) return pa.x < pb.x;
            if (pa.y != pb.y) return pa.y < pb.y;
            return a < b;
        });
        for (std::uint32_t i : inView) {
            const MapXY p = marks[i].pos;
            if (places.empty() || places.back().pos.x != p.x || places.back().pos.y != p.y) {
                places.push_back(Spot{p, camera.toScreen(p), {}, -1});
            }
            places.back().marks.push_back(i);
        }
    }

    // Places closer on screen than kStackMergePx join the place with the most marks near them
    // (on a tie the one whose events came first); a grid of that size finds the neighbours.
    const double mergePx = kStackMergePx * scale;
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> grid;
    auto cellKey = [&](long long cx, long long cy) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(cx)) << 32) | static_cast<std::uint32_t>(cy);
    };
    auto cellOf = [&](ScreenPx s) {
        return std::pair<long long, long long>{static_cast<long long>(std::floor(s.x / mergePx)),
                                               static_cast<long long>(std::floor(s.y / mergePx))};
    };
    for (std::size_t i = 0; i < places.size(); ++i) {
        const auto [cx, cy] = cellOf(places[i].screen);
        grid[cellKey(cx, cy)].push_back(i);
    }
    std::vector<std::size_t> order(places.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return places[a].marks.size() > places[b].marks.size(); });
    for (std::size_t pi : order) {
        Spot& anchor = places[pi];
        if (anchor.stack >= 0) continue;
        anchor.stack = static_cast<int>(L.stacks.size());
        SymbolStack st;
        st.place = anchor.pos;
        st.screen = anchor.screen;
        st.marks = anchor.marks;
        const auto [cx, cy] = cellOf(anchor.screen);
        for (long long dx = -1; dx <= 1; ++dx) {
            for (long long dy = -1; dy <= 1; ++dy) {
                auto it = grid.find(cellKey(cx + dx, cy + dy));
                if (it == grid.end()) continue;
                for (std::size_t qi : it->second) {
                    Spot& q = places[qi];
                    if (q.stack >= 0 || distance(q.screen, anchor.screen) >= mergePx) continue;
                    q.stack = anchor.stack;
                    st.marks.insert(st.marks.end(), q.marks.begin(), q.marks.end());
                }
            }
        }
        std::sort(st.marks.begin(), st.marks.end());
        st.state = st.marks.size() > 1 ? StackState::Collapsed : StackState::Single;
        L.stacks.push_back(std::move(st));
    }

    // Reaches and spreads.
    auto reachOf = [&](std::uint32_t m) { return symbolReachPx(marks[m].kind, marks[m].sizePx, scale); };
    auto spreadSize = [&](std::uint32_t m) { return std::min(marks[m].sizePx, kSpreadMaxSizePx); };
    auto spreadReachOf = [&](std::uint32_t m) { return symbolReachPx(marks[m].kind, spreadSize(m), scale); };
    std::vector<Spread> spreads(L.stacks.size());
    std::vector<float> footprint(L.stacks.size(), 0.0f);  // how far a stack reaches as it is drawn
    for (std::size_t i = 0; i < L.stacks.size(); ++i) {
        SymbolStack& st = L.stacks[i];
        for (auto m : st.marks) footprint[i] = std::max(footprint[i], reachOf(m));
        if (st.count() < 2 || st.count() > kSpreadMax) continue;
        std::vector<float> reach;
        for (auto m : st.marks) reach.push_back(spreadReachOf(m));
        spreads[i] = spreadOf(reach, scale);
    }

    // Spread by the zoom: the largest stacks first, each only when its spread stays near its place
    // on the ground and clear of every other stack as drawn so far (a pointer's spread is laid on
    // top afterwards, so that it never folds the stacks around it).
    std::vector<std::size_t> byCount(L.stacks.size());
    std::iota(byCount.begin(), byCount.end(), 0);
    std::stable_sort(byCount.begin(), byCount.end(),
                     [&](std::size_t a, std::size_t b) { return L.stacks[a].count() > L.stacks[b].count(); });
    const double gap = kSpreadGapPx * scale;
    // The stacks near a point come from a coarse grid, so that a frame of thousands of places is
    // not compared pair by pair.
    const double cellPx = 64.0 * scale;
    float widest = 0.0f;  // the largest footprint, a spread's included
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> coarse;
    auto coarseOf = [&](ScreenPx p) {
        return std::pair<long long, long long>{static_cast<long long>(std::floor(p.x / cellPx)),
                                               static_cast<long long>(std::floor(p.y / cellPx))};
    };
    for (std::size_t i = 0; i < L.stacks.size(); ++i) {
        const auto [cx, cy] = coarseOf(L.stacks[i].screen);
        coarse[cellKey(cx, cy)].push_back(i);
        widest = std::max(widest, footprint[i]);
    }
    for (std::size_t i : byCount) {
        SymbolStack& st = L.stacks[i];
        if (spreads[i].offsets.empty()) continue;
        const double reach = spreads[i].reachPx;
        if (reach * camera.metersPerPixel() > kAutoSpreadGroundMeters) continue;
        const double look = reach + std::max(static_cast<double>(widest), reach) + gap;
        const auto [cx, cy] = coarseOf(st.screen);
        const auto cells = static_cast<long long>(std::ceil(look / cellPx));
        bool room = true;
        for (long long dx = -cells; dx <= cells && room; ++dx) {
            for (long long dy = -cells; dy <= cells && room; ++dy) {
                auto it = coarse.find(cellKey(cx + dx, cy + dy));
                if (it == coarse.end()) continue;
                for (std::size_t j : it->second) {
                    if (j != i && distance(st.screen, L.stacks[j].screen) < reach + footprint[j] + gap) room = false;
                }
            }
        }
        if (!room) continue;
        st.state = StackState::Spread;
        footprint[i] = static_cast<float>(reach);
        widest = std::max(widest, footprint[i]);
    }
    // The pointer names a stack by its place, or by one of its members' places (what stacks
    // together changes with the zoom).
    std::size_t pointer = L.stacks.size();  // none
    if (o.spreadByPointer) {
        std::optional<std::size_t> at;
        const MapXY want = *o.spreadByPointer;
        for (std::size_t i = 0; i < L.stacks.size() && !at; ++i) {
            if (L.stacks[i].place.x == want.x && L.stacks[i].place.y == want.y) at = i;
        }
        for (std::size_t i = 0; i < L.stacks.size() && !at; ++i) {
            for (auto m : L.stacks[i].marks) {
                if (marks[m].pos.x == want.x && marks[m].pos.y == want.y) at = i;
            }
        }
        if (at && !spreads[*at].offsets.empty()) {
            pointer = *at;
            L.stacks[pointer].state = StackState::Spread;
            L.stacks[pointer].byPointer = true;
        }
    }

    // Symbols: single and collapsed first, in time order, then the spread stacks, then the pointer's.
    std::vector<PlacedSymbol> spread, top;
    auto base = [&](std::uint32_t m, std::size_t stack) {
        PlacedSymbol s;
        s.mark = m;
        s.event = marks[m].event;
        s.stack = static_cast<std::uint32_t>(stack);
        s.homeAt = marks[m].pos;
        s.home = camera.toScreen(marks[m].pos);
        s.sizePx = marks[m].sizePx;
        s.reachPx = reachOf(m);
        s.selected = o.selectedEvent && *o.selectedEvent == marks[m].event;
        s.pointed = o.pointedEvent && *o.pointedEvent == marks[m].event;
        return s;
    };
    std::vector<std::pair<std::uint32_t, PlacedSymbol>> flatByMark;
    for (std::size_t i = 0; i < L.stacks.size(); ++i) {
        SymbolStack& st = L.stacks[i];
        if (st.state == StackState::Spread) {
            st.reachPx = spreads[i].reachPx;
            auto& into = i == pointer ? top : spread;
            for (std::size_t k = 0; k < st.marks.size(); ++k) {
                PlacedSymbol s = base(st.marks[k], i);
                s.screen = ScreenPx{st.screen.x + spreads[i].offsets[k].x, st.screen.y + spreads[i].offsets[k].y};
                s.drawAt = camera.toMap(s.screen);
                s.sizePx = spreadSize(st.marks[k]);
                s.reachPx = spreadReachOf(st.marks[k]);
                s.spread = true;
                into.push_back(s);
            }
            continue;
        }
        // One symbol: the member that tells most.
        std::uint32_t best = st.marks.front();
        auto better = [&](std::uint32_t a, std::uint32_t b) {  // a tells more than b
            const bool sa = o.selectedEvent && marks[a].event == *o.selectedEvent;
            const bool sb = o.selectedEvent && marks[b].event == *o.selectedEvent;
            if (sa != sb) return sa;
            const bool fa = marks[a].alpha >= 0.99f, fb = marks[b].alpha >= 0.99f;
            if (fa != fb) return fa;
            const int ra = kindRank(marks[a].kind), rb = kindRank(marks[b].kind);
            if (ra != rb) return ra > rb;
            return a > b;
        };
        for (auto m : st.marks) {
            if (better(m, best)) best = m;
        }
        PlacedSymbol s = base(best, i);
        s.screen = st.screen;
        s.drawAt = st.place;
        s.standsForStack = st.state == StackState::Collapsed;
        st.reachPx = s.reachPx;
        if (s.standsForStack) {
            int digits = 1;
            for (std::size_t c = st.count(); c >= 10; c /= 10) ++digits;
            st.badgeRadiusPx = (7.5f + 2.5f * static_cast<float>(digits - 1)) * scale;
            const double d = s.reachPx * 0.62;
            st.badge = ScreenPx{st.screen.x + d + st.badgeRadiusPx * 0.35, st.screen.y - d - st.badgeRadiusPx * 0.35};
        }
        flatByMark.emplace_back(best, s);
    }
    std::sort(flatByMark.begin(), flatByMark.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [m, s] : flatByMark) L.symbols.push_back(s);
    L.symbols.insert(L.symbols.end(), spread.begin(), spread.end());
    L.symbols.insert(L.symbols.end(), top.begin(), top.end());
    return L;
}

}  // namespace qantar::core
