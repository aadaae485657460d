#include "core/map/world_layers.hpp"

#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "core/map/point_key.hpp"
#include "core/map/polyline.hpp"
#include "core/map/simplify.hpp"
#include "core/map/theme.hpp"

namespace qantar::core {

MapBox worldDrawBox(const MapBox& bounds) {
    MapBox b = bounds;
    const double mx = bounds.width() * 0.01, my = bounds.height() * 0.01;
    b.minX -= mx;
    b.maxX += mx;
    b.minY -= my;
    b.maxY += my;
    return b;
}

void addWorldWater(const MapBox& bounds, FillMesh& out) {
    const MapBox b = worldDrawBox(bounds);
    const float style = static_cast<float>(static_cast<int>(FillStyle::Water));
    const float x0 = static_cast<float>(b.minX), x1 = static_cast<float>(b.maxX);
    const float y0 = static_cast<float>(b.minY), y1 = static_cast<float>(b.maxY);
    out.vertices = {{x0, y0, style}, {x1, y0, style}, {x1, y1, style}, {x0, y1, style}};
    out.indices = {0, 1, 2, 0, 2, 3};
}

void addNightGrid(const Projection& projection, const MapBox& bounds, GeoMesh& out) {
    constexpr int kCols = 64, kRows = 48;
    const MapBox b = worldDrawBox(bounds);
    out.vertices.reserve((kCols + 1) * (kRows + 1));
    for (int r = 0; r <= kRows; ++r) {
        for (int c = 0; c <= kCols; ++c) {
            const MapXY p{b.minX + b.width() * c / kCols, b.minY + b.height() * r / kRows};
            const LonLat ll = projection.unproject(p).value_or(LonLat{});
            out.vertices.push_back(GeoVertex{static_cast<float>(p.x), static_cast<float>(p.y), static_cast<float>(ll.lon),
                                             static_cast<float>(ll.lat)});
        }
    }
    out.indices.reserve(kCols * kRows * 6);
    for (int r = 0; r < kRows; ++r) {
        for (int c = 0; c < kCols; ++c) {
            const auto i = static_cast<std::uint32_t>(r * (kCols + 1) + c);
            const auto up = i + static_cast<std::uint32_t>(kCols + 1);
            for (std::uint32_t k : {i, i + 1, up + 1, i, up + 1, up}) out.indices.push_back(k);
        }
    }
}

WorldLand simplifyWorldLand(const std::vector<Country>& countries, double toleranceM) {
    std::vector<MeasuredLine> rings;
    struct Where {
        std::size_t country, polygon, ring;
    };
    std::vector<Where> where;
    for (std::size_t c = 0; c < countries.size(); ++c)
        for (std::size_t p = 0; p < countries[c].polygons.size(); ++p)
            for (std::size_t r = 0; r < countries[c].polygons[p].rings.size(); ++r) {
                rings.push_back(measureLine(countries[c].polygons[p].rings[r], true));
                where.push_back({c, p, r});
            }
    const std::vector<MeasuredLine> simple = simplifyLines(rings, toleranceM);

    WorldLand out;
    {
        std::size_t last = SIZE_MAX, lastP = SIZE_MAX;
        for (std::size_t i = 0; i < simple.size(); ++i) {
            if (where[i].country != last || where[i].polygon != lastP) {
                out.polygons.emplace_back();
                out.names.push_back(&countries[where[i].country].name);
                last = where[i].country;
                lastP = where[i].polygon;
            }
            // A hole that simplification closed up is dropped; an outer ring always stays.
            if (where[i].ring > 0 && simple[i].points.size() < 3) continue;
            out.polygons.back().rings.push_back(simple[i].points);
        }
    }

    // Borders: edges (by exact end points, in either direction) that rings of two different
    // countries both have; each is taken from the country that comes first.
    struct EdgeKeyHash {
        std::size_t operator()(const std::pair<PointKey, PointKey>& e) const {
            return PointKeyHash()(e.first) * 31u ^ PointKeyHash()(e.second);
        }
    };
    auto key = [](const MapXY& a, const MapXY& b) {
        const bool swap = a.x > b.x || (a.x == b.x && a.y > b.y);
        return swap ? std::pair{PointKey{b.x, b.y}, PointKey{a.x, a.y}} : std::pair{PointKey{a.x, a.y}, PointKey{b.x, b.y}};
    };
    std::unordered_map<std::pair<PointKey, PointKey>, std::pair<std::size_t, std::size_t>, EdgeKeyHash> owners;
    constexpr std::size_t kNone = SIZE_MAX;
    for (std::size_t i = 0; i < simple.size(); ++i) {
        const MapRing& pts = simple[i].points;
        for (std::size_t k = 0; k < pts.size(); ++k) {
            auto& o = owners.try_emplace(key(pts[k], pts[(k + 1) % pts.size()]), kNone, kNone).first->second;
            const std::size_t c = where[i].country;
            if (o.first == kNone) o.first = c;
            else if (o.first != c && o.second == kNone) o.second = c;
        }
    }
    // The runs of a ring's edges that `take` picks, as polylines.
    auto runs = [](const MapRing& pts, const auto& take, std::vector<MapRing>& into) {
        const std::size_t n = pts.size();
        // Start after an edge not taken (a ring taken whole starts anywhere).
        std::size_t start = 0;
        for (std::size_t k = 0; k < n; ++k)
            if (!take(k)) {
                start = (k + 1) % n;
                break;
            }
        MapRing line;
        for (std::size_t step = 0; step < n; ++step) {
            const std::size_t k = (start + step) % n;
            if (take(k)) {
                if (line.empty()) line.push_back(pts[k]);
                line.push_back(pts[(k + 1) % n]);
            } else if (!line.empty()) {
                into.push_back(std::move(line));
                line.clear();
            }
        }
        if (line.size() >= 2) into.push_back(std::move(line));
    };
    for (std::size_t i = 0; i < simple.size(); ++i) {
        const MapRing& pts = simple[i].points;
        const std::size_t n = pts.size();
        auto owner = [&](std::size_t k) -> const std::pair<std::size_t, std::size_t>& {
            return owners.find(key(pts[k], pts[(k + 1) % n]))->second;
        };
        runs(pts, [&](std::size_t k) { return owner(k).second != kNone && owner(k).first == where[i].country; },
             out.borders);
        runs(pts, [&](std::size_t k) { return owner(k).second == kNone; }, out.coasts);
    }
    return out;
}

}  // namespace qantar::core
