// Annotations made in the window, as a briefer makes them: in the story editor, a click adds a
// callout at the map's centre, typing gives it its words, it appears on the map there, and it
// goes into the autosave and into the saved story file; other kinds can be added beside it (each
// row with IDs of its own) and removed.
#define GLFW_INCLUDE_NONE
#include <gtest/gtest.h>
#include <GLFW/glfw3.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "core/io/text_file.hpp"
#include "core/io/user_files.hpp"
#include "core/story/story.hpp"
#include "ui_driver.hpp"

using namespace qantar;
using qantar::test::DriverOptions;
using qantar::test::UiDriver;

namespace {

namespace fs = std::filesystem;

void typeInto(UiDriver& d, const std::string& label, const std::string& window, const std::string& text) {
    ASSERT_TRUE(d.clickItem(label, window)) << label << " in " << window;
    d.key(GLFW_KEY_A, GLFW_MOD_CONTROL);
    d.type(text);
}

// The largest channel difference between the screenshot's pixel at `p` and `c`.
int distance(const render::Image& img, core::ScreenPx p, const core::Rgba& c) {
    const int x = static_cast<int>(p.x), y = static_cast<int>(p.y);
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) return 999;
    const std::uint8_t* px = img.at(x, y);
    int d = 0;
    for (int k = 0; k < 3; ++k) d = std::max(d, std::abs(px[k] - static_cast<int>(std::lround((&c.r)[k] * 255))));
    return d;
}

}  // namespace

TEST(GuiAnnotations, ACalloutAddedAndTypedInTheEditorIsDrawnAutosavedAndSaved) {
    const std::string home = qantar::test::useTemporaryHome();
    DriverOptions o;
    o.time = "2022-01-05T12:00";
    o.autosaveSeconds = 0.5;
    UiDriver d(o);
    d.state().showStory = true;
    d.frame();
    d.state().actions.push(ui::action::StoryGoTo{3});  // "Taldykorgan: the statue falls", a moment
    d.advance(4.0, 0.25);                              // past its transition: the view settles
    const core::Scene& scene = d.state().story.story->scenes[3];
    ASSERT_TRUE(scene.annotations.empty());

    const render::Image before = d.screenshot();
    ASSERT_TRUE(d.clickItem("+ Text callout", "Story editor"));
    d.frame(2);
    ASSERT_EQ(scene.annotations.size(), 1u);
    EXPECT_TRUE(d.state().story.edited);
    typeInto(d, "Text", "Story editor", "Statue pulled down");
    d.frame(2);
    ASSERT_EQ(scene.annotations.size(), 1u);
    EXPECT_EQ(scene.annotations[0].text, "Statue pulled down");

    // On the map, at the point it was placed: the callout's dot in the theme's ink.
    d.frame(2);
    const render::Image shot = d.screenshot();
    const core::MapXY xy = *d.state().projection->project(scene.annotations[0].points[0]);
    core::ScreenPx at = d.state().camera.toScreen(xy);
    at.x += d.state().layout.map.x;
    at.y += d.state().layout.map.y;
    const core::Rgba ink = core::annotationColor(core::AnnotationColor::Ink, d.state().theme);
    EXPECT_LE(distance(shot, at, ink), 40) << "the callout's dot at " << at.x << "," << at.y;
    EXPECT_GT(distance(before, at, ink), 60) << "the map there was another colour before";

    // Two more kinds beside it: every row's widgets have IDs of their own.
    ASSERT_TRUE(d.clickItem("+ Area", "Story editor"));
    d.frame(2);
    ASSERT_TRUE(d.clickItem("+ Arrow", "Story editor"));
    d.frame(2);
    ASSERT_EQ(scene.annotations.size(), 3u);
    EXPECT_EQ(scene.annotations[1].kind, core::AnnotationKind::Area);
    EXPECT_EQ(scene.annotations[1].points.size(), 4u);
    EXPECT_EQ(scene.annotations[2].kind, core::AnnotationKind::Arrow);

    // Autosaved with the story (the window's own autosave) ...
    d.advance(1.5, 0.25);
    auto autosaved = core::readStoryAutosave(d.session().autosavePath());
    ASSERT_TRUE(autosaved.has_value()) << d.session().autosavePath();
    ASSERT_EQ(autosaved->story.scenes.size(), d.state().story.story->scenes.size());
    ASSERT_EQ(autosaved->story.scenes[3].annotations.size(), 3u);
    EXPECT_EQ(autosaved->story.scenes[3].annotations[0].text, "Statue pulled down");

    // ... and saved with it, atomically, in a file that loads back with the annotation in place.
    const std::string mine = core::dataDir() + "/stories/annotated.json";
    d.state().actions.push(ui::action::SaveStory{mine});
    d.frame(2);
    EXPECT_FALSE(d.state().story.edited) << d.state().story.message;
    auto saved = core::loadStory(mine);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    ASSERT_EQ(saved->scenes[3].annotations.size(), 3u);
    const core::Annotation& a = saved->scenes[3].annotations[0];
    EXPECT_EQ(a.kind, core::AnnotationKind::Text);
    EXPECT_EQ(a.text, "Statue pulled down");
    EXPECT_NEAR(a.points[0].lon, scene.annotations[0].points[0].lon, 1e-5);
    EXPECT_NEAR(a.points[0].lat, scene.annotations[0].points[0].lat, 1e-5);
    EXPECT_EQ(saved->scenes[3].annotations[1].kind, core::AnnotationKind::Area);
    EXPECT_EQ(saved->scenes[3].annotations[2].kind, core::AnnotationKind::Arrow);
    (void)home;
}

TEST(GuiAnnotations, ACalloutWithoutWordsIsNotSavedAndRemoveTakesItAway) {
    (void)qantar::test::useTemporaryHome();
    DriverOptions o;
    o.time = "2022-01-05T12:00";
    UiDriver d(o);
    d.state().showStory = true;
    d.frame();
    d.state().actions.push(ui::action::StoryGoTo{3});
    d.advance(4.0, 0.25);
    const core::Scene& scene = d.state().story.story->scenes[3];
    ASSERT_TRUE(d.clickItem("+ Text callout", "Story editor"));
    d.frame(2);
    ASSERT_EQ(scene.annotations.size(), 1u);
    typeInto(d, "Text", "Story editor", "");
    d.key(GLFW_KEY_BACKSPACE);
    d.frame(2);
    EXPECT_TRUE(scene.annotations[0].text.empty());
    EXPECT_FALSE(core::annotationProblem(scene.annotations[0]).empty());
    // Saved, the story leaves the half-made callout out, so the file loads again.
    const std::string mine = core::dataDir() + "/stories/half-made.json";
    d.state().actions.push(ui::action::SaveStory{mine});
    d.frame(2);
    auto saved = core::loadStory(mine);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_TRUE(saved->scenes[3].annotations.empty());
    // Remove takes the row away.
    ASSERT_TRUE(d.clickItem("Remove", "Story editor"));
    d.frame(2);
    EXPECT_TRUE(scene.annotations.empty());
    EXPECT_TRUE(d.state().story.edited);
}
