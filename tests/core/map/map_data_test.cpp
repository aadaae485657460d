#include "core/map/triangulation.hpp"
#include "core/map/map_data.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/map/map_scene.hpp"

using namespace qantar::core;
namespace fs = std::filesystem;

namespace {

const std::string kGeoDir = std::string(QANTAR_ASSET_DIR) + "/geo";

class MapDataTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto p = Projection::create();
        ASSERT_TRUE(p.ok());
        s_projection = new Projection(std::move(*p));
        auto d = loadMapData(kGeoDir, *s_projection);
        ASSERT_TRUE(d.ok()) << d.error().message;
        s_data = new MapData(std::move(*d));
    }
    static void TearDownTestSuite() {
        delete s_data;
        delete s_projection;
    }
    static Projection* s_projection;
    static MapData* s_data;
};
Projection* MapDataTest::s_projection = nullptr;
MapData* MapDataTest::s_data = nullptr;

bool pointInRing(const MapRing& ring, MapXY p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const MapXY& a = ring[i];
        const MapXY& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

bool inRegion(const Region& r, MapXY p) {
    for (const auto& poly : r.polygons) {
        if (!pointInRing(poly.rings[0], p)) continue;
        bool inHole = false;
        for (std::size_t h = 1; h < poly.rings.size(); ++h) inHole = inHole || pointInRing(poly.rings[h], p);
        if (!inHole) return true;
    }
    return false;
}

}  // namespace

TEST_F(MapDataTest, HasTheSeventeenRegionsOfJanuary2022) {
    ASSERT_EQ(s_data->regions.size(), 17u);
    std::set<std::string> iso;
    for (const auto& r : s_data->regions) iso.insert(r.iso);
    for (const char* code : {"KZ-AST", "KZ-ALA", "KZ-SHY", "KZ-MAN", "KZ-ALM", "KZ-YUZ"}) {
        EXPECT_TRUE(iso.count(code)) << code;
    }
    EXPECT_EQ(s_data->findRegion("KZ-ALM")->adminCenter, "Taldykorgan");
}

TEST_F(MapDataTest, KeyCitiesArePresentAndInsideTheirRegions) {
    const char* cities[] = {"Zhanaozen", "Aktau", "Aktobe", "Atyrau", "Uralsk", "Almaty", "Taldykorgan",
                            "Nur-Sultan", "Shymkent", "Taraz", "Kyzylorda", "Karaganda", "Pavlodar", "Oskemen",
                            "Semey", "Kostanay", "Petropavl", "Kokshetau", "Turkistan"};
    for (const char* name : cities) {
        const Place* p = s_data->findPlace(name);
        ASSERT_NE(p, nullptr) << name;
        EXPECT_TRUE(p->keyCity) << name;
        const Region* r = s_data->findRegion(p->regionIso);
        ASSERT_NE(r, nullptr) << name;
        EXPECT_TRUE(inRegion(*r, p->xy)) << name << " should lie in " << r->name;
        EXPECT_TRUE(s_data->kazakhstanBox.contains(p->xy)) << name;
    }
    EXPECT_EQ(s_data->findPlace("Almaty")->regionIso, "KZ-ALA");
}

TEST_F(MapDataTest, NeighbouringRegionsGetDifferentTints) {
    // Almaty city is enclosed by Almaty Region; Nur-Sultan by Akmola Region.
    EXPECT_NE(s_data->findRegion("KZ-ALA")->tint, s_data->findRegion("KZ-ALM")->tint);
    EXPECT_NE(s_data->findRegion("KZ-AST")->tint, s_data->findRegion("KZ-AKM")->tint);
    for (const auto& r : s_data->regions) {
        EXPECT_GE(r.tint, 0);
        EXPECT_LE(r.tint, 3);
    }
}

TEST_F(MapDataTest, WaterIncludesTheBigThree) {
    std::set<std::string> names;
    for (const auto& w : s_data->water) names.insert(w.name);
    EXPECT_TRUE(names.count("Caspian Sea"));
    EXPECT_TRUE(names.count("Aral Sea") || names.count("North Aral Sea"));
    EXPECT_TRUE(names.count("Lake Balkhash"));
}

TEST_F(MapDataTest, SceneTriangulatesEveryLayerAndLabelsEveryKeyCity) {
    auto scene = buildMapScene(*s_data, *s_projection);
    ASSERT_TRUE(scene.ok()) << scene.error().message;
    EXPECT_FALSE(scene->regions.indices.empty());
    EXPECT_FALSE(scene->neighbours.indices.empty());
    EXPECT_FALSE(scene->water.indices.empty());
    EXPECT_FALSE(scene->rivers.indices.empty());
    EXPECT_FALSE(scene->kazakhstanBorder.indices.empty());
    // The triangulated regions cover the regions' area.
    double area = 0.0;
    for (const auto& r : s_data->regions)
        for (const auto& p : r.polygons) area += polygonArea(p);
    EXPECT_NEAR(meshArea(scene->regions), area, area * 1e-3);
    // Kazakhstan: about 2.72 million km² (the map's conic inflates area by a few per cent at most).
    EXPECT_NEAR(area / 1e6, 2.72e6, 0.1e6);
    std::set<std::string> labelled;
    for (const auto& l : scene->labels) labelled.insert(l.text);
    for (const auto& p : s_data->places)
        if (p.keyCity) {
            EXPECT_TRUE(labelled.count(p.name)) << p.name;
        }
}

TEST_F(MapDataTest, ReleasedSceneKeepsWhatDrawingStillNeeds) {
    auto built = buildMapScene(*s_data, *s_projection);
    ASSERT_TRUE(built.ok()) << built.error().message;
    MapScene scene = std::move(*built);
    const std::size_t labels = scene.labels.size();
    const auto ranges = scene.regionIndexRanges;
    std::vector<int> levels;
    for (double mpp : {10.0, 150.0, 500.0, 1200.0, 5000.0}) levels.push_back(lineLevelFor(scene, mpp));
    ASSERT_NE(levels.front(), levels.back()) << "the scales should span several line levels";

    releaseMeshes(scene);
    // Nothing of the geometry is held any more, not even as spare capacity.
    for (const FillMesh* m : {&scene.neighbours, &scene.kazakhstan, &scene.regions, &scene.water}) {
        EXPECT_EQ(m->vertices.capacity() + m->indices.capacity(), 0u);
    }
    for (const LineMesh* m : {&scene.graticule, &scene.rivers, &scene.waterOutlines, &scene.regionBorders,
                              &scene.countryBorders, &scene.kazakhstanBorder}) {
        EXPECT_EQ(m->vertices.capacity() + m->indices.capacity(), 0u);
    }
    for (const SimplifiedLines& level : scene.simplifiedLines) {
        EXPECT_EQ(level.lines.rivers.vertices.capacity() + level.lines.regionBorders.indices.capacity(), 0u);
    }
    // What label placement, area shading, camera fits and the choice of line level use stays.
    EXPECT_EQ(scene.labels.size(), labels);
    EXPECT_EQ(scene.regionIndexRanges, ranges);
    EXPECT_GT(scene.kazakhstanBox.maxX, scene.kazakhstanBox.minX);
    std::vector<int> after;
    for (double mpp : {10.0, 150.0, 500.0, 1200.0, 5000.0}) after.push_back(lineLevelFor(scene, mpp));
    EXPECT_EQ(after, levels);
}

TEST(MapDataLoad, MissingFileIsNamed) {
    const fs::path dir = fs::temp_directory_path() / "qantar_missing_geo";
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& f : mapDataFiles()) {
        if (f != "lakes.geojson") fs::copy_file(kGeoDir + "/" + f, dir / f);
    }
    auto p = Projection::create();
    ASSERT_TRUE(p.ok());
    auto d = loadMapData(dir.string(), *p);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().kind, ErrorKind::FileNotFound);
    EXPECT_NE(d.error().message.find("lakes.geojson"), std::string::npos) << d.error().message;
    fs::remove_all(dir);
}

TEST(MapDataLoad, BrokenFileIsNamedWithItsProblem) {
    const fs::path dir = fs::temp_directory_path() / "qantar_broken_geo";
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& f : mapDataFiles()) fs::copy_file(kGeoDir + "/" + f, dir / f);
    {
        std::ofstream out(dir / "kz_regions.geojson", std::ios::trunc);
        out << "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"X\"},"
               " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[60,45],[61,45],[61,46],[60,45]]]}}]}";
    }
    auto p = Projection::create();
    ASSERT_TRUE(p.ok());
    auto d = loadMapData(dir.string(), *p);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().kind, ErrorKind::MissingProperty);
    EXPECT_NE(d.error().message.find("kz_regions.geojson: feature 0: property 'iso_3166_2'"), std::string::npos)
        << d.error().message;
    fs::remove_all(dir);
}
