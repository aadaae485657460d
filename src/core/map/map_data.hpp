#pragma once
// The base map: Natural Earth countries, lakes, rivers and places, and Kazakhstan's 17 regions of
// January 2022 (geokz), loaded from assets/geo/ and projected to map metres once at load.
#include <string>
#include <vector>

#include "core/io/error.hpp"
#include "core/geo/geo_types.hpp"
#include "core/geo/projection.hpp"

namespace qantar::core {

struct Country {
    std::string name;
    std::string iso3;  // empty for units without a code (Siachen Glacier)
    std::vector<MapPolygon> polygons;
    MapBox box;
};

struct Region {
    std::string name;        // "Almaty Region", "Almaty"
    std::string nameShort;   // "Almaty"
    std::string nameRu;
    std::string iso;         // ISO 3166-2 code in force in January 2022, e.g. "KZ-ALA"
    std::string kind;        // "oblast", "capital city", "city of republican significance"
    std::string adminCenter; // seat in January 2022
    std::vector<MapPolygon> polygons;
    MapBox box;
    int tint = 0;            // 0..3: colour index so that neighbouring regions differ
};

struct WaterBody {
    std::string name;
    std::string featureClass;  // "Lake", "Reservoir", "Sea (landlocked)", ...
    int scaleRank = 10;        // Natural Earth: lower is more important
    std::vector<MapPolygon> polygons;
    MapBox box;
    double areaKm2 = 0.0;      // projected area, for choosing which to label
};

struct River {
    std::string name;
    int scaleRank = 10;
    bool lakeCenterline = false;
    std::vector<MapRing> lines;
};

struct Border {
    std::string left;
    std::string right;
    bool touchesKazakhstan = false;
    std::vector<MapRing> lines;
};

struct Place {
    std::string name;
    std::string nameRu;
    std::string country;     // ISO3
    std::string regionIso;   // for Kazakh places
    std::string role;        // "kz", "neighbour_capital", "neighbour_city"
    bool keyCity = false;
    bool nationalCapital = false;
    bool admin1Capital = false;
    double population = 0.0;
    int scaleRank = 10;
    LonLat lonLat;
    MapXY xy;
};

struct MapData {
    std::vector<Country> countries;
    std::vector<Region> regions;
    std::vector<WaterBody> water;
    std::vector<River> rivers;
    std::vector<Border> borders;
    std::vector<Place> places;
    MapBox kazakhstanBox;  // bounding box of the 17 regions, map metres
    MapBox dataBox;        // bounding box of everything loaded

    const Place* findPlace(const std::string& name) const;
    const Region* findRegion(const std::string& iso) const;
};

// The file names loadMapData expects inside its directory.
const std::vector<std::string>& mapDataFiles();

// Loads and projects every layer from `geoDir` (e.g. "assets/geo"). The first missing or broken
// file fails the whole load with a message naming it.
Expected<MapData> loadMapData(const std::string& geoDir, const Projection& projection);

// Signed area of a ring (positive when counter-clockwise), square map metres.
double ringArea(const MapRing& ring);
// Area of a polygon: outer ring minus holes, square map metres.
double polygonArea(const MapPolygon& polygon);

}  // namespace qantar::core
