#include "core/map/map_data.hpp"

#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/geo/geojson.hpp"

namespace qantar::core {

namespace {

struct Projector {
    const Projection& projection;
    const std::string& path;

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
                if (auto err = projectRing(r, ring, index)) return err;
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
    static const std::vector<std::string> kFiles = {"countries.geojson", "kz_regions.geojson", "lakes.geojson",
                                                    "rivers.geojson",    "borders.geojson",    "places.geojson"};
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
    auto load = [&](const std::string& name) { return loadGeoJson(geoDir + "/" + name); };

    {
        auto fc = load("countries.geojson");
        if (!fc) return fc.error();
        if (auto err = requireKind(*fc, true, false, false)) return *err;
        Projector pj{projection, fc->path};
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
    return data;
}

}  // namespace qantar::core
