// The night: real frames, real pixels. The night side of the terminator at the clock's moment is
// darker than day, with the terminator where the sun sets, beneath the markers and labels.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>

#include "core/geo/sun.hpp"
#include "render/compositor.hpp"
#include "render/image.hpp"
#include "render_fixture.hpp"

using namespace qantar;
using qantar::test::RenderFixture;

namespace {

// Luminance of the pixel at `at`, 0..255.
double luminance(const render::Image& img, core::ScreenPx at) {
    const std::uint8_t* p = img.at(static_cast<int>(at.x), static_cast<int>(at.y));
    return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
}

core::Instant almatyTime(int day, int hour, int minute = 0) {
    return core::toInstant(core::CivilTime{2022, 1, day, hour, minute, 0}, core::kAlmatyTime);
}

const char* themeName(core::ThemeId t) { return core::theme(t).name; }

class Night : public RenderFixture {
protected:
    // The map (fills only, so sampled pixels show the ground) at `time`, with the night on or off.
    static render::Image frameAt(const core::Camera& camera, core::ThemeId theme, std::optional<core::Instant> time,
                                 bool night = true, bool cities = false) {
        render::Compositor compositor(*s_renderer, nullptr);
        render::CompositeRequest request;
        request.camera = camera;
        request.options.theme = theme;
        for (auto l : {core::MapLayer::Labels, core::MapLayer::Cities, core::MapLayer::Rivers,
                       core::MapLayer::Graticule, core::MapLayer::RegionBorders, core::MapLayer::CountryBorders}) {
            request.options.layers.set(l, false);
        }
        request.options.layers.set(core::MapLayer::Cities, cities);
        request.options.layers.set(core::MapLayer::Night, night);
        request.time = time;
        return composeWith(compositor, request);
    }
};

}  // namespace

TEST_F(Night, AlmatyIsDarkAtElevenAndLightAtOne) {
    const core::Camera cam = fittedCamera(960, 540);
    // A point of Almaty Region just outside the city (no marker or label there).
    const core::ScreenPx almaty = pixelOf(cam, {77.3, 43.45});
    for (core::ThemeId theme : {core::ThemeId::Dark, core::ThemeId::Light, core::ThemeId::Contrast}) {
        const render::Image day = frameAt(cam, theme, almatyTime(5, 13));
        const render::Image night = frameAt(cam, theme, almatyTime(5, 23));
        const render::Image noNight = frameAt(cam, theme, almatyTime(5, 23), false);
        const double d = luminance(day, almaty), n = luminance(night, almaty), off = luminance(noNight, almaty);
        EXPECT_LT(n, d * 0.8) << themeName(theme) << ": 23:00 in Almaty (" << n << ") is visibly darker than 13:00 (" << d << ")";
        EXPECT_NEAR(d, off, 1.0) << themeName(theme) << ": at 13:00 the sun is up and nothing is shaded";
        // Subtle enough: the ground keeps most of its brightness.
        EXPECT_GT(n, d * 0.3) << themeName(theme);
    }
}

TEST_F(Night, TheTerminatorCrossesTheCountryAtDusk) {
    // 17:30 in Almaty on 5 January: the sun has set over the east (Oskemen), not yet over the
    // Caspian (Aktau, an hour further west).
    const core::Instant dusk = almatyTime(5, 17, 30);
    const core::LonLat oskemen{82.6, 49.95}, aktau{51.2, 43.65};
    ASSERT_GT(core::nightShade(core::solarElevationDeg(dusk, oskemen)), 0.5);
    ASSERT_EQ(core::nightShade(core::solarElevationDeg(dusk, aktau)), 0.0);
    const core::Camera cam = fittedCamera(960, 540);
    const render::Image lit = frameAt(cam, core::ThemeId::Dark, dusk, false);
    const render::Image shaded = frameAt(cam, core::ThemeId::Dark, dusk);
    // Beside each city, off its marker.
    const core::ScreenPx east = pixelOf(cam, {82.9, 49.6}), west = pixelOf(cam, {52.0, 44.3});
    EXPECT_LT(luminance(shaded, east), luminance(lit, east) * 0.85);
    EXPECT_NEAR(luminance(shaded, west), luminance(lit, west), 1.0);
}

TEST_F(Night, LabelsAndMarkersStayAboveTheNight) {
    const core::Camera cam = fittedCamera(960, 540);
    const core::ScreenPx almaty = pixelOf(cam, s_data->findPlace("Almaty")->lonLat);
    const render::Image day = frameAt(cam, core::ThemeId::Dark, almatyTime(5, 13), true, true);
    const render::Image night = frameAt(cam, core::ThemeId::Dark, almatyTime(5, 23), true, true);
    const std::uint8_t* a = day.at(static_cast<int>(almaty.x), static_cast<int>(almaty.y));
    const std::uint8_t* b = night.at(static_cast<int>(almaty.x), static_cast<int>(almaty.y));
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(a[c], b[c], 2) << "the city's marker keeps its colour at night";
}

TEST_F(Night, NoMomentNoNight) {
    // A map without a moment (an export without --time) has no night to show.
    const core::Camera cam = fittedCamera(640, 360);
    const render::Image none = frameAt(cam, core::ThemeId::Dark, std::nullopt);
    const render::Image off = frameAt(cam, core::ThemeId::Dark, almatyTime(5, 23), false);
    EXPECT_EQ(none.rgba, off.rgba);
}

