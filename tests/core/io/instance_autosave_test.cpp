// Autosaves per window (core/io/instance_autosave.hpp): two windows never share a file, the work
// of a running window is never offered to another, and work left by an ended one is offered once.
#include "core/io/instance_autosave.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

using namespace qantar::core;
namespace fs = std::filesystem;

namespace {

fs::path freshConfig(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("qantar_instance_autosave_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

StoryAutosave work(const std::string& title) {
    Scene s;
    s.title = "One";
    s.start = Instant{1641380400};
    return {Story{title, {s}, {}}, "/stories/" + title + ".json"};
}

}  // namespace

TEST(InstanceAutosave, TwoWindowsHaveFilesOfTheirOwn) {
    const fs::path d = freshConfig("two");
    auto a = InstanceAutosave::claim(d.string());
    auto b = InstanceAutosave::claim(d.string());
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->path(), b->path());
    ASSERT_FALSE(writeStoryAutosave(work("a"), a->path()));
    ASSERT_FALSE(writeStoryAutosave(work("b"), b->path()));
    EXPECT_FALSE(claimOrphanedAutosave(d.string())) << "work of running windows is not offered";
    a->release();
    EXPECT_FALSE(fs::exists(a->path())) << "a clean exit leaves nothing to recover";
    EXPECT_TRUE(fs::exists(b->path()));
    fs::remove_all(d);
}

TEST(InstanceAutosave, WorkOfAnEndedWindowIsClaimedOnceNewestFirst) {
    const fs::path d = freshConfig("ended");
    {
        auto older = InstanceAutosave::claim(d.string());
        ASSERT_FALSE(writeStoryAutosave(work("older"), older->path()));
        fs::last_write_time(older->path(), fs::file_time_type::clock::now() - std::chrono::hours(1));
        auto newer = InstanceAutosave::claim(d.string());
        ASSERT_FALSE(writeStoryAutosave(work("newer"), newer->path()));
        // Both windows end abruptly: their locks go with them, their files stay.
    }
    auto first = claimOrphanedAutosave(d.string());
    ASSERT_TRUE(first);
    EXPECT_EQ(first->work.story.title, "newer");
    // While one window offers it, another start offers the other one, not the same.
    auto second = claimOrphanedAutosave(d.string());
    ASSERT_TRUE(second);
    EXPECT_EQ(second->work.story.title, "older");
    EXPECT_FALSE(claimOrphanedAutosave(d.string()));
    removeOrphanedAutosave(*first);
    removeOrphanedAutosave(*second);
    EXPECT_TRUE(fs::is_empty(d / "autosave")) << "restored or discarded work leaves nothing behind";
    fs::remove_all(d);
}

TEST(InstanceAutosave, TheSingleFileOfEarlierVersionsIsOfferedAndABrokenOneReported) {
    const fs::path d = freshConfig("legacy");
    ASSERT_FALSE(writeStoryAutosave(work("legacy"), (d / "autosave-story.json").string()));
    auto legacy = claimOrphanedAutosave(d.string());
    ASSERT_TRUE(legacy);
    EXPECT_EQ(legacy->work.story.title, "legacy");
    removeOrphanedAutosave(*legacy);
    EXPECT_FALSE(fs::exists(d / "autosave-story.json"));
    fs::create_directories(d / "autosave");
    { std::FILE* f = std::fopen((d / "autosave" / "story-1-broken.json").c_str(), "w"); std::fputs("{ not json", f); std::fclose(f); }
    std::string problem;
    EXPECT_FALSE(claimOrphanedAutosave(d.string(), &problem));
    EXPECT_NE(problem.find("story-1-broken.json"), std::string::npos) << problem;
    EXPECT_TRUE(fs::exists(d / "autosave" / "story-1-broken.json")) << "a broken autosave is left for the user";
    fs::remove_all(d);
}
