// Folder listings for the file chooser (core/io/directory_listing.hpp): the order people expect,
// extension filters, hidden files, symlinks (broken ones too), folders that cannot be read, and
// the path arithmetic behind the path field.
#include "core/io/directory_listing.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace qantar::core;
namespace fs = std::filesystem;

namespace {

// A fresh folder per test, removed afterwards (permissions restored first so removal succeeds).
class ListDirectory : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() /
                ("qantar_listing_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        std::error_code ec;
        for (const auto& sub : {"locked", "unsearchable"}) {
            fs::permissions(m_dir / sub, fs::perms::owner_all, fs::perm_options::add, ec);
        }
        fs::remove_all(m_dir, ec);
    }

    std::string dir() const { return m_dir.string(); }
    void file(const std::string& name, const std::string& bytes = "") const {
        std::ofstream(m_dir / name, std::ios::binary) << bytes;
    }
    void folder(const std::string& name) const { fs::create_directories(m_dir / name); }

    std::vector<std::string> names(const std::vector<std::string>& extensions = {}, bool hidden = false) const {
        auto listed = listDirectory(dir(), extensions, hidden);
        EXPECT_TRUE(listed.ok()) << (listed.ok() ? "" : listed.error().message);
        std::vector<std::string> out;
        if (listed.ok()) {
            for (const auto& e : *listed) out.push_back(e.directory ? e.name + "/" : e.name);
        }
        return out;
    }

    std::optional<DirEntry> entry(const std::string& name, bool hidden = false) const {
        auto listed = listDirectory(dir(), {}, hidden);
        if (!listed.ok()) return std::nullopt;
        for (const auto& e : *listed) {
            if (e.name == name) return e;
        }
        return std::nullopt;
    }

    fs::path m_dir;
};

using Names = std::vector<std::string>;

// Sets an environment variable for one scope and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old) ::setenv(m_name, m_old->c_str(), 1);
        else ::unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

}  // namespace

TEST_F(ListDirectory, FoldersFirstThenNamesInNaturalCaseInsensitiveOrder) {
    for (const char* f : {"frame_10.png", "frame_2.png", "Frame_1.png", "b.csv", "A.csv", "frame_02b.png", "_x"}) file(f);
    for (const char* d : {"beta", "Alpha", "dir10", "dir9", "dir09a"}) folder(d);
    EXPECT_EQ(names(), (Names{"Alpha/", "beta/", "dir9/", "dir09a/", "dir10/", "_x", "A.csv", "b.csv",
                              "Frame_1.png", "frame_2.png", "frame_02b.png", "frame_10.png"}));
}

TEST_F(ListDirectory, NamesDifferingOnlyInCaseOrLeadingZerosKeepAStableOrder) {
    for (const char* f : {"a", "A", "x1", "x01", "x001"}) file(f);
    EXPECT_EQ(names(), (Names{"A", "a", "x001", "x01", "x1"}));
}

TEST_F(ListDirectory, LongDigitRunsCompareAsNumbersWithoutOverflow) {
    for (const char* f : {"n123456789012345678901234567890", "n99999999999999999999999999999", "n7"}) file(f);
    EXPECT_EQ(names(), (Names{"n7", "n99999999999999999999999999999", "n123456789012345678901234567890"}));
}

TEST_F(ListDirectory, FiltersFilesByExtensionIgnoringCaseButNeverFolders) {
    for (const char* f : {"a.csv", "b.CSV", "c.json", "d.tar.gz", "e.gz", "f.tar.gz.bak", "csv", "g.xcsv"}) file(f);
    folder("data.d");
    EXPECT_EQ(names({".csv", ".tar.gz"}), (Names{"data.d/", "a.csv", "b.CSV", "d.tar.gz"}));
    EXPECT_EQ(names({".gz"}), (Names{"data.d/", "d.tar.gz", "e.gz"}));
}

TEST_F(ListDirectory, AnEmptyExtensionListKeepsEveryFile) {
    for (const char* f : {"a.csv", "b", "c.json"}) file(f);
    EXPECT_EQ(names({}), (Names{"a.csv", "b", "c.json"}));
}

TEST_F(ListDirectory, HiddenEntriesOnlyWhenAsked) {
    file(".hidden.csv");
    file(".csv");
    file("shown.csv");
    folder(".config");
    EXPECT_EQ(names({".csv"}), (Names{"shown.csv"}));
    // ".csv" is a hidden file without an extension, not a CSV file with an empty name.
    EXPECT_EQ(names({".csv"}, true), (Names{".config/", ".hidden.csv", "shown.csv"}));
    EXPECT_EQ(names({}, true), (Names{".config/", ".csv", ".hidden.csv", "shown.csv"}));
}

TEST_F(ListDirectory, SizesAndModificationTimesAreReported) {
    file("five.txt", "12345");
    folder("sub");
    const timespec times[2] = {{1641340800, 0}, {1641340800, 0}};  // 2022-01-05T00:00:00Z
    ASSERT_EQ(::utimensat(AT_FDCWD, (m_dir / "five.txt").c_str(), times, 0), 0);
    const auto five = entry("five.txt");
    ASSERT_TRUE(five);
    EXPECT_FALSE(five->directory);
    EXPECT_EQ(five->sizeBytes, 5u);
    EXPECT_EQ(five->modifiedUnix, 1641340800);
    const auto sub = entry("sub");
    ASSERT_TRUE(sub);
    EXPECT_TRUE(sub->directory);
    EXPECT_EQ(sub->sizeBytes, 0u);
}

TEST_F(ListDirectory, SymlinksCountAsTheirTargetAndBrokenOnesAsFiles) {
    folder("real_dir");
    file("real.csv", "abc");
    fs::create_directory_symlink(m_dir / "real_dir", m_dir / "link_dir");
    fs::create_symlink(m_dir / "real.csv", m_dir / "link.csv");
    fs::create_symlink(m_dir / "gone.csv", m_dir / "dangling.csv");
    fs::create_symlink(m_dir / "loop", m_dir / "loop");

    EXPECT_EQ(names(), (Names{"link_dir/", "real_dir/", "dangling.csv", "link.csv", "loop", "real.csv"}));
    const auto link = entry("link.csv");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->sizeBytes, 3u);
    const auto dangling = entry("dangling.csv");
    ASSERT_TRUE(dangling);
    EXPECT_FALSE(dangling->directory);
    EXPECT_EQ(dangling->sizeBytes, 0u);
    // A broken link is still a file for the filter, so the chooser can say what is wrong when opened.
    EXPECT_EQ(names({".csv"}), (Names{"link_dir/", "real_dir/", "dangling.csv", "link.csv", "real.csv"}));
}

TEST_F(ListDirectory, AMissingFolderIsFileNotFoundNamingIt) {
    const std::string missing = dir() + "/nowhere";
    auto listed = listDirectory(missing, {});
    ASSERT_FALSE(listed.ok());
    EXPECT_EQ(listed.error().kind, ErrorKind::FileNotFound);
    EXPECT_NE(listed.error().message.find(missing), std::string::npos) << listed.error().message;
    EXPECT_NE(listed.error().message.find("not found"), std::string::npos) << listed.error().message;
}

TEST_F(ListDirectory, AFileInsteadOfAFolderIsUnreadableSayingSo) {
    file("plain.csv");
    auto listed = listDirectory(dir() + "/plain.csv", {});
    ASSERT_FALSE(listed.ok());
    EXPECT_EQ(listed.error().kind, ErrorKind::FileUnreadable);
    EXPECT_NE(listed.error().message.find("plain.csv"), std::string::npos) << listed.error().message;
    EXPECT_NE(listed.error().message.find("not a folder"), std::string::npos) << listed.error().message;
}

TEST_F(ListDirectory, AnUnreadableFolderIsFileUnreadableNamingTheReason) {
    folder("locked");
    file("locked/inside.csv");
    ASSERT_EQ(::chmod((m_dir / "locked").c_str(), 0), 0);
    auto listed = listDirectory(dir() + "/locked", {});
    if (::geteuid() == 0) {
        // Root reads any folder whatever its permissions, so there is nothing to refuse.
        GTEST_SKIP() << "running as root: permissions do not stop root from reading a folder";
    }
    ASSERT_FALSE(listed.ok());
    EXPECT_EQ(listed.error().kind, ErrorKind::FileUnreadable);
    EXPECT_NE(listed.error().message.find(dir() + "/locked"), std::string::npos) << listed.error().message;
    EXPECT_NE(listed.error().message.find("Permission denied"), std::string::npos) << listed.error().message;
}

TEST_F(ListDirectory, EntriesThatCannotBeStatedAreSkippedNotFatal) {
    folder("unsearchable");
    file("unsearchable/a.csv");
    // Readable but not searchable: the names can be read, but nothing about them.
    ASSERT_EQ(::chmod((m_dir / "unsearchable").c_str(), S_IRUSR), 0);
    auto listed = listDirectory(dir() + "/unsearchable", {});
    ASSERT_TRUE(listed.ok()) << listed.error().message;
    if (::geteuid() == 0) {
        // Root can stat the entries whatever the folder's permissions, so none is skipped.
        GTEST_SKIP() << "running as root: permissions do not stop root from stat'ing entries";
    }
    EXPECT_TRUE(listed->empty());
}

TEST(PathInfo, FollowsSymlinksAndIsEmptyForMissingPaths) {
    const fs::path d = fs::temp_directory_path() / ("qantar_path_info_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d / "sub");
    std::ofstream(d / "f.txt") << "1234";
    fs::create_directory_symlink(d / "sub", d / "to_sub");
    fs::create_symlink(d / "none", d / "dangling");

    const auto f = pathInfo((d / "f.txt").string());
    ASSERT_TRUE(f);
    EXPECT_EQ(f->name, "f.txt");
    EXPECT_FALSE(f->directory);
    EXPECT_EQ(f->sizeBytes, 4u);
    const auto sub = pathInfo((d / "to_sub").string() + "/");
    ASSERT_TRUE(sub);
    EXPECT_EQ(sub->name, "to_sub");
    EXPECT_TRUE(sub->directory);
    EXPECT_FALSE(pathInfo((d / "dangling").string()));
    EXPECT_FALSE(pathInfo((d / "missing").string()));
    EXPECT_FALSE(pathInfo(""));
    fs::remove_all(d);
}

TEST(ParentDirectory, StepsUpOneFolderAndStopsAtTheRoot) {
    EXPECT_EQ(parentDirectory("/a/b"), "/a");
    EXPECT_EQ(parentDirectory("/a/b/"), "/a");
    EXPECT_EQ(parentDirectory("/a//b"), "/a");
    EXPECT_EQ(parentDirectory("/a"), "/");
    EXPECT_EQ(parentDirectory("/"), "/");
    EXPECT_EQ(parentDirectory("//"), "/");
    EXPECT_EQ(parentDirectory("a/b"), "a");
    EXPECT_EQ(parentDirectory("a"), ".");
}

TEST(HomeDirectory, HomeVariableFirstThenThePasswordDatabase) {
    {
        const ScopedEnv home("HOME", "/srv/analyst");
        EXPECT_EQ(homeDirectory(), "/srv/analyst");
    }
    const ScopedEnv home("HOME", "");
    const std::string fallback = homeDirectory();
    EXPECT_FALSE(fallback.empty());
    EXPECT_EQ(fallback.front(), '/');
}

TEST(AbsolutePath, ResolvesRelativeToTheBaseAndNormalisesLexically) {
    EXPECT_EQ(absolutePath("data/events.csv", "/home/a"), "/home/a/data/events.csv");
    EXPECT_EQ(absolutePath("../b/./c.csv", "/home/a"), "/home/b/c.csv");
    EXPECT_EQ(absolutePath("/x//y/../z/", "/home/a"), "/x/z");
    EXPECT_EQ(absolutePath("..", "/home"), "/");
    EXPECT_EQ(absolutePath("../../..", "/home"), "/");
    EXPECT_EQ(absolutePath("/", "/home"), "/");
    EXPECT_EQ(absolutePath("", "/home/a/"), "/home/a");
    EXPECT_EQ(absolutePath(".", "/home/a"), "/home/a");
    EXPECT_EQ(absolutePath("~user", "/home/a"), "/home/a/~user");
}

TEST(AbsolutePath, TildeIsTheHomeFolder) {
    const ScopedEnv home("HOME", "/srv/analyst/");
    EXPECT_EQ(absolutePath("~", "/tmp"), "/srv/analyst");
    EXPECT_EQ(absolutePath("~/", "/tmp"), "/srv/analyst");
    EXPECT_EQ(absolutePath("~/maps/../events.json", "/tmp"), "/srv/analyst/events.json");
}

TEST(AbsolutePath, ARelativeBaseIsTakenFromTheWorkingDirectory) {
    const std::string cwd = fs::current_path().string();
    EXPECT_EQ(absolutePath("f.csv", "sub"), absolutePath("sub/f.csv", cwd));
    EXPECT_EQ(absolutePath("f.csv", ""), absolutePath("f.csv", cwd));
}
