// Opening and merging events (core/events/event_sources.hpp): our own files open as they are,
// merging keeps everything and makes ids unique, and a file that cannot be read leaves an error
// whose kind the window acts on.
#include "core/events/event_sources.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/events/event_format.hpp"
#include "core/map/overlay_layout.hpp"

using namespace qantar::core;

namespace {

const std::string kWeek = std::string(QANTAR_ASSET_DIR) + "/events/events.json";

}  // namespace

TEST(EventSources, OwnFormatOpensWithItsCount) {
    auto r = openEventSource({kWeek, "", "", ""});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_TRUE(r->ownFormat);
    EXPECT_EQ(r->report, "Opened " + kWeek + ": " + std::to_string(r->dataset.events.size()) + " events.");
}

TEST(EventSources, MissingFileIsFileNotFound) {
    auto r = openEventSource({"/nonexistent/events.json", "", "", ""});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::FileNotFound);
}

TEST(EventSources, MergeKeepsEverythingWithUniqueIdsInTimeOrder) {
    auto a = loadDatasetOrError(kWeek);
    ASSERT_TRUE(a);
    const std::size_t n = a->events.size();
    const Instant start = a->coverageStart;
    Dataset b = *a;
    b.coverageStart = start - Duration::days(3);
    b.attribution = "Data from somewhere.";
    const Dataset merged = mergeDatasets(*a, b);
    ASSERT_EQ(merged.events.size(), 2 * n);
    std::set<std::string> ids;
    for (const auto& e : merged.events) EXPECT_TRUE(ids.insert(e.id).second) << e.id;
    for (std::size_t i = 1; i < merged.events.size(); ++i) {
        EXPECT_LE(merged.events[i - 1].start, merged.events[i].start);
    }
    EXPECT_EQ(merged.sources.size(), a->sources.size()) << "the same sources are not repeated";
    EXPECT_EQ(merged.coverageStart, b.coverageStart);
    EXPECT_EQ(merged.attribution, "Data from somewhere.");
    EXPECT_NE(ids.count(a->events.front().id + "-2"), 0u);
}

TEST(EventSources, ABrokenGeoJsonSaysWhereItBreaks) {
    // GDAL's own message names no position; the line and column of the break follow it.
    const std::string path = std::string(QANTAR_IMPORT_DATA_DIR) + "/broken/truncated.geojson";
    auto r = openEventSource({path, "", "", ""});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::FileUnreadable);
    EXPECT_NE(r.error().message.find("GDAL's GeoJSON driver cannot read it"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("; " + path + ":"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find(": not valid JSON at column "), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.find("json.exception"), std::string::npos) << r.error().message;
}

// After merging an ACLED export, a figure's credit names ACLED as its terms require, names each
// outlet of its source column once, and does not repeat ACLED as an outlet; importing the same
// export twice credits ACLED once.
TEST(EventSources, MergedAcledIsCreditedOnceAsItsTermsRequire) {
    auto week = loadDatasetOrError(kWeek);
    ASSERT_TRUE(week);
    auto acled = openEventSource({std::string(QANTAR_IMPORT_DATA_DIR) + "/acled_kz_jan2022.csv", "", "", ""});
    ASSERT_TRUE(acled) << acled.error().message;
    EXPECT_NE(acled->report.find("ACLED"), std::string::npos) << acled->report;
    Dataset merged = mergeDatasets(mergeDatasets(*week, acled->dataset), acled->dataset);
    const CreditSources c = creditSources(&merged);
    std::string required;
    for (const auto& r : c.required) required += r + "\n";
    EXPECT_NE(required.find("Armed Conflict Location & Event Data (ACLED)"), std::string::npos) << required;
    EXPECT_EQ(required.find("ACLED"), required.rfind("ACLED")) << "ACLED credited twice: " << required;
    EXPECT_NE(required.find(kMapDataAttribution), std::string::npos);
    std::set<std::string> names;
    for (const auto& o : c.outlets) {
        EXPECT_TRUE(names.insert(o).second) << "'" << o << "' named twice";
        EXPECT_EQ(o.find(';'), std::string::npos) << "a source column's list is split into its outlets: " << o;
        EXPECT_EQ(o.find("ACLED"), std::string::npos) << "ACLED is credited by its required line, not as an outlet";
    }
    for (const char* outlet : {"Caspian Wire", "Steppe Courier", "AFP", "Financial Times"}) {
        EXPECT_EQ(names.count(outlet), 1u) << outlet;
    }
    // Whatever the width, the ACLED credit is there, whole.
    const CreditWidth width = [](const std::string& t) { return 7.0f * static_cast<float>(t.size()); };
    for (float w : {300.0f, 900.0f, 2000.0f}) {
        std::string text;
        for (const auto& l : fitCredits(c, w, kMaxCreditLines, width)) text += l + " ";
        EXPECT_NE(text.find("Data: Armed Conflict Location & Event Data (ACLED), acleddata.com."), std::string::npos)
            << w << ": " << text;
    }
}
