// Annotations in stories (core/story/annotation.hpp): every kind survives serialize → parse, a
// story written before annotations existed still loads, each bad annotation is refused with the
// file, the line and the field named, and an annotation shows exactly within its [from, to).
#include "core/story/annotation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cmath>
#include <string>
#include <vector>

#include "core/story/story.hpp"

using namespace qantar::core;

namespace {

constexpr double kPi = 3.14159265358979323846;

Instant utc(int y, int mo, int d, int h = 0, int mi = 0) {
    return Instant{daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60};
}

Annotation callout(const std::string& text, LonLat at) {
    Annotation a;
    a.kind = AnnotationKind::Text;
    a.text = text;
    a.points = {at};
    return a;
}

Story annotatedStory() {
    Story s;
    s.title = "Annotated";
    Annotation arrow;
    arrow.kind = AnnotationKind::Arrow;
    arrow.text = "To Almaty";
    arrow.points = {LonLat{71.43046, 51.12822}, LonLat{76.94561, 43.23801}};
    arrow.color = AnnotationColor::Red;
    arrow.from = utc(2022, 1, 5, 0);
    arrow.to = utc(2022, 1, 6, 0);
    arrow.zone = ZoneOffset{6 * 60};
    s.annotations.push_back(arrow);
    Annotation late = callout("Only after", LonLat{51.2, 43.6});
    late.from = utc(2022, 1, 7, 12);  // open-ended range
    s.annotations.push_back(late);

    Scene sc;
    sc.title = "One";
    sc.start = utc(2022, 1, 5, 6);
    Annotation text = callout("Республика алаңы", LonLat{76.94561, 43.23801});
    text.offsetPx = ScreenPx{40, -30};
    sc.annotations.push_back(text);
    Annotation circle;
    circle.kind = AnnotationKind::Circle;
    circle.text = "10 km";
    circle.points = {LonLat{76.9, 43.25}};
    circle.radiusKm = 10.5;
    circle.color = AnnotationColor::Blue;
    sc.annotations.push_back(circle);
    Annotation area;
    area.kind = AnnotationKind::Area;
    area.points = {LonLat{76.9, 43.2}, LonLat{77.0, 43.2}, LonLat{77.0, 43.3}, LonLat{76.9, 43.3}};
    area.color = AnnotationColor::Purple;
    area.to = utc(2022, 1, 5, 12);
    sc.annotations.push_back(area);
    s.scenes.push_back(sc);
    Scene plain;
    plain.title = "Two";
    plain.start = utc(2022, 1, 6, 6);
    s.scenes.push_back(plain);
    return s;
}

void expectSame(const Annotation& a, const Annotation& b) {
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.text, b.text);
    ASSERT_EQ(a.points.size(), b.points.size());
    for (std::size_t i = 0; i < a.points.size(); ++i) {
        EXPECT_DOUBLE_EQ(a.points[i].lon, b.points[i].lon);
        EXPECT_DOUBLE_EQ(a.points[i].lat, b.points[i].lat);
    }
    if (a.kind == AnnotationKind::Circle) {
        EXPECT_DOUBLE_EQ(a.radiusKm, b.radiusKm);
    }
    EXPECT_EQ(a.offsetPx.has_value(), b.offsetPx.has_value());
    if (a.offsetPx && b.offsetPx) {
        EXPECT_EQ(a.offsetPx->x, b.offsetPx->x);
        EXPECT_EQ(a.offsetPx->y, b.offsetPx->y);
    }
    EXPECT_EQ(a.color, b.color);
    EXPECT_EQ(a.from, b.from);
    EXPECT_EQ(a.to, b.to);
}

}  // namespace

TEST(AnnotationRoundTrip, EveryKindSurvivesSerializeThenParse) {
    const Story original = annotatedStory();
    const std::string text = serializeStory(original);
    auto back = parseStory(text, "annotated.json");
    ASSERT_TRUE(back.ok()) << back.error().message << "\n" << text;
    ASSERT_EQ(back->annotations.size(), original.annotations.size());
    for (std::size_t i = 0; i < original.annotations.size(); ++i) expectSame(original.annotations[i], back->annotations[i]);
    ASSERT_EQ(back->scenes.size(), 2u);
    ASSERT_EQ(back->scenes[0].annotations.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) expectSame(original.scenes[0].annotations[i], back->scenes[0].annotations[i]);
    EXPECT_TRUE(back->scenes[1].annotations.empty());
    EXPECT_EQ(serializeStory(*back), text);  // stable: a second trip writes the same bytes
    // The documented field names, written with the zone the range was given in.
    for (const char* key : {"\"annotations\"", "\"kind\": \"arrow\"", "\"at\"", "\"offset_px\"", "\"center\"",
                            "\"radius_km\": 10.5", "\"points\"", "\"color\": \"purple\"", "\"when\"",
                            "\"from\": \"2022-01-05T06:00:00+06:00\"", "\"version\": 1"})
        EXPECT_NE(text.find(key), std::string::npos) << key << "\n" << text;
}

TEST(AnnotationRoundTrip, AStoryWrittenBeforeAnnotationsStillLoads) {
    // The example of docs/story-format.md as it stood before annotations (version 1).
    const std::string old = R"({
  "format": "qantar-story",
  "version": 1,
  "title": "Zhanaozen",
  "scenes": [
    {
      "title": "2 January: protests in Zhanaozen",
      "caption": "Protests break out.",
      "sources": ["ft"],
      "time_range": {"start": "2022-01-02T00:00:00+05:00", "end": "2022-01-03T00:00:00+05:00", "speed_hours_per_second": 6},
      "view": {"center": [53.5, 44.0], "span_km": 700},
      "layers": {"protests": true}
    }
  ]
})";
    auto story = parseStory(old, "old.json");
    ASSERT_TRUE(story.ok()) << story.error().message;
    EXPECT_TRUE(story->annotations.empty());
    ASSERT_EQ(story->scenes.size(), 1u);
    EXPECT_TRUE(story->scenes[0].annotations.empty());
    // And saving it writes no annotations key at all: the file stays what an older qantar reads.
    EXPECT_EQ(serializeStory(*story).find("annotations"), std::string::npos);
}

// --- Bad annotations -----------------------------------------------------------------------

struct BadAnnotation {
    const char* name;
    std::string annotation;  // one line: the annotation object, on line 8 of the file
    const char* mustMention;
};

void PrintTo(const BadAnnotation& c, std::ostream* os) { *os << c.name; }

std::string withSceneAnnotation(const std::string& annotation) {
    return "{\n"                                                    // 1
           "  \"format\": \"qantar-story\",\n"                      // 2
           "  \"version\": 1,\n"                                    // 3
           "  \"scenes\": [\n"                                      // 4
           "    {\"title\": \"S\", \"time\": \"2022-01-05T12:00\",\n"  // 5
           "     \"annotations\": [\n"                              // 6
           "       {\"kind\": \"text\", \"text\": \"fine\", \"at\": [76.9, 43.2]},\n"  // 7
           "       " + annotation + "\n"                            // 8
           "     ]}\n"
           "  ]\n"
           "}\n";
}

class AnnotationRejects : public ::testing::TestWithParam<BadAnnotation> {};

TEST_P(AnnotationRejects, NamingFileLineAndField) {
    const BadAnnotation& c = GetParam();
    const std::string text = withSceneAnnotation(c.annotation);
    auto story = parseStory(text, "bad.json");
    ASSERT_FALSE(story.ok()) << c.name << ": accepted:\n" << text;
    const std::string& m = story.error().message;
    EXPECT_EQ(m.rfind("bad.json:8: scene 1: annotation 2: ", 0), 0u) << c.name << ": " << m;
    EXPECT_NE(m.find(c.mustMention), std::string::npos) << c.name << ": expected '" << c.mustMention << "' in: " << m;
}

std::string manyPoints(int n) {
    std::string s = "[";
    for (int i = 0; i < n; ++i) s += (i ? ", [" : "[") + std::to_string(70.0 + i * 0.01) + ", 45.0]";
    return s + "]";
}

const BadAnnotation kBadAnnotations[] = {
    {"latitude_out_of_range", R"({"kind": "text", "text": "x", "at": [76.9, 95.0]})", "field 'at': outside lon/lat"},
    {"longitude_not_a_number", R"({"kind": "circle", "center": ["76.9", 43.2], "radius_km": 5})", "field 'center'"},
    {"empty_text", R"({"kind": "text", "text": "  ", "at": [76.9, 43.2]})", "needs some text"},
    {"text_missing", R"({"kind": "text", "at": [76.9, 43.2]})", "needs some text"},
    {"unknown_kind", R"({"kind": "polygon", "points": []})", "unknown kind 'polygon'"},
    {"kind_missing", R"({"text": "x"})", "field 'kind': missing"},
    {"too_many_points", R"({"kind": "area", "points": )" + manyPoints(501) + "}", "501 points; an area needs 3 to 500"},
    {"too_few_points", R"({"kind": "area", "points": [[70, 45], [71, 45]]})", "2 points"},
    {"bad_area_point", R"({"kind": "area", "points": [[70, 45], [71, 45], [71, -91]]})", "point 3: outside"},
    {"from_after_to", R"({"kind": "text", "text": "x", "at": [76.9, 43.2], "when": {"from": "2022-01-06T00:00", "to": "2022-01-05T00:00"}})",
     "'when.to': must be later than 'from'"},
    {"from_equals_to", R"({"kind": "text", "text": "x", "at": [76.9, 43.2], "when": {"from": "2022-01-06T00:00", "to": "2022-01-06T00:00"}})",
     "must be later"},
    {"bad_time", R"({"kind": "text", "text": "x", "at": [76.9, 43.2], "when": {"from": "5 Jan"}})", "when: field 'from'"},
    {"empty_when", R"({"kind": "text", "text": "x", "at": [76.9, 43.2], "when": {}})", "field 'when'"},
    {"radius_too_big", R"({"kind": "circle", "center": [76.9, 43.2], "radius_km": 5000})", "radius_km"},
    {"radius_missing", R"({"kind": "circle", "center": [76.9, 43.2]})", "radius_km"},
    {"arrow_without_end", R"({"kind": "arrow", "from": [76.9, 43.2]})", "field 'to': missing"},
    {"arrow_to_itself", R"({"kind": "arrow", "from": [76.9, 43.2], "to": [76.9, 43.2]})", "ends where it starts"},
    {"unknown_color", R"({"kind": "text", "text": "x", "at": [76.9, 43.2], "color": "teal"})", "field 'color'"},
    {"offset_too_far", R"({"kind": "text", "text": "x", "at": [76.9, 43.2], "offset_px": [5000, 0]})", "offset_px"},
    {"text_too_long", R"({"kind": "text", "text": ")" + std::string(201, 'a') + R"(", "at": [76.9, 43.2]})",
     "201 characters, more than the 200"},
    {"not_an_object", R"("circle")", "expected an object"},
};

INSTANTIATE_TEST_SUITE_P(Corpus, AnnotationRejects, ::testing::ValuesIn(kBadAnnotations),
                         [](const ::testing::TestParamInfo<BadAnnotation>& p) { return std::string(p.param.name); });

TEST(AnnotationParse, StoryLevelProblemsNameTheirLineWithoutAScene) {
    const std::string text = "{\"format\": \"qantar-story\", \"version\": 1,\n"
                             " \"annotations\": [\n"
                             "  {\"kind\": \"arrow\", \"from\": [200, 43], \"to\": [76, 43]}\n"
                             " ],\n"
                             " \"scenes\": [{\"title\": \"S\", \"time\": \"2022-01-05T12:00\"}]}\n";
    auto story = parseStory(text, "top.json");
    ASSERT_FALSE(story.ok());
    EXPECT_EQ(story.error().message.rfind("top.json:3: annotation 1: field 'from'", 0), 0u) << story.error().message;
}

TEST(AnnotationParse, TooManyAnnotationsAreRefused) {
    std::string list;
    for (std::size_t i = 0; i <= kMaxAnnotationsPerList; ++i)
        list += std::string(i ? "," : "") + R"({"kind": "text", "text": "x", "at": [76.9, 43.2]})";
    const std::string text = "{\"format\": \"qantar-story\", \"version\": 1,\n \"annotations\": [" + list +
                             "],\n \"scenes\": [{\"title\": \"S\", \"time\": \"2022-01-05T12:00\"}]}\n";
    auto story = parseStory(text, "many.json");
    ASSERT_FALSE(story.ok());
    EXPECT_NE(story.error().message.find("201 annotations, more than the 200 allowed"), std::string::npos)
        << story.error().message;
}

// --- When they show ------------------------------------------------------------------------

TEST(AnnotationTime, ShownFromItsStartUntilJustBeforeItsEnd) {
    Annotation a = callout("x", LonLat{76.9, 43.2});
    EXPECT_TRUE(annotationShownAt(a, std::nullopt));  // no range: always
    EXPECT_TRUE(annotationShownAt(a, utc(2022, 1, 1)));
    a.from = utc(2022, 1, 5, 6);
    a.to = utc(2022, 1, 5, 12);
    EXPECT_FALSE(annotationShownAt(a, utc(2022, 1, 5, 5, 59)));
    EXPECT_TRUE(annotationShownAt(a, utc(2022, 1, 5, 6)));
    EXPECT_TRUE(annotationShownAt(a, utc(2022, 1, 5, 11, 59)));
    EXPECT_FALSE(annotationShownAt(a, utc(2022, 1, 5, 12)));  // [from, to): the end is outside
    EXPECT_FALSE(annotationShownAt(a, std::nullopt));         // a map with no moment
    a.to.reset();
    EXPECT_TRUE(annotationShownAt(a, utc(2023, 1, 1)));  // open-ended
}

TEST(AnnotationTime, TheStorysOwnShowInEverySceneAndASceneOnlyInItself) {
    const Story s = annotatedStory();
    const auto texts = [](const std::vector<const Annotation*>& shown) {
        std::vector<std::string> out;
        for (const Annotation* a : shown) out.push_back(annotationKindId(a->kind) + std::string(":") + a->text);
        return out;
    };
    using V = std::vector<std::string>;
    // Scene 1 at 5 January 06:00 UTC: the story's arrow (5 Jan) and all of the scene's own.
    EXPECT_EQ(texts(annotationsShown(s, 0, utc(2022, 1, 5, 6))),
              (V{"arrow:To Almaty", "text:Республика алаңы", "circle:10 km", "area:"}));
    // After the area's range ends it goes; the others stay.
    EXPECT_EQ(texts(annotationsShown(s, 0, utc(2022, 1, 5, 12))), (V{"arrow:To Almaty", "text:Республика алаңы", "circle:10 km"}));
    // Scene 2 has none of its own; on the 8th only the open-ended story callout shows.
    EXPECT_EQ(texts(annotationsShown(s, 1, utc(2022, 1, 8))), (V{"text:Only after"}));
    EXPECT_EQ(texts(annotationsShown(s, -1, utc(2022, 1, 5, 6))), (V{"arrow:To Almaty"}));
    // The key changes with what is shown.
    EXPECT_NE(annotationsKey(annotationsShown(s, 0, utc(2022, 1, 5, 6))), annotationsKey(annotationsShown(s, 0, utc(2022, 1, 5, 12))));
}

// --- Shapes --------------------------------------------------------------------------------

TEST(AnnotationShapes, ACircleIsTheRadiusAwayOnTheGroundAndLabelledAtItsTop) {
    const LonLat c{76.9, 43.25};
    constexpr double deg = kPi / 180.0;
    for (const LonLat& p : geodesicCircle(c, 10.0, 24)) {
        // Haversine distance back to the centre.
        const double dlat = (p.lat - c.lat) * deg, dlon = (p.lon - c.lon) * deg;
        const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                         std::cos(c.lat * deg) * std::cos(p.lat * deg) * std::sin(dlon / 2) * std::sin(dlon / 2);
        EXPECT_NEAR(2 * 6371.0088 * std::asin(std::sqrt(h)), 10.0, 1e-6);
    }
    auto projection = Projection::create();
    ASSERT_TRUE(projection.ok());
    Annotation circle;
    circle.kind = AnnotationKind::Circle;
    circle.points = {c};
    circle.radiusKm = 10.0;
    const AnnotationShapes s = annotationShapes(circle, *projection);
    ASSERT_TRUE(s.ok);
    ASSERT_EQ(s.lines.size(), 1u);
    EXPECT_TRUE(s.closed);
    const MapXY centre = *projection->project(c);
    for (const MapXY& p : s.lines[0]) EXPECT_GE(s.labelAt.y, p.y - 1e-6);  // the label's point is the top
    EXPECT_GT(s.labelAt.y, centre.y);
}

TEST(AnnotationShapes, AnAreasLabelIsInsideItAndAnArrowEndsAtItsHead) {
    auto projection = Projection::create();
    ASSERT_TRUE(projection.ok());
    const Story s = annotatedStory();
    const AnnotationShapes area = annotationShapes(s.scenes[0].annotations[2], *projection);
    ASSERT_TRUE(area.ok);
    const MapXY a = *projection->project(LonLat{76.9, 43.2}), b = *projection->project(LonLat{77.0, 43.3});
    EXPECT_GT(area.labelAt.x, std::min(a.x, b.x));
    EXPECT_LT(area.labelAt.x, std::max(a.x, b.x));
    EXPECT_GT(area.labelAt.y, std::min(a.y, b.y));
    EXPECT_LT(area.labelAt.y, std::max(a.y, b.y));
    const AnnotationShapes arrow = annotationShapes(s.annotations[0], *projection);
    ASSERT_TRUE(arrow.ok && arrow.head);
    const MapXY almaty = *projection->project(LonLat{76.94561, 43.23801});
    EXPECT_NEAR(arrow.head->x, almaty.x, 1e-6);
    EXPECT_NEAR(arrow.head->y, almaty.y, 1e-6);
}

TEST(AnnotationExample, TheDocumentedExampleStoryLoadsWithItsAnnotations) {
    auto story = loadStory(std::string(QANTAR_ASSET_DIR) + "/../docs/examples/annotated-story.json");
    ASSERT_TRUE(story.ok()) << story.error().message;
    ASSERT_EQ(story->scenes.size(), 2u);
    ASSERT_EQ(story->scenes[0].annotations.size(), 2u);
    EXPECT_EQ(story->scenes[0].annotations[1].kind, AnnotationKind::Arrow);
    EXPECT_EQ(story->scenes[0].annotations[1].from, utc(2022, 1, 3, 18));  // 4 January 00:00 in Almaty
    ASSERT_EQ(story->scenes[1].annotations.size(), 1u);
    EXPECT_EQ(story->scenes[1].annotations[0].kind, AnnotationKind::Circle);
}
