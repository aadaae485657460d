// `qantar import SOURCE --out FILE`, driven through the real binary: exit codes, the report on
// stderr, one plain line on failure, atomic output that `qantar validate` accepts.
#include <gtest/gtest.h>

#include "run_qantar.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

using CliRun = qantar::test::SplitRun;

fs::path scratch() {
    const fs::path d = fs::path(QANTAR_TEST_OUTPUT_DIR) / "import_cli";
    fs::create_directories(d);
    return d;
}

std::string dataFile(const std::string& name) { return std::string(QANTAR_IMPORT_DATA_DIR) + "/" + name; }

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string q(const std::string& s) { return "'" + s + "'"; }

CliRun run(const std::string& args) { return qantar::test::runQantarSplit(args, scratch().string()); }

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> v;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) v.push_back(line);
    return v;
}

bool hasLine(const std::string& text, const std::string& line) {
    for (const auto& l : lines(text))
        if (l == line) return true;
    return false;
}

TEST(ImportCli, AcledExportIsConvertedAndReported) {
    const std::string src = dataFile("acled_kz_jan2022.csv");
    const std::string out = (scratch() / "acled.json").string();
    fs::remove(out);
    const CliRun r = run("import " + q(src) + " --out " + q(out));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_TRUE(hasLine(r.err, "qantar import: detected ACLED CSV (current columns), dates like '05 January 2022'"))
        << r.err;
    EXPECT_TRUE(hasLine(r.err, "qantar import: 22 rows read, 19 imported, 3 rejected")) << r.err;
    EXPECT_TRUE(hasLine(r.err, "  rejected " + src + ":row 19: fields 'latitude' and 'longitude': missing")) << r.err;
    EXPECT_TRUE(hasLine(r.err, "qantar import: attribution: Data: Armed Conflict Location & Event Data (ACLED), "
                               "acleddata.com"))
        << r.err;
    EXPECT_TRUE(hasLine(r.err, "qantar import: wrote " + out + " (19 events, 6 sources)")) << r.err;

    const CliRun v = run("validate " + q(out));
    EXPECT_EQ(v.exitCode, 0) << v.err;
    EXPECT_EQ(v.out, out + ": OK, 19 events, 6 sources\n");
    const auto doc = nlohmann::json::parse(readFile(out));
    EXPECT_EQ(doc["attribution"], "Data: Armed Conflict Location & Event Data (ACLED), acleddata.com");
}

TEST(ImportCli, EveryConventionValidates) {
    for (const char* name : {"acled_kz_api_iso.csv", "acled_kz_pre2023.csv", "geojson_jsonfg_time.geojson",
                             "geojson_when.geojson", "geojson_start_end.geojson", "geojson_begin_end.geojson",
                             "geojson_time.geojson", "geojson_timestamp_ms.geojson", "kml_timestamp_timespan.kml"}) {
        const std::string out = (scratch() / (std::string(name) + ".json")).string();
        const CliRun r = run("import " + q(dataFile(name)) + " --out " + q(out));
        EXPECT_EQ(r.exitCode, 0) << name << ": " << r.err;
        const CliRun v = run("validate " + q(out));
        EXPECT_EQ(v.exitCode, 0) << name << ": " << v.err;
    }
}

TEST(ImportCli, FieldOverridesAreOptions) {
    const std::string out = (scratch() / "override.json").string();
    const CliRun r = run("import " + q(dataFile("geojson_begin_end.geojson")) +
                         " --time-field begin --end-field end --out " + q(out));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("(as chosen)"), std::string::npos) << r.err;
}

// Failures: exit 1 and exactly one line on stderr, nothing on stdout, and no output file.
void expectOneLineFailure(const std::string& args, const std::string& expectedLine) {
    const std::string out = (scratch() / "failed.json").string();
    fs::remove(out);
    const CliRun r = run("import " + args + " --out " + q(out));
    EXPECT_EQ(r.exitCode, 1) << args << ": " << r.err;
    const auto l = lines(r.err);
    ASSERT_EQ(l.size(), 1u) << args << ":\n" << r.err;
    EXPECT_EQ(l[0].rfind(expectedLine, 0), 0u) << l[0];
    EXPECT_TRUE(r.out.empty());
    EXPECT_FALSE(fs::exists(out)) << args;
}

TEST(ImportCli, MissingFile) {
    const std::string path = (scratch() / "nope.csv").string();
    expectOneLineFailure(q(path), "qantar: " + path + ": file not found");
}

TEST(ImportCli, NoTimeListsTheCandidates) {
    const std::string path = dataFile("geojson_no_time.geojson");
    expectOneLineFailure(q(path), "qantar: " + path + " (layer 'geojson_no_time'): no time found");
    // The command line names its own options (the window offers the fields instead).
    const CliRun r = run("import " + q(path) + " --out " + q((scratch() / "failed.json").string()));
    const std::string advice = "; name the time field with --time-field (and the end with --end-field)";
    EXPECT_EQ(r.err.find(advice) + advice.size() + 1, r.err.size()) << r.err;
}

TEST(ImportCli, RandomBytesNeverCrash) {
    const fs::path path = scratch() / "random.csv";
    std::mt19937 rng(11);
    std::string bytes(5u << 20, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng() & 0xff);
    std::ofstream(path, std::ios::binary) << bytes;
    const std::string out = (scratch() / "random.json").string();
    const CliRun r = run("import " + q(path.string()) + " --out " + q(out));
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
}

TEST(ImportCli, FailedImportLeavesAnExistingFileAlone) {
    const fs::path out = scratch() / "keep.json";
    std::ofstream(out) << "precious";
    const CliRun r = run("import " + q(dataFile("broken/empty.csv")) + " --out " + q(out.string()));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(readFile(out), "precious");
}

TEST(ImportCli, UnwritableOutputIsOneLine) {
    const CliRun r = run("import " + q(dataFile("geojson_time.geojson")) + " --out " +
                         q((scratch() / "no-such-dir" / "x.json").string()));
    EXPECT_EQ(r.exitCode, 1) << r.err;
    const auto l = lines(r.err);
    ASSERT_FALSE(l.empty());
    EXPECT_NE(l.back().find("cannot write"), std::string::npos) << r.err;
}

// GDAL is loaded on the first import (src/core/import/gdal_module.hpp); without its module,
// importing fails with one line saying where the module was looked for and why it did not load.
TEST(ImportCli, MissingGdalModuleIsOneClearLine) {
    const std::string module = (scratch() / "no-such-dir" / "libqantar-gdal.so").string();
    const std::string out = (scratch() / "no-module.json").string();
    fs::remove(out);
    const CliRun r = qantar::test::runQantarSplit("import " + q(dataFile("geojson_time.geojson")) + " --out " + q(out),
                                                  scratch().string(), "QANTAR_GDAL_MODULE=" + q(module));
    EXPECT_EQ(r.exitCode, 1) << r.err;
    const auto l = lines(r.err);
    ASSERT_EQ(l.size(), 1u) << r.err;
    EXPECT_EQ(l[0].rfind("qantar: importing needs qantar's GDAL module libqantar-gdal.so, which could not be "
                         "loaded: " + module + ": ",
                         0),
              0u)
        << l[0];
    EXPECT_FALSE(fs::exists(out));
}

// A module from another build (its entry point refuses this program's interface version).
TEST(ImportCli, GdalModuleOfAnotherVersionIsRefused) {
    const std::string out = (scratch() / "stale-module.json").string();
    fs::remove(out);
    const CliRun r = qantar::test::runQantarSplit("import " + q(dataFile("geojson_time.geojson")) + " --out " + q(out),
                                                  scratch().string(), "QANTAR_GDAL_MODULE=" + q(QANTAR_STALE_MODULE));
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(r.err, std::string("qantar: importing needs qantar's GDAL module libqantar-gdal.so, which could not be "
                                 "loaded: ") +
                         QANTAR_STALE_MODULE + ": built from another version of qantar (rebuild it with the program)\n");
    EXPECT_FALSE(fs::exists(out));
}

// D3: a password in a URI-form PG: string is never printed, on either stream.
TEST(ImportCli, PgUriPasswordIsNeverPrinted) {
    const fs::path out = scratch() / "pg-uri.json";
    fs::remove(out);
    for (const std::string& source :
         {std::string("PG:postgresql://u:S3CRET@127.0.0.1:1/db"), std::string("PG:postgres://u:S3CRET@127.0.0.1:1/db"),
          std::string("PG:host=127.0.0.1 port=1 dbname=db user=u password='a\\'S3CRET'"),
          std::string("PG:postgresql://u@127.0.0.1:1/db?password=S3CRET")}) {
        const CliRun r = run("import " + q(source) + " --layer events --out " + q(out.string()));
        EXPECT_EQ(r.exitCode, 1) << r.err;
        EXPECT_EQ(r.err.find("S3CRET"), std::string::npos) << r.err;
        EXPECT_EQ(r.out.find("S3CRET"), std::string::npos) << r.out;
        EXPECT_NE(r.err.find("password=***"), std::string::npos) << r.err;
        EXPECT_FALSE(fs::exists(out));
    }
}

// D9: a source of 100,000 characters is one clean line, not a crash.
TEST(ImportCli, HundredThousandCharacterSourceIsOneLine) {
    const CliRun r = run("import " + q("PG:password=" + std::string(100000, 'x')) + " --out " +
                         q((scratch() / "long.json").string()));
    EXPECT_EQ(r.exitCode, 1) << r.err.substr(0, 400);
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err.substr(0, 400);
    EXPECT_NE(r.err.find("qantar takes at most 8192"), std::string::npos) << r.err.substr(0, 400);
}

// D18: --out naming a directory says so.
TEST(ImportCli, OutIsADirectory) {
    const fs::path dir = scratch() / "out-dir";
    fs::create_directories(dir);
    for (const std::string& out : {dir.string(), dir.string() + "/"}) {
        const CliRun r = run("import " + q(dataFile("geojson_time.geojson")) + " --out " + q(out));
        EXPECT_EQ(r.exitCode, 1) << r.err;
        ASSERT_EQ(lines(r.err).size(), 1u) << r.err;
        EXPECT_NE(r.err.find(": is a directory; --out names the event file to write (for example " + dir.string() +
                             "/events.json)"),
                  std::string::npos)
            << r.err;
    }
}

// D22: the output may not be the source, however it is spelled.
TEST(ImportCli, OutputThatIsTheSourceIsRefused) {
    const fs::path dir = scratch() / "same";
    fs::create_directories(dir);
    const fs::path src = dir / "events.geojson";
    fs::copy_file(dataFile("geojson_time.geojson"), src, fs::copy_options::overwrite_existing);
    const std::string before = readFile(src);
    fs::remove(dir / "link.geojson");
    fs::create_symlink(src, dir / "link.geojson");
    for (const fs::path& out : {src, dir / "." / "events.geojson", dir / "link.geojson"}) {
        const CliRun r = run("import " + q(src.string()) + " --out " + q(out.string()));
        EXPECT_EQ(r.exitCode, 1) << r.err;
        EXPECT_NE(r.err.find("the output would replace the source"), std::string::npos) << r.err;
        EXPECT_EQ(readFile(src), before);
    }
}

// D2/D9: a long ACLED notes cell is cut, and the report says how many were.
TEST(ImportCli, LongNotesAreCutAndReported) {
    std::string csv = readFile(dataFile("acled_kz_jan2022.csv"));
    const std::size_t lineEnd = csv.find('\n', csv.find('\n') + 1);
    std::string row = csv.substr(csv.find('\n') + 1, lineEnd - csv.find('\n'));
    const std::size_t notesStart = row.find(",\"") + 2;
    row.replace(notesStart, row.find("\",", notesStart) - notesStart, std::string(20000, 'n'));
    const fs::path path = scratch() / "long_notes.csv";
    std::ofstream(path, std::ios::binary) << csv.substr(0, csv.find('\n') + 1) + row;
    const fs::path out = scratch() / "long_notes.json";
    const CliRun r = run("import " + q(path.string()) + " --out " + q(out.string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("qantar import: 1 texts were longer than the event format allows (4000 characters)"),
              std::string::npos)
        << r.err;
    const auto doc = nlohmann::json::parse(readFile(out));
    const std::string description = doc["events"][0]["description"];
    EXPECT_EQ(description, std::string(3999, 'n') + "\xE2\x80\xA6");
}

TEST(ImportCli, OutIsRequired) {
    const CliRun r = run("import " + q(dataFile("geojson_time.geojson")));
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("--out"), std::string::npos) << r.err;
}

}  // namespace
