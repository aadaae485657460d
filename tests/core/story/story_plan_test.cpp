// How a story plays (core/story_plan.hpp): the easing curve, view blending, and the plan of the
// bundled story — segment lengths, exact replay, continuity across scene boundaries, transitions
// that land on their scene's view, and ranges played at their scene's speed.
#include "core/story/story_plan.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>

#include "core/time/time_printers.hpp"

using namespace qantar::core;

namespace {

const std::string kWeek = std::string(QANTAR_ASSET_DIR) + "/stories/week.json";

StoryView view(double x, double y, double spanMeters, std::int64_t unixSeconds) {
    StoryView v;
    v.center = MapXY{x, y};
    v.spanMeters = spanMeters;
    v.time = Instant{unixSeconds};
    return v;
}

double distance(MapXY a, MapXY b) { return std::hypot(a.x - b.x, a.y - b.y); }

// The bundled story with its projection and a plan starting from all of Kazakhstan.
class StoryPlanWeek : public ::testing::Test {
protected:
    void SetUp() override {
        auto s = loadStory(kWeek);
        ASSERT_TRUE(s.ok()) << s.error().message;
        story = std::make_unique<Story>(std::move(*s));
        auto p = Projection::create();
        ASSERT_TRUE(p.ok()) << p.error().message;
        projection = std::make_unique<Projection>(std::move(*p));
        initial = initialView(*projection, *story);
        plan = std::make_unique<StoryPlan>(*story, *projection, initial);
    }

    static StoryView initialView(const Projection& projection, const Story& story) {
        StoryView v;
        v.center = *projection.project(LonLat{67.0, 48.0});
        v.spanMeters = 2.5e6;
        v.time = story.scenes.front().start;
        return v;
    }

    // Seconds from the start of the story to the start of `scene`.
    double segmentStart(int scene) const {
        double t = 0.0;
        for (int i = 0; i < scene; ++i) t += plan->segmentSeconds(i);
        return t;
    }

    const Scene& scene(int i) const { return story->scenes[static_cast<std::size_t>(i)]; }

    std::unique_ptr<Story> story;
    std::unique_ptr<Projection> projection;
    StoryView initial;
    std::unique_ptr<StoryPlan> plan;
};

::testing::AssertionResult sameView(const StoryView& a, const StoryView& b, double spanRelTol = 0.0) {
    const bool spanOk = spanRelTol == 0.0 ? a.spanMeters == b.spanMeters
                                          : std::abs(a.spanMeters - b.spanMeters) <= spanRelTol * b.spanMeters;
    if (a.center.x == b.center.x && a.center.y == b.center.y && spanOk && a.time == b.time) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "views differ: centre (" << a.center.x << ", " << a.center.y << ") vs ("
                                         << b.center.x << ", " << b.center.y << "), span " << a.spanMeters << " vs "
                                         << b.spanMeters << ", time " << formatIso(a.time, kUtc) << " vs "
                                         << formatIso(b.time, kUtc);
}

}  // namespace

// --- Easing and blending -------------------------------------------------------------------

TEST(StoryEasing, StartsAndEndsExactlyAndClamps) {
    EXPECT_EQ(easeInOutCubic(0.0), 0.0);
    EXPECT_EQ(easeInOutCubic(1.0), 1.0);
    EXPECT_DOUBLE_EQ(easeInOutCubic(0.5), 0.5);
    EXPECT_EQ(easeInOutCubic(-0.3), 0.0);
    EXPECT_EQ(easeInOutCubic(1.7), 1.0);
}

TEST(StoryEasing, IsMonotoneAndSymmetric) {
    double previous = easeInOutCubic(0.0);
    for (int i = 1; i <= 1000; ++i) {
        const double x = i / 1000.0;
        const double y = easeInOutCubic(x);
        EXPECT_GT(y, previous) << "x = " << x;
        EXPECT_NEAR(y + easeInOutCubic(1.0 - x), 1.0, 1e-12) << "x = " << x;
        previous = y;
    }
}

TEST(StoryEasing, StartsAndStopsGently) {
    // Slope zero at both ends: a tiny step in time moves the camera far less than linearly.
    EXPECT_LT(easeInOutCubic(0.01), 0.001);
    EXPECT_GT(easeInOutCubic(0.99), 0.999);
    // ... and faster than linear in the middle (3x² − 2x³ has slope 1.5 at 0.5).
    EXPECT_NEAR((easeInOutCubic(0.501) - easeInOutCubic(0.499)) / 0.002, 1.5, 1e-3);
}

TEST(StoryBlend, EndpointsAreTheTwoViews) {
    const StoryView a = view(-250000.0, 120000.0, 1.0e5, 1641340800);
    const StoryView b = view(900000.0, -40000.0, 1.0e7, 1641427200);
    const StoryView at0 = blendViews(a, b, 0.0);
    EXPECT_DOUBLE_EQ(at0.center.x, a.center.x);
    EXPECT_DOUBLE_EQ(at0.center.y, a.center.y);
    EXPECT_NEAR(at0.spanMeters, a.spanMeters, 1e-9 * a.spanMeters);
    EXPECT_EQ(at0.time, a.time);
    const StoryView at1 = blendViews(a, b, 1.0);
    EXPECT_DOUBLE_EQ(at1.center.x, b.center.x);
    EXPECT_DOUBLE_EQ(at1.center.y, b.center.y);
    EXPECT_NEAR(at1.spanMeters, b.spanMeters, 1e-9 * b.spanMeters);
    EXPECT_EQ(at1.time, b.time);
}

TEST(StoryBlend, SpanInterpolatesGeometricallyCentreAndTimeLinearly) {
    const StoryView a = view(0.0, 0.0, 100e3, 0);
    const StoryView b = view(1000e3, -500e3, 10000e3, 86400);
    const StoryView mid = blendViews(a, b, 0.5);
    EXPECT_NEAR(mid.spanMeters, 1000e3, 1e-6) << "halfway between 100 km and 10,000 km is 1,000 km";
    EXPECT_NEAR(mid.center.x, 500e3, 1e-6);
    EXPECT_NEAR(mid.center.y, -250e3, 1e-6);
    EXPECT_EQ(mid.time, Instant{43200});
    // Equal steps of x are equal zoom factors.
    const StoryView q1 = blendViews(a, b, 0.25), q3 = blendViews(a, b, 0.75);
    EXPECT_NEAR(q1.spanMeters / a.spanMeters, mid.spanMeters / q1.spanMeters, 1e-9);
    EXPECT_NEAR(q3.spanMeters / mid.spanMeters, b.spanMeters / q3.spanMeters, 1e-9);
}

// --- The plan of the bundled story ---------------------------------------------------------

TEST_F(StoryPlanWeek, SegmentsAreTransitionPlusPlayPlusHold) {
    ASSERT_EQ(plan->sceneCount(), 8);
    double sum = 0.0;
    for (int i = 0; i < plan->sceneCount(); ++i) {
        const Scene& s = scene(i);
        const double play =
            s.end ? static_cast<double>(s.end->unixSeconds - s.start.unixSeconds) / 3600.0 / s.speedHoursPerSecond : 0.0;
        EXPECT_NEAR(plan->playSeconds(i), play, 1e-9) << "scene " << i + 1;
        EXPECT_NEAR(plan->segmentSeconds(i), s.transitionSeconds + play + s.holdSeconds, 1e-9) << "scene " << i + 1;
        sum += plan->segmentSeconds(i);
    }
    EXPECT_NEAR(plan->totalSeconds(), sum, 1e-9);
    // Scene 2 plays 24 hours at 6 hours per second; scene 8, 8 Jan 00:00 to 16 Jan 12:00 at 24.
    EXPECT_NEAR(plan->playSeconds(1), 4.0, 1e-9);
    EXPECT_NEAR(plan->playSeconds(7), 204.0 / 24.0, 1e-9);
    EXPECT_EQ(plan->playSeconds(0), 0.0) << "a moment has nothing to play";
}

TEST_F(StoryPlanWeek, TargetsAreTheScenesViews) {
    for (int i = 0; i < plan->sceneCount(); ++i) {
        const Scene& s = scene(i);
        ASSERT_TRUE(s.view.has_value());
        const MapXY want = *projection->project(s.view->center);
        const StoryView& t = plan->sceneStart(i);
        EXPECT_NEAR(t.center.x, want.x, 1e-6) << "scene " << i + 1;
        EXPECT_NEAR(t.center.y, want.y, 1e-6) << "scene " << i + 1;
        EXPECT_NEAR(t.spanMeters, s.view->spanKm * 1000.0, 1e-6) << "scene " << i + 1;
        EXPECT_EQ(t.time, s.start) << "scene " << i + 1;
        // A range's last moment is a minute before its (exclusive) end: still inside the range.
        const Instant last = s.end ? *s.end - Duration::minutes(1) : s.start;
        EXPECT_EQ(plan->sceneEnd(i).time, last) << "scene " << i + 1;
    }
}

TEST_F(StoryPlanWeek, ReplaysBitForBitFromASeparatelyBuiltPlan) {
    auto s2 = loadStory(kWeek);
    ASSERT_TRUE(s2.ok());
    auto p2 = Projection::create();
    ASSERT_TRUE(p2.ok());
    const StoryPlan other(*s2, *p2, initialView(*p2, *s2));
    ASSERT_EQ(other.totalSeconds(), plan->totalSeconds());
    for (double t = 0.0; t <= plan->totalSeconds() + 1.0; t += 0.37) {
        const auto [sa, va] = plan->viewAt(t);
        const auto [sb, vb] = other.viewAt(t);
        EXPECT_EQ(sa, sb) << "t = " << t;
        EXPECT_TRUE(sameView(va, vb)) << "t = " << t;
    }
}

TEST_F(StoryPlanWeek, ViewAtIsContinuousEvenAcrossSceneBoundaries) {
    // Bounds on how far one small step can move, from the fastest glide and the fastest play in
    // the story: the eased transition's peak slope is 1.5 × distance / transition time.
    constexpr double kDt = 1.0 / 120.0;
    double maxMetresPerSecond = 0.0, maxLogSpanPerSecond = 0.0, maxSimSecondsPerSecond = 0.0;
    StoryView from = initial;
    for (int i = 0; i < plan->sceneCount(); ++i) {
        const Scene& s = scene(i);
        const StoryView& to = plan->sceneStart(i);
        ASSERT_GT(s.transitionSeconds, 0.0);
        maxMetresPerSecond = std::max(maxMetresPerSecond, 1.5 * distance(from.center, to.center) / s.transitionSeconds);
        maxLogSpanPerSecond =
            std::max(maxLogSpanPerSecond, 1.5 * std::abs(std::log(to.spanMeters / from.spanMeters)) / s.transitionSeconds);
        maxSimSecondsPerSecond = std::max(
            maxSimSecondsPerSecond,
            1.5 * std::abs(static_cast<double>((to.time - from.time).seconds)) / s.transitionSeconds);
        if (s.end) maxSimSecondsPerSecond = std::max(maxSimSecondsPerSecond, s.speedHoursPerSecond * 3600.0);
        from = plan->sceneEnd(i);
    }
    const double maxMove = maxMetresPerSecond * kDt * 1.01 + 1e-6;
    const double maxZoom = maxLogSpanPerSecond * kDt * 1.01 + 1e-12;
    const double maxClock = maxSimSecondsPerSecond * kDt * 1.01 + 1.0;  // + rounding to whole seconds

    auto previous = plan->viewAt(0.0);
    EXPECT_EQ(previous.first, 0);
    EXPECT_TRUE(sameView(previous.second, initial, 1e-12)) << "the story starts from what was on screen";
    int lastScene = 0;
    for (double t = kDt; t <= plan->totalSeconds() + 0.5; t += kDt) {
        const auto current = plan->viewAt(t);
        EXPECT_GE(current.first, lastScene) << "t = " << t << ": scenes only go forward";
        lastScene = current.first;
        const StoryView& a = previous.second;
        const StoryView& b = current.second;
        EXPECT_LE(distance(a.center, b.center), maxMove) << "t = " << t << ", scene " << current.first + 1;
        EXPECT_LE(std::abs(std::log(b.spanMeters / a.spanMeters)), maxZoom) << "t = " << t << ", scene " << current.first + 1;
        EXPECT_LE(std::abs(static_cast<double>((b.time - a.time).seconds)), maxClock)
            << "t = " << t << ", scene " << current.first + 1;
        previous = current;
    }
    EXPECT_EQ(lastScene, plan->sceneCount() - 1);
}

TEST_F(StoryPlanWeek, EachSegmentEndsWhereTheNextTransitionStarts) {
    for (int i = 0; i + 1 < plan->sceneCount(); ++i) {
        const double boundary = segmentStart(i + 1);
        const auto before = plan->viewAt(boundary - 1e-6);
        const auto after = plan->viewAt(boundary);
        EXPECT_EQ(before.first, i);
        EXPECT_EQ(after.first, i + 1);
        EXPECT_TRUE(sameView(before.second, plan->sceneEnd(i))) << "end of scene " << i + 1;
        EXPECT_TRUE(sameView(after.second, plan->sceneEnd(i), 1e-12)) << "start of scene " << i + 2;
        // viewInScene agrees: entering scene i+1 from the end of scene i.
        EXPECT_TRUE(sameView(plan->viewInScene(i + 1, plan->sceneEnd(i), 0.0), plan->sceneEnd(i), 1e-12));
    }
}

TEST_F(StoryPlanWeek, EachTransitionLandsOnItsScenesView) {
    for (int i = 0; i < plan->sceneCount(); ++i) {
        const double t = segmentStart(i) + scene(i).transitionSeconds;
        const auto [sceneIndex, v] = plan->viewAt(t + 1e-9);
        EXPECT_EQ(sceneIndex, i);
        const StoryView& target = plan->sceneStart(i);
        EXPECT_NEAR(v.center.x, target.center.x, 1e-3) << "scene " << i + 1;
        EXPECT_NEAR(v.center.y, target.center.y, 1e-3) << "scene " << i + 1;
        EXPECT_NEAR(v.spanMeters, target.spanMeters, 1e-6 * target.spanMeters) << "scene " << i + 1;
        EXPECT_LE(std::abs((v.time - target.time).seconds), 1) << "scene " << i + 1;
        // Just before the end of the transition it is nearly there, but still moving.
        const StoryView from = i == 0 ? initial : plan->sceneEnd(i - 1);
        EXPECT_TRUE(sameView(plan->viewInScene(i, from, scene(i).transitionSeconds), target)) << "scene " << i + 1;
        const StoryView mid = plan->viewInScene(i, from, scene(i).transitionSeconds / 2);
        if (distance(from.center, target.center) > 1000.0) {
            EXPECT_NEAR(distance(mid.center, from.center), distance(mid.center, target.center),
                        1e-6 * distance(from.center, target.center))
                << "scene " << i + 1 << ": halfway through the glide is halfway along the way";
        }
    }
}

TEST_F(StoryPlanWeek, RangesPlayAtTheirScenesSpeedAndStopAtTheirEnd) {
    int ranges = 0;
    for (int i = 0; i < plan->sceneCount(); ++i) {
        const Scene& s = scene(i);
        if (!s.end) continue;
        ++ranges;
        const double playStart = segmentStart(i) + s.transitionSeconds;
        const double play = plan->playSeconds(i);
        for (double tau = 0.0; tau < play; tau += 0.25) {
            const auto [sceneIndex, v] = plan->viewAt(playStart + tau);
            EXPECT_EQ(sceneIndex, i);
            const double expected = std::min(static_cast<double>(s.start.unixSeconds) + tau * s.speedHoursPerSecond * 3600.0,
                                             static_cast<double>(lastMoment(s).unixSeconds));
            EXPECT_NEAR(static_cast<double>(v.time.unixSeconds), expected, 1.0)
                << "scene " << i + 1 << ", " << tau << " s into the range";
            EXPECT_TRUE(sameView(StoryView{v.center, v.spanMeters, plan->sceneStart(i).time},
                                 plan->sceneStart(i)))
                << "scene " << i + 1 << ": the camera holds still while the clock plays";
        }
        // Through the hold, the clock stays at the last moment of the range.
        for (double tau = play + 0.01; tau < play + s.holdSeconds; tau += 0.5) {
            const auto [sceneIndex, v] = plan->viewAt(playStart + tau);
            EXPECT_EQ(sceneIndex, i);
            EXPECT_EQ(v.time, lastMoment(s)) << "scene " << i + 1 << ", " << tau - play << " s into the hold";
        }
    }
    EXPECT_EQ(ranges, 4);
}

TEST_F(StoryPlanWeek, ARangeEndsOnItsOwnLastDayNotTheNext) {
    // "2 January: protests in Zhanaozen" runs to 3 January 00:00 (UTC+5), exclusive: its still and
    // its hold show 2 January 23:59, in the scene's own zone, never 3 January.
    for (int i = 0; i < plan->sceneCount(); ++i) {
        const Scene& s = scene(i);
        if (!s.end) continue;
        const Instant shown = plan->sceneEnd(i).time;
        EXPECT_LT(shown, *s.end) << "scene " << i + 1;
        EXPECT_GE(shown, s.start) << "scene " << i + 1;
        const CivilTime endDay = toCivil(*s.end - Duration{1}, s.zone);
        const CivilTime shownDay = toCivil(shown, s.zone);
        EXPECT_EQ(shownDay.day, endDay.day) << "scene " << i + 1 << " is stamped " << formatIso(shown, s.zone);
    }
    const Scene& zhanaozen = scene(1);
    EXPECT_EQ(formatIso(plan->sceneEnd(1).time, zhanaozen.zone), "2022-01-02T23:59:00+05:00");
}

TEST_F(StoryPlanWeek, MomentsHoldTheirTime) {
    for (int i = 0; i < plan->sceneCount(); ++i) {
        const Scene& s = scene(i);
        if (s.end) continue;
        const double settled = segmentStart(i) + s.transitionSeconds;
        for (double tau = 0.0; tau < s.holdSeconds; tau += 0.5) {
            EXPECT_TRUE(sameView(plan->viewAt(settled + tau).second, plan->sceneStart(i))) << "scene " << i + 1;
        }
    }
}

TEST_F(StoryPlanWeek, AfterTheEndTheLastSceneStays) {
    const int last = plan->sceneCount() - 1;
    const auto [sceneIndex, v] = plan->viewAt(plan->totalSeconds() + 100.0);
    EXPECT_EQ(sceneIndex, last);
    EXPECT_TRUE(sameView(v, plan->sceneEnd(last)));
    const auto [s0, v0] = plan->viewAt(-5.0);
    EXPECT_EQ(s0, 0);
    EXPECT_TRUE(sameView(v0, initial, 1e-12)) << "negative times clamp to the start";
}

// --- Frames of a story video (the cap, checked before anything is drawn) -----------------

namespace {

// A story of `n` scenes, each a one-day range at `speed` simulated hours per second.
Story rangeStory(int n, double speed, double transition = 2.5, double hold = 4.0) {
    Story story;
    for (int i = 0; i < n; ++i) {
        Scene s;
        s.title = "Scene " + std::to_string(i + 1);
        s.start = Instant{1641340800 + std::int64_t{3600} * i};
        s.end = Instant{1641340800 + std::int64_t{3600} * i + 86400};
        s.speedHoursPerSecond = speed;
        s.transitionSeconds = transition;
        s.holdSeconds = hold;
        story.scenes.push_back(s);
    }
    return story;
}

}  // namespace

TEST_F(StoryPlanWeek, VideoFramesAreTheWholePlanAtTheFrameRate) {
    auto frames = storyVideoFrames(*story, 25, 100000);
    ASSERT_TRUE(frames.ok()) << frames.error().message;
    EXPECT_EQ(*frames, static_cast<std::size_t>(std::ceil(plan->totalSeconds() * 25)));
}

TEST(StoryVideoFrames, ATinySpeedIsRefusedSayingHowManyFramesAndWhatToChange) {
    // 1e-9 simulated hours per second: one day plays for 2.4e10 seconds.
    Story story = rangeStory(3, 2.0);
    story.scenes[1].speedHoursPerSecond = 1e-9;
    auto frames = storyVideoFrames(story, 10, 100000);
    ASSERT_FALSE(frames.ok()) << "a story of " << *frames << " frames was accepted";
    const std::string& m = frames.error().message;
    EXPECT_NE(m.find("240000000"), std::string::npos) << "the frame count: " << m;
    EXPECT_NE(m.find("100000"), std::string::npos) << "the limit: " << m;
    EXPECT_NE(m.find("scene 2"), std::string::npos) << "the scene that makes it long: " << m;
    EXPECT_NE(m.find("speed_hours_per_second"), std::string::npos) << "what to change: " << m;
}

TEST(StoryVideoFrames, ASpeedOf1eMinus300IsRefusedNotZeroFrames) {
    // The frame count overflows a size_t (or becomes infinite): never converted, never 0 frames.
    for (double speed : {1e-300, 4.9e-324}) {
        Story story = rangeStory(1, speed);
        auto frames = storyVideoFrames(story, 60, 100000);
        ASSERT_FALSE(frames.ok()) << speed << ": " << *frames << " frames";
        EXPECT_NE(frames.error().message.find("scene 1"), std::string::npos) << frames.error().message;
        EXPECT_LT(frames.error().message.size(), 400u) << "no 300-digit numbers: " << frames.error().message;
    }
}

TEST(StoryVideoFrames, TenThousandLongScenesAreRefused) {
    // 10^4 scenes of 600 s transition + 600 s hold: 12,000,000 frames at 1 frame per second.
    Story story = rangeStory(10000, 1e6, 600.0, 600.0);
    auto frames = storyVideoFrames(story, 1, 100000);
    ASSERT_FALSE(frames.ok());
    EXPECT_NE(frames.error().message.find("have 1200000"), std::string::npos) << frames.error().message;
}

TEST(StoryVideoFrames, ExactlyTheCapIsAccepted) {
    // One moment scene of 100 s at 10 fps: 1000 frames, the cap here.
    Story story;
    Scene s;
    s.start = Instant{1641340800};
    s.transitionSeconds = 40.0;
    s.holdSeconds = 60.0;
    story.scenes.push_back(s);
    auto frames = storyVideoFrames(story, 10, 1000);
    ASSERT_TRUE(frames.ok()) << frames.error().message;
    EXPECT_EQ(*frames, 1000u);
    EXPECT_FALSE(storyVideoFrames(story, 10, 999).ok());
}
