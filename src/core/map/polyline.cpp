#include "core/map/polyline.hpp"

#include <algorithm>
#include <cmath>

namespace qantar::core {

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

}  // namespace qantar::core
