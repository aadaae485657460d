#include "core/story/story_plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qantar::core {

double easeInOutCubic(double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

StoryView blendViews(const StoryView& a, const StoryView& b, double x) {
    StoryView v;
    v.center = MapXY{a.center.x + (b.center.x - a.center.x) * x, a.center.y + (b.center.y - a.center.y) * x};
    v.spanMeters = std::exp(std::log(a.spanMeters) + (std::log(b.spanMeters) - std::log(a.spanMeters)) * x);
    const double dt = static_cast<double>((b.time - a.time).seconds);
    v.time = a.time + Duration{static_cast<std::int64_t>(std::llround(dt * x))};
    return v;
}

StoryPlan::StoryPlan(const Story& story, const Projection& projection, const StoryView& initial)
    : m_story(&story), m_initial(initial) {
    StoryView previous = initial;
    for (const Scene& s : story.scenes) {
        StoryView v = previous;  // a scene without a view keeps the one before it
        if (s.view) {
            if (auto xy = projection.project(s.view->center)) v.center = *xy;
            v.spanMeters = s.view->spanKm * 1000.0;
        }
        v.time = s.start;
        m_targets.push_back(v);
        previous = v;
        previous.time = lastMoment(s);
    }
}

StoryView StoryPlan::sceneEnd(int scene) const {
    StoryView v = sceneStart(scene);
    v.time = lastMoment(m_story->scenes[static_cast<std::size_t>(scene)]);
    return v;
}

namespace {

double playSecondsOf(const Scene& s) {
    if (!s.end) return 0.0;
    return static_cast<double>((*s.end - s.start).seconds) / (s.speedHoursPerSecond * 3600.0);
}

}  // namespace

double sceneSeconds(const Scene& s) { return s.transitionSeconds + playSecondsOf(s) + s.holdSeconds; }

double StoryPlan::playSeconds(int scene) const { return playSecondsOf(m_story->scenes[static_cast<std::size_t>(scene)]); }

double StoryPlan::segmentSeconds(int scene) const { return sceneSeconds(m_story->scenes[static_cast<std::size_t>(scene)]); }

double StoryPlan::totalSeconds() const {
    double t = 0.0;
    for (int i = 0; i < sceneCount(); ++i) t += segmentSeconds(i);
    return t;
}

Expected<std::size_t> storyVideoFrames(const Story& story, int fps, std::size_t maxFrames) {
    if (story.scenes.empty()) return std::size_t{0};
    // The longest scene is named: it is the one to change.
    std::size_t longest = 0;
    double total = 0.0;
    for (std::size_t i = 0; i < story.scenes.size(); ++i) {
        const double seconds = sceneSeconds(story.scenes[i]);
        total += seconds;
        if (!(seconds <= sceneSeconds(story.scenes[longest]))) longest = i;  // NaN and infinity count as the longest
    }
    const double frames = std::ceil(total * std::max(1, fps));
    // Checked as a double first: converting a non-finite or too large double to size_t is undefined.
    if (std::isfinite(frames) && frames >= 0.0 && frames <= static_cast<double>(maxFrames)) {
        return static_cast<std::size_t>(frames);
    }
    const Scene& s = story.scenes[longest];
    // 288000000007, or 2.4e+302 rather than 303 digits.
    auto number = [](double v) {
        char b[64];
        std::snprintf(b, sizeof b, v < 1e15 ? "%.0f" : "%.3g", v);
        return std::string(b);
    };
    char speed[64], minutes[64];
    std::snprintf(speed, sizeof speed, "%g", s.speedHoursPerSecond);
    std::snprintf(minutes, sizeof minutes, "%.0f", static_cast<double>(maxFrames) / std::max(1, fps) / 60.0);
    const std::string change = s.end ? "raise its speed_hours_per_second, shorten its time range, transition or hold, "
                                       "or use a lower --fps"
                                     : "shorten its transition or hold, or use a lower --fps";
    const std::string limit = "at most " + std::to_string(maxFrames) + " frames, " + minutes + " minutes at " +
                              std::to_string(std::max(1, fps)) + " frames per second";
    const std::string scene = "scene " + std::to_string(longest + 1);
    if (!std::isfinite(frames) || !std::isfinite(sceneSeconds(s))) {
        return Error{ErrorKind::BadArgument, "the story video would never end: " + scene + " plays its time range at " +
                                                 speed + " hours per second (" + limit + "); " + change};
    }
    return Error{ErrorKind::BadArgument, "the story video would have " + number(frames) + " frames (" + limit + "); " +
                                             scene + " alone lasts " + number(sceneSeconds(s)) + " s" +
                                             (s.end ? std::string(" at ") + speed + " hours per second" : "") + ": " + change};
}

StoryView StoryPlan::viewInScene(int scene, const StoryView& from, double secondsIntoScene) const {
    const Scene& s = m_story->scenes[static_cast<std::size_t>(scene)];
    const StoryView& target = sceneStart(scene);
    const double t = std::max(0.0, secondsIntoScene);
    if (t < s.transitionSeconds) return blendViews(from, target, easeInOutCubic(t / s.transitionSeconds));
    StoryView v = target;
    if (s.end) {
        const double played = (t - s.transitionSeconds) * s.speedHoursPerSecond * 3600.0;
        const double span = static_cast<double>((*s.end - s.start).seconds);
        v.time = std::min(s.start + Duration{static_cast<std::int64_t>(std::llround(std::min(played, span)))},
                          lastMoment(s));
    }
    return v;
}

std::pair<int, StoryView> StoryPlan::viewAt(double seconds) const {
    StoryView from = m_initial;
    double t = std::max(0.0, seconds);
    for (int i = 0; i < sceneCount(); ++i) {
        const double seg = segmentSeconds(i);
        if (t < seg || i + 1 == sceneCount()) return {i, viewInScene(i, from, t)};
        t -= seg;
        from = sceneEnd(i);
    }
    return {0, m_initial};
}

}  // namespace qantar::core
