#include "core/story/story.hpp"

#include "core/io/text_file.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/io/atomic_file.hpp"
#include "core/io/json_locator.hpp"
#include "core/io/json_reader.hpp"
#include "core/io/printable.hpp"

namespace qantar::core {

using nlohmann::json;

namespace {

constexpr int kStoryVersion = 1;

struct Problem {
    std::string jsonPath, what;
    std::size_t line = 0;  // known already (a repeated key), else found from jsonPath
};

// A text field with a length limit in characters.
void readText(const json& obj, const char* key, std::string& out, std::size_t limit, std::vector<Problem>& problems,
              const std::string& path, const std::string& ctx) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return;
    out = it->get<std::string>();
    if (out.size() <= limit) return;  // never more characters than bytes
    const std::size_t chars = codePointCount(out);
    if (chars > limit) {
        problems.push_back({path + "/" + key, ctx + "field '" + key + "': " + std::to_string(chars) +
                                                  " characters, more than the " + std::to_string(limit) + " allowed"});
    }
}

bool readTime(const json& obj, const char* key, Instant& out, ZoneOffset* zone, std::vector<Problem>& problems,
              const std::string& path, const std::string& ctx) {
    auto it = obj.find(key);
    if (it == obj.end()) return false;
    if (!it->is_string()) {
        problems.push_back({path + "/" + key, ctx + "field '" + key + "': expected an ISO-8601 time string"});
        return false;
    }
    auto t = parseIsoTime(it->get<std::string>(), kAlmatyTime);
    if (!t) {
        problems.push_back({path + "/" + key, ctx + "field '" + key + "': " + printable(t.error().message, 200)});
        return false;
    }
    out = t->instant;
    if (zone) *zone = t->offset.value_or(kAlmatyTime);
    return true;
}

// [lon, lat] (the GeoJSON order) at obj[key]; false with a problem when missing or wrong.
bool readLonLat(const json& obj, const char* key, LonLat& out, std::vector<Problem>& problems, const std::string& path,
                const std::string& ctx) {
    auto it = obj.find(key);
    const std::string field = std::string("field '") + key + "': ";
    if (it == obj.end()) {
        problems.push_back({path, ctx + field + "missing (expected [lon, lat])"});
        return false;
    }
    if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number() || !(*it)[1].is_number()) {
        problems.push_back({path + "/" + key, ctx + field + "expected [lon, lat]"});
        return false;
    }
    out = LonLat{(*it)[0].get<double>(), (*it)[1].get<double>()};
    if (!out.valid()) {
        problems.push_back({path + "/" + key, ctx + field + "outside lon/lat ranges (longitude -180 to 180, latitude -90 to 90)"});
        return false;
    }
    return true;
}

// A list of annotations (the story's or a scene's); see docs/story-format.md.
void readAnnotations(const json& list, const std::string& lp, const std::string& ctx, std::vector<Annotation>& out,
                     std::vector<Problem>& problems) {
    if (!list.is_array()) {
        problems.push_back({lp, ctx + "field 'annotations': expected an array of annotations"});
        return;
    }
    if (list.size() > kMaxAnnotationsPerList) {
        problems.push_back({lp, ctx + "field 'annotations': " + std::to_string(list.size()) + " annotations, more than the " +
                                    std::to_string(kMaxAnnotationsPerList) + " allowed"});
        return;
    }
    for (std::size_t k = 0; k < list.size(); ++k) {
        const json& j = list[k];
        const std::string ap = lp + "/" + std::to_string(k);
        const std::string actx = ctx + "annotation " + std::to_string(k + 1) + ": ";
        if (!j.is_object()) {
            problems.push_back({ap, actx + "expected an object"});
            continue;
        }
        const std::size_t before = problems.size();
        Annotation a;
        auto kind = j.find("kind");
        if (kind == j.end() || !kind->is_string() || !parseAnnotationKind(kind->get<std::string>())) {
            problems.push_back({kind == j.end() ? ap : ap + "/kind",
                                actx + "field 'kind': " + (kind == j.end() ? std::string("missing") : "unknown kind " +
                                      (kind->is_string() ? quotedText(kind->get<std::string>()) : std::string("(not a string)"))) +
                                    " (kinds: text, arrow, circle, area)"});
            continue;
        }
        a.kind = *parseAnnotationKind(kind->get<std::string>());
        if (auto t = j.find("text"); t != j.end() && !t->is_string()) {
            problems.push_back({ap + "/text", actx + "field 'text': expected a string"});
        }
        readText(j, "text", a.text, kMaxAnnotationTextChars, problems, ap, actx);
        const bool blank = a.text.find_first_not_of(" \t\r\n") == std::string::npos;
        if (blank) a.text.clear();
        switch (a.kind) {
            case AnnotationKind::Text: {
                if (blank) problems.push_back({j.contains("text") ? ap + "/text" : ap, actx + "field 'text': a text callout needs some text"});
                LonLat p;
                if (readLonLat(j, "at", p, problems, ap, actx)) a.points.push_back(p);
                if (auto o = j.find("offset_px"); o != j.end()) {
                    if (!o->is_array() || o->size() != 2 || !(*o)[0].is_number() || !(*o)[1].is_number() ||
                        !(std::abs((*o)[0].get<double>()) <= kMaxCalloutOffsetPx) ||
                        !(std::abs((*o)[1].get<double>()) <= kMaxCalloutOffsetPx)) {
                        problems.push_back({ap + "/offset_px", actx + "field 'offset_px': expected [x, y], each -1000 to 1000 pixels"});
                    } else {
                        a.offsetPx = ScreenPx{(*o)[0].get<double>(), (*o)[1].get<double>()};
                    }
                }
                break;
            }
            case AnnotationKind::Arrow: {
                LonLat p, q;
                const bool okFrom = readLonLat(j, "from", p, problems, ap, actx);
                const bool okTo = readLonLat(j, "to", q, problems, ap, actx);
                if (okFrom && okTo) {
                    if (p.lon == q.lon && p.lat == q.lat) problems.push_back({ap + "/to", actx + "field 'to': the arrow ends where it starts"});
                    a.points = {p, q};
                }
                break;
            }
            case AnnotationKind::Circle: {
                LonLat c;
                if (readLonLat(j, "center", c, problems, ap, actx)) a.points.push_back(c);
                auto r = j.find("radius_km");
                if (r == j.end() || !r->is_number() || !(r->get<double>() >= kMinCircleRadiusKm) ||
                    r->get<double>() > kMaxCircleRadiusKm) {
                    problems.push_back({r == j.end() ? ap : ap + "/radius_km", actx + "field 'radius_km': expected 0.1 to 3000 kilometres"});
                } else {
                    a.radiusKm = r->get<double>();
                }
                break;
            }
            case AnnotationKind::Area: {
                auto pts = j.find("points");
                if (pts == j.end() || !pts->is_array()) {
                    problems.push_back({pts == j.end() ? ap : ap + "/points", actx + "field 'points': expected [[lon, lat], ...]"});
                } else if (pts->size() < 3 || pts->size() > kMaxAnnotationPoints) {
                    problems.push_back({ap + "/points", actx + "field 'points': " + std::to_string(pts->size()) +
                                                            " points; an area needs 3 to " + std::to_string(kMaxAnnotationPoints)});
                } else {
                    for (std::size_t i = 0; i < pts->size(); ++i) {
                        const json& p = (*pts)[i];
                        const std::string pp = ap + "/points/" + std::to_string(i);
                        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
                            problems.push_back({pp, actx + "field 'points': point " + std::to_string(i + 1) + ": expected [lon, lat]"});
                            break;
                        }
                        const LonLat ll{p[0].get<double>(), p[1].get<double>()};
                        if (!ll.valid()) {
                            problems.push_back({pp, actx + "field 'points': point " + std::to_string(i + 1) + ": outside lon/lat ranges"});
                            break;
                        }
                        a.points.push_back(ll);
                    }
                }
                break;
            }
        }
        if (auto c = j.find("color"); c != j.end()) {
            auto color = c->is_string() ? parseAnnotationColor(c->get<std::string>()) : std::nullopt;
            if (!color) {
                problems.push_back({ap + "/color", actx + "field 'color': expected one of ink, red, orange, blue, green, purple"});
            } else {
                a.color = *color;
            }
        }
        if (auto w = j.find("when"); w != j.end()) {
            const std::string wp = ap + "/when";
            if (!w->is_object() || (!w->contains("from") && !w->contains("to"))) {
                problems.push_back({wp, actx + "field 'when': expected {\"from\": TIME, \"to\": TIME} (either may be left out)"});
            } else {
                Instant from, to;
                ZoneOffset zf = kAlmatyTime, zt = kAlmatyTime;
                const bool hasFrom = readTime(*w, "from", from, &zf, problems, wp, actx + "when: ");
                const bool hasTo = readTime(*w, "to", to, &zt, problems, wp, actx + "when: ");
                if (hasFrom && hasTo && !(from < to)) {
                    problems.push_back({wp + "/to", actx + "field 'when.to': must be later than 'from'"});
                } else {
                    if (hasFrom) a.from = from;
                    if (hasTo) a.to = to;
                    a.zone = hasFrom ? zf : zt;
                }
            }
        }
        if (problems.size() == before) out.push_back(std::move(a));
    }
}

}  // namespace

namespace {
Expected<Story> parseStoryUnchecked(const std::string& text, const std::string& path);
}  // namespace

Expected<Story> parseStory(const std::string& text, const std::string& path) {
    try {
        return parseStoryUnchecked(text, path);
    } catch (const json::exception& e) {  // a value of an unexpected type: a problem, not a crash
        std::string what = e.what();
        if (what.rfind("[json.exception.", 0) == 0 && what.find("] ") != std::string::npos) what = what.substr(what.find("] ") + 2);
        return Error{ErrorKind::DatasetInvalid, path + ": " + printable(what, 200)};
    }
}

namespace {

Expected<Story> parseStoryUnchecked(const std::string& text, const std::string& path) {
    JsonRead read = readJson(text, path);
    if (read.error) return *read.error;
    const json& doc = read.doc;
    std::vector<Problem> problems;
    for (const auto& d : read.duplicates) {
        problems.push_back({"", "key " + quotedText(d.key) + " appears twice in the same object (first on line " +
                                    std::to_string(d.firstLine) + "); each key may appear once",
                            d.line});
    }
    Story story;
    if (!doc.is_object()) {
        problems.push_back({"", "expected a JSON object at the top level"});
    } else {
        const auto fmt = doc.find("format");
        if (fmt == doc.end() || !fmt->is_string() || fmt->get<std::string>() != "qantar-story") {
            problems.push_back({"/format", "field 'format': expected \"qantar-story\""});
        } else if (!doc.contains("version") || !doc["version"].is_number_integer() ||
                   doc["version"].get<long long>() != kStoryVersion) {
            problems.push_back({"/version", "field 'version': unsupported or missing (this build reads version 1)"});
        }
        if (problems.empty()) {
            readText(doc, "title", story.title, kMaxStoryTitleChars, problems, "", "");
            if (auto an = doc.find("annotations"); an != doc.end()) readAnnotations(*an, "/annotations", "", story.annotations, problems);
            auto scenes = doc.find("scenes");
            if (scenes == doc.end() || !scenes->is_array() || scenes->empty()) {
                problems.push_back({"/scenes", "field 'scenes': needs at least one scene"});
            } else {
                for (std::size_t i = 0; i < scenes->size(); ++i) {
                    const json& s = (*scenes)[i];
                    const std::string sp = "/scenes/" + std::to_string(i);
                    const std::string ctx = "scene " + std::to_string(i + 1) + ": ";
                    if (!s.is_object()) {
                        problems.push_back({sp, ctx + "expected an object"});
                        continue;
                    }
                    Scene scene;
                    if (auto t = s.find("title"); t != s.end() && t->is_string()) {
                        readText(s, "title", scene.title, kMaxSceneTitleChars, problems, sp, ctx);
                    } else {
                        problems.push_back({sp, ctx + "field 'title' is missing"});
                    }
                    readText(s, "caption", scene.caption, kMaxSceneCaptionChars, problems, sp, ctx);
                    if (auto src = s.find("sources"); src != s.end()) {
                        if (!src->is_array()) problems.push_back({sp + "/sources", ctx + "field 'sources': expected an array of source ids"});
                        else
                            for (const auto& x : *src)
                                if (x.is_string()) scene.sources.push_back(x.get<std::string>());
                    }
                    const bool hasTime = s.contains("time");
                    const bool hasRange = s.contains("time_range");
                    if (hasTime == hasRange) {
                        problems.push_back({sp, ctx + "give exactly one of 'time' or 'time_range'"});
                    } else if (hasTime) {
                        readTime(s, "time", scene.start, &scene.zone, problems, sp, ctx);
                    } else {
                        const json& r = s.at("time_range");
                        const std::string rp = sp + "/time_range";
                        if (!r.is_object()) {
                            problems.push_back({rp, ctx + "field 'time_range': expected {\"start\", \"end\"}"});
                        } else {
                            Instant end;
                            const bool a = readTime(r, "start", scene.start, &scene.zone, problems, rp, ctx + "time_range: ");
                            const bool b = readTime(r, "end", end, nullptr, problems, rp, ctx + "time_range: ");
                            if (!r.contains("start") || !r.contains("end")) {
                                problems.push_back({rp, ctx + "field 'time_range': needs 'start' and 'end'"});
                            } else if (a && b && !(scene.start < end)) {
                                problems.push_back({rp + "/end", ctx + "field 'time_range.end': must be later than 'start'"});
                            } else if (a && b) {
                                scene.end = end;
                            }
                            if (auto sp2 = r.find("speed_hours_per_second"); sp2 != r.end()) {
                                if (!sp2->is_number() || !(sp2->get<double>() > 0.0) || sp2->get<double>() > 1000.0) {
                                    problems.push_back({rp + "/speed_hours_per_second",
                                                        ctx + "field 'speed_hours_per_second': expected a number in (0, 1000]"});
                                } else {
                                    scene.speedHoursPerSecond = sp2->get<double>();
                                }
                            }
                        }
                    }
                    if (auto v = s.find("view"); v != s.end()) {
                        const std::string vp = sp + "/view";
                        const json* c = nullptr;
                        if (v->is_object()) {
                            if (auto ci = v->find("center"); ci != v->end()) c = &*ci;
                        }
                        if (!c || !c->is_array() || c->size() != 2 || !(*c)[0].is_number() || !(*c)[1].is_number()) {
                            problems.push_back({vp, ctx + "field 'view.center': expected [lon, lat]"});
                        } else {
                            SceneView view;
                            // [lon, lat], the GeoJSON order.
                            view.center = LonLat{(*c)[0].get<double>(), (*c)[1].get<double>()};
                            if (!view.center.valid()) problems.push_back({vp, ctx + "field 'view.center': outside lon/lat ranges"});
                            if (auto k = v->find("span_km"); k != v->end()) {
                                if (!k->is_number() || !(k->get<double>() >= 5.0) || k->get<double>() > 20000.0) {
                                    problems.push_back({vp + "/span_km", ctx + "field 'view.span_km': expected 5 to 20000"});
                                } else {
                                    view.spanKm = k->get<double>();
                                }
                            }
                            scene.view = view;
                        }
                    }
                    if (auto l = s.find("layers"); l != s.end()) {
                        if (!l->is_object()) {
                            problems.push_back({sp + "/layers", ctx + "field 'layers': expected {\"protests\": true, ...}"});
                        } else {
                            for (auto it = l->begin(); it != l->end(); ++it) {
                                auto id = parseEventLayerId(it.key());
                                if (!id || !it->is_boolean()) {
                                    problems.push_back({sp + "/layers/" + it.key(),
                                                        ctx + "field 'layers': unknown layer " + quotedText(it.key()) +
                                                            " or not true/false (layers: protests, violence, curfew, "
                                                            "emergency, internet, csto, airports, casualties, government)"});
                                    continue;
                                }
                                scene.layers[static_cast<std::size_t>(*id)] = it->get<bool>();
                            }
                        }
                    }
                    for (auto [key, dest] : {std::pair{"transition_seconds", &scene.transitionSeconds},
                                             std::pair{"hold_seconds", &scene.holdSeconds}}) {
                        if (auto x = s.find(key); x != s.end()) {
                            if (!x->is_number() || x->get<double>() < 0.0 || x->get<double>() > 600.0) {
                                problems.push_back({sp + "/" + key, ctx + "field '" + key + "': expected 0 to 600 seconds"});
                            } else {
                                *dest = x->get<double>();
                            }
                        }
                    }
                    if (auto an = s.find("annotations"); an != s.end()) {
                        readAnnotations(*an, sp + "/annotations", ctx, scene.annotations, problems);
                    }
                    story.scenes.push_back(std::move(scene));
                }
            }
        }
    }
    if (!problems.empty()) {
        // The first problem in file order.
        std::vector<std::string> paths;
        for (const auto& p : problems)
            if (p.line == 0) paths.push_back(p.jsonPath);
        const JsonLocator locator(text, paths);
        for (auto& p : problems)
            if (p.line == 0) p.line = static_cast<std::size_t>(locator.lineOf(p.jsonPath));
        const Problem& p = *std::min_element(problems.begin(), problems.end(),
                                             [](const Problem& a, const Problem& b) { return a.line < b.line; });
        std::string msg = path + ":" + std::to_string(p.line) + ": " + p.what;
        if (problems.size() > 1) msg += " (and " + std::to_string(problems.size() - 1) + " more)";
        return Error{ErrorKind::DatasetInvalid, msg};
    }
    return story;
}

}  // namespace

Expected<Story> loadStory(const std::string& path) {
    auto text = readTextFile(path, kStoryFileLimit);
    if (!text) return text.error();
    return parseStory(*text, path);
}

namespace {

nlohmann::ordered_json annotationsJson(const std::vector<Annotation>& list) {
    // Rounded so saved files stay readable: 1e-5 degrees is about a metre.
    const auto r5 = [](double v) { return std::round(v * 1e5) / 1e5; };
    const auto ll = [&](LonLat p) { return nlohmann::ordered_json::array({r5(p.lon), r5(p.lat)}); };
    auto out = nlohmann::ordered_json::array();
    for (const Annotation& a : list) {
        if (!annotationProblem(a).empty()) continue;  // half-made in the editor: never saved, so the file loads
        nlohmann::ordered_json j;
        j["kind"] = annotationKindId(a.kind);
        if (!a.text.empty()) j["text"] = a.text;
        switch (a.kind) {
            case AnnotationKind::Text:
                if (!a.points.empty()) j["at"] = ll(a.points[0]);
                if (a.offsetPx) j["offset_px"] = {std::round(a.offsetPx->x), std::round(a.offsetPx->y)};
                break;
            case AnnotationKind::Arrow:
                if (a.points.size() >= 2) {
                    j["from"] = ll(a.points[0]);
                    j["to"] = ll(a.points[1]);
                }
                break;
            case AnnotationKind::Circle:
                if (!a.points.empty()) j["center"] = ll(a.points[0]);
                j["radius_km"] = std::round(a.radiusKm * 1000.0) / 1000.0;
                break;
            case AnnotationKind::Area: {
                auto pts = nlohmann::ordered_json::array();
                for (const LonLat& p : a.points) pts.push_back(ll(p));
                j["points"] = pts;
                break;
            }
        }
        if (a.color != AnnotationColor::Ink) j["color"] = annotationColorId(a.color);
        if (a.from || a.to) {
            nlohmann::ordered_json w = nlohmann::ordered_json::object();
            if (a.from) w["from"] = formatIso(*a.from, a.zone);
            if (a.to) w["to"] = formatIso(*a.to, a.zone);
            j["when"] = w;
        }
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace

std::string serializeStory(const Story& story) {
    nlohmann::ordered_json doc;
    doc["format"] = "qantar-story";
    doc["version"] = kStoryVersion;
    doc["title"] = story.title;
    if (!story.annotations.empty()) doc["annotations"] = annotationsJson(story.annotations);
    auto& scenes = doc["scenes"] = nlohmann::ordered_json::array();
    for (const Scene& s : story.scenes) {
        nlohmann::ordered_json j;
        j["title"] = s.title;
        j["caption"] = s.caption;
        if (!s.sources.empty()) j["sources"] = s.sources;
        if (s.end) {
            j["time_range"] = {{"start", formatIso(s.start, s.zone)},
                               {"end", formatIso(*s.end, s.zone)},
                               {"speed_hours_per_second", s.speedHoursPerSecond}};
        } else {
            j["time"] = formatIso(s.start, s.zone);
        }
        if (s.view) {
            // Rounded so saved files stay readable: 1e-4 degrees is about 10 m.
            const auto r4 = [](double v) { return std::round(v * 1e4) / 1e4; };
            j["view"] = {{"center", {r4(s.view->center.lon), r4(s.view->center.lat)}}, {"span_km", std::round(s.view->spanKm)}};
        }
        nlohmann::ordered_json layers = nlohmann::ordered_json::object();
        for (int i = 0; i < kEventLayerCount; ++i) {
            if (s.layers[static_cast<std::size_t>(i)]) layers[eventLayerId(static_cast<EventLayer>(i))] = *s.layers[static_cast<std::size_t>(i)];
        }
        if (!layers.empty()) j["layers"] = layers;
        j["transition_seconds"] = s.transitionSeconds;
        j["hold_seconds"] = s.holdSeconds;
        if (!s.annotations.empty()) j["annotations"] = annotationsJson(s.annotations);
        scenes.push_back(std::move(j));
    }
    return doc.dump(2) + "\n";
}

Status saveStory(const Story& story, const std::string& path) { return writeFileAtomically(path, serializeStory(story)); }

Instant lastMoment(const Scene& scene) {
    if (!scene.end) return scene.start;
    const Instant last = *scene.end - kRangeEndInset;
    return last > scene.start ? last : scene.start;
}

EventLayerSettings sceneLayers(const Story& story, int scene, EventLayerSettings base) {
    const int last = std::min(scene, static_cast<int>(story.scenes.size()) - 1);
    for (int k = 0; k <= last; ++k) {
        const auto& switches = story.scenes[static_cast<std::size_t>(k)].layers;
        for (std::size_t l = 0; l < base.on.size(); ++l) {
            if (switches[l]) base.on[l] = *switches[l];
        }
    }
    return base;
}

}  // namespace qantar::core
