#pragma once
// The base map: Natural Earth countries, lakes, rivers and places, and Kazakhstan's 17 regions of
// January 2022 (geokz), loaded from assets/geo/ and projected to map metres once at load; around
// them, coarser world layers (assets/geo/world/) so that every view the camera allows is a map to
// its edges.
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

// A piece of outline to draw: a whole ring (closed) or a stretch of one (open).
struct Outline {
    MapRing points;
    bool closed = true;
};

struct WaterBody {
    std::string name;
    std::string featureClass;  // "Lake", "Reservoir", "Sea (landlocked)", ...
    int scaleRank = 10;        // Natural Earth: lower is more important
    std::vector<MapPolygon> polygons;
    MapBox box;
    double areaKm2 = 0.0;      // projected area, for choosing which to label
    // The shore to outline: every ring, less the stretches that run along the edge of the box its
    // layer was clipped to (so no line marks where the detailed layers end).
    std::vector<Outline> shore;
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

// A longitude/latitude box, degrees.
struct GeoBox {
    double lonMin, lonMax, latMin, latMax;
    bool contains(LonLat p) const { return p.lon >= lonMin && p.lon <= lonMax && p.lat >= latMin && p.lat <= latMax; }
};
// Where the detailed layers (assets/geo/*.geojson, 1:10m) have data, and where the world layers
// (assets/geo/world/, 1:50m) do: both sets were clipped to these boxes (assets/geo/PROVENANCE.md).
inline constexpr GeoBox kDetailedBox{40.0, 95.0, 34.0, 60.0};
inline constexpr GeoBox kWorldBox{-30.0, 170.0, -15.0, 85.0};

// The world context layers, drawn beneath the detailed ones. Features that lie wholly inside
// kDetailedBox (the detailed layers draw those) or wholly outside MapData::viewBounds (no view
// reaches them) are not loaded.
struct WorldLayers {
    std::vector<Country> countries;  // name only (no codes in the 1:50m file)
    std::vector<WaterBody> lakes;
    std::vector<River> rivers;
    std::vector<Place> places;       // role "world"; only places outside kDetailedBox
};

struct MapData {
    std::vector<Country> countries;
    std::vector<Region> regions;
    std::vector<WaterBody> water;
    std::vector<River> rivers;
    std::vector<Border> borders;
    std::vector<Place> places;
    MapBox kazakhstanBox;  // bounding box of the 17 regions, map metres
    MapBox dataBox;        // bounding box of the detailed countries
    WorldLayers world;
    // The largest rectangle around Kazakhstan that lies wholly inside kWorldBox as projected, map
    // metres: the camera keeps every view inside it, so no view shows beyond the world data.
    MapBox viewBounds;

    const Place* findPlace(const std::string& name) const;
    const Region* findRegion(const std::string& iso) const;
};

// The file names loadMapData expects inside its directory (the world layers' in "world/").
const std::vector<std::string>& mapDataFiles();

// Loads and projects every layer from `geoDir` (e.g. "assets/geo"). The first missing or broken
// file fails the whole load with a message naming it.
Expected<MapData> loadMapData(const std::string& geoDir, const Projection& projection);

// Signed area of a ring (positive when counter-clockwise), square map metres.
double ringArea(const MapRing& ring);
// Area of a polygon: outer ring minus holes, square map metres.
double polygonArea(const MapPolygon& polygon);

// How far beyond Kazakhstan the camera may look, map metres: far enough for Minsk, Moscow and
// Beijing at the widest view, not so far that the world layers must cover half the globe.
constexpr double kViewReachM = 4.0e6;

// The largest rectangle containing `seed`, at most `reachM` beyond it on any side, whose every
// point lies inside `box` (less a margin of `marginDeg`) once unprojected: grown side by side
// from `seed` until no side can move out by 5 km more. Empty when `seed` itself is not inside.
MapBox inscribedViewBounds(const Projection& projection, const GeoBox& box, const MapBox& seed,
                           double reachM = kViewReachM, double marginDeg = 0.1);

}  // namespace qantar::core
