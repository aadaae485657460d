#include "ui/model_actions.hpp"

#include <algorithm>

namespace qantar::ui {

namespace {

// Closest useful zoom on an event: a city is about this many metres per pixel.
constexpr double kCloseUpMetersPerPixel = 800.0;
// The width of a story view, in heights (scenes are written for a 16:9 screen).
constexpr double kViewAspect = 16.0 / 9.0;
// A place known only to its region is framed this many times its uncertainty radius across.
constexpr double kUncertaintyFraming = 2.5;

core::ScreenRect freeRect(const AppState& s) {
    if (!s.layout.mapFree.empty()) return s.layout.mapFree;
    return core::ScreenRect{0, 0, static_cast<double>(s.camera.widthPx()), static_cast<double>(s.camera.heightPx())};
}

// Entering a scene: its layers (accumulated over the layers the user had before the story) and
// its zone.
void enterScene(AppState& s) {
    const int k = s.player.scene();
    if (k < 0 || !s.story.story) return;
    s.eventLayers = core::sceneLayers(*s.story.story, k, s.story.layersBefore);
    s.displayZone = s.story.story->scenes[static_cast<std::size_t>(k)].zone;
    s.clock.playing = false;
}

template <typename F>
void storyStep(AppState& s, F&& step) {
    const bool wasIdle = s.player.idle();
    if (wasIdle) s.story.layersBefore = s.eventLayers;
    step(s.appSeconds, onScreenView(s));
    enterScene(s);
}

}  // namespace

core::StoryView onScreenView(const AppState& s) {
    const auto [center, span] = s.camera.framedIn(freeRect(s));
    return core::StoryView{center, span, s.clock.now};
}

void showView(AppState& s, const core::StoryView& v) {
    // A view is its height of map with a 16:9 width around it (as a scene looks full screen and
    // in a 1080p slide); both stay in view however narrow the free part of the screen is.
    const core::ScreenRect free = freeRect(s);
    const double mpp = std::max(v.spanMeters / free.h, v.spanMeters * kViewAspect / free.w);
    s.camera.frameIn(v.center, mpp * free.h, free);
    s.clock.seek(v.time);
}

void fitKazakhstan(AppState& s) {
    if (!s.scene) return;
    const core::ScreenRect free = freeRect(s);
    s.camera.fitIn(s.scene->kazakhstanBox, free, 0.04 * std::min(free.w, free.h));
}

void presenterTookOver(AppState& s) { s.player.takeOver(); }

void selectEvent(AppState& s, std::uint32_t index, bool frameCamera) {
    if (!s.world || index >= s.world->data().events.size()) return;
    s.selectedEvent = index;
    ++s.selectionSerial;
    s.clock.playing = false;
    s.clock.seek(s.world->data().events[index].start);
    const core::EventPosition& pos = s.world->places()[index];
    if (!frameCamera) {
        presenterTookOver(s);
        return;
    }
    if (pos.xy) {
        const core::ScreenRect free = freeRect(s);
        const double shortSide = std::max(1.0, std::min(free.w, free.h));
        const double want = std::max(kCloseUpMetersPerPixel, pos.uncertaintyMeters * kUncertaintyFraming / shortSide);
        const double mpp = std::min(s.camera.metersPerPixel(), want);
        s.camera.frameIn(*pos.xy, mpp * free.h, free);
    } else if (s.world->data().events[index].place.nationwide) {
        fitKazakhstan(s);
    }
    presenterTookOver(s);
}

void layOutSymbols(AppState& s) {
    core::SymbolLayoutOptions o;
    o.pixelScale = s.mapPixelScale;
    o.spreadByPointer = s.pointerSpread;
    o.selectedEvent = s.selectedEvent;
    if (!s.pointedStack && s.pointedEvents.size() == 1) o.pointedEvent = s.pointedEvents.front();
    // Laid out again only when something it depends on changed: a still view with a paused
    // clock, or the map view and the compositor asking in the same frame, reuse the layout.
    const AppState::SymbolsKey key{s.frameSerial,      s.world,          s.camera.center(),
                                   s.camera.metersPerPixel(), s.camera.widthPx(), s.camera.heightPx(),
                                   o.pixelScale,       o.spreadByPointer, o.selectedEvent,
                                   o.pointedEvent};
    if (s.symbolsKey && *s.symbolsKey == key) return;
    s.symbols = s.world ? core::layoutSymbols(s.frame.marks, s.camera, o) : core::SymbolLayout{};
    s.symbolsKey = key;
}

void updateStory(AppState& s) {
    if (auto v = s.player.update(s.appSeconds)) showView(s, *v);
}

bool applyModelAction(AppState& s, const Action& action) {
    using namespace action;
    return std::visit(
        [&](const auto& a) -> bool {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, SeekTo>) {
                s.clock.seek(a.time);
                presenterTookOver(s);
            } else if constexpr (std::is_same_v<A, StepEvent>) {
                if (!s.world) return true;
                const auto& index = s.world->index();
                const auto t = a.direction >= 0 ? index.nextStartAfter(s.clock.now, s.shownMask())
                                                : index.previousStartBefore(s.clock.now, s.shownMask());
                if (t) s.clock.seek(*t);
                s.clock.playing = false;
                presenterTookOver(s);
            } else if constexpr (std::is_same_v<A, TogglePlay>) {
                if (!s.clock.playing && !(s.clock.now < s.clock.rangeEnd)) s.clock.seek(s.clock.rangeStart);
                s.clock.playing = !s.clock.playing;
                presenterTookOver(s);
            } else if constexpr (std::is_same_v<A, SetPlaying>) {
                s.clock.playing = a.playing;
            } else if constexpr (std::is_same_v<A, SelectEvent>) {
                selectEvent(s, a.index, a.frameCamera);
            } else if constexpr (std::is_same_v<A, ClearSelection>) {
                s.selectedEvent.reset();
            } else if constexpr (std::is_same_v<A, FitKazakhstan>) {
                fitKazakhstan(s);
                presenterTookOver(s);
            } else if constexpr (std::is_same_v<A, ZoomBy>) {
                const core::ScreenRect free = freeRect(s);
                s.camera.zoomAbout(free.center(), a.factor);
                presenterTookOver(s);
            } else if constexpr (std::is_same_v<A, StoryGoTo>) {
                storyStep(s, [&](double now, const core::StoryView& v) { s.player.goTo(a.scene, now, v); });
            } else if constexpr (std::is_same_v<A, StoryNext>) {
                storyStep(s, [&](double now, const core::StoryView& v) { s.player.next(now, v); });
            } else if constexpr (std::is_same_v<A, StoryPrevious>) {
                storyStep(s, [&](double now, const core::StoryView& v) { s.player.previous(now, v); });
            } else if constexpr (std::is_same_v<A, StoryReturn>) {
                storyStep(s, [&](double now, const core::StoryView& v) { s.player.returnToScene(now, v); });
            } else if constexpr (std::is_same_v<A, StoryTogglePause>) {
                s.player.togglePause(s.appSeconds);
            } else if constexpr (std::is_same_v<A, StoryToggleBlank>) {
                s.player.toggleBlank();
            } else if constexpr (std::is_same_v<A, StoryStop>) {
                if (!s.player.idle()) s.eventLayers = s.story.layersBefore;
                s.player.stop();
            } else {
                return false;
            }
            return true;
        },
        action);
}

}  // namespace qantar::ui
