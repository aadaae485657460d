// Presenting a story (core/story/story_player.hpp), as a clicker drives it: stepping scenes,
// the end of the story (PageDown past the last scene replays nothing), pausing, the presenter
// taking over and returning, and Esc stopping everything. Driven by a hand-held clock only.
#include "core/story/story_player.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "core/bundled.hpp"
#include "core/time/time_printers.hpp"

using namespace qantar::core;

namespace {

class StoryPlayerWeek : public ::testing::Test {
protected:
    void SetUp() override {
        story = std::make_unique<Story>(qantar::test::bundledStory());
        projection = &qantar::test::bundledProjection();
        player.setStory(story.get(), *projection);
        screen.center = *projection->project(LonLat{67.0, 48.0});
        screen.spanMeters = 2.5e6;
        screen.time = story->scenes.front().start;
    }
    // What the screen shows after applying the player's view (as the window does each frame).
    void show(double now) {
        if (auto v = player.update(now)) screen = *v;
    }
    // Runs the current scene to its end (transition, range, hold).
    void finishScene(double& now) {
        for (int i = 0; i < 400; ++i) {
            now += 0.25;
            show(now);
        }
    }
    std::unique_ptr<Story> story;
    const Projection* projection = nullptr;
    StoryPlayer player;
    StoryView screen;
};

}  // namespace

TEST_F(StoryPlayerWeek, IdleUntilStartedThenFirstScene) {
    EXPECT_TRUE(player.idle());
    EXPECT_FALSE(player.update(0.0).has_value()) << "an idle player steers nothing";
    player.start(10.0, screen);
    EXPECT_EQ(player.scene(), 0);
    player.start(11.0, screen);
    EXPECT_EQ(player.scene(), 0) << "starting again keeps the scene";
}

TEST_F(StoryPlayerWeek, NextPastTheLastSceneEndsWithoutReplaying) {
    double now = 0.0;
    player.goTo(player.sceneCount() - 1, now, screen);
    finishScene(now);
    const StoryView last = screen;
    EXPECT_EQ(last.time, lastMoment(story->scenes.back())) << formatIso(last.time, kUtc);
    player.next(now, screen);
    EXPECT_TRUE(player.ended());
    EXPECT_EQ(player.scene(), -1);
    EXPECT_EQ(player.captionScene(), player.sceneCount() - 1) << "the end card is about the last scene";
    for (int i = 0; i < 20; ++i) {
        now += 0.5;
        player.next(now, screen);  // an over-eager clicker
        show(now);
    }
    EXPECT_TRUE(player.ended());
    EXPECT_EQ(screen.time, last.time) << "the clock (and so every number) stays where the last scene left it";
    EXPECT_EQ(screen.center.x, last.center.x);
    EXPECT_EQ(screen.spanMeters, last.spanMeters);
}

TEST_F(StoryPlayerWeek, PreviousFromTheEndReturnsToTheLastScene) {
    double now = 0.0;
    player.goTo(player.sceneCount() - 1, now, screen);
    player.next(now, screen);
    ASSERT_TRUE(player.ended());
    player.previous(now, screen);
    EXPECT_EQ(player.scene(), player.sceneCount() - 1);
    player.goTo(0, now, screen);
    player.previous(now, screen);
    EXPECT_EQ(player.scene(), 0) << "nothing before the first scene";
}

TEST_F(StoryPlayerWeek, EachSceneGlidesFromWhatIsOnScreenAndSettlesOnItsView) {
    double now = 100.0;
    for (int k = 0; k < player.sceneCount(); ++k) {
        player.goTo(k, now, screen);
        show(now);
        finishScene(now);
        const Scene& s = story->scenes[static_cast<std::size_t>(k)];
        EXPECT_EQ(screen.time, lastMoment(s)) << "scene " << k + 1;
        if (s.view) {
            EXPECT_NEAR(screen.spanMeters, s.view->spanKm * 1000.0, 1e-6) << "scene " << k + 1;
        }
    }
}

TEST_F(StoryPlayerWeek, PauseFreezesTheSceneAndResumesWhereItWas) {
    double now = 0.0;
    player.goTo(1, now, screen);  // a range
    now = 4.0;
    show(now);
    const Instant before = screen.time;
    player.togglePause(now);
    EXPECT_TRUE(player.paused());
    for (int i = 0; i < 10; ++i) {
        now += 1.0;
        show(now);
        EXPECT_EQ(screen.time, before);
    }
    player.togglePause(now);
    now += 0.5;
    show(now);
    EXPECT_GT(screen.time, before);
}

TEST_F(StoryPlayerWeek, PresenterTakesOverAndReturns) {
    double now = 0.0;
    player.goTo(2, now, screen);
    now = 1.0;
    show(now);
    player.takeOver();
    EXPECT_FALSE(player.following());
    EXPECT_FALSE(player.update(now + 1.0).has_value()) << "the presenter's pan or scrub is not undone";
    screen.center.x += 50000.0;
    player.returnToScene(now, screen);
    EXPECT_TRUE(player.following());
    EXPECT_EQ(player.scene(), 2);
    finishScene(now);
    EXPECT_EQ(screen.time, lastMoment(story->scenes[2]));
}

TEST_F(StoryPlayerWeek, StopLeavesNothingPlaying) {
    double now = 0.0;
    player.goTo(3, now, screen);
    player.toggleBlank();
    EXPECT_TRUE(player.blank());
    player.stop();
    EXPECT_TRUE(player.idle());
    EXPECT_FALSE(player.blank());
    EXPECT_FALSE(player.update(now + 2.0).has_value()) << "after Esc the story no longer moves the clock";
}

TEST_F(StoryPlayerWeek, SceneLayersAccumulateSoSteppingBackRestoresThem) {
    EventLayerSettings base;
    base.on.fill(false);
    // Scene 2 turns protests and violence on; scene 5 emergency, internet and airports; scene 6 CSTO.
    const EventLayerSettings s2 = sceneLayers(*story, 1, base);
    EXPECT_TRUE(s2.visible(EventLayer::Protests));
    EXPECT_FALSE(s2.visible(EventLayer::Emergency));
    const EventLayerSettings s6 = sceneLayers(*story, 5, base);
    EXPECT_TRUE(s6.visible(EventLayer::Protests));
    EXPECT_TRUE(s6.visible(EventLayer::Emergency));
    EXPECT_TRUE(s6.visible(EventLayer::Csto));
    EXPECT_EQ(sceneLayers(*story, 1, base).on, s2.on) << "the same scene, the same layers, whatever came before";
}

TEST(StoryPlayer, WithoutAStoryEverythingIsANoOp) {
    StoryPlayer p;
    StoryView v;
    p.start(0.0, v);
    p.next(0.0, v);
    p.previous(0.0, v);
    p.togglePause(0.0);
    p.returnToScene(0.0, v);
    EXPECT_TRUE(p.idle());
    EXPECT_FALSE(p.update(1.0).has_value());
    EXPECT_EQ(p.sceneCount(), 0);
}
