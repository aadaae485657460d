// Settings and autosaved work: round trips, broken files, and writes that are killed midway.
#include "core/io/text_file.hpp"
#include "core/io/user_files.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "core/io/atomic_file.hpp"
#include "core/geo/geojson.hpp"

using namespace qantar::core;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const char* name) {
    const fs::path d = fs::temp_directory_path() / (std::string("qantar_user_files_") + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

}  // namespace

TEST(Settings, RoundTripEveryField) {
    const fs::path d = freshDir("settings");
    Settings s;
    s.windowWidth = 1234;
    s.windowHeight = 777;
    s.theme = ThemeId::Contrast;
    s.displayZone = kWestTime;
    s.lastDataset = "/data/acled.json";
    s.showLayers = false;
    s.showEvents = false;
    s.trailHours = 30;
    s.cumulative = true;
    ASSERT_FALSE(saveSettings(s, (d / "settings.json").string()));
    auto [back, problem] = loadSettings((d / "settings.json").string());
    EXPECT_FALSE(problem);
    EXPECT_EQ(back.windowWidth, 1234);
    EXPECT_EQ(back.windowHeight, 777);
    EXPECT_EQ(back.theme, ThemeId::Contrast);
    EXPECT_EQ(back.displayZone, kWestTime);
    EXPECT_EQ(back.lastDataset, "/data/acled.json");
    EXPECT_FALSE(back.showLayers);
    EXPECT_FALSE(back.showEvents);
    EXPECT_EQ(back.trailHours, 30);
    EXPECT_TRUE(back.cumulative);
}

TEST(Settings, MissingFileGivesDefaultsQuietly) {
    auto [s, problem] = loadSettings("/nonexistent/qantar/settings.json");
    EXPECT_FALSE(problem);
    EXPECT_EQ(s.windowWidth, Settings{}.windowWidth);
}

TEST(Settings, BrokenOrHostileFilesGiveDefaultsAndAMessage) {
    const fs::path d = freshDir("settings_broken");
    const std::string bad[] = {"{", "[1,2,3]", "\x89PNG\r\n", "{\"window_width\": 1e999}",
                               "{\"window_width\": \"wide\", \"theme\": 7, \"last_dataset\": []}"};
    for (const auto& text : bad) {
        std::ofstream(d / "settings.json", std::ios::trunc) << text;
        auto [s, problem] = loadSettings((d / "settings.json").string());
        EXPECT_EQ(s.windowWidth, Settings{}.windowWidth) << text;
        EXPECT_EQ(s.theme, Settings{}.theme) << text;
        if (problem) {
            EXPECT_NE(problem->find("settings"), std::string::npos) << *problem;
        }
    }
    // Out-of-range values are ignored rather than trusted.
    std::ofstream(d / "settings.json", std::ios::trunc) << "{\"window_width\": 5, \"trail_hours\": 100000}";
    auto [s, problem] = loadSettings((d / "settings.json").string());
    EXPECT_EQ(s.windowWidth, Settings{}.windowWidth);
    EXPECT_EQ(s.trailHours, Settings{}.trailHours);
}

TEST(Settings, D18_ABrokenFileIsDescribedInWordsWithItsLineAndNotCut) {
    const fs::path d = freshDir("settings_words");
    for (const std::string text : {"{\n  \"theme\": \"dark\",\n  \"window_width\": 1200,\n", "{\"window_width\": 1e400}"}) {
        std::ofstream(d / "settings.json", std::ios::trunc) << text;
        auto [s, problem] = loadSettings((d / "settings.json").string());
        ASSERT_TRUE(problem) << text;
        EXPECT_EQ(problem->find("json.exception"), std::string::npos) << *problem;
        EXPECT_EQ(problem->rfind("the default settings are used"), problem->size() - 29) << *problem;
        EXPECT_NE(problem->find("settings.json"), std::string::npos) << *problem;
    }
    std::ofstream(d / "settings.json", std::ios::trunc) << "{\n  \"theme\": \"dark\",\n  \"window_width\": 1200,\n";
    EXPECT_NE(loadSettings((d / "settings.json").string()).second->find("settings.json:4:"), std::string::npos);
}

TEST(StoryAutosave, RoundTripAndDiscard) {
    const fs::path d = freshDir("autosave");
    StoryAutosave a;
    a.story.title = "Edited";
    Scene s;
    s.title = "One";
    s.start = Instant{1641380400};
    a.story.scenes.push_back(s);
    a.originalPath = "/stories/week.json";
    const std::string path = (d / "autosave.json").string();
    ASSERT_FALSE(writeStoryAutosave(a, path));
    auto back = readStoryAutosave(path);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->story.title, "Edited");
    ASSERT_EQ(back->story.scenes.size(), 1u);
    EXPECT_EQ(back->originalPath, "/stories/week.json");
    discardAutosave(path);
    EXPECT_FALSE(readStoryAutosave(path));
}

TEST(StoryAutosave, BrokenAutosaveIsReportedNotTrusted) {
    const fs::path d = freshDir("autosave_broken");
    const std::string path = (d / "autosave.json").string();
    std::ofstream(path) << "{\"qantar_autosave\": 1, \"story\": {\"format\": \"qantar-story\", \"version\": 9}}";
    std::string problem;
    EXPECT_FALSE(readStoryAutosave(path, &problem));
    EXPECT_NE(problem.find("version"), std::string::npos) << problem;
}

// A writer killed with SIGKILL at a random moment never leaves a half-written file: the target
// always holds one complete version, old or new, and nothing else is trusted.
TEST(AtomicWrite, KilledMidWriteLeavesTheOldOrTheNewFileWhole) {
    const fs::path d = freshDir("kill");
    const std::string path = (d / "story.json").string();
    const std::string a(4 << 20, 'a'), b(4 << 20, 'b');  // large enough to be caught mid-write
    ASSERT_FALSE(writeFileAtomically(path, a));
    std::mt19937 rng(7);
    int caughtWriting = 0;
    // At least 20 rounds, and more (up to 200) until a kill has landed mid-write: a slow start
    // (a sanitizer build forking) can make the first kills land before any write began.
    for (int round = 0; round < 200 && (round < 20 || caughtWriting == 0); ++round) {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            for (int i = 0;; ++i) (void)writeFileAtomically(path, i % 2 ? a : b);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5 + rng() % (round < 20 ? 40 : 200)));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        for (const auto& e : fs::directory_iterator(d)) caughtWriting += e.path().string().find(".qantar-tmp-") != std::string::npos;
        auto text = readTextFile(path);
        ASSERT_TRUE(text.ok()) << "round " << round;
        ASSERT_TRUE(*text == a || *text == b) << "round " << round << ": a torn file of " << text->size() << " bytes";
        for (const auto& e : fs::directory_iterator(d)) {
            if (e.path().string().find(".qantar-tmp-") != std::string::npos) fs::remove(e.path());
        }
    }
    // The kills did land during writes (a temporary file was left behind at least once), so the
    // test really exercised an interrupted save.
    EXPECT_GT(caughtWriting, 0);
}
