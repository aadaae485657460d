#pragma once
// Time queries over a dataset's events, answered in O(log n + k) (k = number of results):
// a centred interval tree for "what is active at t", plus binary search over start times for
// "what starts in a window". Built once per dataset; queries allocate nothing when `out` has
// capacity.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/events/events.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

// How long an event without an `end` is shown, by precision: an instant is not invisible.
Duration instantDisplaySpan(Precision p);

// The effective interval of an event: [start, end), with instants widened by their display span.
struct Interval {
    Instant start;
    Instant end;
};
Interval effectiveInterval(const Event& e);

// The span of time the dataset speaks about: its `coverage`, every event's effective interval and
// the whole day of every figure's `as_of` (a toll reported as of 16 January reaches the end of
// 16 January, Almaty time). The clock, the timeline and the exports run over this, so no report
// in the data is out of reach.
Interval datasetTimeRange(const Dataset& data);

// For curfews: whether the local wall-clock time of `t` (in the event's zone) lies in the nightly
// hours [from, to), which may cross midnight: whether `t` falls in one of curfewNights' nights.
// Events without a recurrence: always true.
bool withinDailyHours(const Event& e, Instant t);

class TimelineIndex {
public:
    TimelineIndex() = default;
    // `intervals[i]` is event i's effective interval; `starts` must be sorted ascending (a
    // Dataset's events are).
    explicit TimelineIndex(std::vector<Interval> intervals);
    static TimelineIndex forEvents(const std::vector<Event>& events);

    std::size_t size() const { return m_intervals.size(); }
    const Interval& interval(std::size_t i) const { return m_intervals[i]; }

    // Appends the indices of intervals containing t (start <= t < end), unordered.
    void activeAt(Instant t, std::vector<std::uint32_t>& out) const;
    // Appends the indices of intervals overlapping [t0, t1), unordered, each once.
    void overlapping(Instant t0, Instant t1, std::vector<std::uint32_t>& out) const;
    // Index range [first, last) of intervals whose start lies in [t0, t1).
    std::pair<std::size_t, std::size_t> startingIn(Instant t0, Instant t1) const;
    // The first start strictly after t / the last start strictly before t, among the events
    // flagged in `shown` (one flag per event, as the list's filter gives; null: all events).
    std::optional<Instant> nextStartAfter(Instant t, const std::vector<std::uint8_t>* shown = nullptr) const;
    std::optional<Instant> previousStartBefore(Instant t, const std::vector<std::uint8_t>* shown = nullptr) const;

private:
    struct Node {
        std::int64_t center;
        std::uint32_t byStartBegin, byStartEnd;  // range in m_byStart (sorted by start ascending)
        std::uint32_t byEndBegin, byEndEnd;      // range in m_byEnd (sorted by end descending)
        std::int32_t left = -1, right = -1;
    };
    std::int32_t build(std::vector<std::uint32_t>& items);

    std::vector<Interval> m_intervals;
    std::vector<std::int64_t> m_starts;  // sorted, parallel to m_intervals
    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_byStart, m_byEnd;
    std::int32_t m_root = -1;
};

// Events shown at a moment: active (curfews only during their hours), sorted by start.
std::vector<std::uint32_t> eventsShownAt(const Dataset& data, const TimelineIndex& index, Instant t);

}  // namespace qantar::core
