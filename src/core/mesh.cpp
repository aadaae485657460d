#include "core/mesh.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>

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

struct PointKey {
    double x, y;
    bool operator==(const PointKey& o) const { return x == o.x && y == o.y; }
};
struct PointKeyHash {
    std::size_t operator()(const PointKey& k) const {
        std::uint64_t a, b;
        std::memcpy(&a, &k.x, sizeof a);
        std::memcpy(&b, &k.y, sizeof b);
        return std::hash<std::uint64_t>()(a * 0x9E3779B97F4A7C15ull ^ b);
    }
};

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

MeasuredLine measureLine(const MapRing& line, bool closed) {
    MeasuredLine m;
    m.closed = closed;
    // Drop consecutive duplicates (and the closing duplicate of a ring).
    MapRing& pts = m.points;
    pts.reserve(line.size());
    for (const MapXY& p : line) {
        if (pts.empty() || p.x != pts.back().x || p.y != pts.back().y) pts.push_back(p);
    }
    if (closed && pts.size() > 1 && pts.front().x == pts.back().x && pts.front().y == pts.back().y) pts.pop_back();
    const std::size_t n = pts.size();
    if (n == 0) return m;
    const std::size_t count = closed ? n + 1 : n;  // a closed ring repeats its first point at the end
    m.along.reserve(count);
    double along = 0.0;
    for (std::size_t k = 0; k < count; ++k) {
        const MapXY& p = pts[k % n];
        if (k > 0) along += std::hypot(p.x - pts[(k - 1) % n].x, p.y - pts[(k - 1) % n].y);
        m.along.push_back(along);
    }
    return m;
}

void extrudeLine(const MeasuredLine& line, float style, LineMesh& out) {
    const MapRing& pts = line.points;
    const bool closed = line.closed;
    const std::size_t n = pts.size();
    if (n < 2 || (closed && n < 3)) return;
    const std::size_t count = closed ? n + 1 : n;
    if (line.along.size() != count) return;  // not measured: nothing sensible to draw

    auto normalOf = [](const MapXY& a, const MapXY& b) {
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double len = std::hypot(dx, dy);
        return MapXY{-dy / len, dx / len};
    };

    const auto base = static_cast<std::uint32_t>(out.vertices.size());
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = k % n;
        const MapXY& p = pts[i];
        const bool hasPrev = closed || i > 0;
        const bool hasNext = closed || i + 1 < n;
        MapXY nPrev{0, 0}, nNext{0, 0};
        if (hasPrev) nPrev = normalOf(pts[(i + n - 1) % n], p);
        if (hasNext) nNext = normalOf(p, pts[(i + 1) % n]);
        MapXY m;
        double len = 1.0;
        if (hasPrev && hasNext) {
            m = MapXY{nPrev.x + nNext.x, nPrev.y + nNext.y};
            const double ml = std::hypot(m.x, m.y);
            if (ml < 1e-9) {
                m = nNext;  // a full reversal: fall back to the outgoing normal
            } else {
                m = MapXY{m.x / ml, m.y / ml};
                const double cosHalf = m.x * nNext.x + m.y * nNext.y;
                len = std::min(1.0 / std::max(cosHalf, 1e-6), double(kMaxMiterLength));
            }
        } else {
            m = hasPrev ? nPrev : nNext;
        }
        const float ex = static_cast<float>(m.x * len), ey = static_cast<float>(m.y * len);
        const float fx = static_cast<float>(p.x), fy = static_cast<float>(p.y);
        const float fa = static_cast<float>(line.along[k]);
        out.vertices.push_back(LineVertex{fx, fy, ex, ey, 1.0f, fa, style});
        out.vertices.push_back(LineVertex{fx, fy, -ex, -ey, -1.0f, fa, style});
    }
    for (std::uint32_t k = 0; k + 1 < count; ++k) {
        const std::uint32_t a = base + 2 * k;
        out.indices.insert(out.indices.end(), {a, a + 1, a + 2, a + 1, a + 3, a + 2});
    }
}

void reserveExtrusion(const std::vector<MeasuredLine>& lines, LineMesh& out) {
    std::size_t vertices = 0, indices = 0;
    for (const MeasuredLine& line : lines) {
        const std::size_t n = line.points.size();
        if (n < 2 || (line.closed && n < 3)) continue;
        const std::size_t count = line.closed ? n + 1 : n;
        if (line.along.size() != count) continue;
        vertices += 2 * count;
        indices += 6 * (count - 1);
    }
    out.vertices.reserve(out.vertices.size() + vertices);
    out.indices.reserve(out.indices.size() + indices);
}

void extrudePolyline(const MapRing& line, bool closed, float style, LineMesh& out) {
    extrudeLine(measureLine(line, closed), style, out);
}

namespace {

bool lessXY(const MapXY& a, const MapXY& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }
bool sameXY(const MapXY& a, const MapXY& b) { return a.x == b.x && a.y == b.y; }

// Squared distance from p to the segment a-b (to the point a when the segment has no length).
double segmentDistance2(const MapXY& p, const MapXY& a, const MapXY& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0) t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
    const double ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy);
    return ex * ex + ey * ey;
}

constexpr double kAlwaysKept = std::numeric_limits<double>::infinity();

// Douglas-Peucker over chain[0..m] run to the end, recording for each point the largest squared
// tolerance at which it is kept. A pass at tolerance t splits a span at the same farthest point
// whatever t is and stops where that point is within t, so a point is kept at t exactly when it
// and every point whose split led to it are farther than t: its value is the least of theirs.
void douglasPeuckerImportance(const std::vector<MapXY>& chain, std::vector<double>& importance,
                              std::vector<std::pair<std::size_t, std::size_t>>& stack) {
    const std::size_t m = chain.size() - 1;
    importance.assign(chain.size(), 0.0);
    importance[0] = importance[m] = kAlwaysKept;
    stack.assign(1, {0, m});
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b <= a + 1) continue;
        double worst = -1.0;
        std::size_t at = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d = segmentDistance2(chain[i], chain[a], chain[b]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (worst <= 0.0) continue;  // straight: nothing in between is ever kept
        importance[at] = std::min({worst, importance[a], importance[b]});
        stack.emplace_back(a, at);
        stack.emplace_back(at, b);
    }
}

// Scratch space reused from run to run.
struct RunScratch {
    std::vector<MapXY> chain;
    std::vector<double> importance;
    std::vector<std::pair<std::size_t, std::size_t>> stack;
};

// Records in `importance` the importance of the run pts[from..to] (indices modulo the point
// count; `to` may be `from` + the point count for a ring that runs all the way round). The run is
// simplified in a direction fixed by its geometry, so a run shared by two lines, in either
// direction, keeps the same points in both.
void runImportance(const MapRing& pts, std::size_t from, std::size_t to, RunScratch& scratch,
                   std::vector<double>& importance) {
    const std::size_t n = pts.size();
    std::vector<MapXY>& chain = scratch.chain;
    chain.clear();
    for (std::size_t k = from; k <= to; ++k) chain.push_back(pts[k % n]);
    const std::size_t m = chain.size() - 1;
    bool reversed = lessXY(chain[m], chain[0]);
    if (sameXY(chain[0], chain[m]) && m >= 2) reversed = lessXY(chain[m - 1], chain[1]);
    if (reversed) std::reverse(chain.begin(), chain.end());
    douglasPeuckerImportance(chain, scratch.importance, scratch.stack);
    for (std::size_t j = 0; j <= m; ++j) {
        double& v = importance[(from + (reversed ? m - j : j)) % n];
        v = std::max(v, scratch.importance[j]);  // a ring's first run and last run share a point
    }
}

// For every point of every line, the largest squared tolerance at which it is kept.
std::vector<std::vector<double>> lineImportance(const std::vector<MeasuredLine>& lines) {
    // The layer's points with their distinct neighbours: a point with other than two neighbours is
    // where lines meet or part, and stays.
    struct Neighbours {
        MapXY p[2];
        int count = 0;  // 0, 1, 2, or 3 for "more than two"
        void add(const MapXY& q) {
            for (int i = 0; i < std::min(count, 2); ++i)
                if (sameXY(p[i], q)) return;
            if (count < 2) p[count] = q;
            count = std::min(count + 1, 3);
        }
    };
    std::unordered_map<PointKey, Neighbours, PointKeyHash> graph;
    std::size_t total = 0;
    for (const MeasuredLine& l : lines) total += l.points.size();
    graph.reserve(total);
    for (const MeasuredLine& l : lines) {
        const MapRing& pts = l.points;
        const std::size_t n = pts.size();
        for (std::size_t i = 0; i < n; ++i) {
            Neighbours& nb = graph[PointKey{pts[i].x, pts[i].y}];
            if (l.closed || i > 0) nb.add(pts[(i + n - 1) % n]);
            if (l.closed || i + 1 < n) nb.add(pts[(i + 1) % n]);
            if (!l.closed && (i == 0 || i + 1 == n)) nb.count = 3;  // open ends stay
        }
    }

    std::vector<std::vector<double>> result(lines.size());
    RunScratch scratch;
    std::vector<std::size_t> nodes;
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const MeasuredLine& l = lines[li];
        const MapRing& pts = l.points;
        const std::size_t n = pts.size();
        std::vector<double>& importance = result[li];
        importance.assign(n, 0.0);
        if (n < 2) {
            importance.assign(n, kAlwaysKept);
            continue;
        }
        nodes.clear();
        for (std::size_t i = 0; i < n; ++i)
            if (graph.find(PointKey{pts[i].x, pts[i].y})->second.count != 2) nodes.push_back(i);
        if (nodes.empty()) {
            // A ring meeting nothing (an island, or an enclave and the hole it fills): it starts
            // where any line sharing it would, at its least point.
            std::size_t least = 0;
            for (std::size_t i = 1; i < n; ++i)
                if (lessXY(pts[i], pts[least])) least = i;
            nodes.push_back(least);
        }
        if (l.closed) {
            for (std::size_t k = 0; k < nodes.size(); ++k) {
                const std::size_t to = k + 1 < nodes.size() ? nodes[k + 1] : nodes[0] + n;
                runImportance(pts, nodes[k], to, scratch, importance);
            }
        } else {
            for (std::size_t k = 0; k + 1 < nodes.size(); ++k) runImportance(pts, nodes[k], nodes[k + 1], scratch, importance);
        }
    }
    return result;
}

// The points of `line` whose importance exceeds tolerance² (the whole line if too few remain).
MeasuredLine keepImportant(const MeasuredLine& line, const std::vector<double>& importance, double toleranceM) {
    const std::size_t n = line.points.size();
    const std::size_t minPoints = line.closed ? 3 : 2;
    if (n <= minPoints || line.along.size() != (line.closed ? n + 1 : n)) return line;
    const double t2 = toleranceM * toleranceM;
    MeasuredLine s;
    s.closed = line.closed;
    for (std::size_t i = 0; i < n; ++i) {
        if (importance[i] <= t2) continue;
        s.points.push_back(line.points[i]);
        s.along.push_back(line.along[i]);
    }
    if (s.points.size() < minPoints) return line;
    if (line.closed) s.along.push_back(s.along.front() + line.along[n]);  // back to the first kept point
    return s;
}

}  // namespace

std::vector<std::vector<MeasuredLine>> simplifyLines(const std::vector<MeasuredLine>& lines,
                                                     const std::vector<double>& tolerancesM) {
    const std::vector<std::vector<double>> importance = lineImportance(lines);
    std::vector<std::vector<MeasuredLine>> out(tolerancesM.size());
    for (std::size_t t = 0; t < tolerancesM.size(); ++t) {
        out[t].reserve(lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i) out[t].push_back(keepImportant(lines[i], importance[i], tolerancesM[t]));
    }
    return out;
}

std::vector<MeasuredLine> simplifyLines(const std::vector<MeasuredLine>& lines, double toleranceM) {
    return std::move(simplifyLines(lines, std::vector<double>{toleranceM}).front());
}

}  // namespace qantar::core

namespace qantar::core {
MapXY polygonLabelPoint(const MapPolygon& polygon, const MapBox& within) {
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
    // Tolerance: a thousandth of the polygon's size is plenty for placing text.
    const double tol = std::max(box.width(), box.height()) * 1e-3;
    GeomPtr line(GEOSMaximumInscribedCircle_r(h, geom.get(), tol));
    if (!line) return box.center();
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, line.get());
    double x = 0, y = 0;
    if (!seq || !GEOSCoordSeq_getXY_r(h, seq, 0, &x, &y)) return box.center();
    return MapXY{x, y};
}
}  // namespace qantar::core
