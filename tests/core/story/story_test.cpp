// Stories (core/story.hpp): the bundled story of the week loads as written; a story survives
// serialize → parse with every field intact; each kind of bad story is refused with the file, the
// line and the field named; and saving replaces a file atomically, never leaving half of it.
#include "core/story/story.hpp"

#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/time/time_printers.hpp"

using namespace qantar::core;
namespace fs = std::filesystem;

namespace {

const std::string kWeek = std::string(QANTAR_ASSET_DIR) + "/stories/week.json";

Instant utc(int y, int mo, int d, int h = 0, int mi = 0) {
    return Instant{daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60};
}

std::optional<bool> layer(const Scene& s, EventLayer l) { return s.layers[static_cast<std::size_t>(l)]; }

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeAll(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Scratch files of this process, removed when each save test ends.
fs::path scratchRoot() { return fs::temp_directory_path() / ("qantar-story-test-" + std::to_string(::getpid())); }

// A fresh, empty directory for one test.
fs::path scratch(const std::string& name) {
    const fs::path d = scratchRoot() / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

class StorySave : public ::testing::Test {
protected:
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(scratchRoot(), ec);
    }
};

std::vector<std::string> namesIn(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Every field of two stories, scene by scene, with the scene number in each failure.
void expectSameStory(const Story& a, const Story& b) {
    EXPECT_EQ(a.title, b.title);
    ASSERT_EQ(a.scenes.size(), b.scenes.size());
    for (std::size_t i = 0; i < a.scenes.size(); ++i) {
        const Scene& x = a.scenes[i];
        const Scene& y = b.scenes[i];
        SCOPED_TRACE("scene " + std::to_string(i + 1) + " '" + x.title + "'");
        EXPECT_EQ(x.title, y.title);
        EXPECT_EQ(x.caption, y.caption);
        EXPECT_EQ(x.sources, y.sources);
        EXPECT_EQ(x.start, y.start);
        EXPECT_EQ(x.end.has_value(), y.end.has_value());
        if (x.end && y.end) {
            EXPECT_EQ(*x.end, *y.end);
            EXPECT_DOUBLE_EQ(x.speedHoursPerSecond, y.speedHoursPerSecond);
        }
        EXPECT_EQ(x.zone, y.zone);
        EXPECT_EQ(x.view.has_value(), y.view.has_value());
        if (x.view && y.view) {
            EXPECT_DOUBLE_EQ(x.view->center.lon, y.view->center.lon);
            EXPECT_DOUBLE_EQ(x.view->center.lat, y.view->center.lat);
            EXPECT_DOUBLE_EQ(x.view->spanKm, y.view->spanKm);
        }
        for (int l = 0; l < kEventLayerCount; ++l) {
            EXPECT_EQ(x.layers[static_cast<std::size_t>(l)], y.layers[static_cast<std::size_t>(l)])
                << "layer " << eventLayerId(static_cast<EventLayer>(l));
        }
        EXPECT_DOUBLE_EQ(x.transitionSeconds, y.transitionSeconds);
        EXPECT_DOUBLE_EQ(x.holdSeconds, y.holdSeconds);
    }
}

// A story that sets every field to something other than its default, in three zones.
Story everyFieldStory() {
    Story story;
    story.title = "Round trip: «Қаңтар» 2022";
    Scene a;
    a.title = "A moment in the west";
    a.caption = "Quotes \"inside\", a backslash \\ and a line\nbreak.";
    a.sources = {"ft", "afp"};
    a.start = utc(2022, 1, 2, 7, 30);
    a.zone = kWestTime;
    a.view = SceneView{LonLat{53.5, 44.0}, 700.0};
    a.layers[static_cast<std::size_t>(EventLayer::Protests)] = true;
    a.layers[static_cast<std::size_t>(EventLayer::Violence)] = false;
    a.transitionSeconds = 1.25;
    a.holdSeconds = 0.0;
    story.scenes.push_back(a);

    Scene b;
    b.title = "A range in UTC";
    b.start = utc(2022, 1, 4, 6);
    b.end = utc(2022, 1, 6, 18, 45);
    b.zone = kUtc;
    b.speedHoursPerSecond = 0.5;
    b.view = SceneView{LonLat{77.2981, 43.4512}, 260.0};
    b.layers[static_cast<std::size_t>(EventLayer::Government)] = true;
    b.layers[static_cast<std::size_t>(EventLayer::Csto)] = false;
    b.transitionSeconds = 0.0;
    b.holdSeconds = 7.5;
    story.scenes.push_back(b);

    Scene c;  // no view, no layers, no sources, no caption: "leave as it is"
    c.title = "Keep the view";
    c.start = utc(2022, 1, 7, 6);
    c.end = utc(2022, 1, 7, 7);
    c.zone = kAlmatyTime;
    c.speedHoursPerSecond = 16.0;
    c.transitionSeconds = 600.0;
    c.holdSeconds = 600.0;
    story.scenes.push_back(c);
    return story;
}

}  // namespace

// --- The bundled story ---------------------------------------------------------------------

TEST(StoryBundled, TheWeekLoadsWithItsEightScenes) {
    auto story = loadStory(kWeek);
    ASSERT_TRUE(story.ok()) << story.error().message;
    EXPECT_FALSE(story->title.empty());
    ASSERT_EQ(story->scenes.size(), 8u);
    // Scenes 2, 3, 6 and 8 play a time range; the others show a moment.
    const bool ranges[8] = {false, true, true, false, false, true, false, true};
    for (std::size_t i = 0; i < 8; ++i) {
        const Scene& s = story->scenes[i];
        EXPECT_FALSE(s.title.empty()) << "scene " << i + 1;
        EXPECT_FALSE(s.caption.empty()) << "scene " << i + 1;
        EXPECT_FALSE(s.sources.empty()) << "scene " << i + 1;
        EXPECT_TRUE(s.view.has_value()) << "scene " << i + 1;
        EXPECT_EQ(s.end.has_value(), ranges[i]) << "scene " << i + 1;
        if (s.end) {
            EXPECT_LT(s.start, *s.end) << "scene " << i + 1;
        }
    }
}

TEST(StoryBundled, ZhanaozenSceneReadsExactlyAsWritten) {
    auto story = loadStory(kWeek);
    ASSERT_TRUE(story.ok()) << story.error().message;
    const Scene& s = story->scenes.at(1);
    EXPECT_EQ(s.title, "2 January: protests in Zhanaozen");
    EXPECT_EQ(s.sources, (std::vector<std::string>{"ft", "afp"}));
    // "2022-01-02T00:00:00+05:00" .. "2022-01-03T00:00:00+05:00", written in the west's zone.
    EXPECT_EQ(s.start, utc(2022, 1, 1, 19));
    ASSERT_TRUE(s.end.has_value());
    EXPECT_EQ(*s.end, utc(2022, 1, 2, 19));
    EXPECT_EQ(s.zone, kWestTime);
    EXPECT_DOUBLE_EQ(s.speedHoursPerSecond, 6.0);
    ASSERT_TRUE(s.view.has_value());
    EXPECT_DOUBLE_EQ(s.view->center.lon, 53.5) << "center is [lon, lat]";
    EXPECT_DOUBLE_EQ(s.view->center.lat, 44.0);
    EXPECT_DOUBLE_EQ(s.view->spanKm, 700.0);
    EXPECT_EQ(layer(s, EventLayer::Protests), std::optional<bool>(true));
    EXPECT_EQ(layer(s, EventLayer::Violence), std::optional<bool>(true));
    EXPECT_EQ(layer(s, EventLayer::Curfew), std::nullopt) << "layers not named are left as they are";
    EXPECT_DOUBLE_EQ(s.transitionSeconds, 3.0);
    EXPECT_DOUBLE_EQ(s.holdSeconds, 3.0);

    const Scene& first = story->scenes.at(0);
    EXPECT_EQ(first.start, utc(2022, 1, 1, 6));  // "2022-01-01T12:00:00+06:00"
    EXPECT_FALSE(first.end.has_value());
    EXPECT_EQ(first.zone, kAlmatyTime);
    EXPECT_DOUBLE_EQ(first.transitionSeconds, 1.0);
    EXPECT_DOUBLE_EQ(first.holdSeconds, 5.0);
}

TEST(StoryLoad, MissingFileIsNamed) {
    auto story = loadStory("/nonexistent-dir/story.json");
    ASSERT_FALSE(story.ok());
    EXPECT_EQ(story.error().kind, ErrorKind::FileNotFound);
    EXPECT_NE(story.error().message.find("/nonexistent-dir/story.json"), std::string::npos) << story.error().message;
}

// --- Round trips ---------------------------------------------------------------------------

TEST(StoryRoundTrip, EveryFieldSurvivesSerializeThenParse) {
    const Story original = everyFieldStory();
    const std::string text = serializeStory(original);
    auto back = parseStory(text, "roundtrip.json");
    ASSERT_TRUE(back.ok()) << back.error().message << "\n" << text;
    expectSameStory(original, *back);
    // And the text is stable: a second trip writes the same bytes.
    EXPECT_EQ(serializeStory(*back), text);
}

TEST(StoryRoundTrip, TheBundledStorySurvivesSerializeThenParse) {
    auto week = loadStory(kWeek);
    ASSERT_TRUE(week.ok()) << week.error().message;
    auto back = parseStory(serializeStory(*week), "week-copy.json");
    ASSERT_TRUE(back.ok()) << back.error().message;
    expectSameStory(*week, *back);
}

TEST(StoryRoundTrip, SerializedTextIsTheDocumentedFormat) {
    const std::string text = serializeStory(everyFieldStory());
    EXPECT_NE(text.find("\"format\": \"qantar-story\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"version\": 1"), std::string::npos) << text;
    EXPECT_NE(text.find("\"time_range\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"speed_hours_per_second\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"span_km\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"violence\": false"), std::string::npos) << text;
}

// --- Bad stories ---------------------------------------------------------------------------

struct BadStory {
    const char* name;
    std::string text;
    ErrorKind kind;
    int line;                 // where the problem is
    const char* mustMention;  // the field or the problem
};

void PrintTo(const BadStory& c, std::ostream* os) { *os << c.name; }

// A one-scene story; `sceneBody` is the scene's members, one per line, from line 7 on. The scene
// object itself opens on line 6.
std::string oneScene(const std::string& sceneBody) {
    return "{\n"                                    // 1
           "  \"format\": \"qantar-story\",\n"      // 2
           "  \"version\": 1,\n"                    // 3
           "  \"title\": \"bad\",\n"                // 4
           "  \"scenes\": [\n"                      // 5
           "    {\n" +                              // 6
           sceneBody +                              // 7...
           "\n    }\n"
           "  ]\n"
           "}\n";
}

const std::string kTitle = "      \"title\": \"Scene\",\n";                 // line 7
const std::string kTime = "      \"time\": \"2022-01-05T12:00:00+06:00\"";  // line 8 after kTitle

class StoryRejects : public ::testing::TestWithParam<BadStory> {};

TEST_P(StoryRejects, NamingFileLineAndField) {
    const BadStory& c = GetParam();
    auto story = parseStory(c.text, "bad.json");
    ASSERT_FALSE(story.ok()) << c.name << ": accepted:\n" << c.text;
    const Error& e = story.error();
    EXPECT_EQ(errorKindId(e.kind), std::string(errorKindId(c.kind))) << c.name << ": " << e.message;
    const std::string prefix = "bad.json:" + std::to_string(c.line) + ": ";
    EXPECT_EQ(e.message.rfind(prefix, 0), 0u) << c.name << ": expected the message to start with '" << prefix
                                               << "': " << e.message;
    EXPECT_NE(e.message.find(c.mustMention), std::string::npos)
        << c.name << ": expected the message to mention '" << c.mustMention << "': " << e.message;
}

const BadStory kBadStories[] = {
    {"not_json", "{\n  \"format\": \"qantar-story\",\n  \"version\": 1,\n  scenes: []\n}\n", ErrorKind::JsonSyntax, 4,
     "not valid JSON"},
    {"top_level_array", "[\n  1\n]\n", ErrorKind::DatasetInvalid, 1, "object"},
    {"wrong_format", "{\n  \"version\": 1,\n  \"format\": \"qantar-events\",\n  \"scenes\": []\n}\n",
     ErrorKind::DatasetInvalid, 3, "format"},
    {"missing_format", "{\n  \"version\": 1,\n  \"scenes\": []\n}\n", ErrorKind::DatasetInvalid, 1, "format"},
    {"version_2", "{\n  \"format\": \"qantar-story\",\n  \"version\": 2,\n  \"scenes\": []\n}\n",
     ErrorKind::DatasetInvalid, 3, "version"},
    {"no_scenes", "{\n  \"format\": \"qantar-story\",\n  \"version\": 1,\n  \"title\": \"t\",\n  \"scenes\": []\n}\n",
     ErrorKind::DatasetInvalid, 5, "scenes"},
    {"scenes_missing", "{\n  \"format\": \"qantar-story\",\n  \"version\": 1\n}\n", ErrorKind::DatasetInvalid, 1,
     "scenes"},
    {"scene_without_title", oneScene("      \"caption\": \"c\",\n" + kTime), ErrorKind::DatasetInvalid, 6, "title"},
    {"both_time_and_range",
     oneScene(kTitle + kTime +
              ",\n      \"time_range\": {\"start\": \"2022-01-05T00:00\", \"end\": \"2022-01-06T00:00\"}"),
     ErrorKind::DatasetInvalid, 6, "time_range"},
    {"neither_time_nor_range", oneScene(kTitle + "      \"hold_seconds\": 3"), ErrorKind::DatasetInvalid, 6,
     "time_range"},
    {"bad_time", oneScene(kTitle + "      \"time\": \"5 Jan\""), ErrorKind::DatasetInvalid, 8, "5 Jan"},
    {"range_end_before_start",
     oneScene(kTitle + "      \"time_range\": {\n        \"start\": \"2022-01-06T00:00\",\n"
                       "        \"end\": \"2022-01-05T00:00\"\n      }"),
     ErrorKind::DatasetInvalid, 10, "end"},
    {"range_end_equals_start",
     oneScene(kTitle + "      \"time_range\": {\n        \"start\": \"2022-01-06T00:00\",\n"
                       "        \"end\": \"2022-01-06T00:00\"\n      }"),
     ErrorKind::DatasetInvalid, 10, "end"},
    {"range_without_end", oneScene(kTitle + "      \"time_range\": {\"start\": \"2022-01-06T00:00\"}"),
     ErrorKind::DatasetInvalid, 8, "end"},
    {"speed_zero",
     oneScene(kTitle + "      \"time_range\": {\n        \"start\": \"2022-01-05T00:00\",\n"
                       "        \"end\": \"2022-01-06T00:00\",\n        \"speed_hours_per_second\": 0\n      }"),
     ErrorKind::DatasetInvalid, 11, "speed_hours_per_second"},
    {"speed_negative",
     oneScene(kTitle + "      \"time_range\": {\n        \"start\": \"2022-01-05T00:00\",\n"
                       "        \"end\": \"2022-01-06T00:00\",\n        \"speed_hours_per_second\": -4\n      }"),
     ErrorKind::DatasetInvalid, 11, "speed_hours_per_second"},
    {"speed_not_a_number",
     oneScene(kTitle + "      \"time_range\": {\n        \"start\": \"2022-01-05T00:00\",\n"
                       "        \"end\": \"2022-01-06T00:00\",\n        \"speed_hours_per_second\": \"fast\"\n      }"),
     ErrorKind::DatasetInvalid, 11, "speed_hours_per_second"},
    {"view_center_lon_only", oneScene(kTitle + kTime + ",\n      \"view\": {\"center\": [67.5], \"span_km\": 700}"),
     ErrorKind::DatasetInvalid, 9, "view.center"},
    {"view_center_out_of_range",
     oneScene(kTitle + kTime + ",\n      \"view\": {\"center\": [200, 10], \"span_km\": 700}"), ErrorKind::DatasetInvalid,
     9, "view.center"},
    {"view_center_lat_out_of_range",
     oneScene(kTitle + kTime + ",\n      \"view\": {\"center\": [67, 95], \"span_km\": 700}"), ErrorKind::DatasetInvalid,
     9, "view.center"},
    {"view_without_center", oneScene(kTitle + kTime + ",\n      \"view\": {\"span_km\": 700}"),
     ErrorKind::DatasetInvalid, 9, "view.center"},
    {"view_not_an_object", oneScene(kTitle + kTime + ",\n      \"view\": [67.5, 48.3]"), ErrorKind::DatasetInvalid, 9,
     "view"},
    {"view_span_zero",
     oneScene(kTitle + kTime + ",\n      \"view\": {\n        \"center\": [67.5, 48.3],\n        \"span_km\": 0\n      }"),
     ErrorKind::DatasetInvalid, 11, "span_km"},
    {"unknown_layer",
     oneScene(kTitle + kTime + ",\n      \"layers\": {\n        \"protests\": true,\n        \"riots\": true\n      }"),
     ErrorKind::DatasetInvalid, 11, "riots"},
    {"layer_not_bool", oneScene(kTitle + kTime + ",\n      \"layers\": {\n        \"protests\": \"yes\"\n      }"),
     ErrorKind::DatasetInvalid, 10, "protests"},
    {"layers_not_an_object", oneScene(kTitle + kTime + ",\n      \"layers\": [\"protests\"]"),
     ErrorKind::DatasetInvalid, 9, "layers"},
    {"sources_not_an_array", oneScene(kTitle + kTime + ",\n      \"sources\": \"ft\""), ErrorKind::DatasetInvalid, 9,
     "sources"},
    {"hold_negative", oneScene(kTitle + kTime + ",\n      \"hold_seconds\": -1"), ErrorKind::DatasetInvalid, 9,
     "hold_seconds"},
    {"transition_negative", oneScene(kTitle + kTime + ",\n      \"transition_seconds\": -0.5"),
     ErrorKind::DatasetInvalid, 9, "transition_seconds"},
};

INSTANTIATE_TEST_SUITE_P(Corpus, StoryRejects, ::testing::ValuesIn(kBadStories),
                         [](const auto& param) { return std::string(param.param.name); });

TEST(StoryParse, TheCorpusTemplateItselfIsAValidStory) {
    // Guards the corpus: each bad story differs from this good one only in what it breaks.
    auto story = parseStory(oneScene(kTitle + kTime + ",\n      \"view\": {\"center\": [67.5, 48.3], \"span_km\": 700}"),
                            "good.json");
    ASSERT_TRUE(story.ok()) << story.error().message;
    ASSERT_EQ(story->scenes.size(), 1u);
    EXPECT_EQ(story->scenes[0].start, utc(2022, 1, 5, 6));
}

TEST(StoryParse, SecondSceneProblemsNameTheScene) {
    const std::string text = "{\"format\": \"qantar-story\", \"version\": 1, \"scenes\": [\n"
                             "  {\"title\": \"one\", \"time\": \"2022-01-05T12:00\"},\n"
                             "  {\"title\": \"two\", \"time\": \"2022-01-05T12:00\", \"hold_seconds\": -3}\n"
                             "]}\n";
    auto story = parseStory(text, "bad.json");
    ASSERT_FALSE(story.ok());
    EXPECT_EQ(story.error().message.rfind("bad.json:3: ", 0), 0u) << story.error().message;
    EXPECT_NE(story.error().message.find("scene 2"), std::string::npos) << story.error().message;
}

// --- Hostile stories (review of hostile input: D1, D12, D16, D18, D20) ------------------------

namespace {

std::string repeated(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

void expectRefusedOnLine(const std::string& text, int line, const std::string& what) {
    auto story = parseStory(text, "bad.json");
    ASSERT_FALSE(story.ok()) << "accepted";
    const std::string& m = story.error().message;
    EXPECT_EQ(m.rfind("bad.json:" + std::to_string(line) + ": ", 0), 0u) << m;
    EXPECT_NE(m.find(what), std::string::npos) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
    EXPECT_EQ(m.find("json.exception"), std::string::npos) << m;
    EXPECT_LT(m.size(), 400u) << m;
}

}  // namespace

TEST(StoryHostile, DeeplyNestedCaptionIsRefusedWithoutCrashing) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    expectRefusedOnLine(oneScene(kTitle + "      \"caption\": " + deep + ",\n" + kTime), 8,
                        "nested deeper than 64 levels of arrays and objects at column 79");  // 3 levels are the story's
}

TEST(StoryHostile, NumberOutOfRangeNamesLineAndColumnInPlainWords) {
    expectRefusedOnLine(oneScene(kTitle + kTime + ",\n      \"hold_seconds\": 1e400"), 9,
                        "not valid JSON at column 23: number out of range: 1e400");
}

TEST(StoryHostile, ControlCharactersInALayerNameAreEscaped) {
    expectRefusedOnLine(oneScene(kTitle + kTime + ",\n      \"layers\": {\"x\\u001b]0;t\\u0007\\nbad.json:1: ok\\u202e\": true}"),
                        9, "unknown layer 'x\\x1B]0;t\\x07\\x0Abad.json:1: ok\\u202E'");
}

TEST(StoryHostile, ControlCharactersInATimeAreEscaped) {
    expectRefusedOnLine(oneScene(kTitle + "      \"time\": \"\\u001b[2J\"") , 8, "\\x1B[2J");
}

TEST(StoryHostile, ByteOrderMarkAndCrLineEndsKeepTheLineOfAProblem) {
    std::string text = oneScene(kTitle + kTime + ",\n      \"hold_seconds\": -3");
    expectRefusedOnLine("\xEF\xBB\xBF" + text, 9, "hold_seconds");
    for (std::size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p + 2)) text.replace(p, 1, "\r\n");
    expectRefusedOnLine("\xEF\xBB\xBF" + text, 9, "hold_seconds");
    for (std::size_t p = text.find("\r\n"); p != std::string::npos; p = text.find("\r\n", p + 1)) text.erase(p + 1, 1);
    expectRefusedOnLine("\xEF\xBB\xBF" + text, 9, "hold_seconds");
}

TEST(StoryHostile, RepeatedKeyIsAProblemNamingItsLine) {
    expectRefusedOnLine(oneScene(kTitle + kTime + ",\n      \"title\": \"Again\""), 9,
                        "key 'title' appears twice in the same object (first on line 7)");
}

TEST(StoryLimits, SceneTitleCaptionAndStoryTitleHaveLengthsInCharacters) {
    // Kazakh letters are two bytes each: the limits count characters.
    const std::string title120 = repeated("Қ", kMaxSceneTitleChars);
    const std::string caption1000 = repeated("Ә", kMaxSceneCaptionChars);
    auto ok = parseStory(oneScene("      \"title\": \"" + title120 + "\",\n      \"caption\": \"" + caption1000 + "\",\n" + kTime),
                         "good.json");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    expectRefusedOnLine(oneScene("      \"title\": \"" + title120 + "Қ\",\n" + kTime), 7,
                        "scene 1: field 'title': 121 characters, more than the 120 allowed");
    expectRefusedOnLine(oneScene(kTitle + "      \"caption\": \"" + caption1000 + "Ә\",\n" + kTime), 8,
                        "scene 1: field 'caption': 1001 characters, more than the 1000 allowed");
    std::string longStoryTitle = oneScene(kTitle + kTime);
    longStoryTitle.replace(longStoryTitle.find("\"bad\""), 5, "\"" + repeated("Қ", kMaxStoryTitleChars + 1) + "\"");
    expectRefusedOnLine(longStoryTitle, 4, "field 'title': 121 characters, more than the 120 allowed");
}

// --- Saving ----------------------------------------------------------------------------------

TEST_F(StorySave, WritesWhatLoadReadsBack) {
    const fs::path dir = scratch("save");
    const fs::path path = dir / "story.json";
    const Story story = everyFieldStory();
    auto err = saveStory(story, path.string());
    ASSERT_FALSE(err.has_value()) << err->message;
    auto back = loadStory(path.string());
    ASSERT_TRUE(back.ok()) << back.error().message;
    expectSameStory(story, *back);
    EXPECT_EQ(namesIn(dir), std::vector<std::string>{"story.json"}) << "no temporary file is left beside it";
}

TEST_F(StorySave, ReplacingAFileNeverShowsAHalfWrittenOne) {
    const fs::path dir = scratch("replace");
    const fs::path path = dir / "story.json";
    // Two stories of clearly different lengths, large enough that a plain rewrite takes several writes.
    Story small = everyFieldStory();
    Story large = everyFieldStory();
    for (int i = 0; i < 300; ++i) large.scenes.push_back(large.scenes[static_cast<std::size_t>(i % 3)]);
    const std::string smallText = serializeStory(small), largeText = serializeStory(large);
    ASSERT_NE(smallText.size(), largeText.size());
    ASSERT_FALSE(saveStory(small, path.string()).has_value());

    std::atomic<bool> done{false};
    std::atomic<int> reads{0}, torn{0};
    std::string tornExample;
    std::thread reader([&] {
        while (!done.load()) {
            const std::string seen = readAll(path);
            ++reads;
            if (seen != smallText && seen != largeText) {
                if (torn++ == 0) tornExample = seen.substr(0, 200);
            }
        }
    });
    constexpr int kSaves = 60;
    int failures = 0;
    for (int i = 0; i < kSaves; ++i) failures += saveStory(i % 2 == 0 ? large : small, path.string()).has_value();
    done = true;
    reader.join();
    EXPECT_EQ(failures, 0);
    EXPECT_GT(reads.load(), 0);
    EXPECT_EQ(torn.load(), 0) << "a reader saw neither the old nor the new file (" << torn.load() << " of "
                              << reads.load() << " reads), e.g. '" << tornExample << "'";
    EXPECT_EQ(readAll(path), smallText) << "the last save wins";
    EXPECT_EQ(namesIn(dir), std::vector<std::string>{"story.json"}) << "no temporary file is left beside it";
}

TEST_F(StorySave, IntoAMissingDirectoryFailsNamingThePath) {
    const fs::path dir = scratch("missing");
    const fs::path path = dir / "no-such-dir" / "story.json";
    auto err = saveStory(everyFieldStory(), path.string());
    ASSERT_TRUE(err.has_value()) << "saving under a directory that does not exist must fail";
    EXPECT_EQ(err->kind, ErrorKind::FileUnwritable) << err->message;
    EXPECT_NE(err->message.find(path.string()), std::string::npos) << err->message;
    EXPECT_TRUE(namesIn(dir).empty()) << "nothing may be left behind";
}

TEST_F(StorySave, UnderARegularFileFailsAndLeavesThatFileIntact) {
    // A parent that is a regular file stops writes even for root, unlike permission bits.
    const fs::path dir = scratch("file-parent");
    const fs::path old = dir / "old.json";
    const std::string oldText = serializeStory(everyFieldStory());
    writeAll(old, oldText);
    auto err = saveStory(everyFieldStory(), (old / "story.json").string());
    ASSERT_TRUE(err.has_value());
    EXPECT_EQ(err->kind, ErrorKind::FileUnwritable) << err->message;
    EXPECT_NE(err->message.find((old / "story.json").string()), std::string::npos) << err->message;
    EXPECT_EQ(readAll(old), oldText);
    EXPECT_EQ(namesIn(dir), std::vector<std::string>{"old.json"});
}

TEST_F(StorySave, AWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporary) {
    // The file-size limit makes write() fail part-way through (EFBIG), for root as for anyone: the
    // save must report it, keep the old file as it was and remove its temporary file.
    const fs::path dir = scratch("efbig");
    const fs::path path = dir / "story.json";
    Story old = everyFieldStory();
    old.scenes.resize(1);
    const std::string oldText = serializeStory(old);
    writeAll(path, oldText);
    Story big = everyFieldStory();
    for (int i = 0; i < 50; ++i) big.scenes.push_back(big.scenes[1]);
    const std::size_t limit = 2048;
    ASSERT_GT(serializeStory(big).size(), 2 * limit);

    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    auto* oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = limit;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    auto err = saveStory(big, path.string());
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);

    ASSERT_TRUE(err.has_value()) << "a write cut short by the file-size limit must be reported";
    EXPECT_EQ(err->kind, ErrorKind::FileUnwritable) << err->message;
    EXPECT_NE(err->message.find(path.string()), std::string::npos) << err->message;
    EXPECT_EQ(readAll(path), oldText) << "the old file must be untouched";
    EXPECT_EQ(namesIn(dir), std::vector<std::string>{"story.json"}) << "the temporary file must be removed";
}
