#include "core/import/features.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/import/kml_times.hpp"
#include "core/import/time_values.hpp"

namespace qantar::core::importer {

namespace {

using nlohmann::json;

// Field names tried for the start (or only) time and for the end, in this order (REFERENCE.md 3.2:
// Leaflet.timeline start/end, LIBKML begin/end/timestamp, Leaflet.TimeDimension time, QGIS-like names).
const char* const kStartNames[] = {"start",      "begin",      "time",       "timestamp", "datetime", "date_time",
                                   "date",       "when",       "event_date", "start_date", "start_time", "startdate",
                                   "starttime",  "begin_date", "date_start", "from",      "valid_from"};
const char* const kEndNames[] = {"end",     "end_date", "end_time", "enddate", "endtime",  "date_end",
                                 "stop",    "until",    "to",       "finish",  "valid_to"};
// How many GeoJSON features are looked at to find JSON-FG "time" or "when".
constexpr int kNativePeekFeatures = 100;
// GDAL's DateTime time-zone flag: 0 unknown, 1 local time, 100 UTC, 100 ± n: n quarter hours.
constexpr int kGdalTzUtc = 100;

struct Columns {
    int title = -1, description = -1, category = -1, subCategory = -1, id = -1, place = -1, region = -1;
    int outlet = -1, deaths = -1, lon = -1, lat = -1, status = -1, dailyFrom = -1, dailyTo = -1;
    // Written by qantar's own exports (docs/export-data.md): how precisely the place is known,
    // the country of an event placed only in a country, and how precisely the time is known.
    int placePrecision = -1, nationwide = -1, country = -1, precision = -1;
};

struct TimePlan {
    std::vector<int> startFields, endFields;
    bool nativeTime = false, nativeWhen = false;  // GeoJSON members outside "properties"
    bool kmlXml = false;                          // GDAL's KML driver: times from the document
    bool kmlDates = false;                        // LIBKML: midnight without a zone is a KML date
    std::vector<KmlPlacemarkTime> kmlTimes;
    std::map<std::string, std::size_t> kmlByName;  // name → index, for names used once
    std::string description;
};

bool isKml(const std::string& driver) { return driver == "LIBKML" || driver == "KML"; }

std::string fieldName(const std::vector<FieldInfo>& fields, int index) {
    for (const auto& f : fields)
        if (f.index == index) return f.name;
    return "?";
}

std::string namesOf(const std::vector<FieldInfo>& fields, const std::vector<int>& indices) {
    std::string out;
    for (std::size_t i = 0; i < indices.size(); ++i) {
        out += (i == 0 ? "'" : i + 1 == indices.size() ? "' or '" : "', '") + printable(fieldName(fields, indices[i]), 40);
    }
    return out.empty() ? out : out + "'";
}

void addMatching(const std::vector<FieldInfo>& fields, const char* const* names, std::size_t count,
                 std::vector<int>& into) {
    for (std::size_t i = 0; i < count; ++i) {
        const int idx = findField(fields, std::string(names[i]));
        if (idx >= 0 && std::find(into.begin(), into.end(), idx) == into.end()) into.push_back(idx);
    }
}

json nativeJson(OGRFeature& f) {
    const char* native = f.GetNativeData();
    if (!native || !*native) return json();
    return json::parse(native, nullptr, /*allow_exceptions=*/false);
}

Expected<TimeValue> timeFromJson(const json& v, ZoneOffset zone) {
    if (v.is_null()) {
        TimeValue t;
        t.text = "..";
        t.unbounded = true;
        return t;
    }
    if (v.is_string()) return parseTimeText(v.get<std::string>(), zone);
    if (v.is_number()) return timeFromUnixNumber(v.get<double>());
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    return Error{ErrorKind::BadArgument, "expected a date or time, got " + printable(s)};
}

// JSON-FG: "time": {"date": D} | {"timestamp": T} | {"interval": [A, B]} (".." = unbounded).
// Returns false when the member is absent or null; `error` is set when it is present but bad.
bool readJsonFgTime(const json& feature, ZoneOffset zone, std::optional<TimeValue>& start,
                    std::optional<TimeValue>& end, std::string& error) {
    auto it = feature.find("time");
    if (it == feature.end() || it->is_null()) return false;
    if (!it->is_object()) {
        error = "member 'time': expected an object with 'date', 'timestamp' or 'interval'";
        return true;
    }
    const json& t = *it;
    auto take = [&](const char* key, std::optional<TimeValue>& into) {
        auto r = timeFromJson(t.at(key), zone);
        if (!r) error = std::string("member 'time.") + key + "': " + r.error().message;
        else into = *r;
    };
    if (auto iv = t.find("interval"); iv != t.end()) {
        if (!iv->is_array() || iv->size() != 2) {
            error = "member 'time.interval': expected [start, end]";
            return true;
        }
        auto a = timeFromJson((*iv)[0], zone), b = timeFromJson((*iv)[1], zone);
        if (!a) error = "member 'time.interval' start: " + a.error().message;
        else if (!b) error = "member 'time.interval' end: " + b.error().message;
        else {
            start = *a;
            end = *b;
        }
        return true;
    }
    if (t.contains("timestamp")) take("timestamp", start);
    else if (t.contains("date")) take("date", start);
    else error = "member 'time': expected 'date', 'timestamp' or 'interval'";
    return true;
}

// geojson-events: "when": {"start": A, "end": B} or {"datetime": T}, or a plain string.
bool readWhen(const json& feature, ZoneOffset zone, std::optional<TimeValue>& start, std::optional<TimeValue>& end,
              std::string& error) {
    auto it = feature.find("when");
    if (it == feature.end() || it->is_null()) return false;
    if (it->is_string() || it->is_number()) {
        auto r = timeFromJson(*it, zone);
        if (!r) error = "member 'when': " + r.error().message;
        else start = *r;
        return true;
    }
    if (!it->is_object()) {
        error = "member 'when': expected an object with 'start' and 'end'";
        return true;
    }
    for (const char* key : {"start", "datetime", "instant"}) {
        if (!it->contains(key)) continue;
        auto r = timeFromJson(it->at(key), zone);
        if (!r) error = std::string("member 'when.") + key + "': " + r.error().message;
        else start = *r;
        break;
    }
    if (error.empty() && it->contains("end")) {
        auto r = timeFromJson(it->at("end"), zone);
        if (!r) error = "member 'when.end': " + r.error().message;
        else end = *r;
    }
    if (error.empty() && !start) error = "member 'when': has no 'start'";
    return true;
}

// A GDAL field as a time; empty when the field is unset.
Expected<std::optional<TimeValue>> timeFromField(OGRFeature& f, int index, ZoneOffset zone, bool kmlDates) {
    if (!fieldIsSet(f, index)) return std::optional<TimeValue>();
    const OGRFieldDefn* defn = f.GetFieldDefnRef(index);
    const OGRFieldType type = defn->GetType();
    if (type == OFTDate || type == OFTDateTime) {
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
        float sec = 0;
        if (!f.GetFieldAsDateTime(index, &y, &mo, &d, &h, &mi, &sec, &tz) || y < 1 || mo < 1 || mo > 12 || d < 1 ||
            d > 31) {
            return Error{ErrorKind::BadArgument, "not a valid date"};
        }
        const std::string text = f.GetFieldAsString(index);
        const bool noZone = tz == 0 || tz == 1;
        if (type == OFTDate || (kmlDates && noZone && h == 0 && mi == 0 && sec == 0.0f)) {
            return std::optional<TimeValue>(wholeDay(CivilDate{y, mo, d}, zone, text));
        }
        TimeValue v;
        v.text = text;
        if (!noZone) v.offset = ZoneOffset{(tz - kGdalTzUtc) * 15};
        v.start = toInstant(CivilTime{y, mo, d, h, mi, static_cast<int>(sec)}, v.offset.value_or(zone));
        v.unitEnd = v.start;
        return std::optional<TimeValue>(v);
    }
    if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) {
        auto v = timeFromUnixNumber(f.GetFieldAsDouble(index));
        if (!v) return v.error();
        return std::optional<TimeValue>(*v);
    }
    if (type == OFTString) {
        auto v = parseTimeText(f.GetFieldAsString(index), zone);
        if (!v) return v.error();
        return std::optional<TimeValue>(*v);
    }
    return Error{ErrorKind::BadArgument, std::string("a field of type ") + OGRFieldDefn::GetFieldTypeName(type) +
                                             " cannot hold a time"};
}

// A row's start and end, from the first place that has them in the plan's order: JSON-FG "time",
// "when", the KML document, then the time fields. `error` names what could not be read.
struct RowTimes {
    std::optional<TimeValue> start, end;
    std::string error;
};

// A KML placemark's TimeStamp or TimeSpan; false when it has neither.
bool readKmlTimes(const KmlPlacemarkTime& p, ZoneOffset zone, RowTimes& t) {
    const bool span = !p.begin.empty() || !p.end.empty();
    const std::string& first = span ? p.begin : p.when;
    if (first.empty()) {
        if (span) t.error = "the TimeSpan has an end but no begin; an event needs a known start";
        return span;
    }
    auto r = parseTimeText(first, zone);
    if (!r) {
        t.error = std::string(span ? "TimeSpan begin: " : "TimeStamp: ") + r.error().message;
        return true;
    }
    t.start = *r;
    if (!span) return true;
    if (p.end.empty()) {  // a TimeSpan without <end> is unbounded (KML)
        t.end = TimeValue{};
        t.end->unbounded = true;
        t.end->text = "..";
        return true;
    }
    auto e = parseTimeText(p.end, zone);
    if (!e) t.error = "TimeSpan end: " + e.error().message;
    else t.end = *e;
    return true;
}

// The first set field of `indices` as a time, into `into`; false (with t.error) when it is unreadable.
bool firstFieldTime(OGRFeature& f, const std::vector<int>& indices, const std::vector<FieldInfo>& fields,
                    ZoneOffset zone, bool kmlDates, std::optional<TimeValue>& into, RowTimes& t) {
    for (int idx : indices) {
        auto v = timeFromField(f, idx, zone, kmlDates);
        if (!v) {
            t.error = "field '" + printable(fieldName(fields, idx), 40) + "': " + v.error().message;
            return false;
        }
        if (*v) {
            into = **v;
            return true;
        }
    }
    return true;
}

RowTimes readRowTimes(OGRFeature& f, const TimePlan& plan, const std::vector<FieldInfo>& fields, const Columns& cols,
                      ZoneOffset zone, std::size_t placemarkIndex) {
    RowTimes t;
    bool fromMember = false;
    if (plan.nativeTime || plan.nativeWhen) {
        const json j = nativeJson(f);
        if (j.is_object()) {
            fromMember = readJsonFgTime(j, zone, t.start, t.end, t.error) || readWhen(j, zone, t.start, t.end, t.error);
        }
    }
    if (!fromMember && plan.kmlXml) {
        // Matched by position in the document, or by a name used only once when the driver skipped some.
        const std::string name = trimmed(fieldText(f, cols.title));
        const KmlPlacemarkTime* p = nullptr;
        if (placemarkIndex < plan.kmlTimes.size() && plan.kmlTimes[placemarkIndex].name == name) {
            p = &plan.kmlTimes[placemarkIndex];
        } else if (auto it = plan.kmlByName.find(name); it != plan.kmlByName.end()) {
            p = &plan.kmlTimes[it->second];
        }
        if (p) fromMember = readKmlTimes(*p, zone, t);
    }
    if (!fromMember && !firstFieldTime(f, plan.startFields, fields, zone, plan.kmlDates, t.start, t)) return t;
    if (t.error.empty() && !t.end) firstFieldTime(f, plan.endFields, fields, zone, plan.kmlDates, t.end, t);
    return t;
}

Expected<TimePlan> planTimes(OGRLayer& layer, const std::vector<FieldInfo>& fields, VectorSource& src,
                             const ImportOptions& options, const std::string& where) {
    TimePlan plan;
    plan.kmlDates = src.driver() == "LIBKML";
    if (!options.endField.empty()) {
        const int idx = findField(fields, options.endField);
        if (idx < 0) {
            return Error{ErrorKind::BadArgument, where + ": no field '" + printable(options.endField) +
                                                     "' for the end time; its fields: " + describeFields(fields)};
        }
        plan.endFields = {idx};
    }
    if (!options.timeField.empty()) {
        const int idx = findField(fields, options.timeField);
        if (idx < 0) {
            return Error{ErrorKind::BadArgument, where + ": no field '" + printable(options.timeField) +
                                                     "' for the time; its fields: " + describeFields(fields)};
        }
        plan.startFields = {idx};
        plan.description = "field " + namesOf(fields, plan.startFields) +
                           (plan.endFields.empty() ? "" : " to " + namesOf(fields, plan.endFields)) + " (as chosen)";
        return plan;
    }
    if (src.driver() == "GeoJSON") {
        layer.ResetReading();
        int n = 0;
        for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f && n < kNativePeekFeatures; f.reset(layer.GetNextFeature()), ++n) {
            const json j = nativeJson(*f);
            if (!j.is_object()) continue;
            if (auto t = j.find("time"); t != j.end() && !t->is_null()) plan.nativeTime = true;
            if (auto w = j.find("when"); w != j.end() && !w->is_null()) plan.nativeWhen = true;
        }
        layer.ResetReading();
    }
    if (isKml(src.driver())) {
        // Even with LIBKML, the document's own text is preferred: LIBKML drops "1997" and a bad
        // value without a word, and hands "1997-07" and "2022-01-05" over as midnight.
        plan.kmlTimes = readKmlPlacemarkTimes(src.openedPath());
        std::map<std::string, int> uses;
        for (const auto& p : plan.kmlTimes) {
            ++uses[p.name];
            if (!p.when.empty() || !p.begin.empty() || !p.end.empty()) plan.kmlXml = true;
        }
        for (std::size_t i = 0; i < plan.kmlTimes.size(); ++i)
            if (uses[plan.kmlTimes[i].name] == 1) plan.kmlByName[plan.kmlTimes[i].name] = i;
    }
    addMatching(fields, kStartNames, std::size(kStartNames), plan.startFields);
    if (plan.endFields.empty()) addMatching(fields, kEndNames, std::size(kEndNames), plan.endFields);
    for (int e : plan.endFields) plan.startFields.erase(std::remove(plan.startFields.begin(), plan.startFields.end(), e),
                                                        plan.startFields.end());
    if (plan.startFields.empty() && !plan.nativeTime && !plan.nativeWhen && !plan.kmlXml) {
        for (const auto& f : fields) {
            if (f.type == OFTDate || f.type == OFTDateTime) {
                plan.startFields.push_back(f.index);
                break;
            }
        }
    }
    std::vector<std::string> parts;
    if (plan.nativeTime) parts.push_back("JSON-FG \"time\"");
    if (plan.nativeWhen) parts.push_back("\"when\" {start, end}");
    if (plan.kmlXml) parts.push_back("TimeStamp/TimeSpan");
    if (!plan.startFields.empty()) {
        std::string p = (plan.kmlDates ? "LIBKML's fields " : "fields ") + namesOf(fields, plan.startFields);
        if (!plan.endFields.empty()) p += " with end " + namesOf(fields, plan.endFields);
        parts.push_back(p);
    }
    if (parts.empty()) {
        std::string looked = isKml(src.driver())
                                 ? "no placemark has a TimeStamp or TimeSpan"
                                 : "looked for JSON-FG \"time\", \"when\", fields named start, begin, time, timestamp, "
                                   "date, ... and Date/DateTime fields";
        // The kind, not the text, tells the caller to offer a choice of fields (the window) or
        // to name --time-field (the command line).
        return Error{ErrorKind::ImportNoTime,
                     where + ": no time found (" + looked + "); candidate fields: " + describeFields(fields)};
    }
    for (std::size_t i = 0; i < parts.size(); ++i) plan.description += (i ? ", then " : "") + parts[i];
    return plan;
}

Columns findColumns(const std::vector<FieldInfo>& fields) {
    Columns c;
    c.title = findField(fields, {"title", "name", "headline", "label", "event", "event_name"});
    c.description = findField(fields, {"description", "notes", "desc", "text", "details", "summary", "comment"});
    c.category = findField(fields, {"category", "event_type", "type", "kind", "class"});
    c.subCategory = findField(fields, {"sub_event_type", "subcategory", "sub_category"});
    c.id = findField(fields, {"id", "event_id", "uid", "event_id_cnty", "fid"});
    c.place = findField(fields, {"place", "location", "place_name", "city", "town", "settlement"});
    c.region = findField(fields, {"region", "iso_3166_2", "region_code", "admin1"});
    c.outlet = findField(fields, {"source", "outlet", "publisher"});
    c.deaths = findField(fields, {"fatalities", "deaths", "killed", "dead"});
    c.lon = findField(fields, {"longitude", "lon", "lng", "long", "x"});
    c.lat = findField(fields, {"latitude", "lat", "y"});
    c.status = findField(fields, {"status"});
    c.dailyFrom = findField(fields, {"daily_from"});
    c.dailyTo = findField(fields, {"daily_to"});
    c.placePrecision = findField(fields, {"place_precision"});
    c.nationwide = findField(fields, {"nationwide"});
    c.country = findField(fields, {"iso3", "country"});
    c.precision = findField(fields, {"precision"});
    return c;
}

std::optional<double> number(OGRFeature& f, int index) {
    if (!fieldIsSet(f, index)) return std::nullopt;
    const OGRFieldType t = f.GetFieldDefnRef(index)->GetType();
    if (t == OFTInteger || t == OFTInteger64 || t == OFTReal) return f.GetFieldAsDouble(index);
    // Decimal only: hex ("0x4C"), inf and nan, which strtod and GDAL take, are not numbers here.
    return parseDecimal(trimmed(f.GetFieldAsString(index)));
}

// An ISO 3166-2 code as written: two capital letters, '-', one to three capitals or digits.
bool isRegionCode(const std::string& s) {
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (s.size() < 4 || s.size() > 6 || !upper(s[0]) || !upper(s[1]) || s[2] != '-') return false;
    return std::all_of(s.begin() + 3, s.end(), [&](char c) { return upper(c) || (c >= '0' && c <= '9'); });
}

std::string isoDate(Instant t, ZoneOffset zone) {
    const CivilTime c = toCivil(t, zone);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

// A row with no position that says it is placed only in a country, as qantar's exports write an
// event the sources place in a whole country (docs/export-data.md): place_precision "country", and
// either a country code (ISO3) or nationwide set (Kazakhstan). Such an event keeps no point, as in
// the event format; any other row without a position is rejected.
std::optional<EventPlace> countryPlace(OGRFeature& f, const Columns& cols) {
    if (!equalsIgnoreCase(trimmed(fieldText(f, cols.placePrecision)), "country")) return std::nullopt;
    EventPlace place;
    const std::string country = trimmed(fieldText(f, cols.country));
    const std::string nationwide = lowerAscii(trimmed(fieldText(f, cols.nationwide)));
    const bool isUpper3 = country.size() == 3 && std::all_of(country.begin(), country.end(), [](char c) {
        return c >= 'A' && c <= 'Z';
    });
    if (isUpper3 && country != "KAZ") place.country = country;
    else if (nationwide == "1" || nationwide == "true" || country == "KAZ" || equalsIgnoreCase(country, "Kazakhstan"))
        place.nationwide = true;
    else return std::nullopt;
    place.name = place.nationwide ? "Kazakhstan" : country;
    return place;
}

}  // namespace

Expected<LayerResult> importFeatureLayer(OGRLayer& layer, VectorSource& src, const ImportOptions& options,
                                         std::size_t firstRow, EventCollector& out) {
    const std::vector<FieldInfo> fields = fieldsOf(layer);
    const std::string where = src.isFile() ? src.label() + " (layer '" + printable(layer.GetName(), 40) + "')"
                                           : "layer '" + printable(layer.GetName(), 40) + "' of " + src.label();
    auto planned = planTimes(layer, fields, src, options, where);
    if (!planned) return planned.error();
    const TimePlan& plan = *planned;
    const Columns cols = findColumns(fields);
    PositionReader positions(layer);
    if (!positions.layerHasGeometry() && (cols.lon < 0 || cols.lat < 0)) {
        return Error{ErrorKind::MissingProperty, where + ": has no geometry and no longitude/latitude columns; its "
                                                         "fields: " + describeFields(fields)};
    }

    const std::string layerName = layer.GetName();
    const std::string outletName = src.isFile() ? src.path().substr(src.path().find_last_of('/') + 1) : layerName;
    Source imported;
    imported.id = "import";
    imported.outlet = outletName.empty() ? "imported data" : outletName;
    imported.headline = "Imported from " + printable(src.isFile() ? src.path() : layerName, 120);
    if (src.isFile()) imported.file = outletName;
    imported.writtenReasoning = "Read by qantar import; quotes are the source's own description of each feature.";
    Source outletPrototype = imported;
    outletPrototype.headline = "Named in the source field of " + printable(outletName, 80);
    outletPrototype.writtenReasoning = "Named in the imported data's source field; quotes are the imported data's "
                                       "description of each feature, not the outlet's own words.";

    LayerResult result;
    result.detected = plan.description;
    if (cols.category < 0) result.detected += "; no category field, so every event is a 'protest'";
    std::size_t n = 0;
    layer.ResetReading();
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
        const std::size_t row = firstRow + n;
        const std::size_t placemarkIndex = firstRow - 1 + n;
        ++n;
        out.countRead();
        if (out.rejectedForNul(row)) continue;

        Event ev;
        LonLat lonLat;
        bool centroid = false;
        std::string geometryName, why;
        std::optional<EventPlace> onlyCountry;
        if (positions.layerHasGeometry()) {
            const OGRGeometry* g = f->GetGeometryRef();
            if ((!g || g->IsEmpty()) && (onlyCountry = countryPlace(*f, cols))) {
                // placed in a country only: no point
            } else if (!positions.read(*f, lonLat, centroid, geometryName, why)) {
                out.reject(row, why);
                continue;
            }
        } else {
            const auto lon = number(*f, cols.lon), lat = number(*f, cols.lat);
            const LonLat ll{lon.value_or(NAN), lat.value_or(NAN)};
            if (!lon && !lat && (onlyCountry = countryPlace(*f, cols))) {
                // placed in a country only: no point
            } else if (!lon || !lat || !ll.valid() || (ll.lon == 0 && ll.lat == 0)) {
                out.reject(row, "fields '" + fieldName(fields, cols.lon) + "', '" + fieldName(fields, cols.lat) +
                                    "': " + (!lon || !lat ? "missing or not numbers"
                                                          : ll.valid() ? "0, 0 (a missing position written as zeros)"
                                                                       : "outside longitude -180..180 / latitude -90..90"));
                continue;
            }
            lonLat = ll;
        }

        const std::string regionText = trimmed(fieldText(*f, cols.region));
        if (isRegionCode(regionText)) ev.place.region = regionText;
        else if (!regionText.empty()) ev.place.region = regionForAdmin1(regionText);
        const ZoneOffset zone = zoneForRegion(ev.place.region);

        const RowTimes times = readRowTimes(*f, plan, fields, cols, zone, placemarkIndex);
        const std::optional<TimeValue>& start = times.start;
        const std::optional<TimeValue>& end = times.end;
        const std::string& error = times.error;
        if (!error.empty()) {
            out.reject(row, error);
            continue;
        }
        if (!start) {
            ++result.withoutTime;
            out.reject(row, end ? std::string("has an end time but no start; an event needs a known start")
                                : "no time (" + plan.description + ": all empty)");
            continue;
        }
        auto interval = makeInterval(*start, end, zone);
        if (!interval) {
            out.reject(row, interval.error().message);
            continue;
        }
        if (auto yearWhy = EventCollector::yearProblem(interval->start,
                                                   interval->hasEnd && !interval->openEnd ? interval->end - Duration{1}
                                                                                          : interval->start,
                                                   interval->zone)) {
            out.reject(row, "time '" + printable(start->text) + "': " + *yearWhy);
            continue;
        }
        ev.start = interval->start;
        ev.end = interval->end;
        ev.hasEnd = interval->hasEnd;
        ev.localZone = interval->zone;
        ev.precision = interval->precision;
        ev.dateReasoning = interval->reasoning;
        if (const auto p = parsePrecision(lowerAscii(trimmed(fieldText(*f, cols.precision))))) ev.precision = *p;

        const std::string titleText = trimmed(fieldText(*f, cols.title));
        const std::string placeText = trimmed(fieldText(*f, cols.place));
        char coords[64];
        std::snprintf(coords, sizeof coords, "%.4f, %.4f", lonLat.lat, lonLat.lon);
        if (onlyCountry) {
            const std::string region = ev.place.region;
            ev.place = *onlyCountry;
            ev.place.region = region;
            if (!placeText.empty()) ev.place.name = out.limitText(row, fieldName(fields, cols.place), placeText);
            ev.placePrecision = "country";
        } else {
            ev.place.lonLat = lonLat;
            ev.place.name = !placeText.empty() ? out.limitText(row, fieldName(fields, cols.place), placeText)
                            : !titleText.empty() ? shortTitle(titleText, kMaxTitleChars)
                                                 : coords;
            ev.placePrecision = centroid ? "region" : "city";
            if (centroid) ev.placeNote = "The centre of the feature's " + geometryName + " geometry.";
        }

        const std::string categoryText = trimmed(fieldText(*f, cols.category));
        const std::string subText = trimmed(fieldText(*f, cols.subCategory));
        ev.category = Category::Protest;
        if (!categoryText.empty()) {
            if (auto c = categoryFromText(categoryText)) {
                ev.category = isAcledEventType(categoryText) ? categoryForAcledType(categoryText, subText) : *c;
            } else {
                out.warn(row, "field '" + fieldName(fields, cols.category) + "': '" + printable(categoryText) +
                                  "' is not a category qantar knows; imported as 'protest'");
            }
            if (!parseCategory(categoryText)) {
                ev.originalType = out.limitText(row, fieldName(fields, cols.category),
                                                subText.empty() ? categoryText : categoryText + " / " + subText);
            }
        }
        if (ev.category == Category::InternetBlackout) {
            const std::string status = lowerAscii(trimmed(fieldText(*f, cols.status)));
            ev.status = status == "partial" ? ConnectivityStatus::Partial
                        : status == "restored" ? ConnectivityStatus::Restored
                                               : ConnectivityStatus::Full;
            if (status != "full" && status != "partial" && status != "restored") {
                out.warn(row, "an internet blackout without a status (full, partial or restored); taken as 'full'");
            }
        }
        if (ev.category == Category::Curfew) {
            // GDAL reads "23:00" in GeoJSON as a Time field, handed back as "23:00:00".
            auto hhmm = [](std::string t) { return t.size() == 8 && t.compare(5, 3, ":00") == 0 ? t.substr(0, 5) : t; };
            const auto from = parseClock(hhmm(trimmed(fieldText(*f, cols.dailyFrom))));
            const auto to = parseClock(hhmm(trimmed(fieldText(*f, cols.dailyTo))));
            if (from && to && *from != *to) {
                ev.recurrence = Recurrence{*from, *to, {}, {}};
            } else {
                ev.category = Category::GovernmentAction;
                out.warn(row, "a curfew needs its daily hours (fields daily_from and daily_to as HH:MM); imported "
                              "as 'government_action'");
            }
        }
        ev.title = shortTitle(!titleText.empty() ? titleText : std::string(categoryLabel(ev.category)) + " at " + ev.place.name,
                              kMaxTitleChars);

        std::string idText = trimmed(fieldText(*f, cols.id));
        if (idText.empty() && f->GetFID() != OGRNullFID) idText = std::to_string(f->GetFID());
        ev.id = out.uniqueId(idText.empty() ? std::string() : layerName + "-" + idText, "feature-" + std::to_string(row));
        const std::string descText = trimmed(fieldText(*f, cols.description));
        ev.description = !descText.empty() ? out.limitText(row, fieldName(fields, cols.description), descText) : ev.title.str();

        out.addSource(imported);
        const std::string outletText = trimmed(fieldText(*f, cols.outlet));
        const std::string sourceId =
            outletText.empty() ? imported.id
                               : out.sourceForOutlet(out.limitText(row, fieldName(fields, cols.outlet), outletText),
                                                     outletPrototype, "import-outlet");
        ev.sources.push_back(SourceRef{sourceId, quoteFrom(!descText.empty() ? descText : ev.title.str())});

        if (cols.deaths >= 0 && fieldIsSet(*f, cols.deaths) && !trimmed(fieldText(*f, cols.deaths)).empty()) {
            const auto deaths = number(*f, cols.deaths);
            if (!deaths || *deaths < 0 || *deaths != std::floor(*deaths) || *deaths > 1e9) {
                out.warn(row, "field '" + fieldName(fields, cols.deaths) + "': '" + printable(fieldText(*f, cols.deaths)) +
                                  "' is not a whole number; no death toll kept");
            } else if (*deaths > 0) {
                Figure fig;
                fig.kind = FigureKind::Deaths;
                fig.value = static_cast<long long>(*deaths);
                fig.qualifier = "exact";
                fig.subject = "people";
                fig.reportedBy = outletText.empty() ? "the imported data" : cutText(outletText, kMaxDescriptionChars);
                fig.asOf = isoDate(ev.start, ev.localZone);
                fig.asOfInstant = parseIsoTime(fig.asOf, kAlmatyTime)->instant;
                fig.source = sourceId;
                fig.partial = "this event only";  // a per-event count: never a bound of a national total
                ev.figures.push_back(std::move(fig));
            }
        }
        out.add(std::move(ev), interval->openEnd);
    }
    return result;
}

}  // namespace qantar::core::importer
