#include "core/export/data_export.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/events/counters.hpp"
#include "core/io/atomic_file.hpp"

namespace qantar::core {

namespace {

// Google Earth's camera sees 60° vertically (its default field of view); a LookAt straight down
// from `range` metres sees 2·range·tan(30°) of ground.
constexpr double kGoogleEarthFovDegrees = 60.0;
constexpr double kPi = 3.14159265358979323846;
// A story scene with no view of its own, before any scene has one, shows the whole country.
constexpr LonLat kCountryCenter{67.5, 48.3};
constexpr double kCountrySpanKm = 2200.0;

std::string lowerExtension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = path.substr(dot);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// ISO 3166-2 codes of January 2022 and the admin1 names ACLED writes for them (read back by
// importer::regionForAdmin1).
const char* admin1Name(const std::string& code) {
    struct Pair {
        const char* code;
        const char* name;
    };
    static const Pair kNames[] = {
        {"KZ-ALA", "Almaty City"},     {"KZ-ALM", "Almaty"},        {"KZ-AST", "Nur-Sultan"},
        {"KZ-SHY", "Shymkent"},        {"KZ-AKM", "Akmola"},        {"KZ-AKT", "Aktobe"},
        {"KZ-ATY", "Atyrau"},          {"KZ-VOS", "East Kazakhstan"}, {"KZ-ZHA", "Zhambyl"},
        {"KZ-KAR", "Karaganda"},       {"KZ-KUS", "Kostanay"},      {"KZ-KZY", "Kyzylorda"},
        {"KZ-MAN", "Mangystau"},       {"KZ-SEV", "North Kazakhstan"}, {"KZ-PAV", "Pavlodar"},
        {"KZ-YUZ", "Turkistan"},       {"KZ-ZAP", "West Kazakhstan"},
    };
    for (const auto& p : kNames)
        if (code == p.code) return p.name;
    return "";
}

// ACLED's event_type and sub_event_type for our category, where ACLED's codebook has one; our
// own category travels beside them. Categories ACLED does not code (curfews, blackouts, the CSTO,
// casualty reports, ...) are its catch-all "Strategic developments / Other".
std::pair<const char*, const char*> acledType(const Event& e) {
    switch (e.category) {
        case Category::Protest:
            return {"Protests", e.violent && !*e.violent ? "Peaceful protest" : ""};
        case Category::Clash: return {"Riots", ""};
        case Category::LootingArson: return {"Strategic developments", "Looting/property destruction"};
        case Category::Arrests: return {"Strategic developments", "Arrests"};
        default: return {"Strategic developments", "Other"};
    }
}

std::string isoDay(Instant t, ZoneOffset zone) {
    const CivilTime c = toCivil(t, zone);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

std::string outletOf(const Dataset& data, const std::string& sourceId) {
    const Source* s = data.findSource(sourceId);
    return s && !s->outlet.empty() ? s->outlet : sourceId;
}

// "AFP, “Headline”, written 2022-01-06" for each source the event cites, each once.
std::vector<std::string> sourceLines(const Dataset& data, const Event& e) {
    std::vector<std::string> ids, out;
    for (const auto& r : e.sources)
        if (std::find(ids.begin(), ids.end(), r.source) == ids.end()) ids.push_back(r.source);
    for (const auto& id : ids) {
        const Source* s = data.findSource(id);
        if (!s) {
            out.push_back(id);
            continue;
        }
        std::string line = s->outlet.empty() ? id : s->outlet;
        if (!s->headline.empty()) line += ", \u201c" + s->headline + "\u201d";
        if (!s->written.empty()) line += s->undated() ? ", written " + s->writtenEarliest + " to " + s->written
                                                      : ", written " + s->written;
        out.push_back(line);
    }
    return out;
}

// "AFP: “exact words”" for each quote.
std::vector<std::string> quoteLines(const Dataset& data, const Event& e) {
    std::vector<std::string> out;
    for (const auto& r : e.sources) out.push_back(outletOf(data, r.source) + ": \u201c" + r.quote + "\u201d");
    return out;
}

std::vector<std::string> sourceIds(const Event& e) {
    std::vector<std::string> ids;
    for (const auto& r : e.sources)
        if (std::find(ids.begin(), ids.end(), r.source) == ids.end()) ids.push_back(r.source);
    return ids;
}

std::vector<std::string> figureLines(const Event& e) {
    std::vector<std::string> out;
    for (const auto& f : e.figures) {
        std::string line = std::string(figureKindId(f.kind)) + ": " + figureText(f);
        if (!f.reportedBy.empty()) line += " (" + f.reportedBy + (f.asOf.empty() ? "" : ", " + f.asOf) + ")";
        if (!f.partial.empty()) line += " [" + f.partial + "]";
        if (f.withdrawnAsOf) line += " [withdrawn " + *f.withdrawnAsOf + "]";
        out.push_back(line);
    }
    return out;
}

// ACLED's fatalities: a number only when the event carries exactly one death figure and it is a
// plain number (not a range, a word or a withdrawn figure); empty otherwise (the figures column
// keeps them all as the sources give them).
std::optional<long long> fatalities(const Event& e) {
    const Figure* only = nullptr;
    for (const auto& f : e.figures) {
        if (f.kind != FigureKind::Deaths) continue;
        if (only) return std::nullopt;
        only = &f;
    }
    if (!only || !only->value || only->min || only->max || only->isVague() || only->withdrawnAsOf) return std::nullopt;
    return *only->value;
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

DataCell text(std::string s) {
    DataCell c;
    c.null = s.empty();
    c.text = std::move(s);
    return c;
}
DataCell textList(std::vector<std::string> v) {
    DataCell c;
    c.null = v.empty();
    c.list = std::move(v);
    return c;
}
DataCell integer(std::optional<long long> v) {
    DataCell c;
    c.null = !v;
    c.integer = v.value_or(0);
    return c;
}
DataCell real(std::optional<double> v) {
    DataCell c;
    c.null = !v;
    c.real = v.value_or(0.0);
    return c;
}
DataCell dateTime(Instant t, ZoneOffset zone) {
    DataCell c;
    c.null = false;
    c.zone = zone;
    c.time = toCivil(t, zone);
    c.text = formatIso(t, zone);
    return c;
}

std::string statusName(const Event& e) {
    switch (e.status) {
        case ConnectivityStatus::Full: return "full";
        case ConnectivityStatus::Partial: return "partial";
        case ConnectivityStatus::Restored: return "restored";
        case ConnectivityStatus::None: break;
    }
    return {};
}

std::string clock(int minutes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60 % 24, minutes % 60);
    return buf;
}

std::string placeName(const Event& e) { return e.place.nationwide && e.place.name.empty() ? "Kazakhstan" : e.place.name; }

// "country" for an event with no point; what the data says otherwise.
std::string placePrecision(const Event& e) {
    if (!e.place.lonLat) return "country";
    return e.placePrecision.empty() ? "city" : e.placePrecision;
}

class TableBuilder {
public:
    explicit TableBuilder(DataTable& t) : m_t(t) {}
    void column(const char* name, DataColumnType type, DataCell cell) {
        if (m_first) m_t.columns.push_back(DataColumn{name, type});
        m_row.cells.push_back(std::move(cell));
    }
    void endRow(std::optional<LonLat> point, std::string native = {}) {
        m_row.point = point;
        m_row.nativeJson = std::move(native);
        m_t.rows.push_back(std::move(m_row));
        m_row = DataRow{};
        m_first = false;
    }

private:
    DataTable& m_t;
    DataRow m_row;
    bool m_first = true;
};

// JSON-FG's "time" member: a timestamp for an instant, an interval for a span.
std::string jsonFgTime(const Event& e) {
    nlohmann::json j;
    j["type"] = "Feature";
    j["properties"] = nlohmann::json::object();  // GDAL writes the fields' properties into it
    if (e.hasEnd) {
        j["time"]["interval"] = {formatIso(e.start, e.localZone), formatIso(e.end, e.localZone)};
    } else {
        j["time"]["timestamp"] = formatIso(e.start, e.localZone);
    }
    return j.dump();
}

void addColumns(TableBuilder& b, const Dataset& data, const Event& e, DataFormat format) {
    using T = DataColumnType;
    const bool csv = format == DataFormat::Csv;
    const bool gpkg = format == DataFormat::GeoPackage;
    // Lists as JSON arrays in GeoJSON and GeoPackage, joined in CSV (where GDAL would write "(2:a,b)").
    auto list = [&](const char* name, std::vector<std::string> v) {
        if (csv) b.column(name, T::Text, text(joined(v, " | ")));
        else b.column(name, T::TextList, textList(std::move(v)));
    };
    // GeoPackage keeps times in UTC (its DATETIME), the others as written with the event's offset.
    auto time = [&](const char* name, std::optional<Instant> t) {
        if (gpkg) b.column(name, T::DateTime, t ? dateTime(*t, kUtc) : DataCell{});
        else b.column(name, T::Text, t ? text(formatIso(*t, e.localZone)) : DataCell{});
    };
    const std::optional<Instant> end = e.hasEnd ? std::optional<Instant>(e.end) : std::nullopt;
    if (csv) {
        // ACLED's names first (REFERENCE.md 3.1), where the meaning is the same.
        const auto [type, sub] = acledType(e);
        const CivilTime day = toCivil(e.start, e.localZone);
        b.column("event_date", T::Text, text(isoDay(e.start, e.localZone)));
        b.column("year", T::Integer, integer(day.year));
        b.column("event_type", T::Text, text(type));
        b.column("sub_event_type", T::Text, text(sub));
        b.column("actor1", T::Text, DataCell{});  // the dataset does not code actors
        b.column("country", T::Text,
                 text(e.place.country.empty() ? std::string("Kazakhstan") : e.place.nationwide ? "Kazakhstan"
                                                                                          : placeName(e)));
        // ACLED's pre-2023 iso3: the country code, which the country's name alone does not give.
        b.column("iso3", T::Text, text(e.place.country.empty() ? std::string("KAZ") : e.place.country.str()));
        b.column("admin1", T::Text, text(admin1Name(e.place.region)));
        b.column("location", T::Text, text(placeName(e)));
        b.column("latitude", T::Real, real(e.place.lonLat ? std::optional<double>(e.place.lonLat->lat) : std::nullopt));
        b.column("longitude", T::Real, real(e.place.lonLat ? std::optional<double>(e.place.lonLat->lon) : std::nullopt));
        // ACLED's 1 is "the named town, with its coordinates": our site and city points.
        b.column("geo_precision", T::Integer, integer(e.place.lonLat ? std::optional<long long>(1) : std::nullopt));
        std::vector<std::string> outlets;
        for (const auto& id : sourceIds(e)) outlets.push_back(outletOf(data, id));
        b.column("source", T::Text, text(joined(outlets, "; ")));
        b.column("notes", T::Text, text(e.description));
        b.column("fatalities", T::Integer, integer(fatalities(e)));
    }
    b.column("id", T::Text, text(e.id));
    b.column("title", T::Text, text(e.title));
    b.column("category", T::Text, text(categoryId(e.category)));
    b.column("category_label", T::Text, text(categoryLabel(e.category)));
    time("start", e.start);
    time("end", end);
    b.column("precision", T::Text, text(precisionName(e.precision)));
    if (!csv) b.column("place", T::Text, text(placeName(e)));
    b.column("place_precision", T::Text, text(placePrecision(e)));
    b.column(csv ? "iso_3166_2" : "region", T::Text, text(e.place.region));
    if (!csv) b.column("country", T::Text, text(e.place.country));
    b.column("nationwide", T::Integer, integer(e.place.nationwide ? 1 : 0));
    b.column("site", T::Text, text(e.site));
    // An internet blackout's status and a curfew's nightly hours (local wall clock), as the importer reads them.
    b.column("status", T::Text, text(statusName(e)));
    b.column("daily_from", T::Text, text(e.recurrence ? clock(e.recurrence->fromMinutes) : std::string()));
    b.column("daily_to", T::Text, text(e.recurrence ? clock(e.recurrence->toMinutes) : std::string()));
    if (!csv) b.column("description", T::Text, text(e.description));
    b.column("date_reasoning", T::Text, text(e.dateReasoning));
    b.column("place_note", T::Text, text(e.placeNote));
    list("figures", figureLines(e));
    list("source_ids", sourceIds(e));
    list("sources", sourceLines(data, e));
    list("quotes", quoteLines(data, e));
    b.column("attribution", T::Text, text(data.attribution));
}

// --- KML --------------------------------------------------------------------------------------

// Text for an XML element or attribute: the five special characters escaped, and the control
// characters XML 1.0 forbids dropped.
std::string xml(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto u = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;
                out += ch;
        }
    }
    return out;
}

void element(std::string& out, const char* indent, const char* name, const std::string& value) {
    out += indent;
    out += "<";
    out += name;
    out += ">" + xml(value) + "</";
    out += name;
    out += ">\n";
}

void dataField(std::string& out, const char* name, const std::string& value) {
    if (value.empty()) return;
    out += "        <Data name=\"";
    out += name;
    out += "\"><value>" + xml(value) + "</value></Data>\n";
}

// KML's time for an event: a TimeSpan [start, end] or a TimeStamp.
void kmlTime(std::string& out, const char* indent, const char* prefix, Instant start, std::optional<Instant> end,
             ZoneOffset zone) {
    if (end) {
        out += std::string(indent) + "<" + prefix + "TimeSpan><begin>" + formatIso(start, zone) + "</begin><end>" +
               formatIso(*end, zone) + "</end></" + prefix + "TimeSpan>\n";
    } else {
        out += std::string(indent) + "<" + prefix + "TimeStamp><when>" + formatIso(start, zone) + "</when></" + prefix +
               "TimeStamp>\n";
    }
}

std::string seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", s);
    return buf;
}

void kmlTour(std::string& out, const Story& story, const std::string& storyName) {
    out += "    <gx:Tour>\n";
    element(out, "      ", "name", story.title.empty() ? storyName : story.title);
    out += "      <gx:Playlist>\n";
    SceneView view{kCountryCenter, kCountrySpanKm};
    for (const Scene& s : story.scenes) {
        if (s.view) view = *s.view;  // a scene without a view keeps the one before it
        char look[256];
        std::snprintf(look, sizeof look,
                      "          <longitude>%.6f</longitude><latitude>%.6f</latitude><altitude>0</altitude>"
                      "<heading>0</heading><tilt>0</tilt><range>%.0f</range>"
                      "<altitudeMode>relativeToGround</altitudeMode>\n",
                      view.center.lon, view.center.lat, lookAtRangeMeters(view.spanKm));
        out += "        <gx:FlyTo>\n";
        out += "          <gx:duration>" + seconds(s.transitionSeconds) + "</gx:duration>\n";
        out += "          <gx:flyToMode>smooth</gx:flyToMode>\n";
        out += "          <LookAt>\n";
        kmlTime(out, "            ", "gx:", s.start, s.end, s.zone);
        out += look;
        out += "          </LookAt>\n";
        out += "        </gx:FlyTo>\n";
        // The scene is held for its range played at its speed, then for its hold.
        double play = 0.0;
        if (s.end && s.speedHoursPerSecond > 0) {
            play = static_cast<double>((*s.end - s.start).seconds) / 3600.0 / s.speedHoursPerSecond;
        }
        out += "        <gx:Wait><gx:duration>" + seconds(play + s.holdSeconds) + "</gx:duration></gx:Wait>\n";
    }
    out += "      </gx:Playlist>\n";
    out += "    </gx:Tour>\n";
}

}  // namespace

const char* dataFormatName(DataFormat format) {
    switch (format) {
        case DataFormat::GeoJson: return "GeoJSON";
        case DataFormat::Kml: return "KML";
        case DataFormat::Csv: return "CSV";
        case DataFormat::GeoPackage: return "GeoPackage";
    }
    return "?";
}

Expected<DataFormat> dataFormatForPath(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext == ".geojson" || ext == ".json") return DataFormat::GeoJson;
    if (ext == ".kml") return DataFormat::Kml;
    if (ext == ".csv") return DataFormat::Csv;
    if (ext == ".gpkg") return DataFormat::GeoPackage;
    return Error{ErrorKind::BadArgument,
                 path + ": " + (ext.empty() ? std::string("has no extension") : "'" + ext + "' is not a format qantar writes") +
                     "; the extension chooses the format: .geojson or .json (GeoJSON), .kml (KML), .csv (CSV), "
                     ".gpkg (GeoPackage)"};
}

double lookAtRangeMeters(double spanKm) {
    return spanKm * 1000.0 / (2.0 * std::tan(kGoogleEarthFovDegrees / 2.0 * kPi / 180.0));
}

DataTable eventTable(const Dataset& data, const std::vector<std::size_t>& events, DataFormat format) {
    DataTable t;
    switch (format) {
        case DataFormat::Csv:
            t.driver = "CSV";
            t.hasGeometry = false;  // latitude and longitude are columns, as in ACLED's files
            break;
        case DataFormat::GeoPackage: t.driver = "GPKG"; break;
        default:
            t.driver = "GeoJSON";
            t.layerOptions = {"RFC7946=YES", "WRITE_NAME=NO"};
            break;
    }
    TableBuilder b(t);
    for (std::size_t i : events) {
        const Event& e = data.events[i];
        addColumns(b, data, e, format);
        b.endRow(t.hasGeometry ? e.place.lonLat : std::nullopt, format == DataFormat::GeoJson ? jsonFgTime(e) : "");
    }
    if (t.rows.empty()) {  // the columns of an empty table: those of any event
        Event none;
        DataTable header;
        TableBuilder hb(header);
        addColumns(hb, data, none, format);
        t.columns = header.columns;
    }
    return t;
}

std::string eventsKml(const Dataset& data, const std::vector<std::size_t>& events, const Story* story,
                      const std::string& storyName) {
    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<kml xmlns=\"http://www.opengis.net/kml/2.2\" xmlns:gx=\"http://www.google.com/kml/ext/2.2\">\n";
    out += "  <Document>\n";
    element(out, "    ", "name", data.title.empty() ? std::string("Events") : data.title);
    std::string about = "Exported by qantar: one placemark per event, with its time (TimeSpan or TimeStamp), "
                        "its sources and their exact words. Events known only for a whole country have no "
                        "geometry (place_precision: country).";
    if (!data.attribution.empty()) about += "\n" + data.attribution;
    element(out, "    ", "description", about);
    for (std::size_t i : events) {
        const Event& e = data.events[i];
        out += "    <Placemark>\n";
        element(out, "      ", "name", e.title);
        std::string desc = e.description;
        const auto quotes = quoteLines(data, e);
        const auto sources = sourceLines(data, e);
        if (!sources.empty()) desc += "\n\nSources:\n" + joined(sources, "\n");
        if (!quotes.empty()) desc += "\n\nQuotes:\n" + joined(quotes, "\n");
        element(out, "      ", "description", desc);
        kmlTime(out, "      ", "", e.start, e.hasEnd ? std::optional<Instant>(e.end) : std::nullopt, e.localZone);
        out += "      <ExtendedData>\n";
        dataField(out, "id", e.id);
        dataField(out, "category", categoryId(e.category));
        dataField(out, "category_label", categoryLabel(e.category));
        dataField(out, "precision", precisionName(e.precision));
        dataField(out, "place", placeName(e));
        dataField(out, "place_precision", placePrecision(e));
        dataField(out, "region", e.place.region);
        dataField(out, "country", e.place.country);
        if (e.place.nationwide) dataField(out, "nationwide", "1");
        dataField(out, "site", e.site);
        dataField(out, "status", statusName(e));
        if (e.recurrence) {
            dataField(out, "daily_from", clock(e.recurrence->fromMinutes));
            dataField(out, "daily_to", clock(e.recurrence->toMinutes));
        }
        dataField(out, "date_reasoning", e.dateReasoning);
        dataField(out, "figures", joined(figureLines(e), "\n"));
        dataField(out, "source_ids", joined(sourceIds(e), "; "));
        dataField(out, "sources", joined(sources, "\n"));
        dataField(out, "quotes", joined(quotes, "\n"));
        dataField(out, "attribution", data.attribution);
        out += "      </ExtendedData>\n";
        if (e.place.lonLat) {
            char point[128];
            std::snprintf(point, sizeof point, "      <Point><coordinates>%.6f,%.6f</coordinates></Point>\n",
                          e.place.lonLat->lon, e.place.lonLat->lat);
            out += point;
        }
        out += "    </Placemark>\n";
    }
    if (story) kmlTour(out, *story, storyName);
    out += "  </Document>\n</kml>\n";
    return out;
}

Expected<DataExportResult> exportEventData(const Dataset& data, const std::vector<std::size_t>& events,
                                           const std::string& path, const Story* story, const std::string& storyName) {
    auto format = dataFormatForPath(path);
    if (!format) return format.error();
    if (story && *format != DataFormat::Kml) {
        return Error{ErrorKind::BadArgument, path + ": a story is written as a Google Earth tour, which only KML "
                                                    "holds; name a .kml file"};
    }
    DataExportResult result;
    result.format = *format;
    result.events = events.size();
    for (std::size_t i : events)
        if (!data.events[i].place.lonLat) ++result.withoutPoint;
    if (*format == DataFormat::Kml) {
        if (story) result.scenes = story->scenes.size();
        if (auto err = writeFileAtomically(path, eventsKml(data, events, story, storyName))) return *err;
        return result;
    }
    // GDAL writes a file of its own: to a fresh temporary beside the target (removed first, as
    // GDAL's drivers create their file), renamed over the target when complete.
    const DataTable table = eventTable(data, events, *format);
    const std::string ext = lowerExtension(path);
    auto tmp = makeTemporaryBeside(path, ext);
    if (!tmp) return tmp.error();
    ::close(tmp->fd);
    ::unlink(tmp->path.c_str());
    if (auto err = writeDataTable(table, tmp->path)) {
        discardTemporary(tmp->path);
        return Error{err->kind, path + ": " + err->message};
    }
    if (auto err = commitTemporary(tmp->path, tmp->target)) return *err;
    return result;
}

}  // namespace qantar::core
