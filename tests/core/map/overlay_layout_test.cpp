// Map furniture decisions (core/overlay_layout.hpp): the scale bar is a round length whose width
// on screen is that many kilometres on the ground (checked with PROJ's geodesic, independently of
// the projection's scale factor); north leans with the converging meridians of the conic; the
// events credit names every outlet of the bundled dataset.
#include "core/events/event_format.hpp"
#include "core/map/overlay_layout.hpp"

#include <geodesic.h>
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>

using namespace qantar::core;

namespace {

constexpr double kPi = 3.14159265358979323846;

class OverlayLayout : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto p = Projection::create();
        ASSERT_TRUE(p.ok()) << p.error().message;
        s_projection = new Projection(std::move(*p));
    }
    static void TearDownTestSuite() {
        delete s_projection;
        s_projection = nullptr;
    }
    void SetUp() override {
        if (!s_projection) GTEST_SKIP() << "no projection (see above)";
    }

    static Camera cameraAt(LonLat centre, double metersPerPixel, int w = 1920, int h = 1080) {
        auto xy = s_projection->project(centre);
        EXPECT_TRUE(xy.has_value());
        return Camera(xy.value_or(MapXY{}), metersPerPixel, w, h);
    }

    // Metres on the WGS 84 ellipsoid between two screen points.
    static double groundMetres(const Camera& cam, ScreenPx a, ScreenPx b) {
        auto la = s_projection->unproject(cam.toMap(a));
        auto lb = s_projection->unproject(cam.toMap(b));
        EXPECT_TRUE(la && lb);
        if (!la || !lb) return 0.0;
        geod_geodesic g;
        geod_init(&g, 6378137.0, 1.0 / 298.257223563);
        double s12 = 0.0;
        geod_inverse(&g, la->lat, la->lon, lb->lat, lb->lon, &s12, nullptr, nullptr);
        return s12;
    }

    static inline Projection* s_projection = nullptr;
};

// 1, 2 or 5 times a power of ten.
::testing::AssertionResult isRound(double km) {
    if (!(km > 0.0)) return ::testing::AssertionFailure() << km << " km is not positive";
    const double decade = std::pow(10.0, std::floor(std::log10(km) + 1e-9));
    const double m = km / decade;
    for (double want : {1.0, 2.0, 5.0}) {
        if (std::abs(m - want) < 1e-9) return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << km << " km is not 1, 2 or 5 × 10^n";
}

double nextRound(double km) {
    const double decade = std::pow(10.0, std::floor(std::log10(km) + 1e-9));
    const double m = std::round(km / decade);
    return (m == 1.0 ? 2.0 : m == 2.0 ? 5.0 : 10.0) * decade;
}

}  // namespace

TEST_F(OverlayLayout, ScaleBarIsTheLongestRoundLengthThatFits) {
    for (double mpp : {30.0, 137.0, 480.0, 1000.0, 2600.0, 9000.0, 24000.0}) {
        for (double maxPx : {90.0, 180.0, 360.0}) {
            const Camera cam = cameraAt({67.0, 48.0}, mpp);
            const ScaleBar bar = chooseScaleBar(cam, *s_projection, maxPx);
            SCOPED_TRACE("mpp " + std::to_string(mpp) + ", max " + std::to_string(maxPx) + " px");
            EXPECT_TRUE(isRound(bar.lengthKm));
            EXPECT_GT(bar.widthPx, 0.0);
            EXPECT_LE(bar.widthPx, maxPx + 1e-9);
            // The next round length would not fit.
            EXPECT_GT(bar.widthPx * nextRound(bar.lengthKm) / bar.lengthKm, maxPx);
        }
    }
}

TEST_F(OverlayLayout, ScaleBarWidthIsItsLengthOnTheGround) {
    struct Case {
        LonLat centre;
        double mpp;
    };
    for (const Case& c : {Case{{67.0, 48.0}, 1000.0}, Case{{76.9, 43.25}, 120.0}, Case{{52.9, 43.35}, 600.0},
                          Case{{71.4, 51.15}, 3000.0}, Case{{80.0, 45.0}, 250.0}, Case{{68.0, 40.8}, 800.0}, Case{{69.0, 55.0}, 2000.0}}) {
        const Camera cam = cameraAt(c.centre, c.mpp);
        const ScaleBar bar = chooseScaleBar(cam, *s_projection, 180.0);
        SCOPED_TRACE("centre " + std::to_string(c.centre.lon) + " E " + std::to_string(c.centre.lat) + " N, mpp " +
                     std::to_string(c.mpp));
        // Measure the bar where it is centred on the view, horizontally. The conic's scale factor
        // differs from 1 by up to 0.6 % over Kazakhstan; the bar must account for it (5e-4 tolerance).
        const double cx = cam.widthPx() / 2.0, cy = cam.heightPx() / 2.0;
        const double metres = groundMetres(cam, {cx - bar.widthPx / 2, cy}, {cx + bar.widthPx / 2, cy});
        EXPECT_NEAR(metres / 1000.0, bar.lengthKm, 5e-4 * bar.lengthKm)
            << "a " << bar.label << " bar of " << bar.widthPx << " px covers " << metres / 1000.0 << " km";
    }
}

TEST_F(OverlayLayout, ScaleBarLabelSaysItsLength) {
    const ScaleBar bar = chooseScaleBar(cameraAt({67.0, 48.0}, 1000.0), *s_projection, 180.0);
    EXPECT_DOUBLE_EQ(bar.lengthKm, 100.0);  // 180 px × ~1 km = ~180 km: 100 km fits, 200 does not
    EXPECT_EQ(bar.label, "100 km");
    const ScaleBar small = chooseScaleBar(cameraAt({67.0, 48.0}, 30.0), *s_projection, 180.0);
    EXPECT_DOUBLE_EQ(small.lengthKm, 5.0);
    EXPECT_EQ(small.label, "5 km");
}

TEST_F(OverlayLayout, ScaleBarDoublesWhenTheViewZoomsOutTwofold) {
    const ScaleBar near = chooseScaleBar(cameraAt({67.0, 48.0}, 500.0), *s_projection, 180.0);
    const ScaleBar far = chooseScaleBar(cameraAt({67.0, 48.0}, 1000.0), *s_projection, 180.0);
    EXPECT_NEAR(near.widthPx / near.lengthKm, 2.0 * far.widthPx / far.lengthKm, 1e-9)
        << "pixels per kilometre halve when metres per pixel double";
}

TEST_F(OverlayLayout, NorthIsStraightUpOnTheCentralMeridian) {
    for (double lat : {42.0, 48.0, 54.0}) {
        EXPECT_NEAR(northAngleRadians(cameraAt({67.0, lat}, 1000.0), *s_projection), 0.0, 1e-6) << lat << " N";
    }
}

TEST_F(OverlayLayout, NorthLeansWestInTheEastAndEastInTheWest) {
    const double east = northAngleRadians(cameraAt({80.0, 45.0}, 1000.0), *s_projection);
    const double west = northAngleRadians(cameraAt({52.0, 47.0}, 1000.0), *s_projection);
    EXPECT_LT(east, 0.0) << "east of 67 E the meridians converge to the upper left (counter-clockwise)";
    EXPECT_GT(west, 0.0) << "west of 67 E they converge to the upper right (clockwise)";
    // The meridian convergence of a Lambert conic is n × Δλ; for standard parallels 45 and 51 N,
    // n = ln(cos φ1 / cos φ2) / ln(tan(π/4 + φ2/2) / tan(π/4 + φ1/2)) on the sphere.
    const double p1 = 45.0 * kPi / 180.0, p2 = 51.0 * kPi / 180.0;
    const double n = std::log(std::cos(p1) / std::cos(p2)) / std::log(std::tan(kPi / 4 + p2 / 2) / std::tan(kPi / 4 + p1 / 2));
    EXPECT_NEAR(east, -n * 13.0 * kPi / 180.0, 0.01 * n * 13.0 * kPi / 180.0);
    EXPECT_NEAR(west, n * 15.0 * kPi / 180.0, 0.01 * n * 15.0 * kPi / 180.0);
}

TEST_F(OverlayLayout, NorthDoesNotDependOnZoom) {
    const double a = northAngleRadians(cameraAt({78.0, 44.0}, 100.0), *s_projection);
    const double b = northAngleRadians(cameraAt({78.0, 44.0}, 10000.0), *s_projection);
    EXPECT_NEAR(a, b, 1e-9);
}

TEST(EventsCredit, ListsEveryOutletOfTheBundledDataset) {
    auto data = loadDatasetOrError(std::string(QANTAR_ASSET_DIR) + "/events/events.json");
    ASSERT_TRUE(data.ok()) << data.error().message;
    ASSERT_GE(data->sources.size(), 5u);
    const std::string credit = eventsCredit(*data);
    EXPECT_EQ(credit.rfind("Events: ", 0), 0u) << credit;
    int inferred = 0;
    for (const Source& s : data->sources) {
        EXPECT_NE(credit.find(s.outlet), std::string::npos) << "missing outlet '" << s.outlet << "' in: " << credit;
        if (s.outletInferred) {
            ++inferred;
            EXPECT_NE(credit.find(s.outlet + " (outlet inferred)"), std::string::npos)
                << "an inferred outlet is marked as such: " << credit;
        }
    }
    EXPECT_GE(inferred, 1) << "the bundled dataset has an inferred outlet (Sky News)";
}

TEST(EventsCredit, FollowsTheDocumentedForm) {
    Dataset d;
    d.sources = {Source{"a", "Outlet A", "", "", "", "", false}, Source{"b", "Outlet B", "", "", "", "", true}};
    EXPECT_EQ(eventsCredit(d), "Events: Outlet A, Outlet B (outlet inferred)");
}
