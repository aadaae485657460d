#pragma once
// Label placement: chooses which labels to show and where, so that no two labels overlap and no
// label covers a drawn city marker. Greedy by priority (importance), so the map thins out labels
// when zoomed out and reveals more as the user zooms in. Pure: same inputs, same placement.
#include <cstddef>
#include <string>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/geo/geo_types.hpp"

namespace qantar::core {

enum class LabelKind { Point, Area };

struct LabelCandidate {
    MapXY anchor;                 // the city position, or the area's label point
    LabelKind kind = LabelKind::Point;
    double priority = 0.0;        // higher is placed first
    double maxMetersPerPixel = 1e9;  // shown only when the camera's scale is at most this
    float widthPx = 0.0f;         // text box size at the current text scale
    float heightPx = 0.0f;
    float markerRadiusPx = 0.0f;  // point labels: the marker's radius, kept clear of text
    bool alwaysShowMarker = false;  // the marker is drawn (and kept clear) even if its label is not
};

// Where a placed label's text box sits relative to its anchor.
enum class LabelSlot { Right, Left, Above, Below, AboveRight, BelowRight, AboveLeft, BelowLeft, Center };

struct PlacedLabel {
    std::size_t candidate;  // index into the candidate list
    ScreenPx topLeft;       // text box's top-left corner, pixels
    LabelSlot slot;
};

struct LabelPlacementOptions {
    float paddingPx = 3.0f;   // empty space kept around every text box
    float gapPx = 3.0f;       // distance between a marker's edge and its text
    float marginPx = 4.0f;    // labels stay this far inside the viewport
};

// Places labels in priority order (ties keep input order). Returns the placed labels only.
std::vector<PlacedLabel> placeLabels(const std::vector<LabelCandidate>& candidates, const Camera& camera,
                                     const LabelPlacementOptions& options = {});

}  // namespace qantar::core
