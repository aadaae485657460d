#pragma once
// The timeline as a report figure (`qantar export --timeline`, the export dialog's "Timeline
// figure"): the category lanes with their events' marks, the internet, curfew and state of
// emergency bands, day (and, over a short range, hour) ticks, a title and the credit line. This
// decides where everything goes for a range and an image size; render/export/timeline_figure
// draws it. Pure, so it is tested without drawing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/events/events.hpp"
#include "core/events/layers.hpp"
#include "core/events/timeline.hpp"
#include "core/map/credits.hpp"
#include "core/map/overlay_layout.hpp"
#include "core/map/theme.hpp"
#include "core/time/time_axis.hpp"

namespace qantar::core {

// The colour of a category's marks and bars: the map symbol's colour where it has one (the same
// as the window's timeline and the legend).
Rgba categoryColor(Category category, const Theme& theme);
// The map symbol an event is drawn with on the map, so its mark on the timeline looks the same;
// none for the categories the map shows as areas (curfew, state of emergency, internet).
std::optional<MarkKind> markKindFor(const Event& e);
// "Almaty time (UTC+6)", "West Kazakhstan time (UTC+5)", "UTC".
std::string zoneCaption(ZoneOffset zone);

struct TimelineFigureRequest {
    Interval range;                   // [start, end) drawn; must not be empty
    ZoneOffset zone = kAlmatyTime;    // days and hours are labelled in this zone
    int widthPx = 1920, heightPx = 1080;
    float pixelScale = 1.0f;          // text and lines (1 at 1920x1080)
    std::string title, subtitle;
    std::optional<Instant> marker;    // a moment marked by a line, or none
    std::optional<CreditSources> credits;  // none: no credit line
    const std::vector<std::uint8_t>* shown = nullptr;  // one flag per event (a filter); null: all
};

enum class FigureBand { Internet, Curfew, Emergency };
enum class FigureSpanKind { InternetFull, InternetPartial, InternetRestored, CurfewNight, Emergency };

struct FigureSpan {
    float x0, x1;  // pixels, clipped to the track
    FigureSpanKind kind;
};

struct FigureBandRow {
    FigureBand band;
    float y0, y1;
    std::vector<FigureSpan> spans;
};

struct FigureMark {
    float x;                   // centre, pixels
    std::uint32_t event;       // the first event folded into it (index into the dataset)
    std::uint32_t count;       // events folded into it (starts closer than a mark's width)
    bool uncertainTime;        // the sources give the day, not the hour: drawn as the map does
};

struct FigureLane {
    Category category;
    float y0, y1;
    std::vector<DepthRun> runs;     // the events' extents, as overlap depth per pixel column
    std::vector<FigureMark> marks;  // the events' starts
};

struct FigureTick {
    float x;
    bool major;                // a day line
    std::string label;         // "Wed 5 Jan", "06:00"; empty: unlabelled
};

// A key entry under the plot: a swatch (band colour) and its words.
struct FigureKeyItem {
    FigureSpanKind kind;
    OverlayBox swatch;
};

struct TimelineFigurePlan {
    float margin = 0, pad = 0;
    float trackX0 = 0, trackX1 = 0;  // the time axis' pixels
    float plotY0 = 0, plotY1 = 0;    // from the tick labels' row to the last lane
    float tickRowY1 = 0;             // the bottom of the tick labels' row
    float markRadiusPx = 0;          // a lane mark's radius
    std::vector<FigureTick> ticks;
    std::vector<FigureBandRow> bands;
    std::vector<FigureLane> lanes;   // the categories with events in the range, in category order
    std::vector<FigureKeyItem> key;
    std::optional<float> markerX;
    OverlayBox credits;              // the credit lines' box; empty without credits
    std::vector<PlacedText> texts;   // every text: title, lane and band names, tick labels,
                                     // fold counts, key, credits; as OverlayText kinds
};

// Lays out the figure. Texts are measured with `measure` (OverlayText kinds at the request's
// pixel scale; lane and band names and hour labels are Legend, day labels ScaleLabel). Every text
// and box lies inside the image; labelled ticks never overprint; marks closer than a mark's
// width fold into one with a count; the credit line takes at most two lines (fitCredits).
TimelineFigurePlan layoutTimelineFigure(const Dataset& data, const TimelineIndex& index,
                                        const TimelineFigureRequest& request, const TextMeasure& measure);

}  // namespace qantar::core
