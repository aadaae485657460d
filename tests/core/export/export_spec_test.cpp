// What an export is (core/export/export_spec.hpp): the one preset table, size and overlay parsing,
// the checks made before anything is drawn, frame counts and times, the one file-naming rule, and
// the extension a file gets when the user switches kinds.
#include "core/export/export_spec.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace qantar::core;

namespace {

Instant at(const char* iso) { return parseIsoTime(iso)->instant; }

ExportSpec sequence(const char* from, const char* to, Duration step) {
    ExportSpec s;
    s.kind = ExportKind::Sequence;
    s.from = at(from);
    s.to = at(to);
    s.step = step;
    s.out = "frames";
    return s;
}

}  // namespace

TEST(ExportPresets, OneTableWithUniqueNamesAndSizesWithinTheLimits) {
    std::set<std::string> names;
    for (const auto& p : exportPresets()) {
        EXPECT_TRUE(names.insert(p.name).second) << p.name;
        EXPECT_FALSE(checkExportSize(p.widthPx, p.heightPx)) << p.name;
        EXPECT_EQ(findPreset(p.name), &p);
        EXPECT_EQ(presetOfSize(p.widthPx, p.heightPx), &p) << p.name;
        EXPECT_NE(std::string(p.label).find(std::to_string(p.widthPx)), std::string::npos) << p.label;
    }
    EXPECT_EQ(exportPresets().size(), 9u) << "the command line and the dialog offer the same nine sizes";
    EXPECT_EQ(findPreset("a4-portrait")->heightPx, 3508);
    EXPECT_EQ(findPreset("A4"), nullptr);
}

TEST(ExportSize, ParsesWithinTheLimitsAndSaysWhatIsWrong) {
    auto ok = parseExportSize("1920x1080");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->first, 1920);
    EXPECT_EQ(ok->second, 1080);
    EXPECT_TRUE(parseExportSize("320X240"));
    EXPECT_TRUE(parseExportSize("7680x4320"));
    for (const char* bad : {"", "x", "1920", "1920x", "x1080", "19 20x1080", "-5x10", "1920x1080x3", "abcxdef",
                            "99999999999x1080"}) {
        auto r = parseExportSize(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().kind, ErrorKind::BadArgument);
        EXPECT_NE(r.error().message.find(std::string("'") + bad + "'"), std::string::npos) << r.error().message;
    }
    auto big = parseExportSize("7681x4320");
    ASSERT_FALSE(big);
    EXPECT_EQ(big.error().message, "7681x4320 is outside 320x240 .. 7680x4320");
    EXPECT_FALSE(parseExportSize("319x240"));
}

TEST(ExportOverlays, AutoShowsTheTitleOnlyWhenThereIsOne) {
    EXPECT_FALSE(parseOverlaySet("auto", false)->title);
    EXPECT_TRUE(parseOverlaySet("auto", true)->title);
    EXPECT_TRUE(parseOverlaySet("", true)->title);
    const OverlaySet none = *parseOverlaySet("none", true);
    EXPECT_EQ(none, (OverlaySet{false, false, false, false, false, false}));
    const OverlaySet some = *parseOverlaySet("legend,north", false);
    EXPECT_EQ(some, (OverlaySet{false, false, true, false, true, false}));
    auto bad = parseOverlaySet("legend,compass", false);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("'compass'"), std::string::npos);
}

TEST(ExportCheck, RefusesWhatCannotBeMadeBeforeDrawing) {
    ExportSpec image;
    image.out = "map.png";
    EXPECT_FALSE(checkExportSpec(image));
    image.out.clear();
    EXPECT_TRUE(checkExportSpec(image)) << "nowhere to write";
    image.out = "map.png";
    image.widthPx = 100;
    EXPECT_TRUE(checkExportSpec(image));

    ExportSpec video = sequence("2022-01-01", "2022-01-02", Duration::hours(1));
    video.kind = ExportKind::Video;
    video.out = "week.mp4";
    EXPECT_FALSE(checkExportSpec(video));
    video.out = "week.gif";
    EXPECT_FALSE(checkExportSpec(video));
    video.out = "week.png";
    auto ext = checkExportSpec(video);
    ASSERT_TRUE(ext);
    EXPECT_NE(ext->message.find(".mp4"), std::string::npos);
    video.out = "week.mp4";
    video.fps = 0;
    EXPECT_TRUE(checkExportSpec(video));
    video.fps = 61;
    EXPECT_TRUE(checkExportSpec(video));

    ExportSpec backwards = sequence("2022-01-05", "2022-01-01", Duration::hours(1));
    EXPECT_TRUE(checkExportSpec(backwards));
    ExportSpec zeroStep = sequence("2022-01-01", "2022-01-05", Duration{0});
    EXPECT_TRUE(checkExportSpec(zeroStep));
    ExportSpec huge = sequence("2022-01-01", "2022-12-31", Duration::minutes(1));
    auto tooMany = checkExportSpec(huge);
    ASSERT_TRUE(tooMany);
    EXPECT_NE(tooMany->message.find("frames"), std::string::npos);

    ExportSpec slides;
    slides.kind = ExportKind::StorySlides;
    slides.out = "slides";
    EXPECT_TRUE(checkExportSpec(slides)) << "no story";
    Story story{"s", {Scene{}, Scene{}}, {}};
    slides.story = &story;
    EXPECT_FALSE(checkExportSpec(slides));
    slides.scene = 3;
    EXPECT_TRUE(checkExportSpec(slides)) << "the story has two scenes";
    slides.scene = -1;
    EXPECT_TRUE(checkExportSpec(slides));
}

TEST(ExportFrames, CountAndTimesIncludeBothEnds) {
    const ExportSpec s = sequence("2022-01-04T00:00", "2022-01-08T00:00", Duration::hours(6));
    EXPECT_EQ(frameCount(s), 17u);
    EXPECT_EQ(sequenceTime(s, 0), s.from);
    EXPECT_EQ(sequenceTime(s, 16), s.to);
    const ExportSpec uneven = sequence("2022-01-04T00:00", "2022-01-04T05:00", Duration::hours(2));
    EXPECT_EQ(frameCount(uneven), 3u) << "00:00, 02:00, 04:00: never past the end";
    ExportSpec one;
    EXPECT_EQ(frameCount(one), 1u);
    Story story{"s", {Scene{}, Scene{}, Scene{}}, {}};
    ExportSpec slides;
    slides.kind = ExportKind::StorySlides;
    slides.story = &story;
    EXPECT_EQ(frameCount(slides), 3u);
    slides.scene = 2;
    EXPECT_EQ(frameCount(slides), 1u);
}

TEST(ExportFrames, OneNamingRuleForSequencesAndSlides) {
    EXPECT_EQ(frameFileName(ExportKind::Sequence, 0, 40), "frame_0001.png");
    EXPECT_EQ(frameFileName(ExportKind::Video, 39, 40), "frame_0040.png");
    EXPECT_EQ(frameFileName(ExportKind::Sequence, 99999, 100000), "frame_100000.png")
        << "wider numbers when the sequence needs them, so names still sort";
    EXPECT_EQ(frameFileName(ExportKind::Sequence, 41, 100000), "frame_000042.png");
    EXPECT_EQ(frameFileName(ExportKind::StorySlides, 0, 8), "scene_01.png");
    EXPECT_EQ(frameFileName(ExportKind::StorySlides, 7, 8), "scene_08.png");
    // From 100 scenes on, three digits, so that names sort in scene order.
    EXPECT_EQ(frameFileName(ExportKind::StorySlides, 0, 100), "scene_001.png");
    EXPECT_EQ(frameFileName(ExportKind::StorySlides, 10, 150), "scene_011.png");
    EXPECT_EQ(frameFileName(ExportKind::StorySlides, 99, 100), "scene_100.png");
}

TEST(ExportFrames, PixelScaleFollowsTheImage) {
    EXPECT_FLOAT_EQ(pixelScaleForSize(1920, 1080), 1.0f);
    EXPECT_FLOAT_EQ(pixelScaleForSize(3840, 2160), 2.0f);
    EXPECT_FLOAT_EQ(pixelScaleForSize(320, 240), 0.75f);
    EXPECT_FLOAT_EQ(pixelScaleForSize(2480, 3508), 2480.0f / 1920.0f);
}

TEST(ExportNames, SwitchingKindsFixesTheExtension) {
    EXPECT_EQ(withExtensionFor(ExportKind::Video, "/home/a/qantar-export.png"), "/home/a/qantar-export.mp4");
    EXPECT_EQ(withExtensionFor(ExportKind::StoryVideo, "story.gif"), "story.gif");
    EXPECT_EQ(withExtensionFor(ExportKind::Image, "/x/week.mp4"), "/x/week.png");
    EXPECT_EQ(withExtensionFor(ExportKind::Image, "/x/week.PNG"), "/x/week.PNG");
    EXPECT_EQ(withExtensionFor(ExportKind::Sequence, "/x/week.png"), "/x/week");
    EXPECT_EQ(withExtensionFor(ExportKind::StorySlides, "/x.d/slides"), "/x.d/slides");
    EXPECT_EQ(withExtensionFor(ExportKind::Image, "/x.d/map"), "/x.d/map.png");
    EXPECT_EQ(withExtensionFor(ExportKind::Image, "/x/.hidden"), "/x/.hidden.png");
    EXPECT_EQ(withExtensionFor(ExportKind::Image, ""), "");
}

TEST(ExportCheck, NamesTheFieldAProblemIsAbout) {
    ExportSpec video = sequence("2022-01-01", "2022-01-02", Duration::hours(1));
    video.kind = ExportKind::Video;
    video.out = "x.mp4";
    video.fps = 0;
    EXPECT_EQ(exportProblem(video)->field, ExportField::Fps);
    video.fps = 10;
    video.out = "x.avi";
    EXPECT_EQ(exportProblem(video)->field, ExportField::Out);
    video.out = "x.mp4";
    video.step = Duration{0};
    EXPECT_EQ(exportProblem(video)->field, ExportField::Step);
    video.step = Duration::hours(1);
    std::swap(video.from, video.to);
    EXPECT_EQ(exportProblem(video)->field, ExportField::Range);
    video.widthPx = 10;
    EXPECT_EQ(exportProblem(video)->field, ExportField::Size) << "the size is checked first";
}

TEST(ExportCamera, AViewIsKeptInsideTheMapsViewBounds) {
    MapScene scene;
    scene.kazakhstanBox.add({-1.5e6, -8.0e5});
    scene.kazakhstanBox.add({1.5e6, 8.0e5});
    scene.viewBounds.add({-6.0e6, -6.0e6});
    scene.viewBounds.add({8.0e6, 3.8e6});
    for (const ExportPreset& preset : exportPresets()) {
        ExportSpec spec;
        spec.widthPx = preset.widthPx;
        spec.heightPx = preset.heightPx;
        // Far out and far aside (a story scene written for a wider map): shifted and zoomed in
        // until the whole image has map under it.
        spec.view = ExportView{MapXY{-7.0e6, 3.0e6}, 3.0e7};
        for (bool withView : {true, false}) {
            if (!withView) spec.view.reset();
            const MapBox v = exportCamera(spec, scene).visibleBox();
            const double eps = 1.0;
            EXPECT_GE(v.minX, scene.viewBounds.minX - eps) << preset.name;
            EXPECT_LE(v.maxX, scene.viewBounds.maxX + eps) << preset.name;
            EXPECT_GE(v.minY, scene.viewBounds.minY - eps) << preset.name;
            EXPECT_LE(v.maxY, scene.viewBounds.maxY + eps) << preset.name;
        }
    }
}

TEST(ExportSpecTimeline, ATimelineIsOnePngAndItsEndMustNotPrecedeItsStart) {
    ExportSpec s;
    s.kind = ExportKind::Timeline;
    s.out = "timeline.png";
    EXPECT_EQ(frameCount(s), 1u);
    EXPECT_FALSE(writesFolder(s.kind));
    EXPECT_FALSE(writesVideo(s.kind));
    EXPECT_EQ(withExtensionFor(ExportKind::Timeline, "figure.mp4"), "figure.png");
    EXPECT_FALSE(exportProblem(s)) << "from == to: the data's whole range";
    s.from = Instant{1000};
    s.to = Instant{10};
    auto p = exportProblem(s);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->field, ExportField::Range);
}
