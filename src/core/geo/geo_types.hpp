#pragma once
// One type per coordinate space; no bare pairs of doubles cross an interface.
//   LonLat   — WGS 84 degrees (longitude first, as GeoJSON stores it).
//   MapXY    — projected metres in the map's Lambert conformal conic (see projection.hpp).
//   ScreenPx — pixels in a viewport, origin top-left, y down.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace qantar::core {

struct LonLat {
    double lon = 0.0;  // degrees east, [-180, 180]
    double lat = 0.0;  // degrees north, [-90, 90]
    // True when both are finite and inside the valid ranges.
    bool valid() const {
        return std::isfinite(lon) && std::isfinite(lat) && lon >= -180.0 && lon <= 180.0 && lat >= -90.0 &&
               lat <= 90.0;
    }
};

struct MapXY {
    double x = 0.0;  // metres east of the projection origin
    double y = 0.0;  // metres north of the projection origin
};

struct ScreenPx {
    double x = 0.0;  // pixels right of the viewport's left edge
    double y = 0.0;  // pixels below the viewport's top edge
};

// A rectangle of a viewport, pixels from its top-left corner (for instance the part of the map
// that no panel or caption covers).
struct ScreenRect {
    double x = 0.0, y = 0.0, w = 0.0, h = 0.0;
    ScreenPx center() const { return ScreenPx{x + w * 0.5, y + h * 0.5}; }
    bool empty() const { return !(w > 0.0 && h > 0.0); }
};

// Axis-aligned box in map metres. Empty until something is added.
struct MapBox {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool empty() const { return !(minX <= maxX && minY <= maxY); }
    void add(MapXY p) {
        minX = std::min(minX, p.x);
        minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x);
        maxY = std::max(maxY, p.y);
    }
    void addBox(const MapBox& b) {
        if (b.empty()) return;
        add(MapXY{b.minX, b.minY});
        add(MapXY{b.maxX, b.maxY});
    }
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
    MapXY center() const { return {(minX + maxX) * 0.5, (minY + maxY) * 0.5}; }
    bool contains(MapXY p) const { return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY; }
    bool intersects(const MapBox& b) const {
        return !empty() && !b.empty() && b.minX <= maxX && b.maxX >= minX && b.minY <= maxY && b.maxY >= minY;
    }
};

// A closed ring (first point not repeated at the end) or an open polyline.
using MapRing = std::vector<MapXY>;

// A polygon: outer ring first, then holes.
struct MapPolygon {
    std::vector<MapRing> rings;
};

}  // namespace qantar::core
