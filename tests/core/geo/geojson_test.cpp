#include "core/geo/geojson.hpp"

#include <gtest/gtest.h>

using namespace qantar::core;

namespace {

struct BadCase {
    const char* name;
    const char* text;
    ErrorKind kind;
    const char* mustMention;  // a fragment the message must contain
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class GeoJsonRejects : public ::testing::TestWithParam<BadCase> {};

}  // namespace

TEST_P(GeoJsonRejects, WithAMessageNamingFileAndField) {
    const BadCase& c = GetParam();
    auto r = parseGeoJson(c.text, "broken.geojson");
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().kind, c.kind) << c.name << ": " << r.error().message;
    EXPECT_EQ(r.error().message.rfind("broken.geojson: ", 0), 0u) << c.name << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(c.mustMention), std::string::npos) << c.name << ": " << r.error().message;
}

const BadCase kCases[] = {

        BadCase{"empty", "", ErrorKind::JsonSyntax, "line 1"},
        BadCase{"truncated", "{\"type\": \"FeatureCollection\", \"features\": [", ErrorKind::JsonSyntax, "line 1"},
        BadCase{"binary", "\x89PNG\r\n\x1a\n\x00\x01", ErrorKind::JsonSyntax, "parse error"},
        BadCase{"syntax_on_line_3", "{\n\"type\": \"FeatureCollection\",\n\"features\": [,]}", ErrorKind::JsonSyntax,
                "line 3"},
        BadCase{"array_top", "[1,2]", ErrorKind::GeoJsonStructure, "top level"},
        BadCase{"not_collection", "{\"type\": \"Feature\"}", ErrorKind::GeoJsonStructure, "field 'type'"},
        BadCase{"no_features", "{\"type\": \"FeatureCollection\"}", ErrorKind::GeoJsonStructure, "field 'features'"},
        BadCase{"missing_geometry", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{}}]}",
                ErrorKind::GeoJsonStructure, "feature 0: field 'geometry'"},
        BadCase{"unsupported_type",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"X\"},"
                "\"geometry\":{\"type\":\"Circle\",\"coordinates\":[1,2]}}]}",
                ErrorKind::GeoJsonGeometry, "feature 0 ('X'): field 'geometry.type': unsupported type 'Circle'"},
        BadCase{"latitude_out_of_range",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":null,"
                "\"geometry\":{\"type\":\"Point\",\"coordinates\":[76.9,143.2]}}]}",
                ErrorKind::GeoJsonGeometry, "outside lon -180..180 / lat -90..90"},
        BadCase{"position_not_numbers",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":null,"
                "\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"76.9\",43.2]}}]}",
                ErrorKind::GeoJsonGeometry, "expected a position [lon, lat]"},
        BadCase{"ring_not_closed",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":null,"
                "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}}]}",
                ErrorKind::GeoJsonGeometry, "not closed"},
        BadCase{"ring_too_short",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":null,"
                "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}}]}",
                ErrorKind::GeoJsonGeometry, "at least 4 positions"},
        BadCase{"second_feature_bad",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":null,"
                "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}},{\"type\":\"Feature\",\"properties\":null,"
                "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,2]]}}]}",
                ErrorKind::GeoJsonGeometry, "feature 1"}};

INSTANTIATE_TEST_SUITE_P(
    Corpus, GeoJsonRejects,
    ::testing::ValuesIn(kCases),
    [](const auto& param) { return std::string(param.param.name); });

TEST(GeoJson, ReadsGeometriesAndPropertiesOpenRings) {
    const char* text = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"Lake","rank":3,"big":true,"none":null},
       "geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[2,0],[2,2],[0,2],[0,0]],[[0.5,0.5],[0.5,1],[1,1],[0.5,0.5]]]]}},
      {"type":"Feature","properties":{"name":"River"},"geometry":{"type":"LineString","coordinates":[[10,40],[11,41,250]]}},
      {"type":"Feature","properties":{},"geometry":null}]})";
    auto r = parseGeoJson(text, "t.geojson");
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->features.size(), 3u);
    const GeoFeature& lake = r->features[0];
    EXPECT_EQ(lake.text("name"), "Lake");
    EXPECT_EQ(lake.number("rank"), 3.0);
    EXPECT_TRUE(lake.flag("big"));
    EXPECT_FALSE(lake.has("none"));
    EXPECT_EQ(lake.text("missing", "fallback"), "fallback");
    ASSERT_EQ(lake.polygons.size(), 1u);
    ASSERT_EQ(lake.polygons[0].rings.size(), 2u);
    EXPECT_EQ(lake.polygons[0].rings[0].size(), 4u) << "the closing position is dropped";
    const GeoFeature& river = r->features[1];
    ASSERT_EQ(river.lines.size(), 1u);
    EXPECT_DOUBLE_EQ(river.lines[0][1].lon, 11.0) << "GeoJSON order is lon, lat";
    EXPECT_DOUBLE_EQ(river.lines[0][1].lat, 41.0);
    EXPECT_TRUE(r->features[2].points.empty());
}

TEST(GeoJson, MissingFileNamesThePath) {
    auto r = loadGeoJson("/nonexistent/dir/lakes.geojson");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::FileNotFound);
    EXPECT_NE(r.error().message.find("/nonexistent/dir/lakes.geojson"), std::string::npos);
}

TEST(GeoJson, DirectoryIsNotAFile) {
    auto r = loadGeoJson("/tmp");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::FileUnreadable);
}
