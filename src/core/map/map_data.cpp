#include "core/map/map_data.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/geo/geojson.hpp"

namespace qantar::core {

namespace {

// `ring` with points added every `stepDeg` of longitude along each stretch that runs on a parallel
// edge of `box`: projected, such a stretch is an arc around the pole, not the straight chord
// between its two ends.
std::vector<LonLat> densifyParallelEdges(const std::vector<LonLat>& ring, const GeoBox& box, double stepDeg) {
    constexpr double kEps = 1e-7;
    std::vector<LonLat> out;
    out.reserve(ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const LonLat& a = ring[i];
        const LonLat& b = ring[(i + 1) % ring.size()];
        out.push_back(a);
        const bool onParallel = std::abs(a.lat - b.lat) < kEps &&
                                (std::abs(a.lat - box.latMin) < kEps || std::abs(a.lat - box.latMax) < kEps);
        if (!onParallel) continue;
        const int steps = static_cast<int>(std::ceil(std::abs(b.lon - a.lon) / stepDeg));
        for (int k = 1; k < steps; ++k) out.push_back({a.lon + (b.lon - a.lon) * k / steps, a.lat});
    }
    return out;
}

struct Projector {
    const Projection& projection;
    const std::string& path;
    // When set, polygon edges along this box's parallels are densified (densifyParallelEdges), so
    // the layer ends exactly where the box does, on the arc, and the layers beyond meet it there.
    const GeoBox* clippedTo = nullptr;

    Status projectRing(const std::vector<LonLat>& in, MapRing& out, std::size_t featureIndex) const {
        out = projection.projectMany(in);
        for (const MapXY& p : out) {
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
                return Error{ErrorKind::Projection,
                             path + ": feature " + std::to_string(featureIndex) + ": a position cannot be projected"};
            }
        }
        return std::nullopt;
    }

    Status polygons(const GeoFeature& f, std::vector<MapPolygon>& out, MapBox& box, std::size_t index) const {
        for (const auto& poly : f.polygons) {
            MapPolygon mp;
            for (const auto& r : poly.rings) {
                MapRing ring;
                if (auto err = projectRing(clippedTo ? densifyParallelEdges(r, *clippedTo, 2.0) : r, ring, index)) return err;
                for (const auto& p : ring) box.add(p);
                mp.rings.push_back(std::move(ring));
            }
            out.push_back(std::move(mp));
        }
        return std::nullopt;
    }

    Status lines(const GeoFeature& f, std::vector<MapRing>& out, std::size_t index) const {
        for (const auto& l : f.lines) {
            MapRing line;
            if (auto err = projectRing(l, line, index)) return err;
            out.push_back(std::move(line));
        }
        return std::nullopt;
    }
};

// The rings of `polygon` (projected from `lonLat`) as outlines, each cut where it runs along an
// edge of `clip`.
void addShore(const LonLatPolygon& lonLat, const MapPolygon& polygon, const GeoBox& clip, std::vector<Outline>& out) {
    constexpr double kEps = 1e-7;
    auto onEdge = [&](const LonLat& a, const LonLat& b) {
        auto both = [&](double u, double v, double edge) { return std::abs(u - edge) < kEps && std::abs(v - edge) < kEps; };
        return both(a.lon, b.lon, clip.lonMin) || both(a.lon, b.lon, clip.lonMax) || both(a.lat, b.lat, clip.latMin) ||
               both(a.lat, b.lat, clip.latMax);
    };
    for (std::size_t r = 0; r < polygon.rings.size() && r < lonLat.rings.size(); ++r) {
        const auto& ll = lonLat.rings[r];
        const MapRing& ring = polygon.rings[r];
        const std::size_t n = std::min(ll.size(), ring.size());
        if (n < 2) continue;
        std::size_t firstCut = n;
        for (std::size_t k = 0; k < n && firstCut == n; ++k)
            if (onEdge(ll[k], ll[(k + 1) % n])) firstCut = k;
        if (firstCut == n) {
            out.push_back(Outline{ring, true});
            continue;
        }
        // Walk once round from just after a cut, starting a new open line after every cut.
        Outline line{{}, false};
        for (std::size_t step = 1; step <= n; ++step) {
            const std::size_t k = (firstCut + step) % n;
            line.points.push_back(ring[k]);
            if (onEdge(ll[k], ll[(k + 1) % n])) {
                if (line.points.size() >= 2) out.push_back(std::move(line));
                line = Outline{{}, false};
            }
        }
    }
}

Status requireKind(const GeoFeatureCollection& fc, bool wantPolygons, bool wantLines, bool wantPoints) {
    for (std::size_t i = 0; i < fc.features.size(); ++i) {
        const GeoFeature& f = fc.features[i];
        const bool ok = (wantPolygons && !f.polygons.empty()) || (wantLines && !f.lines.empty()) ||
                        (wantPoints && !f.points.empty());
        if (!ok) {
            const char* expected = wantPolygons ? "Polygon or MultiPolygon" : wantLines ? "LineString or MultiLineString" : "Point";
            return Error{ErrorKind::GeoJsonGeometry, fc.path + ": feature " + std::to_string(i) + " ('" + f.text("name") +
                                                         "'): field 'geometry': expected " + expected};
        }
    }
    return std::nullopt;
}

Status requireText(const GeoFeatureCollection& fc, const char* key) {
    for (std::size_t i = 0; i < fc.features.size(); ++i) {
        if (fc.features[i].text(key).empty()) {
            return Error{ErrorKind::MissingProperty, fc.path + ": feature " + std::to_string(i) +
                                                         ": property '" + key + "' is missing or empty"};
        }
    }
    return std::nullopt;
}

// Gives neighbouring regions different tints (greedy colouring). Regions are neighbours when
// their boundaries share vertices: the geokz layer has shared, identical boundary vertices.
void assignTints(std::vector<Region>& regions) {
    struct KeyHash {
        std::size_t operator()(const std::pair<double, double>& k) const {
            return std::hash<double>()(k.first) * 31u ^ std::hash<double>()(k.second);
        }
    };
    std::unordered_map<std::pair<double, double>, std::vector<std::size_t>, KeyHash> owners;
    for (std::size_t r = 0; r < regions.size(); ++r) {
        for (const auto& poly : regions[r].polygons) {
            for (const auto& ring : poly.rings) {
                for (const auto& p : ring) {
                    auto& v = owners[{p.x, p.y}];
                    if (v.empty() || v.back() != r) v.push_back(r);
                }
            }
        }
    }
    std::vector<std::set<std::size_t>> adj(regions.size());
    for (const auto& [key, list] : owners) {
        for (std::size_t a = 0; a < list.size(); ++a)
            for (std::size_t b = a + 1; b < list.size(); ++b) {
                adj[list[a]].insert(list[b]);
                adj[list[b]].insert(list[a]);
            }
    }
    constexpr int kTints = 4;
    for (std::size_t r = 0; r < regions.size(); ++r) {
        bool used[kTints] = {false, false, false, false};
        for (std::size_t n : adj[r])
            if (n < r) used[regions[n].tint] = true;
        int t = 0;
        while (t < kTints - 1 && used[t]) ++t;
        regions[r].tint = t;
    }
}

// The lon/lat extent of a feature's geometry.
GeoBox extentOf(const GeoFeature& f) {
    GeoBox b{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
             std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    auto add = [&b](const LonLat& p) {
        b.lonMin = std::min(b.lonMin, p.lon);
        b.lonMax = std::max(b.lonMax, p.lon);
        b.latMin = std::min(b.latMin, p.lat);
        b.latMax = std::max(b.latMax, p.lat);
    };
    for (const auto& p : f.points) add(p);
    for (const auto& l : f.lines)
        for (const auto& p : l) add(p);
    for (const auto& poly : f.polygons)
        for (const auto& r : poly.rings)
            for (const auto& p : r) add(p);
    return b;
}

// A world feature the detailed layers already draw, being wholly inside their box.
bool insideDetailedBox(const GeoFeature& f) {
    const GeoBox e = extentOf(f);
    return kDetailedBox.contains({e.lonMin, e.latMin}) && kDetailedBox.contains({e.lonMax, e.latMax});
}

// Every file of mapDataFiles() read and parsed at once, on a few threads (parsing is most of the
// load, and the files are independent); taken one by one afterwards, in the loader's order, so
// the first problem reported is the same whatever the threads did.
class ParsedFiles {
public:
    explicit ParsedFiles(const std::string& geoDir) {
        const auto& names = mapDataFiles();
        m_files.resize(names.size());
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            for (std::size_t i = next.fetch_add(1); i < names.size(); i = next.fetch_add(1)) {
                m_files[i].emplace(loadGeoJson(geoDir + "/" + names[i]));
            }
        };
        constexpr unsigned kMaxThreads = 4;
        const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, kMaxThreads);
        std::vector<std::thread> helpers;
        for (unsigned t = 1; t < threads; ++t) {
            try {
                helpers.emplace_back(work);
            } catch (const std::system_error&) {
                break;  // no more threads: the ones we have read the rest
            }
        }
        work();
        for (std::thread& h : helpers) h.join();
    }
    // The file `name` (one of mapDataFiles()), parsed or with its problem.
    Expected<GeoFeatureCollection> take(const std::string& name) {
        const auto& names = mapDataFiles();
        const auto it = std::find(names.begin(), names.end(), name);
        return std::move(*m_files[static_cast<std::size_t>(it - names.begin())]);
    }

private:
    std::vector<std::optional<Expected<GeoFeatureCollection>>> m_files;
};

Status loadWorldLayers(ParsedFiles& files, const Projection& projection, MapData& data) {
    auto load = [&](const std::string& name) { return files.take("world/" + name); };
    const MapBox& view = data.viewBounds;
    {
        auto fc = load("world_countries.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, true, false, false)) return *err;
        Projector pj{projection, fc->path};
        for (std::size_t i = 0; i < fc->features.size(); ++i) {
            const GeoFeature& f = fc->features[i];
            if (insideDetailedBox(f)) continue;
            Country c;
            c.name = f.text("name");
            if (auto err = pj.polygons(f, c.polygons, c.box, i)) return *err;
            if (!c.box.intersects(view)) continue;
            data.world.countries.push_back(std::move(c));
        }
    }
    {
        auto fc = load("world_lakes.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, true, false, false)) return *err;
        Projector pj{projection, fc->path};
        for (std::size_t i = 0; i < fc->features.size(); ++i) {
            const GeoFeature& f = fc->features[i];
            if (insideDetailedBox(f)) continue;
            WaterBody w;
            w.name = f.text("name");
            w.featureClass = "Lake";
            w.scaleRank = static_cast<int>(f.number("scalerank", 10));
            if (auto err = pj.polygons(f, w.polygons, w.box, i)) return *err;
            if (!w.box.intersects(view)) continue;
            for (const auto& p : w.polygons) w.areaKm2 += polygonArea(p) / 1e6;
            for (std::size_t k = 0; k < w.polygons.size(); ++k) addShore(f.polygons[k], w.polygons[k], kWorldBox, w.shore);
            data.world.lakes.push_back(std::move(w));
        }
    }
    {
        auto fc = load("world_rivers.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, false, true, false)) return *err;
        Projector pj{projection, fc->path};
        for (std::size_t i = 0; i < fc->features.size(); ++i) {
            const GeoFeature& f = fc->features[i];
            if (insideDetailedBox(f)) continue;
            River r;
            r.name = f.text("name");
            r.scaleRank = static_cast<int>(f.number("scalerank", 10));
            if (auto err = pj.lines(f, r.lines, i)) return *err;
            MapBox box;
            for (const auto& l : r.lines)
                for (const auto& p : l) box.add(p);
            if (!box.intersects(view)) continue;
            data.world.rivers.push_back(std::move(r));
        }
    }
    {
        auto fc = load("world_places.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, false, false, true)) return *err;
        if (auto err = requireText(*fc, "name")) return *err;
        for (std::size_t i = 0; i < fc->features.size(); ++i) {
            const GeoFeature& f = fc->features[i];
            Place p;
            p.lonLat = f.points.front();
            // Inside the detailed box the detailed places stand, with their names of January 2022
            // (Nur-Sultan, where Natural Earth writes Astana).
            if (kDetailedBox.contains(p.lonLat)) continue;
            p.name = f.text("name");
            p.country = f.text("country");
            p.role = "world";
            p.nationalCapital = f.text("featurecla") == "Admin-0 capital";
            p.admin1Capital = f.text("featurecla") == "Admin-1 capital";
            p.population = f.number("pop_max", 0);
            p.scaleRank = static_cast<int>(f.number("scalerank", 10));
            auto xy = projection.project(p.lonLat);
            if (!xy) {
                return Error{ErrorKind::Projection, fc->path + ": feature " + std::to_string(i) + " ('" + p.name +
                                                        "'): position cannot be projected"};
            }
            p.xy = *xy;
            if (!view.contains(p.xy)) continue;
            data.world.places.push_back(std::move(p));
        }
    }
    return std::nullopt;
}

}  // namespace

const Place* MapData::findPlace(const std::string& name) const {
    for (const auto& p : places)
        if (p.name == name) return &p;
    return nullptr;
}

const Region* MapData::findRegion(const std::string& iso) const {
    for (const auto& r : regions)
        if (r.iso == iso) return &r;
    return nullptr;
}

const std::vector<std::string>& mapDataFiles() {
    static const std::vector<std::string> kFiles = {
        "countries.geojson",          "kz_regions.geojson",   "lakes.geojson",
        "rivers.geojson",             "borders.geojson",      "places.geojson",
        "world/world_countries.geojson", "world/world_lakes.geojson", "world/world_rivers.geojson",
        "world/world_places.geojson"};
    return kFiles;
}

double ringArea(const MapRing& ring) {
    double a = 0.0;
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const MapXY& p = ring[i];
        const MapXY& q = ring[(i + 1) % n];
        a += p.x * q.y - q.x * p.y;
    }
    return a * 0.5;
}

MapBox inscribedViewBounds(const Projection& projection, const GeoBox& box, const MapBox& seed, double reachM,
                           double marginDeg) {
    // Every edge is tested at this many points: the box's projected outline curves (its parallels
    // are arcs around the pole), and between samples 1/64 of an edge apart no curve of it can slip.
    constexpr int kSamplesPerEdge = 64;
    const GeoBox inner{box.lonMin + marginDeg, box.lonMax - marginDeg, box.latMin + marginDeg, box.latMax - marginDeg};
    auto inside = [&](const MapBox& b) {
        if (b.minX < seed.minX - reachM || b.maxX > seed.maxX + reachM || b.minY < seed.minY - reachM ||
            b.maxY > seed.maxY + reachM) {
            return false;
        }
        for (int i = 0; i <= kSamplesPerEdge; ++i) {
            const double t = static_cast<double>(i) / kSamplesPerEdge;
            const double x = b.minX + (b.maxX - b.minX) * t, y = b.minY + (b.maxY - b.minY) * t;
            for (const MapXY p : {MapXY{x, b.minY}, MapXY{x, b.maxY}, MapXY{b.minX, y}, MapXY{b.maxX, y}}) {
                const auto ll = projection.unproject(p);
                if (!ll || !inner.contains(*ll)) return false;
            }
        }
        return true;
    };
    if (seed.empty() || !inside(seed)) return {};
    MapBox b = seed;
    // Grow the sides in turn, by 1,000 km steps halved down to 5 km: the rectangle ends up about
    // as far out on each side as the box allows, not pushed to one side.
    for (double step = 1.0e6; step >= 5.0e3; step *= 0.5) {
        for (bool grew = true; grew;) {
            grew = false;
            for (double MapBox::*side : {&MapBox::minX, &MapBox::maxX, &MapBox::minY, &MapBox::maxY}) {
                MapBox next = b;
                next.*side += (side == &MapBox::minX || side == &MapBox::minY) ? -step : step;
                if (inside(next)) {
                    b = next;
                    grew = true;
                }
            }
        }
    }
    return b;
}

double polygonArea(const MapPolygon& polygon) {
    double a = 0.0;
    for (std::size_t i = 0; i < polygon.rings.size(); ++i) {
        const double r = std::abs(ringArea(polygon.rings[i]));
        a += i == 0 ? r : -r;
    }
    return a;
}

Expected<MapData> loadMapData(const std::string& geoDir, const Projection& projection) {
    MapData data;
    ParsedFiles files(geoDir);
    auto load = [&](const std::string& name) { return files.take(name); };

    {
        auto fc = load("countries.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, true, false, false)) return *err;
        Projector pj{projection, fc->path, &kDetailedBox};
        for (std::size_t i = 0; i < fc->features.size(); ++i) {
            const GeoFeature& f = fc->features[i];
            Country c;
            c.name = f.text("name");
            c.iso3 = f.text("iso_a3");
            if (auto err = pj.polygons(f, c.polygons, c.box, i)) return *err;
            data.dataBox.addBox(c.box);
            data.countries.push_back(std::move(c));
        }
    }
    {
        auto fc = load("kz_regions.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, true, false, false)) return *err;
        if (auto err = requireText(*fc, "iso_3166_2")) return *err;
        Projector pj{projection, fc->path};
        for (std::size_t i = 0; i < fc->features.size(); ++i) {
            const GeoFeature& f = fc->features[i];
            Region r;
            r.name = f.text("name");
            r.nameShort = f.text("name_short", r.name);
            r.nameRu = f.text("name_ru");
            r.iso = f.text("iso_3166_2");
            r.kind = f.text("kind");
            r.adminCenter = f.text("admin_center");
            if (auto err = pj.polygons(f, r.polygons, r.box, i)) return *err;
            data.kazakhstanBox.addBox(r.box);
            data.regions.push_back(std::move(r));
        }
        assignTints(data.regions);
    }
    {
        auto fc = load("lakes.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, true, false, false)) return *err;
        Projector pj{projection, fc->path};
        for (std::size_t i = 0; i < fc->features.size(); ++i) {
            const GeoFeature& f = fc->features[i];
            WaterBody w;
            w.name = f.text("name");
            w.featureClass = f.text("featurecla");
            w.scaleRank = static_cast<int>(f.number("scalerank", 10));
            if (auto err = pj.polygons(f, w.polygons, w.box, i)) return *err;
            for (const auto& p : w.polygons) w.areaKm2 += polygonArea(p) / 1e6;
            for (std::size_t k = 0; k < w.polygons.size(); ++k) addShore(f.polygons[k], w.polygons[k], kDetailedBox, w.shore);
            data.water.push_back(std::move(w));
        }
    }
    {
        auto fc = load("rivers.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, false, true, false)) return *err;
        Projector pj{projection, fc->path};
        for (std::size_t i = 0; i < fc->features.size(); ++i) {
            const GeoFeature& f = fc->features[i];
            River r;
            r.name = f.text("name");
            r.scaleRank = static_cast<int>(f.number("scalerank", 10));
            r.lakeCenterline = f.text("featurecla") == "Lake Centerline";
            if (auto err = pj.lines(f, r.lines, i)) return *err;
            data.rivers.push_back(std::move(r));
        }
    }
    {
        auto fc = load("borders.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, false, true, false)) return *err;
        Projector pj{projection, fc->path};
        for (std::size_t i = 0; i < fc->features.size(); ++i) {
            const GeoFeature& f = fc->features[i];
            Border b;
            b.left = f.text("left");
            b.right = f.text("right");
            b.touchesKazakhstan = f.flag("kazakhstan");
            if (auto err = pj.lines(f, b.lines, i)) return *err;
            data.borders.push_back(std::move(b));
        }
    }
    {
        auto fc = load("places.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, false, false, true)) return *err;
        if (auto err = requireText(*fc, "name")) return *err;
        for (std::size_t i = 0; i < fc->features.size(); ++i) {
            const GeoFeature& f = fc->features[i];
            Place p;
            p.name = f.text("name");
            p.nameRu = f.text("name_ru");
            p.country = f.text("country");
            p.regionIso = f.text("region_iso");
            p.role = f.text("role");
            p.keyCity = f.flag("key_city");
            p.nationalCapital = f.flag("is_national_capital");
            p.admin1Capital = f.flag("is_admin1_capital");
            p.population = f.number("pop_max", 0);
            p.scaleRank = static_cast<int>(f.number("scalerank", 10));
            p.lonLat = f.points.front();
            auto xy = projection.project(p.lonLat);
            if (!xy) {
                return Error{ErrorKind::Projection, fc->path + ": feature " + std::to_string(i) + " ('" + p.name +
                                                        "'): position cannot be projected"};
            }
            p.xy = *xy;
            data.places.push_back(std::move(p));
        }
    }
    if (data.regions.empty()) {
        return Error{ErrorKind::GeoJsonStructure, geoDir + "/kz_regions.geojson: no regions in the file"};
    }
    data.viewBounds = inscribedViewBounds(projection, kWorldBox, data.kazakhstanBox);
    if (data.viewBounds.empty()) data.viewBounds = data.dataBox;
    if (auto err = loadWorldLayers(files, projection, data)) return *err;
    return data;
}

}  // namespace qantar::core
