// The uncertain style in real pixels: an event the sources date only to the day, during that day,
// is drawn hatched inside a dotted ring, visibly unlike the solid symbol of an event known to the
// minute, for every kind of symbol and in every theme.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "render/event_overlay.hpp"
#include "render_fixture.hpp"

using namespace qantar;

namespace {

class UncertainMarks : public test::RenderFixture {
protected:
    static void SetUpTestSuite() {
        RenderFixture::SetUpTestSuite();
        if (!s_renderer) return;
        auto o = render::EventOverlay::create(*s_scene);
        ASSERT_TRUE(o.ok()) << o.error().message;
        s_overlay = std::move(*o).release();
    }
    static void TearDownTestSuite() {
        delete s_overlay;
        s_overlay = nullptr;
        RenderFixture::TearDownTestSuite();
    }
    static inline render::EventOverlay* s_overlay = nullptr;
};

constexpr int kW = 720, kH = 240;
constexpr float kSizePx = 9.0f;

int diff(const render::Image& a, const render::Image& b, int x, int y) {
    const auto* p = a.at(x, y);
    const auto* q = b.at(x, y);
    return std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]);
}

// Pixels that changed from the bare map within radius [r0, r1) of (cx, cy).
int changedIn(const render::Image& map, const render::Image& marked, float cx, float cy, float r0, float r1) {
    int n = 0;
    for (int y = static_cast<int>(cy - r1); y <= static_cast<int>(cy + r1); ++y) {
        for (int x = static_cast<int>(cx - r1); x <= static_cast<int>(cx + r1); ++x) {
            const float d = std::hypot(static_cast<float>(x) - cx, static_cast<float>(y) - cy);
            if (d < r0 || d >= r1) continue;
            n += diff(map, marked, x, y) > 60;
        }
    }
    return n;
}

}  // namespace

TEST_F(UncertainMarks, EveryKindIsHatchedInADottedRingWhileItsTimeIsUncertain) {
    const int kinds = static_cast<int>(core::MarkKind::Count);
    for (core::ThemeId theme : {core::ThemeId::Dark, core::ThemeId::Light, core::ThemeId::Contrast}) {
        // Central Kazakhstan: steppe, no city symbol in view once labels and cities are off.
        const core::Camera camera(*s_projection->project(core::LonLat{70.0, 48.0}), 2000.0, kW, kH);
        render::FrameOptions options;
        options.theme = theme;
        options.layers.set(core::MapLayer::Labels, false);
        options.layers.set(core::MapLayer::Cities, false);
        // Top row: each kind known to the minute; bottom row: the same, date only.
        core::FrameLayers layers;
        auto where = [&](int k, int row) {
            return core::ScreenPx{60.0 + 70.0 * k, row == 0 ? 70.0 : 170.0};
        };
        for (int k = 0; k < kinds; ++k) {
            // Closed airports are drawn as signs beside their cities (map_tags), not as symbols.
            if (static_cast<core::MarkKind>(k) == core::MarkKind::Airport) continue;
            for (int row = 0; row < 2; ++row) {
                core::EventMark m{};
                m.pos = camera.toMap(where(k, row));
                m.kind = static_cast<core::MarkKind>(k);
                m.sizePx = kSizePx;
                m.alpha = 1.0f;
                m.pulse = -1.0f;
                m.uncertainTime = row == 1;
                layers.marks.push_back(m);
            }
        }
        const render::Image map = composeFrame(camera, options);
        const render::Image marked = composeFrame(camera, options, &layers, s_overlay);
        ASSERT_FALSE(map.rgba.empty());
        const std::string name = theme == core::ThemeId::Dark ? "dark" : theme == core::ThemeId::Light ? "light" : "contrast";
        for (int k = 0; k < kinds; ++k) {
            if (static_cast<core::MarkKind>(k) == core::MarkKind::Airport) continue;
            const core::ScreenPx a = where(k, 0), b = where(k, 1);
            const float ax = static_cast<float>(a.x), ay = static_cast<float>(a.y);
            const float bx = static_cast<float>(b.x), by = static_cast<float>(b.y);
            // The dotted ring lies outside the symbol's reach (the violent protest's spikes reach
            // further); the precise symbol draws nothing there.
            const float ringR = kSizePx * (k == static_cast<int>(core::MarkKind::ProtestViolent) ? 1.95f : 1.65f) + 2.0f;
            const float ring0 = ringR - 1.5f, ring1 = ringR + 1.5f;
            const float ringArea = 3.14159f * (ring1 * ring1 - ring0 * ring0);
            const int ringCertain = changedIn(map, marked, ax, ay, ring0, ring1);
            const int ringUncertain = changedIn(map, marked, bx, by, ring0, ring1);
            EXPECT_LT(ringCertain, 3) << name << " kind " << k << ": a precise symbol has no ring";
            EXPECT_GT(ringUncertain, ringArea * 0.2f) << name << " kind " << k << ": no dotted ring";
            EXPECT_LT(ringUncertain, ringArea * 0.85f) << name << " kind " << k << ": the ring is solid, not dotted";
            // Inside, both are drawn: the uncertain symbol is still there, in a different picture.
            int differs = 0, inside = 0;
            for (int dy = -static_cast<int>(kSizePx); dy <= static_cast<int>(kSizePx); ++dy) {
                for (int dx = -static_cast<int>(kSizePx); dx <= static_cast<int>(kSizePx); ++dx) {
                    const int xa = static_cast<int>(ax) + dx, ya = static_cast<int>(ay) + dy;
                    const int xb = static_cast<int>(bx) + dx, yb = static_cast<int>(by) + dy;
                    if (diff(map, marked, xa, ya) <= 60) continue;  // outside the precise symbol
                    ++inside;
                    const auto* p = marked.at(xa, ya);
                    const auto* q = marked.at(xb, yb);
                    differs += std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]) > 60;
                }
            }
            ASSERT_GT(inside, 10) << name << " kind " << k;
            EXPECT_GT(differs, inside / 6) << name << " kind " << k << ": the uncertain symbol looks solid";
            EXPECT_GT(changedIn(map, marked, bx, by, 0.0f, kSizePx * 0.9f), 4) << name << " kind " << k << ": not drawn";
        }
        if (HasFailure() || theme == core::ThemeId::Dark) {
            (void)render::writePng(marked, std::string(QANTAR_TEST_OUTPUT_DIR) + "/uncertain_marks_" + name + ".png");
        }
    }
}
