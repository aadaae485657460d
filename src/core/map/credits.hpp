#pragma once
// Credits that the map data's licences require wherever the map is shown (app and exports), and
// the credit line of an exported figure: the outlets the events come from, named as a
// publication names them, and the credits imported data's terms require (ACLED).
// Source: assets/geo/README.md ("Attribution to show in the app and in exports").
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/events/events.hpp"

namespace qantar::core {

inline constexpr const char* kMapDataAttribution =
    "Map data: Natural Earth. Kazakhstan regions: geokz \xC2\xA9 Alexander Rodionov, CC BY 4.0 (from OCHA/HDX COD-AB).";

// What a figure's credit line is made of.
struct CreditSources {
    // Outlets the events cite, each once (compared without case), in the data's order: the
    // `outlet` of every source, a list such as ACLED's "Caspian Wire; Steppe Courier" split into
    // its names. Never the bookkeeping (inferred, republished, translated): that stays in the data.
    // May be shortened ("and 3 more sources") when the line has no room.
    std::vector<std::string> outlets;
    // Credits that must appear whole: what imported data's terms require (ACLED), then the map
    // data's licence. Never shortened.
    std::vector<std::string> required;
};

// The credit sources of a figure showing `data` (null: the map alone). An outlet already named by
// a required credit ("ACLED (...)" beside "Data: ... (ACLED), acleddata.com") is not repeated.
CreditSources creditSources(const Dataset* data);

// One line of text's width, in the caller's units.
using CreditWidth = std::function<float(const std::string& utf8)>;

// The credit text laid out in at most `maxLines` lines no wider than `maxWidth`: "Events: A, B,
// C. <required credits>". When the outlets do not fit, the last ones give way to "and N more
// sources" (as few as possible, deterministic); the required credits are never cut, so when even
// they do not fit in `maxLines`, more lines are used. Words wrap; a word wider than a line is
// broken between characters.
std::vector<std::string> fitCredits(const CreditSources& sources, float maxWidth, std::size_t maxLines,
                                    const CreditWidth& width);

// The smallest em size, in pixels, the credit may be printed at in an image of this size: 6 pt
// on a paper preset (A4, A5: 300 dpi, so 25 px) or at `dpi` when given (> 0), 12 px otherwise.
float minCreditFontPx(int widthPx, int heightPx, int dpi = 0);

// The status bar's credit: what imported data requires first (so a narrow window cuts the map
// credit, which the About window repeats, rather than ACLED's), then the map data's.
std::string statusBarCredit(const Dataset* data);

}  // namespace qantar::core
