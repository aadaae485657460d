// `qantar state --at TIME --json` and `qantar validate FILE`, driven through the real binary as a
// script would drive them: the JSON on stdout is parsed and checked, failures must give exit 1 and
// one plain line on stderr naming what is wrong.
#include <gtest/gtest.h>

#include "run_qantar.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using CliRun = qantar::test::SplitRun;

fs::path scratchDir() {
    const fs::path d = fs::path(QANTAR_TEST_OUTPUT_DIR) / "state_cli";
    fs::create_directories(d);
    return d;
}


CliRun run(const std::string& args) { return qantar::test::runQantarSplit(args, scratchDir().string()); }

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> v;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) v.push_back(line);
    return v;
}

// `state --at AT --json`; stderr must be empty, or, for a moment outside the data
// (`outsideTheData`), hold only the note that says so.
json state(const std::string& at, const std::string& extra = "", bool outsideTheData = false) {
    const CliRun r = run("state --at " + at + " --json" + extra);
    EXPECT_EQ(r.exitCode, 0) << at << ": " << r.err;
    if (outsideTheData) {
        EXPECT_EQ(r.err.rfind("qantar: note: ", 0), 0u) << at << ": " << r.err;
        EXPECT_NE(r.err.find("the data, which runs from"), std::string::npos) << at << ": " << r.err;
        EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
    } else {
        EXPECT_TRUE(r.err.empty()) << at << ": " << r.err;
    }
    json j = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(j.is_discarded()) << at << ": stdout is not JSON:\n" << r.out;
    return j;
}

const json* findActive(const json& j, const std::string& id) {
    if (!j.contains("active") || !j["active"].is_array()) return nullptr;
    for (const auto& e : j["active"])
        if (e.value("id", "") == id) return &e;
    return nullptr;
}

std::string writeFile(const std::string& name, const std::string& text) {
    const fs::path p = scratchDir() / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
}

const std::string kGood = R"({
  "format": "qantar-events",
  "version": 1,
  "title": "CLI test data",
  "coverage": {"start": "2022-01-01T00:00:00+06:00", "end": "2022-01-13T00:00:00+06:00"},
  "sources": [{"id": "afp", "outlet": "AFP"}],
  "events": [
    {"id": "aktau-protest", "category": "protest", "title": "Protest in Aktau",
     "start": "2022-01-03T10:00:00+05:00", "end": "2022-01-03T18:00:00+05:00", "precision": "hour",
     "place": {"name": "Aktau", "lon": 51.16, "lat": 43.65, "region": "KZ-MAN"},
     "description": "A protest.", "sources": [{"source": "afp", "quote": "Aktau"}]}
  ]
})";

}  // namespace

// --- Times on the command line -----------------------------------------------------------------

TEST(StateCli, TimeWithoutOffsetIsAlmatyTime) {
    const json j = state("2022-01-05T20:00");
    EXPECT_EQ(j.value("time_utc", ""), "2022-01-05T14:00:00Z");
    EXPECT_EQ(j.value("time", ""), "2022-01-05T20:00:00+06:00");
}

TEST(StateCli, ZAndExplicitOffsetsAreHonoured) {
    const json z = state("2022-01-05T20:00Z");
    EXPECT_EQ(z.value("time_utc", ""), "2022-01-05T20:00:00Z");
    EXPECT_EQ(z.value("time", ""), "2022-01-05T20:00:00Z");
    const json west = state("2022-01-05T20:00+05:00");
    EXPECT_EQ(west.value("time_utc", ""), "2022-01-05T15:00:00Z");
    EXPECT_EQ(west.value("time", ""), "2022-01-05T20:00:00+05:00");
}

TEST(StateCli, TheSameInstantWrittenThreeWaysGivesTheSameEvents) {
    const json a = state("2022-01-06T02:00"), b = state("2022-01-05T20:00Z"), c = state("2022-01-06T01:00+05:00");
    EXPECT_EQ(a["active"], b["active"]);
    EXPECT_EQ(a["active"], c["active"]);
    EXPECT_EQ(a["counters"], b["counters"]);
}

// --- What is active ----------------------------------------------------------------------------

TEST(StateCli, CurfewIsActiveOnlyDuringItsHours) {
    EXPECT_NE(findActive(state("2022-01-06T02:00"), "almaty-night-curfew"), nullptr) << "02:00 on the first night";
    EXPECT_EQ(findActive(state("2022-01-06T12:00"), "almaty-night-curfew"), nullptr) << "noon";
    EXPECT_NE(findActive(state("2022-01-08T23:30"), "almaty-night-curfew"), nullptr) << "23:30 on a later night";
    EXPECT_EQ(findActive(state("2022-01-05T22:59"), "almaty-night-curfew"), nullptr) << "before the first night";
}

TEST(StateCli, ActiveEventsCarryTheirFields) {
    const json j = state("2022-01-06T02:00");
    ASSERT_TRUE(j["active"].is_array());
    ASSERT_FALSE(j["active"].empty());
    for (const auto& e : j["active"]) {
        for (const char* key : {"id", "category", "title", "place", "lon", "lat", "start", "end", "precision"}) {
            EXPECT_TRUE(e.contains(key)) << e.value("id", "?") << " lacks " << key;
        }
    }
    const json* curfew = findActive(j, "almaty-night-curfew");
    ASSERT_NE(curfew, nullptr);
    EXPECT_EQ((*curfew)["category"], "curfew");
    EXPECT_EQ((*curfew)["place"], "Almaty");
    EXPECT_NEAR((*curfew)["lon"].get<double>(), 76.93, 0.01);
    EXPECT_NEAR((*curfew)["lat"].get<double>(), 43.26, 0.01);
    EXPECT_EQ((*curfew)["start"], "2022-01-05T23:00:00+06:00") << "times in the event's own offset";
}

TEST(StateCli, NationwideEventIsKazakhstanWithNoPoint) {
    const json j = state("2022-01-05T20:00");
    const json* soe = findActive(j, "state-of-emergency");
    ASSERT_NE(soe, nullptr) << j["active"].dump(1);
    EXPECT_EQ((*soe)["place"], "Kazakhstan");
    EXPECT_TRUE((*soe)["lon"].is_null());
    EXPECT_TRUE((*soe)["lat"].is_null());
}

TEST(StateCli, InternetStatusIsReportedWithTheBlackout) {
    const json jan5 = state("2022-01-05T12:00"), jan8 = state("2022-01-08T12:00");
    const json* full = findActive(jan5, "internet-shutdown");
    ASSERT_NE(full, nullptr);
    EXPECT_EQ((*full)["status"], "full");
    const json* partial = findActive(jan8, "internet-partially-restored");
    ASSERT_NE(partial, nullptr);
    EXPECT_EQ((*partial)["status"], "partial");
}

TEST(StateCli, CountersHaveDeathsInjuredArrestsWithRangesAndSources) {
    const json j = state("2022-01-20T00:00", "", /*outsideTheData=*/true);
    ASSERT_TRUE(j.contains("counters"));
    for (const char* kind : {"deaths", "injured", "arrests"}) {
        ASSERT_TRUE(j["counters"].contains(kind)) << kind;
        const json& c = j["counters"][kind];
        for (const char* key : {"min", "max", "sources"}) EXPECT_TRUE(c.contains(key)) << kind << "." << key;
        ASSERT_TRUE(c["min"].is_number_integer()) << kind;
        ASSERT_TRUE(c["max"].is_number_integer()) << kind;
        EXPECT_LE(c["min"].get<long long>(), c["max"].get<long long>()) << kind;
        ASSERT_TRUE(c["sources"].is_array()) << kind;
        EXPECT_FALSE(c["sources"].empty()) << kind;
    }
    const json& deaths = j["counters"]["deaths"];
    EXPECT_LE(deaths["min"].get<long long>(), 164);
    EXPECT_EQ(deaths["max"].get<long long>(), 225);
    const auto& src = deaths["sources"];
    EXPECT_NE(std::find(src.begin(), src.end(), "france2"), src.end()) << src.dump();
}

TEST(StateCli, BeforeAnythingHappenedCountersAreEmpty) {
    const json j = state("2021-12-25T12:00", "", /*outsideTheData=*/true);
    EXPECT_TRUE(j["active"].empty()) << j["active"].dump(1);
    for (const char* kind : {"deaths", "injured", "arrests"}) {
        EXPECT_TRUE(j["counters"][kind]["min"].is_null()) << kind;
        EXPECT_TRUE(j["counters"][kind]["max"].is_null()) << kind;
        EXPECT_TRUE(j["counters"][kind]["sources"].empty()) << kind;
    }
}

TEST(StateCli, AtTheEndOfTheTimelineEveryDeathFigureInTheDataIsReported) {
    // The end of the range `state` reports is where the window's timeline ends.
    const json first = state("2022-01-05T20:00");
    ASSERT_TRUE(first.contains("range")) << first.dump(1);
    const std::string end = first["range"]["end"].get<std::string>();
    const json j = state(end);
    std::ifstream in(std::string(QANTAR_ASSET_DIR) + "/events/events.json");
    const json data = json::parse(in, nullptr, /*allow_exceptions=*/false);
    ASSERT_FALSE(data.is_discarded());
    const json& reports = j["counters"]["deaths"]["reports"];
    int figures = 0;
    for (const auto& e : data["events"]) {
        if (!e.contains("figures")) continue;
        for (const auto& f : e["figures"]) {
            if (f.value("kind", "") != "deaths") continue;
            ++figures;
            const bool reported = std::any_of(reports.begin(), reports.end(), [&](const json& r) {
                return r.value("event", "") == e["id"] && r.value("source", "") == f.value("source", "") &&
                       r.value("as_of", "") == f.value("as_of", "");
            });
            EXPECT_TRUE(reported) << e["id"] << " reports " << f.dump() << " but state at " << end << " does not";
        }
    }
    EXPECT_GE(figures, 5);
    const bool toll225 = std::any_of(reports.begin(), reports.end(),
                                     [](const json& r) { return r["upper"].is_number() && r["upper"].get<long long>() == 225; });
    EXPECT_TRUE(toll225) << "the official 225 toll, reported as of 16 January, is reachable";
    EXPECT_LE(j["range"]["start"].get<std::string>(), std::string("2022-01-01T00:00:00+06:00"));
    EXPECT_GE(end, std::string("2022-01-17T00:00:00+06:00")) << "the range reaches the end of 16 January";
}

TEST(StateCli, AnEventDatedOnlyToTheDayIsDateOnlyAtMidnightNotInForce) {
    const json j = state("2022-01-04T00:00");
    const json* blackout = findActive(j, "internet-shutdown");
    ASSERT_NE(blackout, nullptr);
    EXPECT_EQ((*blackout)["state"], "date only");
    const json noon = state("2022-01-05T12:00");
    const json* later = findActive(noon, "internet-shutdown");
    ASSERT_NE(later, nullptr);
    EXPECT_EQ((*later)["state"], "in force");
}

TEST(StateCli, DataOptionReadsAnotherFile) {
    const std::string path = writeFile("good.json", kGood);
    const json j = state("2022-01-03T12:00+05:00", " --data '" + path + "'");
    EXPECT_EQ(j.value("dataset", ""), "CLI test data");
    ASSERT_EQ(j["active"].size(), 1u) << j["active"].dump(1);
    EXPECT_EQ(j["active"][0]["id"], "aktau-protest");
    EXPECT_EQ(j["active"][0]["start"], "2022-01-03T10:00:00+05:00");
}

// --- Failures ----------------------------------------------------------------------------------

struct StateFailure {
    const char* name;
    std::string args;
    std::string mustMention;
};

void PrintTo(const StateFailure& f, std::ostream* os) { *os << f.name; }

class StateCliFails : public ::testing::TestWithParam<StateFailure> {};

TEST_P(StateCliFails, WithExit1AndOneLineOnStderr) {
    const StateFailure& c = GetParam();
    const CliRun r = run(c.args);
    EXPECT_EQ(r.exitCode, 1) << c.name << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << c.name << ": nothing on stdout, got: " << r.out;
    EXPECT_EQ(lines(r.err).size(), 1u) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find(c.mustMention), std::string::npos) << c.name << ": should mention '" << c.mustMention
                                                           << "': " << r.err;
}

std::vector<StateFailure> stateFailures() {
    const std::string missing = (scratchDir() / "no-such-events.json").string();
    const std::string broken = writeFile("broken-for-state.json", "{\n  \"format\": \"qantar-events\",\n  \"version\": 1,\n"
                                                                  "  \"events\": [\n    {\"id\": \"x\"}\n  ]\n}\n");
    const std::string notJson = writeFile("not-json-for-state.json", "{\n  \"format\": \"qantar-events\",\n  \"ver");
    return {
        StateFailure{"bad_at_words", "state --at yesterday --json", "yesterday"},
        StateFailure{"bad_at_month_13", "state --at 2022-13-05T20:00 --json", "2022-13-05T20:00"},
        StateFailure{"bad_at_garbage_suffix", "state --at 2022-01-05T20:00+06:00abc --json", "2022-01-05T20:00+06:00abc"},
        StateFailure{"missing_data_file", "state --at 2022-01-05T20:00 --json --data '" + missing + "'", missing},
        StateFailure{"broken_data_file", "state --at 2022-01-05T20:00 --json --data '" + broken + "'", broken + ":"},
        StateFailure{"not_json_data_file", "state --at 2022-01-05T20:00 --json --data '" + notJson + "'", notJson},
    };
}

INSTANTIATE_TEST_SUITE_P(Cases, StateCliFails, ::testing::ValuesIn(stateFailures()),
                         [](const ::testing::TestParamInfo<StateFailure>& p) { return std::string(p.param.name); });

// --- validate ----------------------------------------------------------------------------------

TEST(ValidateCli, GoodFileExitsZero) {
    const std::string path = writeFile("valid.json", kGood);
    const CliRun r = run("validate '" + path + "'");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("OK"), std::string::npos) << r.out;
    EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(ValidateCli, BundledDatasetIsValid) {
    const CliRun r = run(std::string("validate '") + QANTAR_ASSET_DIR + "/events/events.json'");
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

struct BrokenFile {
    const char* name;
    std::string text;
    std::size_t problems;  // how many FILE:LINE: lines validate must print
};

void PrintTo(const BrokenFile& f, std::ostream* os) { *os << f.name; }

class ValidateCliRejects : public ::testing::TestWithParam<BrokenFile> {};

TEST_P(ValidateCliRejects, WithExit1AndOneFileLineMessagePerProblem) {
    const BrokenFile& c = GetParam();
    const std::string path = writeFile(std::string(c.name) + ".json", c.text);
    const CliRun r = run("validate '" + path + "'");
    EXPECT_EQ(r.exitCode, 1) << c.name << ": " << r.err;
    const std::regex fileLine("^" + std::regex_replace(path, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                              R"(:[0-9]+: .+)");
    std::size_t located = 0;
    for (const auto& line : lines(r.err)) located += std::regex_match(line, fileLine);
    EXPECT_EQ(located, c.problems) << c.name << ": expected " << c.problems << " lines '" << path
                                   << ":LINE: ...', got:\n" << r.err;
}

std::vector<BrokenFile> brokenFiles() {
    auto with = [](const std::string& from, const std::string& to) {
        std::string t = kGood;
        t.replace(t.find(from), from.size(), to);
        return t;
    };
    std::string three = with("\"category\": \"protest\"", "\"category\": \"riot\"");
    three.replace(three.find("\"lat\": 43.65"), 12, "\"lat\": 95");
    three.replace(three.find("\"precision\": \"hour\""), 19, "\"precision\": \"minute\"");
    return {
        BrokenFile{"unknown_category", with("\"category\": \"protest\"", "\"category\": \"riot\""), 1},
        BrokenFile{"end_before_start", with("\"end\": \"2022-01-03T18:00:00+05:00\"", "\"end\": \"2022-01-03T08:00:00+05:00\""), 1},
        BrokenFile{"unsupported_version", with("\"version\": 1", "\"version\": 2"), 1},
        BrokenFile{"three_problems", three, 3},
        BrokenFile{"not_json", with("\"sources\": [{", "\"sources\": [{{"), 1},
    };
}

INSTANTIATE_TEST_SUITE_P(Files, ValidateCliRejects, ::testing::ValuesIn(brokenFiles()),
                         [](const ::testing::TestParamInfo<BrokenFile>& p) { return std::string(p.param.name); });

// --- Hostile files (review of hostile input, D1): one line and exit 1, never a crash -------------

namespace {

std::string withInEvent(const std::string& from, const std::string& to) {
    std::string t = kGood;
    t.replace(t.find(from), from.size(), to);
    return t;
}

// The lines of validate's stderr that report a problem (FILE:LINE: ...).
std::vector<std::string> problemLines(const CliRun& r, const std::string& path) {
    std::vector<std::string> out;
    for (const auto& line : lines(r.err))
        if (line.rfind(path + ":", 0) == 0 && line.size() > path.size() + 1 && std::isdigit(static_cast<unsigned char>(line[path.size() + 1])))
            out.push_back(line);
    return out;
}

}  // namespace

TEST(ValidateCli, DeeplyNestedFileGivesOneLineAndExitOne) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const std::string path = writeFile("deeply-nested.json", withInEvent("\"description\": \"A protest.\"", "\"description\": " + deep));
    const CliRun r = run("validate '" + path + "'");
    EXPECT_EQ(r.exitCode, 1) << r.err.substr(0, 400);
    const auto problems = problemLines(r, path);
    ASSERT_EQ(problems.size(), 1u) << r.err.substr(0, 400);
    EXPECT_NE(problems[0].find("nested deeper than 64 levels"), std::string::npos) << problems[0];
    EXPECT_LT(problems[0].size(), path.size() + 200) << "the value is never printed";
}

TEST(ValidateCli, FortyThousandCharacterIdGivesOneLineAndExitOne) {
    const std::string path = writeFile("long-id.json", withInEvent("\"id\": \"aktau-protest\"", "\"id\": \"" + std::string(40000, 'a') + "_\""));
    const CliRun r = run("validate '" + path + "'");
    EXPECT_EQ(r.exitCode, 1) << r.err.substr(0, 400);
    const auto problems = problemLines(r, path);
    ASSERT_EQ(problems.size(), 1u) << r.err.substr(0, 400);
    EXPECT_NE(problems[0].find("lowercase letters, digits and single hyphens"), std::string::npos) << problems[0];
    EXPECT_LT(problems[0].size(), path.size() + 300) << "the id is cut in the message";
}

TEST(ValidateCli, ControlCharactersNeverReachTheTerminal) {
    const std::string path = writeFile("escape.json", withInEvent("\"category\": \"protest\"",
                                                                  "\"category\": \"x\\u001b]0;owned\\u0007\\nforged.json:1: fine\""));
    const CliRun r = run("validate '" + path + "'");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("\nforged.json"), std::string::npos) << r.err;
    EXPECT_EQ(problemLines(r, path).size(), 1u) << r.err;
}

TEST(StateCli, DeeplyNestedDataFileGivesOneLineAndExitOne) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const std::string path = writeFile("deeply-nested-state.json", withInEvent("\"title\": \"Protest in Aktau\"", "\"title\": " + deep));
    const CliRun r = run("state --at 2022-01-05T20:00 --json --data '" + path + "'");
    EXPECT_EQ(r.exitCode, 1) << r.err.substr(0, 400);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err.substr(0, 400);
    EXPECT_NE(r.err.find("nested deeper than 64 levels"), std::string::npos) << r.err.substr(0, 400);
}

// --- Large files (review of hostile input, D14) ---------------------------------------------------

TEST(ValidateCli, ALargeFileIsNotHeldAsAWholeJsonTree) {
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer's shadow memory and quarantine multiply every allocation: the peak is
    // measured on the Release build (the test command's first stage), where it means something.
    GTEST_SKIP() << "memory is measured without AddressSanitizer";
#endif
    // 40,000 events, 14 MB. Holding the whole document as a JSON tree took about 12 times the
    // file's size; reading one event at a time takes about 4 (the text, the events, the program).
    std::string text = kGood.substr(0, kGood.find("    {\"id\""));
    const std::string event = kGood.substr(kGood.find("    {\"id\""), kGood.rfind('}', kGood.rfind(']')) + 1 - kGood.find("    {\"id\""));
    for (int i = 0; i < 40000; ++i) {
        std::string e = event;
        e.replace(e.find("aktau-protest"), 13, "aktau-protest-" + std::to_string(i));
        text += (i ? ",\n" : "") + e;
    }
    text += "\n  ]\n}\n";
    const std::string path = writeFile("forty-thousand-events.json", text);
    const CliRun r = run("validate '" + path + "'");
    ASSERT_EQ(r.exitCode, 0) << r.err.substr(0, 400);
    EXPECT_NE(r.out.find("OK, 40000 events"), std::string::npos) << r.out;
    struct rusage usage {};
    ::getrusage(RUSAGE_CHILDREN, &usage);  // the largest child so far: this validate
    const double peakBytes = static_cast<double>(usage.ru_maxrss) * 1024.0;
    EXPECT_LT(peakBytes, 6.0 * static_cast<double>(text.size()))
        << "peak " << peakBytes / 1e6 << " MB for a " << static_cast<double>(text.size()) / 1e6 << " MB file";
}

TEST(ValidateCli, MissingFileExitsOneNamingIt) {
    const std::string path = (scratchDir() / "absent.json").string();
    const CliRun r = run("validate '" + path + "'");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
}
