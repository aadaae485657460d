#include "core/io/instance_autosave.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <utility>
#include <vector>

namespace qantar::core {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFolder = "/autosave";
constexpr const char* kLegacyFile = "/autosave-story.json";

std::string lockPathFor(const std::string& workPath) {
    const std::string stem = workPath.size() > 5 && workPath.compare(workPath.size() - 5, 5, ".json") == 0
                                 ? workPath.substr(0, workPath.size() - 5)
                                 : workPath;
    return stem + ".lock";
}

std::string randomToken() {
    static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device rd;
    std::string token;
    for (int i = 0; i < 8; ++i) token += kAlphabet[rd() % (sizeof(kAlphabet) - 1)];
    return token;
}

bool isRegularFile(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::optional<FileLock> FileLock::tryLock(const std::string& path) {
    // Taking the lock on a file that another process has just removed would lock nothing: after
    // the lock is taken, the path must still name the file that was locked.
    for (int attempt = 0; attempt < 4; ++attempt) {
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) return std::nullopt;
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd);
            return std::nullopt;
        }
        struct stat held {}, named {};
        if (::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
            held.st_ino == named.st_ino) {
            FileLock lock;
            lock.m_fd = fd;
            lock.m_path = path;
            return lock;
        }
        ::close(fd);
    }
    return std::nullopt;
}

FileLock::~FileLock() {
    if (m_fd >= 0) ::close(m_fd);
}

FileLock::FileLock(FileLock&& o) noexcept : m_fd(std::exchange(o.m_fd, -1)), m_path(std::move(o.m_path)) {}

FileLock& FileLock::operator=(FileLock&& o) noexcept {
    if (this != &o) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = std::exchange(o.m_fd, -1);
        m_path = std::move(o.m_path);
    }
    return *this;
}

Expected<InstanceAutosave> InstanceAutosave::claim(const std::string& configDir) {
    const std::string dir = configDir + kFolder;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (!fs::is_directory(dir)) {
        return Error{ErrorKind::FileUnwritable,
                     dir + ": cannot keep unsaved work here (" + (ec ? ec.message() : std::string("not a folder")) + ")"};
    }
    for (int attempt = 0; attempt < 8; ++attempt) {
        const std::string stem = dir + "/story-" + std::to_string(::getpid()) + "-" + randomToken();
        if (fs::exists(stem + ".lock", ec) || fs::exists(stem + ".json", ec)) continue;
        if (auto lock = FileLock::tryLock(stem + ".lock")) {
            InstanceAutosave a;
            a.m_path = stem + ".json";
            a.m_lock = std::move(*lock);
            return a;
        }
    }
    return Error{ErrorKind::FileUnwritable, dir + ": cannot keep unsaved work here (no lock file can be made in it)"};
}

void InstanceAutosave::release() {
    if (!m_lock.held()) return;
    ::unlink(m_path.c_str());
    ::unlink(m_lock.path().c_str());
    m_lock = FileLock{};
}

std::optional<OrphanedAutosave> claimOrphanedAutosave(const std::string& configDir, std::string* problem) {
    const std::string dir = configDir + kFolder;
    struct Candidate {
        std::string path;
        fs::file_time_type when;
    };
    std::vector<Candidate> work;
    std::vector<std::string> locks;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("story-", 0) != 0) continue;
        const std::string path = it->path().string();
        if (!isRegularFile(path)) continue;
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) {
            work.push_back({path, fs::last_write_time(path, ec)});
        } else if (name.size() > 5 && name.compare(name.size() - 5, 5, ".lock") == 0) {
            locks.push_back(path);
        }
    }
    if (isRegularFile(configDir + kLegacyFile)) work.push_back({configDir + kLegacyFile, fs::last_write_time(configDir + kLegacyFile, ec)});
    // A lock with no work beside it whose window has ended is left over from a clean exit that
    // was cut short: removed, while held, so no starting window is using it.
    for (const std::string& lock : locks) {
        const std::string json = lock.substr(0, lock.size() - 5) + ".json";
        if (isRegularFile(json)) continue;
        if (auto held = FileLock::tryLock(lock)) ::unlink(lock.c_str());
    }
    std::sort(work.begin(), work.end(), [](const Candidate& a, const Candidate& b) { return a.when > b.when; });
    for (const Candidate& c : work) {
        auto lock = FileLock::tryLock(lockPathFor(c.path));
        if (!lock) continue;  // its window is still running
        std::string why;
        if (auto saved = readStoryAutosave(c.path, &why)) {
            return OrphanedAutosave{std::move(*saved), c.path, std::move(*lock)};
        }
        if (problem && !why.empty() && problem->empty()) *problem = why;
    }
    return std::nullopt;
}

void removeOrphanedAutosave(OrphanedAutosave& orphan) {
    if (orphan.path.empty()) return;
    ::unlink(orphan.path.c_str());
    if (orphan.lock.held()) ::unlink(orphan.lock.path().c_str());
    orphan.lock = FileLock{};
    orphan.path.clear();
}

}  // namespace qantar::core
