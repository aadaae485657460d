#include "core/io/directory_listing.hpp"

#include <dirent.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string_view>

namespace qantar::core {

namespace {

// ASCII only: the C library's tolower depends on the locale, and the order must not.
unsigned char lowerAscii(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c; }

bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// <0, 0, >0. Runs of digits compare by value (leading zeros ignored), everything else by lowercase
// byte. Digits never map onto letters under lowerAscii, so this is a consistent total preorder.
int compareNatural(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const auto ca = static_cast<unsigned char>(a[i]);
        const auto cb = static_cast<unsigned char>(b[j]);
        if (isDigit(ca) && isDigit(cb)) {
            std::size_t si = i, sj = j;
            while (si < a.size() && a[si] == '0') ++si;
            while (sj < b.size() && b[sj] == '0') ++sj;
            std::size_t ei = si, ej = sj;
            while (ei < a.size() && isDigit(static_cast<unsigned char>(a[ei]))) ++ei;
            while (ej < b.size() && isDigit(static_cast<unsigned char>(b[ej]))) ++ej;
            // Without leading zeros, a longer run is a larger number; equal lengths compare digit by digit.
            if (ei - si != ej - sj) return ei - si < ej - sj ? -1 : 1;
            if (const int c = a.substr(si, ei - si).compare(b.substr(sj, ej - sj)); c != 0) return c;
            i = ei;
            j = ej;
            continue;
        }
        const unsigned char la = lowerAscii(ca), lb = lowerAscii(cb);
        if (la != lb) return la < lb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}

bool naturalLess(const std::string& a, const std::string& b) {
    const int c = compareNatural(a, b);
    // Names equal but for case or leading zeros still need an order, or the listing would shuffle.
    return c != 0 ? c < 0 : a < b;
}

bool endsWithIgnoringCase(const std::string& name, const std::string& suffix) {
    if (name.size() < suffix.size()) return false;
    const std::size_t off = name.size() - suffix.size();
    for (std::size_t k = 0; k < suffix.size(); ++k) {
        if (lowerAscii(static_cast<unsigned char>(name[off + k])) != lowerAscii(static_cast<unsigned char>(suffix[k]))) {
            return false;
        }
    }
    return true;
}

bool matchesExtensions(const std::string& name, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    // The name must be longer than the extension: ".csv" alone is a hidden file with no extension.
    return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& ext) {
        return !ext.empty() && name.size() > ext.size() && endsWithIgnoringCase(name, ext);
    });
}

std::string joinPath(const std::string& dir, const std::string& name) {
    if (!dir.empty() && dir.back() == '/') return dir + name;
    return dir + "/" + name;
}

DirEntry entryFromStat(std::string name, const struct stat& st) {
    DirEntry e;
    e.name = std::move(name);
    e.directory = S_ISDIR(st.st_mode);
    e.sizeBytes = e.directory ? 0 : static_cast<std::uintmax_t>(st.st_size);
    e.modifiedUnix = static_cast<std::int64_t>(st.st_mtime);
    return e;
}

std::string stripTrailingSlashes(std::string p) {
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p;
}

std::string currentDirectory() {
    std::error_code ec;
    const auto cwd = std::filesystem::current_path(ec);
    return ec ? std::string("/") : cwd.string();
}

// Resolves ".", ".." and repeated slashes without touching the disk; `p` is absolute.
std::string normaliseAbsolute(const std::string& p) {
    std::vector<std::string_view> parts;
    const std::string_view view(p);
    std::size_t pos = 0;
    while (pos <= view.size()) {
        std::size_t next = view.find('/', pos);
        if (next == std::string_view::npos) next = view.size();
        const std::string_view part = view.substr(pos, next - pos);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        pos = next + 1;
    }
    if (parts.empty()) return "/";
    std::string out;
    for (const auto& part : parts) {
        out += '/';
        out += part;
    }
    return out;
}

}  // namespace

Expected<std::vector<DirEntry>> listDirectory(const std::string& dir, const std::vector<std::string>& extensions,
                                              bool showHidden) {
    struct stat dirStat {};
    if (::stat(dir.c_str(), &dirStat) != 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR) return Error{ErrorKind::FileNotFound, dir + ": folder not found"};
        return Error{ErrorKind::FileUnreadable, dir + ": folder cannot be read (" + std::strerror(err) + ")"};
    }
    if (!S_ISDIR(dirStat.st_mode)) return Error{ErrorKind::FileUnreadable, dir + ": is a file, not a folder"};

    std::unique_ptr<DIR, int (*)(DIR*)> handle(::opendir(dir.c_str()), &::closedir);
    if (!handle) {
        const int err = errno;
        return Error{ErrorKind::FileUnreadable, dir + ": folder cannot be read (" + std::strerror(err) + ")"};
    }

    std::vector<DirEntry> entries;
    for (;;) {
        errno = 0;
        const dirent* d = ::readdir(handle.get());
        if (!d) {
            if (errno != 0) {
                const int err = errno;
                return Error{ErrorKind::FileUnreadable, dir + ": folder cannot be read (" + std::strerror(err) + ")"};
            }
            break;
        }
        std::string name = d->d_name;
        if (name == "." || name == "..") continue;
        if (!showHidden && name.front() == '.') continue;

        const std::string full = joinPath(dir, name);
        struct stat st {};
        if (::lstat(full.c_str(), &st) != 0) continue;
        if (S_ISLNK(st.st_mode)) {
            struct stat target {};
            if (::stat(full.c_str(), &target) == 0) {
                st = target;
            } else {
                // A broken link: offered as a file (opening it will say what is wrong), of no size.
                st.st_mode = S_IFREG;
                st.st_size = 0;
            }
        }
        DirEntry entry = entryFromStat(std::move(name), st);
        if (!entry.directory && !matchesExtensions(entry.name, extensions)) continue;
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), [](const DirEntry& a, const DirEntry& b) {
        if (a.directory != b.directory) return a.directory;
        return naturalLess(a.name, b.name);
    });
    return entries;
}

std::optional<DirEntry> pathInfo(const std::string& path) {
    struct stat st {};
    if (path.empty() || ::stat(path.c_str(), &st) != 0) return std::nullopt;
    const std::string trimmed = stripTrailingSlashes(path);
    const std::size_t slash = trimmed.rfind('/');
    std::string name = slash == std::string::npos || trimmed == "/" ? trimmed : trimmed.substr(slash + 1);
    return entryFromStat(std::move(name), st);
}

std::string parentDirectory(const std::string& dir) {
    const std::string trimmed = stripTrailingSlashes(dir);
    if (trimmed == "/") return "/";
    const std::size_t slash = trimmed.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return stripTrailingSlashes(trimmed.substr(0, slash));
}

std::string homeDirectory() {
    if (const char* home = std::getenv("HOME"); home && *home) return home;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir && *pw->pw_dir) return pw->pw_dir;
    return "/";
}

std::string absolutePath(const std::string& path, const std::string& base) {
    std::string p;
    if (path == "~" || path.rfind("~/", 0) == 0) {
        p = homeDirectory() + path.substr(1);
    } else if (!path.empty() && path.front() == '/') {
        p = path;
    } else {
        std::string from = base.empty() ? currentDirectory() : base;
        if (from.front() != '/') from = joinPath(currentDirectory(), from);
        p = path.empty() ? from : joinPath(from, path);
    }
    if (p.front() != '/') p = joinPath(currentDirectory(), p);  // a relative $HOME
    return normaliseAbsolute(p);
}

}  // namespace qantar::core
