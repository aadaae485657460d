#pragma once
// The static base map turned into drawable geometry and label requests: built once at load from
// MapData (triangulated fills, extruded lines, label list) and kept for the program's lifetime.
// Time-driven layers (events) are computed separately per frame and drawn on top.
#include <array>
#include <string>
#include <vector>

#include "core/io/error.hpp"
#include "core/map/map_data.hpp"
#include "core/map/mesh.hpp"

namespace qantar::core {

// Base-map layers the user can toggle.
// The world layers beyond the detailed box follow the same toggles (Neighbours: the land around;
// Water: the seas and lakes); Night is the day/night shading at the clock's instant.
enum class MapLayer { Neighbours, Regions, RegionBorders, Water, Rivers, CountryBorders, Cities, Labels, Graticule, Night, Count };
constexpr int kMapLayerCount = static_cast<int>(MapLayer::Count);
// Human-readable layer name for panels and legends, e.g. "Lakes and seas".
const char* mapLayerName(MapLayer layer);

struct LayerVisibility {
    std::array<bool, kMapLayerCount> on{true, true, true, true, true, true, true, true, true, true};
    bool visible(MapLayer l) const { return on[static_cast<int>(l)]; }
    void set(MapLayer l, bool v) { on[static_cast<int>(l)] = v; }
};

enum class LabelFont { Regular, Bold, Italic };
enum class LabelRole { City, MinorCity, Capital, Country, Region, Water };

// A label the renderer measures and the placer positions.
struct MapLabel {
    std::string text;
    MapXY anchor;
    bool pointLabel = true;       // a city (dot + text) or an area (centred text)
    LabelFont font = LabelFont::Regular;
    LabelRole role = LabelRole::City;
    float sizePx = 12.0f;         // text height at scale 1
    float letterSpacingPx = 0.0f; // extra advance per character at scale 1 (spaced capitals)
    double priority = 0.0;
    double maxMetersPerPixel = 1e9;
    float markerRadiusPx = 0.0f;  // point labels: marker radius at scale 1
    bool alwaysShowMarker = false;
    MapLayer layer = MapLayer::Labels;  // the layer whose toggle hides it
};

// The line layers that get simpler when zoomed out, at one level of detail.
struct MapLines {
    LineMesh rivers;
    LineMesh waterOutlines;
    LineMesh regionBorders;
    LineMesh countryBorders;
    LineMesh kazakhstanBorder;
};

// Largest distance, in pixels, between a simplified line and the full-resolution one that a
// frame may show.
constexpr double kMaxLineErrorPx = 0.5;
// Simplification tolerances of the coarser line levels, map metres, finer to coarser. A level is
// drawn once a pixel spans toleranceM / kMaxLineErrorPx metres or more: the default
// full-country view of a 1080p frame is about 1,700 m per pixel, so it gets the coarsest level.
constexpr std::array<double, 3> kLineLevelToleranceM{100.0, 300.0, 800.0};

struct SimplifiedLines {
    double toleranceM = 0.0;
    double minMetersPerPixel = 0.0;  // toleranceM / kMaxLineErrorPx
    MapLines lines;
};

// A vertex of the night shading's grid: its map position and where it is on the Earth, so the
// shader can tell the sun's elevation there.
struct GeoVertex {
    float x, y;      // map metres
    float lon, lat;  // degrees
};
using GeoMesh = Mesh<GeoVertex>;

// Simplification of the world layers' outlines and lines, map metres, done once at load (they
// have one level of detail): their 1:50m source is itself only good to a kilometre or two, and
// they are seen zoomed out (at the full-country view of a 1080p frame a pixel spans 1,700 m).
constexpr double kWorldToleranceM = 2000.0;

struct MapScene {
    // The world beyond the detailed box, drawn first: water over the whole view bounds, then
    // land and lakes (kWorldToleranceM).
    FillMesh worldWater;   // the seas: a rectangle a little larger than viewBounds
    FillMesh worldLand;
    FillMesh worldLakes;
    LineMesh worldRivers;         // the world's lines at their one level (kWorldToleranceM)
    LineMesh worldWaterOutlines;
    LineMesh worldBorders;        // land borders between the world layer's countries
    LineMesh worldCoasts;         // the rest of their outlines, in the water outline's style
    GeoMesh nightGrid;       // covers the view bounds, for the night shading
    FillMesh neighbours;   // every country but Kazakhstan
    FillMesh kazakhstan;   // Kazakhstan's country outline (under the regions)
    FillMesh regions;      // the 17 regions, tinted
    // For each region (MapData::regions order): its first index and index count in `regions`.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> regionIndexRanges;
    FillMesh water;        // lakes, reservoirs, the Caspian
    LineMesh graticule;
    LineMesh rivers;
    LineMesh waterOutlines;
    LineMesh regionBorders;
    LineMesh countryBorders;
    LineMesh kazakhstanBorder;
    // Coarser versions of the five detailed line layers above, one per kLineLevelToleranceM (the graticule
    // is already coarse and has no other levels).
    std::vector<SimplifiedLines> simplifiedLines;
    std::vector<MapLabel> labels;
    MapBox kazakhstanBox;
    MapBox dataBox;
    MapBox viewBounds;  // MapData::viewBounds: no view may show beyond it
};

// The line level to draw at a scale: 0 for the full-resolution layers, i for simplifiedLines[i - 1];
// the coarsest whose error stays below kMaxLineErrorPx.
int lineLevelFor(const MapScene& scene, double metersPerPixel);

// Frees the vertices and indices of every mesh, for a program that has uploaded them and draws
// from the GPU's copy, and gives the freed memory back to the system. Labels, boxes, region index ranges and line-level tolerances stay, so the
// scene still serves label placement, camera fits, area shading and lineLevelFor.
void releaseMeshes(MapScene& scene);

// Triangulates, simplifies and extrudes everything, spreading the polygons over a few threads;
// the scene is the same whatever their number. Fails only if a polygon cannot be triangulated at
// all (the first such polygon in layer order is reported).
Expected<MapScene> buildMapScene(const MapData& data, const Projection& projection);

}  // namespace qantar::core
