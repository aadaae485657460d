#include "core/story/annotation.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <cmath>

#include "core/map/triangulation.hpp"
#include "core/story/story.hpp"

namespace qantar::core {

namespace {

constexpr double kPi = 3.14159265358979323846;

constexpr const char* kKindIds[kAnnotationKindCount] = {"text", "arrow", "circle", "area"};
constexpr const char* kColorIds[kAnnotationColorCount] = {"ink", "red", "orange", "blue", "green", "purple"};

constexpr Rgba rgb(int r, int g, int b) {
    return Rgba{static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, 1.0f};
}

// The Earth's mean radius (IUGG), kilometres.
constexpr double kEarthRadiusKm = 6371.0088;

}  // namespace

const char* annotationKindId(AnnotationKind kind) { return kKindIds[static_cast<int>(kind)]; }

std::optional<AnnotationKind> parseAnnotationKind(const std::string& id) {
    for (int i = 0; i < kAnnotationKindCount; ++i)
        if (id == kKindIds[i]) return static_cast<AnnotationKind>(i);
    return std::nullopt;
}

const char* annotationColorId(AnnotationColor color) { return kColorIds[static_cast<int>(color)]; }

std::optional<AnnotationColor> parseAnnotationColor(const std::string& id) {
    for (int i = 0; i < kAnnotationColorCount; ++i)
        if (id == kColorIds[i]) return static_cast<AnnotationColor>(i);
    return std::nullopt;
}

Rgba annotationColor(AnnotationColor color, ThemeId themeId) {
    // Darker, print-strength colours on paper; brighter ones on the dark maps, where a halo of the
    // ground's colour sets them off. Each stays apart from the event symbols' hues by its
    // saturation and the halo, and from the others by its hue.
    const bool light = themeId == ThemeId::Light;
    const bool contrast = themeId == ThemeId::Contrast;
    switch (color) {
        case AnnotationColor::Ink: return theme(themeId).labelText;
        case AnnotationColor::Red: return light ? rgb(196, 18, 48) : contrast ? rgb(255, 80, 80) : rgb(255, 96, 110);
        case AnnotationColor::Orange: return light ? rgb(200, 90, 0) : contrast ? rgb(255, 170, 0) : rgb(255, 168, 60);
        case AnnotationColor::Blue: return light ? rgb(0, 84, 166) : contrast ? rgb(90, 200, 255) : rgb(110, 180, 255);
        case AnnotationColor::Green: return light ? rgb(0, 120, 60) : contrast ? rgb(80, 255, 140) : rgb(96, 214, 140);
        case AnnotationColor::Purple: return light ? rgb(120, 40, 160) : contrast ? rgb(230, 130, 255) : rgb(200, 150, 255);
    }
    return theme(themeId).labelText;
}

std::string annotationProblem(const Annotation& a) {
    for (const LonLat& p : a.points)
        if (!p.valid()) return "a point lies outside lon/lat ranges";
    switch (a.kind) {
        case AnnotationKind::Text:
            if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) return "a text callout needs some text";
            if (a.points.empty()) return "a text callout needs a place";
            break;
        case AnnotationKind::Arrow:
            if (a.points.size() < 2) return "an arrow needs two places";
            if (a.points[0].lon == a.points[1].lon && a.points[0].lat == a.points[1].lat) return "the arrow ends where it starts";
            break;
        case AnnotationKind::Circle:
            if (a.points.empty()) return "a circle needs a centre";
            if (!(a.radiusKm >= kMinCircleRadiusKm && a.radiusKm <= kMaxCircleRadiusKm)) return "the radius must be 0.1 to 3000 km";
            break;
        case AnnotationKind::Area:
            if (a.points.size() < 3 || a.points.size() > kMaxAnnotationPoints) return "an area needs 3 to 500 corners";
            break;
    }
    if (a.from && a.to && !(*a.from < *a.to)) return "it must stop showing after it starts";
    return {};
}

bool annotationShownAt(const Annotation& a, std::optional<Instant> t) {
    if (!a.from && !a.to) return true;
    if (!t) return false;
    if (a.from && *t < *a.from) return false;
    if (a.to && !(*t < *a.to)) return false;
    return true;
}

std::vector<const Annotation*> annotationsShown(const Story& story, int scene, std::optional<Instant> t) {
    std::vector<const Annotation*> out;
    for (const Annotation& a : story.annotations)
        if (annotationShownAt(a, t)) out.push_back(&a);
    if (scene >= 0 && scene < static_cast<int>(story.scenes.size())) {
        for (const Annotation& a : story.scenes[static_cast<std::size_t>(scene)].annotations)
            if (annotationShownAt(a, t)) out.push_back(&a);
    }
    return out;
}

std::uint64_t annotationsKey(const std::vector<const Annotation*>& shown) {
    std::uint64_t key = 0x51a7c0de;
    const auto mix = [&key](std::uint64_t v) { key ^= v + 0x9e3779b97f4a7c15ULL + (key << 6) + (key >> 2); };
    const auto mixDouble = [&](double d) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        mix(bits);
    };
    mix(shown.size());
    for (const Annotation* a : shown) {
        mix(static_cast<std::uint64_t>(a->kind));
        mix(static_cast<std::uint64_t>(a->color));
        mix(std::hash<std::string>{}(a->text));
        mix(a->points.size());
        for (const LonLat& p : a->points) {
            mixDouble(p.lon);
            mixDouble(p.lat);
        }
        mixDouble(a->radiusKm);
        mix(a->offsetPx ? 1 : 0);
        if (a->offsetPx) {
            mixDouble(a->offsetPx->x);
            mixDouble(a->offsetPx->y);
        }
    }
    return key;
}

std::vector<LonLat> geodesicCircle(LonLat centre, double radiusKm, int segments) {
    constexpr double deg = kPi / 180.0;
    const double d = radiusKm / kEarthRadiusKm;
    const double lat1 = centre.lat * deg, lon1 = centre.lon * deg;
    std::vector<LonLat> pts;
    pts.reserve(static_cast<std::size_t>(segments));
    for (int i = 0; i < segments; ++i) {
        const double bearing = 2.0 * kPi * i / segments;
        const double lat2 = std::asin(std::sin(lat1) * std::cos(d) + std::cos(lat1) * std::sin(d) * std::cos(bearing));
        const double lon2 =
            lon1 + std::atan2(std::sin(bearing) * std::sin(d) * std::cos(lat1), std::cos(d) - std::sin(lat1) * std::sin(lat2));
        double lon = lon2 / deg;
        if (lon > 180.0) lon -= 360.0;
        if (lon < -180.0) lon += 360.0;
        pts.push_back(LonLat{lon, lat2 / deg});
    }
    return pts;
}

AnnotationShapes annotationShapes(const Annotation& a, const Projection& projection) {
    AnnotationShapes s;
    const auto allFinite = [](const MapRing& r) {
        for (const MapXY& p : r)
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
        return !r.empty();
    };
    switch (a.kind) {
        case AnnotationKind::Text: {
            if (a.points.empty()) return s;
            auto p = projection.project(a.points[0]);
            if (!p) return s;
            s.dot = *p;
            s.labelAt = *p;
            s.labelPlace = AnnotationShapes::Place::RightOf;
            break;
        }
        case AnnotationKind::Arrow: {
            if (a.points.size() < 2) return s;
            MapRing shaft = projection.projectMany({a.points[0], a.points[1]});
            if (!allFinite(shaft)) return s;
            s.head = shaft[1];
            s.labelAt = MapXY{(shaft[0].x + shaft[1].x) * 0.5, (shaft[0].y + shaft[1].y) * 0.5};
            s.labelPlace = AnnotationShapes::Place::Beside;
            s.lines.push_back(std::move(shaft));
            break;
        }
        case AnnotationKind::Circle: {
            if (a.points.empty()) return s;
            MapRing ring = projection.projectMany(geodesicCircle(a.points[0], a.radiusKm));
            if (!allFinite(ring)) return s;
            // The top of the circle on the map (map y grows upwards): the label sits above it.
            s.labelAt = *std::max_element(ring.begin(), ring.end(), [](MapXY p, MapXY q) { return p.y < q.y; });
            s.labelPlace = AnnotationShapes::Place::Above;
            s.fill = ring;
            s.lines.push_back(std::move(ring));
            s.closed = true;
            break;
        }
        case AnnotationKind::Area: {
            if (a.points.size() < 3) return s;
            MapRing ring = projection.projectMany(a.points);
            if (!allFinite(ring)) return s;
            s.labelAt = polygonLabelPoint(MapPolygon{{ring}});
            s.labelPlace = AnnotationShapes::Place::Centre;
            s.fill = ring;
            s.lines.push_back(std::move(ring));
            s.closed = true;
            break;
        }
    }
    s.ok = true;
    return s;
}

}  // namespace qantar::core
