// The map cache (core/map/map_cache.hpp): a map read back from it is the map a fresh build makes,
// and a cache that is stale (other map data), damaged (truncated, a flipped byte, a garbage
// header, empty, another format version) or cannot be written never gives a wrong map or a crash:
// the map is built again, one message says why, and the file is put right.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/io/cache_file.hpp"
#include "core/map/map_cache.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"

using namespace qantar::core;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeAll(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

template <typename V>
void expectSameMesh(const Mesh<V>& a, const Mesh<V>& b, const char* what) {
    ASSERT_EQ(a.vertices.size(), b.vertices.size()) << what;
    EXPECT_EQ(0, std::memcmp(a.vertices.data(), b.vertices.data(), a.vertices.size() * sizeof(V))) << what;
    EXPECT_EQ(a.indices, b.indices) << what;
}

void expectSameMap(const MapData& da, const MapScene& a, const MapData& db, const MapScene& b) {
    expectSameMesh(a.worldWater, b.worldWater, "worldWater");
    expectSameMesh(a.worldLand, b.worldLand, "worldLand");
    expectSameMesh(a.worldLakes, b.worldLakes, "worldLakes");
    expectSameMesh(a.worldRivers, b.worldRivers, "worldRivers");
    expectSameMesh(a.worldWaterOutlines, b.worldWaterOutlines, "worldWaterOutlines");
    expectSameMesh(a.worldBorders, b.worldBorders, "worldBorders");
    expectSameMesh(a.worldCoasts, b.worldCoasts, "worldCoasts");
    expectSameMesh(a.nightGrid, b.nightGrid, "nightGrid");
    expectSameMesh(a.neighbours, b.neighbours, "neighbours");
    expectSameMesh(a.kazakhstan, b.kazakhstan, "kazakhstan");
    expectSameMesh(a.regions, b.regions, "regions");
    expectSameMesh(a.water, b.water, "water");
    expectSameMesh(a.graticule, b.graticule, "graticule");
    expectSameMesh(a.rivers, b.rivers, "rivers");
    expectSameMesh(a.waterOutlines, b.waterOutlines, "waterOutlines");
    expectSameMesh(a.regionBorders, b.regionBorders, "regionBorders");
    expectSameMesh(a.countryBorders, b.countryBorders, "countryBorders");
    expectSameMesh(a.kazakhstanBorder, b.kazakhstanBorder, "kazakhstanBorder");
    EXPECT_EQ(a.regionIndexRanges, b.regionIndexRanges);
    ASSERT_EQ(a.simplifiedLines.size(), b.simplifiedLines.size());
    for (std::size_t i = 0; i < a.simplifiedLines.size(); ++i) {
        EXPECT_EQ(a.simplifiedLines[i].toleranceM, b.simplifiedLines[i].toleranceM);
        expectSameMesh(a.simplifiedLines[i].lines.rivers, b.simplifiedLines[i].lines.rivers, "level rivers");
        expectSameMesh(a.simplifiedLines[i].lines.regionBorders, b.simplifiedLines[i].lines.regionBorders,
                       "level regionBorders");
    }
    ASSERT_EQ(a.labels.size(), b.labels.size());
    for (std::size_t i = 0; i < a.labels.size(); ++i) {
        EXPECT_EQ(a.labels[i].text, b.labels[i].text);
        EXPECT_EQ(a.labels[i].anchor.x, b.labels[i].anchor.x);
        EXPECT_EQ(a.labels[i].anchor.y, b.labels[i].anchor.y);
        EXPECT_EQ(a.labels[i].priority, b.labels[i].priority);
        EXPECT_EQ(a.labels[i].font, b.labels[i].font);
    }
    EXPECT_EQ(a.viewBounds.minX, b.viewBounds.minX);
    EXPECT_EQ(a.viewBounds.maxY, b.viewBounds.maxY);
    ASSERT_EQ(da.places.size(), db.places.size());
    for (std::size_t i = 0; i < da.places.size(); ++i) {
        EXPECT_EQ(da.places[i].name, db.places[i].name);
        EXPECT_EQ(da.places[i].xy.x, db.places[i].xy.x);
    }
    ASSERT_EQ(da.regions.size(), db.regions.size());
    for (std::size_t i = 0; i < da.regions.size(); ++i) {
        EXPECT_EQ(da.regions[i].iso, db.regions[i].iso);
        EXPECT_EQ(da.regions[i].polygons.size(), db.regions[i].polygons.size());
    }
    // And everything else, field by field, as the cache writes it.
    EXPECT_TRUE(serializeMap(da, a) == serializeMap(db, b)) << "the maps differ somewhere";
}

class MapCacheTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto p = Projection::create();
        ASSERT_TRUE(p.ok());
        s_projection = new Projection(std::move(*p));
        auto d = loadMapData(kGeoDir, *s_projection);
        ASSERT_TRUE(d.ok()) << d.error().message;
        s_data = new MapData(std::move(*d));
        auto s = buildMapScene(*s_data, *s_projection);
        ASSERT_TRUE(s.ok()) << s.error().message;
        s_scene = new MapScene(std::move(*s));
        s_payload = new std::string(serializeMap(*s_data, *s_scene));
    }
    static void TearDownTestSuite() {
        delete s_payload;
        delete s_scene;
        delete s_data;
        delete s_projection;
        s_scene = nullptr;
    }

    void SetUp() override {
        if (!s_scene) GTEST_SKIP() << "suite set-up failed";
        m_dir = fs::temp_directory_path() /
                ("qantar-map-cache-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // A copy of the bundled map data, to change.
    std::string copyOfGeo() {
        const fs::path geo = m_dir / "geo";
        fs::copy(kGeoDir, geo, fs::copy_options::recursive);
        return geo.string();
    }

    struct Loaded {
        MapData data;
        MapScene scene;
        CacheOutcome outcome;
        std::vector<std::string> messages;
    };
    Loaded load(const std::string& geoDir, const MapCachePaths& paths) {
        Loaded l;
        auto m = loadMapCached(geoDir, *s_projection, Projection::kazakhstanLcc(), paths, &l.outcome,
                               [&l](const std::string& message) { l.messages.push_back(message); });
        EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message);
        if (m.ok()) {
            l.data = std::move(m->first);
            l.scene = std::move(m->second);
        }
        return l;
    }

    static inline const std::string kGeoDir = std::string(QANTAR_ASSET_DIR) + "/geo";
    static inline Projection* s_projection = nullptr;
    static inline MapData* s_data = nullptr;
    static inline MapScene* s_scene = nullptr;
    static inline std::string* s_payload = nullptr;
    fs::path m_dir;
};

TEST_F(MapCacheTest, ReadBackGivesTheMapAFreshBuildGives) {
    MapData data;
    MapScene scene;
    ASSERT_TRUE(deserializeMap(*s_payload, data, scene));
    EXPECT_FALSE(scene.regions.vertices.empty());
    expectSameMap(*s_data, *s_scene, data, scene);
}

TEST_F(MapCacheTest, SecondRunUsesTheCacheFileAndGetsTheSameMap) {
    const MapCachePaths paths{"", (m_dir / "user" / "map.cache").string()};
    const Loaded first = load(kGeoDir, paths);
    EXPECT_FALSE(first.outcome.used);
    EXPECT_EQ(first.outcome.written, paths.user);
    EXPECT_TRUE(first.messages.empty()) << "no cache yet is no problem: " << first.messages.front();
    const Loaded second = load(kGeoDir, paths);
    EXPECT_TRUE(second.outcome.used);
    EXPECT_TRUE(second.messages.empty());
    expectSameMap(*s_data, *s_scene, second.data, second.scene);
}

TEST_F(MapCacheTest, ChangedMapDataMakesTheCacheStaleAndItIsRebuilt) {
    const std::string geo = copyOfGeo();
    const MapCachePaths paths{(m_dir / "shipped" / "map.cache").string(), (m_dir / "user" / "map.cache").string()};
    const std::uint64_t hash = *mapInputHash(geo, Projection::kazakhstanLcc());
    ASSERT_FALSE(writeCacheFile(paths.shipped, kMapCacheKind, hash, *s_payload));
    EXPECT_TRUE(load(geo, paths).outcome.used);

    // One digit of one coordinate of a lake, changed.
    const fs::path lakes = fs::path(geo) / "lakes.geojson";
    std::string bytes = readAll(lakes);
    const std::size_t at = bytes.find_first_of("123456789", bytes.find("\"coordinates\"") + 40);
    ASSERT_NE(at, std::string::npos);
    bytes[at] = bytes[at] == '9' ? '8' : static_cast<char>(bytes[at] + 1);
    writeAll(lakes, bytes);

    const Loaded rebuilt = load(geo, paths);
    EXPECT_FALSE(rebuilt.outcome.used);
    ASSERT_EQ(rebuilt.messages.size(), 1u);
    EXPECT_EQ(rebuilt.messages[0], "qantar: map cache " + paths.shipped + " was made from other map data; rebuilt");
    // The map is the changed data's, not the cached one's.
    EXPECT_NE(serializeMap(rebuilt.data, rebuilt.scene), *s_payload);
    auto fresh = loadMapData(geo, *s_projection);
    ASSERT_TRUE(fresh.ok());
    EXPECT_TRUE(serializeMap(*fresh, rebuilt.scene) == serializeMap(rebuilt.data, rebuilt.scene));
    // The shipped file was put right where it is, and the next run uses it without a word.
    EXPECT_EQ(rebuilt.outcome.written, paths.shipped);
    const Loaded next = load(geo, paths);
    EXPECT_TRUE(next.outcome.used);
    EXPECT_TRUE(next.messages.empty());
    EXPECT_FALSE(fs::exists(paths.user));
}

TEST_F(MapCacheTest, EveryKindOfDamageIsDetected) {
    const fs::path file = m_dir / "map.cache";
    const std::uint64_t hash = 1234567;
    // Any payload will do (a slice of the map's keeps the test quick).
    ASSERT_FALSE(writeCacheFile(file.string(), kMapCacheKind, hash, std::string_view(*s_payload).substr(0, 100000)));
    const std::string good = readAll(file);
    ASSERT_EQ(readCacheFile(file.string(), kMapCacheKind, hash).state, CacheRead::State::Valid);
    EXPECT_EQ(readCacheFile((m_dir / "none").string(), kMapCacheKind, hash).state, CacheRead::State::Missing);

    struct Case {
        const char* name;
        std::string bytes;
        CacheRead::State state;
        std::string problem;
    };
    std::string flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x10);
    std::string garbage = good;
    for (std::size_t i = 0; i < 64; ++i) garbage[i] = static_cast<char>(i * 37 + 11);
    std::string otherVersion = good;
    otherVersion[8] = static_cast<char>(otherVersion[8] + 1);  // the format version follows the magic
    std::string otherBuild = good;
    otherBuild[40] = static_cast<char>(otherBuild[40] ^ 0x01);  // the writer's programId()
    const std::vector<Case> cases = {
        {"truncated", good.substr(0, good.size() / 3), CacheRead::State::Damaged, "is truncated"},
        {"header only, cut", good.substr(0, 40), CacheRead::State::Damaged, "is truncated"},
        {"flipped byte", flipped, CacheRead::State::Damaged, "is damaged (its contents do not match its checksum)"},
        {"garbage header", garbage, CacheRead::State::Damaged, "is not a qantar map cache"},
        {"zero length", "", CacheRead::State::Damaged, "is empty"},
        {"other version", otherVersion, CacheRead::State::Stale, "was written by another version of qantar"},
        {"other build", otherBuild, CacheRead::State::Stale, "was made by other code (another build of qantar)"},
        {"bytes appended", good + "x", CacheRead::State::Damaged, "has bytes past its end"},
    };
    for (const Case& c : cases) {
        writeAll(file, c.bytes);
        const CacheRead r = readCacheFile(file.string(), kMapCacheKind, hash, "map data");
        EXPECT_EQ(r.state, c.state) << c.name;
        EXPECT_EQ(r.problem, c.problem) << c.name;
    }
    writeAll(file, good);
    const CacheRead other = readCacheFile(file.string(), kMapCacheKind, hash + 1, "map data");
    EXPECT_EQ(other.state, CacheRead::State::Stale);
    EXPECT_EQ(other.problem, "was made from other map data");
}

TEST_F(MapCacheTest, APayloadCutShortIsRefusedWithoutReadingPastIt) {
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{100}, s_payload->size() / 3,
                          s_payload->size() - 1}) {
        MapData data;
        MapScene scene;
        EXPECT_FALSE(deserializeMap(std::string_view(*s_payload).substr(0, n), data, scene)) << n << " bytes";
    }
    // A count far larger than what follows is refused before anything is allocated.
    std::string huge(16, '\xff');
    MapData data;
    MapScene scene;
    EXPECT_FALSE(deserializeMap(huge, data, scene));
}

TEST_F(MapCacheTest, DamagedCacheIsRebuiltWithOneMessageAndRewritten) {
    const MapCachePaths paths{"", (m_dir / "map.cache").string()};
    const std::uint64_t hash = *mapInputHash(kGeoDir, Projection::kazakhstanLcc());
    ASSERT_FALSE(writeCacheFile(paths.user, kMapCacheKind, hash, *s_payload));
    std::string bytes = readAll(paths.user);
    bytes[bytes.size() - 1000] = static_cast<char>(bytes[bytes.size() - 1000] ^ 0x01);
    writeAll(paths.user, bytes);

    const Loaded rebuilt = load(kGeoDir, paths);
    EXPECT_FALSE(rebuilt.outcome.used);
    ASSERT_EQ(rebuilt.messages.size(), 1u);
    EXPECT_EQ(rebuilt.messages[0], "qantar: map cache " + paths.user +
                                       " is damaged (its contents do not match its checksum); rebuilt");
    expectSameMap(*s_data, *s_scene, rebuilt.data, rebuilt.scene);
    EXPECT_EQ(readCacheFile(paths.user, kMapCacheKind, hash).state, CacheRead::State::Valid);
}

TEST_F(MapCacheTest, AnUnwritableCacheLocationStillGivesTheMap) {
    // The cache's folder would be inside a regular file: nothing can be written there (even by root).
    writeAll(m_dir / "file", "not a folder");
    const MapCachePaths paths{"", (m_dir / "file" / "qantar" / "map.cache").string()};
    const Loaded loaded = load(kGeoDir, paths);
    EXPECT_FALSE(loaded.outcome.used);
    EXPECT_TRUE(loaded.outcome.written.empty());
    EXPECT_TRUE(loaded.messages.empty());
    expectSameMap(*s_data, *s_scene, loaded.data, loaded.scene);
}

TEST_F(MapCacheTest, PathsLieBesideTheAssetsAndInTheUsersCache) {
    const MapCachePaths p = cachePathsFor("/opt/q/share/qantar/assets/", "map.cache");
    EXPECT_EQ(p.shipped, "/opt/q/share/qantar/cache/map.cache");
    EXPECT_EQ(p.user.rfind(userCacheDir() + "/map-", 0), 0u) << p.user;
    EXPECT_NE(cachePathsFor("/other/assets", "map.cache").user, p.user) << "each assets folder has its own";
}

}  // namespace
