#pragma once
// The animated event layers, each a pure function of (dataset, time, settings): the same inputs
// always give the same frame, so the GUI, exports and `qantar state` agree and any frame can be
// rebuilt. Render draws what this returns; nothing here knows about OpenGL.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/events/counters.hpp"
#include "core/events/event_places.hpp"
#include "core/events/events.hpp"
#include "core/events/timeline.hpp"

namespace qantar::core {

enum class EventLayer { Protests, Violence, Curfew, Emergency, Internet, Csto, Airports, Casualties, Government, Count };
constexpr int kEventLayerCount = static_cast<int>(EventLayer::Count);
const char* eventLayerName(EventLayer l);
// Stable id used in files: "protests", "violence", "curfew", "emergency", "internet", "csto",
// "airports", "casualties", "government".
const char* eventLayerId(EventLayer l);
std::optional<EventLayer> parseEventLayerId(const std::string& id);
// Which layer draws a category.
EventLayer layerOf(Category c);

struct EventLayerSettings {
    std::array<bool, kEventLayerCount> on{true, true, true, true, true, true, true, true, true};
    Duration trail = Duration::hours(12);  // ended events fade out over this long
    bool cumulative = false;               // keep everything that has happened, faded
    bool visible(EventLayer l) const { return on[static_cast<std::size_t>(l)]; }
};

// Point symbols.
enum class MarkKind : int { Protest = 0, ProtestViolent, Clash, Arson, Casualty, Arrest, Airport, Csto, Government, Count };

struct EventMark {
    std::uint32_t event;
    MapXY pos;
    MarkKind kind;
    float sizePx;           // symbol radius at scale 1
    float alpha;            // 1 while active, fading along the trail
    float pulse;            // 0..1 phase of the pulse ring; < 0 for no pulse
    float uncertaintyPx;    // halo radius in pixels at the current zoom is computed by render from
    double uncertaintyMeters;  // ... this: 0 for a precise point
    bool uncertainTime;     // inside its uncertain window (event_time.hpp): the sources give the
                            // day, not the hour, so it may not have happened yet; drawn hatched
};

enum class AreaKind { Curfew, Emergency, Internet };

struct AreaShade {
    std::uint32_t event;
    AreaKind kind;
    int regionIndex;       // -1: all of Kazakhstan
    float alpha;           // overall opacity 0..1
    float intensity;       // 1 full; 0.5 partial (internet partly restored)
    bool uncertainTime = false;  // inside its uncertain window: `alpha` is already scaled by kUncertainAreaAlpha
};

// Opacity of an area during its uncertain window (the day it began, time not given): the shading
// comes in at this strength, not at full strength at midnight.
constexpr float kUncertainAreaAlpha = 0.5f;

struct Airlift {
    std::uint32_t event;
    MapXY from, to;
    float progress;  // position of the transport marker along the arc, 0..1; < 0: none
    float alpha;
    // The sources name only the sending country, no place: `from` is a point on its border with
    // Kazakhstan and `to` a point inside Kazakhstan giving the direction only. Drawn as a short
    // schematic arrow across the border, labelled as approximate, never as a route.
    bool approximate = false;
    std::string country;  // the sending country's name as the event gives it ("Russia")
};

// Labelled signs pinned to a place: the curfew's hours at its city (while the shaded area is too
// small on screen to read), the CSTO force on Kazakhstan.
enum class BadgeKind { Curfew, Csto };

struct Badge {
    BadgeKind kind;
    std::uint32_t event;             // the event it stands for (the newest, when several)
    MapXY anchor;                    // the place
    int regionIndex = -1;            // curfew: the shaded region (render drops the badge once it is large)
    std::vector<std::string> lines;  // the first is the headline
    float alpha = 1.0f;
};

struct FrameLayers {
    Instant time;
    std::vector<EventMark> marks;
    std::vector<AreaShade> areas;
    std::vector<Airlift> airlifts;
    std::vector<Badge> badges;
    std::vector<std::uint32_t> banners;  // nationwide or placeless events in force (titles to show)
    ConnectivityStatus internet = ConnectivityStatus::None;  // None: no blackout event in force
    std::optional<std::uint32_t> internetEvent;              // the event that sets `internet`
    Counters counters;
};

// Animation curves, exposed for tests.
// Opacity of an event at t: 0 before its start, rises over `fadeIn`, 1 while active, then
// falls linearly to 0 over `trail` after its end (or to kCumulativeAlpha in cumulative mode).
constexpr float kCumulativeAlpha = 0.3f;
float eventAlpha(Interval iv, Instant t, Duration trail, bool cumulative);
// Phase 0..1 of a protest's pulse: one pulse per kPulsePeriod of simulated time.
constexpr Duration kPulsePeriod = Duration::hours(2);
float pulsePhase(Instant start, Instant t);
// Smooth 0..1 easing used for the airlift marker.
float easeInOut(float x);

// Where a neighbouring country's approximate arrow crosses into Kazakhstan: a point of the shared
// border, and a point inside Kazakhstan that gives the arrow's direction.
struct BorderEntry {
    std::string iso3;  // the neighbour, e.g. "RUS"
    MapXY crossing;
    MapXY inside;
};

// Where airlifts come from and go to when the data names only countries.
struct AirliftGeometry {
    MapXY kazakhstan;  // destination when only the country is named; the CSTO badge's place
    std::vector<BorderEntry> entries;
    const BorderEntry* entryFor(const std::string& iso3) const;
};

// "Curfew 23:00–07:00" and, when some hour is an assumption, which ("07:00 assumed"): the badge's
// lines for a curfew event (empty without a recurrence).
std::vector<std::string> curfewBadgeLines(const Event& e);

struct LayerContext {
    const Dataset* data = nullptr;
    const TimelineIndex* index = nullptr;
    const EventPlaces* places = nullptr;
    const CounterIndex* counters = nullptr;
    AirliftGeometry airlift;
    // One flag per event: only events flagged non-zero are drawn (the event list's filter). Null:
    // all of them. Counters always count every report, filtered or not: they are what the
    // sources say, not what the map shows.
    const std::vector<std::uint8_t>* shown = nullptr;
};

FrameLayers evaluateLayers(const LayerContext& ctx, Instant t, const EventLayerSettings& settings);

}  // namespace qantar::core
