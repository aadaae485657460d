#include "core/events/synthetic.hpp"

#include <algorithm>
#include <random>
#include <string>

namespace qantar::core {

const std::vector<SyntheticCity>& syntheticCities() {
    static const std::vector<SyntheticCity> kCities = {
    {"Almaty", 76.9286, 43.2567, "KZ-ALA"},     {"Shymkent", 69.595, 42.32, "KZ-SHY"},
    {"Karaganda", 73.1021, 49.8019, "KZ-KAR"},  {"Taraz", 71.365, 42.9, "KZ-ZHA"},
    {"Nur-Sultan", 71.4278, 51.1811, "KZ-AST"}, {"Pavlodar", 76.95, 52.3, "KZ-PAV"},
    {"Oskemen", 82.6279, 49.9482, "KZ-VOS"},    {"Semey", 80.275, 50.435, "KZ-VOS"},
    {"Kyzylorda", 65.5092, 44.8528, "KZ-KZY"},  {"Aktobe", 57.17, 50.28, "KZ-AKT"},
    {"Kostanay", 63.6283, 53.2209, "KZ-KUS"},   {"Petropavl", 69.15, 54.8667, "KZ-SEV"},
    {"Uralsk", 51.3667, 51.2333, "KZ-ZAP"},     {"Atyrau", 51.92, 47.1127, "KZ-ATY"},
    {"Aktau", 51.16, 43.65, "KZ-MAN"},          {"Kokshetau", 69.42, 53.3, "KZ-AKM"},
    {"Turkistan", 68.2549, 43.3016, "KZ-YUZ"},  {"Taldykorgan", 78.3739, 45.0156, "KZ-ALM"},
    {"Zhanaozen", 52.8619, 43.3412, "KZ-MAN"},
    };
    return kCities;
}

Dataset makeSyntheticDataset(std::size_t count, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Dataset d;
    d.path = "synthetic";
    d.title = "Synthetic events (" + std::to_string(count) + ")";
    d.coverageStart = toInstant(CivilTime{2022, 1, 1, 0, 0, 0}, kAlmatyTime);
    d.coverageEnd = toInstant(CivilTime{2022, 1, 13, 0, 0, 0}, kAlmatyTime);
    Source synthetic;
    synthetic.id = "synthetic";
    synthetic.outlet = "Synthetic data";
    d.sources.push_back(synthetic);
    static const Category kCats[] = {Category::Protest,  Category::Protest,    Category::Protest, Category::Clash,
                                     Category::LootingArson, Category::Casualties, Category::Arrests,
                                     Category::AirportClosure, Category::GovernmentAction};
    const std::int64_t span = (d.coverageEnd - d.coverageStart).seconds;
    d.events.reserve(count);
    // Every event cites the same source: one list, shared by all (SharedVec), as the title,
    // description and places are one pooled copy each (Text).
    SharedVec<SourceRef> sources;
    sources.push_back(SourceRef{"synthetic", "synthetic"});
    for (std::size_t i = 0; i < count; ++i) {
        const auto& cities = syntheticCities();
        const SyntheticCity& c = cities[rng() % cities.size()];
        Event e;
        e.id = "synthetic-" + std::to_string(i);
        e.category = kCats[rng() % (sizeof kCats / sizeof kCats[0])];
        e.title = "Synthetic event";
        e.localZone = zoneForRegion(c.region);
        e.place.name = c.name;
        // Spread around the city (up to ~60 km), so symbols do not all coincide.
        e.place.lonLat = LonLat{c.lon + (unit(rng) - 0.5) * 1.5, c.lat + (unit(rng) - 0.5) * 1.0};
        e.place.region = c.region;
        e.precision = static_cast<Precision>(rng() % 4);
        e.start = d.coverageStart + Duration{static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span))};
        const double band = unit(rng);
        const std::int64_t length = band < 0.4 ? 300 + static_cast<std::int64_t>(rng() % 5400)
                                    : band < 0.85 ? 7200 + static_cast<std::int64_t>(rng() % 36000)
                                                  : 86400 + static_cast<std::int64_t>(rng() % 172800);
        e.end = e.start + Duration{length};
        e.hasEnd = true;
        e.scale = 1 + static_cast<int>(rng() % 3);
        e.violent = rng() % 4 == 0;
        e.description = "Synthetic event for benchmarks.";
        e.sources = sources;
        d.events.push_back(std::move(e));
    }
    std::sort(d.events.begin(), d.events.end(), [](const Event& a, const Event& b) { return a.start < b.start; });
    return d;
}

}  // namespace qantar::core
