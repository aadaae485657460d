#pragma once
// Which events the user asked to see: a search text, categories and a place. The same filter
// narrows the event list, the map's symbols and shaded areas, the timeline's lanes and the
// previous/next-event steps; the counters are never filtered (they are what the sources report).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/events/events.hpp"

namespace qantar::core {

struct EventFilter {
    std::string search;  // case-insensitive (ASCII letters), in titles, descriptions, places, sites and ids
    std::array<bool, kCategoryCount> categories{true, true, true, true, true, true,
                                                true, true, true, true, true, true};
    std::string place;   // a place name exactly as the events give it; empty: every place

    // True when the filter hides anything at all.
    bool active() const;
    bool matches(const Event& e) const;
    // How many categories are on.
    int categoriesOn() const;
    bool operator==(const EventFilter& o) const {
        return search == o.search && categories == o.categories && place == o.place;
    }
    bool operator!=(const EventFilter& o) const { return !(*this == o); }
};

// One flag per event of `data` (1: shown), in event order.
std::vector<std::uint8_t> filterMask(const Dataset& data, const EventFilter& filter);

// The place names the events give, sorted, each once (what the place filter offers).
std::vector<std::string> eventPlaceNames(const Dataset& data);

}  // namespace qantar::core
