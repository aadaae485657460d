#include "core/story/story_player.hpp"

#include <algorithm>

namespace qantar::core {

void StoryPlayer::setStory(const Story* story, const Projection& projection, bool keepScene) {
    const int scene = m_scene;
    m_story = story;
    m_plan.reset();
    if (story && !story->scenes.empty()) m_plan.emplace(*story, projection, StoryView{});
    if (keepScene && m_plan && scene >= 0) {
        m_scene = std::min(scene, m_plan->sceneCount() - 1);
        return;
    }
    stop();
}

int StoryPlayer::sceneCount() const { return m_plan ? m_plan->sceneCount() : 0; }

void StoryPlayer::goTo(int scene, double now, const StoryView& onScreen) {
    if (!m_plan || scene < 0 || scene >= m_plan->sceneCount()) return;
    m_from = onScreen;
    m_scene = scene;
    m_ended = false;
    m_enteredAt = now;
    m_paused = false;
    m_pausedElapsed = 0.0;
    m_following = true;
    m_blank = false;
}

void StoryPlayer::start(double now, const StoryView& onScreen) {
    if (idle()) goTo(0, now, onScreen);
}

void StoryPlayer::next(double now, const StoryView& onScreen) {
    if (!m_plan) return;
    if (m_ended) return;
    if (m_scene < 0) {
        goTo(0, now, onScreen);
    } else if (m_scene + 1 < m_plan->sceneCount()) {
        goTo(m_scene + 1, now, onScreen);
    } else {
        // Past the last scene: nothing is steered any more, so the view and the numbers on screen
        // stay exactly as the last scene left them.
        m_ended = true;
        m_scene = -1;
        m_paused = false;
    }
}

void StoryPlayer::previous(double now, const StoryView& onScreen) {
    if (!m_plan) return;
    if (m_ended) goTo(m_plan->sceneCount() - 1, now, onScreen);
    else if (m_scene > 0) goTo(m_scene - 1, now, onScreen);
}

void StoryPlayer::togglePause(double now) {
    if (m_scene < 0) return;
    if (m_paused) {
        m_enteredAt = now - m_pausedElapsed;
        m_paused = false;
    } else {
        m_pausedElapsed = now - m_enteredAt;
        m_paused = true;
    }
}

void StoryPlayer::takeOver() {
    if (m_scene >= 0) m_following = false;
}

void StoryPlayer::returnToScene(double now, const StoryView& onScreen) {
    if (m_ended) goTo(m_plan->sceneCount() - 1, now, onScreen);
    else if (m_scene >= 0) goTo(m_scene, now, onScreen);
}

void StoryPlayer::stop() {
    m_scene = -1;
    m_ended = false;
    m_paused = false;
    m_following = true;
    m_blank = false;
}

std::optional<StoryView> StoryPlayer::update(double now) const {
    if (!m_plan || m_scene < 0 || !m_following) return std::nullopt;
    const double elapsed = m_paused ? m_pausedElapsed : now - m_enteredAt;
    return m_plan->viewInScene(m_scene, m_from, elapsed);
}

bool StoryPlayer::settled(double now) const {
    if (!m_plan || m_scene < 0 || !m_following) return true;
    const double elapsed = m_paused ? m_pausedElapsed : now - m_enteredAt;
    return elapsed >= m_story->scenes[static_cast<std::size_t>(m_scene)].transitionSeconds;
}

int StoryPlayer::captionScene() const {
    if (m_ended) return m_plan ? m_plan->sceneCount() - 1 : -1;
    return m_scene;
}

}  // namespace qantar::core
