// Opening and merging events (core/events/event_sources.hpp): our own files open as they are,
// merging keeps everything and makes ids unique, and a file that cannot be read leaves an error
// whose kind the window acts on.
#include "core/events/event_sources.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/events/event_format.hpp"

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
