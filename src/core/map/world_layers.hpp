#pragma once
// The world layers' geometry that the map scene is built from (core/map/map_scene.cpp): the area
// every view may reach, the seas under it, the night's grid over it, and the world's land
// simplified with its borders and coasts.
#include <string>
#include <vector>

#include "core/geo/projection.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"

namespace qantar::core {

// What the world layers need to cover: the view bounds, grown a little so no edge of what is
// drawn is ever in view.
MapBox worldDrawBox(const MapBox& viewBounds);

// The seas: all of worldDrawBox(viewBounds), as two triangles in the water fill; the land goes
// over them.
void addWorldWater(const MapBox& viewBounds, FillMesh& out);

// A grid over worldDrawBox(viewBounds) for the night shading (64 x 48 cells, about 170 km): each
// vertex knows its place on the Earth, and the shader works out the sun's elevation from it,
// interpolated across a cell (the twilight band is several hundred km wide). Unprojects with
// `projection`, so it runs where the projection may be used (one thread).
void addNightGrid(const Projection& projection, const MapBox& viewBounds, GeoMesh& out);

// The world layer's countries with their outlines simplified together (shared borders stay
// shared), the borders between them (the stretches of outline two countries share) and the
// coasts (the stretches only one has).
struct WorldLand {
    std::vector<MapPolygon> polygons;
    std::vector<const std::string*> names;  // each polygon's country (pointing into `countries`), for errors
    std::vector<MapRing> borders;
    std::vector<MapRing> coasts;
};
WorldLand simplifyWorldLand(const std::vector<Country>& countries, double toleranceM);

}  // namespace qantar::core
