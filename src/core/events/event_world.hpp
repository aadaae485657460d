#pragma once
// A loaded dataset with everything derived from it for drawing and querying: the time index,
// map positions and counters. Built once per dataset; not movable (the parts point into it).
#include <memory>
#include <string>

#include "core/events/counters.hpp"
#include "core/events/event_places.hpp"
#include "core/events/events.hpp"
#include "core/events/layers.hpp"
#include "core/map/map_data.hpp"
#include "core/geo/projection.hpp"
#include "core/events/timeline.hpp"

namespace qantar::core {

class EventWorld {
public:
    EventWorld(Dataset data, const MapData& map, const Projection& projection);
    EventWorld(const EventWorld&) = delete;
    EventWorld& operator=(const EventWorld&) = delete;

    const Dataset& data() const { return m_data; }
    const TimelineIndex& index() const { return m_index; }
    const EventPlaces& places() const { return m_places; }
    const CounterIndex& counters() const { return m_counters; }
    // datasetTimeRange of the data: what the clock, the timeline and exports cover.
    const Interval& timeRange() const { return m_range; }
    LayerContext context() const;

    // The layers at `t`, of the events flagged in `shown` (one flag per event; null: all).
    FrameLayers layersAt(Instant t, const EventLayerSettings& settings,
                         const std::vector<std::uint8_t>* shown = nullptr) const;

private:
    Dataset m_data;
    TimelineIndex m_index;
    EventPlaces m_places;
    CounterIndex m_counters;
    Interval m_range;
    AirliftGeometry m_airlift;
};

// Loads a dataset file and builds its world; the first problem (with a count) on failure.
Expected<std::unique_ptr<EventWorld>> loadEventWorld(const std::string& path, const MapData& map,
                                                     const Projection& projection);

}  // namespace qantar::core
