// Data out (core/export/data_export.hpp): every format GDAL reads back with the same events,
// times and places; KML's TimeSpan/TimeStamp and the story's tour; ACLED's column names in the
// CSV; a round trip through qantar's own importer; and clear errors for bad targets.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>

#include "core/events/event_format.hpp"
#include "core/events/events.hpp"
#include "core/export/data_export.hpp"
#include "core/import/import.hpp"
#include "core/story/story.hpp"

namespace {

using namespace qantar::core;
namespace fs = std::filesystem;

fs::path scratch() {
    const fs::path d = fs::path(QANTAR_TEST_OUTPUT_DIR) / "data_export";
    fs::create_directories(d);
    return d;
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t countOf(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
    return n;
}

const Dataset& bundled() {
    static const Dataset d = *loadDatasetOrError(std::string(QANTAR_ASSET_DIR) + "/events/events.json");
    return d;
}

std::vector<std::size_t> all(const Dataset& d) {
    std::vector<std::size_t> v(d.events.size());
    std::iota(v.begin(), v.end(), std::size_t{0});
    return v;
}

fs::path write(const std::string& name, const Story* story = nullptr) {
    const fs::path p = scratch() / name;
    auto r = exportEventData(bundled(), all(bundled()), p.string(), story, "week.json");
    EXPECT_TRUE(r) << name << ": " << (r ? "" : r.error().message);
    return p;
}

// What GDAL reads back from a written file: per event id, its start text (or UTC DateTime) and point.
struct ReadBack {
    std::size_t features = 0;
    std::map<std::string, Instant> start;
    std::map<std::string, std::optional<std::pair<double, double>>> point;
};

// A field as GDAL reads it: ISO text, or a typed DateTime (GeoPackage's UTC, LIBKML's offset).
Instant instantOf(OGRFeature& f, int index) {
    const OGRFieldType type = f.GetFieldDefnRef(index)->GetType();
    if (type != OFTDateTime) {
        auto parsed = parseIsoTime(f.GetFieldAsString(index));
        EXPECT_TRUE(parsed) << f.GetFieldAsString(index);
        return parsed ? parsed->instant : Instant{};
    }
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
    float sec = 0;
    f.GetFieldAsDateTime(index, &y, &mo, &d, &h, &mi, &sec, &tz);
    EXPECT_GE(tz, 2) << "a time without a zone: " << f.GetFieldAsString(index);
    return toInstant(CivilTime{y, mo, d, h, mi, static_cast<int>(sec)}, ZoneOffset{(tz - 100) * 15});
}

ReadBack readWithGdal(const fs::path& p) {
    GDALAllRegister();
    ReadBack r;
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(p.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!ds) {
        ADD_FAILURE() << "GDAL cannot open " << p;
        return r;
    }
    for (OGRLayer* layer : ds->GetLayers()) {
        for (auto& f : *layer) {
            ++r.features;
            const int idIdx = f->GetFieldIndex("id");
            if (idIdx < 0) continue;
            const std::string id = f->GetFieldAsString(idIdx);
            const int s = f->GetFieldIndex("start");
            const int b = f->GetFieldIndex("begin");  // KML's TimeSpan, as GDAL's LIBKML driver reads it
            const int w = f->GetFieldIndex("timestamp");
            const int t = s >= 0 ? s : b >= 0 && f->IsFieldSetAndNotNull(b) ? b : w;
            if (t >= 0) r.start[id] = instantOf(*f, t);
            const OGRGeometry* g = f->GetGeometryRef();
            if (g && !g->IsEmpty() && wkbFlatten(g->getGeometryType()) == wkbPoint) {
                r.point[id] = std::make_pair(g->toPoint()->getX(), g->toPoint()->getY());
            } else {
                const int lon = f->GetFieldIndex("longitude"), lat = f->GetFieldIndex("latitude");
                if (lon >= 0 && lat >= 0 && f->IsFieldSetAndNotNull(lon) && f->GetFieldAsString(lon)[0]) {
                    r.point[id] = std::make_pair(f->GetFieldAsDouble(lon), f->GetFieldAsDouble(lat));
                } else {
                    r.point[id] = std::nullopt;
                }
            }
        }
    }
    GDALClose(ds);
    return r;
}

void expectSameEvents(const ReadBack& r, const std::string& what) {
    const Dataset& d = bundled();
    EXPECT_EQ(r.features, d.events.size()) << what;
    ASSERT_EQ(r.start.size(), d.events.size()) << what;
    for (const auto& e : d.events) {
        ASSERT_TRUE(r.start.count(e.id)) << what << ": " << e.id;
        EXPECT_EQ(r.start.at(e.id), e.start) << what << ": " << e.id;
        const auto& p = r.point.at(e.id);
        ASSERT_EQ(p.has_value(), e.place.lonLat.has_value()) << what << ": " << e.id;
        if (p) {
            EXPECT_NEAR(p->first, e.place.lonLat->lon, 1e-6) << what << ": " << e.id;
            EXPECT_NEAR(p->second, e.place.lonLat->lat, 1e-6) << what << ": " << e.id;
        }
    }
}

TEST(DataExport, GeoJsonReadBackByGdalWithTimesAndPlaces) {
    const fs::path p = write("events.geojson");
    expectSameEvents(readWithGdal(p), "geojson");
    const std::string text = readFile(p);
    // JSON-FG "time" on every feature, and start/end properties beside it.
    EXPECT_EQ(countOf(text, "\"time\": {"), bundled().events.size());
    EXPECT_NE(text.find("\"interval\": [ \"2022-01-02T00:00:00+05:00\", \"2022-01-03T00:00:00+05:00\" ]"), std::string::npos);
    EXPECT_NE(text.find("\"start\": \"2022-01-02T00:00:00+05:00\""), std::string::npos);
    EXPECT_NE(text.find("\"geometry\": null"), std::string::npos);  // nationwide events keep no point
}

TEST(DataExport, CsvReadBackByGdalWithAcledColumnNames) {
    const fs::path p = write("events.csv");
    expectSameEvents(readWithGdal(p), "csv");
    const std::string header = readFile(p).substr(0, readFile(p).find('\n'));
    for (const char* name : {"event_date", "year", "event_type", "sub_event_type", "actor1", "country", "admin1",
                             "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"}) {
        EXPECT_NE(("," + header + ",").find(std::string(",") + name + ","), std::string::npos) << name << " in " << header;
    }
}

TEST(DataExport, GeoPackageReadBackByGdalWithTimesAndPlaces) {
    expectSameEvents(readWithGdal(write("events.gpkg")), "gpkg");
}

TEST(DataExport, KmlHasTimesPerPlacemarkAndOneFlyToPerScene) {
    const Story story = *loadStory(std::string(QANTAR_ASSET_DIR) + "/stories/week.json");
    const fs::path p = write("tour.kml", &story);
    const std::string text = readFile(p);
    const Dataset& d = bundled();
    std::size_t spans = 0, stamps = 0;
    for (const auto& e : d.events) (e.hasEnd ? spans : stamps) += 1;
    EXPECT_EQ(countOf(text, "<Placemark>"), d.events.size());
    EXPECT_EQ(countOf(text, "<TimeSpan><begin>"), spans);
    EXPECT_EQ(countOf(text, "<TimeStamp><when>"), stamps);
    EXPECT_EQ(countOf(text, "<gx:FlyTo>"), story.scenes.size());
    EXPECT_EQ(countOf(text, "<gx:TimeSpan>") + countOf(text, "<gx:TimeStamp>"), story.scenes.size());
    EXPECT_EQ(countOf(text, "<gx:Wait>"), story.scenes.size());
    EXPECT_NE(text.find("<begin>2022-01-02T00:00:00+05:00</begin><end>2022-01-03T00:00:00+05:00</end>"), std::string::npos);
    // The first scene frames the country from 2,200 km: a LookAt range of 1,905 km (60° field of view).
    EXPECT_NE(text.find("<range>1905256</range>"), std::string::npos);
    expectSameEvents(readWithGdal(p), "kml");
}

TEST(DataExport, KmlEscapesTextAndDropsControlCharacters) {
    Dataset d = bundled();
    d.events.resize(1);
    d.events[0].title = "A <b>&\"quoted\"</b> title\x01";
    const fs::path p = scratch() / "escaped.kml";
    ASSERT_TRUE(exportEventData(d, {0}, p.string()));
    const std::string text = readFile(p);
    EXPECT_NE(text.find("<name>A &lt;b&gt;&amp;&quot;quoted&quot;&lt;/b&gt; title</name>"), std::string::npos);
}

// Each format through `qantar import`'s reader gives back the same events: count, times, titles, places.
class DataExportRoundTrip : public testing::TestWithParam<const char*> {};

TEST_P(DataExportRoundTrip, ImportGivesBackTheSameEvents) {
    const std::string name = std::string("roundtrip.") + GetParam();
    const fs::path p = write(name);
    auto imported = importEvents(p.string());
    ASSERT_TRUE(imported) << imported.error().message;
    const Dataset& back = imported->first;
    const Dataset& d = bundled();
    ASSERT_EQ(back.events.size(), d.events.size()) << imported->second.detected;
    std::map<std::string, const Event*> byKey;
    for (const auto& e : back.events) byKey[e.title + "|" + std::to_string(e.start.unixSeconds)] = &e;
    for (const auto& e : d.events) {
        const auto it = byKey.find(e.title + "|" + std::to_string(e.start.unixSeconds));
        ASSERT_NE(it, byKey.end()) << name << ": " << e.id << " (" << e.title << ")";
        const Event& b = *it->second;
        EXPECT_EQ(b.hasEnd, e.hasEnd) << name << ": " << e.id;
        if (e.hasEnd) {
            EXPECT_EQ(b.end, e.end) << name << ": " << e.id;
        }
        EXPECT_EQ(b.category, e.category) << name << ": " << e.id;
        EXPECT_EQ(b.precision, e.precision) << name << ": " << e.id;
        ASSERT_EQ(b.place.lonLat.has_value(), e.place.lonLat.has_value()) << name << ": " << e.id;
        if (e.place.lonLat) {
            EXPECT_NEAR(b.place.lonLat->lon, e.place.lonLat->lon, 1e-6) << name << ": " << e.id;
            EXPECT_NEAR(b.place.lonLat->lat, e.place.lonLat->lat, 1e-6) << name << ": " << e.id;
        } else {
            EXPECT_EQ(b.place.nationwide, e.place.nationwide) << name << ": " << e.id;
            EXPECT_EQ(b.place.country, e.place.country) << name << ": " << e.id;
        }
        EXPECT_EQ(b.place.name, e.place.name) << name << ": " << e.id;
    }
}

INSTANTIATE_TEST_SUITE_P(EachFormat, DataExportRoundTrip, testing::Values("geojson", "csv", "gpkg", "kml"));

TEST(DataExport, BadTargetsGiveClearErrors) {
    auto unknown = dataFormatForPath("out.shp");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, ErrorKind::BadArgument);
    EXPECT_NE(unknown.error().message.find("'.shp' is not a format qantar writes"), std::string::npos);
    EXPECT_FALSE(dataFormatForPath("out"));
    EXPECT_EQ(*dataFormatForPath("A.GeoJSON"), DataFormat::GeoJson);

    const Story story;
    auto notKml = exportEventData(bundled(), {0}, (scratch() / "t.geojson").string(), &story);
    ASSERT_FALSE(notKml);
    EXPECT_NE(notKml.error().message.find("only KML"), std::string::npos);

    for (const char* ext : {"geojson", "kml", "gpkg"}) {
        const std::string target = (scratch() / "no-such-folder" / (std::string("x.") + ext)).string();
        auto r = exportEventData(bundled(), {0}, target);
        ASSERT_FALSE(r) << ext;
        EXPECT_EQ(r.error().kind, ErrorKind::FileUnwritable) << ext << ": " << r.error().message;
        EXPECT_NE(r.error().message.find("no-such-folder"), std::string::npos) << r.error().message;
    }
}

TEST(DataExport, LookAtRangeFramesTheSpan) {
    // Seen straight down with a 60° field of view, 2·range·tan(30°) = the span.
    EXPECT_NEAR(2.0 * lookAtRangeMeters(100.0) * std::tan(30.0 * 3.14159265358979 / 180.0), 100000.0, 1e-6);
}

}  // namespace
