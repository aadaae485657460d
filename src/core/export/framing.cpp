#include "core/export/framing.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/events/event_world.hpp"
#include "core/export/export_spec.hpp"

namespace qantar::core {

namespace {

Error bad(const std::string& message) { return Error{ErrorKind::BadArgument, message}; }

std::string trim(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

std::vector<std::string> splitCommas(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        parts.push_back(trim(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return parts;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A finite decimal number filling the whole text.
std::optional<double> number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(s.c_str(), &end);
    if (errno != 0 || end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// `count` numbers separated by commas, or a message saying what was expected.
Expected<std::vector<double>> numbers(const std::string& text, std::size_t count, const char* shape, const char* example) {
    const auto parts = splitCommas(text);
    std::vector<double> out;
    for (const auto& p : parts) {
        auto v = number(p);
        if (!v) break;
        out.push_back(*v);
    }
    if (parts.size() != count || out.size() != count) {
        return bad(std::string("expected ") + shape + " (numbers separated by commas, such as " + example + "), got '" +
                   text + "'");
    }
    return out;
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

Expected<GeoView> parseGeoView(const std::string& text) {
    auto v = numbers(text, 3, "LON,LAT,SPAN_KM", "76.9,43.25,300");
    if (!v) return v.error();
    GeoView g{LonLat{(*v)[0], (*v)[1]}, (*v)[2]};
    if (g.center.lon < -180 || g.center.lon > 180) return bad("longitude " + fmt(g.center.lon) + " is outside -180 to 180");
    if (g.center.lat < -90 || g.center.lat > 90) return bad("latitude " + fmt(g.center.lat) + " is outside -90 to 90");
    if (g.spanKm < kMinViewSpanKm || g.spanKm > kMaxViewSpanKm) {
        return bad("the span " + fmt(g.spanKm) + " km is outside " + fmt(kMinViewSpanKm) + " to " + fmt(kMaxViewSpanKm) +
                   " km (the height of map shown)");
    }
    return g;
}

Expected<GeoBox> parseGeoBox(const std::string& text) {
    auto v = numbers(text, 4, "W,S,E,N", "75.5,42.8,78.5,44.2");
    if (!v) return v.error();
    const double west = (*v)[0], south = (*v)[1], east = (*v)[2], north = (*v)[3];
    for (double lon : {west, east}) {
        if (lon < -180 || lon > 180) return bad("longitude " + fmt(lon) + " is outside -180 to 180");
    }
    for (double lat : {south, north}) {
        if (lat < -90 || lat > 90) return bad("latitude " + fmt(lat) + " is outside -90 to 90");
    }
    if (!(west < east)) return bad("the west edge " + fmt(west) + " must be less than the east edge " + fmt(east));
    if (!(south < north)) return bad("the south edge " + fmt(south) + " must be less than the north edge " + fmt(north));
    return GeoBox{west, east, south, north};
}

Expected<ExportView> resolveGeoView(const GeoView& view, const Projection& projection) {
    const auto xy = projection.project(view.center);
    if (!xy) return bad("the centre " + fmt(view.center.lon) + "," + fmt(view.center.lat) + " cannot be shown on the map");
    ExportView v;
    v.center = *xy;
    v.spanMeters = view.spanKm * 1000.0;
    return v;
}

Expected<MapBox> projectGeoBox(const GeoBox& box, const Projection& projection) {
    // Parallels curve and meridians converge on a conic map: the edges are sampled, not just
    // the corners.
    const std::string text = fmt(box.lonMin) + "," + fmt(box.latMin) + "," + fmt(box.lonMax) + "," + fmt(box.latMax);
    if (box.lonMax < kWorldBox.lonMin || box.lonMin > kWorldBox.lonMax || box.latMax < kWorldBox.latMin ||
        box.latMin > kWorldBox.latMax) {
        return bad("the box " + text + " lies outside the map, which covers longitudes " + fmt(kWorldBox.lonMin) + " to " +
                   fmt(kWorldBox.lonMax) + " and latitudes " + fmt(kWorldBox.latMin) + " to " + fmt(kWorldBox.latMax));
    }
    constexpr int kSteps = 32;
    std::vector<LonLat> pts;
    for (int i = 0; i <= kSteps; ++i) {
        const double f = static_cast<double>(i) / kSteps;
        const double lon = box.lonMin + (box.lonMax - box.lonMin) * f, lat = box.latMin + (box.latMax - box.latMin) * f;
        pts.push_back({lon, box.latMin});
        pts.push_back({lon, box.latMax});
        pts.push_back({box.lonMin, lat});
        pts.push_back({box.lonMax, lat});
    }
    MapBox out;
    for (const MapXY& p : projection.projectMany(pts)) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            return bad("the box " + text + " cannot be shown on the map");
        }
        out.add(p);
    }
    return out;
}

const char* mapLayerId(MapLayer layer) {
    static const char* const kIds[] = {"neighbours", "regions", "region-borders", "water",    "rivers",
                                       "country-borders", "cities", "labels",  "graticule", "night"};
    const auto i = static_cast<std::size_t>(layer);
    return i < sizeof kIds / sizeof kIds[0] ? kIds[i] : "?";
}

std::optional<MapLayer> parseMapLayerId(const std::string& id) {
    for (int i = 0; i < kMapLayerCount; ++i) {
        if (id == mapLayerId(static_cast<MapLayer>(i))) return static_cast<MapLayer>(i);
    }
    return std::nullopt;
}

std::string layerIdList() {
    std::string s;
    for (int i = 0; i < kEventLayerCount; ++i) s += std::string(s.empty() ? "" : ", ") + eventLayerId(static_cast<EventLayer>(i));
    for (int i = 0; i < kMapLayerCount; ++i) s += std::string(", ") + mapLayerId(static_cast<MapLayer>(i));
    return s;
}

Expected<LayerChoice> parseLayerList(const std::string& text) {
    LayerChoice choice;
    if (trim(text).empty()) return bad("expected layer names separated by commas (" + layerIdList() + ")");
    std::vector<std::pair<std::optional<EventLayer>, std::optional<MapLayer>>> removed;
    for (const std::string& word : splitCommas(text)) {
        // "-night": that layer off, the others as they are.
        const bool off = !word.empty() && word[0] == '-';
        const std::string w = lower(trim(off ? word.substr(1) : word));
        std::optional<EventLayer> ev = parseEventLayerId(w);
        std::optional<MapLayer> map = parseMapLayerId(w);
        // The layers panel's own labels ("Curfew hours", "Lakes and seas") name them too.
        for (int i = 0; i < kEventLayerCount && !ev && !map; ++i) {
            if (w == lower(eventLayerName(static_cast<EventLayer>(i)))) ev = static_cast<EventLayer>(i);
        }
        for (int i = 0; i < kMapLayerCount && !ev && !map; ++i) {
            if (w == lower(mapLayerName(static_cast<MapLayer>(i)))) map = static_cast<MapLayer>(i);
        }
        if (off && (ev || map)) {
            removed.push_back({ev, map});
        } else if (ev) {
            if (!choice.events) choice.events.emplace().fill(false);
            (*choice.events)[static_cast<std::size_t>(*ev)] = true;
        } else if (map) {
            if (!choice.map) choice.map.emplace().on.fill(false);
            choice.map->set(*map, true);
        } else {
            return bad("unknown layer '" + word + "' (layers: " + layerIdList() + ")");
        }
    }
    for (const auto& [ev, map] : removed) {
        if (ev) {
            if (!choice.events) choice.events.emplace().fill(true);
            (*choice.events)[static_cast<std::size_t>(*ev)] = false;
        }
        if (map) {
            if (!choice.map) choice.map.emplace();
            choice.map->set(*map, false);
        }
    }
    return choice;
}

void applyLayerChoice(const LayerChoice& choice, LayerVisibility& mapLayers, EventLayerSettings& eventLayers) {
    if (choice.events) eventLayers.on = *choice.events;
    if (choice.map) mapLayers = *choice.map;
}

Expected<ZoneOffset> parseZoneName(const std::string& text) {
    const std::string w = lower(trim(text));
    if (w == "almaty") return kAlmatyTime;
    if (w == "west") return kWestTime;
    if (w == "utc") return kUtc;
    return bad("unknown zone '" + text + "' (almaty for UTC+6, west for UTC+5, or utc)");
}

std::string zoneName(ZoneOffset zone) {
    if (zone == kAlmatyTime) return "almaty";
    if (zone == kWestTime) return "west";
    if (zone == kUtc) return "utc";
    return formatOffset(zone);
}

std::string zoneDescription(ZoneOffset zone) {
    if (zone == kAlmatyTime) return "Almaty time (UTC+6)";
    if (zone == kWestTime) return "West Kazakhstan time (UTC+5)";
    return formatOffset(zone);
}

std::optional<PaperSize> presetPaper(const std::string& presetName) {
    if (presetName == "a4-landscape") return PaperSize{297.0, 210.0};
    if (presetName == "a4-portrait") return PaperSize{210.0, 297.0};
    if (presetName == "a5-landscape") return PaperSize{210.0, 148.0};
    return std::nullopt;
}

Expected<std::pair<int, int>> printSize(const std::string& presetName, int dpi) {
    const auto paper = presetPaper(presetName);
    if (!paper) return bad("is for print presets (a4-landscape, a4-portrait, a5-landscape); '" + presetName + "' is not one");
    if (dpi < kMinPrintDpi || dpi > kMaxPrintDpi) {
        return bad("expected " + std::to_string(kMinPrintDpi) + " to " + std::to_string(kMaxPrintDpi) + " dots per inch, got " +
                   std::to_string(dpi));
    }
    const int w = static_cast<int>(std::lround(paper->widthMm / 25.4 * dpi));
    const int h = static_cast<int>(std::lround(paper->heightMm / 25.4 * dpi));
    if (auto err = checkExportSize(w, h)) {
        return bad(presetName + " at " + std::to_string(dpi) + " dpi would be " + std::to_string(w) + "x" + std::to_string(h) +
                   " pixels, outside " + std::to_string(kMinExportWidth) + "x" + std::to_string(kMinExportHeight) + " .. " +
                   std::to_string(kMaxExportWidth) + "x" + std::to_string(kMaxExportHeight) + "; use a lower --dpi");
    }
    return std::make_pair(w, h);
}

float pixelScaleForDpi(int dpi) { return static_cast<float>(dpi) / 96.0f; }

Expected<GridShape> parseGridShape(const std::string& text) {
    const auto x = text.find_first_of("xX");
    auto side = [](const std::string& s) -> std::optional<int> {
        if (s.empty() || s.size() > 2 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return std::nullopt;
        }
        return std::stoi(s);
    };
    const auto c = x == std::string::npos ? std::nullopt : side(text.substr(0, x));
    const auto r = x == std::string::npos ? std::nullopt : side(text.substr(x + 1));
    if (!c || !r) return bad("expected COLSxROWS such as 3x2, got '" + text + "'");
    GridShape g{*c, *r};
    if (g.cols < 1 || g.rows < 1 || g.cols > kMaxGridSide || g.rows > kMaxGridSide) {
        return bad("columns and rows go from 1 to " + std::to_string(kMaxGridSide) + ", got " + text);
    }
    if (g.panels() < 2) return bad("a grid needs at least 2 panels, got " + text + " (for one frame use --time)");
    if (g.panels() > kMaxGridPanels) {
        return bad(text + " would have " + std::to_string(g.panels()) + " panels; at most " + std::to_string(kMaxGridPanels) +
                   " (labelled a to z)");
    }
    return g;
}

Expected<std::vector<Instant>> parseTimeList(const std::string& text, ZoneOffset zone) {
    std::vector<Instant> out;
    for (const std::string& word : splitCommas(text)) {
        if (word.empty()) return bad("expected moments separated by commas, such as 2022-01-05T12:00,2022-01-05T20:00; got '" + text + "'");
        auto t = parseIsoTime(word, zone);
        if (!t) return t.error();
        out.push_back(t->instant);
    }
    return out;
}

Expected<std::vector<Instant>> gridTimes(Instant from, Instant to, std::optional<Duration> step, int panels) {
    if (to < from) return bad("the end is earlier than the start");
    std::vector<Instant> out;
    if (step) {
        if (step->seconds <= 0) return bad("the step must be longer than zero");
        const std::int64_t n = (to - from).seconds / step->seconds + 1;
        if (n != panels) {
            return bad("gives " + std::to_string(n) + " moments for " + std::to_string(panels) +
                       " panels; change the range or the step, or leave out --step to spread the panels evenly");
        }
        for (std::int64_t i = 0; i < n; ++i) out.push_back(from + Duration{step->seconds * i});
        return out;
    }
    if (!(from < to)) return bad("spreading " + std::to_string(panels) + " panels needs an end later than the start");
    const std::int64_t span = (to - from).seconds;
    // On whole hours from `from` when the panels are hours apart, else on whole minutes; the
    // last exactly at `to`.
    const std::int64_t unit = span / (panels - 1) >= 2 * 3600 ? 3600 : 60;
    for (int i = 0; i < panels; ++i) {
        const std::int64_t raw = span * i / (panels - 1);
        const std::int64_t s = i == panels - 1 ? span : (raw + unit / 2) / unit * unit;
        out.push_back(from + Duration{s});
    }
    return out;
}

Status checkGridTimes(const std::vector<Instant>& times, const GridShape& grid) {
    if (static_cast<int>(times.size()) != grid.panels()) {
        return bad(std::to_string(grid.cols) + "x" + std::to_string(grid.rows) + " has " + std::to_string(grid.panels()) +
                   " panels but " + std::to_string(times.size()) + (times.size() == 1 ? " moment was" : " moments were") +
                   " given; give one moment per panel");
    }
    return std::nullopt;
}

std::string panelLetter(std::size_t index) { return std::string(1, static_cast<char>('a' + index % 26)); }

std::string panelMoment(Instant t, ZoneOffset zone, bool withYear) {
    const CivilTime c = toCivil(t, zone);
    char buf[48];
    if (withYear) std::snprintf(buf, sizeof buf, "%d %s %d %02d:%02d", c.day, monthAbbrev(c.month), c.year, c.hour, c.minute);
    else std::snprintf(buf, sizeof buf, "%d %s %02d:%02d", c.day, monthAbbrev(c.month), c.hour, c.minute);
    return buf;
}

std::vector<Instant> eventMoments(const EventWorld& world, Instant from, Instant to, const EventLayerSettings& layers,
                                  const std::vector<std::uint8_t>* shown) {
    std::set<std::int64_t> moments;
    const auto& events = world.data().events;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (shown && (i >= shown->size() || !(*shown)[i])) continue;
        if (!layers.visible(layerOf(events[i].category))) continue;
        const Interval& iv = world.index().interval(i);
        for (Instant t : {iv.start, iv.end}) {
            if (!(t < from) && !(to < t)) moments.insert(t.unixSeconds);
        }
    }
    std::vector<Instant> out;
    for (std::int64_t s : moments) out.push_back(Instant{s});
    return out;
}

}  // namespace qantar::core
