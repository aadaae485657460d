// GeoJSON time conventions (JSON-FG "time", "when", start/end, begin/end, time, timestamp in ms),
// KML/KMZ TimeStamp and TimeSpan through GDAL's LIBKML or KML driver, field overrides, and
// custom boundary layers.
#include <gtest/gtest.h>

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <gdal_utils.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/events/event_format.hpp"
#include "core/events/events.hpp"
#include "core/import/import.hpp"

namespace {

using namespace qantar::core;
namespace fs = std::filesystem;

std::string dataFile(const std::string& name) { return std::string(QANTAR_IMPORT_DATA_DIR) + "/" + name; }
Instant at(const char* iso) { return parseIsoTime(iso)->instant; }

fs::path scratch() {
    const fs::path d = fs::path(QANTAR_TEST_OUTPUT_DIR) / "import";
    fs::create_directories(d);
    return d;
}

void expectValid(const Dataset& d, const std::string& what) {
    const DatasetLoad load = parseDataset(serializeDataset(d), "roundtrip.json");
    ASSERT_TRUE(load.dataset) << what << ": " << (load.problems.empty() ? "" : load.problems.front().message);
    EXPECT_EQ(load.dataset->events.size(), d.events.size()) << what;
    for (std::size_t i = 0; i < d.events.size(); ++i) {
        EXPECT_EQ(load.dataset->events[i].start, d.events[i].start) << what << " " << d.events[i].id;
        EXPECT_EQ(load.dataset->events[i].end, d.events[i].end) << what << " " << d.events[i].id;
    }
}

const Event* byTitle(const Dataset& d, const std::string& title) {
    for (const auto& e : d.events)
        if (e.title == title) return &e;
    return nullptr;
}

struct ConventionCase {
    const char* file;
    const char* detected;  // a part of ImportReport::detected
    std::size_t imported, rejected;
};

std::ostream& operator<<(std::ostream& os, const ConventionCase& c) { return os << c.file; }

class ImportConventions : public ::testing::TestWithParam<ConventionCase> {};

TEST_P(ImportConventions, DetectsTheConventionAndProducesValidEvents) {
    const ConventionCase& c = GetParam();
    auto r = importEvents(dataFile(c.file));
    ASSERT_TRUE(r) << c.file << ": " << r.error().message;
    EXPECT_NE(r->second.detected.find(c.detected), std::string::npos) << c.file << ": " << r->second.detected;
    EXPECT_EQ(r->second.rowsImported, c.imported) << c.file;
    EXPECT_EQ(r->second.rowsRejected, c.rejected) << c.file;
    EXPECT_EQ(r->second.problems.size(), c.rejected) << c.file;
    EXPECT_TRUE(r->second.attribution.empty()) << c.file;
    expectValid(r->first, c.file);
}

INSTANTIATE_TEST_SUITE_P(
    ImportGeoJson, ImportConventions,
    ::testing::Values(ConventionCase{"geojson_jsonfg_time.geojson", "JSON-FG \"time\"", 4, 1},
                      ConventionCase{"geojson_when.geojson", "\"when\"", 2, 1},
                      ConventionCase{"geojson_start_end.geojson", "fields 'start' with end 'end'", 2, 1},
                      ConventionCase{"geojson_begin_end.geojson", "fields 'begin' with end 'end'", 2, 0},
                      ConventionCase{"geojson_time.geojson", "fields 'time'", 2, 0},
                      ConventionCase{"geojson_timestamp_ms.geojson", "fields 'timestamp'", 2, 0},
                      ConventionCase{"kml_timestamp_timespan.kml", "TimeStamp/TimeSpan", 5, 0}));

TEST(ImportGeoJson, JsonFgDateTimestampAndIntervals) {
    auto r = importEvents(dataFile("geojson_jsonfg_time.geojson"));
    ASSERT_TRUE(r) << r.error().message;
    const Dataset& d = r->first;
    const Event* rally = d.findEvent("geojson-jsonfg-time-zhanaozen-rally");
    ASSERT_NE(rally, nullptr);
    EXPECT_EQ(rally->precision, Precision::Day);
    EXPECT_EQ(rally->start, at("2022-01-02T00:00:00+05:00")) << "a date is the day in the region's zone (KZ-MAN)";
    EXPECT_EQ(rally->end, at("2022-01-03T00:00:00+05:00"));
    EXPECT_EQ(rally->description, "Residents gather against the gas price rise (sample text).");
    const Event* akimat = byTitle(d, "Town hall stormed");
    ASSERT_NE(akimat, nullptr);
    EXPECT_EQ(akimat->category, Category::LootingArson);
    EXPECT_EQ(akimat->start, at("2022-01-05T14:30:00+06:00"));
    EXPECT_FALSE(akimat->hasEnd);
    const Event* open = byTitle(d, "Checkpoints set up");
    ASSERT_NE(open, nullptr);
    EXPECT_EQ(open->precision, Precision::Approximate);
    EXPECT_EQ(open->start, at("2022-01-05T23:00:00+06:00"));
    EXPECT_EQ(open->end, d.coverageEnd) << "'..' runs to the end of the imported data";
    EXPECT_GE((open->end - open->start).seconds, Duration::days(1).seconds);
    const Event* week = byTitle(d, "Gatherings over three days");
    ASSERT_NE(week, nullptr);
    EXPECT_EQ(week->category, Category::Protest) << "ACLED's 'Protests' is recognised";
    EXPECT_EQ(week->start, at("2022-01-04T00:00:00+05:00"));
    EXPECT_EQ(week->end, at("2022-01-07T00:00:00+05:00")) << "an interval of dates includes its last day";
    ASSERT_EQ(r->second.problems.size(), 1u);
    EXPECT_NE(r->second.problems[0].find(":feature 5: no time"), std::string::npos) << r->second.problems[0];
}

TEST(ImportGeoJson, WhenStartEnd) {
    auto r = importEvents(dataFile("geojson_when.geojson"));
    ASSERT_TRUE(r) << r.error().message;
    const Event* morning = byTitle(r->first, "Morning gathering");
    ASSERT_NE(morning, nullptr);
    EXPECT_EQ(morning->start, at("2022-01-05T09:00:00+06:00"));
    EXPECT_EQ(morning->end, at("2022-01-05T13:00:00+06:00"));
    EXPECT_EQ(morning->precision, Precision::Exact);
    const Event* dispersed = byTitle(r->first, "Gathering dispersed");
    ASSERT_NE(dispersed, nullptr);
    EXPECT_EQ(dispersed->category, Category::Clash);
    EXPECT_EQ(dispersed->precision, Precision::Day);
    ASSERT_EQ(r->second.problems.size(), 1u);
    EXPECT_NE(r->second.problems[0].find(":feature 3: the end '2022-01-07T08:00:00+06:00' is not after the start"),
              std::string::npos)
        << r->second.problems[0];
}

TEST(ImportGeoJson, StartEndAsMillisecondsAndDates) {
    auto r = importEvents(dataFile("geojson_start_end.geojson"));
    ASSERT_TRUE(r) << r.error().message;
    const Event* blackout = byTitle(r->first, "Internet shut down");
    ASSERT_NE(blackout, nullptr);
    EXPECT_EQ(blackout->category, Category::InternetBlackout);
    EXPECT_EQ(blackout->status, ConnectivityStatus::Full);
    EXPECT_EQ(blackout->start, Instant{1641394800});
    EXPECT_EQ(blackout->end, Instant{1641492000});
    const Event* aktau = byTitle(r->first, "Rally in Aktau");
    ASSERT_NE(aktau, nullptr);
    EXPECT_EQ((aktau->end - aktau->start).seconds, Duration::days(2).seconds);
    ASSERT_EQ(r->second.problems.size(), 1u);
    EXPECT_NE(r->second.problems[0].find("field 'start'"), std::string::npos);
    EXPECT_NE(r->second.problems[0].find("'the fifth'"), std::string::npos);
}

TEST(ImportGeoJson, BeginEndWithOutletAndDeaths) {
    auto r = importEvents(dataFile("geojson_begin_end.geojson"));
    ASSERT_TRUE(r) << r.error().message;
    const Event* clash = byTitle(r->first, "Armed clash near the airport");
    ASSERT_NE(clash, nullptr);
    ASSERT_EQ(clash->figures.size(), 1u);
    EXPECT_EQ(clash->figures[0].value, std::optional<long long>(8));
    EXPECT_EQ(clash->figures[0].reportedBy, "Caspian Wire");
    EXPECT_EQ(clash->figures[0].partial, "this event only");
    const Source* s = r->first.findSource(clash->sources.at(0).source);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->outlet, "Caspian Wire");
}

TEST(ImportGeoJson, TimeStringsWithoutOffsetUseTheRegionsZone) {
    auto r = importEvents(dataFile("geojson_time.geojson"));
    ASSERT_TRUE(r) << r.error().message;
    const Event* kostanay = byTitle(r->first, "Gathering in Kostanay");
    const Event* uralsk = byTitle(r->first, "Gathering in Uralsk");
    ASSERT_TRUE(kostanay && uralsk);
    EXPECT_EQ(kostanay->start, at("2022-01-05T19:00:00+06:00"));
    EXPECT_EQ(kostanay->place.region, "KZ-KUS");
    EXPECT_EQ(uralsk->start, at("2022-01-05T00:00:00+05:00"));
    EXPECT_EQ(uralsk->place.region, "KZ-ZAP");
}

TEST(ImportGeoJson, TimestampInMillisecondsAndSeconds) {
    auto r = importEvents(dataFile("geojson_timestamp_ms.geojson"));
    ASSERT_TRUE(r) << r.error().message;
    const Event* gunfire = byTitle(r->first, "Gunfire heard");
    const Event* statement = byTitle(r->first, "Statement broadcast");
    ASSERT_TRUE(gunfire && statement);
    EXPECT_EQ(gunfire->start, at("2022-01-06T12:00:00Z"));
    EXPECT_EQ(statement->start, at("2022-01-07T07:00:00Z"));
    EXPECT_EQ(statement->localZone.minutes, 360) << "UTC values are written in the place's zone";
}

TEST(ImportGeoJson, FieldOverridesChooseTheTime) {
    ImportOptions o;
    o.timeField = "begin";
    o.endField = "end";
    auto r = importEvents(dataFile("geojson_begin_end.geojson"), o);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_NE(r->second.detected.find("(as chosen)"), std::string::npos) << r->second.detected;
    o.timeField = "no_such_field";
    auto bad = importEvents(dataFile("geojson_begin_end.geojson"), o);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, ErrorKind::BadArgument);
    EXPECT_NE(bad.error().message.find("no field 'no_such_field'"), std::string::npos) << bad.error().message;
    EXPECT_NE(bad.error().message.find("begin (DateTime)"), std::string::npos) << bad.error().message;
}

TEST(ImportGeoJson, FieldsAreListedForAFieldPicker) {
    auto fields = listImportFields(dataFile("geojson_no_time.geojson"));
    ASSERT_TRUE(fields) << fields.error().message;
    ASSERT_EQ(fields->size(), 3u);
    EXPECT_EQ((*fields)[0].name, "name");
    EXPECT_EQ((*fields)[0].type, "String");
    EXPECT_EQ((*fields)[2].name, "count");
    EXPECT_EQ((*fields)[2].type, "Integer");
    ImportOptions o;
    o.timeField = "note";
    auto r = importEvents(dataFile("geojson_no_time.geojson"), o);
    ASSERT_FALSE(r) << "the picked field holds no time";
    EXPECT_NE(r.error().message.find("no row could be imported"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("field 'note'"), std::string::npos) << r.error().message;
}

TEST(ImportGeoJson, SqlSelectsRowsThroughOgrSql) {
    ImportOptions o;
    o.sql = "SELECT * FROM acled_kz_jan2022 WHERE event_type = 'Protests'";
    auto r = importEvents(dataFile("acled_kz_jan2022.csv"), o);
    ASSERT_TRUE(r) << r.error().message;
    for (const Event& e : r->first.events) EXPECT_EQ(e.category, Category::Protest) << e.id;
    EXPECT_GT(r->first.events.size(), 5u);
    o.sql = "SELEKT nonsense";
    auto bad = importEvents(dataFile("acled_kz_jan2022.csv"), o);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, ErrorKind::BadArgument);
    EXPECT_NE(bad.error().message.find("SQL query failed"), std::string::npos) << bad.error().message;
}

// ---- KML -----------------------------------------------------------------------------------

void checkKmlEvents(const Dataset& d) {
    const Event* stamp = byTitle(d, "Rally in Zhanaozen");
    ASSERT_NE(stamp, nullptr);
    EXPECT_EQ(stamp->precision, Precision::Day) << "a KML date covers its day";
    EXPECT_EQ((stamp->end - stamp->start).seconds, Duration::days(1).seconds);
    EXPECT_EQ(stamp->description, "Residents gather on the square (sample text).");
    const Event* span = byTitle(d, "Night clashes in Almaty");
    ASSERT_NE(span, nullptr);
    EXPECT_EQ(span->start, at("2022-01-05T23:00:00+06:00")) << "the LookAt's gx:TimeStamp is the view's, not the event's";
    EXPECT_EQ(span->end, at("2022-01-06T07:00:00+06:00"));
    const Event* utc = byTitle(d, "Address to the nation");
    ASSERT_NE(utc, nullptr);
    EXPECT_EQ(utc->start, at("2022-01-07T10:00:00Z"));
    const Event* month = byTitle(d, "Sometime in January");
    ASSERT_NE(month, nullptr);
    EXPECT_EQ(month->precision, Precision::Approximate);
    EXPECT_EQ(month->start, at("2022-01-01T00:00:00+06:00"));
    EXPECT_EQ(month->end, at("2022-02-01T00:00:00+06:00"));
    const Event* open = byTitle(d, "Open-ended checkpoint");
    ASSERT_NE(open, nullptr);
    EXPECT_TRUE(open->hasEnd);
    EXPECT_EQ(open->end, d.coverageEnd) << "a TimeSpan without <end> is unbounded";
}

TEST(ImportKml, TimeStampAndTimeSpanAcrossFolders) {
    auto r = importEvents(dataFile("kml_timestamp_timespan.kml"));
    ASSERT_TRUE(r) << r.error().message;
    // QANTAR_EXPECT_KML_DRIVER is set by the ctest entry that hides LIBKML (GDAL_SKIP=LIBKML).
    const char* driver = std::getenv("QANTAR_EXPECT_KML_DRIVER");
    const std::string expected = driver ? driver : "LIBKML";
    EXPECT_NE(r->second.detected.find("GDAL's " + expected + " driver"), std::string::npos) << r->second.detected;
    EXPECT_EQ(r->second.rowsImported, 5u);
    checkKmlEvents(r->first);
    expectValid(r->first, "kml");
}

TEST(ImportKml, KmzArchive) {
    std::ifstream in(dataFile("kml_timestamp_timespan.kml"), std::ios::binary);
    std::stringstream kml;
    kml << in.rdbuf();
    const std::string text = kml.str();
    const std::string kmz = (scratch() / "sample.kmz").string();
    fs::remove(kmz);
    void* zip = CPLCreateZip(kmz.c_str(), nullptr);
    ASSERT_NE(zip, nullptr);
    ASSERT_EQ(CPLCreateFileInZip(zip, "doc.kml", nullptr), CE_None);
    ASSERT_EQ(CPLWriteFileInZip(zip, text.data(), static_cast<int>(text.size())), CE_None);
    CPLCloseFileInZip(zip);
    CPLCloseZip(zip);
    auto r = importEvents(kmz);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->second.rowsImported, 5u);
    checkKmlEvents(r->first);
}

TEST(ImportKml, DocumentWithoutTimesSaysSo) {
    auto r = importEvents(dataFile("kml_no_times.kml"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::ImportNoTime);
    EXPECT_NE(r.error().message.find("no placemark has a TimeStamp or TimeSpan"), std::string::npos)
        << r.error().message;
}

// ---- Boundaries ----------------------------------------------------------------------------

TEST(ImportBoundaries, PolygonsWithHolesAndMultiPolygonsNamed) {
    auto r = importBoundaries(dataFile("boundaries.geojson"));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->size(), 2u) << "the point feature is not a boundary";
    const Boundary& district = (*r)[0];
    EXPECT_EQ(district.name, "Sample district with a hole");
    ASSERT_EQ(district.polygons.size(), 1u);
    ASSERT_EQ(district.polygons[0].rings.size(), 2u);
    EXPECT_EQ(district.polygons[0].rings[0].size(), 4u) << "the closing point is dropped";
    EXPECT_DOUBLE_EQ(district.polygons[0].rings[0][0].lon, 76.80);
    EXPECT_DOUBLE_EQ(district.polygons[0].rings[0][0].lat, 43.15);
    const Boundary& islands = (*r)[1];
    EXPECT_EQ(islands.name, "Two islands");
    EXPECT_EQ(islands.polygons.size(), 2u);
    EXPECT_EQ(islands.polygons[0].rings[0].size(), 3u);
}

// Writes the "Two islands" feature of the GeoJSON sample to `format` in UTM zone 43N (EPSG:32643),
// through GDAL's own ogr2ogr library function.
bool writeProjectedCopy(const std::string& format, const std::string& out) {
    GDALAllRegister();
    GDALDatasetH src = GDALOpenEx(dataFile("boundaries.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    if (!src) return false;
    const char* args[] = {"-f", format.c_str(), "-t_srs", "EPSG:32643", "-where", "name = 'Two islands'", nullptr};
    GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
    int failed = 0;
    GDALDatasetH dst = GDALVectorTranslate(out.c_str(), nullptr, 1, &src, opts, &failed);
    GDALVectorTranslateOptionsFree(opts);
    if (dst) GDALClose(dst);
    GDALClose(src);
    return dst && !failed;
}

class ImportBoundaryFormats : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(ImportBoundaryFormats, ReprojectsToLonLat) {
    const auto [format, name] = GetParam();
    const fs::path dir = scratch() / "boundaries_utm";
    fs::create_directories(dir);
    const std::string path = (dir / name).string();
    fs::remove(path);
    ASSERT_TRUE(writeProjectedCopy(format, path)) << format;
    auto r = importBoundaries(path);
    ASSERT_TRUE(r) << format << ": " << r.error().message;
    ASSERT_EQ(r->size(), 1u) << format;
    EXPECT_EQ((*r)[0].name, "Two islands") << format;
    const LonLat p = (*r)[0].polygons.at(0).rings.at(0).at(0);
    EXPECT_NEAR(p.lon, 51.0, 1e-6) << format;
    EXPECT_NEAR(p.lat, 43.5, 1e-6) << format;
}

INSTANTIATE_TEST_SUITE_P(ImportBoundaries, ImportBoundaryFormats,
                         ::testing::Values(std::make_pair("ESRI Shapefile", "districts.shp"),
                                           std::make_pair("GPKG", "districts.gpkg")));

TEST(ImportBoundaries, NoPolygonsIsAnError) {
    auto r = importBoundaries(dataFile("geojson_time.geojson"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::GeoJsonGeometry);
    EXPECT_NE(r.error().message.find("no polygons found (2 features"), std::string::npos) << r.error().message;
}

}  // namespace
