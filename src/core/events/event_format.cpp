#include "core/events/event_format.hpp"

#include "core/io/text_file.hpp"

#include <algorithm>
#include <cstdio>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "core/geo/geojson.hpp"
#include "core/io/json_locator.hpp"

namespace qantar::core {

using nlohmann::json;

namespace {

const std::regex kIdPattern("^[a-z0-9]+(-[a-z0-9]+)*$");
const std::regex kRegionPattern("^[A-Z]{2}-[A-Z0-9]{1,3}$");
constexpr int kSupportedVersion = 1;

// Collects problems with the JSON path they concern; lines are resolved at the end.
class Checker {
public:
    Checker(const std::string& path, DatasetLoad& out) : m_path(path), m_out(out) {}

    void problem(const std::string& jsonPath, const std::string& context, const std::string& what) {
        ++m_out.problemCount;
        if (m_pending.size() < DatasetLoad::kMaxProblems) m_pending.push_back({jsonPath, context, what});
    }
    bool any() const { return m_out.problemCount > 0; }

    void finish(const std::string& text) {
        if (m_pending.empty()) return;
        const JsonLocator locator(text);
        for (const auto& p : m_pending) {
            const std::string where = m_path + ":" + std::to_string(locator.lineOf(p.jsonPath)) + ": ";
            m_out.problems.push_back(Error{ErrorKind::DatasetInvalid, where + p.context + p.what});
        }
    }

private:
    struct Pending {
        std::string jsonPath, context, what;
    };
    std::string m_path;
    DatasetLoad& m_out;
    std::vector<Pending> m_pending;
};

std::string describe(const json& v) {
    std::string s = v.dump();
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    return s;
}

// Reads an optional string field; a present non-string is a problem.
bool getString(const json& obj, const char* key, std::string& out, Checker& ck, const std::string& path,
               const std::string& ctx, bool required) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) ck.problem(path, ctx, std::string("field '") + key + "' is missing");
        return false;
    }
    if (!it->is_string()) {
        ck.problem(path + "/" + key, ctx, std::string("field '") + key + "': expected a string, got " + describe(*it));
        return false;
    }
    out = it->get<std::string>();
    if (required && out.empty()) {
        ck.problem(path + "/" + key, ctx, std::string("field '") + key + "' is empty");
        return false;
    }
    return true;
}

bool getTime(const json& obj, const char* key, ParsedTime& out, Checker& ck, const std::string& path,
             const std::string& ctx, bool required) {
    std::string text;
    if (!getString(obj, key, text, ck, path, ctx, required)) return false;
    auto t = parseIsoTime(text);
    if (!t) {
        ck.problem(path + "/" + key, ctx, std::string("field '") + key + "': " + t.error().message);
        return false;
    }
    if (!t->offset) {
        ck.problem(path + "/" + key, ctx,
                   std::string("field '") + key + "': '" + text + "' has no UTC offset (write e.g. +06:00 or Z)");
        return false;
    }
    out = *t;
    return true;
}

void readPlace(const json& e, Event& ev, Checker& ck, const std::string& path, const std::string& ctx) {
    auto it = e.find("place");
    if (it == e.end() || !it->is_object()) {
        ck.problem(it == e.end() ? path : path + "/place", ctx, "field 'place': expected an object");
        return;
    }
    const json& p = *it;
    const std::string pp = path + "/place";
    getString(p, "name", ev.place.name, ck, pp, ctx, false);
    getString(p, "region", ev.place.region, ck, pp, ctx, false);
    getString(p, "country", ev.place.country, ck, pp, ctx, false);
    if (auto n = p.find("nationwide"); n != p.end()) {
        if (!n->is_boolean()) ck.problem(pp + "/nationwide", ctx, "field 'place.nationwide': expected true or false");
        else ev.place.nationwide = n->get<bool>();
    }
    const bool hasLon = p.contains("lon"), hasLat = p.contains("lat");
    if (hasLon || hasLat) {
        static const json kNull;
        const json& lon = hasLon ? p.at("lon") : kNull;
        const json& lat = hasLat ? p.at("lat") : kNull;
        if (!lon.is_number() || !lat.is_number()) {
            ck.problem(pp + (hasLon ? "/lon" : "/lat"), ctx, "field 'place': 'lon' and 'lat' must both be numbers");
        } else {
            const LonLat ll{lon.get<double>(), lat.get<double>()};
            if (!ll.valid()) {
                ck.problem(pp + "/lon", ctx, "field 'place': lon " + describe(lon) + ", lat " + describe(lat) +
                                                 " is outside -180..180 / -90..90");
            } else {
                ev.place.lonLat = ll;
            }
        }
    }
    if (!ev.place.region.empty() && !std::regex_match(ev.place.region, kRegionPattern)) {
        ck.problem(pp + "/region", ctx, "field 'place.region': expected an ISO 3166-2 code such as KZ-ALA, got '" +
                                            ev.place.region + "'");
    }
    if (!ev.place.nationwide && !hasLon && ev.place.region.empty()) {
        ck.problem(pp, ctx, "field 'place': needs lon/lat, a region code, or \"nationwide\": true");
    }
    if (ev.place.nationwide && ev.place.name.empty()) ev.place.name = "Kazakhstan";
}

void readFigures(const json& e, Event& ev, const std::set<std::string>& sourceIds, Checker& ck,
                 const std::string& path, const std::string& ctx) {
    auto it = e.find("figures");
    if (it == e.end()) return;
    if (!it->is_array()) {
        ck.problem(path + "/figures", ctx, "field 'figures': expected an array");
        return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& f = (*it)[i];
        const std::string fp = path + "/figures/" + std::to_string(i);
        const std::string fctx = ctx + "figure " + std::to_string(i + 1) + ": ";
        if (!f.is_object()) {
            ck.problem(fp, fctx, "expected an object");
            continue;
        }
        Figure fig;
        std::string kind;
        if (getString(f, "kind", kind, ck, fp, fctx, true)) {
            if (kind == "deaths") fig.kind = FigureKind::Deaths;
            else if (kind == "injured") fig.kind = FigureKind::Injured;
            else if (kind == "arrests") fig.kind = FigureKind::Arrests;
            else ck.problem(fp + "/kind", fctx, "field 'kind': expected deaths, injured or arrests, got '" + kind + "'");
        }
        bool givenButInvalid = false;
        for (auto [key, dest] : {std::pair{"value", &fig.value}, std::pair{"min", &fig.min}, std::pair{"max", &fig.max}}) {
            auto v = f.find(key);
            if (v == f.end() || v->is_null()) continue;
            givenButInvalid = true;
            if (!v->is_number_integer() || v->get<long long>() < 0) {
                ck.problem(fp + "/" + key, fctx, std::string("field '") + key +
                                                     "': expected a whole number of people (0 or more), got " +
                                                     describe(*v));
                continue;
            }
            *dest = v->get<long long>();
            givenButInvalid = false;
        }
        if (!fig.value && !fig.min && !givenButInvalid) ck.problem(fp, fctx, "needs 'value' or 'min'");
        if (fig.min && fig.max && *fig.max < *fig.min) ck.problem(fp + "/max", fctx, "field 'max' is below 'min'");
        getString(f, "qualifier", fig.qualifier, ck, fp, fctx, false);
        getString(f, "subject", fig.subject, ck, fp, fctx, false);
        getString(f, "reported_by", fig.reportedBy, ck, fp, fctx, true);
        getString(f, "note", fig.note, ck, fp, fctx, false);
        if (getString(f, "as_of", fig.asOf, ck, fp, fctx, true)) {
            auto t = parseIsoTime(fig.asOf, kAlmatyTime);
            if (!t) ck.problem(fp + "/as_of", fctx, "field 'as_of': " + t.error().message);
            else fig.asOfInstant = t->instant;
        }
        if (getString(f, "source", fig.source, ck, fp, fctx, true) && !sourceIds.count(fig.source)) {
            ck.problem(fp + "/source", fctx, "field 'source': unknown source id '" + fig.source + "'");
        }
        ev.figures.push_back(std::move(fig));
    }
}

void readRecurrence(const json& e, Event& ev, Checker& ck, const std::string& path, const std::string& ctx) {
    auto it = e.find("recurrence");
    const bool curfew = ev.category == Category::Curfew;
    if (it == e.end()) {
        if (curfew) ck.problem(path, ctx, "field 'recurrence' is missing (a curfew needs its daily hours)");
        return;
    }
    if (!curfew) {
        ck.problem(path + "/recurrence", ctx, "field 'recurrence' is only allowed for curfews");
        return;
    }
    if (!it->is_object()) {
        ck.problem(path + "/recurrence", ctx, "field 'recurrence': expected an object");
        return;
    }
    const std::string rp = path + "/recurrence";
    Recurrence r;
    bool ok = true;
    for (auto [key, dest] : {std::pair{"daily_from", &r.fromMinutes}, std::pair{"daily_to", &r.toMinutes}}) {
        std::string text;
        if (!getString(*it, key, text, ck, rp, ctx, true)) {
            ok = false;
            continue;
        }
        auto m = parseClock(text);
        if (!m) {
            ck.problem(rp + "/" + key, ctx, std::string("field 'recurrence.") + key + "': expected HH:MM, got '" + text + "'");
            ok = false;
            continue;
        }
        *dest = *m;
    }
    if (ok && r.fromMinutes == r.toMinutes) ck.problem(rp, ctx, "field 'recurrence': daily_from equals daily_to");
    if (auto a = it->find("assumed"); a != it->end() && a->is_array()) {
        for (const auto& x : *a)
            if (x.is_string()) r.assumed.push_back(x.get<std::string>());
    }
    getString(*it, "assumption_note", r.assumptionNote, ck, rp, ctx, false);
    ev.recurrence = r;
}

void readEvent(const json& e, std::size_t index, const std::set<std::string>& sourceIds, std::set<std::string>& ids,
               Dataset& ds, Checker& ck) {
    const std::string path = "/events/" + std::to_string(index);
    std::string ctx = "event " + std::to_string(index + 1) + ": ";
    if (!e.is_object()) {
        ck.problem(path, ctx, "expected an object");
        return;
    }
    Event ev;
    if (getString(e, "id", ev.id, ck, path, ctx, true)) {
        ctx = "event '" + ev.id + "': ";
        if (!std::regex_match(ev.id, kIdPattern)) {
            ck.problem(path + "/id", ctx, "field 'id': use lowercase letters, digits and single hyphens");
        } else if (!ids.insert(ev.id).second) {
            ck.problem(path + "/id", ctx, "field 'id': duplicate id (ids must be unique)");
        }
    }
    std::string category;
    if (getString(e, "category", category, ck, path, ctx, true)) {
        if (auto c = parseCategory(category)) ev.category = *c;
        else ck.problem(path + "/category", ctx, "field 'category': unknown category '" + category + "'");
    }
    getString(e, "title", ev.title, ck, path, ctx, true);
    ParsedTime start{}, end{};
    const bool hasStart = getTime(e, "start", start, ck, path, ctx, true);
    if (hasStart) {
        ev.start = start.instant;
        ev.end = start.instant;
        ev.localZone = *start.offset;
    }
    if (getTime(e, "end", end, ck, path, ctx, false)) {
        ev.end = end.instant;
        ev.hasEnd = true;
        if (hasStart && end.instant <= start.instant) {
            ck.problem(path + "/end", ctx, "field 'end': must be later than 'start'");
        }
    }
    std::string precision;
    if (getString(e, "precision", precision, ck, path, ctx, true)) {
        if (auto p = parsePrecision(precision)) ev.precision = *p;
        else ck.problem(path + "/precision", ctx, "field 'precision': expected exact, hour, day or approximate, got '" + precision + "'");
    }
    getString(e, "date_reasoning", ev.dateReasoning, ck, path, ctx, false);
    readPlace(e, ev, ck, path, ctx);
    getString(e, "place_precision", ev.placePrecision, ck, path, ctx, false);
    getString(e, "place_note", ev.placeNote, ck, path, ctx, false);
    getString(e, "site", ev.site, ck, path, ctx, false);
    if (auto s = e.find("scale"); s != e.end()) {
        if (!s->is_number_integer() || s->get<int>() < 1 || s->get<int>() > 3) {
            ck.problem(path + "/scale", ctx, "field 'scale': expected 1, 2 or 3, got " + describe(*s));
        } else {
            ev.scale = s->get<int>();
        }
    }
    if (auto v = e.find("violent"); v != e.end()) {
        if (!v->is_boolean()) ck.problem(path + "/violent", ctx, "field 'violent': expected true or false");
        else ev.violent = v->get<bool>();
    }
    readFigures(e, ev, sourceIds, ck, path, ctx);
    readRecurrence(e, ev, ck, path, ctx);
    std::string status;
    const bool hasStatus = getString(e, "status", status, ck, path, ctx, false);
    if (ev.category == Category::InternetBlackout) {
        if (!hasStatus) ck.problem(path, ctx, "field 'status' is missing (full, partial or restored)");
        else if (status == "full") ev.status = ConnectivityStatus::Full;
        else if (status == "partial") ev.status = ConnectivityStatus::Partial;
        else if (status == "restored") ev.status = ConnectivityStatus::Restored;
        else ck.problem(path + "/status", ctx, "field 'status': expected full, partial or restored, got '" + status + "'");
    }
    getString(e, "description", ev.description, ck, path, ctx, true);
    auto srcIt = e.find("sources");
    if (srcIt == e.end() || !srcIt->is_array() || srcIt->empty()) {
        ck.problem(srcIt == e.end() ? path : path + "/sources", ctx, "field 'sources': needs at least one source");
    } else {
        for (std::size_t i = 0; i < srcIt->size(); ++i) {
            const json& s = (*srcIt)[i];
            const std::string sp = path + "/sources/" + std::to_string(i);
            if (!s.is_object()) {
                ck.problem(sp, ctx, "field 'sources': each entry must be {\"source\": ID, \"quote\": TEXT}");
                continue;
            }
            SourceRef ref;
            if (getString(s, "source", ref.source, ck, sp, ctx, true) && !sourceIds.count(ref.source)) {
                ck.problem(sp + "/source", ctx, "field 'sources': unknown source id '" + ref.source + "'");
            }
            getString(s, "quote", ref.quote, ck, sp, ctx, true);
            ev.sources.push_back(std::move(ref));
        }
    }
    getString(e, "original_type", ev.originalType, ck, path, ctx, false);
    if (auto g = e.find("geo_precision"); g != e.end()) {
        if (!g->is_number_integer() || g->get<long long>() < 1 || g->get<long long>() > 3) {
            ck.problem(path + "/geo_precision", ctx, "field 'geo_precision': expected 1, 2 or 3, got " + describe(*g));
        } else {
            ev.geoPrecision = g->get<int>();
        }
    }
    ds.events.push_back(std::move(ev));
}

}  // namespace

namespace {
DatasetLoad parseDatasetUnchecked(const std::string& text, const std::string& path);
}  // namespace

DatasetLoad parseDataset(const std::string& text, const std::string& path) {
    // Any exception from the JSON library (a value of an unexpected type deep in the file) is a
    // problem with the file, reported like the others, never a crash.
    try {
        return parseDatasetUnchecked(text, path);
    } catch (const json::exception& e) {
        DatasetLoad out;
        out.problemCount = 1;
        out.problems.push_back(Error{ErrorKind::DatasetInvalid, path + ": " + std::string(e.what()).substr(0, 200)});
        return out;
    }
}

namespace {
DatasetLoad parseDatasetUnchecked(const std::string& text, const std::string& path) {
    DatasetLoad out;
    Checker ck(path, out);
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        out.problemCount = 1;
        out.problems.push_back(Error{ErrorKind::JsonSyntax, jsonSyntaxMessage(e.what(), e.byte, text, path)});
        return out;
    } catch (const json::exception& e) {  // e.g. a number beyond double range
        out.problemCount = 1;
        out.problems.push_back(Error{ErrorKind::JsonSyntax, path + ": not valid JSON: " + std::string(e.what()).substr(0, 200)});
        return out;
    }
    if (!doc.is_object()) {
        ck.problem("", "", "expected a JSON object at the top level");
        ck.finish(text);
        return out;
    }
    std::string format;
    getString(doc, "format", format, ck, "", "", true);
    if (!format.empty() && format != "qantar-events") {
        ck.problem("/format", "", "field 'format': expected \"qantar-events\", got '" + format + "'");
    }
    auto ver = doc.find("version");
    if (ver == doc.end() || !ver->is_number_integer()) {
        ck.problem(ver == doc.end() ? "" : "/version", "", "field 'version': missing or not a whole number");
    } else if (ver->get<long long>() != kSupportedVersion) {
        ck.problem("/version", "", "field 'version': unsupported version " + describe(*ver) + " (this build reads version " +
                                       std::to_string(kSupportedVersion) + ")");
    }
    if (ck.any()) {  // a different format or version is not read further: never guess
        ck.finish(text);
        return out;
    }
    Dataset ds;
    ds.path = path;
    getString(doc, "title", ds.title, ck, "", "", false);
    getString(doc, "attribution", ds.attribution, ck, "", "", false);
    if (auto cov = doc.find("coverage"); cov != doc.end() && cov->is_object()) {
        ParsedTime a{}, b{};
        if (getTime(*cov, "start", a, ck, "/coverage", "coverage: ", true)) ds.coverageStart = a.instant;
        if (getTime(*cov, "end", b, ck, "/coverage", "coverage: ", true)) ds.coverageEnd = b.instant;
    }
    std::set<std::string> sourceIds;
    auto srcs = doc.find("sources");
    if (srcs == doc.end() || !srcs->is_array()) {
        ck.problem(srcs == doc.end() ? "" : "/sources", "", "field 'sources': missing or not an array");
    } else {
        for (std::size_t i = 0; i < srcs->size(); ++i) {
            const json& s = (*srcs)[i];
            const std::string sp = "/sources/" + std::to_string(i);
            const std::string ctx = "source " + std::to_string(i + 1) + ": ";
            if (!s.is_object()) {
                ck.problem(sp, ctx, "expected an object");
                continue;
            }
            Source src;
            if (getString(s, "id", src.id, ck, sp, ctx, true) && !sourceIds.insert(src.id).second) {
                ck.problem(sp + "/id", ctx, "field 'id': duplicate source id '" + src.id + "'");
            }
            getString(s, "outlet", src.outlet, ck, sp, ctx, true);
            getString(s, "headline", src.headline, ck, sp, ctx, false);
            getString(s, "file", src.file, ck, sp, ctx, false);
            getString(s, "written", src.written, ck, sp, ctx, false);
            getString(s, "written_reasoning", src.writtenReasoning, ck, sp, ctx, false);
            if (auto inf = s.find("outlet_inferred"); inf != s.end() && inf->is_boolean()) src.outletInferred = inf->get<bool>();
            ds.sources.push_back(std::move(src));
        }
    }
    auto evs = doc.find("events");
    if (evs == doc.end() || !evs->is_array()) {
        ck.problem(evs == doc.end() ? "" : "/events", "", "field 'events': missing or not an array");
    } else {
        std::set<std::string> ids;
        ds.events.reserve(evs->size());
        for (std::size_t i = 0; i < evs->size(); ++i) readEvent((*evs)[i], i, sourceIds, ids, ds, ck);
    }
    if (auto con = doc.find("contradictions"); con != doc.end() && con->is_array()) {
        for (const auto& c : *con) {
            if (!c.is_object()) continue;
            const auto topic = c.find("topic");
            std::string line = (topic != c.end() && topic->is_string() ? topic->get<std::string>() : std::string("?")) + ":";
            if (auto figs = c.find("figures"); figs != c.end() && figs->is_array()) {
                for (const auto& f : *figs) {
                    if (!f.is_object()) continue;
                    const auto v = f.find("value");
                    const auto src = f.find("source");
                    line += " " + (v != f.end() && v->is_string() ? v->get<std::string>() : std::string("?")) + " (" +
                            (src != f.end() && src->is_string() ? src->get<std::string>() : std::string("?")) + ");";
                }
            }
            ds.contradictions.push_back(line);
        }
    }
    if (ck.any()) {
        ck.finish(text);
        return out;
    }
    std::stable_sort(ds.events.begin(), ds.events.end(), [](const Event& a, const Event& b) {
        return a.start != b.start ? a.start < b.start : a.id < b.id;
    });
    out.dataset = std::move(ds);
    return out;
}
}  // namespace

DatasetLoad loadDataset(const std::string& path) {
    auto text = readTextFile(path, kEventFileLimit);
    if (!text) {
        DatasetLoad out;
        out.problemCount = 1;
        out.problems.push_back(text.error());
        return out;
    }
    return parseDataset(*text, path);
}

namespace {

using ordered_json = nlohmann::ordered_json;

void putIfSet(ordered_json& obj, const char* key, const std::string& value) {
    if (!value.empty()) obj[key] = value;
}

std::string clockText(int minutes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
    return buf;
}

ordered_json placeJson(const EventPlace& p) {
    ordered_json o = ordered_json::object();
    if (p.nationwide) o["nationwide"] = true;
    o["name"] = p.name;
    if (p.lonLat) {
        o["lon"] = p.lonLat->lon;
        o["lat"] = p.lonLat->lat;
    }
    putIfSet(o, "region", p.region);
    putIfSet(o, "country", p.country);
    return o;
}

ordered_json figureJson(const Figure& f) {
    ordered_json o = ordered_json::object();
    o["kind"] = figureKindId(f.kind);
    o["value"] = f.value ? ordered_json(*f.value) : ordered_json(nullptr);
    if (f.min) o["min"] = *f.min;
    if (f.max) o["max"] = *f.max;
    putIfSet(o, "qualifier", f.qualifier);
    putIfSet(o, "subject", f.subject);
    o["reported_by"] = f.reportedBy;
    o["as_of"] = f.asOf;
    o["source"] = f.source;
    putIfSet(o, "note", f.note);
    return o;
}

ordered_json eventJson(const Event& e) {
    ordered_json o = ordered_json::object();
    o["id"] = e.id;
    o["category"] = categoryId(e.category);
    o["title"] = e.title;
    o["start"] = formatIso(e.start, e.localZone);
    if (e.hasEnd) o["end"] = formatIso(e.end, e.localZone);
    o["precision"] = precisionName(e.precision);
    putIfSet(o, "date_reasoning", e.dateReasoning);
    o["place"] = placeJson(e.place);
    putIfSet(o, "place_precision", e.placePrecision);
    putIfSet(o, "place_note", e.placeNote);
    putIfSet(o, "site", e.site);
    if (e.scale) o["scale"] = *e.scale;
    if (e.violent) o["violent"] = *e.violent;
    if (!e.figures.empty()) {
        ordered_json figs = ordered_json::array();
        for (const auto& f : e.figures) figs.push_back(figureJson(f));
        o["figures"] = std::move(figs);
    }
    if (e.recurrence) {
        ordered_json r = ordered_json::object();
        r["daily_from"] = clockText(e.recurrence->fromMinutes);
        r["daily_to"] = clockText(e.recurrence->toMinutes);
        if (!e.recurrence->assumed.empty()) r["assumed"] = e.recurrence->assumed;
        putIfSet(r, "assumption_note", e.recurrence->assumptionNote);
        o["recurrence"] = std::move(r);
    }
    switch (e.status) {
        case ConnectivityStatus::Full: o["status"] = "full"; break;
        case ConnectivityStatus::Partial: o["status"] = "partial"; break;
        case ConnectivityStatus::Restored: o["status"] = "restored"; break;
        case ConnectivityStatus::None: break;
    }
    o["description"] = e.description;
    ordered_json refs = ordered_json::array();
    for (const auto& r : e.sources) refs.push_back(ordered_json{{"source", r.source}, {"quote", r.quote}});
    o["sources"] = std::move(refs);
    putIfSet(o, "original_type", e.originalType);
    if (e.geoPrecision > 0) o["geo_precision"] = e.geoPrecision;
    return o;
}

}  // namespace

std::string serializeDataset(const Dataset& ds) {
    ordered_json doc = ordered_json::object();
    doc["format"] = "qantar-events";
    doc["version"] = kSupportedVersion;
    doc["title"] = ds.title;
    putIfSet(doc, "attribution", ds.attribution);
    doc["coverage"] = ordered_json{{"start", formatIso(ds.coverageStart, kAlmatyTime)},
                                   {"end", formatIso(ds.coverageEnd, kAlmatyTime)}};
    ordered_json sources = ordered_json::array();
    for (const auto& s : ds.sources) {
        ordered_json o = ordered_json::object();
        o["id"] = s.id;
        o["outlet"] = s.outlet;
        o["outlet_inferred"] = s.outletInferred;
        putIfSet(o, "headline", s.headline);
        putIfSet(o, "file", s.file);
        putIfSet(o, "written", s.written);
        putIfSet(o, "written_reasoning", s.writtenReasoning);
        sources.push_back(std::move(o));
    }
    doc["sources"] = std::move(sources);
    doc["events"] = ordered_json::array();
    // Invalid UTF-8 from an imported source is replaced rather than thrown on: the file stays readable.
    constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
    const std::string head = doc.dump(2, ' ', false, kReplace);
    // Events are written one at a time, laid out as dump(2) lays out the whole document, so a large
    // import never holds a JSON tree of all its events.
    const std::string emptyEvents = "\"events\": []";
    const std::size_t at = head.rfind(emptyEvents);
    std::string out = head.substr(0, at) + "\"events\": [";
    for (std::size_t i = 0; i < ds.events.size(); ++i) {
        out += i ? ",\n    " : "\n    ";
        for (char c : eventJson(ds.events[i]).dump(2, ' ', false, kReplace)) {
            out += c;
            if (c == '\n') out += "    ";
        }
    }
    out += ds.events.empty() ? "]" : "\n  ]";
    out += head.substr(at + emptyEvents.size());
    return out + "\n";
}

Expected<Dataset> loadDatasetOrError(const std::string& path) {
    DatasetLoad load = loadDataset(path);
    if (load.dataset) return std::move(*load.dataset);
    Error first = load.problems.front();
    if (load.problemCount > 1) {
        first.message += " (and " + std::to_string(load.problemCount - 1) + " more problem" +
                         (load.problemCount > 2 ? "s" : "") + "; run 'qantar validate " + path + "')";
    }
    return first;
}

}  // namespace qantar::core