#pragma once
// What the panels ask for, as values in a queue instead of flags: moving the clock, selecting,
// stepping a story, opening and exporting. The panels push them while drawing; they are applied
// in order at the start of the next frame (ui/model_actions.hpp for those that only change the
// model, the app's session for those that read or write files or change the window), so every
// panel and the map show the same moment within a frame.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/events/event_sources.hpp"
#include "core/export/export_spec.hpp"
#include "core/time/time.hpp"

namespace qantar::ui {

namespace action {

// The clock (only ever moved through the playback clock).
struct SeekTo {
    core::Instant time;
};
struct StepEvent {
    int direction = 1;  // +1: the next shown event's start; -1: the previous one
};
struct TogglePlay {};
struct SetPlaying {
    bool playing = false;
};

// Selecting an event moves the clock to it and, unless it was picked on the map, the camera too.
struct SelectEvent {
    std::uint32_t index = 0;
    bool frameCamera = true;  // false: the map stays put (the event was clicked where it is shown)
};
struct ClearSelection {};
struct FitKazakhstan {};
struct ZoomBy {
    double factor = 1.5;  // about the map's centre; > 1 zooms in
};

// Stories and presenting.
struct SetPresenting {
    bool on = false;
};
struct StoryGoTo {
    int scene = 0;
};
struct StoryNext {};
struct StoryPrevious {};
struct StoryTogglePause {};
struct StoryToggleBlank {};
struct StoryReturn {};
struct StoryStop {};
struct AddSceneFromView {};
struct OpenStory {
    std::string path;
};
struct SaveStory {
    std::string path;  // where to write (the story's own path, or a new one from Save as)
};
struct RestoreRecovery {};
struct DiscardRecovery {};

// Files and the window.
struct OpenEvents {
    core::EventSourceRequest request;
    bool merge = true;  // merge into the events shown, or replace them
};
struct DrawBoundaries {
    std::string source, layer;
};
struct StartExport {
    core::ExportSpec spec;  // a story export's spec points at the story being presented or edited
};
struct CancelExport {};
struct Quit {};

// Opens one of the window's dialogs (handled by the Gui itself, which owns them).
enum class Dialog { Open, Export, ExportEvents };
struct ShowDialog {
    Dialog dialog = Dialog::Open;
    // Open dialog only: show the outcome of the last import (a dropped file that needs its time
    // fields chosen, or failed), rather than a fresh dialog.
    bool withLastImport = false;
};

}  // namespace action

using Action = std::variant<action::SeekTo, action::StepEvent, action::TogglePlay, action::SetPlaying,
                            action::SelectEvent, action::ClearSelection, action::FitKazakhstan, action::ZoomBy,
                            action::SetPresenting, action::StoryGoTo, action::StoryNext, action::StoryPrevious,
                            action::StoryTogglePause, action::StoryToggleBlank, action::StoryReturn, action::StoryStop,
                            action::AddSceneFromView, action::OpenStory, action::SaveStory, action::RestoreRecovery,
                            action::DiscardRecovery, action::OpenEvents, action::DrawBoundaries, action::StartExport,
                            action::CancelExport, action::Quit, action::ShowDialog>;

struct ActionQueue {
    std::vector<Action> pending;
    void push(Action a) { pending.push_back(std::move(a)); }
    // Everything pushed so far, oldest first; the queue is left empty.
    std::vector<Action> take() {
        std::vector<Action> out;
        out.swap(pending);
        return out;
    }
    // Removes and returns the pending actions of type A, leaving the others in order.
    template <typename A>
    std::vector<A> takeAll() {
        std::vector<A> out;
        std::vector<Action> rest;
        for (auto& a : pending) {
            if (auto* x = std::get_if<A>(&a)) out.push_back(std::move(*x));
            else rest.push_back(std::move(a));
        }
        pending.swap(rest);
        return out;
    }
};

}  // namespace qantar::ui
