#pragma once
// Annotations: a briefer's own marks over the map, kept in a story (docs/story-format.md):
// a text callout at a place, an arrow from one place to another, a circle of some kilometres
// around a place and an area (a polygon), each with an optional label and an optional time range
// [from, to) outside which it is hidden. They are pinned to lon/lat, so they move and scale with
// the camera; their text keeps its size on screen. Which are shown at a moment is decided here
// (annotationsShown); their shapes in map metres too (annotationShapes); render draws them.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/geo_types.hpp"
#include "core/geo/projection.hpp"
#include "core/map/theme.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

struct Story;

enum class AnnotationKind { Text, Arrow, Circle, Area };
constexpr int kAnnotationKindCount = 4;
// "text", "arrow", "circle", "area": the ids of the story format.
const char* annotationKindId(AnnotationKind kind);
std::optional<AnnotationKind> parseAnnotationKind(const std::string& id);

// A small named palette, each colour chosen per theme so it reads on dark, light and contrast
// maps. Ink (the default) is the theme's label colour: black on paper, near-white on dark.
enum class AnnotationColor { Ink, Red, Orange, Blue, Green, Purple };
constexpr int kAnnotationColorCount = 6;
const char* annotationColorId(AnnotationColor color);  // "ink", "red", ...
std::optional<AnnotationColor> parseAnnotationColor(const std::string& id);
Rgba annotationColor(AnnotationColor color, ThemeId theme);

// Limits of the story format (docs/story-format.md).
constexpr std::size_t kMaxAnnotationTextChars = 200;
constexpr std::size_t kMaxAnnotationPoints = 500;     // an area's corners
constexpr std::size_t kMaxAnnotationsPerList = 200;   // the story's list, and each scene's
constexpr double kMinCircleRadiusKm = 0.1;
constexpr double kMaxCircleRadiusKm = 3000.0;
constexpr double kMaxCalloutOffsetPx = 1000.0;

struct Annotation {
    AnnotationKind kind = AnnotationKind::Text;
    // A callout's text (required), or the label of an arrow, circle or area (optional).
    std::string text;
    // text: [anchor]; arrow: [from, to]; circle: [centre]; area: its corners (3 or more, the ring
    // closes itself).
    std::vector<LonLat> points;
    double radiusKm = 10.0;  // circle
    // Callout: where its text sits from the anchor, in pixels at 1080p (x right, y down); a leader
    // line joins them. None: the text sits just right of the anchor's dot.
    std::optional<ScreenPx> offsetPx;
    AnnotationColor color = AnnotationColor::Ink;
    // Shown in [from, to); either may be open. None: always (in its scene, or in the story).
    std::optional<Instant> from, to;
    ZoneOffset zone = kAlmatyTime;  // the offset its times are written with
};

// What keeps `a` from being saved as a valid annotation, in words for the editor ("a text callout
// needs some text"); empty when nothing does. serializeStory leaves such annotations out, so a
// saved story always loads again.
std::string annotationProblem(const Annotation& a);

// Whether `a` shows at moment `t` (t none: only the annotations without a time range).
bool annotationShownAt(const Annotation& a, std::optional<Instant> t);
// The annotations on the map at `t` while scene `scene` (0-based; -1: none) of `story` is the
// current one: the story's own annotations, then the scene's, each within its time range.
std::vector<const Annotation*> annotationsShown(const Story& story, int scene, std::optional<Instant> t);
// A hash of everything that decides how `shown` is drawn (kinds, points, text, colours), for
// caches that redraw only when it changes.
std::uint64_t annotationsKey(const std::vector<const Annotation*>& shown);

// The points of a circle of `radiusKm` around `centre` on the Earth (a sphere of mean radius),
// `segments` of them, clockwise from north.
std::vector<LonLat> geodesicCircle(LonLat centre, double radiusKm, int segments = 96);

// An annotation's shapes in map metres, ready to draw.
struct AnnotationShapes {
    std::vector<MapRing> lines;  // strokes
    bool closed = false;         // the strokes are closed rings (circle, area)
    MapRing fill;                // a light wash inside (circle, area); empty: none
    std::optional<MapXY> dot;    // the callout's anchor
    std::optional<MapXY> head;   // the arrow's tip (its shaft is lines[0], ending there)
    MapXY labelAt{};             // where the text goes (see labelPlace)
    enum class Place { RightOf, Above, Centre, Beside } labelPlace = Place::RightOf;
    bool ok = false;             // false: a point could not be projected (nothing to draw)
};
AnnotationShapes annotationShapes(const Annotation& a, const Projection& projection);

}  // namespace qantar::core
