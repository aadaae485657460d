#include "core/geo/projection.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace qantar::core;

namespace {

Projection make() {
    auto p = Projection::create();
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
    return std::move(*p);
}

double distance(MapXY a, MapXY b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

TEST(Projection, OriginMapsToZero) {
    const Projection p = make();
    auto xy = p.project({67.0, 48.0});
    ASSERT_TRUE(xy);
    EXPECT_NEAR(xy->x, 0.0, 1e-6);
    EXPECT_NEAR(xy->y, 0.0, 1e-6);
}

TEST(Projection, RoundTripsAcrossKazakhstanAndBeyond) {
    const Projection p = make();
    for (double lon = 40.0; lon <= 95.0; lon += 2.5) {
        for (double lat = 34.0; lat <= 60.0; lat += 2.0) {
            auto xy = p.project({lon, lat});
            ASSERT_TRUE(xy) << lon << "," << lat;
            auto back = p.unproject(*xy);
            ASSERT_TRUE(back);
            EXPECT_NEAR(back->lon, lon, 1e-9);
            EXPECT_NEAR(back->lat, lat, 1e-9);
        }
    }
}

TEST(Projection, ProjectManyMatchesProjectOneByOne) {
    const Projection p = make();
    std::vector<LonLat> pts = {{76.9286, 43.2567}, {71.4304, 51.1282}, {52.862, 43.341}, {200.0, 10.0}};
    auto many = p.projectMany(pts);
    ASSERT_EQ(many.size(), pts.size());
    for (std::size_t i = 0; i < 3; ++i) {
        auto one = p.project(pts[i]);
        ASSERT_TRUE(one);
        EXPECT_DOUBLE_EQ(many[i].x, one->x);
        EXPECT_DOUBLE_EQ(many[i].y, one->y);
    }
    EXPECT_TRUE(std::isnan(many[3].x)) << "an invalid longitude must not yield a position";
}

TEST(Projection, KnownCityDistancesMatchTheGround) {
    const Projection p = make();
    // Almaty and Nur-Sultan are about 970 km apart on the ground (great circle ~ 969 km);
    // a conformal conic fitted to Kazakhstan keeps that within 1%.
    auto almaty = p.project({76.9286, 43.2567});
    auto nurSultan = p.project({71.4304, 51.1282});
    ASSERT_TRUE(almaty && nurSultan);
    EXPECT_NEAR(distance(*almaty, *nurSultan) / 1000.0, 969.0, 10.0);
    // Almaty lies south-east of the capital; Zhanaozen far to the west.
    EXPECT_GT(almaty->x, nurSultan->x);
    EXPECT_LT(almaty->y, nurSultan->y);
    auto zhanaozen = p.project({52.862, 43.341});
    ASSERT_TRUE(zhanaozen);
    EXPECT_LT(zhanaozen->x, nurSultan->x - 1000000.0);
}

TEST(Projection, ScaleIsTrueOnTheStandardParallels) {
    const Projection p = make();
    EXPECT_NEAR(p.scaleFactorAt({67.0, 45.0}), 1.0, 2e-3);
    EXPECT_NEAR(p.scaleFactorAt({67.0, 51.0}), 1.0, 2e-3);
    EXPECT_LT(p.scaleFactorAt({67.0, 48.0}), 1.0);
}

TEST(Projection, RejectsInvalidInput) {
    const Projection p = make();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_FALSE(p.project({nan, 45.0}));
    EXPECT_FALSE(p.project({60.0, 91.0}));
    EXPECT_FALSE(p.project({181.0, 45.0}));
    EXPECT_FALSE(p.project({std::numeric_limits<double>::infinity(), 0.0}));
    EXPECT_FALSE(p.unproject({nan, 0.0}));
    EXPECT_FALSE(p.unproject({1e300, 1e300}));
}

TEST(Projection, BadDefinitionIsAClearError) {
    auto p = Projection::create("+proj=nonsense");
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().kind, ErrorKind::Projection);
    EXPECT_NE(p.error().message.find("+proj=nonsense"), std::string::npos);
}
