#include "core/events/event_world.hpp"

#include "core/events/event_format.hpp"
#include "core/map/mesh.hpp"
#include "core/map/triangulation.hpp"

namespace qantar::core {

EventWorld::EventWorld(Dataset data, const MapData& map, const Projection& projection)
    : m_data(std::move(data)),
      m_index(TimelineIndex::forEvents(m_data.events)),
      m_places(m_data, map, projection),
      m_counters(m_data),
      m_range(datasetTimeRange(m_data)) {
    // Airlifts whose destination is only "Kazakhstan" end at the country's label point.
    const MapPolygon* largest = nullptr;
    double best = -1.0;
    for (const auto& c : map.countries) {
        if (c.iso3 != "KAZ") continue;
        for (const auto& p : c.polygons) {
            const double a = polygonArea(p);
            if (a > best) {
                best = a;
                largest = &p;
            }
        }
    }
    m_airlift.kazakhstan = largest ? polygonLabelPoint(*largest) : map.kazakhstanBox.center();
}

LayerContext EventWorld::context() const {
    LayerContext c;
    c.data = &m_data;
    c.index = &m_index;
    c.places = &m_places;
    c.counters = &m_counters;
    c.airlift = m_airlift;
    return c;
}

FrameLayers EventWorld::layersAt(Instant t, const EventLayerSettings& settings,
                                 const std::vector<std::uint8_t>* shown) const {
    LayerContext c = context();
    c.shown = shown;
    return evaluateLayers(c, t, settings);
}

Expected<std::unique_ptr<EventWorld>> loadEventWorld(const std::string& path, const MapData& map,
                                                     const Projection& projection) {
    auto data = loadDatasetOrError(path);
    if (!data) return data.error();
    return std::make_unique<EventWorld>(std::move(*data), map, projection);
}

}  // namespace qantar::core
