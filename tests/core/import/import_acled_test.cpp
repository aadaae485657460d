// ACLED CSV exports through GDAL's CSV driver: the three date styles, columns found by name in any
// order, the pre-2023 column set, quoted notes with commas and newlines, time and geo precision,
// category mapping, rejected rows with their row numbers, and attribution.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/events/event_format.hpp"
#include "core/events/events.hpp"
#include "core/import/import.hpp"

namespace {

using namespace qantar::core;

std::string dataFile(const std::string& name) { return std::string(QANTAR_IMPORT_DATA_DIR) + "/" + name; }
Instant at(const char* iso) { return parseIsoTime(iso)->instant; }

// Every imported dataset must be a valid event file: written and read back, it is the same.
Dataset roundTrip(const Dataset& d) {
    const DatasetLoad load = parseDataset(serializeDataset(d), "roundtrip.json");
    EXPECT_TRUE(load.dataset) << (load.problems.empty() ? "" : load.problems.front().message);
    if (!load.dataset) return {};
    EXPECT_EQ(load.dataset->events.size(), d.events.size());
    for (std::size_t i = 0; i < d.events.size() && i < load.dataset->events.size(); ++i) {
        const Event& a = d.events[i];
        const Event& b = load.dataset->events[i];
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.start, b.start) << a.id;
        EXPECT_EQ(a.end, b.end) << a.id;
        EXPECT_EQ(a.precision, b.precision) << a.id;
        EXPECT_EQ(a.category, b.category) << a.id;
        EXPECT_EQ(a.geoPrecision, b.geoPrecision) << a.id;
        EXPECT_EQ(a.originalType, b.originalType) << a.id;
    }
    EXPECT_EQ(load.dataset->attribution, d.attribution);
    return *load.dataset;
}

struct Imported {
    Dataset data;
    ImportReport report;
};

Imported importOk(const std::string& name) {
    auto r = importEvents(dataFile(name));
    EXPECT_TRUE(r) << name << ": " << (r ? "" : r.error().message);
    if (!r) return {};
    return Imported{r->first, r->second};
}

TEST(ImportAcled, ExportToolFileLoadsGoodRowsAndReportsTheRest) {
    const Imported im = importOk("acled_kz_jan2022.csv");
    EXPECT_EQ(im.report.detected, "ACLED CSV (current columns), dates like '05 January 2022'");
    EXPECT_EQ(im.report.rowsRead, 22u);
    EXPECT_EQ(im.report.rowsImported, 19u);
    EXPECT_EQ(im.report.rowsRejected, 3u);
    ASSERT_EQ(im.report.problems.size(), 3u);
    const std::string file = dataFile("acled_kz_jan2022.csv");
    // The third record spans two lines (a quoted note with a newline): rows count records, not lines.
    EXPECT_EQ(im.report.problems[0], file + ":row 19: fields 'latitude' and 'longitude': missing");
    EXPECT_EQ(im.report.problems[1], file + ":row 20: field 'latitude': missing");
    EXPECT_EQ(im.report.problems[2], file + ":row 21: field 'event_date': '32 January 2022' is not a date (expected "
                                            "2022-01-05, 05 January 2022 or 05-Jan-22)");
    EXPECT_EQ(im.data.events.size(), 19u);
    roundTrip(im.data);
}

TEST(ImportAcled, AttributionNamesAcled) {
    const Imported im = importOk("acled_kz_jan2022.csv");
    ASSERT_FALSE(im.report.attribution.empty());
    EXPECT_EQ(im.report.attribution.front(), "Data: Armed Conflict Location & Event Data (ACLED), acleddata.com");
    EXPECT_EQ(im.data.attribution, im.report.attribution.front());
    EXPECT_NE(im.report.attribution[1].find("non-commercial"), std::string::npos);
}

TEST(ImportAcled, QuotedNotesKeepCommasQuotesAndNewlines) {
    const Imported im = importOk("acled_kz_jan2022.csv");
    const Event* e = im.data.findEvent("acled-kaz9003");
    ASSERT_NE(e, nullptr);
    EXPECT_NE(e->description.find("fuel prices, the government, and the former president.\nPolice used"),
              std::string::npos)
        << e->description;
    const Event* akimat = im.data.findEvent("acled-kaz9005");
    ASSERT_NE(akimat, nullptr);
    EXPECT_NE(akimat->description.find("(\"akimat\")"), std::string::npos) << akimat->description;
    ASSERT_EQ(akimat->sources.size(), 1u);
    EXPECT_EQ(akimat->description.find(akimat->sources[0].quote), 0u) << "the quote is the note's own words";
    EXPECT_LE(akimat->sources[0].quote.size(), 200u);
}

TEST(ImportAcled, DayPrecisionStartsAtLocalMidnightOfTheRegion) {
    const Imported im = importOk("acled_kz_jan2022.csv");
    const Event* zhanaozen = im.data.findEvent("acled-kaz9001");
    ASSERT_NE(zhanaozen, nullptr);
    EXPECT_EQ(zhanaozen->place.region, "KZ-MAN");
    EXPECT_EQ(zhanaozen->start, at("2022-01-02T00:00:00+05:00"));
    EXPECT_EQ(zhanaozen->end, at("2022-01-03T00:00:00+05:00"));
    EXPECT_EQ(zhanaozen->localZone.minutes, 300);
    EXPECT_EQ(zhanaozen->precision, Precision::Day);
    const Event* almaty = im.data.findEvent("acled-kaz9003");
    ASSERT_NE(almaty, nullptr);
    EXPECT_EQ(almaty->place.region, "KZ-ALA");
    EXPECT_EQ(almaty->start, at("2022-01-04T00:00:00+06:00"));
    const Event* taldykorgan = im.data.findEvent("acled-kaz9008");
    ASSERT_NE(taldykorgan, nullptr);
    EXPECT_EQ(taldykorgan->place.region, "KZ-ALM");
    const Event* uralsk = im.data.findEvent("acled-kaz9021");
    ASSERT_NE(uralsk, nullptr);
    EXPECT_EQ(uralsk->place.region, "KZ-ZAP");
    EXPECT_EQ(uralsk->localZone.minutes, 300);
}

TEST(ImportAcled, TimePrecisionWidensTheWindow) {
    const Imported im = importOk("acled_kz_jan2022.csv");
    const Event* week = im.data.findEvent("acled-kaz9012");  // time_precision 2, 07 January
    ASSERT_NE(week, nullptr);
    EXPECT_EQ(week->precision, Precision::Approximate);
    EXPECT_EQ(week->start, at("2022-01-04T00:00:00+06:00"));
    EXPECT_EQ(week->end, at("2022-01-11T00:00:00+06:00"));
    EXPECT_NE(week->dateReasoning.find("time_precision 2"), std::string::npos);
    const Event* month = im.data.findEvent("acled-kaz9016");  // time_precision 3, 15 January (mid-month)
    ASSERT_NE(month, nullptr);
    EXPECT_EQ(month->precision, Precision::Approximate);
    EXPECT_EQ(month->start, at("2021-12-31T00:00:00+05:00"));
    EXPECT_EQ(month->end, at("2022-01-31T00:00:00+05:00"));
}

TEST(ImportAcled, GeoPrecisionIsKeptAndWidensThePlace) {
    const Imported im = importOk("acled_kz_jan2022.csv");
    const Event* exact = im.data.findEvent("acled-kaz9001");
    const Event* near = im.data.findEvent("acled-kaz9014");
    const Event* region = im.data.findEvent("acled-kaz9022");
    ASSERT_TRUE(exact && near && region);
    EXPECT_EQ(exact->geoPrecision, 1);
    EXPECT_EQ(exact->placePrecision, "city");
    EXPECT_TRUE(exact->placeNote.empty());
    EXPECT_EQ(near->geoPrecision, 2);
    EXPECT_EQ(near->placePrecision, "city");
    EXPECT_NE(near->placeNote.find("geo_precision 2"), std::string::npos);
    EXPECT_EQ(region->geoPrecision, 3);
    EXPECT_EQ(region->placePrecision, "region");
    ASSERT_TRUE(region->place.lonLat);
    EXPECT_DOUBLE_EQ(region->place.lonLat->lat, 47.1167);
    EXPECT_DOUBLE_EQ(region->place.lonLat->lon, 51.8833);
}

TEST(ImportAcled, EventTypesMapToCategoriesKeepingTheOriginal) {
    const Imported im = importOk("acled_kz_jan2022.csv");
    const std::map<std::string, std::pair<Category, std::string>> expected = {
        {"acled-kaz9001", {Category::Protest, "Protests / Peaceful protest"}},
        {"acled-kaz9005", {Category::Clash, "Riots / Violent demonstration"}},
        {"acled-kaz9006", {Category::LootingArson, "Strategic developments / Looting/property destruction"}},
        {"acled-kaz9009", {Category::Clash, "Battles / Armed clash"}},
        {"acled-kaz9010", {Category::Clash, "Violence against civilians / Attack"}},
        {"acled-kaz9011", {Category::Arrests, "Strategic developments / Arrests"}},
        {"acled-kaz9015", {Category::GovernmentAction, "Strategic developments / Other"}},
    };
    for (const auto& [id, want] : expected) {
        const Event* e = im.data.findEvent(id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_EQ(e->category, want.first) << id;
        EXPECT_EQ(e->originalType, want.second) << id;
    }
    EXPECT_EQ(im.data.findEvent("acled-kaz9001")->violent, std::optional<bool>(false));
}

TEST(ImportAcled, FatalitiesBecomeDeathFiguresReportedByAcled) {
    const Imported im = importOk("acled_kz_jan2022.csv");
    const Event* clash = im.data.findEvent("acled-kaz9009");
    ASSERT_NE(clash, nullptr);
    ASSERT_EQ(clash->figures.size(), 1u);
    const Figure& f = clash->figures[0];
    EXPECT_EQ(f.kind, FigureKind::Deaths);
    EXPECT_EQ(f.value, std::optional<long long>(8));
    EXPECT_EQ(f.reportedBy, "ACLED");
    EXPECT_EQ(f.source, "acled");
    EXPECT_EQ(f.asOf, "2022-01-06");
    EXPECT_EQ(f.partial, "this event only") << "a per-event count never bounds a national total";
    EXPECT_TRUE(im.data.findEvent("acled-kaz9001")->figures.empty()) << "0 fatalities is not a death toll";
}

TEST(ImportAcled, SourceColumnBecomesTheOutlet) {
    const Imported im = importOk("acled_kz_jan2022.csv");
    const Event* e = im.data.findEvent("acled-kaz9002");
    ASSERT_NE(e, nullptr);
    ASSERT_EQ(e->sources.size(), 1u);
    const Source* s = im.data.findSource(e->sources[0].source);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->outlet, "Caspian Wire; Steppe Courier");
    EXPECT_NE(im.data.findSource("acled"), nullptr);
}

TEST(ImportAcled, ApiFileWithIsoDatesAndOtherColumnOrderGivesTheSameEvents) {
    const Imported api = importOk("acled_kz_api_iso.csv");
    const Imported tool = importOk("acled_kz_jan2022.csv");
    EXPECT_EQ(api.report.detected, "ACLED CSV (current columns), dates like '2022-01-05'");
    ASSERT_EQ(api.data.events.size(), 5u);
    for (const Event& e : api.data.events) {
        const Event* same = tool.data.findEvent(e.id);
        ASSERT_NE(same, nullptr) << e.id;
        EXPECT_EQ(e.start, same->start) << e.id;
        EXPECT_EQ(e.end, same->end) << e.id;
        EXPECT_EQ(e.category, same->category) << e.id;
        EXPECT_EQ(e.description, same->description) << e.id;
        ASSERT_TRUE(e.place.lonLat && same->place.lonLat);
        EXPECT_DOUBLE_EQ(e.place.lonLat->lat, same->place.lonLat->lat) << e.id;
    }
    roundTrip(api.data);
}

TEST(ImportAcled, Pre2023ColumnSetWithTwoDigitYears) {
    const Imported old = importOk("acled_kz_pre2023.csv");
    EXPECT_EQ(old.report.detected, "ACLED CSV (pre-2023 columns), dates like '05-Jan-22'");
    EXPECT_EQ(old.report.rowsRead, 6u);
    EXPECT_EQ(old.report.rowsImported, 5u);
    ASSERT_EQ(old.report.problems.size(), 1u);
    EXPECT_NE(old.report.problems[0].find(":row 7: fields 'latitude' and 'longitude': missing"), std::string::npos);
    const Event* e = old.data.findEvent("acled-kaz9001");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->start, at("2022-01-02T00:00:00+05:00"));
    roundTrip(old.data);
}

TEST(ImportAcled, TruncatedFileKeepsTheCompleteRows) {
    const Imported im = importOk("broken/truncated.csv");
    EXPECT_EQ(im.report.rowsImported, 3u);
    ASSERT_EQ(im.report.problems.size(), 1u);
    EXPECT_NE(im.report.problems[0].find(":row 5: fields 'latitude' and 'longitude': missing"), std::string::npos)
        << im.report.problems[0];
}

TEST(ImportAcled, EventsAreSortedAndCoverageSpansThem) {
    const Imported im = importOk("acled_kz_jan2022.csv");
    for (std::size_t i = 1; i < im.data.events.size(); ++i) {
        EXPECT_LE(im.data.events[i - 1].start, im.data.events[i].start);
    }
    EXPECT_EQ(im.data.coverageStart, im.data.events.front().start);
    EXPECT_EQ(im.data.coverageEnd, at("2022-01-31T00:00:00+05:00"));
}

}  // namespace
