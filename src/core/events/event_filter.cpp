#include "core/events/event_filter.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace qantar::core {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool contains(const std::string& haystack, const std::string& needleLower) {
    return needleLower.empty() || lower(haystack).find(needleLower) != std::string::npos;
}

}  // namespace

bool EventFilter::active() const { return !search.empty() || !place.empty() || categoriesOn() < kCategoryCount; }

int EventFilter::categoriesOn() const {
    return static_cast<int>(std::count(categories.begin(), categories.end(), true));
}

bool EventFilter::matches(const Event& e) const {
    if (!categories[static_cast<std::size_t>(e.category)]) return false;
    if (!place.empty() && e.place.name != place) return false;
    const std::string q = lower(search);
    return contains(e.title, q) || contains(e.description, q) || contains(e.place.name, q) || contains(e.id, q) ||
           contains(e.site, q);
}

std::vector<std::uint8_t> filterMask(const Dataset& data, const EventFilter& filter) {
    std::vector<std::uint8_t> mask(data.events.size(), 1);
    if (!filter.active()) return mask;
    for (std::size_t i = 0; i < data.events.size(); ++i) mask[i] = filter.matches(data.events[i]) ? 1 : 0;
    return mask;
}

std::vector<std::string> eventPlaceNames(const Dataset& data) {
    std::set<std::string> names;
    for (const auto& e : data.events) {
        if (!e.place.name.empty()) names.insert(e.place.name);
    }
    return {names.begin(), names.end()};
}

}  // namespace qantar::core
