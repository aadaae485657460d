// Hostile and malformed event files (review of hostile input, D1, D12, D16, D18, D20): small files
// that crashed the loader are refused with one line naming the file and line; user text quoted in
// a message can neither drive the terminal nor split the line; byte order marks and CR line ends
// keep line numbers right; and the rules docs/event-format.md states are enforced.
#include "core/events/event_format.hpp"
#include "core/events/event_limits.hpp"
#include "core/geo/geojson.hpp"
#include "core/io/json_reader.hpp"
#include "core/io/printable.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

using namespace qantar::core;

namespace {

// One event per line that the tests break, with sources first; line numbers are fixed:
//  1 {                       6 "events": [
//  2 format                  7 {"id": ... event line
//  3 version                 8 ]
//  4 coverage                9 , "contradictions": []
//  5 sources                10 }
std::string file(const std::string& event, const std::string& coverageStart = "2022-01-01T00:00:00+06:00",
                 const std::string& contradictions = "[]", const std::string& newline = "\n") {
    const std::string nl = newline;
    return "{" + nl + "  \"format\": \"qantar-events\"," + nl + "  \"version\": 1," + nl +
           "  \"coverage\": {\"start\": \"" + coverageStart + "\", \"end\": \"2022-01-13T00:00:00+06:00\"}," + nl +
           "  \"sources\": [{\"id\": \"afp\", \"outlet\": \"AFP\"}]," + nl + "  \"events\": [" + nl + "    " + event +
           nl + "  ]" + nl + "  , \"contradictions\": " + contradictions + nl + "}" + nl;
}

std::string event(const std::string& field = "", const std::string& id = "aktau-protest",
                  const std::string& title = "Protest in Aktau") {
    return "{\"id\": \"" + id + "\", \"category\": \"protest\", \"title\": \"" + title +
           "\", \"start\": \"2022-01-03T10:00:00+05:00\", \"precision\": \"hour\", "
           "\"place\": {\"name\": \"Aktau\", \"lon\": 51.16, \"lat\": 43.65}, \"description\": \"A protest.\", "
           "\"sources\": [{\"source\": \"afp\", \"quote\": \"Aktau\"}]" +
           field + "}";
}

std::string messages(const DatasetLoad& load) {
    std::string s;
    for (const auto& p : load.problems) s += p.message + "\n";
    return s;
}

// One problem, on `line`, mentioning `what`.
void expectOneProblem(const DatasetLoad& load, int line, const std::string& what) {
    ASSERT_FALSE(load.dataset.has_value()) << "accepted";
    ASSERT_EQ(load.problems.size(), 1u) << messages(load);
    const std::string& m = load.problems[0].message;
    EXPECT_EQ(m.rfind("bad.json:" + std::to_string(line) + ": ", 0), 0u) << m;
    EXPECT_NE(m.find(what), std::string::npos) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
    EXPECT_EQ(m.find("json.exception"), std::string::npos) << m;
    EXPECT_LT(m.size(), 400u) << "a message stays one readable line";
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST(EventFileTemplate, IsValid) {
    const DatasetLoad load = parseDataset(file(event()), "bad.json");
    ASSERT_TRUE(load.dataset.has_value()) << messages(load);
    EXPECT_EQ(load.dataset->events.size(), 1u);
}

// --- D1: crashes from small files ---------------------------------------------------------------

TEST(EventHostile, FortyThousandCharacterIdIsCheckedWithoutCrashing) {
    const std::string longId(40000, 'a');
    EXPECT_TRUE(parseDataset(file(event("", longId)), "bad.json").dataset.has_value()) << "a long valid id loads";
    const DatasetLoad bad = parseDataset(file(event("", longId + "_X")), "bad.json");
    expectOneProblem(bad, 7, "lowercase letters, digits and single hyphens");
}

TEST(EventHostile, FortyThousandCharacterRegionIsRefusedWithoutCrashing) {
    std::string text = file(event());
    text.replace(text.find("\"lat\": 43.65"), 12, "\"lat\": 43.65, \"region\": \"KZ-" + std::string(40000, 'A') + "\"");
    const DatasetLoad load = parseDataset(text, "bad.json");
    expectOneProblem(load, 7, "field 'place.region': expected an ISO 3166-2 code such as KZ-ALA, got 'KZ-AAA");
}

TEST(EventHostile, DeeplyNestedValueIsRefusedBeforeParsingWithLineAndColumn) {
    const std::string text = file(event(", \"site\": " + nested(100000)));
    const DatasetLoad load = parseDataset(text, "bad.json");
    ASSERT_EQ(load.problems.size(), 1u) << messages(load);
    EXPECT_EQ(load.problems[0].kind, ErrorKind::JsonSyntax);
    EXPECT_EQ(load.problems[0].message.rfind("bad.json:7: nested deeper than 64 levels", 0), 0u) << load.problems[0].message;
    EXPECT_NE(load.problems[0].message.find("at column "), std::string::npos) << load.problems[0].message;
    EXPECT_LT(load.problems[0].message.size(), 200u);
}

TEST(EventHostile, DeeplyNestedValueInAStringFieldIsDescribedByTypeNotPrinted) {
    // Within the depth limit: the message says what was found, and never prints it.
    const DatasetLoad load = parseDataset(file(event(", \"site\": " + nested(60))), "bad.json");
    expectOneProblem(load, 7, "field 'site': expected a string, got an array");
    EXPECT_EQ(load.problems[0].message.find("[["), std::string::npos) << load.problems[0].message;
}

TEST(EventHostile, SixtyFourLevelsAreReadAndSixtyFiveAreNot) {
    const std::string ok = file(event(", \"x\": " + nested(kMaxJsonDepth - 3)));  // root, events, event: 3 levels
    EXPECT_TRUE(parseDataset(ok, "bad.json").dataset.has_value()) << messages(parseDataset(ok, "bad.json"));
    const std::string deep = file(event(", \"x\": " + nested(kMaxJsonDepth - 2)));
    EXPECT_NE(messages(parseDataset(deep, "bad.json")).find("nested deeper than 64"), std::string::npos);
}

// --- D12: no control characters from the file in a message -------------------------------------

TEST(EventHostile, ControlAndBidiCharactersInQuotedValuesAreEscaped) {
    const std::string forged = "riot\\u001b]0;owned\\u0007\\u001b[2J\\nbad.json:1: all fine\\u202e\\u0085";
    const DatasetLoad load =
        parseDataset(file(event()).replace(file(event()).find("\"protest\""), 9, "\"" + forged + "\""), "bad.json");
    ASSERT_EQ(load.problems.size(), 1u) << messages(load);
    const std::string& m = load.problems[0].message;
    EXPECT_EQ(m.find('\x1b'), std::string::npos) << m;
    EXPECT_EQ(m.find('\x07'), std::string::npos) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
    EXPECT_EQ(m.find("\xE2\x80\xAE"), std::string::npos) << "U+202E echoed: " << m;
    EXPECT_EQ(m.find("\xC2\x85"), std::string::npos) << "U+0085 echoed: " << m;
    EXPECT_NE(m.find("'riot\\x1B]0;owned\\x07\\x1B[2J\\x0Abad.json:1: all fine\\u202E\\u0085'"), std::string::npos) << m;
}

TEST(EventHostile, ControlCharactersInAnIdAreEscapedInTheEventsContext) {
    const DatasetLoad load = parseDataset(file(event(", \"scale\": 9", "x\\u001b[31mred")), "bad.json");
    ASSERT_FALSE(load.problems.empty());
    for (const auto& p : load.problems) {
        EXPECT_EQ(p.message.find('\x1b'), std::string::npos) << p.message;
        EXPECT_NE(p.message.find("event 'x\\x1B[31mred'"), std::string::npos) << p.message;
    }
}

TEST(Printable, EscapesControlsDelC1BidiAndBrokenBytesAndCutsByCharacters) {
    EXPECT_EQ(printable("a\x1b[2Jb\nc\x7f"), "a\\x1B[2Jb\\x0Ac\\x7F");
    EXPECT_EQ(printable("x\xC2\x9By"), "x\\u009By");                          // C1 CSI
    EXPECT_EQ(printable("\xE2\x80\xAE" "abc\xE2\x81\xA6\xE2\x80\x8B"), "\\u202Eabc\\u2066\\u200B");
    EXPECT_EQ(printable("\xFF\xC0\x80"), "\\xFF\\xC0\\x80");                   // not UTF-8, overlong
    EXPECT_EQ(printable("Қазақстан"), "Қазақстан");                            // letters stay letters
    EXPECT_EQ(printable("ӘӘӘӘӘ", 3), "ӘӘӘ...");                               // characters, not bytes
    EXPECT_EQ(codePointCount("Әa\xFF"), 3u);
}

// --- D16: byte order marks and line ends ---------------------------------------------------------

TEST(EventHostile, ByteOrderMarkKeepsTheLineOfAProblem) {
    const DatasetLoad load = parseDataset("\xEF\xBB\xBF" + file(event(", \"scale\": 9")), "bad.json");
    expectOneProblem(load, 7, "field 'scale'");
}

TEST(EventHostile, CrLfAndCrOnlyLineEndsKeepTheLineOfAProblem) {
    for (const std::string nl : {"\r\n", "\r"}) {
        const DatasetLoad load =
            parseDataset("\xEF\xBB\xBF" + file(event(", \"scale\": 9"), "2022-01-01T00:00:00+06:00", "[]", nl), "bad.json");
        expectOneProblem(load, 7, "field 'scale'");
    }
}

TEST(EventHostile, SyntaxErrorAfterAByteOrderMarkAndCrLinesNamesItsLineAndColumn) {
    const std::string text = "\xEF\xBB\xBF" + file(event(", \"scale\": }"), "2022-01-01T00:00:00+06:00", "[]", "\r");
    const DatasetLoad load = parseDataset(text, "bad.json");
    ASSERT_EQ(load.problems.size(), 1u) << messages(load);
    EXPECT_EQ(load.problems[0].message.rfind("bad.json:7: not valid JSON at column ", 0), 0u) << load.problems[0].message;
    EXPECT_EQ(load.problems[0].message.find("json.exception"), std::string::npos) << load.problems[0].message;
}

// --- D18: numbers out of range ------------------------------------------------------------------

TEST(EventHostile, NumberOutOfRangeNamesLineAndColumnInPlainWords) {
    const std::string text = file(event(", \"scale\": 1e400"));
    const DatasetLoad load = parseDataset(text, "bad.json");
    ASSERT_EQ(load.problems.size(), 1u) << messages(load);
    const std::string line7 = text.substr(text.find("    {\"id\""));
    const std::string column = std::to_string(line7.find("1e400") + 1);
    EXPECT_EQ(load.problems[0].message.rfind("bad.json:7: not valid JSON at column " + column + ": number out of range: 1e400", 0), 0u)
        << load.problems[0].message;
    EXPECT_EQ(load.problems[0].message.find("json.exception"), std::string::npos) << load.problems[0].message;
}

// --- D20: what the format says, enforced --------------------------------------------------------

TEST(EventRules, TitleOfMoreThanSixtyCharactersIsAProblemCountedInCharacters) {
    // 60 Kazakh letters are 120 bytes and fit; 61 do not.
    std::string sixty;
    for (int i = 0; i < 60; ++i) sixty += "Қ";
    EXPECT_TRUE(parseDataset(file(event("", "a", sixty)), "bad.json").dataset.has_value());
    expectOneProblem(parseDataset(file(event("", "a", sixty + "Қ")), "bad.json"), 7,
                     "field 'title': 61 characters, more than the 60 allowed");
}

TEST(EventRules, DescriptionOverItsLimitIsAProblem) {
    const std::string ok(kMaxEventDescriptionChars, 'd');
    std::string text = file(event());
    EXPECT_TRUE(parseDataset(std::string(text).replace(text.find("A protest."), 10, ok), "bad.json").dataset.has_value());
    expectOneProblem(parseDataset(text.replace(text.find("A protest."), 10, ok + "d"), "bad.json"), 7,
                     "field 'description': 4001 characters, more than the 4000 allowed");
}

TEST(EventRules, RepeatedKeyIsAProblemNamingItsLine) {
    const DatasetLoad load = parseDataset(file(event(",\n      \"title\": \"Other\"")), "bad.json");
    expectOneProblem(load, 8, "key 'title' appears twice in the same object (first on line 7)");
}

TEST(EventRules, RepeatedKeyWrittenWithEscapesIsTheSameKey) {
    const DatasetLoad load = parseDataset(file(event(", \"\\u0074itle\": \"Other\"")), "bad.json");
    expectOneProblem(load, 7, "key 'title' appears twice");
}

TEST(EventRules, CoverageStartAfterItsEndIsAProblem) {
    const DatasetLoad load = parseDataset(file(event(), "2022-01-20T00:00:00+06:00"), "bad.json");
    expectOneProblem(load, 4, "coverage: field 'end': must be later than 'start'");
}

TEST(EventRules, YearsOutsideTheAcceptedRangeAreProblems) {
    for (const std::string year : {"0000", "1899", "2101", "9999"}) {
        std::string text = file(event());
        text.replace(text.find("2022-01-03T10"), 4, year);
        expectOneProblem(parseDataset(text, "bad.json"), 7, "field 'start': year " + std::to_string(std::stoi(year)) +
                                                                " is outside 1900-2100");
    }
    for (const std::string year : {"1900", "2100"}) {
        std::string text = file(event());
        text.replace(text.find("2022-01-03T10"), 4, year);
        EXPECT_TRUE(parseDataset(text, "bad.json").dataset.has_value()) << year << ": " << messages(parseDataset(text, "bad.json"));
    }
    const DatasetLoad coverage = parseDataset(file(event(), "9999-01-01T00:00:00+06:00"), "bad.json");
    EXPECT_NE(messages(coverage).find("coverage: field 'start': year 9999"), std::string::npos) << messages(coverage);
}

TEST(EventRules, ContradictionsCitingUnknownEventsOrSourcesAreProblems) {
    const std::string good = "[{\"topic\": \"Toll\", \"figures\": [{\"value\": \"1\", \"source\": \"afp\"}], "
                             "\"event_ids\": [\"aktau-protest\"]}]";
    EXPECT_TRUE(parseDataset(file(event(), "2022-01-01T00:00:00+06:00", good), "bad.json").dataset.has_value());
    const std::string bad = "[{\"topic\": \"Toll\", \"figures\": [{\"value\": \"1\", \"source\": \"bbc\"}], "
                            "\"event_ids\": [\"aktau-protest\", \"no-such-event\"]}]";
    const DatasetLoad load = parseDataset(file(event(), "2022-01-01T00:00:00+06:00", bad), "bad.json");
    ASSERT_EQ(load.problems.size(), 2u) << messages(load);
    EXPECT_NE(messages(load).find("bad.json:9: contradiction 1: field 'source': unknown source id 'bbc'"), std::string::npos)
        << messages(load);
    EXPECT_NE(messages(load).find("bad.json:9: contradiction 1: field 'event_ids': unknown event id 'no-such-event'"),
              std::string::npos)
        << messages(load);
}

// --- D14: events are read one at a time -----------------------------------------------------------

TEST(EventStreaming, EventsBeforeTheirSourcesAreStillChecked) {
    // The events array comes first: the sources they cite are checked once the sources are read.
    std::string text = file(event());
    const std::string sources = "  \"sources\": [{\"id\": \"afp\", \"outlet\": \"AFP\"}],\n";
    text.erase(text.find(sources), sources.size());
    text.insert(text.rfind("  , \"contradictions\""), "  , \"sources\": [{\"id\": \"bbc\", \"outlet\": \"BBC\"}]\n");
    const DatasetLoad load = parseDataset(text, "bad.json");
    ASSERT_EQ(load.problems.size(), 1u) << messages(load);
    EXPECT_NE(load.problems[0].message.find("unknown source id 'afp'"), std::string::npos) << messages(load);
}

TEST(EventStreaming, ManyEventsLoadSortedWithDuplicateIdsFound) {
    std::string events;
    for (int i = 0; i < 300; ++i) {
        std::string e = event("", "e-" + std::to_string(i % 299));
        e.replace(e.find("2022-01-03T10"), 13, "2022-01-0" + std::to_string(9 - i % 7) + "T10");
        events += (i ? ",\n    " : "") + e;
    }
    const DatasetLoad load = parseDataset(file(events), "bad.json");
    ASSERT_EQ(load.problems.size(), 1u) << messages(load);
    EXPECT_NE(load.problems[0].message.find("bad.json:306: event 'e-0': field 'id': duplicate id"), std::string::npos)
        << load.problems[0].message;
    std::string unique;
    for (int i = 0; i < 300; ++i) {
        std::string e = event("", "e-" + std::to_string(i));
        e.replace(e.find("2022-01-03T10"), 13, "2022-01-0" + std::to_string(9 - i % 7) + "T10");
        unique += (i ? ",\n    " : "") + e;
    }
    const DatasetLoad ok = parseDataset(file(unique), "bad.json");
    ASSERT_TRUE(ok.dataset.has_value()) << messages(ok);
    ASSERT_EQ(ok.dataset->events.size(), 300u);
    EXPECT_TRUE(std::is_sorted(ok.dataset->events.begin(), ok.dataset->events.end(), [](const Event& a, const Event& b) {
        return a.start != b.start ? a.start < b.start : a.id < b.id;
    }));
}

// --- D1 for assets: a hostile places.geojson in an --assets directory -----------------------------

TEST(GeoJsonHostile, DeeplyNestedCoordinatesAreRefusedWithoutCrashing) {
    const std::string text = "{\"type\": \"FeatureCollection\", \"features\": [\n"
                             "  {\"type\": \"Feature\", \"properties\": {\"name\": \"Almaty\"},\n"
                             "   \"geometry\": {\"type\": \"Point\", \"coordinates\": " +
                             nested(100000) + "}}\n]}\n";
    auto r = parseGeoJson(text, "places.geojson");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message.rfind("places.geojson:3: nested deeper than 64 levels", 0), 0u) << r.error().message;
    EXPECT_LT(r.error().message.size(), 200u);
}

TEST(GeoJsonHostile, ABadPositionIsDescribedNotPrinted) {
    const std::string text = "{\"type\": \"FeatureCollection\", \"features\": [\n"
                             "  {\"type\": \"Feature\", \"properties\": {\"name\": \"A\\u001b[2J\"},\n"
                             "   \"geometry\": {\"type\": \"Point\", \"coordinates\": " +
                             nested(50) + "}}\n]}\n";
    auto r = parseGeoJson(text, "places.geojson");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("expected a position [lon, lat], got an array"), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.find('\x1b'), std::string::npos) << r.error().message;
}
