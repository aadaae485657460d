#include "core/map/polyline.hpp"
#include "core/map/triangulation.hpp"
#include "core/map/mesh.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/map/map_data.hpp"

using namespace qantar::core;

namespace {

MapRing square(double x0, double y0, double size, bool ccw = true) {
    MapRing r{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}};
    if (!ccw) std::reverse(r.begin(), r.end());
    return r;
}

struct AreaCase {
    const char* name;
    MapPolygon polygon;
    double expectedArea;
};

class TriangulationArea : public ::testing::TestWithParam<AreaCase> {};

}  // namespace

TEST_P(TriangulationArea, PreservesPolygonArea) {
    const AreaCase& c = GetParam();
    FillMesh mesh;
    auto err = triangulatePolygon(c.polygon, 3.0f, mesh);
    ASSERT_FALSE(err) << c.name << ": " << err->message;
    EXPECT_NEAR(meshArea(mesh), c.expectedArea, c.expectedArea * 1e-6) << c.name;
    EXPECT_NEAR(polygonArea(c.polygon), c.expectedArea, c.expectedArea * 1e-9) << c.name;
    EXPECT_EQ(mesh.indices.size() % 3, 0u) << c.name;
    for (const auto& v : mesh.vertices) EXPECT_EQ(v.style, 3.0f) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, TriangulationArea,
    ::testing::Values(
        AreaCase{"square", MapPolygon{{square(0, 0, 10)}}, 100.0},
        AreaCase{"square_with_hole", MapPolygon{{square(0, 0, 10), square(2, 2, 2, false)}}, 96.0},
        AreaCase{"two_holes", MapPolygon{{square(0, 0, 100), square(10, 10, 20, false), square(50, 50, 30, false)}},
                 10000.0 - 400.0 - 900.0},
        AreaCase{"concave_L", MapPolygon{{MapRing{{0, 0}, {20, 0}, {20, 5}, {5, 5}, {5, 20}, {0, 20}}}}, 175.0},
        AreaCase{"large_coordinates", MapPolygon{{square(-3.0e6, 1.5e6, 250000.0)}}, 250000.0 * 250000.0}),
    [](const auto& param) { return std::string(param.param.name); });

TEST(Triangulation, RepairsSelfIntersectingRing) {
    // A bow tie: two triangles of area 25 each once GEOS repairs it.
    MapPolygon bowtie{{MapRing{{0, 0}, {10, 10}, {10, 0}, {0, 10}}}};
    FillMesh mesh;
    auto err = triangulatePolygon(bowtie, 0.0f, mesh);
    ASSERT_FALSE(err) << err->message;
    EXPECT_NEAR(meshArea(mesh), 50.0, 1e-6);
}

TEST(Triangulation, DegeneratePolygonIsAnError) {
    FillMesh mesh;
    auto err = triangulatePolygon(MapPolygon{{MapRing{{0, 0}, {1, 1}}}}, 0.0f, mesh);
    ASSERT_TRUE(err);
    EXPECT_EQ(err->kind, ErrorKind::Triangulation);
    EXPECT_TRUE(mesh.vertices.empty());
}

TEST(LineExtrusion, OpenLineMakesTwoVerticesPerPointAndQuadsBetween) {
    LineMesh mesh;
    extrudePolyline(MapRing{{0, 0}, {10, 0}, {10, 10}}, false, 2.0f, mesh);
    ASSERT_EQ(mesh.vertices.size(), 6u);
    EXPECT_EQ(mesh.indices.size(), 12u);
    // The first point's extrusion is the segment normal (pointing left of travel = +y).
    EXPECT_FLOAT_EQ(mesh.vertices[0].nx, 0.0f);
    EXPECT_FLOAT_EQ(mesh.vertices[0].ny, 1.0f);
    EXPECT_FLOAT_EQ(mesh.vertices[0].side, 1.0f);
    EXPECT_FLOAT_EQ(mesh.vertices[1].side, -1.0f);
    // The right-angle corner gets a miter of length sqrt(2) along the bisector.
    EXPECT_NEAR(std::hypot(mesh.vertices[2].nx, mesh.vertices[2].ny), std::sqrt(2.0), 1e-6);
    // Distance along the line accumulates.
    EXPECT_FLOAT_EQ(mesh.vertices[4].along, 20.0f);
}

TEST(LineExtrusion, ClosedRingJoinsBackToTheStart) {
    LineMesh mesh;
    extrudePolyline(square(0, 0, 10), true, 0.0f, mesh);
    EXPECT_EQ(mesh.vertices.size(), 10u) << "4 corners plus the repeated start, 2 vertices each";
    EXPECT_EQ(mesh.indices.size(), 24u);
    // Every corner of a square has the same miter length.
    for (std::size_t i = 0; i < mesh.vertices.size(); ++i) {
        EXPECT_NEAR(std::hypot(mesh.vertices[i].nx, mesh.vertices[i].ny), std::sqrt(2.0), 1e-6) << i;
    }
}

TEST(LineExtrusion, SharpTurnMiterIsClamped) {
    LineMesh mesh;
    extrudePolyline(MapRing{{0, 0}, {100, 0}, {0, 1}}, false, 0.0f, mesh);
    ASSERT_EQ(mesh.vertices.size(), 6u);
    EXPECT_LE(std::hypot(mesh.vertices[2].nx, mesh.vertices[2].ny), kMaxMiterLength + 1e-5);
}

TEST(LineExtrusion, DuplicatePointsAndDegenerateLinesAreSkipped) {
    LineMesh mesh;
    extrudePolyline(MapRing{{0, 0}, {0, 0}, {5, 0}, {5, 0}}, false, 0.0f, mesh);
    EXPECT_EQ(mesh.vertices.size(), 4u);
    LineMesh empty;
    extrudePolyline(MapRing{{1, 1}, {1, 1}}, false, 0.0f, empty);
    extrudePolyline(MapRing{}, false, 0.0f, empty);
    EXPECT_TRUE(empty.vertices.empty());
    for (const auto& v : mesh.vertices) EXPECT_TRUE(std::isfinite(v.nx) && std::isfinite(v.ny));
}

TEST(LabelPoint, FallsInsideAConcaveShape) {
    // A "C" shape whose bounding-box centre is outside the polygon.
    MapPolygon c{{MapRing{{0, 0}, {30, 0}, {30, 5}, {5, 5}, {5, 25}, {30, 25}, {30, 30}, {0, 30}}}};
    const MapXY p = polygonLabelPoint(c);
    EXPECT_LT(p.x, 5.0);
    EXPECT_GT(p.y, 0.0);
    EXPECT_LT(p.y, 30.0);
}
