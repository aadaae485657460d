#include "core/io/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>
#include <map>
#include <vector>

namespace qantar::core {

namespace {

constexpr const char* kMarker = ".qantar-tmp-";
constexpr const char* kLegacyMarker = ".tmp-";
constexpr int kMaxLinks = 40;  // as the kernel's MAXSYMLINKS
constexpr std::size_t kMaxExtension = 16;

Error unwritable(const std::string& path, const std::string& what) { return Error{ErrorKind::FileUnwritable, path + ": " + what}; }

std::string reason(int err) { return std::strerror(err); }

bool isAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool validExtension(std::string_view ext) {
    if (ext.empty()) return true;
    if (ext.size() < 2 || ext.size() > kMaxExtension + 1 || ext[0] != '.') return false;
    for (std::size_t i = 1; i < ext.size(); ++i) {
        if (!isAlnum(ext[i])) return false;
    }
    return true;
}

std::string cutBase(const std::string& base) { return base.substr(0, kTemporaryBasenameMax); }

enum class Kind { Missing, Regular, CharDevice, Fifo };

struct Target {
    std::string path;  // symlinks resolved
    Kind kind = Kind::Missing;
    mode_t mode = 0;
};

// A link in a sticky, world-writable directory is followed only if it belongs to us or to the
// directory's owner (the rule of fs.protected_symlinks, applied because we follow links ourselves).
bool protectedLink(const std::string& link, const struct stat& linkStat) {
    struct stat dir {};
    if (::stat(directoryOf(link).c_str(), &dir) != 0) return false;
    const bool shared = (dir.st_mode & S_ISVTX) && (dir.st_mode & S_IWOTH);
    return shared && linkStat.st_uid != ::geteuid() && linkStat.st_uid != dir.st_uid;
}

// What `path` is, following symlinks in its last component ourselves so that the file a link
// points to can be replaced while the link stays.
Expected<Target> resolveTarget(const std::string& path) {
    if (path.empty()) return Error{ErrorKind::FileUnwritable, "output path is empty"};
    if (path.back() == '/') {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return unwritable(path, "is a directory");
        return unwritable(path, "names a directory (it ends in '/'), not a file");
    }
    std::string p = path;
    for (int links = 0; links <= kMaxLinks; ++links) {
        if (p.back() == '/') return unwritable(path, "is a symlink to a directory (" + p + ")");
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0) {
            if (errno == ENOENT) return Target{p, Kind::Missing, 0};
            return unwritable(path, "cannot write (" + reason(errno) + ")");
        }
        if (S_ISLNK(st.st_mode)) {
            if (protectedLink(p, st)) {
                return unwritable(path, "is a symlink owned by someone else in a shared folder; not followed");
            }
            std::string to(static_cast<std::size_t>(PATH_MAX), '\0');
            const ssize_t n = ::readlink(p.c_str(), to.data(), to.size());
            if (n < 0) return unwritable(path, "cannot read the symlink (" + reason(errno) + ")");
            to.resize(static_cast<std::size_t>(n));
            if (to.empty()) return unwritable(path, "is an empty symlink");
            p = to[0] == '/' || p.find('/') == std::string::npos ? to : directoryOf(p) + "/" + to;
            continue;
        }
        if (S_ISREG(st.st_mode)) return Target{p, Kind::Regular, st.st_mode};
        if (S_ISCHR(st.st_mode)) return Target{p, Kind::CharDevice, st.st_mode};
        if (S_ISFIFO(st.st_mode)) return Target{p, Kind::Fifo, st.st_mode};
        if (S_ISDIR(st.st_mode)) return unwritable(path, "is a directory");
        if (S_ISBLK(st.st_mode)) return unwritable(path, "is a block device; qantar does not write to disks");
        if (S_ISSOCK(st.st_mode)) return unwritable(path, "is a socket, not a file");
        return unwritable(path, "is not a regular file");
    }
    return unwritable(path, "too many levels of symbolic links");
}

std::string randomSuffix() {
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char raw[6] = {};
    if (::getrandom(raw, sizeof raw, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof raw)) {
        std::random_device rd;
        for (unsigned char& b : raw) b = static_cast<unsigned char>(rd());
    }
    std::string s;
    for (unsigned char b : raw) s += kAlphabet[b % 62];
    return s;
}

// A new temporary in `dir`, named after `base`; never opens anything that already exists.
Expected<TemporaryBeside> createTemporary(const std::string& userPath, const std::string& dir, const std::string& base,
                                          std::string_view extension) {
    const std::string prefix = dir + "/." + cutBase(base) + kMarker + std::to_string(::getpid()) + "-";
    for (int attempt = 0; attempt < 100; ++attempt) {
        TemporaryBeside t;
        t.path = prefix + randomSuffix() + std::string(extension);
        t.fd = ::open(t.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (t.fd >= 0) return t;
        if (errno != EEXIST) return unwritable(userPath, "cannot write (" + reason(errno) + ")");
    }
    return unwritable(userPath, "cannot write (no free temporary name in " + dir + ")");
}

void syncDirectory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);  // some file systems refuse (EINVAL); the rename is done either way
    ::close(fd);
}

Status writeAll(int fd, const std::string& userPath, std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return unwritable(userPath, "write failed (" + reason(errno) + ")");
        }
        done += static_cast<std::size_t>(n);
    }
    return std::nullopt;
}

// A FIFO whose reader has gone raises SIGPIPE on write, which would end the program: it is held
// back while writing and, if raised by us, taken off again, so the write just fails with EPIPE.
class SigpipeGuard {
public:
    SigpipeGuard() {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        sigset_t pending;
        sigemptyset(&pending);
        m_wasPending = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~SigpipeGuard() {
        if (!m_wasPending) {
            const struct timespec zero {};
            while (sigtimedwait(&m_pipe, nullptr, &zero) == SIGPIPE) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    SigpipeGuard(const SigpipeGuard&) = delete;
    SigpipeGuard& operator=(const SigpipeGuard&) = delete;

private:
    sigset_t m_pipe {};
    sigset_t m_old {};
    bool m_wasPending = false;
};

// Opens a device or FIFO target for writing straight into it (not atomic).
Expected<int> openThrough(const std::string& userPath, const Target& t) {
    int flags = O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC;
    if (t.kind == Kind::Fifo) flags |= O_NONBLOCK;  // no reader: ENXIO at once rather than waiting
    const int fd = ::open(t.path.c_str(), flags);
    if (fd < 0) {
        if (errno == ENXIO && t.kind == Kind::Fifo) return unwritable(userPath, "is a FIFO with no reader; nothing was written");
        return unwritable(userPath, "cannot write (" + reason(errno) + ")");
    }
    struct stat st {};
    const bool same = ::fstat(fd, &st) == 0 && (t.kind == Kind::Fifo ? S_ISFIFO(st.st_mode) : S_ISCHR(st.st_mode));
    if (!same) {
        ::close(fd);
        return unwritable(userPath, "changed while being opened; nothing was written");
    }
    if (t.kind == Kind::Fifo) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

Status writeThrough(const std::string& userPath, const Target& t, std::string_view bytes) {
    auto fd = openThrough(userPath, t);
    if (!fd) return fd.error();
    SigpipeGuard guard;
    Status st = writeAll(*fd, userPath, bytes);
    ::close(*fd);
    return st;
}

// Copies a finished temporary into a device or FIFO.
Status copyThrough(const std::string& userPath, const Target& t, int from) {
    auto fd = openThrough(userPath, t);
    if (!fd) return fd.error();
    SigpipeGuard guard;
    Status st;
    std::string buffer(1 << 16, '\0');
    for (;;) {
        const ssize_t n = ::read(from, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            st = unwritable(userPath, "write failed (reading the temporary: " + reason(errno) + ")");
            break;
        }
        if (n == 0) break;
        if ((st = writeAll(*fd, userPath, std::string_view(buffer.data(), static_cast<std::size_t>(n))))) break;
    }
    ::close(*fd);
    return st;
}

// Puts a flushed temporary in place of a missing or regular target.
Status renameInPlace(const std::string& userPath, const std::string& tmp, const Target& t) {
    // The target may have changed since it was looked at: never rename over anything but a file.
    struct stat st {};
    if (::lstat(t.path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        return unwritable(userPath, "changed into something other than a file while being written; left as it is");
    }
    if (std::rename(tmp.c_str(), t.path.c_str()) != 0) return unwritable(userPath, "cannot replace (" + reason(errno) + ")");
    syncDirectory(directoryOf(t.path));
    return std::nullopt;
}

bool parsePid(std::string_view digits, pid_t* pid) {
    if (digits.empty() || digits.size() > 10) return false;
    long long v = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v <= 0 || v > INT_MAX) return false;
    *pid = static_cast<pid_t>(v);
    return true;
}

// If `name` is a temporary in either convention: the target basename it belongs to (cut as the
// new convention cuts it) and the pid that made it.
struct ParsedTemporary {
    std::string base;
    bool legacy = false;
    pid_t pid = 0;
};

bool parseTemporaryName(const std::string& name, ParsedTemporary* out) {
    // .<base>.qantar-tmp-<pid>-<6 alnum>[.<1-16 alnum>]
    if (name.size() > 1 && name[0] == '.') {
        const auto at = name.rfind(kMarker);
        if (at != std::string::npos && at >= 2) {
            const std::size_t pidStart = at + std::strlen(kMarker);
            const auto dash = name.find('-', pidStart);
            if (dash != std::string::npos && parsePid(std::string_view(name).substr(pidStart, dash - pidStart), &out->pid)) {
                const std::string_view rest = std::string_view(name).substr(dash + 1);
                bool ok = rest.size() >= 6;
                for (std::size_t i = 0; ok && i < 6; ++i) ok = isAlnum(rest[i]);
                if (ok && validExtension(rest.substr(6))) {
                    out->base = name.substr(1, at - 1);
                    out->legacy = false;
                    return true;
                }
            }
        }
    }
    // <base>.tmp-<pid>
    const auto at = name.rfind(kLegacyMarker);
    if (at != std::string::npos && at >= 1 &&
        parsePid(std::string_view(name).substr(at + std::strlen(kLegacyMarker)), &out->pid)) {
        out->base = name.substr(0, at);
        out->legacy = true;
        return true;
    }
    return false;
}

bool processGone(pid_t pid) { return pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH; }

// Removes `name` in the folder `dfd` if its process is gone and it is a regular file.
bool removeIfStale(int dfd, const std::string& name, const ParsedTemporary& t) {
    if (!processGone(t.pid)) return false;
    struct stat st {};
    if (::fstatat(dfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) return false;
    return ::unlinkat(dfd, name.c_str(), 0) == 0;
}

// Calls `f(name, parsed)` for each temporary in `dir` (either convention) whose process is gone;
template <typename F>
void forEachStale(const std::string& dir, F f) {
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return;
    DIR* d = ::fdopendir(dfd);
    if (!d) {
        ::close(dfd);
        return;
    }
    while (const struct dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        ParsedTemporary t;
        if (parseTemporaryName(name, &t) && processGone(t.pid)) f(name, t);
    }
    ::closedir(d);
}

// Removes stale temporaries in `dir`; of `base` only, or of any target when `base` is null.
int cleanIn(const std::string& dir, const std::string* base) {
    std::vector<std::pair<std::string, ParsedTemporary>> found;
    const std::string cut = base ? cutBase(*base) : std::string();
    forEachStale(dir, [&](const std::string& name, const ParsedTemporary& t) {
        if (!base || t.base == (t.legacy ? *base : cut)) found.emplace_back(name, t);
    });
    if (found.empty()) return 0;
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return 0;
    int removed = 0;
    for (const auto& [name, t] : found) removed += removeIfStale(dfd, name, t) ? 1 : 0;
    ::close(dfd);
    return removed;
}

// Removes the stale temporaries of `base` in `dir` before a write, scanning each folder only once
// per process: a sequence writes thousands of frames into one folder, and a scan before each
// would make the export quadratic. The first write in a folder notes every stale temporary there
// (by the target it belongs to); later writes remove their own target's from that note. Stale
// temporaries that appear later are left to the next process. A forked child starts afresh.
void cleanBeforeWrite(const std::string& dir, const std::string& base) {
    static std::mutex mutex;
    static pid_t owner = 0;
    static std::map<std::string, std::map<std::string, std::vector<std::string>>> noted;  // dir -> key -> names
    const std::lock_guard<std::mutex> lock(mutex);
    if (owner != ::getpid() || noted.size() > 4096) {
        noted.clear();
        owner = ::getpid();
    }
    auto it = noted.find(dir);
    if (it == noted.end()) {
        it = noted.emplace(dir, std::map<std::string, std::vector<std::string>>{}).first;
        forEachStale(dir, [&](const std::string& name, const ParsedTemporary& t) {
            it->second[(t.legacy ? "L/" : "N/") + t.base].push_back(name);
        });
    }
    int dfd = -1;
    for (const std::string& key : {"N/" + cutBase(base), "L/" + base}) {
        auto names = it->second.find(key);
        if (names == it->second.end()) continue;
        if (dfd < 0) dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        for (const std::string& name : names->second) {
            ParsedTemporary t;
            if (dfd >= 0 && parseTemporaryName(name, &t)) (void)removeIfStale(dfd, name, t);
        }
        it->second.erase(names);
    }
    if (dfd >= 0) ::close(dfd);
}

std::string systemTemporaryDir() {
    const char* t = std::getenv("TMPDIR");
    return t && *t == '/' ? std::string(t) : std::string("/tmp");
}

}  // namespace

Status writeFileAtomically(const std::string& path, std::string_view bytes) {
    auto target = resolveTarget(path);
    if (!target) return target.error();
    if (target->kind == Kind::CharDevice || target->kind == Kind::Fifo) return writeThrough(path, *target, bytes);
    const std::string dir = directoryOf(target->path);
    const std::string base = baseNameOf(target->path);
    cleanBeforeWrite(dir, base);
    auto tmp = createTemporary(path, dir, base, {});
    if (!tmp) return tmp.error();
    Status st;
    if (target->kind == Kind::Regular && ::fchmod(tmp->fd, target->mode & 07777) != 0) {
        st = unwritable(path, "cannot write (" + reason(errno) + ")");
    }
    if (!st) st = writeAll(tmp->fd, path, bytes);
    if (!st && ::fsync(tmp->fd) != 0) st = unwritable(path, "write failed (" + reason(errno) + ")");
    if (::close(tmp->fd) != 0 && !st) st = unwritable(path, "write failed (" + reason(errno) + ")");
    if (!st) st = renameInPlace(path, tmp->path, *target);
    if (st) ::unlink(tmp->path.c_str());
    return st;
}

Expected<TemporaryBeside> makeTemporaryBeside(const std::string& target, std::string_view extension) {
    if (!validExtension(extension)) {
        return Error{ErrorKind::BadArgument, target + ": temporary extension '" + std::string(extension) + "' is not valid"};
    }
    auto t = resolveTarget(target);
    if (!t) return t.error();
    const bool through = t->kind == Kind::CharDevice || t->kind == Kind::Fifo;
    const std::string dir = through ? systemTemporaryDir() : directoryOf(t->path);
    const std::string base = baseNameOf(t->path);
    cleanBeforeWrite(dir, base);
    auto tmp = createTemporary(target, dir, base, extension);
    if (!tmp) return tmp;
    tmp->target = t->path;
    tmp->writeThrough = through;
    return tmp;
}

Status commitTemporary(const std::string& temporaryPath, const std::string& target) {
    auto t = resolveTarget(target);
    if (!t) {
        discardTemporary(temporaryPath);
        return t.error();
    }
    const int fd = ::open(temporaryPath.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const std::string why = fd < 0 ? reason(errno) : "not a regular file";
        if (fd >= 0) ::close(fd);
        discardTemporary(temporaryPath);
        return unwritable(target, "write failed (the temporary " + temporaryPath + ": " + why + ")");
    }
    Status result;
    if (t->kind == Kind::CharDevice || t->kind == Kind::Fifo) {
        result = copyThrough(target, *t, fd);
        ::close(fd);
        discardTemporary(temporaryPath);
        return result;
    }
    // The existing file's permissions are given only now: a writer may reopen the temporary by
    // its path, which a read-only mode would refuse.
    if (t->kind == Kind::Regular && ::fchmod(fd, t->mode & 07777) != 0) {
        result = unwritable(target, "cannot write (" + reason(errno) + ")");
    }
    if (!result && ::fsync(fd) != 0) result = unwritable(target, "write failed (" + reason(errno) + ")");
    ::close(fd);
    if (!result) result = renameInPlace(target, temporaryPath, *t);
    if (result) discardTemporary(temporaryPath);
    return result;
}

void discardTemporary(const std::string& temporaryPath) {
    struct stat st {};
    if (::lstat(temporaryPath.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::unlink(temporaryPath.c_str());
}

int cleanStaleTemporaries(const std::string& target) {
    auto t = resolveTarget(target);
    const std::string resolved = t ? t->path : target;
    if (resolved.empty() || resolved.back() == '/') return 0;
    const std::string base = baseNameOf(resolved);
    return cleanIn(directoryOf(resolved), &base);
}

int cleanStaleTemporariesIn(const std::string& directory) { return cleanIn(directory.empty() ? "." : directory, nullptr); }

std::string directoryOf(const std::string& p) {
    const auto slash = p.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return p.substr(0, slash);
}

std::string baseNameOf(const std::string& p) {
    const auto slash = p.rfind('/');
    return slash == std::string::npos ? p : p.substr(slash + 1);
}

}  // namespace qantar::core
