// The window under the hostile input and faults of ../shared/reviews/hostile-input-2026-12.md,
// driven in-process: long text (D2), the recovery dialog (D7), an imported source as the last
// dataset (D8), autosave failures (D21) and autosaves of windows that run side by side (D6).
// Test names carry the defect's number; docs/limits.md says what each limit is.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/io/atomic_file.hpp"
#include "core/io/instance_autosave.hpp"
#include "core/io/text_file.hpp"
#include "core/io/user_files.hpp"
#include "ui_driver.hpp"

using namespace qantar;
using qantar::test::DriverOptions;
using qantar::test::UiDriver;

namespace {

namespace fs = std::filesystem;

const std::string kData = QANTAR_IMPORT_DATA_DIR;

const std::string& home() { return qantar::test::useTemporaryHome(); }

// A settings and autosave folder of the test's own, kept between the windows it starts.
fs::path configFolder(const std::string& name) {
    const fs::path dir = fs::path(home()) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

DriverOptions keepingSettings(const fs::path& config) {
    DriverOptions o;
    o.firstStart = false;
    o.configDir = config.string();
    o.autosaveSeconds = 0.5;
    return o;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string repeat(const std::string& word, std::size_t bytes) {
    std::string s;
    while (s.size() < bytes) s += word;
    return s;
}

}  // namespace

TEST(HostileInput, D2_AnImportedTwentyThousandCharacterNoteOpensInTheDetails) {
    // An ACLED export whose notes cell is 20,000 characters: imported, selected, shown.
    const fs::path dir = configFolder("d2");
    const std::string header = slurp(kData + "/acled_kz_jan2022.csv").substr(0, slurp(kData + "/acled_kz_jan2022.csv").find('\n'));
    const std::string row =
        "KAZ9001,02 January 2022,2022,1,Demonstrations,Protests,Peaceful protest,Protesters (Kazakhstan),,Protesters,,,,"
        "Protesters only,,398,Caucasus and Central Asia,Kazakhstan,Mangystau,Zhanaozen,,Zhanaozen,43.3412,52.8619,1,"
        "Steppe Courier,National,\"" + repeat("Residents gathered on the square. ", 20000) + "\",0,,1642528800";
    const fs::path csv = dir / "long_notes.csv";
    std::ofstream(csv) << header << "\n" << row << "\n";
    DriverOptions o;
    o.imports = {csv.string()};
    UiDriver d(o);
    d.frame(3);
    ASSERT_NE(d.state().world, nullptr);
    const auto& events = d.state().world->data().events;
    std::size_t imported = events.size();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].description.size() > 10000 || events[i].description.find("Residents gathered") != std::string::npos) imported = i;
    }
    ASSERT_LT(imported, events.size()) << "the row was imported";
    d.state().actions.push(ui::action::SelectEvent{static_cast<std::uint32_t>(imported)});
    d.frame(3);  // an abort here is the defect
    EXPECT_TRUE(d.hasWindow("Event details"));
    d.wheel(static_cast<float>(d.width()) - 100.0f, static_cast<float>(d.height()) / 2.0f, -200.0f);
    d.frame(2);
}

TEST(HostileInput, D2_ALongCaptionIsPresentedWithoutAborting) {
    const fs::path dir = configFolder("d2-caption");
    core::Story story{"Long", {}, {}};
    core::Scene scene;
    scene.title = "A scene";
    scene.caption = repeat("The caption runs on and on. ", 20000);
    scene.start = core::parseIsoTime("2022-01-05T12:00:00+06:00")->instant;
    story.scenes.push_back(scene);
    // Written as a file would be, whatever the format's limit: what the window does with it is
    // what is tested (it refuses it with a message, or shows it; it never aborts).
    const fs::path path = dir / "long.json";
    ASSERT_FALSE(core::writeFileAtomically(path.string(), core::serializeStory(story)));
    DriverOptions o;
    o.story = path.string();
    o.present = true;
    UiDriver d(o);
    d.frame(5);
    d.key(GLFW_KEY_PAGE_DOWN);
    d.frame(5);
    SUCCEED();
}

TEST(HostileInput, D7_NoShortcutChangesTheStoryWhileRecoveryIsOffered) {
    const fs::path config = configFolder("d7");
    core::Story work{"Four scenes of unsaved work", {core::Scene{}, core::Scene{}, core::Scene{}, core::Scene{}}, {}};
    const fs::path autosave = config / "autosave-story.json";
    ASSERT_FALSE(core::writeStoryAutosave({work, "/somewhere/story.json"}, autosave.string()));
    const std::string before = slurp(autosave);
    UiDriver d(keepingSettings(config));
    ASSERT_TRUE(d.hasWindow("Recover unsaved work?"));
    const std::size_t scenes = d.state().story.story ? d.state().story.story->scenes.size() : 0;
    d.key(GLFW_KEY_N, GLFW_MOD_CONTROL);  // add a scene: must wait for the answer
    d.advance(2.0);                        // four autosave periods
    EXPECT_FALSE(d.state().story.edited) << "Ctrl+N behind the dialog changed the story";
    EXPECT_EQ(d.state().story.story ? d.state().story.story->scenes.size() : 0, scenes);
    EXPECT_EQ(slurp(autosave), before) << "the work offered back was overwritten";
    ASSERT_TRUE(d.clickItem("Restore", "Recover unsaved work?"));
    d.frame(2);
    ASSERT_TRUE(d.state().story.story);
    EXPECT_EQ(d.state().story.story->scenes.size(), 4u);
    EXPECT_FALSE(fs::exists(autosave)) << "restored work lives in this window's own autosave";
    EXPECT_TRUE(fs::exists(d.session().autosavePath()));
}

TEST(HostileInput, D6_AnIdleWindowNeverRemovesAnotherWindowsAutosave) {
    const fs::path config = configFolder("d6");
    // Another window, editing: its lock held and its work on disk, as a running qantar has them.
    auto other = core::InstanceAutosave::claim(config.string());
    ASSERT_TRUE(other);
    core::Story work{"Someone else's work", {core::Scene{}, core::Scene{}}, {}};
    ASSERT_FALSE(core::writeStoryAutosave({work, ""}, other->path()));
    {
        UiDriver idle(keepingSettings(config));
        EXPECT_FALSE(idle.state().recovery) << "a running window's work is not offered";
        idle.advance(3.0);  // six autosave periods of an idle window
        EXPECT_NE(idle.session().autosavePath(), other->path());
        EXPECT_TRUE(fs::exists(other->path())) << "the idle window removed the other window's autosave";
    }
    EXPECT_TRUE(fs::exists(other->path()));
    // The other window ends without saving (its lock goes with it, as at a crash): the next start
    // offers its work back.
    const std::string orphan = other->path();
    *other = core::InstanceAutosave{};
    UiDriver next(keepingSettings(config));
    ASSERT_TRUE(next.state().recovery);
    EXPECT_EQ(next.state().recovery->story.title, "Someone else's work");
    ASSERT_TRUE(next.clickItem("Discard", "Recover unsaved work?"));
    next.frame(2);
    EXPECT_FALSE(fs::exists(orphan)) << "discarded work is removed";
}

TEST(HostileInput, D6_AWindowKilledWhileAutosavingLeavesNoTemporaryForLong) {
    const fs::path config = configFolder("d6-killed");
    UiDriver running(keepingSettings(config));
    running.advance(1.0);
    // What a window killed in the middle of writing its autosave leaves behind, made after this
    // window's start-up clean: the temporary of a process that no longer runs, beside the
    // temporary of one that still does (which is not ours to touch).
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ASSERT_GT(dead, 0);
    ::waitpid(dead, nullptr, 0);
    const fs::path dir = config / "autosave";
    fs::create_directories(dir);
    const fs::path left = dir / (".story-" + std::to_string(dead) + "-abcdef.json.qantar-tmp-" + std::to_string(dead) + "-x1y2z3");
    const fs::path alive = dir / (".story-1-abcdef.json.qantar-tmp-1-a1b2c3");
    std::ofstream(left) << "{\"half\": ";
    std::ofstream(alive) << "{\"half\": ";
    running.advance(1.5);  // three autosave periods
    EXPECT_FALSE(fs::exists(left)) << "a running window removes a dead window's half-written autosave";
    EXPECT_TRUE(fs::exists(alive)) << "a live process's temporary is left alone";
    fs::remove(alive);
}

TEST(HostileInput, D8_AnImportedSourceIsNeverReopenedAsAnEventFile) {
    const fs::path config = configFolder("d8-import");
    {
        UiDriver d(keepingSettings(config));
        d.state().actions.push(ui::action::OpenEvents{{kData + "/acled_kz_jan2022.csv", "", "", ""}, false});
        d.advance(3.0);
        ASSERT_NE(d.state().world, nullptr);
    }
    const auto [settings, problem] = core::loadSettings((config / "settings.json").string());
    EXPECT_EQ(settings.lastDataset, "") << "a CSV would fail to load at every start";
    UiDriver again(keepingSettings(config));
    EXPECT_TRUE(again.state().loadProblem.empty()) << again.state().loadProblem;
}

TEST(HostileInput, D8_ALastDatasetThatNoLongerLoadsOpensTheBundledWeekOnce) {
    const fs::path config = configFolder("d8-last");
    core::Settings s;
    s.lastDataset = kData + "/acled_kz_jan2022.csv";  // as an earlier version saved it
    ASSERT_FALSE(core::saveSettings(s, (config / "settings.json").string()));
    {
        UiDriver d(keepingSettings(config));
        ASSERT_NE(d.state().world, nullptr) << "the bundled week opens instead";
        EXPECT_GT(d.state().world->data().events.size(), 10u);
        EXPECT_NE(d.state().loadProblem.find("acled_kz_jan2022.csv"), std::string::npos) << "and says why";
        d.advance(3.0);
    }
    UiDriver again(keepingSettings(config));
    EXPECT_TRUE(again.state().loadProblem.empty()) << "the next start does not fail the same way";
}

TEST(HostileInput, D21_AnAutosaveThatFailsIsShownInTheWindow) {
    const fs::path config = configFolder("d21");
    UiDriver d(keepingSettings(config));
    // Nothing can be written where the autosave goes (a folder sits at its name).
    const std::string own = d.session().autosavePath();
    ASSERT_FALSE(own.empty());
    fs::create_directories(own);
    d.key(GLFW_KEY_N, GLFW_MOD_CONTROL);
    d.advance(1.0);
    EXPECT_FALSE(d.state().autosaveProblem.empty());
    EXPECT_TRUE(d.item("Autosave failing").has_value()) << "the status line says so";
    bool toast = false;
    for (const auto& t : d.state().toasts) toast |= t.text.find("could not be autosaved") != std::string::npos;
    EXPECT_TRUE(toast);
    // A click on the warning opens the story editor, where the work can be saved for real.
    d.state().showStory = false;
    d.frame();
    ASSERT_TRUE(d.clickItem("Autosave failing"));
    d.frame(2);
    EXPECT_TRUE(d.state().showStory);
    EXPECT_TRUE(ui::ItemProbe::collisions().empty());
    // Once it can write again, the warning goes.
    fs::remove_all(own);
    d.advance(1.0);
    EXPECT_TRUE(d.state().autosaveProblem.empty());
    EXPECT_TRUE(fs::exists(own));
}
