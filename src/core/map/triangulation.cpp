#include "core/map/triangulation.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

#include "core/map/point_key.hpp"

namespace qantar::core {

namespace {

// One GEOS handle per thread: GEOS's reentrant API needs a context, and creating one per call
// would be wasteful.
GEOSContextHandle_t geosContext() {
    struct Holder {
        GEOSContextHandle_t h = GEOS_init_r();
        ~Holder() { GEOS_finish_r(h); }
    };
    thread_local Holder holder;
    return holder.h;
}

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const {
        if (g) GEOSGeom_destroy_r(geosContext(), g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GEOSGeometry* makeRing(GEOSContextHandle_t h, const MapRing& ring) {
    const auto n = static_cast<unsigned>(ring.size());
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, n + 1, 2);
    if (!seq) return nullptr;
    for (unsigned i = 0; i <= n; ++i) {
        const MapXY& p = ring[i % n];
        GEOSCoordSeq_setXY_r(h, seq, i, p.x, p.y);
    }
    return GEOSGeom_createLinearRing_r(h, seq);
}

GeomPtr makePolygon(GEOSContextHandle_t h, const MapPolygon& polygon) {
    if (polygon.rings.empty() || polygon.rings[0].size() < 3) return nullptr;
    GEOSGeometry* shell = makeRing(h, polygon.rings[0]);
    if (!shell) return nullptr;
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < polygon.rings.size(); ++i) {
        if (polygon.rings[i].size() < 3) continue;
        if (GEOSGeometry* hole = makeRing(h, polygon.rings[i])) holes.push_back(hole);
    }
    return GeomPtr(GEOSGeom_createPolygon_r(h, shell, holes.empty() ? nullptr : holes.data(),
                                            static_cast<unsigned>(holes.size())));
}

// Appends each triangle of a GEOS collection of triangles, sharing vertices by position.
Status appendTriangles(GEOSContextHandle_t h, const GEOSGeometry* tris, float style, FillMesh& out) {
    std::unordered_map<PointKey, std::uint32_t, PointKeyHash> index;
    const int n = GEOSGetNumGeometries_r(h, tris);
    out.indices.reserve(out.indices.size() + static_cast<std::size_t>(n) * 3);
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* tri = GEOSGetGeometryN_r(h, tris, i);
        const GEOSGeometry* ring = GEOSGetExteriorRing_r(h, tri);
        const GEOSCoordSequence* seq = ring ? GEOSGeom_getCoordSeq_r(h, ring) : nullptr;
        if (!seq) return Error{ErrorKind::Triangulation, "triangulation: GEOS returned a malformed triangle"};
        for (unsigned k = 0; k < 3; ++k) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, k, &x, &y);
            auto [it, inserted] = index.try_emplace(PointKey{x, y}, static_cast<std::uint32_t>(out.vertices.size()));
            if (inserted) out.vertices.push_back(FillVertex{static_cast<float>(x), static_cast<float>(y), style});
            out.indices.push_back(it->second);
        }
    }
    return std::nullopt;
}

Status triangulateGeometry(GEOSContextHandle_t h, const GEOSGeometry* geom, float style, FillMesh& out) {
    GeomPtr tris(GEOSConstrainedDelaunayTriangulation_r(h, geom));
    if (!tris) return Error{ErrorKind::Triangulation, "triangulation: GEOS could not triangulate a polygon"};
    return appendTriangles(h, tris.get(), style, out);
}

}  // namespace

Status triangulatePolygon(const MapPolygon& polygon, float style, FillMesh& out) {
    GEOSContextHandle_t h = geosContext();
    GeomPtr geom = makePolygon(h, polygon);
    if (!geom) return Error{ErrorKind::Triangulation, "triangulation: a polygon has fewer than 3 distinct points"};
    if (GEOSisValid_r(h, geom.get()) != 1) {
        // Repair self-touching or self-intersecting rings rather than dropping the area.
        GeomPtr fixed(GEOSMakeValid_r(h, geom.get()));
        if (!fixed) return Error{ErrorKind::Triangulation, "triangulation: an invalid polygon could not be repaired"};
        return triangulateGeometry(h, fixed.get(), style, out);
    }
    return triangulateGeometry(h, geom.get(), style, out);
}

namespace {

MapRing ringFrom(GEOSContextHandle_t h, const GEOSGeometry* ring) {
    MapRing out;
    const GEOSCoordSequence* seq = ring ? GEOSGeom_getCoordSeq_r(h, ring) : nullptr;
    unsigned n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n)) return out;
    out.reserve(n);
    for (unsigned i = 0; i + 1 < n; ++i) {  // GEOS repeats the first point at the end
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
        out.push_back(MapXY{x, y});
    }
    return out;
}

void appendPolygons(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<MapPolygon>& out) {
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        MapPolygon p;
        MapRing shell = ringFrom(h, GEOSGetExteriorRing_r(h, g));
        if (shell.size() < 3) return;
        p.rings.push_back(std::move(shell));
        const int holes = GEOSGetNumInteriorRings_r(h, g);
        for (int i = 0; i < holes; ++i) {
            MapRing hole = ringFrom(h, GEOSGetInteriorRingN_r(h, g, i));
            if (hole.size() >= 3) p.rings.push_back(std::move(hole));
        }
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i) appendPolygons(h, GEOSGetGeometryN_r(h, g, i), out);
    }
}

}  // namespace

std::vector<MapPolygon> clipPolygonToBox(const MapPolygon& polygon, const MapBox& box) {
    MapBox pb;
    for (const auto& r : polygon.rings)
        for (const auto& p : r) pb.add(p);
    if (!pb.intersects(box)) return {};
    if (pb.minX >= box.minX && pb.maxX <= box.maxX && pb.minY >= box.minY && pb.maxY <= box.maxY) return {polygon};
    GEOSContextHandle_t h = geosContext();
    GeomPtr geom = makePolygon(h, polygon);
    if (!geom) return {polygon};
    // Rectangle clipping trusts its input: a ring that touches itself (as simplifying can leave
    // it) is repaired first, or the clip may close the wrong way round and fill what is outside.
    if (GEOSisValid_r(h, geom.get()) != 1) {
        GeomPtr fixed(GEOSMakeValid_r(h, geom.get()));
        if (!fixed) return {polygon};
        geom = std::move(fixed);
    }
    GeomPtr clipped(GEOSClipByRect_r(h, geom.get(), box.minX, box.minY, box.maxX, box.maxY));
    if (!clipped) return {polygon};
    std::vector<MapPolygon> out;
    appendPolygons(h, clipped.get(), out);
    return out;
}

double meshArea(const FillMesh& mesh) {
    double a = 0.0;
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const FillVertex& p = mesh.vertices[mesh.indices[i]];
        const FillVertex& q = mesh.vertices[mesh.indices[i + 1]];
        const FillVertex& r = mesh.vertices[mesh.indices[i + 2]];
        const double cross = (double(q.x) - p.x) * (double(r.y) - p.y) - (double(q.y) - p.y) * (double(r.x) - p.x);
        a += std::abs(cross) * 0.5;
    }
    return a;
}

MapXY polygonLabelPoint(const MapPolygon& polygon, const MapBox& within, double precision) {
    MapBox box;
    for (const auto& r : polygon.rings)
        for (const auto& p : r) box.add(p);
    GEOSContextHandle_t h = geosContext();
    GeomPtr geom = makePolygon(h, polygon);
    if (!geom) return box.center();
    if (!within.empty()) {
        GeomPtr clipped(GEOSClipByRect_r(h, geom.get(), within.minX, within.minY, within.maxX, within.maxY));
        if (!clipped || GEOSisEmpty_r(h, clipped.get()) == 1) return box.center();
        geom = std::move(clipped);
        box = within;
    }
    // Tolerance: a thousandth of the polygon's size (by default) is plenty for placing text.
    const double tol = std::max(box.width(), box.height()) * precision;
    GeomPtr line(GEOSMaximumInscribedCircle_r(h, geom.get(), tol));
    if (!line) return box.center();
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, line.get());
    double x = 0, y = 0;
    if (!seq || !GEOSCoordSeq_getXY_r(h, seq, 0, &x, &y)) return box.center();
    return MapXY{x, y};
}
}  // namespace qantar::core
