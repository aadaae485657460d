// Line simplification for zoomed-out views: fewer points, never farther than the tolerance from
// the original lines, shared borders simplified alike, and the scene's levels chosen by scale.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>
#include <string>

#include "core/map/simplify.hpp"
#include "core/map/polyline.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"
#include "core/map/mesh.hpp"

using namespace qantar::core;

namespace {

double segmentDistance(const MapXY& p, const MapXY& a, const MapXY& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

double polylineDistance(const MapXY& p, const std::vector<MapXY>& line) {
    double best = std::hypot(p.x - line[0].x, p.y - line[0].y);
    for (std::size_t i = 0; i + 1 < line.size(); ++i) best = std::min(best, segmentDistance(p, line[i], line[i + 1]));
    return best;
}

// Worst distance between a simplified line and the original, both ways: every original point to
// the simplified segment that replaces it, and points sampled along each simplified segment to
// the original run it replaces. Also checks that the simplified points are original points, in
// order, with their original distances along the line.
::testing::AssertionResult withinTolerance(const MeasuredLine& original, const MeasuredLine& simple, double tol,
                                           double* worstOut = nullptr) {
    const MapRing& o = original.points;
    const MapRing& s = simple.points;
    const std::size_t n = o.size();
    if (s.size() < 2) return ::testing::AssertionFailure() << "fewer than 2 points left";
    // Where each simplified point is in the original (kept points come in the original order).
    std::size_t start = 0;
    while (start < n && (o[start].x != s[0].x || o[start].y != s[0].y)) ++start;
    if (start == n) return ::testing::AssertionFailure() << "first point is not an original point";
    std::vector<std::size_t> at{start};
    for (std::size_t j = 1, pos = start; j < s.size(); ++j) {
        do ++pos;
        while (pos < n && (o[pos].x != s[j].x || o[pos].y != s[j].y));
        if (pos == n) return ::testing::AssertionFailure() << "point " << j << " is not the next original point";
        at.push_back(pos);
    }
    if (original.closed) at.push_back(start + n);  // the way back to the first point
    if (simple.along.size() != at.size()) return ::testing::AssertionFailure() << "wrong number of distances along";
    for (std::size_t j = 0; j < at.size(); ++j) {
        const double want = at[j] < n ? original.along[at[j]] : original.along[start] + original.along[n];
        if (simple.along[j] != want) return ::testing::AssertionFailure() << "point " << j << " lost its distance along the line";
    }
    double worst = 0.0;
    for (std::size_t j = 0; j + 1 < at.size(); ++j) {
        const MapXY& a = o[at[j] % n];
        const MapXY& b = o[at[j + 1] % n];
        std::vector<MapXY> run;
        for (std::size_t i = at[j]; i <= at[j + 1]; ++i) run.push_back(o[i % n]);
        for (const MapXY& p : run) worst = std::max(worst, segmentDistance(p, a, b));
        for (int q = 1; q < 16; ++q) {
            const double t = q / 16.0;
            worst = std::max(worst, polylineDistance(MapXY{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)}, run));
        }
    }
    if (worstOut) *worstOut = worst;
    if (worst > tol * (1.0 + 1e-9)) return ::testing::AssertionFailure() << "off by " << worst << " m > " << tol;
    return ::testing::AssertionSuccess();
}

MapRing zigzag(double x0, double x1, int teeth, double amplitude) {
    MapRing r;
    for (int i = 0; i <= teeth; ++i) r.push_back({x0 + (x1 - x0) * i / teeth, (i % 2 ? amplitude : 0.0)});
    return r;
}

std::size_t pointCount(const std::vector<MeasuredLine>& lines) {
    std::size_t n = 0;
    for (const auto& l : lines) n += l.points.size();
    return n;
}

}  // namespace

TEST(LineSimplify, SmallWigglesGoLargeOnesStay) {
    const MeasuredLine small = measureLine(zigzag(0, 1000, 100, 5.0), false);
    const auto s = simplifyLines({small}, 10.0);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].points.size(), 2u) << "a 5 m zigzag is straight at 10 m";
    EXPECT_TRUE(withinTolerance(small, s[0], 10.0));
    EXPECT_DOUBLE_EQ(s[0].along.back(), small.along.back()) << "dashes keep their place along the line";

    const MeasuredLine large = measureLine(zigzag(0, 1000, 10, 50.0), false);
    EXPECT_EQ(simplifyLines({large}, 10.0)[0].points.size(), large.points.size());
}

TEST(LineSimplify, SeveralTolerancesAtOnceMatchOneByOne) {
    MapRing wavy;
    for (int i = 0; i <= 400; ++i) wavy.push_back({i * 10.0, 80.0 * std::sin(i * 0.13) + 7.0 * std::sin(i * 1.7)});
    const std::vector<MeasuredLine> lines{measureLine(wavy, false), measureLine(wavy, true)};
    const std::vector<double> tolerances{1.0, 5.0, 20.0, 100.0};
    const auto all = simplifyLines(lines, tolerances);
    ASSERT_EQ(all.size(), tolerances.size());
    std::size_t previous = pointCount(lines);
    for (std::size_t t = 0; t < tolerances.size(); ++t) {
        const auto one = simplifyLines(lines, tolerances[t]);
        ASSERT_EQ(one.size(), all[t].size());
        for (std::size_t i = 0; i < one.size(); ++i) {
            EXPECT_EQ(one[i].along, all[t][i].along) << "tolerance " << tolerances[t];
            EXPECT_TRUE(withinTolerance(lines[i], one[i], tolerances[t])) << "tolerance " << tolerances[t];
        }
        EXPECT_LE(pointCount(one), previous);
        previous = pointCount(one);
    }
}

TEST(LineSimplify, NeighboursKeepTheSameSharedBorder) {
    // Two squares side by side whose common edge wiggles; they run along it in opposite
    // directions and start at different corners.
    MapRing border;  // from (100, 0) up to (100, 100)
    for (int i = 0; i <= 100; ++i) border.push_back({100.0 + 3.0 * std::sin(i * 0.7) + 0.5 * (i % 3), i * 1.0});
    MapRing left{{0, 0}};
    for (const auto& p : border) left.push_back(p);
    left.push_back({0, 100});  // counter-clockwise: along the border upwards
    MapRing right{{200, 100}};
    for (auto it = border.rbegin(); it != border.rend(); ++it) right.push_back(*it);
    right.push_back({200, 0});
    const std::vector<MeasuredLine> rings{measureLine(left, true), measureLine(right, true)};
    const auto s = simplifyLines(rings, 2.5);
    auto borderPoints = [](const MeasuredLine& l) {
        std::vector<std::pair<double, double>> pts;
        for (const auto& p : l.points)
            if (p.x > 90 && p.x < 110) pts.emplace_back(p.x, p.y);
        std::sort(pts.begin(), pts.end(), [](auto a, auto b) { return a.second < b.second; });
        return pts;
    };
    const auto a = borderPoints(s[0]), b = borderPoints(s[1]);
    EXPECT_LT(a.size(), border.size());
    EXPECT_GE(a.size(), 2u);
    EXPECT_EQ(a, b) << "both squares keep the same points of their common edge";
    for (std::size_t i = 0; i < 2; ++i) EXPECT_TRUE(withinTolerance(rings[i], s[i], 2.5));
}

TEST(LineSimplify, EnclaveAndItsHoleStayTogether) {
    MapRing island;
    for (int i = 0; i < 200; ++i) {
        const double a = i * 2.0 * M_PI / 200.0;
        const double r = 1000.0 + 8.0 * std::sin(i * 1.3);
        island.push_back({r * std::cos(a), r * std::sin(a)});
    }
    MapRing hole(island.rbegin(), island.rend());  // the surrounding region's hole: reversed ...
    std::rotate(hole.begin(), hole.begin() + 37, hole.end());  // ... and starting elsewhere
    const std::vector<MeasuredLine> rings{measureLine(island, true), measureLine(hole, true)};
    const auto s = simplifyLines(rings, 20.0);
    auto sorted = [](const MeasuredLine& l) {
        std::vector<std::pair<double, double>> pts;
        for (const auto& p : l.points) pts.emplace_back(p.x, p.y);
        std::sort(pts.begin(), pts.end());
        return pts;
    };
    EXPECT_LT(s[0].points.size(), island.size());
    EXPECT_EQ(sorted(s[0]), sorted(s[1]));
    for (std::size_t i = 0; i < 2; ++i) EXPECT_TRUE(withinTolerance(rings[i], s[i], 20.0));
}

TEST(LineSimplify, TinyRingIsKeptWhole) {
    const MeasuredLine tiny = measureLine(MapRing{{0, 0}, {3, 0}, {3, 1}, {0, 1}}, true);
    const auto s = simplifyLines({tiny}, 100.0);
    EXPECT_EQ(s[0].points.size(), tiny.points.size());
    LineMesh mesh;
    extrudeLine(s[0], 0.0f, mesh);
    EXPECT_FALSE(mesh.vertices.empty()) << "still drawn, as a dot";
}

TEST(LineSimplify, MeasuredExtrusionIsTheSameAsExtrudePolyline) {
    const MapRing line{{0, 0}, {10, 0}, {10, 0}, {10, 10}, {25, 12}};
    for (bool closed : {false, true}) {
        LineMesh a, b;
        extrudePolyline(line, closed, 2.0f, a);
        extrudeLine(measureLine(line, closed), 2.0f, b);
        ASSERT_EQ(a.vertices.size(), b.vertices.size());
        EXPECT_EQ(0, std::memcmp(a.vertices.data(), b.vertices.data(), a.vertices.size() * sizeof(LineVertex)));
        EXPECT_EQ(a.indices, b.indices);
    }
}

// The bundled base map.
class SceneLineLevels : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto p = Projection::create();
        ASSERT_TRUE(p.ok());
        s_projection = new Projection(std::move(*p));
        auto d = loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *s_projection);
        ASSERT_TRUE(d.ok()) << d.error().message;
        s_data = new MapData(std::move(*d));
        auto s = buildMapScene(*s_data, *s_projection);
        ASSERT_TRUE(s.ok()) << s.error().message;
        s_scene = new MapScene(std::move(*s));
    }
    static void TearDownTestSuite() {
        delete s_scene;
        delete s_data;
        delete s_projection;
        s_scene = nullptr;
    }
    void SetUp() override {
        if (!s_scene) GTEST_SKIP() << "suite set-up failed";
    }
    static inline Projection* s_projection = nullptr;
    static inline MapData* s_data = nullptr;
    static inline MapScene* s_scene = nullptr;
};

TEST_F(SceneLineLevels, CoarserLevelsHaveFewerVertices) {
    ASSERT_EQ(s_scene->simplifiedLines.size(), kLineLevelToleranceM.size());
    auto counts = [](const LineMesh& r, const LineMesh& w, const LineMesh& rb, const LineMesh& c, const LineMesh& k) {
        return std::array<std::size_t, 5>{r.vertices.size(), w.vertices.size(), rb.vertices.size(), c.vertices.size(),
                                          k.vertices.size()};
    };
    auto previous = counts(s_scene->rivers, s_scene->waterOutlines, s_scene->regionBorders, s_scene->countryBorders,
                           s_scene->kazakhstanBorder);
    double previousTolerance = 0.0;
    for (const SimplifiedLines& level : s_scene->simplifiedLines) {
        const MapLines& l = level.lines;
        const auto now = counts(l.rivers, l.waterOutlines, l.regionBorders, l.countryBorders, l.kazakhstanBorder);
        std::size_t before = 0, after = 0;
        for (std::size_t i = 0; i < now.size(); ++i) {
            EXPECT_GT(now[i], 0u) << "layer " << i << " at " << level.toleranceM << " m";
            EXPECT_LE(now[i], previous[i]) << "layer " << i << " at " << level.toleranceM << " m";
            before += previous[i];
            after += now[i];
        }
        EXPECT_LT(static_cast<double>(after), static_cast<double>(before) * 0.9) << level.toleranceM << " m";
        EXPECT_GT(level.toleranceM, previousTolerance);
        EXPECT_DOUBLE_EQ(level.minMetersPerPixel, level.toleranceM / kMaxLineErrorPx);
        previous = now;
        previousTolerance = level.toleranceM;
    }
    const MapLines& coarsest = s_scene->simplifiedLines.back().lines;
    EXPECT_LT(coarsest.regionBorders.vertices.size(), s_scene->regionBorders.vertices.size() / 3)
        << "the detailed region outlines shrink most";
}

TEST_F(SceneLineLevels, EverySimplifiedLineStaysWithinItsTolerance) {
    std::map<std::string, std::vector<MeasuredLine>> layers;
    for (const Region& r : s_data->regions)
        for (const auto& p : r.polygons)
            for (const auto& ring : p.rings) layers["region borders"].push_back(measureLine(ring, true));
    for (const WaterBody& w : s_data->water)
        for (const auto& p : w.polygons)
            for (const auto& ring : p.rings) layers["water outlines"].push_back(measureLine(ring, true));
    for (const River& r : s_data->rivers)
        for (const auto& l : r.lines) layers["rivers"].push_back(measureLine(l, false));
    for (const Border& b : s_data->borders)
        for (const auto& l : b.lines)
            layers[b.touchesKazakhstan ? "kazakhstan border" : "country borders"].push_back(measureLine(l, false));
    for (const auto& [name, lines] : layers) {
        for (double tol : kLineLevelToleranceM) {
            const auto simple = simplifyLines(lines, tol);
            ASSERT_EQ(simple.size(), lines.size());
            double worst = 0.0;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                double w = 0.0;
                ASSERT_TRUE(withinTolerance(lines[i], simple[i], tol, &w)) << name << " line " << i << " at " << tol << " m";
                worst = std::max(worst, w);
            }
            EXPECT_LT(pointCount(simple), pointCount(lines)) << name << " at " << tol << " m";
            EXPECT_GT(worst, tol * 0.5) << name << " at " << tol << " m: the tolerance is used";
        }
    }
}

TEST_F(SceneLineLevels, LevelIsChosenSoTheErrorStaysUnderHalfAPixel) {
    EXPECT_EQ(lineLevelFor(*s_scene, 50.0), 0) << "zoomed in: full resolution";
    EXPECT_EQ(lineLevelFor(*s_scene, 1700.0), static_cast<int>(kLineLevelToleranceM.size()))
        << "the default 1080p view: the coarsest";
    for (double mpp : {25.0, 100.0, 199.0, 200.0, 500.0, 800.0, 1599.0, 1600.0, 5000.0, 25000.0}) {
        const int level = lineLevelFor(*s_scene, mpp);
        const double tol = level == 0 ? 0.0 : s_scene->simplifiedLines[level - 1].toleranceM;
        EXPECT_LE(tol / mpp, kMaxLineErrorPx) << mpp << " m/px";
        if (level < static_cast<int>(s_scene->simplifiedLines.size())) {
            EXPECT_GT(s_scene->simplifiedLines[level].toleranceM / mpp, kMaxLineErrorPx) << mpp << " m/px: a coarser one would do";
        }
    }
}

TEST(SceneBuild, SameSceneEveryTime) {
    // The scene is built on several threads; its meshes must not depend on how the work was shared.
    auto p = Projection::create();
    ASSERT_TRUE(p.ok());
    auto d = loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *p);
    ASSERT_TRUE(d.ok());
    auto a = buildMapScene(*d, *p);
    auto b = buildMapScene(*d, *p);
    ASSERT_TRUE(a.ok() && b.ok());
    auto same = [](const auto& x, const auto& y) {
        return x.indices == y.indices && x.vertices.size() == y.vertices.size() &&
               std::memcmp(x.vertices.data(), y.vertices.data(), x.vertices.size() * sizeof(x.vertices[0])) == 0;
    };
    EXPECT_TRUE(same(a->neighbours, b->neighbours));
    EXPECT_TRUE(same(a->kazakhstan, b->kazakhstan));
    EXPECT_TRUE(same(a->regions, b->regions));
    EXPECT_TRUE(same(a->water, b->water));
    EXPECT_EQ(a->regionIndexRanges, b->regionIndexRanges);
    EXPECT_TRUE(same(a->regionBorders, b->regionBorders));
    EXPECT_TRUE(same(a->rivers, b->rivers));
    for (std::size_t i = 0; i < a->simplifiedLines.size(); ++i) {
        EXPECT_TRUE(same(a->simplifiedLines[i].lines.regionBorders, b->simplifiedLines[i].lines.regionBorders));
        EXPECT_TRUE(same(a->simplifiedLines[i].lines.kazakhstanBorder, b->simplifiedLines[i].lines.kazakhstanBorder));
    }
    ASSERT_EQ(a->labels.size(), b->labels.size());
    for (std::size_t i = 0; i < a->labels.size(); ++i) {
        EXPECT_EQ(a->labels[i].text, b->labels[i].text);
        EXPECT_EQ(a->labels[i].anchor.x, b->labels[i].anchor.x);
        EXPECT_EQ(a->labels[i].anchor.y, b->labels[i].anchor.y);
    }
}
