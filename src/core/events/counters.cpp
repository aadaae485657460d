#include "core/events/counters.hpp"

#include <algorithm>

namespace qantar::core {

CounterIndex::CounterIndex(const Dataset& data) {
    for (const Event& e : data.events) {
        for (const Figure& f : e.figures) m_reports.push_back(CounterReport{f.lower(), f.upper(), &f, &e});
    }
    std::stable_sort(m_reports.begin(), m_reports.end(), [](const CounterReport& a, const CounterReport& b) {
        return a.figure->asOfInstant < b.figure->asOfInstant;
    });
}

Counters CounterIndex::at(Instant t) const {
    Counters out;
    const auto end = std::upper_bound(m_reports.begin(), m_reports.end(), t, [](Instant x, const CounterReport& r) {
        return x < r.figure->asOfInstant;
    });
    std::array<bool, kFigureKindCount> haveTotal{};
    for (auto it = m_reports.begin(); it != end; ++it) haveTotal[static_cast<std::size_t>(it->figure->kind)] |= it->figure->isTotal();
    for (auto it = m_reports.begin(); it != end; ++it) {
        const auto k = static_cast<std::size_t>(it->figure->kind);
        Counter& c = out.byKind[k];
        c.reports.push_back(*it);
        if (std::find(c.sources.begin(), c.sources.end(), it->figure->source) == c.sources.end()) {
            c.sources.push_back(it->figure->source);
        }
        if (haveTotal[k] && !it->figure->isTotal()) continue;
        if (!c.any) {
            c.min = it->lower;
            c.max = it->upper;
            c.any = true;
        } else {
            c.min = std::min(c.min, it->lower);
            c.max = std::max(c.max, it->upper);
        }
        c.partial = !haveTotal[k];
    }
    return out;
}

std::string formatCount(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return n < 0 ? "-" + out : out;
}

std::string formatRange(const Counter& c) {
    if (!c.any) return "none reported";
    std::string s = c.min == c.max ? formatCount(c.min) : formatCount(c.min) + "\xE2\x80\x93" + formatCount(c.max);
    if (c.partial) s += " (partial)";
    return s;
}

}  // namespace qantar::core
