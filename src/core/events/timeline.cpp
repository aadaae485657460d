#include "core/events/timeline.hpp"

#include <algorithm>

#include "core/events/curfew_nights.hpp"

namespace qantar::core {

Duration instantDisplaySpan(Precision p) {
    switch (p) {
        case Precision::Exact:
        case Precision::Hour: return Duration::hours(1);
        case Precision::Day:
        case Precision::Approximate: return Duration::days(1);
    }
    return Duration::hours(1);
}

Interval effectiveInterval(const Event& e) {
    if (e.hasEnd && e.start < e.end) return Interval{e.start, e.end};
    return Interval{e.start, e.start + instantDisplaySpan(e.precision)};
}

Interval datasetTimeRange(const Dataset& data) {
    Interval r{data.coverageStart, data.coverageEnd};
    auto take = [&r](Instant a, Instant b) {
        r.start = std::min(r.start, a);
        r.end = std::max(r.end, b);
    };
    for (const Event& e : data.events) {
        const Interval iv = effectiveInterval(e);
        take(iv.start, iv.end);
        for (const Figure& f : e.figures) {
            if (f.asOf.empty()) continue;
            // A bare date is the whole day; a written time (imports may give one) is that instant.
            const bool dateOnly = f.asOf.size() <= 10;
            take(f.asOfInstant, dateOnly ? f.asOfInstant + Duration::days(1) : f.asOfInstant + Duration{1});
        }
    }
    return r;
}

bool withinDailyHours(const Event& e, Instant t) {
    if (!e.recurrence) return true;
    // The nights the timeline draws decide, so the map and the timeline never disagree.
    const Instant next = t + Duration{1};
    return !curfewNights(e, Interval{t, next}, t, next).empty();
}

TimelineIndex TimelineIndex::forEvents(const std::vector<Event>& events) {
    std::vector<Interval> iv;
    iv.reserve(events.size());
    for (const auto& e : events) iv.push_back(effectiveInterval(e));
    return TimelineIndex(std::move(iv));
}

TimelineIndex::TimelineIndex(std::vector<Interval> intervals) : m_intervals(std::move(intervals)) {
    m_starts.reserve(m_intervals.size());
    for (const auto& i : m_intervals) m_starts.push_back(i.start.unixSeconds);
    std::vector<std::uint32_t> all(m_intervals.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    m_byStart.reserve(all.size());
    m_byEnd.reserve(all.size());
    m_root = build(all);
}

std::int32_t TimelineIndex::build(std::vector<std::uint32_t>& items) {
    if (items.empty()) return -1;
    // Centre: the median start of this subset, so each side holds at most half of it.
    std::vector<std::int64_t> starts;
    starts.reserve(items.size());
    for (auto i : items) starts.push_back(m_intervals[i].start.unixSeconds);
    auto mid = starts.begin() + static_cast<std::ptrdiff_t>(starts.size() / 2);
    std::nth_element(starts.begin(), mid, starts.end());
    const std::int64_t center = *mid;

    std::vector<std::uint32_t> left, right, here;
    for (auto i : items) {
        const Interval& iv = m_intervals[i];
        if (iv.end.unixSeconds <= center) left.push_back(i);
        else if (iv.start.unixSeconds > center) right.push_back(i);
        else here.push_back(i);
    }
    items.clear();
    items.shrink_to_fit();

    Node node;
    node.center = center;
    std::sort(here.begin(), here.end(),
              [&](auto a, auto b) { return m_intervals[a].start < m_intervals[b].start; });
    node.byStartBegin = static_cast<std::uint32_t>(m_byStart.size());
    m_byStart.insert(m_byStart.end(), here.begin(), here.end());
    node.byStartEnd = static_cast<std::uint32_t>(m_byStart.size());
    std::sort(here.begin(), here.end(), [&](auto a, auto b) { return m_intervals[a].end > m_intervals[b].end; });
    node.byEndBegin = static_cast<std::uint32_t>(m_byEnd.size());
    m_byEnd.insert(m_byEnd.end(), here.begin(), here.end());
    node.byEndEnd = static_cast<std::uint32_t>(m_byEnd.size());

    const auto index = static_cast<std::int32_t>(m_nodes.size());
    m_nodes.push_back(node);
    const std::int32_t l = build(left);
    const std::int32_t r = build(right);
    m_nodes[static_cast<std::size_t>(index)].left = l;
    m_nodes[static_cast<std::size_t>(index)].right = r;
    return index;
}

void TimelineIndex::activeAt(Instant t, std::vector<std::uint32_t>& out) const {
    const std::int64_t x = t.unixSeconds;
    std::int32_t n = m_root;
    while (n >= 0) {
        const Node& node = m_nodes[static_cast<std::size_t>(n)];
        if (x < node.center) {
            // Every interval here ends after the centre, so after x: report those started by x.
            for (std::uint32_t k = node.byStartBegin; k < node.byStartEnd; ++k) {
                const std::uint32_t i = m_byStart[k];
                if (m_intervals[i].start.unixSeconds > x) break;
                out.push_back(i);
            }
            n = node.left;
        } else {
            // Every interval here starts at or before the centre, so by x: report those not yet ended.
            for (std::uint32_t k = node.byEndBegin; k < node.byEndEnd; ++k) {
                const std::uint32_t i = m_byEnd[k];
                if (m_intervals[i].end.unixSeconds <= x) break;
                out.push_back(i);
            }
            n = node.right;
        }
    }
}

std::pair<std::size_t, std::size_t> TimelineIndex::startingIn(Instant t0, Instant t1) const {
    const auto a = std::lower_bound(m_starts.begin(), m_starts.end(), t0.unixSeconds);
    const auto b = std::lower_bound(a, m_starts.end(), t1.unixSeconds);
    return {static_cast<std::size_t>(a - m_starts.begin()), static_cast<std::size_t>(b - m_starts.begin())};
}

void TimelineIndex::overlapping(Instant t0, Instant t1, std::vector<std::uint32_t>& out) const {
    if (!(t0 < t1)) return;
    // Overlapping [t0, t1) = active at t0, plus those starting inside (t0, t1); the two are disjoint.
    activeAt(t0, out);
    const auto [a, b] = startingIn(t0 + Duration{1}, t1);
    for (std::size_t i = a; i < b; ++i) out.push_back(static_cast<std::uint32_t>(i));
}

std::optional<Instant> TimelineIndex::nextStartAfter(Instant t, const std::vector<std::uint8_t>* shown) const {
    auto it = std::upper_bound(m_starts.begin(), m_starts.end(), t.unixSeconds);
    auto hidden = [&](auto i) {
        const auto k = static_cast<std::size_t>(i - m_starts.begin());
        return shown && k < shown->size() && !(*shown)[k];
    };
    while (it != m_starts.end() && hidden(it)) ++it;
    if (it == m_starts.end()) return std::nullopt;
    return Instant{*it};
}

std::optional<Instant> TimelineIndex::previousStartBefore(Instant t, const std::vector<std::uint8_t>* shown) const {
    auto it = std::lower_bound(m_starts.begin(), m_starts.end(), t.unixSeconds);
    auto hidden = [&](auto i) {
        const auto k = static_cast<std::size_t>(i - m_starts.begin());
        return shown && k < shown->size() && !(*shown)[k];
    };
    while (it != m_starts.begin() && hidden(it - 1)) --it;
    if (it == m_starts.begin()) return std::nullopt;
    return Instant{*(it - 1)};
}

std::vector<std::uint32_t> eventsShownAt(const Dataset& data, const TimelineIndex& index, Instant t) {
    std::vector<std::uint32_t> out;
    index.activeAt(t, out);
    out.erase(std::remove_if(out.begin(), out.end(), [&](std::uint32_t i) { return !withinDailyHours(data.events[i], t); }),
              out.end());
    std::sort(out.begin(), out.end());  // events are sorted by start, so indices are too
    return out;
}

}  // namespace qantar::core
