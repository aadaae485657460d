// Atomic writes and what they do to what is already at the target: files are replaced whole,
// symlinks are written through and stay links, devices and FIFOs are written into and never
// replaced, directories are refused, a planted file or link at a temporary's name is never
// followed, and temporaries left by dead processes are cleaned up without touching anything else.
#include "core/io/atomic_file.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <vector>

using namespace qantar::core;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const char* name) {
    const fs::path d = fs::temp_directory_path() / (std::string("qantar_atomic_") + name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void spit(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

std::vector<std::string> names(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

// A pid that is certainly not running: a child that has exited and been reaped.
pid_t deadPid() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return pid;
}

// Opens the read end of a FIFO first (so a writer finds a reader) and collects everything written
// to it until the writer closes. poll() waits for the first writer; a hang fails by timeout.
class FifoReader {
public:
    explicit FifoReader(const fs::path& fifo) {
        m_fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        m_done = std::async(std::launch::async, [this] {
            std::string got;
            char buf[4096];
            for (;;) {
                pollfd p{m_fd, POLLIN, 0};
                if (::poll(&p, 1, 20000) <= 0) return got + "<timeout>";
                const ssize_t n = ::read(m_fd, buf, sizeof buf);
                if (n == 0) return got;
                if (n > 0) got.append(buf, static_cast<std::size_t>(n));
            }
        });
    }
    ~FifoReader() { ::close(m_fd); }
    FifoReader(const FifoReader&) = delete;
    FifoReader& operator=(const FifoReader&) = delete;
    bool open() const { return m_fd >= 0; }
    std::string result() { return m_done.get(); }

private:
    int m_fd = -1;
    std::future<std::string> m_done;
};

}  // namespace

TEST(AtomicFile, ReplacesAFileWholeKeepingItsPermissionsAndLeavesNothingElse) {
    const fs::path d = freshDir("replace");
    const fs::path f = d / "settings.json";
    spit(f, "old");
    ::chmod(f.c_str(), 0600);
    ASSERT_FALSE(writeFileAtomically(f.string(), "new contents"));
    EXPECT_EQ(slurp(f), "new contents");
    struct stat st {};
    ASSERT_EQ(::stat(f.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0600u);
    EXPECT_EQ(names(d), std::vector<std::string>{"settings.json"});
}

TEST(AtomicFile, SymlinkIsWrittenThroughAndStaysALink) {
    const fs::path d = freshDir("symlink");
    fs::create_directories(d / "shared");
    spit(d / "shared" / "report.png", "old");
    fs::create_symlink("shared/report.png", d / "report.png");
    ASSERT_FALSE(writeFileAtomically((d / "report.png").string(), "new"));
    EXPECT_TRUE(fs::is_symlink(d / "report.png"));
    EXPECT_EQ(fs::read_symlink(d / "report.png"), "shared/report.png");
    EXPECT_EQ(slurp(d / "shared" / "report.png"), "new");
    EXPECT_EQ(names(d / "shared"), std::vector<std::string>{"report.png"});
    EXPECT_EQ(names(d), (std::vector<std::string>{"report.png", "shared"}));
}

TEST(AtomicFile, ChainOfSymlinksIsWrittenThroughToTheLastFile) {
    const fs::path d = freshDir("chain");
    spit(d / "real.json", "old");
    fs::create_symlink((d / "real.json").string(), d / "b");  // absolute
    fs::create_symlink("b", d / "a");                         // relative
    ASSERT_FALSE(writeFileAtomically((d / "a").string(), "new"));
    EXPECT_TRUE(fs::is_symlink(d / "a"));
    EXPECT_TRUE(fs::is_symlink(d / "b"));
    EXPECT_EQ(slurp(d / "real.json"), "new");
}

TEST(AtomicFile, DanglingSymlinkCreatesTheFileItPointsTo) {
    const fs::path d = freshDir("dangling");
    fs::create_symlink("made.json", d / "link.json");
    ASSERT_FALSE(writeFileAtomically((d / "link.json").string(), "made"));
    EXPECT_TRUE(fs::is_symlink(d / "link.json"));
    EXPECT_EQ(slurp(d / "made.json"), "made");
}

TEST(AtomicFile, SymlinkLoopSaysTooManyLevels) {
    const fs::path d = freshDir("loop");
    fs::create_symlink("b", d / "a");
    fs::create_symlink("a", d / "b");
    auto err = writeFileAtomically((d / "a").string(), "x");
    ASSERT_TRUE(err);
    EXPECT_NE(err->message.find("too many levels of symbolic links"), std::string::npos) << err->message;
    EXPECT_TRUE(fs::is_symlink(d / "a"));
    EXPECT_TRUE(fs::is_symlink(d / "b"));
}

TEST(AtomicFile, FifoIsWrittenIntoAndStaysAFifo) {
    const fs::path d = freshDir("fifo");
    const fs::path fifo = d / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    FifoReader reader(fifo);
    ASSERT_TRUE(reader.open());
    const std::string bytes(200000, 'q');  // more than a pipe holds: the writer waits for the reader
    ASSERT_FALSE(writeFileAtomically(fifo.string(), bytes));
    EXPECT_EQ(reader.result(), bytes);
    struct stat st {};
    ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
    EXPECT_EQ(names(d), std::vector<std::string>{"pipe"});
}

TEST(AtomicFile, FifoWithoutReaderIsRefusedAtOnce) {
    const fs::path d = freshDir("fifo_alone");
    const fs::path fifo = d / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto err = writeFileAtomically(fifo.string(), "nobody reads this");
    ASSERT_TRUE(err);
    EXPECT_EQ(err->message, fifo.string() + ": is a FIFO with no reader; nothing was written");
    struct stat st {};
    ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST(AtomicFile, SymlinkToAFifoWritesIntoTheFifo) {
    const fs::path d = freshDir("fifo_link");
    const fs::path fifo = d / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    fs::create_symlink("pipe", d / "out.png");
    FifoReader reader(fifo);
    ASSERT_FALSE(writeFileAtomically((d / "out.png").string(), "png bytes"));
    EXPECT_EQ(reader.result(), "png bytes");
    EXPECT_TRUE(fs::is_symlink(d / "out.png"));
    EXPECT_TRUE(fs::is_fifo(fifo));
}

// The real /dev/null is tried only after a symlink to it was written through and kept: without the
// fix that write replaces the link with a file and the test stops before reaching /dev/null.
TEST(AtomicFile, DevNullStaysACharacterDevice) {
    struct stat before {};
    ASSERT_EQ(::stat("/dev/null", &before), 0);
    ASSERT_TRUE(S_ISCHR(before.st_mode));
    // Through a symlink in a temporary folder first: if that were replaced, the link would become
    // a file and /dev/null would not be touched.
    const fs::path d = freshDir("devnull");
    fs::create_symlink("/dev/null", d / "null");
    ASSERT_FALSE(writeFileAtomically((d / "null").string(), "discarded"));
    ASSERT_TRUE(fs::is_symlink(d / "null")) << "the write replaced the link; /dev/null itself not tried";
    ASSERT_FALSE(writeFileAtomically("/dev/null", "discarded"));
    struct stat after {};
    ASSERT_EQ(::stat("/dev/null", &after), 0);
    EXPECT_TRUE(S_ISCHR(after.st_mode));
    EXPECT_EQ(after.st_rdev, before.st_rdev);
}

TEST(AtomicFile, FullDeviceReportsNoSpace) {
    if (::access("/dev/full", W_OK) != 0) GTEST_SKIP() << "no /dev/full";
    const fs::path d = freshDir("devfull");
    fs::create_symlink("/dev/full", d / "full");
    auto err = writeFileAtomically((d / "full").string(), "x");
    ASSERT_TRUE(err);
    EXPECT_NE(err->message.find("No space left on device"), std::string::npos) << err->message;
    EXPECT_TRUE(fs::is_symlink(d / "full"));
}

TEST(AtomicFile, DirectoryTargetSaysIsADirectory) {
    const fs::path d = freshDir("directory");
    fs::create_directories(d / "out");
    spit(d / "out" / "keep.txt", "kept");
    auto err = writeFileAtomically((d / "out").string(), "x");
    ASSERT_TRUE(err);
    EXPECT_EQ(err->message, (d / "out").string() + ": is a directory");
    auto slash = writeFileAtomically((d / "out").string() + "/", "x");
    ASSERT_TRUE(slash);
    EXPECT_EQ(slash->message, (d / "out").string() + "/: is a directory");
    auto missing = writeFileAtomically((d / "nothing").string() + "/", "x");
    ASSERT_TRUE(missing);
    EXPECT_NE(missing->message.find("ends in '/'"), std::string::npos) << missing->message;
    fs::create_symlink("out", d / "to_dir");
    auto viaLink = writeFileAtomically((d / "to_dir").string(), "x");
    ASSERT_TRUE(viaLink);
    EXPECT_EQ(viaLink->message, (d / "to_dir").string() + ": is a directory");
    fs::create_symlink("elsewhere/", d / "to_slash");
    auto slashLink = writeFileAtomically((d / "to_slash").string(), "x");
    ASSERT_TRUE(slashLink);
    EXPECT_NE(slashLink->message.find("is a symlink to a directory"), std::string::npos) << slashLink->message;
    EXPECT_TRUE(fs::is_symlink(d / "to_dir"));
    EXPECT_EQ(names(d), (std::vector<std::string>{"out", "to_dir", "to_slash"}));
    EXPECT_EQ(names(d / "out"), std::vector<std::string>{"keep.txt"});
}

TEST(AtomicFile, PlantedFilesAtPredictableTemporaryNamesAreNotFollowed) {
    const fs::path d = freshDir("planted");
    fs::create_directories(d / "victim");
    spit(d / "victim" / "secret", "untouched");
    const std::string pid = std::to_string(::getpid());
    // The old predictable name, and new-style names with this pid: a symlink and a file each.
    fs::create_symlink(d / "victim" / "secret", d / ("x.png.tmp-" + pid));
    fs::create_symlink(d / "victim" / "secret", d / (".x.png.qantar-tmp-" + pid + "-aaaaaa"));
    spit(d / (".x.png.qantar-tmp-" + pid + "-bbbbbb"), "planted");
    for (int i = 0; i < 20; ++i) ASSERT_FALSE(writeFileAtomically((d / "x.png").string(), "image " + std::to_string(i)));
    EXPECT_EQ(slurp(d / "x.png"), "image 19");
    EXPECT_EQ(slurp(d / "victim" / "secret"), "untouched");
    EXPECT_TRUE(fs::is_symlink(d / ("x.png.tmp-" + pid)));
    EXPECT_TRUE(fs::is_symlink(d / (".x.png.qantar-tmp-" + pid + "-aaaaaa")));
    EXPECT_EQ(slurp(d / (".x.png.qantar-tmp-" + pid + "-bbbbbb")), "planted");
    EXPECT_EQ(names(d).size(), 5u);
}

TEST(AtomicFile, TemporaryBesideFollowsTheNamingConventionAndCommits) {
    const fs::path d = freshDir("beside");
    spit(d / "week.mp4", "old video");
    ::chmod((d / "week.mp4").c_str(), 0440);  // read-only: the writer can still reopen its temporary
    auto t = makeTemporaryBeside((d / "week.mp4").string(), ".mp4");
    ASSERT_TRUE(t) << t.error().message;
    const std::string name = fs::path(t->path).filename().string();
    const std::string prefix = ".week.mp4.qantar-tmp-" + std::to_string(::getpid()) + "-";
    ASSERT_EQ(name.rfind(prefix, 0), 0u) << name;
    ASSERT_EQ(name.size(), prefix.size() + 6 + 4) << name;
    for (std::size_t i = prefix.size(); i < prefix.size() + 6; ++i) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(name[i]))) << name;
    EXPECT_EQ(name.substr(name.size() - 4), ".mp4");
    EXPECT_EQ(fs::path(t->path).parent_path(), d);
    EXPECT_FALSE(t->writeThrough);
    ASSERT_EQ(::write(t->fd, "new video", 9), 9);
    ::close(t->fd);
    EXPECT_EQ(slurp(d / "week.mp4"), "old video");  // untouched until the commit
    const int again = ::open(t->path.c_str(), O_WRONLY | O_APPEND);  // as ffmpeg opens its output
    ASSERT_GE(again, 0);
    ::close(again);
    ASSERT_FALSE(commitTemporary(t->path, (d / "week.mp4").string()));
    EXPECT_EQ(slurp(d / "week.mp4"), "new video");
    struct stat st {};
    ASSERT_EQ(::stat((d / "week.mp4").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0440u);
    EXPECT_EQ(names(d), std::vector<std::string>{"week.mp4"});

    auto u = makeTemporaryBeside((d / "week.mp4").string(), ".mp4");
    ASSERT_TRUE(u);
    ::close(u->fd);
    discardTemporary(u->path);
    EXPECT_EQ(names(d), std::vector<std::string>{"week.mp4"});
    EXPECT_EQ(slurp(d / "week.mp4"), "new video");

    EXPECT_FALSE(makeTemporaryBeside((d / "week.mp4").string(), "mp4; rm -rf"));
    fs::create_directories(d / "dir");
    auto dir = makeTemporaryBeside((d / "dir").string(), ".mp4");
    ASSERT_FALSE(dir);
    EXPECT_EQ(dir.error().message, (d / "dir").string() + ": is a directory");
}

TEST(AtomicFile, TemporaryForAFifoIsMadeElsewhereAndCopiedIn) {
    const fs::path d = freshDir("beside_fifo");
    const fs::path fifo = d / "video";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto t = makeTemporaryBeside(fifo.string(), ".mp4");
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_TRUE(t->writeThrough);
    EXPECT_NE(fs::path(t->path).parent_path(), d);
    ASSERT_EQ(::write(t->fd, "frames", 6), 6);
    ::close(t->fd);
    FifoReader reader(fifo);
    ASSERT_FALSE(commitTemporary(t->path, fifo.string()));
    EXPECT_EQ(reader.result(), "frames");
    EXPECT_FALSE(fs::exists(t->path));
    EXPECT_TRUE(fs::is_fifo(fifo));
    EXPECT_EQ(names(d), std::vector<std::string>{"video"});
}

TEST(AtomicFile, StaleTemporariesOfDeadProcessesAreRemovedAndNothingElse) {
    const fs::path d = freshDir("stale");
    const std::string dead = std::to_string(deadPid());
    const std::string self = std::to_string(::getpid());
    const std::string init = "1";  // always running
    spit(d / "story.json", "story");
    const std::vector<std::string> removed = {
        ".story.json.qantar-tmp-" + dead + "-Ab3dE9",
        ".story.json.qantar-tmp-" + dead + "-zzzzzz.mp4",
        "story.json.tmp-" + dead,
    };
    const std::vector<std::string> kept = {
        ".story.json.qantar-tmp-" + self + "-Ab3dE9",    // this process
        ".story.json.qantar-tmp-" + init + "-Ab3dE9",    // a running process
        "story.json.tmp-" + self,
        ".other.json.qantar-tmp-" + dead + "-Ab3dE9",    // another target
        "other.json.tmp-" + dead,
        ".story.json.qantar-tmp-" + dead + "-Ab3",       // not the convention
        "story.json.tmp-" + dead + "x",
        "story.json.tmp-",
        "story.json",
    };
    for (const auto& n : removed) spit(d / n, "stale");
    for (const auto& n : kept) {
        if (n != "story.json") spit(d / n, "keep");
    }
    // A symlink and a directory named like stale temporaries are not removed either.
    const std::string link = ".story.json.qantar-tmp-" + dead + "-LiNk00";
    const std::string dir = "story.json.tmp-" + std::to_string(INT_MAX);
    fs::create_symlink("story.json", d / link);
    fs::create_directories(d / dir);

    ASSERT_FALSE(writeFileAtomically((d / "story.json").string(), "saved"));
    EXPECT_EQ(slurp(d / "story.json"), "saved");
    for (const auto& n : removed) EXPECT_FALSE(fs::exists(d / n)) << n;
    for (const auto& n : kept) EXPECT_TRUE(fs::exists(d / n)) << n;
    EXPECT_TRUE(fs::is_symlink(d / link));
    EXPECT_TRUE(fs::is_directory(d / dir));
}

TEST(AtomicFile, StaleTemporariesInAFolderAreRemovedForEveryTarget) {
    const fs::path d = freshDir("stale_dir");
    const std::string dead = std::to_string(deadPid());
    const std::string self = std::to_string(::getpid());
    spit(d / ("frame_01185.png.tmp-" + dead), "x");
    spit(d / (".frame_00001.png.qantar-tmp-" + dead + "-q1w2e3"), "x");
    spit(d / (".autosave-story.json.qantar-tmp-" + dead + "-q1w2e3.json"), "x");
    spit(d / ("frame_00002.png.tmp-" + self), "live");
    spit(d / "frame_00001.png", "frame");
    spit(d / "notes.txt", "mine");
    fs::create_symlink("notes.txt", d / ("notes.txt.tmp-" + dead));
    EXPECT_EQ(cleanStaleTemporariesIn(d.string()), 3);
    EXPECT_EQ(names(d), (std::vector<std::string>{"frame_00001.png", "frame_00002.png.tmp-" + self, "notes.txt",
                                                  "notes.txt.tmp-" + dead}));
    EXPECT_EQ(cleanStaleTemporaries((d / "frame_00002.png").string()), 0);
}

TEST(AtomicFile, TemporaryOfALongNameStaysWithinTheNameLimit) {
    const fs::path d = freshDir("long");
    const std::string base(250, 'n');
    ASSERT_FALSE(writeFileAtomically((d / base).string(), "long"));
    EXPECT_EQ(slurp(d / base), "long");
    const std::string dead = std::to_string(deadPid());
    const std::string stale = "." + base.substr(0, kTemporaryBasenameMax) + ".qantar-tmp-" + dead + "-abcdef";
    spit(d / stale, "x");
    EXPECT_EQ(cleanStaleTemporaries((d / base).string()), 1);
}

// A folder is scanned once per process (a sequence writes thousands of frames into one): later
// writes still remove their own target's stale temporaries, and only theirs.
TEST(AtomicFile, EachWriteInAFolderRemovesOnlyItsOwnTargetsStaleTemporaries) {
    const fs::path d = freshDir("stale_each");
    const std::string dead = std::to_string(deadPid());
    for (const char* frame : {"frame_1.png", "frame_2.png", "frame_3.png"}) {
        spit(d / ("." + std::string(frame) + ".qantar-tmp-" + dead + "-abc123"), "x");
    }
    ASSERT_FALSE(writeFileAtomically((d / "frame_1.png").string(), "1"));
    EXPECT_EQ(names(d), (std::vector<std::string>{".frame_2.png.qantar-tmp-" + dead + "-abc123",
                                                  ".frame_3.png.qantar-tmp-" + dead + "-abc123", "frame_1.png"}));
    ASSERT_FALSE(writeFileAtomically((d / "frame_2.png").string(), "2"));
    EXPECT_EQ(names(d), (std::vector<std::string>{".frame_3.png.qantar-tmp-" + dead + "-abc123", "frame_1.png",
                                                  "frame_2.png"}));
}
