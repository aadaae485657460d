// Hostile and careless sources (the hostile-input review): credentials in every form a source can
// carry them never shown, very long sources, long texts cut with a count, rows numbered as the
// docs say, and clear messages for half Shapefiles, NUL bytes, oversized KMZ, hex coordinates and
// years outside the format's range.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/events/events.hpp"
#include "core/import/import.hpp"

namespace {

using namespace qantar::core;
namespace fs = std::filesystem;

fs::path scratch() {
    const fs::path d = fs::path(QANTAR_TEST_OUTPUT_DIR) / "import_hostile";
    fs::create_directories(d);
    return d;
}

std::string writeFile(const std::string& name, const std::string& bytes) {
    const fs::path p = scratch() / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// One printable line that names the source.
void expectCleanLine(const std::string& message) {
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    for (char c : message) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << message;
    EXPECT_LT(message.size(), 2000u);
}

// ---- D3: credentials ------------------------------------------------------------------------

struct MaskCase {
    const char* name;
    const char* source;
    const char* shown;  // a part of what is shown; "" for no check beyond the secret
};

std::ostream& operator<<(std::ostream& os, const MaskCase& c) { return os << c.name; }

class ImportCredentials : public ::testing::TestWithParam<MaskCase> {};

TEST_P(ImportCredentials, AreNeverShown) {
    const MaskCase& c = GetParam();
    const std::string shown = displayImportSource(c.source);
    EXPECT_FALSE(contains(shown, "S3CRET")) << c.name << ": " << shown;
    EXPECT_FALSE(contains(shown, "S3%43RET")) << c.name << ": " << shown;
    EXPECT_FALSE(contains(shown, "C;RET")) << c.name << ": " << shown;
    EXPECT_TRUE(contains(shown, c.shown)) << c.name << ": " << shown;
}

INSTANTIATE_TEST_SUITE_P(
    Import, ImportCredentials,
    ::testing::Values(
        MaskCase{"PgKeyValue", "PG:host=db port=5432 dbname=d user=u password=S3CRET",
                 "PG:host=db port=5432 dbname=d user=u password=***"},
        MaskCase{"PgSpacesAroundEquals", "PG:dbname=d password = S3CRET host=db", "password=***"},
        MaskCase{"PgQuotedWithEscapedQuote", "PG:host=db password='a\\'S3CRET b' dbname=d",
                 "PG:host=db dbname=d password=***"},
        MaskCase{"PgQuotedWithBackslash", "PG:host=db password='S3CRET\\\\x' user=u", "user=u password=***"},
        MaskCase{"PgUri", "PG:postgresql://u:S3CRET@127.0.0.1:5432/db",
                 "PG:host=127.0.0.1 port=5432 dbname=db user=u password=***"},
        MaskCase{"PgShortUri", "PG:postgres://u:S3CRET@db/x", "PG:host=db dbname=x user=u password=***"},
        MaskCase{"PgUriPercentEncoded", "PG:postgresql://u:S3%43RET@db/x", "password=***"},
        MaskCase{"PgUriQueryPassword", "PG:postgresql://u@db/x?password=S3CRET&sslmode=disable",
                 "sslmode=disable"},
        MaskCase{"PgUriEncodedKeyword", "PG:postgresql://db/x?pass%77ord=S3CRET", "PG:"},
        MaskCase{"PgBareUri", "postgresql://u:S3CRET@db/x", "password=***"},
        MaskCase{"PgWithGdalTables", "PG:host=db password=S3CRET tables=events", "tables=events"},
        MaskCase{"PgUnreadable", "PG:host=db password='S3CRET", "PG:***"},
        MaskCase{"PgUnknownKeyword", "PG:nonsense=1 password=S3CRET", "PG:***"},
        MaskCase{"OdbcLogin", "ODBC:user/S3CRET@dsn", "ODBC:user/***@dsn"},
        MaskCase{"OdbcLoginWithTables", "ODBC:user/S3CRET@dsn,events", "ODBC:user/***@dsn,events"},
        MaskCase{"OdbcPwd", "ODBC:DRIVER={SQL Server};SERVER=h;UID=u;PWD=S3CRET;DATABASE=d", "PWD=***;DATABASE=d"},
        MaskCase{"OdbcBracedPwd", "ODBC:DRIVER=x;PWD={S3C;RET};DATABASE=d", "PWD=***;DATABASE=d"},
        MaskCase{"OciLogin", "OCI:scott/S3CRET@orcl", "OCI:scott/***@orcl"},
        MaskCase{"MySql", "MYSQL:db,user=u,password=S3CRET,host=h", "MYSQL:db,user=u,password=***,host=h"},
        MaskCase{"VsicurlUserinfo", "/vsicurl/https://u:S3CRET@example.org/a.csv",
                 "/vsicurl/https://u:***@example.org/a.csv"},
        MaskCase{"VsicurlToken", "/vsicurl/https://example.org/a.csv?token=S3CRET&x=1",
                 "/vsicurl/https://example.org/a.csv?token=***&x=1"},
        MaskCase{"AccessToken", "https://example.org/a.geojson?access_token=S3CRET", "access_token=***"},
        MaskCase{"ApiKey", "https://example.org/a.geojson?key=S3CRET", "key=***"},
        MaskCase{"AzureSig", "/vsicurl/https://x.blob.core.windows.net/c/a.csv?sv=2020&sig=S3CRET", "sv=2020&sig=***"},
        MaskCase{"S3Presigned", "/vsicurl/https://b.s3.amazonaws.com/a.csv?X-Amz-Credential=S3CRET1&X-Amz-Signature=S3CRET",
                 "X-Amz-Signature=***"},
        MaskCase{"Ftp", "ftp://u:S3CRET@ftp.example.org/a.kml", "ftp://u:***@ftp.example.org/a.kml"},
        MaskCase{"Vsis3Unchanged", "/vsis3/bucket/a.csv", "/vsis3/bucket/a.csv"},
        MaskCase{"PlainPathUnchanged", "/data/events.csv", "/data/events.csv"},
        MaskCase{"GpkgUnchanged", "GPKG:/data/a.gpkg:events", "GPKG:/data/a.gpkg:events"}));

TEST(ImportHostile, UnreachableUriDatabaseNamesNoPassword) {
    ImportOptions o;
    o.layer = "events";
    auto r = importEvents("PG:postgresql://u:S3CRET@127.0.0.1:1/db?connect_timeout=2", o);
    ASSERT_FALSE(r);
    EXPECT_FALSE(contains(r.error().message, "S3CRET")) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, "password=***")) << r.error().message;
    expectCleanLine(r.error().message);
}

// ---- D9: long sources -------------------------------------------------------------------------

TEST(ImportHostile, HundredThousandCharacterSourcesGiveACleanMessage) {
    for (const std::string& source :
         {std::string(100000, 'a'), "PG:host=h password=" + std::string(100000, 'x'), "PG" + std::string(100000, 'G') + ":",
          "/vsicurl/https://" + std::string(100000, 'u') + ":p@h/", "https://h/?" + std::string(100000, '&')}) {
        auto r = importEvents(source);
        ASSERT_FALSE(r);
        expectCleanLine(r.error().message);
        EXPECT_TRUE(contains(r.error().message, "100")) << r.error().message.substr(0, 300);
        EXPECT_LT(displayImportSource(source).size(), 200001u);
    }
}

// ---- D2/D9: long texts ------------------------------------------------------------------------

std::string acledRow(const std::string& id, const std::string& notes, const std::string& lat = "43.2389",
                     const std::string& lon = "76.8897", const std::string& date = "05 January 2022") {
    return id + "," + date + ",2022,1,Demonstrations,Protests,Peaceful protest,Protesters,,,,,,,,398,,Kazakhstan,Almaty,"
           "Almaty,,Almaty," + lat + "," + lon + ",1,Wire,National,\"" + notes + "\",0,,1642528800\n";
}

const char* kAcledHeader =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";

std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    return n;
}

TEST(ImportHostile, LongAcledNotesAreCutAndCounted) {
    std::string notes;
    for (int i = 0; i < 20000; ++i) notes += "\xD0\x96";  // Ж, two bytes
    const std::string path = writeFile("long_notes.csv", std::string(kAcledHeader) + acledRow("KAZ1", notes) +
                                                             acledRow("KAZ2", "Short notes."));
    auto r = importEvents(path);
    ASSERT_TRUE(r) << r.error().message;
    const Dataset& ds = r->first;
    ASSERT_EQ(ds.events.size(), 2u);
    const Event* e = ds.findEvent("acled-kaz1");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(codePoints(e->description), 4000u);
    EXPECT_EQ(e->description.substr(e->description.size() - 3), "\xE2\x80\xA6");
    EXPECT_EQ(e->description.substr(0, 2), "\xD0\x96");
    EXPECT_EQ(r->second.textsShortened, 1u);
    ASSERT_FALSE(r->second.warnings.empty());
    EXPECT_TRUE(contains(r->second.warnings.front(), "row 2: field 'notes': longer than 4000 characters, cut to 4000"))
        << r->second.warnings.front();
    EXPECT_EQ(ds.findEvent("acled-kaz2")->description, "Short notes.");
}

TEST(ImportHostile, LongGenericDescriptionIsCut) {
    const std::string path = writeFile("long_desc.csv", "name,time,lon,lat,description\nA,2022-01-05,76.9,43.2," +
                                                            std::string(9000, 'd') + "\n");
    auto r = importEvents(path);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(codePoints(r->first.events.at(0).description), 4000u);
    EXPECT_EQ(r->second.textsShortened, 1u);
}

// ---- D17: row numbers -------------------------------------------------------------------------

TEST(ImportHostile, GenericCsvRowsAreNumberedFromTwo) {
    const std::string path = writeFile("rows.csv", "name,time,lon,lat\nA,not a date,76.9,43.2\nB,2022-01-05,76.9,43.2\n");
    auto r = importEvents(path);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->second.problems.size(), 1u);
    EXPECT_TRUE(contains(r->second.problems.front(), "rows.csv:row 2: ")) << r->second.problems.front();
}

// ---- D18: messages ----------------------------------------------------------------------------

// A one-point Shapefile with a time field, written by GDAL.
fs::path writeShapefile(const std::string& name) {
    const fs::path dir = scratch() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    GDALAllRegister();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(drv->Create((dir / "points.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = ds->CreateLayer("points", nullptr, wkbPoint, nullptr);
    OGRFieldDefn time("time", OFTString);
    layer->CreateField(&time);
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    f->SetField("time", "2022-01-05");
    OGRPoint p(76.9, 43.2);
    f->SetGeometry(&p);
    EXPECT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
    return dir;
}

TEST(ImportHostile, ShapefileWithoutDbfSaysSo) {
    const fs::path dir = writeShapefile("no_dbf");
    ASSERT_TRUE(importEvents((dir / "points.shp").string())) << "the complete Shapefile must import";
    fs::remove(dir / "points.dbf");
    for (const std::string& source : {(dir / "points.shp").string(), dir.string()}) {
        auto r = importEvents(source);
        ASSERT_FALSE(r);
        EXPECT_TRUE(contains(r.error().message, "points.dbf is missing")) << r.error().message;
        expectCleanLine(r.error().message);
    }
}

TEST(ImportHostile, ShapefileWithoutShxSaysSo) {
    const fs::path dir = writeShapefile("no_shx");
    fs::remove(dir / "points.shx");
    for (const std::string& source : {(dir / "points.shp").string(), dir.string()}) {
        auto r = importEvents(source);
        ASSERT_FALSE(r);
        EXPECT_TRUE(contains(r.error().message, "points.shx is missing")) << r.error().message;
        EXPECT_FALSE(contains(r.error().message, "no vector layers")) << r.error().message;
    }
}

TEST(ImportHostile, NulByteInACsvCellIsNamed) {
    std::string csv = "name,time,lon,lat\nA,2022-01-05,76.9,43.2\nB";
    csv += '\0';
    csv += "x,2022-01-06,76.9,43.2\nC,2022-01-07,76.9,43.2\n";
    const std::string path = writeFile("nul.csv", csv);
    auto r = importEvents(path);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->second.rowsImported, 2u);
    ASSERT_EQ(r->second.problems.size(), 1u);
    EXPECT_TRUE(contains(r->second.problems.front(), "nul.csv:row 3: field 'name': holds a NUL byte"))
        << r->second.problems.front();
}

// A zip archive with one stored entry whose directory states `statedSize` bytes (a bomb says it
// inflates to far more than it holds; the size is checked before anything reads it).
void writeZip(const std::string& path, const std::string& entryName, const std::string& data, std::uint32_t statedSize) {
    std::string z;
    auto u16 = [&](std::uint32_t v) { z += static_cast<char>(v & 0xff), z += static_cast<char>((v >> 8) & 0xff); };
    auto u32 = [&](std::uint32_t v) { u16(v & 0xffff), u16(v >> 16); };
    const auto compressed = static_cast<std::uint32_t>(data.size());
    u32(0x04034b50), u16(20), u16(0), u16(0), u16(0), u16(0), u32(0), u32(compressed), u32(statedSize);
    u16(static_cast<std::uint32_t>(entryName.size())), u16(0);
    z += entryName + data;
    const auto central = static_cast<std::uint32_t>(z.size());
    u32(0x02014b50), u16(20), u16(20), u16(0), u16(0), u16(0), u16(0), u32(0), u32(compressed), u32(statedSize);
    u16(static_cast<std::uint32_t>(entryName.size())), u16(0), u16(0), u16(0), u16(0), u32(0), u32(0);
    z += entryName;
    const auto centralSize = static_cast<std::uint32_t>(z.size()) - central;
    u32(0x06054b50), u16(0), u16(0), u16(1), u16(1), u32(centralSize), u32(central), u16(0);
    std::ofstream(path, std::ios::binary) << z;
}

TEST(ImportHostile, OversizedKmzIsRefusedNamingTheLimit) {
    const std::string kml = "<kml><Document><Placemark><name>A</name></Placemark></Document></kml>";
    const std::string path = (scratch() / "bomb.kmz").string();
    writeZip(path, "doc.kml", kml, 300u * 1024 * 1024);
    auto r = importEvents(path);
    ASSERT_FALSE(r);
    EXPECT_TRUE(contains(r.error().message, "too large")) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, "256 MiB")) << r.error().message;
    expectCleanLine(r.error().message);
}

// ---- D20: values the format does not accept ---------------------------------------------------

TEST(ImportHostile, HexCoordinatesAreNotNumbers) {
    const std::string path = writeFile("hex.csv", "name,time,lon,lat\nA,2022-01-05,0x4C,0x2B\nB,2022-01-05,76.9,43.2\n");
    auto r = importEvents(path);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->second.rowsImported, 1u);
    ASSERT_EQ(r->second.problems.size(), 1u);
    EXPECT_TRUE(contains(r->second.problems.front(), "row 2: fields 'lon', 'lat': missing or not numbers"))
        << r->second.problems.front();

    const std::string acled = writeFile("hex_acled.csv", std::string(kAcledHeader) + acledRow("KAZ1", "n", "0x2B", "0x4C") +
                                                             acledRow("KAZ2", "n"));
    auto a = importEvents(acled);
    ASSERT_TRUE(a) << a.error().message;
    EXPECT_EQ(a->second.rowsImported, 1u);
    ASSERT_EQ(a->second.problems.size(), 1u);
    EXPECT_TRUE(contains(a->second.problems.front(), "row 2: field 'latitude': '0x2B' is not a number"))
        << a->second.problems.front();
}

TEST(ImportHostile, YearsOutsideTheFormatAreRefused) {
    const std::string path = writeFile("years.csv", "name,time,lon,lat\nA,0000-01-05,76.9,43.2\nB,2150-01-05,76.9,43.2\n"
                                                    "C,2022-01-05,76.9,43.2\n");
    auto r = importEvents(path);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->second.rowsImported, 1u);
    ASSERT_EQ(r->second.problems.size(), 2u);
    EXPECT_TRUE(contains(r->second.problems[0], "row 2: ")) << r->second.problems[0];
    EXPECT_TRUE(contains(r->second.problems[0], "outside 1900..2100")) << r->second.problems[0];
    EXPECT_TRUE(contains(r->second.problems[1], "row 3: ")) << r->second.problems[1];
    EXPECT_TRUE(contains(r->second.problems[1], "2150 is outside 1900..2100")) << r->second.problems[1];

    const std::string acled = writeFile("years_acled.csv", std::string(kAcledHeader) +
                                                               acledRow("KAZ1", "n", "43.2", "76.9", "05 January 1850") +
                                                               acledRow("KAZ2", "n"));
    auto a = importEvents(acled);
    ASSERT_TRUE(a) << a.error().message;
    EXPECT_EQ(a->second.rowsImported, 1u);
    ASSERT_EQ(a->second.problems.size(), 1u);
    EXPECT_TRUE(contains(a->second.problems.front(), "row 2: field 'event_date': '05 January 1850': the year 1850 is outside 1900..2100"))
        << a->second.problems.front();
}

}  // namespace
