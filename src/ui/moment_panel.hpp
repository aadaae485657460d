#pragma once
#include <imgui.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/events/events.hpp"
#include "core/time/time.hpp"

#include "ui/app_state.hpp"
#include "ui/style.hpp"

namespace qantar::ui {

// A compact box at the map's top-left: the current moment written large with its zone, the
// running counters as ranges (hover for every report and its source), what is in force, and the
// nationwide events of the moment (which have no symbol on the map).
class MomentPanel {
public:
    void draw(AppState& state, const Fonts& fonts);

private:
    // The caption and the counters' lines, written again only when the frame's layers or the zone
    // change (not on every frame of a still or panning map).
    std::optional<std::uint64_t> m_textSerial;
    core::ZoneOffset m_textZone;
    std::vector<std::string> m_lines;
    std::array<std::string, core::kFigureKindCount> m_counters;
};

}  // namespace qantar::ui
