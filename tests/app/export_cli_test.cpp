// `qantar export` driven through the real binary, with no display: exact sizes and presets, PNG
// sequences (how many frames, named how), the overlay furniture (where it is, that it scales with
// the image, that it leaves the map alone), byte-identical repeats, story scenes, and the one-line
// errors for bad sequence and video options.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "core/events/event_format.hpp"
#include "core/events/timeline.hpp"
#include "core/time/time.hpp"
#include "core/events/timeline_figure.hpp"
#include "render/image.hpp"
#include "run_qantar.hpp"

namespace fs = std::filesystem;
using qantar::render::Image;
using qantar::test::filesIn;
using qantar::test::freshOutputDir;
using qantar::test::lineCount;
using qantar::test::readBytes;
using qantar::test::runQantar;

namespace {

const std::string kStory = std::string(QANTAR_ASSET_DIR) + "/stories/week.json";

Image load(const std::string& path) {
    auto img = qantar::render::readImage(path);
    EXPECT_TRUE(img.ok()) << path << ": " << (img.ok() ? "" : img.error().message);
    return img.ok() ? std::move(*img) : Image{};
}

struct Rect {
    int x0, y0, x1, y1;  // [x0, x1) × [y0, y1)
};

// Pixels (RGB) that differ between two images of the same size inside `r`.
long differing(const Image& a, const Image& b, Rect r) {
    long n = 0;
    for (int y = r.y0; y < r.y1; ++y) {
        for (int x = r.x0; x < r.x1; ++x) {
            const std::uint8_t* p = a.at(x, y);
            const std::uint8_t* q = b.at(x, y);
            n += p[0] != q[0] || p[1] != q[1] || p[2] != q[2];
        }
    }
    return n;
}

// The bounding box of every pixel that differs between two images of the same size.
Rect differenceBox(const Image& a, const Image& b) {
    Rect box{a.width, a.height, -1, -1};
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            const std::uint8_t* p = a.at(x, y);
            const std::uint8_t* q = b.at(x, y);
            if (p[0] != q[0] || p[1] != q[1] || p[2] != q[2]) {
                box.x0 = std::min(box.x0, x);
                box.y0 = std::min(box.y0, y);
                box.x1 = std::max(box.x1, x + 1);
                box.y1 = std::max(box.y1, y + 1);
            }
        }
    }
    return box;
}

// Runs an export that must succeed.
void exportOk(const std::string& args) {
    auto r = runQantar("export --quiet " + args);
    ASSERT_EQ(r.exitCode, 0) << "qantar export " << args << "\n" << r.output;
}

std::vector<std::string> numberedFrames(int n) {
    std::vector<std::string> names;
    for (int i = 1; i <= n; ++i) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "frame_%04d.png", i);
        names.push_back(buf);
    }
    return names;
}

}  // namespace

// --- Help, sizes ---------------------------------------------------------------------------

TEST(ExportCli, HelpDocumentsEveryExportOption) {
    auto r = runQantar("export --help");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    for (const char* option : {"--from", "--to", "--step", "--video", "--fps", "--story", "--scene", "--title",
                               "--overlays", "--preset", "--transparent", "--size", "--out", "--time"}) {
        EXPECT_NE(r.output.find(std::string(option) + " "), std::string::npos) << option << " is not in:\n" << r.output;
    }
    // The presets are listed with their sizes.
    EXPECT_NE(r.output.find("1080p (1920x1080)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("720p (1280x720)"), std::string::npos) << r.output;
}

TEST(ExportCli, SizeAndPresetsGiveExactlyThatManyPixels) {
    const std::string dir = freshOutputDir("export");
    struct Case {
        std::string args;
        int w, h;
    };
    for (const Case& c : {Case{"--size 1000x700", 1000, 700}, Case{"--size 321x241", 321, 241},
                          Case{"--preset 1080p", 1920, 1080}, Case{"--preset 720p", 1280, 720}}) {
        const std::string out = dir + "/size.png";
        fs::remove(out);
        exportOk(c.args + " --out " + out);
        const Image img = load(out);
        EXPECT_EQ(img.width, c.w) << c.args;
        EXPECT_EQ(img.height, c.h) << c.args;
    }
}

TEST(ExportCli, UnknownPresetIsRefusedListingTheKnownOnes) {
    auto r = runQantar("export --preset 1440p --out /tmp/qantar-never.png");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(lineCount(r.output), 1) << r.output;
    EXPECT_NE(r.output.find("--preset"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("1080p"), std::string::npos) << r.output;
}

TEST(ExportCli, AMomentAfterTheDataIsDrawnWithANoteAndTheSixteenthOfJanuaryWithout) {
    const std::string dir = freshOutputDir("export");
    // 16 January, the day of the official 225 toll, is inside the data: no note.
    auto inside = runQantar("export --overlays none --time 2022-01-16T12:00 --size 320x240 --out " + dir + "/jan16.png");
    EXPECT_EQ(inside.exitCode, 0) << inside.output;
    EXPECT_EQ(inside.output.find("qantar: note: --time"), std::string::npos) << inside.output;
    auto after = runQantar("export --overlays none --time 2022-02-20T12:00 --size 320x240 --out " + dir + "/feb20.png");
    EXPECT_EQ(after.exitCode, 0) << after.output;
    EXPECT_NE(after.output.find("qantar: note: --time 2022-02-20T12:00:00+06:00 is after the data"), std::string::npos)
        << after.output;
}

// --- Sequences -----------------------------------------------------------------------------

TEST(ExportSequence, EveryStepFromStartToEndInclusiveAndNothingElse) {
    const std::string dir = freshOutputDir("export");
    exportOk("--from 2022-01-04T00:00 --to 2022-01-05T00:00 --step 6h --size 320x240 --out " + dir);
    EXPECT_EQ(filesIn(dir), numberedFrames(5));
    // The frames show different moments (the time stamp alone changes).
    const Image first = load(dir + "/frame_0001.png"), last = load(dir + "/frame_0005.png");
    ASSERT_EQ(first.width, 320);
    ASSERT_EQ(last.height, 240);
    EXPECT_NE(first.rgba, last.rgba);
}

TEST(ExportSequence, IsoStepGivesTheSameFramesAsTheShortSpelling) {
    const std::string dir = freshOutputDir("export");
    exportOk("--from 2022-01-04T00:00 --to 2022-01-05T00:00 --step PT6H --size 320x240 --out " + dir + "/iso");
    exportOk("--from 2022-01-04T00:00 --to 2022-01-05T00:00 --step 6h --size 320x240 --out " + dir + "/short");
    EXPECT_EQ(filesIn(dir + "/iso"), numberedFrames(5));
    for (const auto& name : numberedFrames(5)) {
        EXPECT_EQ(readBytes(dir + "/iso/" + name), readBytes(dir + "/short/" + name)) << name;
    }
}

TEST(ExportSequence, DailyStepOverTwelveDaysGivesTwelveFrames) {
    const std::string dir = freshOutputDir("export");
    exportOk("--from 2022-01-01 --to 2022-01-12 --step 1d --size 320x240 --out " + dir);
    EXPECT_EQ(filesIn(dir), numberedFrames(12));
}

TEST(ExportSequence, AStepThatOvershootsTheEndStopsBeforeIt) {
    const std::string dir = freshOutputDir("export");
    // 00:00, 05:00, 10:00; 15:00 would be past 12:00.
    exportOk("--from 2022-01-05T00:00 --to 2022-01-05T12:00 --step 5h --size 320x240 --out " + dir);
    EXPECT_EQ(filesIn(dir), numberedFrames(3));
}

struct BadOptions {
    const char* name;
    std::string args;
    const char* mustMention;
};

void PrintTo(const BadOptions& c, std::ostream* os) { *os << c.name; }

class ExportRejects : public ::testing::TestWithParam<BadOptions> {};

TEST_P(ExportRejects, WithExitOneAndOneLineNamingTheOption) {
    const BadOptions& c = GetParam();
    const std::string dir = freshOutputDir("export");
    std::string args = c.args;
    for (std::string::size_type at; (at = args.find("DIR")) != std::string::npos;) args.replace(at, 3, dir);
    auto r = runQantar("export " + args);
    EXPECT_EQ(r.exitCode, 1) << c.name << ": " << r.output;
    EXPECT_EQ(lineCount(r.output), 1) << c.name << ": " << r.output;
    EXPECT_NE(r.output.find(c.mustMention), std::string::npos) << c.name << ": " << r.output;
    EXPECT_TRUE(filesIn(dir).empty()) << c.name << ": nothing may be written";
}

const BadOptions kBadOptions[] = {
    {"step_without_unit", "--from 2022-01-04 --to 2022-01-05 --step 6 --out DIR/seq", "--step"},
    {"step_zero", "--from 2022-01-04 --to 2022-01-05 --step 0h --out DIR/seq", "--step"},
    {"step_unknown_unit", "--from 2022-01-04 --to 2022-01-05 --step 1x --out DIR/seq", "'1x'"},
    {"from_after_to", "--from 2022-01-06 --to 2022-01-05 --step 6h --out DIR/seq", "--from"},
    {"missing_to", "--from 2022-01-04 --step 6h --out DIR/seq", "--to"},
    {"bad_from", "--from 4-Jan --to 2022-01-05 --step 6h --out DIR/seq", "--from"},
    {"video_avi", "--from 2022-01-04 --to 2022-01-05 --step 6h --video DIR/x.avi", "--video"},
    {"fps_zero", "--from 2022-01-04 --to 2022-01-05 --step 6h --fps 0 --video DIR/x.mp4", "--fps"},
    {"fps_too_high", "--from 2022-01-04 --to 2022-01-05 --step 6h --fps 500 --video DIR/x.mp4", "--fps"},
    {"video_without_sequence", "--video DIR/x.mp4", "--video"},
    {"sequence_and_story", "--from 2022-01-04 --to 2022-01-05 --step 6h --story " + kStory + " --out DIR/seq",
     "--story"},
    {"unknown_overlay", "--overlays title,compass --out DIR/x.png", "compass"},
    {"scene_zero", "--story " + kStory + " --scene 0 --out DIR/scenes", "scene numbers start at 1"},
    {"scene_negative", "--story " + kStory + " --scene -1 --out DIR/scenes", "scene numbers start at 1"},
    {"png_named_jpg", "--out DIR/x.jpg", ".png"},
    {"png_without_extension", "--out DIR/noext", ".png"},
    {"png_into_a_folder", "--out DIR", ".png"},
    {"timeline_with_story", "--timeline --story " + kStory + " --out DIR/t.png", "--story"},
    {"timeline_with_video", "--timeline --video DIR/t.mp4", "--video"},
    {"timeline_with_step", "--timeline --from 2022-01-04 --to 2022-01-06 --step 6h --out DIR/t.png", "--step"},
    {"timeline_from_without_to", "--timeline --from 2022-01-04 --out DIR/t.png", "--to"},
    {"timeline_ends_before_it_starts", "--timeline --from 2022-01-06 --to 2022-01-04 --out DIR/t.png", "--from/--to"},
    {"timeline_named_jpg", "--timeline --out DIR/t.jpg", ".png"},
};

INSTANTIATE_TEST_SUITE_P(Corpus, ExportRejects, ::testing::ValuesIn(kBadOptions),
                         [](const auto& param) { return std::string(param.param.name); });

// --- Overlays ------------------------------------------------------------------------------

TEST(ExportOverlays, FurnitureFillsTheCornersAndLeavesTheMapCentreAlone) {
    const std::string dir = freshOutputDir("export");
    const std::string common = "--time 2022-01-05T20:00 --title T --size 1920x1080 ";
    exportOk(common + "--overlays all --out " + dir + "/all.png");
    exportOk(common + "--overlays none --out " + dir + "/none.png");
    const Image all = load(dir + "/all.png"), none = load(dir + "/none.png");
    ASSERT_EQ(all.width, 1920);
    ASSERT_EQ(none.width, 1920);
    struct Region {
        const char* what;
        Rect r;
    };
    // At 1080p the furniture sits within 18 px of the edges; these boxes hold its first ~100 px.
    for (const Region& g : {Region{"top-left (title and time)", {18, 18, 300, 110}},
                            Region{"bottom-left (legend)", {18, 900, 200, 1062}},
                            Region{"bottom-right (scale bar, credits)", {1700, 980, 1902, 1062}}}) {
        const long area = static_cast<long>(g.r.x1 - g.r.x0) * (g.r.y1 - g.r.y0);
        EXPECT_GT(differing(all, none, g.r), area / 2)
            << g.what << ": --overlays all should cover most of it; see " << dir;
    }
    EXPECT_EQ(differing(all, none, Rect{672, 378, 1248, 702}), 0)
        << "the middle of the map must be untouched by the overlays; see " << dir;
}

TEST(ExportOverlays, TextIsAsLargeInProportionAt4kAsAt1080p) {
    const std::string dir = freshOutputDir("export");
    const std::string common = "--time 2022-01-05T20:00 --title \"Almaty, 5 January\" ";
    Rect box[2];
    int k = 0;
    for (const char* size : {"1920x1080", "3840x2160"}) {
        const std::string s = size;
        exportOk(common + "--size " + s + " --overlays title,time --out " + dir + "/title_" + s + ".png");
        exportOk(common + "--size " + s + " --overlays none --out " + dir + "/none_" + s + ".png");
        const Image with = load(dir + "/title_" + s + ".png"), without = load(dir + "/none_" + s + ".png");
        ASSERT_FALSE(with.rgba.empty() || without.rgba.empty());
        box[k] = differenceBox(with, without);
        ASSERT_GT(box[k].x1, box[k].x0) << size << ": the title box should change the image";
        EXPECT_LT(box[k].x1, with.width * 6 / 10) << size << ": the title box belongs in the top left";
        EXPECT_LT(box[k].y1, with.height / 3) << size << ": the title box belongs in the top left";
        ++k;
    }
    const double hRatio = double(box[1].y1 - box[1].y0) / (box[0].y1 - box[0].y0);
    const double wRatio = double(box[1].x1 - box[1].x0) / (box[0].x1 - box[0].x0);
    const double topRatio = double(box[1].y0) / std::max(1, box[0].y0);
    EXPECT_NEAR(hRatio, 2.0, 0.2) << "title box height: " << box[0].y1 - box[0].y0 << " px at 1080p, "
                                  << box[1].y1 - box[1].y0 << " px at 4K";
    EXPECT_NEAR(wRatio, 2.0, 0.2) << "title box width: " << box[0].x1 - box[0].x0 << " px at 1080p, "
                                  << box[1].x1 - box[1].x0 << " px at 4K";
    EXPECT_NEAR(topRatio, 2.0, 0.2) << "the margin scales too: " << box[0].y0 << " vs " << box[1].y0;
}

TEST(ExportOverlays, RepeatingAnExportGivesByteIdenticalFiles) {
    const std::string dir = freshOutputDir("export");
    const std::string args = "--time 2022-01-05T20:00 --title \"Almaty, 5 January\" --overlays all --size 1280x720 --out ";
    exportOk(args + dir + "/a.png");
    exportOk(args + dir + "/b.png");
    const std::string a = readBytes(dir + "/a.png"), b = readBytes(dir + "/b.png");
    ASSERT_GT(a.size(), 1000u);
    EXPECT_TRUE(a == b) << "two runs of the same export wrote different bytes (" << a.size() << " vs " << b.size() << ")";
}

// --- Stories -------------------------------------------------------------------------------

TEST(ExportStory, WritesOnePngPerScene) {
    const std::string dir = freshOutputDir("export");
    exportOk("--story " + kStory + " --size 640x360 --out " + dir);
    std::vector<std::string> want;
    for (int i = 1; i <= 8; ++i) want.push_back("scene_0" + std::to_string(i) + ".png");
    ASSERT_EQ(filesIn(dir), want);
    // Each scene is a different picture.
    std::vector<std::string> bytes;
    for (const auto& name : want) bytes.push_back(readBytes(dir + "/" + name));
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) EXPECT_NE(bytes[i], bytes[i + 1]) << want[i] << " vs " << want[i + 1];
    const Image first = load(dir + "/scene_01.png");
    EXPECT_EQ(first.width, 640);
    EXPECT_EQ(first.height, 360);
}

TEST(ExportStory, OneSceneWritesOnlyThatScene) {
    const std::string dir = freshOutputDir("export");
    exportOk("--story " + kStory + " --scene 3 --size 640x360 --out " + dir + "/one");
    EXPECT_EQ(filesIn(dir + "/one"), std::vector<std::string>{"scene_03.png"});
    // The same picture as scene 3 of the whole story.
    exportOk("--story " + kStory + " --size 640x360 --out " + dir + "/all");
    EXPECT_EQ(readBytes(dir + "/one/scene_03.png"), readBytes(dir + "/all/scene_03.png"));
}

TEST(ExportStory, SceneNumberBeyondTheStoryFailsClearly) {
    const std::string dir = freshOutputDir("export");
    auto r = runQantar("export --story " + kStory + " --scene 99 --size 640x360 --out " + dir + "/scenes");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(lineCount(r.output), 1) << r.output;
    EXPECT_NE(r.output.find("--scene"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find('8'), std::string::npos) << "the message should say how many scenes there are: " << r.output;
    EXPECT_TRUE(filesIn(dir + "/scenes").empty()) << "no scene may be written";
}

TEST(ExportStory, BrokenStoryFileIsNamedWithItsLine) {
    const std::string dir = freshOutputDir("export");
    const std::string path = dir + "/broken.json";
    {
        std::ofstream out(path);
        out << "{\n  \"format\": \"qantar-story\",\n  \"version\": 2,\n  \"scenes\": []\n}\n";
    }
    auto r = runQantar("export --story " + path + " --out " + dir + "/scenes");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(lineCount(r.output), 1) << r.output;
    EXPECT_NE(r.output.find(path + ":3:"), std::string::npos) << r.output;
}

// Writes `text` to `path`.
void writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// The bundled story with every "speed_hours_per_second": N replaced by `speed`.
std::string storyWithSpeed(const std::string& speed) {
    std::string text = readBytes(kStory);
    const std::string key = "\"speed_hours_per_second\": ";
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
        const auto end = text.find_first_of(",}", at + key.size());
        text.replace(at + key.size(), end - at - key.size(), speed);
    }
    return text;
}

TEST(ExportStory, AStoryVideoOfTooManyFramesIsRefusedBeforeAnythingIsWritten) {
    // 1e-9 simulated hours per second plans 10^11 frames; 1e-300 used to overflow to 0 frames
    // and write an empty MP4 with exit 0.
    for (const char* speed : {"1e-9", "1e-300"}) {
        const std::string dir = freshOutputDir("export") + "/" + (speed[3] == '9' ? "a" : "b");
        fs::create_directories(dir);
        writeText(dir + "/slow.json", storyWithSpeed(speed));
        auto r = runQantar("export --story " + dir + "/slow.json --fps 25 --size 320x240 --video " + dir + "/story.mp4");
        EXPECT_EQ(r.exitCode, 1) << speed << ": " << r.output;
        EXPECT_EQ(lineCount(r.output), 1) << r.output;
        EXPECT_NE(r.output.find(dir + "/slow.json: the story video would"), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("speed_hours_per_second"), std::string::npos) << "what to change: " << r.output;
        EXPECT_NE(r.output.find("100000"), std::string::npos) << "the limit: " << r.output;
        EXPECT_EQ(filesIn(dir), std::vector<std::string>{"slow.json"}) << "nothing may be written";
    }
}

TEST(ExportStory, SceneFilesSortInSceneOrderFromAHundredScenesOn) {
    // 120 copies of the first scene of the bundled story, as moments with no transition or hold.
    const std::string dir = freshOutputDir("export");
    std::string story = readBytes(kStory);
    const auto first = story.find('{', story.find("\"scenes\""));
    int depth = 0;
    std::size_t end = first;
    for (; end < story.size(); ++end) {
        depth += story[end] == '{';
        depth -= story[end] == '}';
        if (depth == 0) break;
    }
    const std::string scene = story.substr(first, end + 1 - first);
    std::string scenes;
    for (int i = 0; i < 120; ++i) scenes += (i ? ",\n" : "") + scene;
    const auto open = story.find('[', story.find("\"scenes\""));
    int level = 0;
    std::size_t close = open;
    for (; close < story.size(); ++close) {
        level += story[close] == '[';
        level -= story[close] == ']';
        if (level == 0) break;
    }
    story.replace(open + 1, close - open - 1, scenes);
    writeText(dir + "/many.json", story);
    exportOk("--story " + dir + "/many.json --scene 100 --size 320x240 --out " + dir + "/one");
    EXPECT_EQ(filesIn(dir + "/one"), std::vector<std::string>{"scene_100.png"});
    exportOk("--story " + dir + "/many.json --scene 7 --size 320x240 --out " + dir + "/seven");
    EXPECT_EQ(filesIn(dir + "/seven"), std::vector<std::string>{"scene_007.png"}) << "three digits, so that names sort";
}

TEST(ExportStory, AFailedStoryExportRemovesTheFoldersItCreated) {
    // The last folder's name is too long for the file system: the folders made before it go again.
    const std::string dir = freshOutputDir("export");
    const std::string out = dir + "/new/deeper/" + std::string(300, 'n');
    auto r = runQantar("export --story " + kStory + " --size 320x240 --out " + out);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(lineCount(r.output), 1) << r.output;
    EXPECT_TRUE(filesIn(dir).empty()) << "an empty folder was left in " << dir;
}

TEST(ExportSequence, SigtermStopsAfterTheFrameBeingWrittenAndLeavesNoTemporary) {
    const std::string dir = freshOutputDir("export");
    const std::string seq = dir + "/seq";
    // 200 frames: far more than are written before the signal arrives.
    const std::string cmd = "env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(QANTAR_BINARY) +
                            " export --quiet --from 2022-01-01 --to 2022-01-09T07:00 --step 1h --size 640x360 --out " + seq +
                            " >" + dir + "/log.txt 2>&1 & pid=$!; i=0; "
                            "while [ ! -e " + seq + "/frame_0001.png ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done; "
                            "kill -TERM $pid; wait $pid; echo \"exit $?\"";
    auto r = qantar::test::runShell(cmd);
    const std::string log = readBytes(dir + "/log.txt");
    EXPECT_NE(r.output.find("exit 143"), std::string::npos) << "128 + SIGTERM, as if killed: " << r.output << log;
    EXPECT_NE(log.find("stopped (SIGTERM)"), std::string::npos) << log;
    EXPECT_EQ(lineCount(log), 1) << log;
    const auto names = filesIn(seq);
    ASSERT_FALSE(names.empty());
    EXPECT_LT(names.size(), 200u) << "the export should have stopped early";
    const auto all = numberedFrames(static_cast<int>(names.size()));
    EXPECT_EQ(names, all) << "only whole frames, numbered from 1, no temporary";
    for (const auto& n : names) {
        const Image img = load(seq + "/" + n);
        EXPECT_EQ(img.width, 640) << n;
    }
}

TEST(ExportOverlays, ALongTitleAndSubtitleStayInsideTheImage) {
    const std::string dir = freshOutputDir("export");
    std::string title, subtitle;
    for (int i = 0; i < 40; ++i) title += "Almaty ";
    for (int i = 0; i < 80; ++i) subtitle += "protests ";
    // 2 January: no sign over the map (curfew, airports, CSTO), which would move aside for the
    // title box and count as a difference of the overlays.
    const std::string common = "--time 2022-01-02T12:00 --size 640x360 ";
    exportOk(common + "--overlays title --title \"" + title + "\" --subtitle \"" + subtitle + "\" --out " + dir + "/long.png");
    exportOk(common + "--overlays none --out " + dir + "/none.png");
    const Image a = load(dir + "/long.png"), b = load(dir + "/none.png");
    ASSERT_EQ(a.width, 640);
    const Rect box = differenceBox(a, b);
    // The margin at 640x360 is 18 px x 0.75.
    EXPECT_LE(box.x1, 640 - 13) << "the title runs off the right edge; see " << dir;
    EXPECT_LT(box.y1, 360 / 2) << "two lines each of title and subtitle, then the time: no more; see " << dir;
}


TEST(ExportOverlays, AtTheMinimumSizeEveryPanelStaysInsideTheMarginsSoTheCreditIsWhole) {
    const std::string dir = freshOutputDir("export");
    // 2 January: no sign over the map, which would move aside for the panels.
    const std::string common = "--time 2022-01-02T12:00 --size 320x240 --title \"Kazakhstan, January 2022\" "
                               "--subtitle \"Protests and the internet blackout\" ";
    exportOk(common + "--overlays all --out " + dir + "/all.png");
    exportOk(common + "--overlays none --out " + dir + "/none.png");
    const Image a = load(dir + "/all.png"), b = load(dir + "/none.png");
    ASSERT_EQ(a.width, 320);
    const Rect box = differenceBox(a, b);
    // The margin at 320x240 is 18 px x 0.75: the credits used to start left of the image.
    EXPECT_GE(box.x0, 13) << "something is cut at the left edge; see " << dir;
    EXPECT_LE(box.x1, 320 - 13) << "something is cut at the right edge; see " << dir;
    EXPECT_GE(box.y0, 13) << "see " << dir;
    EXPECT_LE(box.y1, 240 - 13) << "see " << dir;
}

// --- Framing, layers, zone, print resolution, event moments, small multiples ---------------------

TEST(ExportFramingCli, HelpListsTheFramingOptions) {
    auto r = runQantar("export --help");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    for (const char* option : {"--view", "--bbox", "--layers", "--zone", "--at-events", "--dpi", "--grid", "--times"}) {
        EXPECT_NE(r.output.find(std::string(option) + " "), std::string::npos) << option << " is not in:\n" << r.output;
    }
    auto top = runQantar("--help");
    EXPECT_NE(top.output.find("--grid 3x2"), std::string::npos) << "an example of small multiples:\n" << top.output;
    EXPECT_NE(top.output.find("--bbox"), std::string::npos) << top.output;
}

TEST(ExportFramingCli, BadValuesAreRefusedInOneLineNamingTheOption) {
    struct Case {
        std::string args, option, says;
    };
    const std::string out = " --out /tmp/qantar-never.png";
    for (const Case& c : {
             Case{"--view 76.9,43.2" + out, "--view", "LON,LAT,SPAN_KM"},
             Case{"--view 76.9,43.2,1" + out, "--view", "5 to 20000"},
             Case{"--bbox 78,42,75,44" + out, "--bbox", "west edge"},
             Case{"--bbox -100,30,-90,40" + out, "--bbox", "outside the map"},
             Case{"--view 76.9,43.2,300 --bbox 75,42,78,44" + out, "--bbox", "not both"},
             Case{"--layers curfew,riots" + out, "--layers", "unknown layer 'riots'"},
             Case{"--zone moscow" + out, "--zone", "almaty"},
             Case{"--size 640x360 --dpi 300" + out, "--dpi", "print preset"},
             Case{"--preset 1080p --dpi 300" + out, "--dpi", "print presets"},
             Case{"--preset a4-portrait --dpi 2000" + out, "--dpi", "72 to 1200"},
             Case{"--grid 3by2 --times 2022-01-05" + out, "--grid", "COLSxROWS"},
             Case{"--grid 2x2 --times 2022-01-05,2022-01-06,2022-01-07" + out, "--times", "4 panels but 3 moments"},
             Case{"--grid 2x2 --times 2022-01-05,2022-01-06,soon,2022-01-07" + out, "--times", "soon"},
             Case{"--grid 2x2" + out, "--grid", "--times"},
             Case{"--grid 2x2 --from 2022-01-05 --to 2022-01-06 --step 1h" + out, "--step", "25 moments for 4 panels"},
             Case{"--times 2022-01-05,2022-01-06" + out, "--times", "--grid"},
             Case{"--from 2022-01-05 --to 2022-01-06 --step 1h --at-events --out /tmp/qantar-never", "--at-events", "--step"},
             Case{"--at-events --time 2022-01-05" + out, "--at-events", "--from"},
         }) {
        auto r = runQantar("export " + c.args);
        EXPECT_EQ(r.exitCode, 1) << c.args << "\n" << r.output;
        EXPECT_EQ(lineCount(r.output), 1) << c.args << "\n" << r.output;
        EXPECT_NE(r.output.find(c.option), std::string::npos) << c.args << "\n" << r.output;
        EXPECT_NE(r.output.find(c.says), std::string::npos) << c.args << "\n" << r.output;
    }
}

TEST(ExportFramingCli, DpiSetsAPrintPresetsPixels) {
    const std::string dir = freshOutputDir("export");
    exportOk("--preset a4-portrait --dpi 72 --out " + dir + "/a4.png");
    const Image img = load(dir + "/a4.png");
    EXPECT_EQ(img.width, 595);
    EXPECT_EQ(img.height, 842);
}

TEST(ExportFramingCli, AtEventsWritesOneFrameAtEachEventStartOrEnd) {
    const std::string dir = freshOutputDir("export") + "/frames";
    const std::string from = "2022-01-05T00:00", to = "2022-01-05T12:00";
    exportOk("--from " + from + " --to " + to + " --at-events --size 320x240 --overlays none --out " + dir);
    // Counted here from the event file: every distinct start and end of an event's span in range.
    const auto load = qantar::core::loadDataset(std::string(QANTAR_ASSET_DIR) + "/events/events.json");
    ASSERT_TRUE(load.dataset.has_value());
    const auto f = qantar::core::parseIsoTime(from)->instant, t = qantar::core::parseIsoTime(to)->instant;
    std::set<std::int64_t> moments;
    for (const auto& e : load.dataset->events) {
        const qantar::core::Interval iv = qantar::core::effectiveInterval(e);
        for (auto m : {iv.start, iv.end}) {
            if (f <= m && m <= t) moments.insert(m.unixSeconds);
        }
    }
    ASSERT_GE(moments.size(), 2u) << "the range must hold event boundaries";
    EXPECT_EQ(filesIn(dir).size(), moments.size());
}

TEST(ExportFramingCli, GridWritesOnePngOfTheSizeAsked) {
    const std::string dir = freshOutputDir("export");
    exportOk("--grid 2x2 --from 2022-01-04T12:00 --to 2022-01-07T12:00 --size 640x360 --theme light --layers -night "
             "--zone utc --out " + dir + "/grid.png");
    const Image img = load(dir + "/grid.png");
    EXPECT_EQ(img.width, 640);
    EXPECT_EQ(img.height, 360);
    EXPECT_EQ(filesIn(dir).size(), 1u);
}

// --- Timeline figure -----------------------------------------------------------------------

namespace {

// Pixels within `tol` (per channel) of `c`.
long pixelsNear(const Image& img, const qantar::core::Rgba& c, int tol) {
    const int want[3] = {static_cast<int>(std::lround(c.r * 255)), static_cast<int>(std::lround(c.g * 255)),
                         static_cast<int>(std::lround(c.b * 255))};
    long n = 0;
    for (int y = 0; y < img.height; ++y) {
        for (int x = 0; x < img.width; ++x) {
            const std::uint8_t* p = img.at(x, y);
            n += std::abs(p[0] - want[0]) <= tol && std::abs(p[1] - want[1]) <= tol && std::abs(p[2] - want[2]) <= tol;
        }
    }
    return n;
}

}  // namespace

TEST(ExportTimeline, ASmallFigureHasItsSizeAndTheLanesInTheMapsColours) {
    auto help = runQantar("export --help");
    EXPECT_NE(help.output.find("--timeline "), std::string::npos) << help.output;
    const std::string dir = freshOutputDir("export_timeline");
    const std::string out = dir + "/timeline.png";
    exportOk("--timeline --size 640x360 --theme light --title \"Kazakhstan, January 2022\" --out " + out);
    const Image img = load(out);
    ASSERT_EQ(img.width, 640);
    ASSERT_EQ(img.height, 360);
    using qantar::core::Category;
    const qantar::core::Theme& theme = qantar::core::theme(qantar::core::ThemeId::Light);
    for (Category c : {Category::Protest, Category::Clash, Category::LootingArson, Category::GovernmentAction,
                       Category::AirportClosure}) {
        EXPECT_GE(pixelsNear(img, qantar::core::categoryColor(c, theme), 24), 10)
            << qantar::core::categoryLabel(c) << "'s colour is missing; figure in " << out;
    }
    // The internet band's shutdown red, across most of a day at least.
    EXPECT_GE(pixelsNear(img, qantar::core::Rgba{0.78f, 0.24f, 0.24f, 1.0f}, 24), 100) << out;
}

TEST(ExportTimeline, OptionsForMapsAndGridsAreRefusedNamingThem) {
    const std::string dir = freshOutputDir("export_timeline");
    for (const char* option : {"--scene 2", "--fps 25", "--grid 2x2"}) {
        auto r = runQantar(std::string("export --timeline ") + option + " --out " + dir + "/t.png");
        EXPECT_NE(r.exitCode, 0) << option << ": " << r.output;
        EXPECT_EQ(lineCount(r.output), 1) << option << ": " << r.output;
        const std::string name = std::string(option).substr(0, std::string(option).find(' '));
        EXPECT_NE(r.output.find(name), std::string::npos) << option << ": " << r.output;
        EXPECT_TRUE(filesIn(dir).empty()) << option << ": nothing may be written";
    }
}
