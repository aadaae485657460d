#pragma once
#include "ui/app_state.hpp"

namespace qantar::ui {

// The bottom status line: cursor longitude/latitude, map scale, and the map-data credits.
// Returns its height in pixels.
class StatusBar {
public:
    float draw(AppState& state);
};

// "43.2567° N  76.9286° E": degrees with hemisphere letters, four decimals (~10 m).
std::string formatLonLat(const core::LonLat& p);

}  // namespace qantar::ui
