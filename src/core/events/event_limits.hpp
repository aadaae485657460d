#pragma once
// Limits of the event format (docs/event-format.md), enforced by the loader and `qantar validate`,
// and followed by the importers (they shorten what they write to fit). Lengths are counted in
// characters (Unicode code points), not bytes.
#include <cstddef>

namespace qantar::core {

// An event's `title`: a short label for tooltips and lists.
constexpr std::size_t kMaxEventTitleChars = 60;
// An event's `description`: a few sentences (an imported note is cut to this).
constexpr std::size_t kMaxEventDescriptionChars = 4000;
// Years accepted in event times (`start`, `end`, figures' `as_of`) and in `coverage`: anything
// outside is a typo or a placeholder (0000, 9999), never data.
constexpr int kMinEventYear = 1900;
constexpr int kMaxEventYear = 2100;

}  // namespace qantar::core
