#include "core/geo/geojson.hpp"

#include "core/io/text_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "core/io/json_reader.hpp"
#include "core/io/printable.hpp"

namespace qantar::core {

using nlohmann::json;

std::string GeoFeature::text(const std::string& key, const std::string& fallback) const {
    auto it = properties.find(key);
    if (it == properties.end()) return fallback;
    if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
    return fallback;
}

double GeoFeature::number(const std::string& key, double fallback) const {
    auto it = properties.find(key);
    if (it == properties.end()) return fallback;
    if (const auto* d = std::get_if<double>(&it->second)) return *d;
    return fallback;
}

bool GeoFeature::flag(const std::string& key) const {
    auto it = properties.find(key);
    if (it == properties.end()) return false;
    if (const auto* b = std::get_if<bool>(&it->second)) return *b;
    return false;
}

bool GeoFeature::has(const std::string& key) const {
    auto it = properties.find(key);
    return it != properties.end() && !std::holds_alternative<std::monostate>(it->second);
}

namespace {

struct Ctx {
    const std::string& path;
    std::string where;  // "feature 3 ('Almaty')"
    Error fail(ErrorKind kind, const std::string& what) const { return Error{kind, path + ": " + where + ": " + what}; }
};

// GeoJSON positions are [longitude, latitude(, altitude)] — RFC 7946 §3.1.1 fixes this order.
Status readPosition(const json& j, LonLat& out, const Ctx& c, const char* field) {
    if (!j.is_array() || j.size() < 2 || !j[0].is_number() || !j[1].is_number()) {
        return c.fail(ErrorKind::GeoJsonGeometry,
                      std::string("field '") + field + "': expected a position [lon, lat], got " + describeJson(j));
    }
    out = LonLat{j[0].get<double>(), j[1].get<double>()};
    if (!out.valid()) {
        return c.fail(ErrorKind::GeoJsonGeometry, std::string("field '") + field + "': position [" +
                                                      describeJson(j[0]) + ", " + describeJson(j[1]) +
                                                      "] is outside lon -180..180 / lat -90..90");
    }
    return std::nullopt;
}

Status readLine(const json& j, std::vector<LonLat>& out, const Ctx& c, const char* field, std::size_t minPoints) {
    if (!j.is_array()) return c.fail(ErrorKind::GeoJsonGeometry, std::string("field '") + field + "': expected an array of positions");
    out.clear();
    out.reserve(j.size());
    for (const auto& p : j) {
        LonLat ll;
        if (auto err = readPosition(p, ll, c, field)) return err;
        out.push_back(ll);
    }
    if (out.size() < minPoints) {
        return c.fail(ErrorKind::GeoJsonGeometry, std::string("field '") + field + "': needs at least " +
                                                      std::to_string(minPoints) + " positions, got " +
                                                      std::to_string(out.size()));
    }
    return std::nullopt;
}

Status readPolygon(const json& j, LonLatPolygon& out, const Ctx& c) {
    if (!j.is_array() || j.empty()) {
        return c.fail(ErrorKind::GeoJsonGeometry, "field 'coordinates': a polygon needs at least one ring");
    }
    for (const auto& r : j) {
        std::vector<LonLat> ring;
        if (auto err = readLine(r, ring, c, "coordinates", 4)) return err;
        const LonLat& a = ring.front();
        const LonLat& b = ring.back();
        if (a.lon != b.lon || a.lat != b.lat) {
            return c.fail(ErrorKind::GeoJsonGeometry, "field 'coordinates': polygon ring is not closed (first and last positions differ)");
        }
        ring.pop_back();  // stored open
        out.rings.push_back(std::move(ring));
    }
    return std::nullopt;
}

Status readGeometry(const json& g, GeoFeature& f, const Ctx& c) {
    if (g.is_null()) return std::nullopt;  // allowed by RFC 7946: a feature without geometry
    if (!g.is_object()) return c.fail(ErrorKind::GeoJsonStructure, "field 'geometry': expected an object or null");
    auto typeIt = g.find("type");
    if (typeIt == g.end() || !typeIt->is_string()) {
        return c.fail(ErrorKind::GeoJsonStructure, "field 'geometry.type': missing or not a string");
    }
    const std::string type = typeIt->get<std::string>();
    auto coordIt = g.find("coordinates");
    if (coordIt == g.end()) return c.fail(ErrorKind::GeoJsonGeometry, "field 'geometry.coordinates' is missing");
    const json& co = *coordIt;
    if (type == "Point") {
        LonLat ll;
        if (auto err = readPosition(co, ll, c, "coordinates")) return err;
        f.points.push_back(ll);
    } else if (type == "MultiPoint") {
        std::vector<LonLat> pts;
        if (auto err = readLine(co, pts, c, "coordinates", 1)) return err;
        f.points.insert(f.points.end(), pts.begin(), pts.end());
    } else if (type == "LineString") {
        std::vector<LonLat> line;
        if (auto err = readLine(co, line, c, "coordinates", 2)) return err;
        f.lines.push_back(std::move(line));
    } else if (type == "MultiLineString") {
        if (!co.is_array()) return c.fail(ErrorKind::GeoJsonGeometry, "field 'coordinates': expected an array of lines");
        for (const auto& l : co) {
            std::vector<LonLat> line;
            if (auto err = readLine(l, line, c, "coordinates", 2)) return err;
            f.lines.push_back(std::move(line));
        }
    } else if (type == "Polygon") {
        LonLatPolygon poly;
        if (auto err = readPolygon(co, poly, c)) return err;
        f.polygons.push_back(std::move(poly));
    } else if (type == "MultiPolygon") {
        if (!co.is_array()) return c.fail(ErrorKind::GeoJsonGeometry, "field 'coordinates': expected an array of polygons");
        for (const auto& p : co) {
            LonLatPolygon poly;
            if (auto err = readPolygon(p, poly, c)) return err;
            f.polygons.push_back(std::move(poly));
        }
    } else {
        return c.fail(ErrorKind::GeoJsonGeometry, "field 'geometry.type': unsupported type " + quotedText(type));
    }
    return std::nullopt;
}

}  // namespace

namespace {
Expected<GeoFeatureCollection> parseGeoJsonUnchecked(const std::string& text, const std::string& path);
}  // namespace

Expected<GeoFeatureCollection> parseGeoJson(const std::string& text, const std::string& path) {
    // The JSON library reports some problems by throwing (e.g. a number beyond double range);
    // none of them may escape as a crash.
    try {
        return parseGeoJsonUnchecked(text, path);
    } catch (const json::exception& e) {
        std::string what = e.what();
        if (what.rfind("[json.exception.", 0) == 0 && what.find("] ") != std::string::npos) what = what.substr(what.find("] ") + 2);
        return Error{ErrorKind::JsonSyntax, path + ": not valid JSON: " + printable(what, 200)};
    }
}

namespace {
Expected<GeoFeatureCollection> parseGeoJsonUnchecked(const std::string& text, const std::string& path) {
    // Nesting past kMaxJsonDepth is refused before parsing: nothing that walks the document can
    // then run out of stack.
    if (const JsonPrescan scan = prescanJson(text); scan.tooDeepAt) {
        const TextPosition at = textPosition(text, *scan.tooDeepAt);
        return Error{ErrorKind::JsonSyntax, path + ":" + std::to_string(at.line) + ": nested deeper than " +
                                                std::to_string(kMaxJsonDepth) + " levels of arrays and objects at column " +
                                                std::to_string(at.column) + " (the limit; GeoJSON needs at most 7)"};
    }
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {  // parse errors, and numbers too large for a double
        std::string msg = e.what();
        // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line L, column C: ..."
        const auto pos = msg.find("parse error");
        if (pos != std::string::npos) msg = msg.substr(pos);
        // nlohmann echoes the bytes it read; they may not be valid UTF-8, so they are left out.
        msg = msg.substr(0, msg.find("; last read"));
        return Error{ErrorKind::JsonSyntax, path + ": not valid JSON: " + printable(msg, 200)};
    }
    if (!doc.is_object()) return Error{ErrorKind::GeoJsonStructure, path + ": expected a JSON object at the top level"};
    auto typeIt = doc.find("type");
    if (typeIt == doc.end() || !typeIt->is_string() || typeIt->get<std::string>() != "FeatureCollection") {
        return Error{ErrorKind::GeoJsonStructure, path + ": field 'type': expected \"FeatureCollection\""};
    }
    auto featIt = doc.find("features");
    if (featIt == doc.end() || !featIt->is_array()) {
        return Error{ErrorKind::GeoJsonStructure, path + ": field 'features': missing or not an array"};
    }
    GeoFeatureCollection out;
    out.path = path;
    out.features.reserve(featIt->size());
    std::size_t index = 0;
    for (const auto& jf : *featIt) {
        Ctx c{path, "feature " + std::to_string(index)};
        if (!jf.is_object()) return c.fail(ErrorKind::GeoJsonStructure, "expected a Feature object");
        GeoFeature f;
        auto propIt = jf.find("properties");
        if (propIt != jf.end() && propIt->is_object()) {
            for (auto it = propIt->begin(); it != propIt->end(); ++it) {
                const json& v = it.value();
                if (v.is_string()) f.properties[it.key()] = v.get<std::string>();
                else if (v.is_boolean()) f.properties[it.key()] = v.get<bool>();
                else if (v.is_number()) f.properties[it.key()] = v.get<double>();
                else f.properties[it.key()] = std::monostate{};
            }
            if (f.has("name")) c.where += " (" + quotedText(f.text("name")) + ")";
        } else if (propIt != jf.end() && !propIt->is_null()) {
            return c.fail(ErrorKind::GeoJsonStructure, "field 'properties': expected an object or null");
        }
        auto geomIt = jf.find("geometry");
        if (geomIt == jf.end()) return c.fail(ErrorKind::GeoJsonStructure, "field 'geometry' is missing");
        if (auto err = readGeometry(*geomIt, f, c)) return *err;
        out.features.push_back(std::move(f));
        ++index;
    }
    return out;
}
}  // namespace

Expected<GeoFeatureCollection> loadGeoJson(const std::string& path) {
    auto text = readTextFile(path, kGeoJsonFileLimit);
    if (!text) return text.error();
    return parseGeoJson(*text, path);
}

}  // namespace qantar::core
