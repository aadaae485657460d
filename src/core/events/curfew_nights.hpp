#pragma once
// A recurring curfew's nights: the one definition of when a curfew is in force, shared by the
// timeline's bands and the question "is it in force at t" (withinDailyHours).
#include <vector>

#include "core/events/events.hpp"
#include "core/events/timeline.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

// The intervals [start, end) during which `e` is in force within `active` (normally its
// effectiveInterval) that overlap [from, to), each clipped to both, in time order.
// With a recurrence, one interval per night: from e.recurrence->fromMinutes to toMinutes on the
// wall clock of e.localZone, crossing midnight when from > to; a night already under way at the
// start of `active`, or still running at its end, is cut there. Without a recurrence, or with
// from == to, the whole of `active` is one interval. Empty when `active` or [from, to) is empty
// or they do not meet. Precondition: fromMinutes and toMinutes lie in [0, 1440).
std::vector<Interval> curfewNights(const Event& e, Interval active, Instant from, Instant to);

}  // namespace qantar::core
