// serializeDataset writes our documented format; parseDataset reads it back to the same dataset.
// Checked on the bundled dataset (every field the model holds) and on the new optional fields.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/events/event_format.hpp"
#include "core/events/events.hpp"

namespace {

using namespace qantar::core;

void expectSameFigure(const Figure& a, const Figure& b, const std::string& where) {
    EXPECT_EQ(a.kind, b.kind) << where;
    EXPECT_EQ(a.value, b.value) << where;
    EXPECT_EQ(a.min, b.min) << where;
    EXPECT_EQ(a.max, b.max) << where;
    EXPECT_EQ(a.qualifier, b.qualifier) << where;
    EXPECT_EQ(a.subject, b.subject) << where;
    EXPECT_EQ(a.reportedBy, b.reportedBy) << where;
    EXPECT_EQ(a.asOf, b.asOf) << where;
    EXPECT_EQ(a.asOfInstant, b.asOfInstant) << where;
    EXPECT_EQ(a.source, b.source) << where;
    EXPECT_EQ(a.note, b.note) << where;
}

void expectSameEvent(const Event& a, const Event& b) {
    const std::string& w = a.id;
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.category, b.category) << w;
    EXPECT_EQ(a.title, b.title) << w;
    EXPECT_EQ(a.start, b.start) << w;
    EXPECT_EQ(a.end, b.end) << w;
    EXPECT_EQ(a.hasEnd, b.hasEnd) << w;
    EXPECT_EQ(a.localZone, b.localZone) << w;
    EXPECT_EQ(a.precision, b.precision) << w;
    EXPECT_EQ(a.dateReasoning, b.dateReasoning) << w;
    EXPECT_EQ(a.place.name, b.place.name) << w;
    EXPECT_EQ(a.place.region, b.place.region) << w;
    EXPECT_EQ(a.place.country, b.place.country) << w;
    EXPECT_EQ(a.place.nationwide, b.place.nationwide) << w;
    ASSERT_EQ(a.place.lonLat.has_value(), b.place.lonLat.has_value()) << w;
    if (a.place.lonLat) {
        EXPECT_EQ(a.place.lonLat->lon, b.place.lonLat->lon) << w;  // exactly: doubles are written to round-trip
        EXPECT_EQ(a.place.lonLat->lat, b.place.lonLat->lat) << w;
    }
    EXPECT_EQ(a.placePrecision, b.placePrecision) << w;
    EXPECT_EQ(a.placeNote, b.placeNote) << w;
    EXPECT_EQ(a.site, b.site) << w;
    EXPECT_EQ(a.scale, b.scale) << w;
    EXPECT_EQ(a.violent, b.violent) << w;
    ASSERT_EQ(a.figures.size(), b.figures.size()) << w;
    for (std::size_t i = 0; i < a.figures.size(); ++i) expectSameFigure(a.figures[i], b.figures[i], w);
    ASSERT_EQ(a.recurrence.has_value(), b.recurrence.has_value()) << w;
    if (a.recurrence) {
        EXPECT_EQ(a.recurrence->fromMinutes, b.recurrence->fromMinutes) << w;
        EXPECT_EQ(a.recurrence->toMinutes, b.recurrence->toMinutes) << w;
        EXPECT_EQ(a.recurrence->assumed, b.recurrence->assumed) << w;
        EXPECT_EQ(a.recurrence->assumptionNote, b.recurrence->assumptionNote) << w;
    }
    EXPECT_EQ(a.status, b.status) << w;
    EXPECT_EQ(a.description, b.description) << w;
    ASSERT_EQ(a.sources.size(), b.sources.size()) << w;
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        EXPECT_EQ(a.sources[i].source, b.sources[i].source) << w;
        EXPECT_EQ(a.sources[i].quote, b.sources[i].quote) << w;
    }
    EXPECT_EQ(a.originalType, b.originalType) << w;
    EXPECT_EQ(a.geoPrecision, b.geoPrecision) << w;
}

void expectSameDataset(const Dataset& a, const Dataset& b) {
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.attribution, b.attribution);
    EXPECT_EQ(a.coverageStart, b.coverageStart);
    EXPECT_EQ(a.coverageEnd, b.coverageEnd);
    ASSERT_EQ(a.sources.size(), b.sources.size());
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        EXPECT_EQ(a.sources[i].id, b.sources[i].id);
        EXPECT_EQ(a.sources[i].outlet, b.sources[i].outlet);
        EXPECT_EQ(a.sources[i].outletInferred, b.sources[i].outletInferred);
        EXPECT_EQ(a.sources[i].headline, b.sources[i].headline);
        EXPECT_EQ(a.sources[i].file, b.sources[i].file);
        EXPECT_EQ(a.sources[i].written, b.sources[i].written);
        EXPECT_EQ(a.sources[i].writtenReasoning, b.sources[i].writtenReasoning);
    }
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) expectSameEvent(a.events[i], b.events[i]);
}

TEST(SerializeDataset, BundledDatasetRoundTrips) {
    const auto bundled = loadDatasetOrError(std::string(QANTAR_ASSET_DIR) + "/events/events.json");
    ASSERT_TRUE(bundled) << bundled.error().message;
    const std::string text = serializeDataset(*bundled);
    const DatasetLoad again = parseDataset(text, "roundtrip.json");
    ASSERT_TRUE(again.dataset) << again.problems.front().message;
    expectSameDataset(*bundled, *again.dataset);
    EXPECT_EQ(serializeDataset(*again.dataset), text) << "writing is deterministic";
}

TEST(SerializeDataset, WritesTheDocumentedShape) {
    const auto bundled = loadDatasetOrError(std::string(QANTAR_ASSET_DIR) + "/events/events.json");
    ASSERT_TRUE(bundled) << bundled.error().message;
    const auto doc = nlohmann::ordered_json::parse(serializeDataset(*bundled));
    auto it = doc.begin();
    EXPECT_EQ(it.key(), "format");
    EXPECT_EQ(doc["format"], "qantar-events");
    EXPECT_EQ(doc["version"], 1);
    const auto& first = doc["events"][0];
    EXPECT_EQ(first.begin().key(), "id") << "fields in the documented order";
    EXPECT_TRUE(first["start"].get<std::string>().find("+0") != std::string::npos) << "times carry their offset";
    EXPECT_FALSE(first.contains("original_type")) << "optional fields are left out when empty";
}

TEST(SerializeDataset, ImportFieldsRoundTripAndAreChecked) {
    Dataset d;
    d.title = "Import";
    d.attribution = "Data: Example";
    d.coverageStart = parseIsoTime("2022-01-01T00:00:00+06:00")->instant;
    d.coverageEnd = parseIsoTime("2022-01-13T00:00:00+06:00")->instant;
    Source acled;
    acled.id = "acled";
    acled.outlet = "ACLED";
    d.sources.push_back(acled);
    Event e;
    e.id = "acled-kaz1";
    e.category = Category::Protest;
    e.title = "Peaceful protest in Aktau";
    e.start = parseIsoTime("2022-01-03T00:00:00+05:00")->instant;
    e.end = parseIsoTime("2022-01-04T00:00:00+05:00")->instant;
    e.hasEnd = true;
    e.localZone = kWestTime;
    e.precision = Precision::Day;
    e.place.name = "Aktau";
    e.place.lonLat = LonLat{51.1975, 43.6532};
    e.placePrecision = "city";
    e.description = "A \"quoted\" note,\nover two lines \xE2\x80\x94 with a dash.";
    e.sources.push_back(SourceRef{"acled", "A \"quoted\" note"});
    e.originalType = "Protests / Peaceful protest";
    e.geoPrecision = 2;
    d.events.push_back(e);
    const DatasetLoad again = parseDataset(serializeDataset(d), "x.json");
    ASSERT_TRUE(again.dataset) << again.problems.front().message;
    expectSameDataset(d, *again.dataset);

    auto doc = nlohmann::json::parse(serializeDataset(d));
    doc["events"][0]["geo_precision"] = 4;
    const DatasetLoad bad = parseDataset(doc.dump(), "x.json");
    ASSERT_FALSE(bad.dataset);
    EXPECT_NE(bad.problems.front().message.find("field 'geo_precision': expected 1, 2 or 3, got 4"), std::string::npos)
        << bad.problems.front().message;
}

TEST(SerializeDataset, InvalidUtf8IsReplacedNotThrown) {
    Dataset d;
    d.title = std::string("bad \xff bytes");
    const std::string text = serializeDataset(d);
    EXPECT_NE(text.find("bad"), std::string::npos);
    EXPECT_NO_THROW(nlohmann::json::parse(text));
}

}  // namespace
