#pragma once
// Event symbols as the map draws them. Several events at one place (every Almaty event sits on the
// city's point) form a stack: one symbol with a count badge. A stack spreads apart around its place
// (symbols on a small circle, or a spiral when there are many, each joined to the place by a thin
// leader line) while the pointer is over it, and by itself once the map is zoomed in far enough that
// the spread stays near the place and clear of every other stack. Pure: the same marks, camera and
// options give the same layout to the window's renderer, to picking under the pointer
// (core/map/picking.hpp) and to exports, which have no pointer and so show the badges.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/events/layers.hpp"
#include "core/geo/camera.hpp"

namespace qantar::core {

// Above this many marks in one frame the map is a density picture (render's dense dots, drawn
// without stacks): no symbols are laid out, and nothing can be pointed at.
constexpr std::size_t kMaxLaidOutMarks = 4000;
// Symbols whose places are closer than this on screen (pixels at scale 1) read as one place: they
// stack.
constexpr float kStackMergePx = 6.0f;
// A stack spreads by itself only while its spread reaches no further than this from its place on
// the ground (about a large city and its edge), so that each symbol is still seen at its place.
constexpr double kAutoSpreadGroundMeters = 40000.0;
// Empty space between two spread symbols, and around the place in the spread's middle (pixels at
// scale 1).
constexpr float kSpreadGapPx = 4.0f;
constexpr float kSpreadClearPx = 5.0f;
// Spread symbols are drawn no larger than this radius (pixels at scale 1): a large protest's
// symbol would push every other one far from the place.
constexpr float kSpreadMaxSizePx = 9.0f;
// Up to this many symbols spread on a circle; more go on a spiral.
constexpr std::size_t kSpreadCircleMax = 8;
// Larger stacks never spread (a spiral of hundreds is unreadable); the tooltip lists them.
constexpr std::size_t kSpreadMax = 60;

// How far a symbol of `kind`, of radius `sizePx` at scale 1, reaches from its centre at
// `pixelScale` (a star's tips, a violent protest's spiky ring), in pixels.
float symbolReachPx(MarkKind kind, float sizePx, float pixelScale);

// Offsets from a stack's place (pixels, y down) for symbols reaching `reachPx` each, in order: on a
// circle for up to kSpreadCircleMax, else along a spiral from the inside out. No two symbols
// overlap (their centres are at least the sum of their reaches plus `gapPx` apart) and none covers
// the `clearPx` around the place. The first symbol is straight above the place; the others follow
// clockwise.
std::vector<ScreenPx> spreadOffsets(const std::vector<float>& reachPx, float gapPx, float clearPx);

enum class StackState {
    Single,     // one event: its own symbol
    Collapsed,  // several: one symbol standing for them, with a count badge
    Spread,     // several, each its own symbol around the place
};

struct SymbolStack {
    MapXY place;                       // where its events are (its most common member position)
    ScreenPx screen;                   // the place on screen
    std::vector<std::uint32_t> marks;  // indices into the frame's marks, in time order
    StackState state = StackState::Single;
    bool byPointer = false;            // spread because the pointer is over it (else by the zoom)
    float reachPx = 0.0f;              // how far its symbols reach from the place (the spread's radius)
    // The count badge of a collapsed stack: its centre and radius on screen.
    ScreenPx badge;
    float badgeRadiusPx = 0.0f;
    std::size_t count() const { return marks.size(); }
};

struct PlacedSymbol {
    std::uint32_t mark = 0;     // index into the frame's marks
    std::uint32_t event = 0;
    std::uint32_t stack = 0;    // index into SymbolLayout::stacks
    ScreenPx screen;            // its centre on screen
    MapXY drawAt;               // its centre as a map point: where the renderer draws it
    ScreenPx home;              // its event's own place on screen (a spread symbol's leader line ends there)
    MapXY homeAt;
    float sizePx = 0.0f;        // the radius to draw it at, at scale 1 (its mark's, or less when spread)
    float reachPx = 0.0f;       // how far it reaches from its centre
    bool spread = false;        // placed around its stack's place
    bool standsForStack = false;  // the one symbol of a collapsed stack
    bool selected = false;      // the selected event
    bool pointed = false;       // the event under the pointer
};

struct SymbolLayout {
    std::vector<PlacedSymbol> symbols;  // back to front
    std::vector<SymbolStack> stacks;
    float pixelScale = 1.0f;
    // The stack at `place` (its place, or one of its members' own places).
    std::optional<std::size_t> stackAt(MapXY place) const;
    // The symbol drawn for `event`, if any.
    std::optional<std::size_t> symbolOf(std::uint32_t event) const;
};

struct SymbolLayoutOptions {
    float pixelScale = 1.0f;
    std::optional<MapXY> spreadByPointer;       // the place of the stack under the pointer
    std::optional<std::uint32_t> selectedEvent; // flagged, and standing for its collapsed stack
    std::optional<std::uint32_t> pointedEvent;  // flagged
    // Symbols whose places lie further than this outside the viewport are left out (pixels).
    double cullMarginPx = 400.0;
};

// The symbols of `marks` (a frame's, oldest first) on screen through `camera`; none past
// kMaxLaidOutMarks marks. A collapsed stack is
// drawn as its most telling member: the selected event, else one fully shown rather than fading,
// violence before protests before arrests and the rest, then the newest. Drawn back to front:
// single symbols and collapsed stacks (oldest first), the stacks spread by the zoom, then the one
// spread by the pointer.
SymbolLayout layoutSymbols(const std::vector<EventMark>& marks, const Camera& camera,
                           const SymbolLayoutOptions& options = {});

}  // namespace qantar::core
