#include "core/events/curfew_nights.hpp"

#include <algorithm>

namespace qantar::core {

std::vector<Interval> curfewNights(const Event& e, Interval active, Instant from, Instant to) {
    std::vector<Interval> nights;
    const Instant lo = std::max(active.start, from);
    const Instant hi = std::min(active.end, to);
    if (!(lo < hi)) return nights;
    if (!e.recurrence || e.recurrence->fromMinutes == e.recurrence->toMinutes) {
        nights.push_back(Interval{lo, hi});
        return nights;
    }
    const int fromMinutes = e.recurrence->fromMinutes;
    // A night that crosses midnight ends on the next day's wall clock.
    const int toMinutes = e.recurrence->toMinutes + (e.recurrence->toMinutes < fromMinutes ? 24 * 60 : 0);
    const Duration begins = Duration::minutes(fromMinutes);
    const Duration ends = Duration::minutes(toMinutes);
    // Start from the local day before `lo`: the night that began that evening may still be on.
    CivilTime day = toCivil(lo - Duration::days(1), e.localZone);
    day.hour = day.minute = day.second = 0;
    // Midnights step by whole days: the zone is a fixed offset, so every local day is 24 hours.
    for (Instant midnight = toInstant(day, e.localZone); midnight + begins < hi; midnight = midnight + Duration::days(1)) {
        const Instant a = std::max(midnight + begins, lo);
        const Instant b = std::min(midnight + ends, hi);
        if (a < b) nights.push_back(Interval{a, b});
    }
    return nights;
}

}  // namespace qantar::core
