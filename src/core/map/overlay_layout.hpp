#pragma once
// Decisions behind the map furniture burned into exports: the scale bar's length, which way is
// north, the credit lines, and where every piece goes so that none covers another at any export
// size (text is measured by the caller's fonts through a function). Pure, so they are tested
// without drawing.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/events/events.hpp"
#include "core/geo/projection.hpp"
#include "core/map/credits.hpp"
#include "core/map/map_scene.hpp"

namespace qantar::core {

struct ScaleBar {
    double lengthKm = 0;   // a round number: 1, 2 or 5 × 10^n
    double widthPx = 0;    // its length on screen
    std::string label;     // "200 km"
};

// The longest round length that fits in `maxWidthPx`, measured with the projection's true scale
// at the view's centre (a conformal conic's scale varies slightly with latitude).
ScaleBar chooseScaleBar(const Camera& camera, const Projection& projection, double maxWidthPx);

// Direction of true north at the view's centre, in radians clockwise from straight up on screen
// (a conic's meridians converge, so north tilts away from the central meridian).
double northAngleRadians(const Camera& camera, const Projection& projection);

// "Events: France 2, Sky News, Financial Times, ..." — the outlets a dataset cites, each named once,
// as the sources' `outlet` gives them (never the inference notes).
std::string eventsCredit(const Dataset& data);

// --- Layout of the furniture ------------------------------------------------------------

// A rectangle in image pixels, top-left origin: [x0, x1) × [y0, y1). Empty: the piece is not drawn.
struct OverlayBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return !(x1 > x0 && y1 > y0); }
};
bool boxesOverlap(const OverlayBox& a, const OverlayBox& b);
bool boxInside(const OverlayBox& b, float widthPx, float heightPx);

// The kinds of text in the furniture; each has its font and size (see overlayFontPx).
enum class OverlayText { Title, Subtitle, Moment, Counter, Credit, ScaleLabel, Legend, CaptionTitle, Caption, CaptionSources };
// The em size of a kind at pixel scale 1 (1920x1080), and whether it is bold.
float overlayFontPx(OverlayText kind);
bool overlayFontBold(OverlayText kind);

struct TextSize {
    float width = 0, height = 0;
};
// Measures one line of text of a kind at the layout's pixel scale.
using TextMeasure = std::function<TextSize(const std::string& utf8, OverlayText kind)>;

// `text` in lines no wider than `maxWidthPx`: words wrap, a word longer than a line is broken
// between characters (never inside a UTF-8 sequence), and '\n' starts a new line. With more than
// `maxLines` lines, the last one kept ends in "…" (ellipsis) within the width.
std::vector<std::string> fitText(const std::string& text, OverlayText kind, float maxWidthPx, std::size_t maxLines,
                                 const TextMeasure& measure);

// Title and subtitle take at most this many lines each; a caption's title too.
constexpr std::size_t kMaxTitleLines = 2;

struct OverlayContent {
    std::string title, subtitle;
    std::vector<std::string> moment;        // date-time (first line, large) then counters
    std::vector<std::string> legendNames;   // one row per symbol explained; empty: no legend
    bool scaleBar = false, northArrow = false;
    std::vector<std::string> credits;       // attribution lines; never cut, wrapped if needed
    std::string captionTitle, captionText, captionSources;
    // The figure's credit line, after `credits`: fitted in at most kMaxCreditLines lines beside the
    // legend (or across the bottom when that keeps more outlets), outlets shortened only when even
    // that has no room (fitCredits). Measured as OverlayText::Credit.
    std::optional<CreditSources> creditSources;
    // How much of the map a title box there would hide (labels, land, symbols; any unit, 0: none).
    // The title box goes to the top corner where it hides least (top left on a tie). Empty: top left.
    std::function<float(const OverlayBox&)> coverCost;
};

// The credit line takes at most this many lines before outlets are counted instead of named.
constexpr std::size_t kMaxCreditLines = 2;

struct PlacedText {
    std::string text;
    OverlayText kind;
    float x, y;  // top-left of the line
};

// Where everything goes. Panels never overlap one another and stay inside the image; text lines
// are inside their panel.
struct OverlayPlan {
    float margin = 0, pad = 0;
    OverlayBox topLeft;     // title, subtitle, moment
    OverlayBox credits;
    OverlayBox scaleBar;    // reserved for the longest bar (scaleBarMaxPx) and its label
    float scaleBarMaxPx = 0;
    OverlayBox north;
    OverlayBox legend;      // empty when there is no legend or no room for it
    int legendColumns = 1;
    float legendRowPx = 0, legendSwatchPx = 0;
    OverlayBox caption;
    std::vector<PlacedText> lines;  // every line of text but the legend's and the scale bar's
};

// How much of the map a box would hide: the map's labels whose text it would cover (as far as
// their length tells), weighted by importance: the capital 10, Kazakhstan's key cities 5, its
// regions 3, any other place 0.5, seas and countries 0.3. Labels the camera's scale hides count
// nothing. Only labels weighing at least `minWeight` count.
float labelCoverCost(const std::vector<MapLabel>& labels, const Camera& camera, float pixelScale,
                     const OverlayBox& box, float minWeight = 0.0f);
// The weight from which a covered label is one a reader looks for (a key city, a region).
constexpr float kKeyLabelWeight = 3.0f;

// The furniture of an image of `widthPx` × `heightPx` at `pixelScale` (text and lines scale with
// it): credits bottom right with the scale bar and north arrow above them, the legend bottom
// left (two columns, or left out, when one column has no room), title and moment top left, a
// story caption top right, capped in height so it ends above the north arrow.
OverlayPlan layoutOverlays(const OverlayContent& content, int widthPx, int heightPx, float pixelScale,
                             const TextMeasure& measure);

}  // namespace qantar::core
