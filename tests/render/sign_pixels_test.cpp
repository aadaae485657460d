// Salience at national scale, in real pixels: each layer in force leaves its own mark where a
// reader of the whole country looks for it, and the others stay visible beside it (review §8,
// §20, §21). Frames are composed as the window and exports compose them, labels included; on
// failure they are written to build/test-output/.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "core/events/event_world.hpp"
#include "core/events/map_tags.hpp"
#include "render/event_overlay.hpp"
#include "render_fixture.hpp"

using namespace qantar;

namespace {

class SignPixels : public test::EventRenderFixture {
protected:
    static core::Camera national() { return fittedCamera(1280, 720); }

    static core::FrameLayers layersAt(const char* when, const core::EventLayerSettings& settings = {}) {
        auto t = core::parseIsoTime(when);
        EXPECT_TRUE(t.ok()) << when;
        return s_world->layersAt(t->instant, settings);
    }
    // The whole country at `when`, as an export at 1280x720 shows it.
    static render::Image frame(const core::FrameLayers& layers, core::ThemeId theme = core::ThemeId::Dark) {
        render::FrameOptions options;
        options.theme = theme;
        return composeFrame(national(), options, &layers, s_overlay);
    }
    static core::EventLayerSettings without(std::initializer_list<core::EventLayer> off) {
        core::EventLayerSettings s;
        for (auto l : off) s.on[static_cast<std::size_t>(l)] = false;
        return s;
    }

    // Pixels within `radius` of `centre` for which `match` holds.
    static int countNear(const render::Image& img, core::ScreenPx centre, double radius,
                         const std::function<bool(const std::uint8_t*)>& match) {
        int n = 0;
        for (int y = static_cast<int>(centre.y - radius); y <= static_cast<int>(centre.y + radius); ++y) {
            for (int x = static_cast<int>(centre.x - radius); x <= static_cast<int>(centre.x + radius); ++x) {
                if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
                if (std::hypot(x - centre.x, y - centre.y) > radius) continue;
                n += match(img.at(x, y)) ? 1 : 0;
            }
        }
        return n;
    }
    static std::function<bool(const std::uint8_t*)> near(const core::Rgba& c, int tol) {
        const int r = static_cast<int>(std::lround(c.r * 255)), g = static_cast<int>(std::lround(c.g * 255)),
                  b = static_cast<int>(std::lround(c.b * 255));
        return [=](const std::uint8_t* p) { return std::abs(p[0] - r) <= tol && std::abs(p[1] - g) <= tol && std::abs(p[2] - b) <= tol; };
    }
    static core::ScreenPx where(const char* city) { return pixelOf(national(), s_data->findPlace(city)->lonLat); }
    static void dump(const render::Image& img, const std::string& name) {
        (void)render::writePng(img, std::string(QANTAR_TEST_OUTPUT_DIR) + "/" + name + ".png");
    }

    // Points of open steppe inside Kazakhstan, away from cities and event symbols.
    static std::vector<core::ScreenPx> steppe() {
        std::vector<core::ScreenPx> v;
        for (core::LonLat ll : {core::LonLat{63.5, 47.5}, core::LonLat{66.5, 46.0}, core::LonLat{69.5, 48.3},
                                core::LonLat{72.0, 47.3}, core::LonLat{56.5, 48.5}, core::LonLat{80.0, 48.2},
                                core::LonLat{65.0, 49.8}, core::LonLat{74.5, 49.0}}) {
            v.push_back(pixelOf(national(), ll));
        }
        return v;
    }
    // Mean luminance of 9x9 pixel patches at those points.
    static double meanLuminance(const render::Image& img, const std::vector<core::ScreenPx>& at) {
        double sum = 0;
        int n = 0;
        for (const auto& c : at) {
            for (int dy = -4; dy <= 4; ++dy) {
                for (int dx = -4; dx <= 4; ++dx) {
                    const auto* p = img.at(static_cast<int>(c.x) + dx, static_cast<int>(c.y) + dy);
                    sum += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
                    ++n;
                }
            }
        }
        return sum / n;
    }

};

// The moon on the curfew's badge: a pale yellow no event symbol uses.
bool moonYellow(const std::uint8_t* p) { return p[0] > 225 && p[1] > 190 && p[1] < 250 && p[2] > 70 && p[2] < 170; }

}  // namespace

TEST_F(SignPixels, TheCurfewReadsAsACurfewAtAlmatyAtNationalScale) {
    const render::Image night = frame(layersAt("2022-01-06T02:00"));
    const render::Image day = frame(layersAt("2022-01-06T12:00"));
    const core::ScreenPx almaty = where("Almaty");
    const int atNight = countNear(night, almaty, 160.0, moonYellow);
    const int byDay = countNear(day, almaty, 160.0, moonYellow);
    EXPECT_GT(atNight, 15) << "the curfew's badge (a moon) should stand by Almaty at 02:00";
    EXPECT_EQ(byDay, 0) << "and not at noon, outside the curfew's hours";
    if (HasFailure()) {
        dump(night, "sign_curfew_night");
        dump(day, "sign_curfew_day");
    }
}

TEST_F(SignPixels, ClosedAirportsAreAircraftThatNothingHides) {
    const core::Rgba airport = core::theme(core::ThemeId::Dark).marks[static_cast<int>(core::MarkKind::Airport)];
    const render::Image closed = frame(layersAt("2022-01-06T02:00"));
    const render::Image open = frame(layersAt("2022-01-04T12:00"));
    for (const char* city : {"Aktobe", "Aktau", "Nur-Sultan", "Almaty"}) {
        const core::ScreenPx p = where(city);
        // The disc is about 300 pixels; most of it must show, at the city or beside it.
        EXPECT_GT(countNear(closed, p, 50.0, near(airport, 24)), 150) << city << ": the closed airport's aircraft";
        EXPECT_LT(countNear(open, p, 50.0, near(airport, 24)), 10) << city << ": before the closures, none";
    }
    if (HasFailure()) dump(closed, "sign_airports");
}

TEST_F(SignPixels, TheBlackoutDarkensAndTheHatchingSurvivesBesideIt) {
    using core::EventLayer;
    const core::FrameLayers both = layersAt("2022-01-06T02:00");
    const render::Image all = frame(both);
    const render::Image noBlackout = frame(layersAt("2022-01-06T02:00", without({EventLayer::Internet})));
    const render::Image blackoutOnly = frame(layersAt("2022-01-06T02:00", without({EventLayer::Emergency})));
    const auto points = steppe();
    // Darker, not lighter, with the blackout.
    EXPECT_LT(meanLuminance(all, points) + 6.0, meanLuminance(noBlackout, points)) << "the blackout darkens the land";
    // Where both are in force both show: the emergency's red stripes over the blackout, and the
    // blackout's horizontal lines (rows alternately darker) under them.
    int reddish = 0, total = 0;
    for (const auto& c : points) {
        total += 81;
        reddish += countNear(all, c, 4.5, [](const std::uint8_t* p) { return p[0] > p[1] + 25; });
    }
    EXPECT_GT(reddish * 8, total) << "the hatching stays visible over the blackout";
    int rowSteps = 0;
    for (const auto& c : points) {
        // Down a column of the blackout alone, brightness rises and falls with its lines.
        int previous = -1, direction = 0;
        for (int y = static_cast<int>(c.y) - 10; y < static_cast<int>(c.y) + 10; ++y) {
            const auto* p = blackoutOnly.at(static_cast<int>(c.x), y);
            const int v = p[0] + p[1] + p[2];
            if (previous >= 0 && std::abs(v - previous) > 12) {
                const int d = v > previous ? 1 : -1;
                rowSteps += d != direction;
                direction = d;
            }
            previous = v;
        }
    }
    EXPECT_GT(rowSteps, 20) << "the blackout's fine lines";
    EXPECT_GT(visiblyDifferentPixels(all, blackoutOnly, 24), all.rgba.size() / 4 / 20) << "the hatching adds to the blackout";
    if (HasFailure()) {
        dump(all, "sign_blackout_both");
        dump(blackoutOnly, "sign_blackout_only");
        dump(noBlackout, "sign_blackout_none");
    }
}

TEST_F(SignPixels, InTheLightThemeTheBlackoutIsOneGreyNotAPatchwork) {
    using core::EventLayer;
    // Regions with different tints under the blackout should come out nearly alike, much closer
    // than the tints themselves.
    // 5 January: the shutdown is certain by then (on the 4th, its date-only day, it is drawn at
    // half strength); the emergency's hatching and the CSTO badge are left out of both frames.
    const core::FrameLayers on = layersAt("2022-01-05T12:00", without({EventLayer::Emergency, EventLayer::Csto}));
    const core::FrameLayers off = layersAt("2022-01-05T12:00", without({EventLayer::Internet, EventLayer::Emergency, EventLayer::Csto}));
    const render::Image a = frame(on, core::ThemeId::Light), b = frame(off, core::ThemeId::Light);
    const auto points = steppe();
    const auto spread = [&](const render::Image& img) {
        double lo = 1e9, hi = -1e9;
        for (const auto& c : points) {
            const double v = meanLuminance(img, {c});
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        return hi - lo;
    };
    EXPECT_LT(spread(a), 0.6 * spread(b)) << "the tints' differences shrink under the blackout";
    EXPECT_LT(meanLuminance(a, points) + 20.0, meanLuminance(b, points)) << "and the light map darkens too";
    if (HasFailure()) {
        dump(a, "sign_light_blackout");
        dump(b, "sign_light_none");
    }
}

TEST_F(SignPixels, TheCstoArrowFromRussiaIsDrawnInBothThemes) {
    const core::FrameLayers during = layersAt("2022-01-06T12:00");
    const core::FrameLayers after = layersAt("2022-01-08T12:00");
    ASSERT_EQ(during.airlifts.size(), 1u);
    const core::ScreenArrow arrow = core::approximateArrow(during.airlifts[0], national(), 1.0f);
    const core::ScreenPx mid{(arrow.tail.x + arrow.head.x) * 0.5, (arrow.tail.y + arrow.head.y) * 0.5};
    const double reach = std::hypot(arrow.head.x - arrow.tail.x, arrow.head.y - arrow.tail.y) * 0.5 + 10.0;
    for (core::ThemeId id : {core::ThemeId::Dark, core::ThemeId::Light}) {
        const core::Rgba ink = core::theme(id).airlift;
        const render::Image a = frame(during, id), b = frame(after, id);
        EXPECT_GT(countNear(a, mid, reach, near(ink, 30)), 150) << core::theme(id).name << ": the arrow on 6 January";
        EXPECT_LT(countNear(b, mid, reach, near(ink, 30)), 10) << core::theme(id).name << ": gone two days later";
        if (HasFailure()) dump(a, std::string("sign_csto_") + core::theme(id).name);
    }
}
