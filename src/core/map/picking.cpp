#include "core/map/picking.hpp"

#include <algorithm>
#include <cmath>

namespace qantar::core {

std::vector<SymbolHit> pickSymbols(const SymbolLayout& layout, ScreenPx p) {
    std::vector<SymbolHit> hits;
    const double slop = kPickSlopPx * layout.pixelScale, least = kPickMinRadiusPx * layout.pixelScale;
    for (std::size_t i = 0; i < layout.symbols.size(); ++i) {
        const PlacedSymbol& s = layout.symbols[i];
        const double d = std::hypot(p.x - s.screen.x, p.y - s.screen.y);
        bool hit = d <= std::max(least, s.reachPx + slop);
        if (!hit && s.standsForStack && s.stack < layout.stacks.size()) {
            const SymbolStack& st = layout.stacks[s.stack];
            hit = std::hypot(p.x - st.badge.x, p.y - st.badge.y) <= st.badgeRadiusPx + slop;
        }
        if (hit) hits.push_back(SymbolHit{i, s.event, s.stack, d, s.standsForStack});
    }
    // Later symbols are drawn over earlier ones: on equal distances they come first.
    std::stable_sort(hits.begin(), hits.end(), [](const SymbolHit& a, const SymbolHit& b) {
        if (a.distancePx != b.distancePx) return a.distancePx < b.distancePx;
        return a.symbol > b.symbol;
    });
    return hits;
}

bool withinSpread(const SymbolLayout& layout, std::size_t stack, ScreenPx p, double marginPx) {
    if (stack >= layout.stacks.size()) return false;
    const SymbolStack& st = layout.stacks[stack];
    return std::hypot(p.x - st.screen.x, p.y - st.screen.y) <= st.reachPx + marginPx;
}

}  // namespace qantar::core
