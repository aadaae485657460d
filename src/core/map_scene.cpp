#include "core/map_scene.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/theme.hpp"

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
        case MapLayer::Count: break;
    }
    return "?";
}

namespace {

float fillStyle(FillStyle s) { return static_cast<float>(static_cast<int>(s)); }
float lineStyle(LineStyle s) { return static_cast<float>(static_cast<int>(s)); }

Status fillAll(const std::vector<MapPolygon>& polys, float style, FillMesh& out, const std::string& what) {
    for (const auto& p : polys) {
        if (auto err = triangulatePolygon(p, style, out)) {
            return Error{err->kind, what + ": " + err->message};
        }
    }
    return std::nullopt;
}

void outlineAll(const std::vector<MapPolygon>& polys, float style, LineMesh& out) {
    for (const auto& p : polys)
        for (const auto& r : p.rings) extrudePolyline(r, true, style, out);
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

void addGraticule(const Projection& projection, LineMesh& out) {
    constexpr double kStepDeg = 5.0;
    constexpr double kDensifyDeg = 0.5;
    const float style = lineStyle(LineStyle::Graticule);
    for (double lon = 40.0; lon <= 95.0; lon += kStepDeg) {
        std::vector<LonLat> ll;
        for (double lat = 34.0; lat <= 60.0 + 1e-9; lat += kDensifyDeg) ll.push_back({lon, lat});
        extrudePolyline(projection.projectMany(ll), false, style, out);
    }
    for (double lat = 35.0; lat <= 60.0; lat += kStepDeg) {
        std::vector<LonLat> ll;
        for (double lon = 40.0; lon <= 95.0 + 1e-9; lon += kDensifyDeg) ll.push_back({lon, lat});
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
    for (const WaterBody& w : data.water) {
        if (w.areaKm2 < 1500.0 || w.name.empty()) continue;
        const MapPolygon* part = largestPart(w.polygons);
        if (!part) continue;
        MapLabel l;
        l.text = w.name;
        l.anchor = polygonLabelPoint(*part, near);
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

Expected<MapScene> buildMapScene(const MapData& data, const Projection& projection) {
    MapScene s;
    s.kazakhstanBox = data.kazakhstanBox;
    s.dataBox = data.dataBox;
    for (const Country& c : data.countries) {
        const bool kz = c.iso3 == "KAZ";
        FillMesh& mesh = kz ? s.kazakhstan : s.neighbours;
        if (auto err = fillAll(c.polygons, fillStyle(kz ? FillStyle::Kazakhstan : FillStyle::Neighbour), mesh, c.name)) {
            return *err;
        }
    }
    for (const Region& r : data.regions) {
        const float style = fillStyle(FillStyle::RegionTint0) + static_cast<float>(r.tint);
        const auto first = static_cast<std::uint32_t>(s.regions.indices.size());
        if (auto err = fillAll(r.polygons, style, s.regions, r.name)) return *err;
        s.regionIndexRanges.emplace_back(first, static_cast<std::uint32_t>(s.regions.indices.size()) - first);
        outlineAll(r.polygons, lineStyle(LineStyle::RegionBorder), s.regionBorders);
    }
    for (const WaterBody& w : data.water) {
        if (auto err = fillAll(w.polygons, fillStyle(FillStyle::Water), s.water, w.name)) return *err;
        outlineAll(w.polygons, lineStyle(LineStyle::WaterOutline), s.waterOutlines);
    }
    for (const River& r : data.rivers) {
        const bool major = r.scaleRank <= 4;
        for (const auto& l : r.lines) {
            extrudePolyline(l, false, lineStyle(major ? LineStyle::RiverMajor : LineStyle::RiverMinor), s.rivers);
        }
    }
    for (const Border& b : data.borders) {
        LineMesh& mesh = b.touchesKazakhstan ? s.kazakhstanBorder : s.countryBorders;
        const float style = lineStyle(b.touchesKazakhstan ? LineStyle::KazakhstanBorder : LineStyle::CountryBorder);
        for (const auto& l : b.lines) extrudePolyline(l, false, style, mesh);
    }
    addGraticule(projection, s.graticule);
    addPlaceLabels(data, s.labels);
    addAreaLabels(data, s.labels);
    return s;
}

}  // namespace qantar::core
