#include "core/map/map_scene.hpp"

#include "core/map/simplify.hpp"
#include "core/map/polyline.hpp"
#include "core/map/triangulation.hpp"
#include "core/map/world_layers.hpp"

#include <malloc.h>  // malloc_trim

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <system_error>
#include <thread>
#include <tuple>

#include "core/map/theme.hpp"

namespace qantar::core {

const char* mapLayerName(MapLayer layer) {
    switch (layer) {
        case MapLayer::Neighbours: return "Neighbouring countries";
        case MapLayer::Regions: return "Regions";
        case MapLayer::RegionBorders: return "Region borders";
        case MapLayer::Water: return "Lakes and seas";
        case MapLayer::Rivers: return "Rivers";
        case MapLayer::CountryBorders: return "Country borders";
        case MapLayer::Cities: return "Cities";
        case MapLayer::Labels: return "Labels";
        case MapLayer::Graticule: return "Graticule";
        case MapLayer::Night: return "Night";
        case MapLayer::Count: break;
    }
    return "?";
}

namespace {

float fillStyle(FillStyle s) { return static_cast<float>(static_cast<int>(s)); }
float lineStyle(LineStyle s) { return static_cast<float>(static_cast<int>(s)); }

// Building the scene is mostly GEOS triangulating polygons one by one, which parallelises well.
constexpr unsigned kMaxBuildThreads = 4;

// A piece of the scene built on its own: it writes only its own result.
struct BuildJob {
    double cost = 0.0;  // rough, for starting the longest jobs first
    std::function<void()> run;
};

// Runs every job on up to kMaxBuildThreads threads (this one included), costliest first. Jobs
// write only their own results, which the caller assembles in a fixed order afterwards, so the
// scene does not depend on the number of threads or on which thread ran which job.
void runJobs(std::vector<BuildJob>& jobs) {
    std::stable_sort(jobs.begin(), jobs.end(), [](const BuildJob& a, const BuildJob& b) { return a.cost > b.cost; });
    std::atomic<std::size_t> next{0};
    auto work = [&jobs, &next] {
        for (std::size_t i = next.fetch_add(1); i < jobs.size(); i = next.fetch_add(1)) jobs[i].run();
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, kMaxBuildThreads);
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads && t < jobs.size(); ++t) {
        try {
            helpers.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // no more threads: the ones we have do all the work
        }
    }
    work();
    for (std::thread& h : helpers) h.join();
}

// One polygon triangulated on its own, appended to its layer's mesh afterwards.
struct FillPart {
    const MapPolygon* polygon = nullptr;
    float style = 0.0f;
    FillMesh* target = nullptr;
    const std::string* what = nullptr;  // the feature's name, for errors
    MapBox clip;                        // non-empty: only the part inside it is drawn
    FillMesh mesh;
    Status error;

    void run() {
        if (clip.empty()) {
            error = triangulatePolygon(*polygon, style, mesh);
            return;
        }
        for (const MapPolygon& piece : clipPolygonToBox(*polygon, clip)) {
            if ((error = triangulatePolygon(piece, style, mesh))) return;
        }
    }
};

void appendMesh(const FillMesh& part, FillMesh& out) {
    const auto base = static_cast<std::uint32_t>(out.vertices.size());
    out.vertices.insert(out.vertices.end(), part.vertices.begin(), part.vertices.end());
    for (std::uint32_t i : part.indices) out.indices.push_back(base + i);
}

// A line layer before extrusion: its lines measured, each with its style.
struct LineLayer {
    std::vector<MeasuredLine> lines;
    std::vector<float> styles;
    void add(const MapRing& line, bool closed, float style) {
        lines.push_back(measureLine(line, closed));
        styles.push_back(style);
    }
    std::size_t pointCount() const {
        std::size_t n = 0;
        for (const MeasuredLine& l : lines) n += l.points.size();
        return n;
    }
};

// Extrudes a layer at full resolution into `full` and at each kLineLevelToleranceM into `levels`.
void extrudeLayer(const LineLayer& layer, LineMesh& full, const std::vector<LineMesh*>& levels) {
    reserveExtrusion(layer.lines, full);
    for (std::size_t i = 0; i < layer.lines.size(); ++i) extrudeLine(layer.lines[i], layer.styles[i], full);
    const std::vector<double> tolerances(kLineLevelToleranceM.begin(), kLineLevelToleranceM.end());
    const auto simple = simplifyLines(layer.lines, tolerances);
    for (std::size_t level = 0; level < levels.size(); ++level) {
        reserveExtrusion(simple[level], *levels[level]);
        for (std::size_t i = 0; i < simple[level].size(); ++i) extrudeLine(simple[level][i], layer.styles[i], *levels[level]);
    }
}

std::string upper(const std::string& s) {
    // ASCII only: the names upper-cased here (English country and region names) are ASCII.
    std::string u = s;
    for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return u;
}

const MapPolygon* largestPart(const std::vector<MapPolygon>& polys) {
    const MapPolygon* best = nullptr;
    double bestArea = -1.0;
    for (const auto& p : polys) {
        const double a = polygonArea(p);
        if (a > bestArea) {
            bestArea = a;
            best = &p;
        }
    }
    return best;
}

// Meridians and parallels every 5 degrees over the world layers' box (meridians stop at 80 N,
// where they crowd towards the pole).
void addGraticule(const Projection& projection, LineMesh& out) {
    constexpr double kStepDeg = 5.0;
    constexpr double kDensifyDeg = 1.0;
    constexpr double kMeridianEndDeg = 80.0;
    const GeoBox& box = kWorldBox;
    const float style = lineStyle(LineStyle::Graticule);
    for (double lon = box.lonMin; lon <= box.lonMax + 1e-9; lon += kStepDeg) {
        std::vector<LonLat> ll;
        for (double lat = box.latMin; lat <= kMeridianEndDeg + 1e-9; lat += kDensifyDeg) ll.push_back({lon, lat});
        extrudePolyline(projection.projectMany(ll), false, style, out);
    }
    for (double lat = box.latMin; lat <= kMeridianEndDeg + 1e-9; lat += kStepDeg) {
        std::vector<LonLat> ll;
        for (double lon = box.lonMin; lon <= box.lonMax + 1e-9; lon += kDensifyDeg) ll.push_back({lon, lat});
        extrudePolyline(projection.projectMany(ll), false, style, out);
    }
}

void addPlaceLabels(const MapData& data, std::vector<MapLabel>& labels) {
    for (const Place& p : data.places) {
        MapLabel l;
        l.text = p.name;
        l.anchor = p.xy;
        l.pointLabel = true;
        l.layer = MapLayer::Cities;
        const bool kz = p.role == "kz";
        const double popScore = std::log10(std::max(p.population, 1000.0));  // 3..7
        if (kz && p.nationalCapital) {
            l.font = LabelFont::Bold;
            l.role = LabelRole::Capital;
            l.sizePx = 15.0f;
            l.priority = 1000.0;
            l.markerRadiusPx = 4.5f;
            l.alwaysShowMarker = true;
        } else if (kz && p.keyCity) {
            l.font = p.admin1Capital ? LabelFont::Bold : LabelFont::Regular;
            l.role = LabelRole::City;
            l.sizePx = 13.0f;
            l.priority = 500.0 + popScore * 10.0 + (p.admin1Capital ? 50.0 : 0.0);
            l.markerRadiusPx = 3.2f;
            l.alwaysShowMarker = true;
        } else if (kz) {
            l.role = LabelRole::MinorCity;
            l.sizePx = 11.0f;
            l.priority = 100.0 + popScore * 10.0 - p.scaleRank;
            l.maxMetersPerPixel = 2200.0;
            l.markerRadiusPx = 2.2f;
        } else if (p.role == "neighbour_capital") {
            l.role = LabelRole::MinorCity;
            l.font = LabelFont::Bold;
            l.sizePx = 12.0f;
            l.priority = 300.0 + popScore;
            l.markerRadiusPx = 3.0f;
        } else {
            l.role = LabelRole::MinorCity;
            l.sizePx = 11.0f;
            l.priority = 80.0 + popScore * 10.0;
            l.maxMetersPerPixel = 3500.0;
            l.markerRadiusPx = 2.2f;
        }
        labels.push_back(std::move(l));
    }
}

// Cities of the world layer (outside the detailed box): below every label of the detailed layers,
// the smaller ones only when zoomed in enough for them.
void addWorldPlaceLabels(const MapData& data, std::vector<MapLabel>& labels) {
    for (const Place& p : data.world.places) {
        MapLabel l;
        l.text = p.name;
        l.anchor = p.xy;
        l.pointLabel = true;
        l.layer = MapLayer::Cities;
        l.role = LabelRole::MinorCity;
        const double popScore = std::log10(std::max(p.population, 1000.0));  // 3..7
        const double rank = std::clamp(10.0 - p.scaleRank, 0.0, 10.0);       // Natural Earth: larger is more important
        if (p.nationalCapital) {
            l.font = LabelFont::Bold;
            l.sizePx = 11.5f;
            l.priority = 60.0 + rank * 2.0 + popScore;
            l.markerRadiusPx = 2.6f;
            l.maxMetersPerPixel = p.scaleRank <= 3 ? 1e9 : 4000.0;
        } else {
            l.sizePx = 11.0f;
            l.priority = 20.0 + rank * 2.0 + popScore;
            l.markerRadiusPx = 2.0f;
            l.maxMetersPerPixel = p.scaleRank <= 2 ? 5000.0 : p.scaleRank <= 4 ? 2500.0 : 1500.0;
        }
        labels.push_back(std::move(l));
    }
}

void addAreaLabels(const MapData& data, std::vector<MapLabel>& labels) {
    // Area labels go where the usual views show the area: Kazakhstan and a margin around it.
    MapBox near = data.kazakhstanBox;
    const double mx = near.width() * 0.12, my = near.height() * 0.12;
    near.minX -= mx;
    near.maxX += mx;
    near.minY -= my;
    near.maxY += my;
    for (const Country& c : data.countries) {
        if (c.iso3 == "KAZ" || c.iso3.empty()) continue;
        const MapPolygon* part = largestPart(c.polygons);
        if (!part) continue;
        MapLabel l;
        l.text = upper(c.name);
        l.anchor = polygonLabelPoint(*part, near);
        l.pointLabel = false;
        l.font = LabelFont::Regular;
        l.role = LabelRole::Country;
        l.sizePx = 13.0f;
        l.letterSpacingPx = 2.5f;
        l.priority = 200.0 + std::log10(std::max(1.0, polygonArea(*part) / 1e6));
        l.layer = MapLayer::Neighbours;
        labels.push_back(std::move(l));
    }
    for (const Region& r : data.regions) {
        if (r.kind != "oblast") continue;  // the three cities are labelled as cities
        const MapPolygon* part = largestPart(r.polygons);
        if (!part) continue;
        MapLabel l;
        l.text = upper(r.nameShort);
        l.anchor = polygonLabelPoint(*part);
        l.pointLabel = false;
        l.role = LabelRole::Region;
        l.sizePx = 10.5f;
        l.letterSpacingPx = 1.5f;
        l.priority = 150.0;
        l.maxMetersPerPixel = 3200.0;
        l.layer = MapLayer::Regions;
        labels.push_back(std::move(l));
    }
    // The detailed layer's lakes and seas (labelled where they come near Kazakhstan), then the
    // world layer's larger lakes (Ladoga, Onega, Baikal...), seen only zoomed out, so their label
    // points need less precision.
    struct Named {
        const WaterBody* water;
        MapBox within;
        double precision;
    };
    std::vector<Named> named;
    for (const WaterBody& w : data.water) named.push_back({&w, near, 1e-3});
    for (const WaterBody& w : data.world.lakes)
        if (w.areaKm2 >= 3000.0) named.push_back({&w, MapBox{}, 1e-2});
    for (const Named& n : named) {
        const WaterBody& w = *n.water;
        if (w.areaKm2 < 1500.0 || w.name.empty()) continue;
        const MapPolygon* part = largestPart(w.polygons);
        if (!part) continue;
        MapLabel l;
        l.text = w.name;
        l.anchor = polygonLabelPoint(*part, n.within, n.precision);
        l.pointLabel = false;
        l.font = LabelFont::Italic;
        l.role = LabelRole::Water;
        l.sizePx = w.areaKm2 > 50000.0 ? 14.0f : 11.5f;
        l.priority = 250.0 + std::log10(w.areaKm2);
        l.maxMetersPerPixel = w.areaKm2 > 10000.0 ? 1e9 : 2500.0;
        l.layer = MapLayer::Water;
        labels.push_back(std::move(l));
    }
}

}  // namespace

int lineLevelFor(const MapScene& scene, double metersPerPixel) {
    int level = 0;
    for (std::size_t i = 0; i < scene.simplifiedLines.size(); ++i) {
        if (metersPerPixel >= scene.simplifiedLines[i].minMetersPerPixel) level = static_cast<int>(i) + 1;
    }
    return level;
}

void releaseMeshes(MapScene& scene) {
    // Assigning an empty mesh gives the storage back (clear() would keep the capacity).
    for (FillMesh* m : {&scene.worldWater, &scene.worldLand, &scene.worldLakes, &scene.neighbours, &scene.kazakhstan,
                        &scene.regions, &scene.water}) {
        *m = {};
    }
    for (LineMesh* m : {&scene.worldRivers, &scene.worldWaterOutlines, &scene.worldBorders, &scene.worldCoasts,
                        &scene.graticule, &scene.rivers, &scene.waterOutlines, &scene.regionBorders,
                        &scene.countryBorders, &scene.kazakhstanBorder}) {
        *m = {};
    }
    scene.nightGrid = {};
    for (SimplifiedLines& level : scene.simplifiedLines) level.lines = {};
    // The meshes were built on worker threads, whose malloc arenas keep what they free (these
    // meshes, the GeoJSON, GEOS's work) from the system until trimmed: about 10 MB.
    malloc_trim(0);
}

Expected<MapScene> buildMapScene(const MapData& data, const Projection& projection) {
    MapScene s;
    s.kazakhstanBox = data.kazakhstanBox;
    s.dataBox = data.dataBox;
    s.viewBounds = data.viewBounds;
    addWorldWater(data.viewBounds, s.worldWater);
    const WorldLand worldLand = simplifyWorldLand(data.world.countries, kWorldToleranceM);

    // Every polygon to triangulate, in the order its triangles go into the meshes.
    std::vector<FillPart> fills;
    auto addFill = [&fills](const MapPolygon& p, float style, FillMesh& target, const std::string& what,
                            const MapBox& clip = {}) {
        FillPart f;
        f.polygon = &p;
        f.style = style;
        f.target = &target;
        f.what = &what;
        f.clip = clip;
        fills.push_back(std::move(f));
    };
    auto addFills = [&addFill](const std::vector<MapPolygon>& polys, float style, FillMesh& target,
                               const std::string& what) {
        for (const MapPolygon& p : polys) addFill(p, style, target, what);
    };
    // The world's land only as far as any view reaches (the seas' rectangle).
    const MapBox worldClip = worldDrawBox(data.viewBounds);
    for (std::size_t i = 0; i < worldLand.polygons.size(); ++i) {
        addFill(worldLand.polygons[i], fillStyle(FillStyle::Neighbour), s.worldLand, *worldLand.names[i], worldClip);
    }
    for (const WaterBody& w : data.world.lakes) addFills(w.polygons, fillStyle(FillStyle::Water), s.worldLakes, w.name);
    for (const Country& c : data.countries) {
        const bool kz = c.iso3 == "KAZ";
        addFills(c.polygons, fillStyle(kz ? FillStyle::Kazakhstan : FillStyle::Neighbour), kz ? s.kazakhstan : s.neighbours,
                 c.name);
    }
    const std::size_t firstRegionFill = fills.size();
    for (const Region& r : data.regions) {
        addFills(r.polygons, fillStyle(FillStyle::RegionTint0) + static_cast<float>(r.tint), s.regions, r.name);
    }
    for (const WaterBody& w : data.water) addFills(w.polygons, fillStyle(FillStyle::Water), s.water, w.name);

    // The line layers, measured once and extruded at every level.
    LineLayer regionBorders, waterOutlines, rivers, countryBorders, kazakhstanBorder;
    LineLayer worldRivers, worldWaterOutlines, worldBorders, worldCoasts;
    for (const Region& r : data.regions)
        for (const auto& p : r.polygons)
            for (const auto& ring : p.rings) regionBorders.add(ring, true, lineStyle(LineStyle::RegionBorder));
    for (const WaterBody& w : data.water)
        for (const Outline& o : w.shore) waterOutlines.add(o.points, o.closed, lineStyle(LineStyle::WaterOutline));
    for (const WaterBody& w : data.world.lakes)
        for (const Outline& o : w.shore) worldWaterOutlines.add(o.points, o.closed, lineStyle(LineStyle::WaterOutline));
    // The land's coasts are outlined as the lakes' shores are (the seas have no outline of their own).
    for (const auto& [from, to, style] : {std::tuple{&worldLand.borders, &worldBorders, LineStyle::CountryBorder},
                                          std::tuple{&worldLand.coasts, &worldCoasts, LineStyle::WaterOutline}}) {
        for (const MapRing& line : *from) {
            MapBox box;
            for (const MapXY& p : line) box.add(p);
            if (box.intersects(worldClip)) to->add(line, false, lineStyle(style));
        }
    }
    auto addRivers = [](const std::vector<River>& from, LineLayer& to) {
        for (const River& r : from) {
            const bool major = r.scaleRank <= 4;
            for (const auto& l : r.lines) to.add(l, false, lineStyle(major ? LineStyle::RiverMajor : LineStyle::RiverMinor));
        }
    };
    addRivers(data.rivers, rivers);
    addRivers(data.world.rivers, worldRivers);
    for (const Border& b : data.borders) {
        LineLayer& layer = b.touchesKazakhstan ? kazakhstanBorder : countryBorders;
        const float style = lineStyle(b.touchesKazakhstan ? LineStyle::KazakhstanBorder : LineStyle::CountryBorder);
        for (const auto& l : b.lines) layer.add(l, false, style);
    }
    s.simplifiedLines.resize(kLineLevelToleranceM.size());
    for (std::size_t i = 0; i < kLineLevelToleranceM.size(); ++i) {
        s.simplifiedLines[i].toleranceM = kLineLevelToleranceM[i];
        s.simplifiedLines[i].minMetersPerPixel = kLineLevelToleranceM[i] / kMaxLineErrorPx;
    }

    // PROJ contexts are not shared between threads: the graticule and the night grid are
    // projected here.
    addGraticule(projection, s.graticule);
    addNightGrid(projection, data.viewBounds, s.nightGrid);

    std::vector<BuildJob> jobs;
    jobs.reserve(fills.size() + 9);
    for (FillPart& f : fills) {
        std::size_t points = 0;
        for (const auto& r : f.polygon->rings) points += r.size();
        // Constrained Delaunay triangulation grows a little faster than the point count.
        const double cost = static_cast<double>(points) * std::log2(2.0 + static_cast<double>(points));
        jobs.push_back({cost, [&f] { f.run(); }});
    }
    // Per point, measuring importance and extruding four levels costs a few times less than
    // triangulating.
    constexpr double kLineCost = 2.0;
    struct LineJob {
        const LineLayer* layer;
        LineMesh* full;
        LineMesh MapLines::*simplified;
    };
    // The world's lines at their one level: rivers and shores simplified as the land was (the
    // borders come from the simplified land already).
    for (auto [layer, out, simplify] : {std::tuple{&worldRivers, &s.worldRivers, true},
                                        std::tuple{&worldWaterOutlines, &s.worldWaterOutlines, true},
                                        std::tuple{&worldBorders, &s.worldBorders, false},
                                        std::tuple{&worldCoasts, &s.worldCoasts, false}}) {
        jobs.push_back({static_cast<double>(layer->pointCount()) * kLineCost, [layer = layer, out = out, simplify = simplify] {
                            const std::vector<MeasuredLine> lines =
                                simplify ? simplifyLines(layer->lines, kWorldToleranceM) : layer->lines;
                            reserveExtrusion(lines, *out);
                            for (std::size_t i = 0; i < lines.size(); ++i) extrudeLine(lines[i], layer->styles[i], *out);
                        }});
    }
    for (const LineJob& j : {LineJob{&rivers, &s.rivers, &MapLines::rivers},
                             LineJob{&waterOutlines, &s.waterOutlines, &MapLines::waterOutlines},
                             LineJob{&regionBorders, &s.regionBorders, &MapLines::regionBorders},
                             LineJob{&countryBorders, &s.countryBorders, &MapLines::countryBorders},
                             LineJob{&kazakhstanBorder, &s.kazakhstanBorder, &MapLines::kazakhstanBorder}}) {
        std::vector<LineMesh*> levels;
        for (SimplifiedLines& l : s.simplifiedLines) levels.push_back(&(l.lines.*j.simplified));
        jobs.push_back({static_cast<double>(j.layer->pointCount()) * kLineCost,
                        [layer = j.layer, full = j.full, levels] { extrudeLayer(*layer, *full, levels); }});
    }
    // Label points are GEOS's maximum inscribed circles, together about as long as the largest
    // triangulation: started first so it does not finish last.
    constexpr double kLabelCost = std::numeric_limits<double>::max();
    jobs.push_back({kLabelCost, [&data, &s] {
                        addPlaceLabels(data, s.labels);
                        addWorldPlaceLabels(data, s.labels);
                        addAreaLabels(data, s.labels);
                    }});
    runJobs(jobs);

    // Assemble the fills in order; the first failure, in that order, is the one reported.
    for (std::size_t i = 0; i < fills.size(); ++i) {
        FillPart& f = fills[i];
        if (f.error) return Error{f.error->kind, *f.what + ": " + f.error->message};
    }
    // Each mesh sized once, exactly: they are kept for the program's life.
    std::map<FillMesh*, std::pair<std::size_t, std::size_t>> sizes;
    for (FillPart& f : fills) {
        auto& [vertices, indices] = sizes[f.target];
        vertices += f.mesh.vertices.size();
        indices += f.mesh.indices.size();
    }
    for (auto& [mesh, size] : sizes) {
        mesh->vertices.reserve(size.first);
        mesh->indices.reserve(size.second);
    }
    std::size_t next = 0;
    for (; next < firstRegionFill; ++next) appendMesh(fills[next].mesh, *fills[next].target);
    for (const Region& r : data.regions) {
        const auto first = static_cast<std::uint32_t>(s.regions.indices.size());
        for (std::size_t k = 0; k < r.polygons.size(); ++k, ++next) appendMesh(fills[next].mesh, s.regions);
        s.regionIndexRanges.emplace_back(first, static_cast<std::uint32_t>(s.regions.indices.size()) - first);
    }
    for (; next < fills.size(); ++next) appendMesh(fills[next].mesh, *fills[next].target);
    return s;
}

}  // namespace qantar::core
