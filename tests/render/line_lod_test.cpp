// Simplified lines when zoomed out: the renderer picks the coarse level at the default view, and
// the Kazakhstan border lands on the same pixels as the full-resolution one, give or take one.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "render/image.hpp"
#include "render_fixture.hpp"

using namespace qantar;
using qantar::test::RenderFixture;

namespace {

// Only the country borders over the Kazakhstan fill (which is always drawn).
core::LayerVisibility bordersOnly() {
    core::LayerVisibility v;
    for (int i = 0; i < core::kMapLayerCount; ++i) v.on[static_cast<std::size_t>(i)] = false;
    v.set(core::MapLayer::CountryBorders, true);
    return v;
}

// The Kazakhstan border is drawn light over a dark fill in the dark theme: a pixel is border to
// the extent `share` when it is at least that share of the way from the fill's brightness to the
// border's.
std::vector<char> borderMask(const render::Image& img, double share) {
    const core::Theme& t = core::theme(core::ThemeId::Dark);
    const core::Rgba fill = t.fills[static_cast<int>(core::FillStyle::Kazakhstan)];
    const core::Rgba line = t.lines[static_cast<int>(core::LineStyle::KazakhstanBorder)].color;
    const double threshold = 255.0 * (fill.g + (line.g - fill.g) * share);
    std::vector<char> mask(static_cast<std::size_t>(img.width) * img.height, 0);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) mask[static_cast<std::size_t>(y) * img.width + x] = img.at(x, y)[1] > threshold;
    return mask;
}

// How many pixels of `a` have no pixel of `b` within one pixel (8-neighbourhood).
int unmatched(const std::vector<char>& a, const std::vector<char>& b, int w, int h) {
    int count = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (!a[static_cast<std::size_t>(y) * w + x]) continue;
            bool found = false;
            for (int dy = -1; dy <= 1 && !found; ++dy)
                for (int dx = -1; dx <= 1 && !found; ++dx) {
                    const int xx = x + dx, yy = y + dy;
                    found = xx >= 0 && yy >= 0 && xx < w && yy < h && b[static_cast<std::size_t>(yy) * w + xx];
                }
            if (!found) ++count;
        }
    }
    return count;
}

int countSet(const std::vector<char>& m) {
    int n = 0;
    for (char c : m) n += c ? 1 : 0;
    return n;
}

class LineLevels : public RenderFixture {};

}  // namespace

TEST_F(LineLevels, ZoomedOutFrameDrawsTheCoarseBorderOnTheSamePixels) {
    ASSERT_FALSE(s_scene->simplifiedLines.empty());
    const core::Camera cam = fittedCamera(1920, 1080);
    render::FrameOptions options;
    options.layers = bordersOnly();

    const render::Image coarse = composeFrame(cam, options);
    const int coarseLevel = s_renderer->lastLineLevel();
    EXPECT_EQ(coarseLevel, static_cast<int>(s_scene->simplifiedLines.size()))
        << "the default 1080p view (" << cam.metersPerPixel() << " m/px) should use the coarsest lines";
    EXPECT_EQ(coarseLevel, core::lineLevelFor(*s_scene, cam.metersPerPixel()));

    options.lineLevel = 0;
    const render::Image full = composeFrame(cam, options);
    EXPECT_EQ(s_renderer->lastLineLevel(), 0);
    ASSERT_EQ(coarse.rgba.size(), full.rgba.size());
    EXPECT_NE(coarse.rgba, full.rgba) << "the coarse level should be different geometry";

    // Anti-aliasing moves a pixel's coverage with the line's sub-pixel position, so: every pixel
    // that is clearly border in one frame is at least faintly border within a pixel in the other.
    const auto a = borderMask(coarse, 0.5), b = borderMask(full, 0.5);
    const int na = countSet(a), nb = countSet(b);
    ASSERT_GT(nb, 5000) << "the Kazakhstan border should be thousands of pixels long";
    EXPECT_NEAR(na, nb, nb * 0.03) << "about as many border pixels";
    const int strayCoarse = unmatched(borderMask(coarse, 0.75), borderMask(full, 0.25), coarse.width, coarse.height);
    const int missingCoarse = unmatched(borderMask(full, 0.75), borderMask(coarse, 0.25), coarse.width, coarse.height);
    if (strayCoarse > 0 || missingCoarse > 0) {
        (void)render::writePng(coarse, std::string(QANTAR_TEST_OUTPUT_DIR) + "/lod_coarse.png");
        (void)render::writePng(full, std::string(QANTAR_TEST_OUTPUT_DIR) + "/lod_full.png");
    }
    EXPECT_EQ(strayCoarse, 0) << "coarse border pixels more than a pixel away from the full border (of " << na << ")";
    EXPECT_EQ(missingCoarse, 0) << "full border pixels more than a pixel away from the coarse border (of " << nb << ")";
}

TEST_F(LineLevels, EveryLevelDrawsTheSameMapAtAGlance) {
    // All layers at the default view: whatever level is forced, only anti-aliased line edges move.
    const core::Camera cam = fittedCamera(960, 540);
    render::FrameOptions options;
    options.lineLevel = 0;
    const render::Image full = composeFrame(cam, options);
    for (int level = 1; level <= static_cast<int>(s_scene->simplifiedLines.size()); ++level) {
        options.lineLevel = level;
        const render::Image img = composeFrame(cam, options);
        ASSERT_EQ(img.rgba.size(), full.rgba.size());
        int strong = 0;
        for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
            int d = 0;
            for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(img.rgba[i + c] - full.rgba[i + c]));
            if (d > 64) ++strong;
        }
        const double share = double(strong) / (double(img.width) * img.height);
        EXPECT_LT(share, 0.001) << "level " << level << ": " << strong << " pixels changed strongly";
    }
}

TEST_F(LineLevels, ZoomedInFrameDrawsFullResolution) {
    const core::Place* almaty = s_data->findPlace("Almaty");
    ASSERT_NE(almaty, nullptr);
    const core::Camera cam(almaty->xy, 60.0, 640, 480);
    render::FrameOptions options;
    const render::Image autoLevel = composeFrame(cam, options);
    EXPECT_EQ(s_renderer->lastLineLevel(), 0);
    options.lineLevel = 0;
    const render::Image full = composeFrame(cam, options);
    EXPECT_EQ(autoLevel.rgba, full.rgba);
}
