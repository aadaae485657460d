#pragma once
// The actions that change only the model (clock, selection, camera, story navigation), applied
// in one place so a key, a button and a test do exactly the same thing. Actions that read or
// write files or change the window are the app session's.
#include <cstdint>

#include "core/story/story_plan.hpp"
#include "ui/actions.hpp"
#include "ui/app_state.hpp"

namespace qantar::ui {

// Applies `action` if it only changes the model; false otherwise (it is left to the caller).
bool applyModelAction(AppState& state, const Action& action);

// What the screen shows: the map point at the middle of the free part of the map, the map height
// across it, and the clock.
core::StoryView onScreenView(const AppState& state);
// Shows `view`: the camera frames it in the free part of the map; the clock moves to its time.
void showView(AppState& state, const core::StoryView& view);
// Fits Kazakhstan into the free part of the map.
void fitKazakhstan(AppState& state);
// Selects an event: the clock moves to its start; with `frameCamera`, the camera to its place,
// close enough to see the city but not closer than the place's uncertainty allows (a nationwide
// event: all of Kazakhstan).
void selectEvent(AppState& state, std::uint32_t index, bool frameCamera = true);
// Lays out this frame's event symbols (state.symbols) from the frame's marks, the camera, the
// pointer's spread, the event pointed at and the selection.
void layOutSymbols(AppState& state);
// The presenter moved the map or the clock by hand: a story scene stops steering.
void presenterTookOver(AppState& state);
// Applies the story player's view for this frame, if it is steering.
void updateStory(AppState& state);

}  // namespace qantar::ui
