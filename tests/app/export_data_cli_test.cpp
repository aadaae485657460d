// `qantar export-data FILE`, through the real binary: what it says, its exit codes for bad values,
// and the filters. (The formats themselves are checked in-process: tests/core/export/data_export_test.cpp.)
#include <gtest/gtest.h>

#include "run_qantar.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

fs::path scratch() {
    const fs::path d = fs::path(QANTAR_TEST_OUTPUT_DIR) / "export_data_cli";
    fs::create_directories(d);
    return d;
}

qantar::test::SplitRun run(const std::string& args) { return qantar::test::runQantarSplit(args, scratch().string()); }

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(ExportDataCli, WritesKmlWithTheStoryTourAndSaysWhat) {
    const fs::path out = scratch() / "tour.kml";
    fs::remove(out);
    const auto r = run("export-data " + q(out) + " --story '" + std::string(QANTAR_ASSET_DIR) + "/stories/week.json'");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("tour.kml: 82 events as KML, 42 of them placed only in a country (no geometry), and a tour "
                         "of 8 scenes"),
              std::string::npos)
        << r.out;
    EXPECT_NE(readFile(out).find("<gx:Tour>"), std::string::npos);
}

TEST(ExportDataCli, FiltersKeepOnlyTheEventsAsked) {
    const fs::path out = scratch() / "almaty.kml";
    const auto r = run("export-data " + q(out) + " --place Almaty --category clash --from 2022-01-05 --to 2022-01-05");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    // The Almaty clashes whose time overlaps 5 January (those that ended at its midnight do not).
    EXPECT_NE(r.out.find("almaty.kml: 5 events as KML"), std::string::npos) << r.out;
    const std::string kml = readFile(out);
    EXPECT_NE(kml.find("<Data name=\"place\"><value>Almaty</value></Data>"), std::string::npos);
    for (std::size_t p = kml.find("<Data name=\"category\"><value>"); p != std::string::npos;
         p = kml.find("<Data name=\"category\"><value>", p + 1)) {
        EXPECT_EQ(kml.compare(p + 29, 6, "clash<"), 0) << kml.substr(p, 60);
    }
    const auto none = run("export-data " + q(scratch() / "none.kml") + " --at 2021-06-01T00:00");
    EXPECT_EQ(none.exitCode, 0) << none.err;
    EXPECT_NE(none.out.find("none.kml: 0 events as KML"), std::string::npos) << none.out;
}

TEST(ExportDataCli, BadValuesSayWhatAndExitNonZero) {
    auto r = run("export-data " + q(scratch() / "out.shp"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("'.shp' is not a format qantar writes; the extension chooses the format"), std::string::npos)
        << r.err;

    r = run("export-data " + q(scratch() / "tour.csv") + " --story '" + std::string(QANTAR_ASSET_DIR) +
            "/stories/week.json'");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("--story: a story is written as a Google Earth tour, which only KML holds"), std::string::npos)
        << r.err;

    r = run("export-data " + q(scratch() / "tour.kml") + " --story " + q(scratch() / "no-such-story.json"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("--story: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("no-such-story.json"), std::string::npos) << r.err;

    r = run("export-data " + q(scratch() / "no-such-folder" / "x.geojson"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("no-such-folder"), std::string::npos) << r.err;

    r = run("export-data " + q(scratch() / "x.kml") + " --category riots");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("--category: 'riots' is not a category"), std::string::npos) << r.err;

    r = run("export-data " + q(scratch() / "x.kml") + " --at 2022-01-05 --from 2022-01-04");
    EXPECT_EQ(r.exitCode, 2) << r.err;  // the command line itself: --at excludes --from
    r = run("export-data");
    EXPECT_EQ(r.exitCode, 2) << r.err;
}

}  // namespace
