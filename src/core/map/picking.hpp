#pragma once
// What is under the pointer on the map: the event symbols of a frame's layout
// (core/events/stacks.hpp, the one the renderer draws) that a screen point falls on. No GL: the
// window asks it on hover and click, tests ask it directly.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/events/stacks.hpp"

namespace qantar::core {

// A symbol grows by this much (pixels at scale 1) for the pointer, and is never smaller than
// kPickMinRadiusPx, so that small symbols can be hit.
constexpr double kPickSlopPx = 2.0;
constexpr double kPickMinRadiusPx = 7.0;

struct SymbolHit {
    std::size_t symbol = 0;       // index into SymbolLayout::symbols
    std::uint32_t event = 0;
    std::uint32_t stack = 0;      // index into SymbolLayout::stacks
    double distancePx = 0.0;      // from the point to the symbol's centre
    bool wholeStack = false;      // a collapsed stack's symbol or badge: it stands for every event there
};

// The symbols under `point` (screen pixels), nearest centre first; on a tie, the one drawn on top
// first. A collapsed stack's badge counts as its symbol.
std::vector<SymbolHit> pickSymbols(const SymbolLayout& layout, ScreenPx point);

// Whether `point` is within a spread stack's reach (its symbols, its leader lines, the place in
// the middle) with `marginPx` to spare: while it is, a spread made by the pointer stays open.
bool withinSpread(const SymbolLayout& layout, std::size_t stack, ScreenPx point, double marginPx);

}  // namespace qantar::core
