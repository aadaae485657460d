#include "core/events/event_places.hpp"

#include "core/map/triangulation.hpp"

#include <cmath>

#include "core/map/mesh.hpp"

namespace qantar::core {

namespace {
// Radii of the uncertainty halo for a source's geo precision 2 and 3 (ACLED's codebook: a nearby
// town, or a larger region's capital or natural location).
constexpr double kNearTownMeters = 25000.0;
constexpr double kLargerRegionMeters = 120000.0;
}  // namespace

EventPlaces::EventPlaces(const Dataset& data, const MapData& map, const Projection& projection) {
    m_positions.reserve(data.events.size());
    for (const Event& e : data.events) {
        EventPosition pos;
        for (std::size_t r = 0; r < map.regions.size(); ++r) {
            if (!e.place.region.empty() && map.regions[r].iso == e.place.region) pos.regionIndex = static_cast<int>(r);
        }
        if (e.place.lonLat) {
            pos.xy = projection.project(*e.place.lonLat);
            // A source's own location precision: "near the town" (2) or "somewhere in a larger
            // region" (3) is drawn with a halo, never as a precise dot.
            if (e.geoPrecision == 2) pos.uncertaintyMeters = kNearTownMeters;
            if (e.geoPrecision >= 3) pos.uncertaintyMeters = kLargerRegionMeters;
        } else if (pos.regionIndex >= 0 && !e.place.nationwide) {
            const Region& region = map.regions[static_cast<std::size_t>(pos.regionIndex)];
            const MapPolygon* largest = nullptr;
            double best = -1;
            for (const auto& p : region.polygons) {
                const double a = polygonArea(p);
                if (a > best) {
                    best = a;
                    largest = &p;
                }
            }
            if (largest) {
                pos.xy = polygonLabelPoint(*largest);
                // Half the side of a square of the region's area: "somewhere in this region".
                pos.uncertaintyMeters = 0.5 * std::sqrt(best);
            }
        }
        if (e.place.nationwide) pos.xy.reset();
        m_positions.push_back(pos);
    }
}

}  // namespace qantar::core
