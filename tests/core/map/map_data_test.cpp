#include "core/map/triangulation.hpp"
#include "core/map/map_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
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
    for (const FillMesh* m : {&scene.worldWater, &scene.worldLand, &scene.worldLakes, &scene.neighbours,
                              &scene.kazakhstan, &scene.regions, &scene.water}) {
        EXPECT_EQ(m->vertices.capacity() + m->indices.capacity(), 0u);
    }
    EXPECT_EQ(scene.nightGrid.vertices.capacity() + scene.nightGrid.indices.capacity(), 0u);
    for (const LineMesh* m : {&scene.worldRivers, &scene.worldWaterOutlines, &scene.worldBorders, &scene.worldCoasts,
                              &scene.graticule,
                              &scene.rivers, &scene.waterOutlines, &scene.regionBorders, &scene.countryBorders,
                              &scene.kazakhstanBorder}) {
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
    fs::create_directories(dir / "world");
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
    fs::create_directories(dir / "world");
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

TEST_F(MapDataTest, WorldLayersSurroundTheDetailedBox) {
    const WorldLayers& w = s_data->world;
    EXPECT_GT(w.countries.size(), 50u);
    EXPECT_GT(w.lakes.size(), 20u);
    EXPECT_GT(w.rivers.size(), 50u);
    std::set<std::string> names;
    for (const Place& p : w.places) {
        names.insert(p.name);
        EXPECT_FALSE(kDetailedBox.contains(p.lonLat)) << p.name << ": inside the detailed box, the detailed places stand";
        EXPECT_EQ(p.role, "world");
    }
    // Where the CSTO's members and the neighbours' capitals beyond the detailed box are.
    for (const char* city : {"Moscow", "Minsk", "Beijing", "Ulaanbaatar", "Kyiv"}) EXPECT_TRUE(names.count(city)) << city;
    EXPECT_FALSE(names.count("Astana")) << "the capital was Nur-Sultan in January 2022";
    EXPECT_FALSE(names.count("Kiev"));
}

TEST_F(MapDataTest, ViewBoundsStayInsideTheWorldDataAndAroundKazakhstan) {
    const MapBox& b = s_data->viewBounds;
    ASSERT_FALSE(b.empty());
    const MapBox& kz = s_data->kazakhstanBox;
    EXPECT_TRUE(b.contains({kz.minX, kz.minY}) && b.contains({kz.maxX, kz.maxY}));
    // Room to look well beyond the country: Moscow and Beijing fit, with a margin of thousands of km.
    EXPECT_GT(b.width(), 3.0 * kz.width());
    EXPECT_GT(b.height(), 3.0 * kz.height());
    for (const char* city : {"Moscow", "Beijing"}) {
        for (const Place& p : s_data->world.places) {
            if (p.name == city) {
                EXPECT_TRUE(b.contains(p.xy)) << city;
            }
        }
    }
    // Every point of its outline (and so of any view inside it) has world data under it.
    constexpr int kSteps = 400;
    for (int i = 0; i <= kSteps; ++i) {
        const double t = static_cast<double>(i) / kSteps;
        const double x = b.minX + b.width() * t, y = b.minY + b.height() * t;
        for (MapXY p : {MapXY{x, b.minY}, MapXY{x, b.maxY}, MapXY{b.minX, y}, MapXY{b.maxX, y}}) {
            const auto ll = s_projection->unproject(p);
            ASSERT_TRUE(ll.has_value());
            EXPECT_TRUE(kWorldBox.contains(*ll)) << ll->lon << ", " << ll->lat;
        }
    }
}

TEST_F(MapDataTest, CutEdgesOfTheDetailedWaterAreNotOutlined) {
    // The piece of the Black Sea in the detailed layer ends at 40 E, where the box cut it: its
    // outline is the shore only, open where the cut is.
    const WaterBody* blackSea = nullptr;
    for (const WaterBody& w : s_data->water)
        if (w.name.find("Black Sea") != std::string::npos) blackSea = &w;
    ASSERT_NE(blackSea, nullptr);
    ASSERT_FALSE(blackSea->shore.empty());
    for (const Outline& o : blackSea->shore) {
        EXPECT_FALSE(o.closed);
        for (std::size_t i = 0; i + 1 < o.points.size(); ++i) {
            const auto a = s_projection->unproject(o.points[i]);
            const auto b = s_projection->unproject(o.points[i + 1]);
            ASSERT_TRUE(a && b);
            EXPECT_FALSE(std::abs(a->lon - 40.0) < 1e-6 && std::abs(b->lon - 40.0) < 1e-6) << "a stretch along the cut";
        }
    }
    // The Caspian lies wholly inside: its shore is closed.
    for (const WaterBody& w : s_data->water) {
        if (w.name != "Caspian Sea") continue;
        for (const Outline& o : w.shore) EXPECT_TRUE(o.closed);
    }
}

TEST_F(MapDataTest, DetailedCountriesReachTheBoxEdgeOnItsArc) {
    // Along 60 N the detailed countries end on the parallel (an arc), not on the chord between
    // 40 E and 95 E, which would leave a lens between them and the world layers.
    const auto mid = s_projection->project({67.5, 59.9});
    ASSERT_TRUE(mid.has_value());
    bool covered = false;
    for (const Country& c : s_data->countries)
        for (const auto& poly : c.polygons) covered = covered || pointInRing(poly.rings[0], *mid);
    EXPECT_TRUE(covered) << "67.5 E 59.9 N lies in a detailed country";
}

TEST_F(MapDataTest, SceneDrawsTheWorldAroundAndNoPlaceTwice) {
    auto scene = buildMapScene(*s_data, *s_projection);
    ASSERT_TRUE(scene.ok()) << scene.error().message;
    EXPECT_FALSE(scene->worldWater.indices.empty());
    EXPECT_FALSE(scene->worldLand.indices.empty());
    EXPECT_FALSE(scene->worldLakes.indices.empty());
    EXPECT_FALSE(scene->worldRivers.indices.empty());
    EXPECT_FALSE(scene->worldBorders.indices.empty());
    EXPECT_FALSE(scene->worldCoasts.indices.empty());
    EXPECT_FALSE(scene->nightGrid.indices.empty());
    // The seas cover every view the camera allows.
    MapBox water;
    for (const FillVertex& v : scene->worldWater.vertices) water.add({v.x, v.y});
    const MapBox& b = scene->viewBounds;
    EXPECT_TRUE(water.contains({b.minX, b.minY}) && water.contains({b.maxX, b.maxY}));
    // Each city is labelled once; Nur-Sultan is, Astana is not.
    std::map<std::string, int> cities;
    for (const MapLabel& l : scene->labels)
        if (l.pointLabel) ++cities[l.text];
    EXPECT_EQ(cities["Nur-Sultan"], 1);
    EXPECT_EQ(cities.count("Astana"), 0u);
    EXPECT_EQ(cities["Moscow"], 1);
    for (const auto& [name, n] : cities) EXPECT_LE(n, 2) << name;
}

TEST(MapDataLoad, MissingWorldFileIsNamed) {
    const fs::path dir = fs::temp_directory_path() / "qantar_missing_world";
    fs::remove_all(dir);
    fs::create_directories(dir / "world");
    for (const auto& f : mapDataFiles()) {
        if (f != "world/world_rivers.geojson") fs::copy_file(kGeoDir + "/" + f, dir / f);
    }
    auto p = Projection::create();
    ASSERT_TRUE(p.ok());
    auto d = loadMapData(dir.string(), *p);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().kind, ErrorKind::FileNotFound);
    EXPECT_NE(d.error().message.find("world/world_rivers.geojson"), std::string::npos) << d.error().message;
    fs::remove_all(dir);
}
