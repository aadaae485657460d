#pragma once
// Reads GeoJSON FeatureCollections (RFC 7946) into plain features with lon/lat geometry.
// Every failure names the file, the feature index and the field.
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "core/io/error.hpp"
#include "core/geo/geo_types.hpp"

namespace qantar::core {

// A polygon in lon/lat: outer ring, then holes. Rings are stored open (no repeated closing point).
struct LonLatPolygon {
    std::vector<std::vector<LonLat>> rings;
};

struct GeoFeature {
    using Value = std::variant<std::monostate, bool, double, std::string>;
    std::map<std::string, Value> properties;
    std::vector<LonLat> points;               // Point, MultiPoint
    std::vector<std::vector<LonLat>> lines;   // LineString, MultiLineString
    std::vector<LonLatPolygon> polygons;      // Polygon, MultiPolygon

    // The string property `key`, or `fallback` when absent, null or not a string.
    std::string text(const std::string& key, const std::string& fallback = {}) const;
    // The numeric property `key`, or `fallback` when absent or not a number.
    double number(const std::string& key, double fallback = 0.0) const;
    // The boolean property `key`, or false when absent or not a boolean.
    bool flag(const std::string& key) const;
    bool has(const std::string& key) const;
};

struct GeoFeatureCollection {
    std::string path;  // as given to the loader, used in messages
    std::vector<GeoFeature> features;
};

// Parses GeoJSON text. `path` only labels messages.
Expected<GeoFeatureCollection> parseGeoJson(const std::string& text, const std::string& path);
// Reads and parses a GeoJSON file.
Expected<GeoFeatureCollection> loadGeoJson(const std::string& path);

}  // namespace qantar::core
