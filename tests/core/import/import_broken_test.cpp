// Broken, truncated, huge, binary and hostile input: each gives its own clear message (kind and
// words pinned here) and never a crash.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/events/event_format.hpp"
#include "core/events/events.hpp"
#include "core/import/import.hpp"

namespace {

using namespace qantar::core;
namespace fs = std::filesystem;

std::string dataFile(const std::string& name) { return std::string(QANTAR_IMPORT_DATA_DIR) + "/" + name; }

fs::path scratch() {
    const fs::path d = fs::path(QANTAR_TEST_OUTPUT_DIR) / "import_broken";
    fs::create_directories(d);
    return d;
}

std::string writeFile(const std::string& name, const std::string& bytes) {
    const fs::path p = scratch() / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
}

std::string randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xff);
    return s;
}

// The message must be one printable line that names the file.
void expectCleanMessage(const Error& e, const std::string& path) {
    EXPECT_NE(e.message.find(path), std::string::npos) << e.message;
    EXPECT_EQ(e.message.find('\n'), std::string::npos) << e.message;
    for (char c : e.message) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << e.message;
    EXPECT_LT(e.message.size(), 2000u);
}

struct BrokenCase {
    const char* name;
    const char* file;  // under tests/data/import
    ErrorKind kind;
    const char* message;  // a part of the message the user must see
};

std::ostream& operator<<(std::ostream& os, const BrokenCase& c) { return os << c.name; }

class ImportBrokenCorpus : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(ImportBrokenCorpus, GivesItsMessage) {
    const BrokenCase& c = GetParam();
    const std::string path = dataFile(c.file);
    auto r = importEvents(path);
    ASSERT_FALSE(r) << c.name << " imported " << r->second.rowsImported << " rows";
    EXPECT_EQ(errorKindId(r.error().kind), std::string(errorKindId(c.kind))) << c.name << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(c.message), std::string::npos) << c.name << ": " << r.error().message;
    expectCleanMessage(r.error(), path);
}

INSTANTIATE_TEST_SUITE_P(
    Import, ImportBrokenCorpus,
    ::testing::Values(
        BrokenCase{"EmptyFile", "broken/empty.csv", ErrorKind::FileUnreadable, ": the file is empty"},
        BrokenCase{"AcledWithoutCoordinates", "broken/acled_without_coordinates.csv", ErrorKind::MissingProperty,
                   "looks like an ACLED export (it has 'event_id_cnty') but lacks the column(s) 'latitude', 'longitude'"},
        BrokenCase{"CsvWithoutTimeOrPlace", "broken/no_geometry.csv", ErrorKind::ImportNoTime,
                   "candidate fields: name (String), observed (String)"},
        BrokenCase{"TruncatedGeoJson", "broken/truncated.geojson", ErrorKind::FileUnreadable,
                   "GDAL's GeoJSON driver cannot read it"},
        BrokenCase{"GeoJsonWithoutTime", "geojson_no_time.geojson", ErrorKind::ImportNoTime,
                   "no time found (looked for JSON-FG \"time\", \"when\", fields named start, begin, time, timestamp, "
                   "date, ... and Date/DateTime fields); candidate fields: name (String), note (String), count "
                   "(Integer)"},
        BrokenCase{"KmlWithoutTimes", "kml_no_times.kml", ErrorKind::ImportNoTime,
                   "no placemark has a TimeStamp or TimeSpan"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(ImportBroken, MissingPathIsFileNotFound) {
    const std::string path = (scratch() / "does-not-exist.csv").string();
    auto r = importEvents(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::FileNotFound);
    EXPECT_EQ(r.error().message, path + ": file not found");
}

TEST(ImportBroken, DirectoryWithoutLayers) {
    const fs::path dir = scratch() / "an-empty-directory";
    fs::create_directories(dir);
    auto r = importEvents(dir.string());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::FileUnreadable);
    EXPECT_NE(r.error().message.find("is a directory with no vector layers"), std::string::npos) << r.error().message;
}

TEST(ImportBroken, BinaryGarbageIsNotAFormat) {
    const std::string path = writeFile("garbage.bin", randomBytes(4096, 1));
    auto r = importEvents(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::FileUnreadable);
    EXPECT_EQ(r.error().message, path + ": not a vector format GDAL can read (expected CSV, GeoJSON, KML/KMZ, "
                                        "GeoPackage, Shapefile, ...)");
}

TEST(ImportBroken, FiveMegabytesOfRandomBytes) {
    const std::string path = writeFile("random-5mb.dat", randomBytes(5u << 20, 5));
    auto r = importEvents(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::FileUnreadable);
    expectCleanMessage(r.error(), path);
}

// Garbage under the extensions that pick a driver by name: the driver opens it and must fail cleanly.
class ImportGarbageNamedLikeAFormat : public ::testing::TestWithParam<const char*> {};

TEST_P(ImportGarbageNamedLikeAFormat, FailsWithOneCleanLine) {
    for (unsigned seed : {2u, 3u}) {
        const std::string path = writeFile(std::string("garbage-") + std::to_string(seed) + "." + GetParam(),
                                           randomBytes(seed == 2 ? 3000 : (1u << 20), seed));
        auto r = importEvents(path);
        ASSERT_FALSE(r) << path;
        expectCleanMessage(r.error(), path);
    }
}

TEST(ImportBroken, BinaryFileNamedCsv) {
    const std::string path = writeFile("binary.csv", randomBytes(3000, 2));
    auto r = importEvents(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::FileUnreadable);
    EXPECT_EQ(r.error().message, path + ": not a CSV text file (its first line holds binary data)");
}

INSTANTIATE_TEST_SUITE_P(Import, ImportGarbageNamedLikeAFormat,
                         ::testing::Values("csv", "geojson", "json", "kml", "kmz", "gpkg", "shp"));

TEST(ImportBroken, HostileJsonNestingAndHugeValues) {
    std::string deep = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"time\": ";
    for (int i = 0; i < 100000; ++i) deep += "[";
    const std::string path = writeFile("deep.geojson", deep);
    auto r = importEvents(path);
    ASSERT_FALSE(r);
    expectCleanMessage(r.error(), path);

    const std::string huge = writeFile(
        "huge-values.geojson",
        R"({"type": "FeatureCollection", "features": [
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1e308, -1e308]}, "properties": {"time": "2022-01-05"}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [76.9, 43.2]}, "properties": {"time": 1e300}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [76.9, 43.2]}, "properties": {"time": "2022-01-05T25:61"}},
          {"type": "Feature", "geometry": null, "properties": {"time": "2022-01-05"}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [76.9, 43.2]}, "properties": {"time": "2022-01-05"}}]})");
    auto h = importEvents(huge);
    ASSERT_TRUE(h) << h.error().message;
    EXPECT_EQ(h->second.rowsImported, 1u);
    EXPECT_EQ(h->second.rowsRejected, 4u);
    for (const auto& p : h->second.problems) EXPECT_EQ(p.find('\n'), std::string::npos) << p;
}

TEST(ImportBroken, CsvWithAVeryLongLineAndControlCharacters) {
    std::string csv = "event_id_cnty,event_date,event_type,latitude,longitude,notes\n";
    csv += "KAZ1,05 January 2022,Protests,43.25,76.93,\"" + std::string(2u << 20, 'x') + "\"\n";
    csv += std::string("KAZ2,\x01\x02\xff,Protests,43.25,76.93,bell\a\n");
    csv += "KAZ3,05 January 2022,Protests,not-a-number,76.93,x\n";
    csv += "KAZ4,05 January 2022,Protests,95,76.93,x\n";
    csv += "KAZ5,05 January 2022,Protests,0,0,x\n";
    const std::string path = writeFile("long-line.csv", csv);
    auto r = importEvents(path);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->second.rowsImported, 1u);
    EXPECT_EQ(r->second.rowsRejected, 4u);
    ASSERT_EQ(r->second.problems.size(), 4u);
    EXPECT_NE(r->second.problems[0].find(":row 3: field 'event_date': '\\x01\\x02\\xFF' is not a date"),
              std::string::npos)
        << r->second.problems[0];
    EXPECT_NE(r->second.problems[1].find(":row 4: field 'latitude': 'not-a-number' is not a number"), std::string::npos);
    EXPECT_NE(r->second.problems[2].find(":row 5: field 'latitude': '95' is outside -90..90"), std::string::npos);
    EXPECT_NE(r->second.problems[3].find(":row 6: fields 'latitude' and 'longitude': 0, 0"), std::string::npos);
    const DatasetLoad load = parseDataset(serializeDataset(r->first), "x.json");
    EXPECT_TRUE(load.dataset);
}

TEST(ImportBroken, OnlyTheFirstTenProblemsAreKeptButAllAreCounted) {
    std::string csv = "event_id_cnty,event_date,event_type,latitude,longitude\n";
    for (int i = 0; i < 25; ++i) csv += "KAZ" + std::to_string(i) + ",05 January 2022,Protests,,\n";
    csv += "KAZ99,05 January 2022,Protests,43.25,76.93\n";
    auto r = importEvents(writeFile("many-bad.csv", csv));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->second.rowsRejected, 25u);
    EXPECT_EQ(r->second.problems.size(), kMaxImportProblems);
}

TEST(ImportBroken, AllRowsRejectedIsAnError) {
    std::string csv = "event_id_cnty,event_date,event_type,latitude,longitude\nKAZ1,someday,Protests,43.2,76.9\n";
    const std::string path = writeFile("all-bad.csv", csv);
    auto r = importEvents(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::DatasetInvalid);
    EXPECT_EQ(r.error().message, path + ": no row could be imported (1 read, all rejected); the first: " + path +
                                     ":row 2: field 'event_date': 'someday' is not a date (expected 2022-01-05, 05 "
                                     "January 2022 or 05-Jan-22)");
}

TEST(ImportBroken, HeaderOnlyHasNothingToImport) {
    const std::string path =
        writeFile("header-only.csv", "event_id_cnty,event_date,event_type,latitude,longitude\n");
    auto r = importEvents(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::DatasetInvalid);
    EXPECT_EQ(r.error().message, path + ": has no features to import");
}

TEST(ImportBroken, FifoIsNotARegularFile) {
    const fs::path fifo = scratch() / "a.fifo";
    fs::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto r = importEvents(fifo.string());  // must not block waiting for a writer
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, fifo.string() + ": not a regular file");
    fs::remove(fifo);
}

TEST(ImportBroken, UnreachableDatabaseNamesNoPassword) {
    ImportOptions o;
    o.layer = "events";
    auto r = importEvents("PG:host=127.0.0.1 port=1 dbname=nothing user=nobody password=s3cret connect_timeout=2", o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::FileUnreadable);
    EXPECT_EQ(r.error().message.find("s3cret"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("password=***"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("cannot be opened"), std::string::npos) << r.error().message;
}

TEST(ImportBroken, SeveralLayersNeedAChoice) {
    const fs::path dir = scratch() / "two-layers";
    fs::create_directories(dir);
    const std::string csv = "name,time,lon,lat\nA,2022-01-05,76.9,43.2\n";
    std::ofstream(dir / "a.csv") << csv;
    std::ofstream(dir / "b.csv") << csv;
    auto r = importEvents(dir.string());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::BadArgument);
    EXPECT_NE(r.error().message.find("has 2 layers"), std::string::npos) << r.error().message;
    ImportOptions o;
    o.layer = "b";
    auto chosen = importEvents(dir.string(), o);
    ASSERT_TRUE(chosen) << chosen.error().message;
    EXPECT_EQ(chosen->second.rowsImported, 1u);
    o.layer = "c";
    auto missing = importEvents(dir.string(), o);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("no layer 'c'; its layers: "), std::string::npos) << missing.error().message;
}

}  // namespace
