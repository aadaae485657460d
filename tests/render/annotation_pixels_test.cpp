// Annotations drawn for real (EGL/llvmpipe): a circle's stroke and a callout's dot land on the
// pixels their lon/lat project to, move with the camera, and the same annotations come out in an
// export, only within their time range. On failure the frame goes to build/test-output/.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>

#include "core/export/export_spec.hpp"
#include "core/story/annotation.hpp"
#include "core/story/story.hpp"
#include "render/compositor.hpp"
#include "render/export/export_renderer.hpp"
#include "render/image.hpp"
#include "render_fixture.hpp"

using namespace qantar;
using qantar::test::RenderFixture;

namespace {

const core::LonLat kRepublicSquare{76.9456, 43.2380};

// How far the pixel at `at` is from colour `want` (the largest channel difference, 0-255).
int distance(const render::Image& img, core::ScreenPx at, const core::Rgba& want) {
    const int x = static_cast<int>(std::floor(at.x)), y = static_cast<int>(std::floor(at.y));
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) return 999;
    const std::uint8_t* p = img.at(x, y);
    int d = 0;
    d = std::max(d, std::abs(p[0] - static_cast<int>(std::lround(want.r * 255))));
    d = std::max(d, std::abs(p[1] - static_cast<int>(std::lround(want.g * 255))));
    d = std::max(d, std::abs(p[2] - static_cast<int>(std::lround(want.b * 255))));
    return d;
}

// The nearest distance to `want` within a few pixels of `at` (a line's centre may fall between pixels).
int nearestDistance(const render::Image& img, core::ScreenPx at, const core::Rgba& want, int radius = 1) {
    int best = 999;
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) best = std::min(best, distance(img, {at.x + dx, at.y + dy}, want));
    return best;
}

core::Annotation circleAround(core::LonLat centre, double km, core::AnnotationColor color) {
    core::Annotation a;
    a.kind = core::AnnotationKind::Circle;
    a.points = {centre};
    a.radiusKm = km;
    a.color = color;
    return a;
}

core::Annotation calloutAt(core::LonLat at, const std::string& text) {
    core::Annotation a;
    a.kind = core::AnnotationKind::Text;
    a.text = text;
    a.points = {at};
    a.color = core::AnnotationColor::Red;
    return a;
}

// The points of a circle `km` east and west of its centre.
core::LonLat eastPoint(core::LonLat centre, double km) { return core::geodesicCircle(centre, km, 4)[1]; }
core::LonLat westPoint(core::LonLat centre, double km) { return core::geodesicCircle(centre, km, 4)[3]; }

class AnnotationPixels : public RenderFixture {
protected:
    static void dump(const render::Image& img, const std::string& name) {
        (void)render::writePng(img, std::string(QANTAR_TEST_OUTPUT_DIR) + "/" + name + ".png");
    }
};

}  // namespace

TEST_F(AnnotationPixels, ACircleAndACalloutLandWhereTheirPlacesProjectAndMoveWithTheCamera) {
    const core::Annotation circle = circleAround(kRepublicSquare, 40.0, core::AnnotationColor::Blue);
    const core::Annotation dot = calloutAt(kRepublicSquare, "Republic Square");
    const core::ThemeId themeId = core::ThemeId::Dark;
    render::FrameOptions options;
    options.theme = themeId;
    const core::Rgba blue = core::annotationColor(core::AnnotationColor::Blue, themeId);
    const core::Rgba red = core::annotationColor(core::AnnotationColor::Red, themeId);

    render::Compositor compositor(*s_renderer, nullptr);
    render::CompositeRequest r;
    r.options = options;
    r.annotations = {&circle, &dot};
    r.annotationsKey = core::annotationsKey(r.annotations);
    r.projection = s_projection;
    const core::MapXY almaty = *s_projection->project(kRepublicSquare);
    // Two views: the second is panned and zoomed out; the marks follow their places.
    for (int view = 0; view < 2; ++view) {
        r.camera = view == 0 ? core::Camera(almaty, 400.0, 640, 360)
                             : core::Camera(core::MapXY{almaty.x - 60000.0, almaty.y + 30000.0}, 700.0, 640, 360);
        const render::Image img = composeWith(compositor, r);
        ASSERT_FALSE(img.rgba.empty());
        // The west side: the callout's text sits to the east of its dot.
        const core::ScreenPx west = pixelOf(r.camera, westPoint(kRepublicSquare, 40.0));
        const core::ScreenPx centre = pixelOf(r.camera, kRepublicSquare);
        const std::string name = "annotation_view" + std::to_string(view);
        EXPECT_LE(nearestDistance(img, west, blue), 40) << "the circle's stroke 40 km west; see " << name;
        EXPECT_LE(distance(img, centre, red), 30) << "the callout's dot on its place; see " << name;
        // And the map without them has neither colour there.
        render::Compositor plain(*s_renderer, nullptr);
        render::CompositeRequest bare = r;
        bare.annotations.clear();
        const render::Image without = composeWith(plain, bare);
        EXPECT_GT(nearestDistance(without, west, blue), 60);
        EXPECT_GT(distance(without, centre, red), 60);
        if (HasFailure()) dump(img, name);
    }
}

TEST_F(AnnotationPixels, AnExportDrawsTheScenesAnnotationsOnlyWithinTheirTimeRange) {
    core::Story story;
    story.title = "t";
    core::Scene scene;
    scene.title = "Almaty";
    scene.start = core::parseIsoTime("2022-01-05T12:00+06:00")->instant;
    core::Annotation c = circleAround(kRepublicSquare, 60.0, core::AnnotationColor::Red);
    c.from = core::parseIsoTime("2022-01-05T10:00+06:00")->instant;
    c.to = core::parseIsoTime("2022-01-05T14:00+06:00")->instant;
    scene.annotations.push_back(c);
    story.scenes.push_back(scene);

    auto exporter = render::ExportRenderer::create(*s_scene, *s_projection, nullptr, render::SharedRenderers{s_renderer, nullptr});
    ASSERT_TRUE(exporter.ok()) << exporter.error().message;
    core::ExportSpec spec;
    spec.widthPx = 640;
    spec.heightPx = 360;
    spec.overlays = core::OverlaySet{false, false, false, false, false, false};
    spec.view = core::ExportView{*s_projection->project(kRepublicSquare), 500e3};
    spec.story = &story;
    spec.annotationScene = 0;
    const core::Camera cam = core::exportCamera(spec, *s_scene);
    const core::ScreenPx east = pixelOf(cam, eastPoint(kRepublicSquare, 60.0));
    const core::Rgba red = core::annotationColor(core::AnnotationColor::Red, spec.theme);

    spec.time = core::parseIsoTime("2022-01-05T12:00+06:00")->instant;
    auto inside = (*exporter)->render(spec);
    ASSERT_TRUE(inside.ok()) << inside.error().message;
    EXPECT_LE(nearestDistance(*inside, east, red), 40) << "drawn within its range";
    spec.time = core::parseIsoTime("2022-01-05T14:00+06:00")->instant;  // [from, to): the end is out
    auto after = (*exporter)->render(spec);
    ASSERT_TRUE(after.ok());
    EXPECT_GT(nearestDistance(*after, east, red), 60) << "gone at the end of its range";
    spec.time = core::parseIsoTime("2022-01-05T12:00+06:00")->instant;
    spec.annotationScene = -1;  // no scene current: the window shows none, and neither does its export
    auto none = (*exporter)->render(spec);
    ASSERT_TRUE(none.ok());
    EXPECT_GT(nearestDistance(*none, east, red), 60);
    if (HasFailure()) {
        dump(*inside, "annotation_export_inside");
        dump(*after, "annotation_export_after");
    }
}
