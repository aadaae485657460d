#pragma once
// What the map's legend explains: one entry per symbol, pattern or sign the event layers can draw
// (two for a layer that draws two kinds of mark), plus the capital's marker, which is not an
// event. The window's panel and the exports list the same entries with the same words.
#include <optional>
#include <vector>

#include "core/events/layers.hpp"

namespace qantar::core {

enum class LegendSymbol {
    Protest,
    ProtestViolent,
    Clash,
    Arson,
    Curfew,
    Emergency,
    Internet,
    CstoArrow,
    CstoBadge,
    Airport,
    Casualty,
    Arrest,
    Government,
    Capital,
    Night,     // the night side of the terminator (a base-map layer)
    DateOnly,  // the hatched, dotted-ring style of an event whose time is not known (event_time.hpp)
    Count
};

struct LegendEntry {
    LegendSymbol symbol;
    std::optional<EventLayer> layer;  // none for the base map's capital
    const char* label;
};

// The entries for the layers switched on in `on` (in layer order), then the capital.
std::vector<LegendEntry> legendEntries(const std::array<bool, kEventLayerCount>& on);
// The entry for the style of events dated only to the day, added when the data has such events.
LegendEntry dateOnlyLegendEntry();
// The entry for the night shading, added when the base map's Night layer is on.
LegendEntry nightLegendEntry();
// Every entry, whatever is switched on.
std::vector<LegendEntry> allLegendEntries();

// The entry that explains a drawn mark, area, badge or approximate arrow.
LegendSymbol legendSymbolFor(MarkKind kind);
LegendSymbol legendSymbolFor(AreaKind kind);
LegendSymbol legendSymbolFor(BadgeKind kind);

}  // namespace qantar::core
