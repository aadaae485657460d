#include "core/story/story_plan.hpp"

#include <algorithm>
#include <cmath>

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

double StoryPlan::playSeconds(int scene) const {
    const Scene& s = m_story->scenes[static_cast<std::size_t>(scene)];
    if (!s.end) return 0.0;
    return static_cast<double>((*s.end - s.start).seconds) / (s.speedHoursPerSecond * 3600.0);
}

double StoryPlan::segmentSeconds(int scene) const {
    const Scene& s = m_story->scenes[static_cast<std::size_t>(scene)];
    return s.transitionSeconds + playSeconds(scene) + s.holdSeconds;
}

double StoryPlan::totalSeconds() const {
    double t = 0.0;
    for (int i = 0; i < sceneCount(); ++i) t += segmentSeconds(i);
    return t;
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
