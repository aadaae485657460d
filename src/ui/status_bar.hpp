#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/geo/geo_types.hpp"
#include "ui/app_state.hpp"

namespace qantar::ui {

// "43.2380° N  76.9450° E"
std::string formatLonLat(const core::LonLat& p);
// The same into `buf` (64 bytes are enough), for a line drawn every frame.
void formatLonLat(const core::LonLat& p, char* buf, std::size_t size);

// The status line at the bottom of the window: coordinates under the cursor, the map scale, what
// the filter hides, and the credits the map data (and an imported dataset's provider) require.
class StatusBar {
public:
    // Draws the line on the layout's status rectangle.
    void draw(AppState& state);
    // The line's height, for the layout (the frame height plus its padding).
    static float height();

private:
    std::string m_credit;  // the credit line, written again when the data loaded changes
    const core::Dataset* m_creditData = nullptr;
    std::uint64_t m_creditGeneration = 0;
    bool m_creditValid = false;
};

}  // namespace qantar::ui
