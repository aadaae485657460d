#pragma once
// Filled areas as triangles (GEOS constrained Delaunay), and label points inside polygons.
#include <vector>

#include "core/geo/geo_types.hpp"
#include "core/io/error.hpp"
#include "core/map/mesh.hpp"

namespace qantar::core {

// Triangulates a polygon with holes by GEOS's constrained Delaunay triangulation and appends the
// triangles to `out` with the given style. Invalid polygons are repaired first (GEOS MakeValid).
// Fails with ErrorKind::Triangulation when GEOS cannot produce a triangulation.
Status triangulatePolygon(const MapPolygon& polygon, float style, FillMesh& out);

// The part of `polygon` inside `box` (GEOS's rectangle clipping, which keeps the vertices inside
// as they are), as polygons; empty when none of it is inside. A polygon GEOS cannot clip is
// returned whole.
std::vector<MapPolygon> clipPolygonToBox(const MapPolygon& polygon, const MapBox& box);

// Sum of the areas of the mesh's triangles, square map metres (for tests and diagnostics).
double meshArea(const FillMesh& mesh);

// A good point inside a polygon for its label: the centre of its largest inscribed circle
// (GEOS MaximumInscribedCircle), so it never falls outside a concave or crescent shape.
// Falls back to the bounding-box centre when GEOS cannot compute it.
// With a non-empty `within`, only the part of the polygon inside that box is considered (so a
// country that extends far beyond the map still gets its label where the map shows it).
// `precision`: how close to the best point, as a share of the polygon's size.
MapXY polygonLabelPoint(const MapPolygon& polygon, const MapBox& within = {}, double precision = 1e-3);

}  // namespace qantar::core
