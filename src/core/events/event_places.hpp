#pragma once
// Where each event is drawn: its own lon/lat when it has one, else its region's label point with
// an uncertainty radius the size of the region; nationwide events have no point.
#include <optional>
#include <vector>

#include "core/events/events.hpp"
#include "core/map/map_data.hpp"
#include "core/geo/projection.hpp"

namespace qantar::core {

struct EventPosition {
    std::optional<MapXY> xy;       // none for nationwide events
    double uncertaintyMeters = 0;  // radius of "somewhere here": 0 for a city point
    int regionIndex = -1;          // index into MapData::regions, when the event names a region
};

class EventPlaces {
public:
    EventPlaces() = default;
    EventPlaces(const Dataset& data, const MapData& map, const Projection& projection);
    const EventPosition& operator[](std::size_t event) const { return m_positions[event]; }
    std::size_t size() const { return m_positions.size(); }

private:
    std::vector<EventPosition> m_positions;
};

}  // namespace qantar::core
