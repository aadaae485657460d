#include "core/events/event_format.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/events/event_limits.hpp"
#include "core/io/json_locator.hpp"
#include "core/io/json_reader.hpp"
#include "core/io/printable.hpp"
#include "core/io/text_file.hpp"

namespace qantar::core {

using nlohmann::json;

namespace {

constexpr int kSupportedVersion = 1;

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

// ^[a-z0-9]+(-[a-z0-9]+)*$: runs of lowercase letters and digits joined by single hyphens.
// Checked by hand: a regex engine that recurses per character cannot take a long id.
bool isValidId(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (id[i] == '-') {
            if (id[i - 1] == '-') return false;
        } else if (!isLowerAlnum(id[i])) {
            return false;
        }
    }
    return true;
}

// ^[A-Z]{2}-[A-Z0-9]{1,3}$, an ISO 3166-2 code such as KZ-ALA.
bool isValidRegion(std::string_view r) {
    if (r.size() < 4 || r.size() > 6 || !isUpper(r[0]) || !isUpper(r[1]) || r[2] != '-') return false;
    for (std::size_t i = 3; i < r.size(); ++i)
        if (!isUpper(r[i]) && !(r[i] >= '0' && r[i] <= '9')) return false;
    return true;
}

// ^[A-Z]{3}$, an ISO 3166-1 alpha-3 code such as RUS.
bool isValidCountry(std::string_view c) {
    return c.size() == 3 && isUpper(c[0]) && isUpper(c[1]) && isUpper(c[2]);
}

// Collects problems with the JSON path they concern (or a line already known); lines are
// resolved at the end, in one scan, and the problems sorted into file order.
class Checker {
public:
    Checker(const std::string& path, DatasetLoad& out) : m_path(path), m_out(out) {}

    void problem(const std::string& jsonPath, const std::string& context, const std::string& what) {
        ++m_count;
        if (m_pending.size() < DatasetLoad::kMaxProblems) m_pending.push_back({jsonPath, 0, context + what});
    }
    void problemOnLine(std::size_t line, const std::string& what) {
        ++m_count;
        if (m_pending.size() < DatasetLoad::kMaxProblems) m_pending.push_back({std::string(), line, what});
    }
    bool any() const { return m_count > 0; }

    void finish(const std::string& text) {
        std::vector<std::string> paths;
        for (const auto& p : m_pending)
            if (p.line == 0) paths.push_back(p.jsonPath);
        if (!paths.empty()) {
            const JsonLocator locator(text, paths);
            for (auto& p : m_pending)
                if (p.line == 0) p.line = static_cast<std::size_t>(locator.lineOf(p.jsonPath));
        }
        std::stable_sort(m_pending.begin(), m_pending.end(), [](const Pending& a, const Pending& b) { return a.line < b.line; });
        for (const auto& p : m_pending) {
            m_out.problems.push_back(Error{ErrorKind::DatasetInvalid, m_path + ":" + std::to_string(p.line) + ": " + p.what});
        }
        m_out.problemCount = m_count;
    }

private:
    struct Pending {
        std::string jsonPath;
        std::size_t line;
        std::string what;
    };
    std::string m_path;
    DatasetLoad& m_out;
    std::vector<Pending> m_pending;
    std::size_t m_count = 0;
};

// A source id cited before the sources were read (the file lists events first): checked at the end.
struct LaterSourceCheck {
    std::string jsonPath, context, what;  // what: the problem if the id is unknown
    std::string id;
};

// Where events check the source ids they cite: now, or (sources not read yet) at the end.
struct SourceIds {
    const std::set<std::string>* known = nullptr;
    std::vector<LaterSourceCheck>* later = nullptr;

    void check(const std::string& id, Checker& ck, const std::string& jsonPath, const std::string& ctx,
               const std::string& what) const {
        if (known) {
            if (!known->count(id)) ck.problem(jsonPath, ctx, what);
        } else {
            later->push_back({jsonPath, ctx, what, id});
        }
    }
};

std::string tooLong(const char* key, std::size_t chars, std::size_t limit) {
    return std::string("field '") + key + "': " + std::to_string(chars) + " characters, more than the " +
           std::to_string(limit) + " allowed";
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
        ck.problem(path + "/" + key, ctx, std::string("field '") + key + "': expected a string, got " + describeJson(*it));
        return false;
    }
    out = it->get<std::string>();
    if (required && out.empty()) {
        ck.problem(path + "/" + key, ctx, std::string("field '") + key + "' is empty");
        return false;
    }
    return true;
}

// A string field with a length limit (in characters).
void getText(const json& obj, const char* key, std::string& out, std::size_t limit, Checker& ck, const std::string& path,
             const std::string& ctx, bool required) {
    if (!getString(obj, key, out, ck, path, ctx, required)) return;
    if (out.size() <= limit) return;  // never more characters than bytes
    const std::size_t chars = codePointCount(out);
    if (chars > limit) ck.problem(path + "/" + key, ctx, tooLong(key, chars, limit));
}

// The same, into an event's interned text.
bool getString(const json& obj, const char* key, Text& out, Checker& ck, const std::string& path,
               const std::string& ctx, bool required) {
    std::string s = out;
    const bool ok = getString(obj, key, s, ck, path, ctx, required);
    out = s;
    return ok;
}
void getText(const json& obj, const char* key, Text& out, std::size_t limit, Checker& ck, const std::string& path,
             const std::string& ctx, bool required) {
    std::string s = out;
    getText(obj, key, s, limit, ck, path, ctx, required);
    out = s;
}

// The year of a time as written, within kMinEventYear..kMaxEventYear; a problem otherwise.
bool yearInRange(const ParsedTime& t, const char* key, Checker& ck, const std::string& jsonPath, const std::string& ctx) {
    const int year = toCivil(t.instant, t.offset.value_or(kAlmatyTime)).year;
    if (year >= kMinEventYear && year <= kMaxEventYear) return true;
    ck.problem(jsonPath, ctx, std::string("field '") + key + "': year " + std::to_string(year) + " is outside " +
                                  std::to_string(kMinEventYear) + "-" + std::to_string(kMaxEventYear));
    return false;
}

bool getTime(const json& obj, const char* key, ParsedTime& out, Checker& ck, const std::string& path,
             const std::string& ctx, bool required) {
    std::string text;
    if (!getString(obj, key, text, ck, path, ctx, required)) return false;
    auto t = parseIsoTime(text);
    if (!t) {
        ck.problem(path + "/" + key, ctx, std::string("field '") + key + "': " + printable(t.error().message, 200));
        return false;
    }
    if (!t->offset) {
        ck.problem(path + "/" + key, ctx,
                   std::string("field '") + key + "': " + quotedText(text) + " has no UTC offset (write e.g. +06:00 or Z)");
        return false;
    }
    if (!yearInRange(*t, key, ck, path + "/" + key, ctx)) return false;
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
                ck.problem(pp + "/lon", ctx, "field 'place': lon " + describeJson(lon) + ", lat " + describeJson(lat) +
                                                 " is outside -180..180 / -90..90");
            } else {
                ev.place.lonLat = ll;
            }
        }
    }
    if (!ev.place.region.empty() && !isValidRegion(ev.place.region)) {
        ck.problem(pp + "/region", ctx, "field 'place.region': expected an ISO 3166-2 code such as KZ-ALA, got " +
                                            quotedText(ev.place.region));
    }
    if (!ev.place.country.empty() && !isValidCountry(ev.place.country)) {
        ck.problem(pp + "/country", ctx, "field 'place.country': expected an ISO 3166-1 alpha-3 code such as RUS, got " +
                                             quotedText(ev.place.country));
    }
    // A country alone (no point, no region) is a place abroad known only to its country, such as
    // "Russia" for a decision the sources do not place more precisely.
    if (!ev.place.nationwide && !hasLon && ev.place.region.empty() && ev.place.country.empty()) {
        ck.problem(pp, ctx, "field 'place': needs lon/lat, a region code, a country code, or \"nationwide\": true");
    }
    if (ev.place.nationwide && ev.place.name.empty()) ev.place.name = "Kazakhstan";
}

void readFigures(const json& e, Event& ev, const SourceIds& sourceIds, Checker& ck, const std::string& path,
                 const std::string& ctx) {
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
            else ck.problem(fp + "/kind", fctx, "field 'kind': expected deaths, injured or arrests, got " + quotedText(kind));
        }
        bool givenButInvalid = false;
        for (auto [key, dest] : {std::pair{"value", &fig.value}, std::pair{"min", &fig.min}, std::pair{"max", &fig.max}}) {
            auto v = f.find(key);
            if (v == f.end() || v->is_null()) continue;
            givenButInvalid = true;
            if (!v->is_number_integer() || v->get<long long>() < 0) {
                ck.problem(fp + "/" + key, fctx, std::string("field '") + key +
                                                     "': expected a whole number of people (0 or more), got " +
                                                     describeJson(*v));
                continue;
            }
            *dest = v->get<long long>();
            givenButInvalid = false;
        }
        getString(f, "qualifier", fig.qualifier, ck, fp, fctx, false);
        if (!fig.value && !fig.min && !givenButInvalid && !fig.isVague()) {
            ck.problem(fp, fctx, "needs 'value' or 'min', or a word such as \"dozens\" as 'qualifier'");
        }
        if (fig.min && fig.max && *fig.max < *fig.min) ck.problem(fp + "/max", fctx, "field 'max' is below 'min'");
        getString(f, "partial", fig.partial, ck, fp, fctx, false);
        getString(f, "subject", fig.subject, ck, fp, fctx, false);
        getString(f, "reported_by", fig.reportedBy, ck, fp, fctx, true);
        getString(f, "note", fig.note, ck, fp, fctx, false);
        if (getString(f, "as_of", fig.asOf, ck, fp, fctx, true)) {
            auto t = parseIsoTime(fig.asOf, kAlmatyTime);
            if (!t) ck.problem(fp + "/as_of", fctx, "field 'as_of': " + printable(t.error().message, 200));
            else if (yearInRange(*t, "as_of", ck, fp + "/as_of", fctx)) fig.asOfInstant = t->instant;
        }
        if (getString(f, "source", fig.source, ck, fp, fctx, true)) {
            sourceIds.check(fig.source, ck, fp + "/source", fctx, "field 'source': unknown source id " + quotedText(fig.source));
        }
        fig.asOfDayOnly = fig.asOf.size() <= 10;
        if (auto w = f.find("withdrawn"); w != f.end() && !w->is_null()) {
            const std::string wp = fp + "/withdrawn";
            if (!w->is_object()) {
                ck.problem(wp, fctx, "field 'withdrawn': expected an object {\"as_of\": DATE, \"reason\": TEXT}, got " +
                                         describeJson(*w));
            } else {
                std::string when;
                if (getString(*w, "as_of", when, ck, wp, fctx + "withdrawn: ", true)) {
                    auto t = parseIsoTime(when, kAlmatyTime);
                    if (!t) {
                        ck.problem(wp + "/as_of", fctx, "field 'withdrawn/as_of': " + printable(t.error().message, 200));
                    } else if (yearInRange(*t, "withdrawn/as_of", ck, wp + "/as_of", fctx)) {
                        fig.withdrawnAsOf = when;
                        fig.withdrawnInstant = t->instant;
                        if (fig.withdrawnInstant < fig.asOfInstant) {
                            ck.problem(wp + "/as_of", fctx, "field 'withdrawn/as_of': before the figure's own 'as_of'");
                        }
                    }
                }
                getString(*w, "reason", fig.withdrawnReason, ck, wp, fctx + "withdrawn: ", false);
            }
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
            ck.problem(rp + "/" + key, ctx, std::string("field 'recurrence.") + key + "': expected HH:MM, got " + quotedText(text));
            ok = false;
            continue;
        }
        *dest = *m;
    }
    if (ok && r.fromMinutes == r.toMinutes) ck.problem(rp, ctx, "field 'recurrence': daily_from equals daily_to");
    if (auto a = it->find("assumed"); a != it->end()) {
        if (!a->is_array()) {
            ck.problem(rp + "/assumed", ctx, "field 'recurrence.assumed': expected a list such as [\"daily_to\"], got " + describeJson(*a));
        } else {
            for (std::size_t k = 0; k < a->size(); ++k) {
                const json& x = (*a)[k];
                if (x.is_string() && (x == "daily_from" || x == "daily_to")) {
                    if (std::find(r.assumed.begin(), r.assumed.end(), x.get<std::string>()) == r.assumed.end())
                        r.assumed.push_back(x.get<std::string>());
                } else {
                    ck.problem(rp + "/assumed/" + std::to_string(k), ctx,
                               "field 'recurrence.assumed': expected \"daily_from\" or \"daily_to\", got " +
                                   (x.is_string() ? quotedText(x.get<std::string>()) : describeJson(x)));
                }
            }
        }
    }
    getString(*it, "assumption_note", r.assumptionNote, ck, rp, ctx, false);
    if (!r.assumed.empty() && r.assumptionNote.empty()) {
        // An assumption is never silent: the app shows the note with the assumed hours.
        ck.problem(rp, ctx, "field 'recurrence': 'assumed' hours need an 'assumption_note' saying why they were filled in");
    }
    ev.recurrence = r;
}

// `datedByArticle` collects the positions in ds.events of events with a `dated_by_article` and a
// valid start, for checkDatedByArticle.
void readEvent(const json& e, std::size_t index, const SourceIds& sourceIds, Dataset& ds,
               std::vector<std::size_t>& fileIndex, std::vector<std::size_t>& datedByArticle, Checker& ck) {
    const std::string path = "/events/" + std::to_string(index);
    std::string ctx = "event " + std::to_string(index + 1) + ": ";
    if (!e.is_object()) {
        ck.problem(path, ctx, "expected an object, got " + describeJson(e));
        return;
    }
    Event ev;
    if (getString(e, "id", ev.id, ck, path, ctx, true)) {
        ctx = "event " + quotedText(ev.id) + ": ";
        // Unique ids are checked once all events are read.
        if (!isValidId(ev.id)) ck.problem(path + "/id", ctx, "field 'id': use lowercase letters, digits and single hyphens");
    }
    std::string category;
    if (getString(e, "category", category, ck, path, ctx, true)) {
        if (auto c = parseCategory(category)) ev.category = *c;
        else ck.problem(path + "/category", ctx, "field 'category': unknown category " + quotedText(category));
    }
    getText(e, "title", ev.title, kMaxEventTitleChars, ck, path, ctx, true);
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
        else ck.problem(path + "/precision", ctx, "field 'precision': expected exact, hour, day or approximate, got " + quotedText(precision));
    }
    getString(e, "date_reasoning", ev.dateReasoning, ck, path, ctx, false);
    if (getString(e, "dated_by_article", ev.datedByArticle, ck, path, ctx, false)) {
        if (auto p = parsePrecision(precision); p && *p != Precision::Approximate) {
            ck.problem(path + "/precision", ctx, "field 'precision': an event dated only by when an article was written (" +
                                                     quotedText(ev.datedByArticle) + ") is approximate, not " + precision);
        }
        // Its window is checked against the article's dates once every source is known.
        if (hasStart) datedByArticle.push_back(ds.events.size());
    }
    readPlace(e, ev, ck, path, ctx);
    getString(e, "place_precision", ev.placePrecision, ck, path, ctx, false);
    getString(e, "place_note", ev.placeNote, ck, path, ctx, false);
    getString(e, "site", ev.site, ck, path, ctx, false);
    if (auto s = e.find("scale"); s != e.end()) {
        if (!s->is_number_integer() || s->get<long long>() < 1 || s->get<long long>() > 3) {
            ck.problem(path + "/scale", ctx, "field 'scale': expected 1, 2 or 3, got " + describeJson(*s));
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
        else ck.problem(path + "/status", ctx, "field 'status': expected full, partial or restored, got " + quotedText(status));
    }
    getText(e, "description", ev.description, kMaxEventDescriptionChars, ck, path, ctx, true);
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
            if (getString(s, "source", ref.source, ck, sp, ctx, true)) {
                sourceIds.check(ref.source, ck, sp + "/source", ctx, "field 'sources': unknown source id " + quotedText(ref.source));
            }
            getString(s, "quote", ref.quote, ck, sp, ctx, true);
            ev.sources.push_back(std::move(ref));
        }
    }
    getString(e, "original_type", ev.originalType, ck, path, ctx, false);
    if (auto g = e.find("geo_precision"); g != e.end()) {
        if (!g->is_number_integer() || g->get<long long>() < 1 || g->get<long long>() > 3) {
            ck.problem(path + "/geo_precision", ctx, "field 'geo_precision': expected 1, 2 or 3, got " + describeJson(*g));
        } else {
            ev.geoPrecision = g->get<int>();
        }
    }
    ds.events.push_back(std::move(ev));
    fileIndex.push_back(index);
}

// `format` and `version`: a file of another format or version is not read further (never guess).
void checkHeader(const json& doc, Checker& ck) {
    std::string format;
    getString(doc, "format", format, ck, "", "", true);
    if (!format.empty() && format != "qantar-events") {
        ck.problem("/format", "", "field 'format': expected \"qantar-events\", got " + quotedText(format));
    }
    auto ver = doc.find("version");
    if (ver == doc.end() || !ver->is_number_integer()) {
        ck.problem(ver == doc.end() ? "" : "/version", "", "field 'version': missing or not a whole number");
    } else if (ver->get<long long>() != kSupportedVersion) {
        ck.problem("/version", "", "field 'version': unsupported version " + describeJson(*ver) +
                                       " (this build reads version " + std::to_string(kSupportedVersion) + ")");
    }
}

// An optional true/false field; a present non-boolean is a problem.
void getBool(const json& obj, const char* key, bool& out, Checker& ck, const std::string& path, const std::string& ctx) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return;
    if (!it->is_boolean()) {
        ck.problem(path + "/" + key, ctx, std::string("field '") + key + "': expected true or false, got " + describeJson(*it));
        return;
    }
    out = it->get<bool>();
}

// A bare ISO date (YYYY-MM-DD), as `written` and `written_earliest` are written; its local midnight
// in `zone`. A problem, and nothing, when the text is something else.
std::optional<Instant> readDate(const std::string& text, ZoneOffset zone, const char* key, Checker* ck,
                                const std::string& jsonPath, const std::string& ctx) {
    auto t = parseIsoTime(text, zone);
    if (!t || t->offset || t->precision != Precision::Day) {
        if (ck) ck->problem(jsonPath, ctx, std::string("field '") + key + "': expected a date such as 2022-01-12, got " + quotedText(text));
        return std::nullopt;
    }
    if (ck && !yearInRange(*t, key, *ck, jsonPath, ctx)) return std::nullopt;
    return t->instant;
}

// `written` is the last day an article can have been written; `written_earliest`, when the
// article is undated, the first. Both dates, the window running forwards.
void readWrittenWindow(const json& s, Source& src, Checker& ck, const std::string& sp, const std::string& ctx) {
    const bool hasLast = getString(s, "written", src.written, ck, sp, ctx, false) && !src.written.empty();
    const bool hasFirst = getString(s, "written_earliest", src.writtenEarliest, ck, sp, ctx, false) && !src.writtenEarliest.empty();
    std::optional<Instant> last, first;
    if (hasLast) last = readDate(src.written, kAlmatyTime, "written", &ck, sp + "/written", ctx);
    if (hasFirst) first = readDate(src.writtenEarliest, kAlmatyTime, "written_earliest", &ck, sp + "/written_earliest", ctx);
    if (hasFirst && !hasLast) {
        ck.problem(sp + "/written_earliest", ctx, "field 'written_earliest': needs 'written', the last day the article can have been written");
    } else if (first && last && *last < *first) {
        ck.problem(sp + "/written_earliest", ctx, "field 'written_earliest': " + quotedText(src.writtenEarliest) +
                                                    " is later than 'written' " + quotedText(src.written));
    }
}

void readSources(const json& doc, Dataset& ds, std::set<std::string>& sourceIds, Checker& ck) {
    auto srcs = doc.find("sources");
    if (srcs == doc.end() || !srcs->is_array()) {
        ck.problem(srcs == doc.end() ? "" : "/sources", "", "field 'sources': missing or not an array");
        return;
    }
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
            ck.problem(sp + "/id", ctx, "field 'id': duplicate source id " + quotedText(src.id));
        }
        getString(s, "outlet", src.outlet, ck, sp, ctx, true);
        getString(s, "headline", src.headline, ck, sp, ctx, false);
        getString(s, "file", src.file, ck, sp, ctx, false);
        getString(s, "written_reasoning", src.writtenReasoning, ck, sp, ctx, false);
        if (auto inf = s.find("outlet_inferred"); inf != s.end() && inf->is_boolean()) src.outletInferred = inf->get<bool>();
        getString(s, "published_by", src.publishedBy, ck, sp, ctx, false);
        getBool(s, "published_by_inferred", src.publishedByInferred, ck, sp, ctx);
        if (src.publishedByInferred && src.publishedBy.empty()) {
            ck.problem(sp + "/published_by_inferred", ctx, "field 'published_by_inferred': there is no 'published_by'");
        }
        getString(s, "copy_note", src.copyNote, ck, sp, ctx, false);
        readWrittenWindow(s, src, ck, sp, ctx);
        ds.sources.push_back(std::move(src));
    }
}

void readCoverage(const json& doc, Dataset& ds, Checker& ck) {
    auto cov = doc.find("coverage");
    if (cov == doc.end() || !cov->is_object()) return;
    ParsedTime a{}, b{};
    const bool hasStart = getTime(*cov, "start", a, ck, "/coverage", "coverage: ", true);
    const bool hasEnd = getTime(*cov, "end", b, ck, "/coverage", "coverage: ", true);
    if (hasStart) ds.coverageStart = a.instant;
    if (hasEnd) ds.coverageEnd = b.instant;
    if (hasStart && hasEnd && b.instant <= a.instant) {
        ck.problem("/coverage/end", "coverage: ", "field 'end': must be later than 'start'");
    }
}

// An event dated only by when an article was written spans every day the article can have been
// written (docs/event-format.md, "Undated articles"): it cites that article, and its start and end
// cover the local days from `written_earliest` to `written`, in the event's own offset.
void checkDatedByArticle(const Dataset& ds, const std::vector<std::size_t>& fileIndex,
                         const std::vector<std::size_t>& positions, Checker& ck) {
    for (std::size_t k : positions) {
        const Event& e = ds.events[k];
        const std::string path = "/events/" + std::to_string(fileIndex[k]);
        const std::string ctx = "event " + quotedText(e.id) + ": ";
        const Source* src = nullptr;
        for (const auto& s : ds.sources)
            if (s.id == e.datedByArticle) src = &s;
        if (!src) {
            ck.problem(path + "/dated_by_article", ctx, "field 'dated_by_article': unknown source id " + quotedText(e.datedByArticle));
            continue;
        }
        const bool cited = std::any_of(e.sources.begin(), e.sources.end(), [&](const SourceRef& r) { return r.source == src->id; });
        if (!cited) {
            ck.problem(path + "/dated_by_article", ctx, "field 'dated_by_article': the event does not cite " +
                                                            quotedText(src->id) + " in its 'sources'");
            continue;
        }
        if (src->written.empty()) continue;  // no dates to span
        const std::string& firstText = src->writtenEarliest.empty() ? src->written : src->writtenEarliest;
        const auto first = readDate(firstText, e.localZone, "written_earliest", nullptr, "", "");
        const auto last = readDate(src->written, e.localZone, "written", nullptr, "", "");
        if (!first || !last || *last < *first) continue;  // the source's own problem is reported there
        const Instant after = *last + Duration::days(1);
        if (!e.hasEnd || e.start > *first || e.end < after) {
            ck.problem(path + (e.start > *first ? "/start" : e.hasEnd ? "/end" : ""), ctx,
                       "dated only by when " + quotedText(src->id) + " was written (" + firstText +
                           (firstText == src->written ? "" : " to " + src->written) + "), so it must span those days: "
                           "'start' at the latest " + formatIso(*first, e.localZone) + ", 'end' at the earliest " +
                           formatIso(after, e.localZone));
        }
    }
}

// Event ids are unique: with the events ordered by id (an index, not a copy), equal ids are
// neighbours. Returns that order, for looking ids up.
std::vector<std::size_t> checkUniqueIds(const Dataset& ds, const std::vector<std::size_t>& fileIndex, Checker& ck) {
    std::vector<std::size_t> byId(ds.events.size());
    std::iota(byId.begin(), byId.end(), std::size_t{0});
    std::stable_sort(byId.begin(), byId.end(),
                     [&](std::size_t a, std::size_t b) { return ds.events[a].id < ds.events[b].id; });
    for (std::size_t k = 1; k < byId.size(); ++k) {
        const Event& e = ds.events[byId[k]];
        if (e.id.empty() || e.id != ds.events[byId[k - 1]].id || !isValidId(e.id)) continue;
        ck.problem("/events/" + std::to_string(fileIndex[byId[k]]) + "/id", "event " + quotedText(e.id) + ": ",
                   "field 'id': duplicate id (ids must be unique)");
    }
    return byId;
}

// Each disagreement is kept as a display line; the events and sources it cites must exist.
void readContradictions(const json& doc, Dataset& ds, const std::set<std::string>& sourceIds,
                        const std::vector<std::size_t>& byId, Checker& ck) {
    auto con = doc.find("contradictions");
    if (con == doc.end() || !con->is_array()) return;
    auto knownEvent = [&](const std::string& id) {
        auto it = std::lower_bound(byId.begin(), byId.end(), id,
                                   [&](std::size_t k, const std::string& v) { return ds.events[k].id < v; });
        return it != byId.end() && ds.events[*it].id == id;
    };
    for (std::size_t i = 0; i < con->size(); ++i) {
        const json& c = (*con)[i];
        if (!c.is_object()) continue;
        const std::string cp = "/contradictions/" + std::to_string(i);
        const std::string ctx = "contradiction " + std::to_string(i + 1) + ": ";
        Contradiction entry;
        if (const auto topic = c.find("topic"); topic != c.end() && topic->is_string()) entry.topic = topic->get<std::string>();
        if (const auto note = c.find("note"); note != c.end() && note->is_string()) entry.note = note->get<std::string>();
        if (auto figs = c.find("figures"); figs != c.end() && figs->is_array()) {
            for (std::size_t k = 0; k < figs->size(); ++k) {
                const json& f = (*figs)[k];
                if (!f.is_object()) continue;
                const auto v = f.find("value");
                const auto src = f.find("source");
                const bool hasSource = src != f.end() && src->is_string();
                entry.claims.push_back(Contradiction::Claim{v != f.end() && v->is_string() ? v->get<std::string>() : std::string(),
                                                          hasSource ? src->get<std::string>() : std::string()});
                if (hasSource && !sourceIds.count(src->get_ref<const std::string&>())) {
                    ck.problem(cp + "/figures/" + std::to_string(k) + "/source", ctx,
                               "field 'source': unknown source id " + quotedText(src->get_ref<const std::string&>()));
                }
            }
        }
        if (auto ids = c.find("event_ids"); ids != c.end() && ids->is_array()) {
            for (std::size_t k = 0; k < ids->size(); ++k) {
                const json& id = (*ids)[k];
                if (id.is_string()) entry.eventIds.push_back(id.get<std::string>());
                if (id.is_string() && !knownEvent(id.get_ref<const std::string&>())) {
                    ck.problem(cp + "/event_ids/" + std::to_string(k), ctx,
                               "field 'event_ids': unknown event id " + quotedText(id.get_ref<const std::string&>()));
                }
            }
        }
        ds.contradictions.push_back(std::move(entry));
    }
}

// Sorts events by start, then id, moving each event once (a sorted index applied in place):
// a copy or a merge buffer of a million events would double the memory of the load.
void sortEvents(std::vector<Event>& events) {
    auto before = [](const Event& a, const Event& b) { return a.start != b.start ? a.start < b.start : a.id < b.id; };
    if (std::is_sorted(events.begin(), events.end(), before)) return;
    std::vector<std::size_t> order(events.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return before(events[a], events[b]); });
    // order[k] is the event that belongs at k; follow each cycle once.
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == i) continue;
        Event held = std::move(events[i]);
        std::size_t j = i;
        for (;;) {
            const std::size_t k = order[j];
            order[j] = j;
            if (k == i) {
                events[j] = std::move(held);
                break;
            }
            events[j] = std::move(events[k]);
            j = k;
        }
    }
}

DatasetLoad parseDatasetUnchecked(const std::string& text, const std::string& path) {
    DatasetLoad out;
    Checker ck(path, out);
    Checker header(path, out);  // when it has a problem, the only ones reported
    Dataset ds;
    ds.path = path;
    std::set<std::string> sourceIds;
    std::vector<LaterSourceCheck> later;
    std::vector<std::size_t> fileIndex;  // of each event read, its index in the file's array
    std::vector<std::size_t> datedByArticle;
    bool headerChecked = false, sourcesRead = false;

    // Events are read one at a time as the parser finishes each, so the file is never held as a
    // whole JSON tree; the members before "events" (format, version, sources) are already known.
    JsonReadOptions options;
    options.streamKey = "events";
    options.maxDuplicates = DatasetLoad::kMaxProblems;
    options.onElementCount = [&](std::size_t n) {
        ds.events.reserve(n);
        fileIndex.reserve(n);
    };
    options.onElement = [&](std::size_t index, const json& element, const json& doc) {
        if (!headerChecked && doc.contains("format") && doc.contains("version")) {
            headerChecked = true;
            checkHeader(doc, header);
            if (header.any()) return false;
        }
        if (!sourcesRead && doc.contains("sources")) {
            sourcesRead = true;
            readSources(doc, ds, sourceIds, ck);
        }
        const SourceIds ids{sourcesRead ? &sourceIds : nullptr, &later};
        readEvent(element, index, ids, ds, fileIndex, datedByArticle, ck);
        return true;
    };
    JsonRead read = readJson(text, path, options);
    if (read.error) {
        out.problemCount = 1;
        out.problems.push_back(*read.error);
        return out;
    }
    const json& doc = read.doc;
    if (!read.stopped && !doc.is_object()) {
        header.problem("", "", "expected a JSON object at the top level, got " + describeJson(doc));
    } else if (!headerChecked) {
        checkHeader(doc, header);
    }
    if (header.any()) {
        header.finish(text);
        return out;
    }
    for (const auto& d : read.duplicates) {
        ck.problemOnLine(d.line, "key " + quotedText(d.key) + " appears twice in the same object (first on line " +
                                     std::to_string(d.firstLine) + "); each key may appear once");
    }
    getString(doc, "title", ds.title, ck, "", "", false);
    getString(doc, "attribution", ds.attribution, ck, "", "", false);
    readCoverage(doc, ds, ck);
    if (!sourcesRead) readSources(doc, ds, sourceIds, ck);
    for (const auto& c : later)
        if (!sourceIds.count(c.id)) ck.problem(c.jsonPath, c.context, c.what);
    auto evs = doc.find("events");
    if (evs == doc.end() || !evs->is_array()) {
        ck.problem(evs == doc.end() ? "" : "/events", "", "field 'events': missing or not an array");
    }
    checkDatedByArticle(ds, fileIndex, datedByArticle, ck);
    const std::vector<std::size_t> byId = checkUniqueIds(ds, fileIndex, ck);
    readContradictions(doc, ds, sourceIds, byId, ck);
    if (ck.any()) {
        ck.finish(text);
        return out;
    }
    sortEvents(ds.events);
    out.dataset = std::move(ds);
    return out;
}

}  // namespace

DatasetLoad parseDataset(const std::string& text, const std::string& path) {
    // Any exception from the JSON library (a value of an unexpected type deep in the file) is a
    // problem with the file, reported like the others, never a crash.
    try {
        return parseDatasetUnchecked(text, path);
    } catch (const json::exception& e) {
        DatasetLoad out;
        out.problemCount = 1;
        std::string what = e.what();
        if (what.rfind("[json.exception.", 0) == 0 && what.find("] ") != std::string::npos) what = what.substr(what.find("] ") + 2);
        out.problems.push_back(Error{ErrorKind::DatasetInvalid, path + ": " + printable(what, 200)});
        return out;
    }
}

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
    putIfSet(o, "partial", f.partial);
    if (f.withdrawnAsOf) {
        ordered_json w = ordered_json::object();
        w["as_of"] = *f.withdrawnAsOf;
        putIfSet(w, "reason", f.withdrawnReason);
        o["withdrawn"] = std::move(w);
    }
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
    putIfSet(o, "dated_by_article", e.datedByArticle);
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
        putIfSet(o, "published_by", s.publishedBy);
        if (!s.publishedBy.empty()) o["published_by_inferred"] = s.publishedByInferred;
        putIfSet(o, "copy_note", s.copyNote);
        putIfSet(o, "headline", s.headline);
        putIfSet(o, "file", s.file);
        putIfSet(o, "written_earliest", s.writtenEarliest);
        putIfSet(o, "written", s.written);
        putIfSet(o, "written_reasoning", s.writtenReasoning);
        sources.push_back(std::move(o));
    }
    doc["sources"] = std::move(sources);
    doc["events"] = ordered_json::array();
    if (!ds.contradictions.empty()) {
        ordered_json cons = ordered_json::array();
        for (const auto& c : ds.contradictions) {
            ordered_json o = ordered_json::object();
            o["topic"] = c.topic;
            ordered_json claims = ordered_json::array();
            for (const auto& f : c.claims) claims.push_back(ordered_json{{"value", f.value}, {"source", f.source}});
            o["figures"] = std::move(claims);
            o["event_ids"] = c.eventIds;
            putIfSet(o, "note", c.note);
            cons.push_back(std::move(o));
        }
        doc["contradictions"] = std::move(cons);
    }
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