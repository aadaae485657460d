#pragma once
// Where the signs drawn over the map go on screen: the curfew's badge at its city, the CSTO badge
// on Kazakhstan, the aircraft of closed airports and the label of an approximate arrow. Each goes
// beside its place, in the candidate spot that covers least of what is already drawn there
// (labels, city markers, event symbols, boxes over the map, signs placed before it), with a
// leader line back to the place when it had to move away. Pure: the same frame and view give the
// same placement; render only draws what this returns.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/events/layers.hpp"
#include "core/geo/camera.hpp"
#include "core/geo/geo_types.hpp"
#include "core/map/overlay_layout.hpp"

namespace qantar::core {

enum class TagKind { Curfew, Csto, Airport, ArrowLabel };

struct TagTextLine {
    std::string text;
    bool bold = false;
    float sizePx = 0;   // em size, pixels (pixel scale applied)
    ScreenPx topLeft;
};

struct PlacedTag {
    TagKind kind = TagKind::Curfew;
    std::uint32_t event = 0;
    ScreenPx anchor;              // the place on screen
    bool leader = false;          // a line joins the tag to its place
    ScreenRect box;               // the tag's panel: glyph and text (airports: the glyph's disc)
    ScreenPx glyph;               // the glyph's centre
    float glyphRadiusPx = 0;      // 0: no glyph (an arrow's label)
    std::vector<TagTextLine> lines;
    float alpha = 1.0f;
};

// An approximate arrow on screen: a fixed length in pixels across the border point, pointing into
// Kazakhstan, so that it reads as a sign for "from this country", never as a route.
struct ScreenArrow {
    std::uint32_t event = 0;
    ScreenPx tail, head;
    float alpha = 1.0f;
    float progress = -1.0f;  // the transport marker along tail..head, 0..1; < 0: none
    std::string country;
};
constexpr float kArrowOutsidePx = 120.0f;  // tail to the border, at pixel scale 1
constexpr float kArrowInsidePx = 45.0f;    // border to the head: just across, no destination implied
ScreenArrow approximateArrow(const Airlift& a, const Camera& camera, float pixelScale);

// Sizes at pixel scale 1.
constexpr float kTagFontPx = 14.0f;        // a badge's headline (bold)
constexpr float kTagSmallFontPx = 12.0f;   // its other lines
constexpr float kTagGlyphRadiusPx = 9.0f;  // moon, CSTO star
constexpr float kAirportGlyphRadiusPx = 10.0f;
// A curfew badge is drawn while the shaded region spans less than this on screen; larger, the
// shading itself reads.
constexpr float kCurfewBadgeMaxRegionPx = 160.0f;
// Above this many closed airports in a frame they are not placed one by one (render draws them
// at their places).
constexpr std::size_t kMaxPlacedAirports = 48;

// Measures a line of text: bold or regular, at an em size in pixels.
using TagMeasure = std::function<TextSize(const std::string& utf8, bool bold, float sizePx)>;

struct TagContext {
    const Camera* camera = nullptr;
    float pixelScale = 1.0f;
    TagMeasure measure;
    std::vector<ScreenRect> obstacles;         // what the tags should not cover: labels, markers, panels
    const std::vector<MapBox>* regionBoxes = nullptr;  // by region index, for the curfew's size on screen
};

// Whether `layers` has airports placed as tags (then the ordinary symbols leave them out).
bool airportsAreTags(const std::vector<EventMark>& marks);
bool airportsAreTags(const FrameLayers& layers);

// The tags of a frame, in drawing order.
std::vector<PlacedTag> placeTags(const FrameLayers& layers, const TagContext& ctx);

}  // namespace qantar::core
