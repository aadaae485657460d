#pragma once
// Thick lines as triangles: measuring a polyline and extruding it with miter joins.
#include <vector>

#include "core/geo/geo_types.hpp"
#include "core/map/mesh.hpp"

namespace qantar::core {

// Longest miter, in half widths, before a join is clipped (keeps spikes at sharp turns short).
constexpr float kMaxMiterLength = 3.0f;

// Extrudes a polyline into a triangle strip of LineVertex pairs with miter joins. `closed` joins
// the last point back to the first (polygon outlines). Consecutive duplicate points are skipped;
// a line with fewer than two distinct points adds nothing.
void extrudePolyline(const MapRing& line, bool closed, float style, LineMesh& out);

// A line ready for extrusion: consecutive duplicate points removed (for a closed ring also the
// repeated first point), with each strip vertex's distance along the line, map metres. A closed
// ring has one more `along` entry than points: the way back to its first point.
struct MeasuredLine {
    MapRing points;
    std::vector<double> along;
    bool closed = false;
};

// Drops duplicates and measures, as extrudePolyline does before extruding.
MeasuredLine measureLine(const MapRing& line, bool closed);

// Extrudes a measured (possibly simplified) line; extrudePolyline(l, c, s, out) is
// extrudeLine(measureLine(l, c), s, out). The stored `along` is used as is, so a simplified line
// keeps its dashes where the full line has them.
void extrudeLine(const MeasuredLine& line, float style, LineMesh& out);

// Reserves room in `out` for exactly what extruding `lines` appends, so a layer's mesh holds no
// spare capacity (the meshes stay in memory for the program's life).
void reserveExtrusion(const std::vector<MeasuredLine>& lines, LineMesh& out);

}  // namespace qantar::core
