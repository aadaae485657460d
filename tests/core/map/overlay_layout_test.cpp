// Map furniture decisions (core/overlay_layout.hpp): the scale bar is a round length whose width
// on screen is that many kilometres on the ground (checked with PROJ's geodesic, independently of
// the projection's scale factor); north leans with the converging meridians of the conic; the
// events credit names every outlet of the bundled dataset.
#include "core/events/event_format.hpp"
#include "core/events/layers.hpp"
#include "core/export/export_spec.hpp"
#include "core/map/credits.hpp"
#include "core/map/overlay_layout.hpp"

#include <geodesic.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

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
    EXPECT_EQ(credit, "Events: France 2, Sky News, Financial Times, France 24 (The Observers), AFP")
        << "outlet names only: the inferences (franceinfo, La Presse, Sky News itself) stay in the data";
    int inferred = 0;
    for (const Source& s : data->sources) {
        EXPECT_NE(credit.find(s.outlet), std::string::npos) << "missing outlet '" << s.outlet << "' in: " << credit;
        inferred += s.outletInferred || s.publishedByInferred;
    }
    EXPECT_GE(inferred, 3) << "the data still says what was inferred (Sky News, franceinfo, La Presse)";
    for (const char* bookkeeping : {"inferred", "republished", "machine-translated", "La Presse", "franceinfo"}) {
        EXPECT_EQ(credit.find(bookkeeping), std::string::npos) << "'" << bookkeeping << "' in the credit: " << credit;
    }
}

TEST(EventsCredit, NamesEachOutletOnceAndOnlyItsName) {
    Dataset d;
    for (auto [id, outlet, inferred] : {std::tuple{"a", "Outlet A", false}, std::tuple{"b", "Outlet B", true},
                                        std::tuple{"c", "Outlet A", false}}) {
        Source s;
        s.id = id;
        s.outlet = outlet;
        s.outletInferred = inferred;
        s.publishedBy = "A republisher";
        s.publishedByInferred = true;
        d.sources.push_back(s);
    }
    EXPECT_EQ(eventsCredit(d), "Events: Outlet A, Outlet B");
}

// --- Where the furniture goes ---------------------------------------------------------------

namespace {

std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// Text as Noto Sans measures it, near enough: 0.55 em per character, 1.2 em high.
TextMeasure fakeFonts(float pixelScale) {
    return [pixelScale](const std::string& text, OverlayText kind) {
        const float em = overlayFontPx(kind) * pixelScale * (overlayFontBold(kind) ? 1.05f : 1.0f);
        return TextSize{0.55f * em * static_cast<float>(characters(text)), 1.2f * em};
    };
}

OverlayContent everything() {
    OverlayContent c;
    c.title = "Kazakhstan, January 2022";
    c.subtitle = "Protests, curfews and the internet blackout";
    c.moment = {"5 January 2022, 20:00 (UTC+05:00)", "Protests: 41 · Clashes: 12", "Curfew in 6 regions",
                "Internet blackout"};
    for (int i = 0; i < static_cast<int>(EventLayer::Count); ++i) c.legendNames.push_back(eventLayerName(static_cast<EventLayer>(i)));
    c.scaleBar = true;
    c.northArrow = true;
    c.credits = {kMapDataAttribution,
                 "Events: France 2 (franceinfo), Sky News (outlet inferred), Reuters, AFP, Financial Times, Vlast.kz"};
    return c;
}

std::vector<std::pair<const char*, OverlayBox>> boxesOf(const OverlayPlan& l) {
    return {{"title", l.topLeft}, {"credits", l.credits}, {"scale bar", l.scaleBar},
            {"north arrow", l.north}, {"legend", l.legend},   {"caption", l.caption}};
}

std::string describe(const OverlayBox& b) {
    return "[" + std::to_string(b.x0) + ", " + std::to_string(b.y0) + " .. " + std::to_string(b.x1) + ", " +
           std::to_string(b.y1) + "]";
}

// No two panels overlap, all are inside the image, and every line is inside the image.
void expectClean(const OverlayPlan& l, int w, int h, const TextMeasure& measure) {
    const auto boxes = boxesOf(l);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        EXPECT_TRUE(boxInside(boxes[i].second, static_cast<float>(w), static_cast<float>(h))) << boxes[i].first << " " << describe(boxes[i].second) << " leaves "
                                                      << w << "x" << h;
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            EXPECT_FALSE(boxesOverlap(boxes[i].second, boxes[j].second))
                << boxes[i].first << " " << describe(boxes[i].second) << " covers " << boxes[j].first << " "
                << describe(boxes[j].second) << " at " << w << "x" << h;
        }
    }
    for (const auto& line : l.lines) {
        const TextSize size = measure(line.text, line.kind);
        EXPECT_GE(line.x, 0.0f) << line.text;
        EXPECT_LE(line.x + size.width, static_cast<float>(w) + 0.01f) << "'" << line.text << "' runs off the right edge";
        EXPECT_LE(line.y + size.height, static_cast<float>(h) + 0.01f) << "'" << line.text << "' runs off the bottom";
    }
}

// The credit lines joined back: the whole credit, word for word.
std::string creditText(const OverlayPlan& l) {
    std::string all;
    for (const auto& line : l.lines) {
        if (line.kind == OverlayText::Credit) all += (all.empty() ? "" : " ") + line.text;
    }
    return all;
}

}  // namespace

TEST(OverlayPlacement, NothingOverlapsAtTheMinimumSizeAndTheCreditIsWhole) {
    const int w = kMinExportWidth, h = kMinExportHeight;
    const float s = 0.75f;  // pixelScaleForSize's floor, what 320x240 gets
    const auto measure = fakeFonts(s);
    const OverlayPlan l = layoutOverlays(everything(), w, h, s, measure);
    expectClean(l, w, h, measure);
    EXPECT_FALSE(l.credits.empty());
    EXPECT_FALSE(l.scaleBar.empty());
    EXPECT_FALSE(l.north.empty());
    EXPECT_FALSE(l.topLeft.empty());
    const std::string credits = creditText(l);
    EXPECT_NE(credits.find(kMapDataAttribution), std::string::npos) << "the licence's credit must be whole: " << credits;
    EXPECT_EQ(credits.find("\u2026"), std::string::npos) << "credits are wrapped, never cut: " << credits;
}

TEST(OverlayPlacement, NothingOverlapsAtAnySizeFromTheMinimumTo8k) {
    for (auto [w, h] : {std::pair{320, 240}, {240 * 2, 240}, {320, 640}, {640, 360}, {1280, 720}, {1920, 1080},
                        {2480, 3508}, {7680, 4320}}) {
        const float s = pixelScaleForSize(w, h);
        const auto measure = fakeFonts(s);
        OverlayContent c = everything();
        c.captionTitle = "The airport is seized";
        c.captionText = "Crowds enter Almaty airport; flights are cancelled and the internet is cut across the country.";
        c.captionSources = "Sources: Reuters, AFP";
        const OverlayPlan l = layoutOverlays(c, w, h, s, measure);
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
        expectClean(l, w, h, measure);
        EXPECT_NE(creditText(l).find(kMapDataAttribution), std::string::npos);
        if (w >= 1280) {
            EXPECT_FALSE(l.legend.empty()) << "the legend fits at " << w << "x" << h;
        }
    }
}

TEST(OverlayPlacement, ALongTitleWrapsToTwoLinesThenEndsInAnEllipsisInsideTheImage) {
    const int w = 640, h = 360;
    const float s = 0.75f;
    const auto measure = fakeFonts(s);
    OverlayContent c = everything();
    c.title = std::string(400, 'W') + " " + std::string(40000, 'x');
    c.subtitle = "";
    for (int i = 0; i < 200; ++i) c.subtitle += "word ";
    const OverlayPlan l = layoutOverlays(c, w, h, s, measure);
    expectClean(l, w, h, measure);
    std::vector<std::string> title, subtitle;
    for (const auto& line : l.lines) {
        if (line.kind == OverlayText::Title) title.push_back(line.text);
        if (line.kind == OverlayText::Subtitle) subtitle.push_back(line.text);
    }
    ASSERT_EQ(title.size(), 2u);
    EXPECT_EQ(title[1].substr(title[1].size() - 3), "\u2026");
    ASSERT_EQ(subtitle.size(), 2u);
    EXPECT_EQ(subtitle[1].substr(subtitle[1].size() - 3), "\u2026");
}

TEST(OverlayPlacement, ALongCaptionEndsAboveTheNorthArrowScaleBarAndCredits) {
    for (auto [w, h] : {std::pair{320, 240}, {640, 360}, {1920, 1080}}) {
        const float s = pixelScaleForSize(w, h);
        const auto measure = fakeFonts(s);
        OverlayContent c = everything();
        c.captionTitle = "";
        for (int i = 0; i < 60; ++i) c.captionTitle += "Title ";
        for (int i = 0; i < 4000; ++i) c.captionText += "caption ";
        c.captionSources = "Sources: Reuters, AFP";
        const OverlayPlan l = layoutOverlays(c, w, h, s, measure);
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
        expectClean(l, w, h, measure);
        ASSERT_FALSE(l.caption.empty());
        EXPECT_LE(l.caption.y1, l.north.y0) << "the caption covers the north arrow";
        std::size_t titleLines = 0;
        std::string lastText;
        for (const auto& line : l.lines) {
            titleLines += line.kind == OverlayText::CaptionTitle;
            if (line.kind == OverlayText::Caption) lastText = line.text;
        }
        EXPECT_LE(titleLines, kMaxTitleLines);
        if (!lastText.empty()) {
            EXPECT_EQ(lastText.substr(lastText.size() - 3), "\u2026") << "cut text ends in an ellipsis";
        }
    }
}

TEST(FitText, WrapsWordsBreaksLongWordsAndEllipsisesTheLastLine) {
    const auto measure = [](const std::string& t, OverlayText) { return TextSize{10.0f * static_cast<float>(characters(t)), 12.0f}; };
    EXPECT_EQ(fitText("one two three", OverlayText::Caption, 80.0f, 5, measure), (std::vector<std::string>{"one two", "three"}));
    EXPECT_EQ(fitText("abcdefghijkl", OverlayText::Caption, 50.0f, 5, measure),
              (std::vector<std::string>{"abcde", "fghij", "kl"}));
    EXPECT_EQ(fitText("one two three four", OverlayText::Caption, 80.0f, 1, measure), (std::vector<std::string>{"one two\u2026"}));
    // UTF-8 is broken between characters, never inside one.
    const auto kazakh = fitText("ӘҒҚҢӨҰҮҺІӘҒҚ", OverlayText::Caption, 50.0f, 2, measure);
    ASSERT_EQ(kazakh.size(), 2u);
    EXPECT_EQ(kazakh[0], "ӘҒҚҢӨ");
    EXPECT_EQ(kazakh[1], "ҰҮҺІ\u2026");
    EXPECT_TRUE(fitText("", OverlayText::Caption, 50.0f, 2, measure).empty());
    EXPECT_TRUE(fitText("text", OverlayText::Caption, 50.0f, 0, measure).empty());
}
