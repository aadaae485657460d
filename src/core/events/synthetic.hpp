#pragma once
// Synthetic event data for benchmarks: `count` events around Kazakhstan's key cities over
// 1–12 January 2022, with a realistic mix of categories, precisions and durations (minutes to
// days). Deterministic for a seed. Not for display as fact: titles say "Synthetic event".
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/events/events.hpp"

namespace qantar::core {

Dataset makeSyntheticDataset(std::size_t count, std::uint64_t seed = 1);

// The key cities the synthetic events are placed around (assets/geo/places.geojson).
struct SyntheticCity {
    const char* name;
    double lon, lat;
    const char* region;  // ISO 3166-2
};
const std::vector<SyntheticCity>& syntheticCities();

}  // namespace qantar::core
