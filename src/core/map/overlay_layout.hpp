#pragma once
// Decisions behind the map furniture burned into exports: the scale bar's length, which way is
// north, the credit lines. Pure, so they are tested without drawing.
#include <string>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/events/events.hpp"
#include "core/geo/projection.hpp"

namespace qantar::core {

struct ScaleBar {
    double lengthKm = 0;   // a round number: 1, 2 or 5 × 10^n
    double widthPx = 0;    // its length on screen
    std::string label;     // "200 km"
};

// The longest round length that fits in `maxWidthPx`, measured with the projection's true scale
// at the view's centre (a conformal conic's scale varies slightly with latitude).
ScaleBar chooseScaleBar(const Camera& camera, const Projection& projection, double maxWidthPx);

// Direction of true north at the view's centre, in radians clockwise from straight up on screen
// (a conic's meridians converge, so north tilts away from the central meridian).
double northAngleRadians(const Camera& camera, const Projection& projection);

// "Events: France 2 (franceinfo), Sky News (outlet inferred), ..." — the outlets a dataset cites.
std::string eventsCredit(const Dataset& data);

}  // namespace qantar::core
