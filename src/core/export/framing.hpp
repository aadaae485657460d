#pragma once
// What an export frames and shows, as typed on the command line: a view (centre and span, as a
// story scene's), a box to fit, the layers by the names the layers panel and stories use, the
// display zone, the print resolution, a grid of small multiples and its moments, and the moments
// at which events start or end. Parsers are pure; their messages are one line without the
// option's name (the caller prefixes it). Resolving geographic framing needs the map projection.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/events/layers.hpp"
#include "core/geo/geo_types.hpp"
#include "core/geo/projection.hpp"
#include "core/io/error.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

struct ExportView;
class EventWorld;

// The limits of a view's span, kilometres (the story format's).
constexpr double kMinViewSpanKm = 5.0;
constexpr double kMaxViewSpanKm = 20000.0;

// --view LON,LAT,SPAN_KM: the centre in degrees and the height of map shown, in km.
struct GeoView {
    LonLat center;
    double spanKm = 1500.0;
};
Expected<GeoView> parseGeoView(const std::string& text);

// --bbox W,S,E,N in degrees (west < east, south < north), as map_data's GeoBox.
Expected<GeoBox> parseGeoBox(const std::string& text);

// The view a GeoView asks for, in map metres (the span is map metres, as a story scene's).
Expected<ExportView> resolveGeoView(const GeoView& view, const Projection& projection);
// The map box that holds the whole of `box` once projected (its edges are sampled, since
// parallels curve on the map). BadArgument when it lies wholly outside the map's world layers
// (kWorldBox) or PROJ cannot project it.
Expected<MapBox> projectGeoBox(const GeoBox& box, const Projection& projection);

// Base map layers' ids, for files and the command line: "neighbours", "regions",
// "region-borders", "water", "rivers", "country-borders", "cities", "labels", "graticule", "night".
const char* mapLayerId(MapLayer layer);
std::optional<MapLayer> parseMapLayerId(const std::string& id);

// --layers LIST: comma-separated names of event layers (the story format's ids: "curfew",
// "violence", ...) and base map layers (mapLayerId), or the layers panel's labels ("Curfew
// hours", "Lakes and seas"), case-insensitive. A list naming event layers switches on exactly
// those event layers; one naming base map layers switches on exactly those base layers; a group
// the list does not name keeps its layers. A name with a leading '-' ("-night") switches that
// layer off and leaves the rest of its group as it is.
struct LayerChoice {
    std::optional<std::array<bool, kEventLayerCount>> events;
    std::optional<LayerVisibility> map;
};
Expected<LayerChoice> parseLayerList(const std::string& text);
void applyLayerChoice(const LayerChoice& choice, LayerVisibility& mapLayers, EventLayerSettings& eventLayers);
// "protests, violence, ..., graticule, night": every name --layers takes.
std::string layerIdList();

// --zone: "almaty" (UTC+6), "west" (UTC+5) or "utc".
Expected<ZoneOffset> parseZoneName(const std::string& text);
// "almaty", "west", "utc", or "+HH:MM" for another offset.
std::string zoneName(ZoneOffset zone);
// "Almaty time (UTC+6)", "West Kazakhstan time (UTC+5)", "UTC".
std::string zoneDescription(ZoneOffset zone);

// Print presets: the paper they stand for. Their pixel sizes are the paper at kDefaultPrintDpi.
struct PaperSize {
    double widthMm, heightMm;
};
constexpr int kDefaultPrintDpi = 300;
constexpr int kMinPrintDpi = 72;
constexpr int kMaxPrintDpi = 1200;
// The paper of a print preset ("a4-portrait", ...); none for screen presets.
std::optional<PaperSize> presetPaper(const std::string& presetName);
// The pixel size of a print preset at `dpi`: BadArgument when the preset is not a print one, the
// dpi is outside kMinPrintDpi..kMaxPrintDpi or the image would be too large.
Expected<std::pair<int, int>> printSize(const std::string& presetName, int dpi);
// Text and line scale for a page printed at `dpi`: one pixel of a 1920x1080 frame becomes 0.75
// pt (as CSS's pixel), so the 11 px credit line prints at 8.25 pt at any resolution.
float pixelScaleForDpi(int dpi);

// --grid COLSxROWS, each 1 to 6, at most kMaxGridPanels panels.
constexpr int kMaxGridSide = 6;
constexpr int kMaxGridPanels = 26;  // labelled a to z
struct GridShape {
    int cols = 0, rows = 0;
    int panels() const { return cols * rows; }
    bool operator==(const GridShape& o) const { return cols == o.cols && rows == o.rows; }
};
Expected<GridShape> parseGridShape(const std::string& text);

// --times T1,T2,...: moments as --time takes them (without an offset, in `zone`).
Expected<std::vector<Instant>> parseTimeList(const std::string& text, ZoneOffset zone);
// The moments of a grid's panels from a range: every `step` from `from` to `to` when a step is
// given (their number must be the panel count), else `panels` moments spread evenly from `from`
// to `to` (both included; on whole hours when they are hours apart, else whole minutes). BadArgument saying how many there are and should be.
Expected<std::vector<Instant>> gridTimes(Instant from, Instant to, std::optional<Duration> step, int panels);
// BadArgument unless there is one moment per panel.
Status checkGridTimes(const std::vector<Instant>& times, const GridShape& grid);
// A panel's letter: "a", "b", ... "z".
std::string panelLetter(std::size_t index);
// A panel's moment as a journal prints it: "5 Jan 20:00" (the year only when the moments span
// more than one: "5 Jan 2022 20:00").
std::string panelMoment(Instant t, ZoneOffset zone, bool withYear);

// Every moment in [from, to] at which an event of a layer switched on (and flagged in `shown`,
// when given) starts or ends (its effective interval's ends), sorted, each once.
std::vector<Instant> eventMoments(const EventWorld& world, Instant from, Instant to, const EventLayerSettings& layers,
                                  const std::vector<std::uint8_t>* shown = nullptr);

}  // namespace qantar::core
