#include "core/events/event_world.hpp"

#include <cmath>
#include <optional>

#include "core/events/event_format.hpp"
#include "core/map/mesh.hpp"
#include "core/map/triangulation.hpp"

namespace qantar::core {

namespace {

// The largest polygon's label point of a country (its main body), or none.
std::optional<MapXY> countryPoint(const Country& c) {
    const MapPolygon* largest = nullptr;
    double best = -1.0;
    for (const auto& p : c.polygons) {
        const double a = polygonArea(p);
        if (a > best) {
            best = a;
            largest = &p;
        }
    }
    if (!largest) return std::nullopt;
    return polygonLabelPoint(*largest);
}

// For each neighbour sharing a border with Kazakhstan in the map data: where an arrow from it
// crosses. The sources name no place, so the crossing is a drawing convention, not a route: the
// point of the shared border nearest the neighbour's capital when the map has it, else nearest
// the neighbour's main body; the arrow points from there towards the middle of Kazakhstan.
std::vector<BorderEntry> borderEntries(const MapData& map, MapXY kazakhstan) {
    std::vector<BorderEntry> out;
    for (const Country& c : map.countries) {
        if (c.iso3.empty() || c.iso3 == "KAZ") continue;
        std::optional<MapXY> towards;
        for (const Place& p : map.places) {
            if (p.nationalCapital && (p.country == c.iso3 || p.country == c.name)) towards = p.xy;
        }
        if (!towards) towards = countryPoint(c);
        if (!towards) continue;
        std::optional<MapXY> best;
        double bestD = 0.0;
        for (const Border& b : map.borders) {
            const bool shared = (b.left == "Kazakhstan" && b.right == c.name) || (b.right == "Kazakhstan" && b.left == c.name);
            if (!shared) continue;
            for (const MapRing& line : b.lines) {
                for (const MapXY& q : line) {
                    const double d = std::hypot(q.x - towards->x, q.y - towards->y);
                    if (!best || d < bestD) {
                        best = q;
                        bestD = d;
                    }
                }
            }
        }
        if (best) out.push_back(BorderEntry{c.iso3, *best, kazakhstan});
    }
    return out;
}

}  // namespace

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
    m_airlift.entries = borderEntries(map, m_airlift.kazakhstan);
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
