// The multisampled base map drawn in bands (a quarter of the multisampled memory for 4x) is the
// same picture as one drawn whole: no seam at band edges, no band missing at the bottom or top,
// and still multisampled.
#include <gtest/gtest.h>

#include <string>

#include "render/base_cache.hpp"
#include "render/image.hpp"
#include "render/offscreen.hpp"
#include "render_fixture.hpp"

using namespace qantar;
using qantar::test::RenderFixture;

namespace {

class BandedMsaa : public RenderFixture {
protected:
    // The default view's base map, drawn into a fresh target of the given kind: in bands through
    // drawFineBase, or (Whole) in one plain draw and resolve.
    static render::Image drawBase(int w, int h, int samples, render::MsaaStorage storage) {
        auto target = render::OffscreenTarget::create(w, h, samples, storage);
        EXPECT_TRUE(target.ok()) << (target.ok() ? "" : target.error().message);
        if (!target.ok()) return {};
        const core::Camera camera = fittedCamera(w, h);
        if (storage == render::MsaaStorage::Bands) {
            render::drawFineBase(*s_renderer, *target, camera, render::FrameOptions{});
        } else {
            target->bind();
            s_renderer->drawBase(camera, render::FrameOptions{});
            target->resolve();
        }
        return target->read();
    }

    // The largest difference of any colour channel between two images, and where it is.
    struct Difference {
        int max = 0, x = -1, y = -1;
        std::size_t pixels = 0;  // pixels that differ at all
    };
    static Difference compare(const render::Image& a, const render::Image& b) {
        Difference d;
        EXPECT_EQ(a.rgba.size(), b.rgba.size());
        if (a.rgba.size() != b.rgba.size()) return d;
        for (int y = 0; y < a.height; ++y) {
            for (int x = 0; x < a.width; ++x) {
                int m = 0;
                for (int c = 0; c < 4; ++c) m = std::max(m, std::abs(a.at(x, y)[c] - b.at(x, y)[c]));
                if (m > 0) ++d.pixels;
                if (m > d.max) d = Difference{m, x, y, d.pixels};
            }
        }
        return d;
    }
};

}  // namespace

TEST_F(BandedMsaa, BandsMakeTheSamePictureAsOneWholeDraw) {
    // 301 rows: bands of 76 rows, the last one shorter, so an off-by-one at either end shows.
    for (const auto& [w, h] : {std::pair{640, 301}, std::pair{960, 540}}) {
        const render::Image whole = drawBase(w, h, 4, render::MsaaStorage::Whole);
        const render::Image banded = drawBase(w, h, 4, render::MsaaStorage::Bands);
        const Difference d = compare(whole, banded);
        if (d.max > 12) {
            (void)render::writePng(whole, std::string(QANTAR_TEST_OUTPUT_DIR) + "/banded_whole.png");
            (void)render::writePng(banded, std::string(QANTAR_TEST_OUTPUT_DIR) + "/banded_bands.png");
        }
        // The same samples land in the same pixels; only rounding of a shifted viewport may move
        // an edge's coverage by a sample or two (a missing band or a seam is far more).
        EXPECT_LE(d.max, 12) << w << "x" << h << ": largest difference at (" << d.x << ", " << d.y << ")";
        EXPECT_LT(double(d.pixels), 0.002 * w * h) << w << "x" << h << ": pixels that differ at all";
    }
}

TEST_F(BandedMsaa, BandsAreStillMultisampled) {
    const render::Image single = drawBase(640, 301, 1, render::MsaaStorage::Bands);
    const render::Image banded = drawBase(640, 301, 4, render::MsaaStorage::Bands);
    const Difference d = compare(single, banded);
    // Every border and coastline is an anti-aliased edge in the multisampled picture.
    EXPECT_GT(d.pixels, 2000u) << "the banded draw should differ from a single-sampled one along every edge";
}
