// Reading text files: only regular files are read (FIFOs, devices and directories are refused at
// once), sizes are limited before and while reading, and NUL bytes, loops and missing files are
// named for what they are.
#include "core/io/text_file.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

#include "core/io/user_files.hpp"

using namespace qantar::core;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const char* name) {
    const fs::path d = fs::temp_directory_path() / (std::string("qantar_text_") + name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

void spit(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// Runs `read` in a thread; if it has not returned within 10 s (a reader blocked on a FIFO), opens
// and closes the FIFO's write end so that it returns, and reports the hang.
template <typename F>
auto guardedAgainstFifoHang(const fs::path& fifo, F read, bool* hung) {
    auto job = std::async(std::launch::async, read);
    *hung = job.wait_for(std::chrono::seconds(10)) != std::future_status::ready;
    if (*hung) {
        const int w = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (w >= 0) ::close(w);
    }
    return job.get();
}

// Runs `f` in a forked child and gives back what it returned, or "<child died: STATUS>". The child
// is stopped by an alarm after `seconds` and, outside sanitizer builds, kept under 2 GiB of
// address space: a read that never ends (/dev/zero before the fix) fails the test, not the machine.
template <typename F>
std::string inChild(F f, unsigned seconds, bool becomeNobody = false) {
    int out[2];
    if (::pipe(out) != 0) return "<no pipe>";
    const pid_t pid = ::fork();
    if (pid < 0) return "<no fork>";
    if (pid == 0) {
        ::close(out[0]);
        ::alarm(seconds);
#if !defined(__SANITIZE_ADDRESS__)
        const rlimit cap{rlim_t{2} << 30, rlim_t{2} << 30};
        ::setrlimit(RLIMIT_AS, &cap);
#endif
        if (becomeNobody && ::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(2);
        const std::string message = f();
        ::_exit(::write(out[1], message.data(), message.size()) == static_cast<ssize_t>(message.size()) ? 0 : 3);
    }
    ::close(out[1]);
    std::string message;
    char buf[512];
    for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;) message.append(buf, static_cast<std::size_t>(n));
    ::close(out[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "<child died: " + std::to_string(status) + ">";
    return message;
}

std::string messageOf(const Expected<std::string>& r) { return r ? "read " + std::to_string(r->size()) + " bytes" : r.error().message; }

}  // namespace

TEST(TextFile, ReadsARegularFileWhole) {
    const fs::path d = freshDir("plain");
    spit(d / "a.json", "{\"a\": 1}\n");
    auto text = readTextFile((d / "a.json").string(), kEventFileLimit);
    ASSERT_TRUE(text) << text.error().message;
    EXPECT_EQ(*text, "{\"a\": 1}\n");
    auto empty = (spit(d / "empty.json", ""), readTextFile((d / "empty.json").string(), kStoryFileLimit));
    ASSERT_TRUE(empty);
    EXPECT_EQ(*empty, "");
}

TEST(TextFile, FifoIsRefusedAtOnceAsNotARegularFile) {
    const fs::path d = freshDir("fifo");
    const fs::path fifo = d / "events.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    bool hung = false;
    auto r = guardedAgainstFifoHang(fifo, [&] { return readTextFile(fifo.string(), kEventFileLimit); }, &hung);
    EXPECT_FALSE(hung) << "reading a FIFO waited for a writer";
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, fifo.string() + ": is a FIFO (named pipe), not a regular file");
    auto check = checkReadableFile(fifo.string());
    ASSERT_TRUE(check);
    EXPECT_EQ(check->message, r.error().message);
}

TEST(TextFile, SettingsThatAreAFifoGiveDefaultsAndAMessage) {
    const fs::path d = freshDir("settings_fifo");
    const fs::path fifo = d / "settings.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    bool hung = false;
    auto [settings, problem] = guardedAgainstFifoHang(fifo, [&] { return loadSettings(fifo.string()); }, &hung);
    EXPECT_FALSE(hung);
    ASSERT_TRUE(problem);
    EXPECT_NE(problem->find("not a regular file"), std::string::npos) << *problem;
    EXPECT_EQ(settings.windowWidth, Settings{}.windowWidth);
}

TEST(TextFile, DevZeroIsRefusedAsADevice) {
    EXPECT_EQ(inChild([] { return messageOf(readTextFile("/dev/zero", kSettingsFileLimit)); }, 5),
              "/dev/zero: is a device, not a regular file");
    const fs::path d = freshDir("zero_link");
    fs::create_symlink("/dev/zero", d / "story.json");
    EXPECT_EQ(inChild([&] { return messageOf(readTextFile((d / "story.json").string(), kStoryFileLimit)); }, 5),
              (d / "story.json").string() + ": is a device, not a regular file");
}

TEST(TextFile, DirectoryIsRefused) {
    const fs::path d = freshDir("dir");
    auto r = readTextFile(d.string(), kEventFileLimit);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, d.string() + ": is a directory, not a regular file");
}

TEST(TextFile, FileOverTheLimitIsRefusedBeforeReading) {
    const fs::path d = freshDir("huge");
    const fs::path f = d / "events.json";
    {
        const int fd = ::open(f.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ASSERT_GE(fd, 0);
        ASSERT_EQ(::ftruncate(fd, off_t{2} << 30), 0);  // sparse: 2 GiB of nothing on disk
        ::close(fd);
    }
    const auto start = std::chrono::steady_clock::now();
    auto r = readTextFile(f.string(), kEventFileLimit);
    const auto took = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, f.string() + ": is 2 GiB (2147483648 bytes), more than the 1 GiB limit for event files");
    EXPECT_LT(took, std::chrono::milliseconds(200));  // nothing was read
    auto check = checkReadableFile(f.string(), kEventFileLimit);
    ASSERT_TRUE(check);
    EXPECT_EQ(check->message, r.error().message);
    EXPECT_FALSE(checkReadableFile(f.string()));
}

TEST(TextFile, ReadingStopsAtTheLimitWhenTheFileIsLargerThanItSaid) {
    // /proc files say they are empty and then give text: the read itself must stop at the limit.
    auto r = readTextFile("/proc/self/maps", TextLimit{64, "test files"});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, "/proc/self/maps: grew past the 64 bytes limit for test files while being read");
    auto whole = readTextFile("/proc/self/maps", kTextFileLimit);
    ASSERT_TRUE(whole) << whole.error().message;
    EXPECT_GT(whole->size(), 64u);
}

TEST(TextFile, SymlinkLoopSaysTooManyLevels) {
    const fs::path d = freshDir("loop");
    fs::create_symlink("b.json", d / "a.json");
    fs::create_symlink("a.json", d / "b.json");
    auto r = readTextFile((d / "a.json").string(), kEventFileLimit);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::FileUnreadable);
    EXPECT_EQ(r.error().message, (d / "a.json").string() + ": cannot be read (too many levels of symbolic links)");
}

TEST(TextFile, MissingFileIsNotFound) {
    auto r = readTextFile("/nonexistent-qantar/events.json", kEventFileLimit);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::FileNotFound);
    EXPECT_EQ(r.error().message, "/nonexistent-qantar/events.json: file not found");
}

TEST(TextFile, PermissionDeniedSaysSo) {
    const fs::path d = freshDir("denied");
    spit(d / "s.json", "{}");
    ::chmod((d / "s.json").c_str(), 0);
    // Root reads every file: the read is made by a child that has become nobody.
    EXPECT_EQ(inChild([&] { return messageOf(readTextFile((d / "s.json").string(), kStoryFileLimit)); }, 10, true),
              (d / "s.json").string() + ": cannot be read (permission denied)");
}

TEST(TextFile, NulBytesAreReportedWithTheirOffset) {
    const fs::path d = freshDir("nul");
    spit(d / "zeros.json", std::string(4096, '\0'));
    auto zeros = readTextFile((d / "zeros.json").string(), kEventFileLimit);
    ASSERT_FALSE(zeros);
    EXPECT_EQ(zeros.error().message, (d / "zeros.json").string() + ": contains a NUL byte at offset 0; not a text file");
    spit(d / "late.json", std::string("{\"a\": 1}\n") + '\0');
    auto late = readTextFile((d / "late.json").string(), kEventFileLimit);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().message, (d / "late.json").string() + ": contains a NUL byte at offset 9; not a text file");
    auto allowed = readTextFile((d / "late.json").string(), kEventFileLimit, NulBytes::Allow);
    ASSERT_TRUE(allowed);
    EXPECT_EQ(allowed->size(), 10u);
    spit(d / "utf16.json", std::string("\xFF\xFE{\0}\0", 6));
    auto utf16 = readTextFile((d / "utf16.json").string(), kEventFileLimit);
    ASSERT_FALSE(utf16);
    EXPECT_EQ(utf16.error().message, (d / "utf16.json").string() + ": is UTF-16 text; save it as UTF-8");
}

TEST(TextFile, CheckReadableFileDoesNotRead) {
    const fs::path d = freshDir("check");
    spit(d / "ok.json", "{}");
    EXPECT_FALSE(checkReadableFile((d / "ok.json").string()));
    auto missing = checkReadableFile((d / "missing.json").string());
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->kind, ErrorKind::FileNotFound);
    auto zero = checkReadableFile("/dev/zero");
    ASSERT_TRUE(zero);
    EXPECT_EQ(zero->message, "/dev/zero: is a device, not a regular file");
}

TEST(TextFile, SizesAreDescribedForPeople) {
    EXPECT_EQ(describeSize(17), "17 bytes");
    EXPECT_EQ(describeSize(1), "1 byte");
    EXPECT_EQ(describeSize(std::uint64_t{1} << 30), "1 GiB");
    EXPECT_EQ(describeSize(std::uint64_t{64} << 20), "64 MiB");
    EXPECT_EQ(describeSize((std::uint64_t{3} << 30) / 2), "1.5 GiB");
}
