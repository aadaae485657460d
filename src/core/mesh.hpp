#pragma once
// CPU-side geometry ready for upload: plain vertex structs in float, positions in map metres.
// Built once at load (triangulation, line extrusion); per frame only uniforms change.
#include <cstdint>
#include <vector>

#include "core/error.hpp"
#include "core/geo_types.hpp"

namespace qantar::core {

// A filled-area vertex. `style` indexes the theme's fill palette (see theme.hpp).
struct FillVertex {
    float x, y;   // map metres
    float style;  // palette index
};

// A thick-line vertex: the centre-line position plus an extrusion direction. The vertex shader
// moves it by normal × half width in *pixels*, so lines keep their width at every zoom.
struct LineVertex {
    float x, y;    // map metres, on the centre line
    float nx, ny;  // extrusion vector in map orientation (unit normal × miter length)
    float side;    // -1 or +1: which edge of the line (anti-aliasing coordinate)
    float along;   // distance along the line from its start, map metres (for dashes)
    float style;   // palette index into the theme's line styles
};

template <typename V>
struct Mesh {
    std::vector<V> vertices;
    std::vector<std::uint32_t> indices;  // triangles
    void clear() {
        vertices.clear();
        indices.clear();
    }
};

using FillMesh = Mesh<FillVertex>;
using LineMesh = Mesh<LineVertex>;

// Triangulates a polygon with holes by GEOS's constrained Delaunay triangulation and appends the
// triangles to `out` with the given style. Invalid polygons are repaired first (GEOS MakeValid).
// Fails with ErrorKind::Triangulation when GEOS cannot produce a triangulation.
Status triangulatePolygon(const MapPolygon& polygon, float style, FillMesh& out);

// Sum of the areas of the mesh's triangles, square map metres (for tests and diagnostics).
double meshArea(const FillMesh& mesh);

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

// Douglas-Peucker simplification of a layer of lines: keeps a subset of each line's points (with
// their `along`) so that every dropped point lies within `toleranceM` of the simplified line, and
// every point of the simplified line within `toleranceM` of the original.
// Points where lines meet or part (junctions of three regions, ends of open lines) are always
// kept and a run of points that several lines share is simplified the same way in each, so
// neighbouring regions' outlines still coincide after simplification. A closed ring that would
// keep fewer than 3 points is returned whole. The result has one line per input line, in order.
std::vector<MeasuredLine> simplifyLines(const std::vector<MeasuredLine>& lines, double toleranceM);
// The same at several tolerances at once (result[i] is simplifyLines(lines, tolerancesM[i])), for
// the price of about one.
std::vector<std::vector<MeasuredLine>> simplifyLines(const std::vector<MeasuredLine>& lines,
                                                     const std::vector<double>& tolerancesM);

}  // namespace qantar::core

namespace qantar::core {
// A good point inside a polygon for its label: the centre of its largest inscribed circle
// (GEOS MaximumInscribedCircle), so it never falls outside a concave or crescent shape.
// Falls back to the bounding-box centre when GEOS cannot compute it.
// With a non-empty `within`, only the part of the polygon inside that box is considered (so a
// country that extends far beyond the map still gets its label where the map shows it).
MapXY polygonLabelPoint(const MapPolygon& polygon, const MapBox& within = {});
}  // namespace qantar::core
