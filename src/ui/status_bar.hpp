#pragma once
#include <string>

#include "core/geo/geo_types.hpp"
#include "ui/app_state.hpp"

namespace qantar::ui {

// "43.2380° N  76.9450° E"
std::string formatLonLat(const core::LonLat& p);

// The status line at the bottom of the window: coordinates under the cursor, the map scale, what
// the filter hides, and the credits the map data (and an imported dataset's provider) require.
class StatusBar {
public:
    // Draws the line on the layout's status rectangle.
    void draw(AppState& state);
    // The line's height, for the layout (the frame height plus its padding).
    static float height();
};

}  // namespace qantar::ui
