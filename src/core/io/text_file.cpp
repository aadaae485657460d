#include "core/io/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace qantar::core {

namespace {

Error unreadable(const std::string& path, const std::string& what) { return Error{ErrorKind::FileUnreadable, path + ": " + what}; }

Error openError(const std::string& path, int err) {
    switch (err) {
        case ENOENT: return Error{ErrorKind::FileNotFound, path + ": file not found"};
        case ELOOP: return unreadable(path, "cannot be read (too many levels of symbolic links)");
        case EACCES:
        case EPERM: return unreadable(path, "cannot be read (permission denied)");
        case ENOTDIR: return unreadable(path, "cannot be read (a part of the path is not a directory)");
        default: return unreadable(path, std::string("cannot be read (") + std::strerror(err) + ")");
    }
}

// A non-regular file, named for what it is.
Status notRegular(const std::string& path, mode_t mode) {
    if (S_ISREG(mode)) return std::nullopt;
    if (S_ISDIR(mode)) return unreadable(path, "is a directory, not a regular file");
    if (S_ISFIFO(mode)) return unreadable(path, "is a FIFO (named pipe), not a regular file");
    if (S_ISCHR(mode) || S_ISBLK(mode)) return unreadable(path, "is a device, not a regular file");
    if (S_ISSOCK(mode)) return unreadable(path, "is a socket, not a regular file");
    return unreadable(path, "is not a regular file");
}

Error tooLarge(const std::string& path, std::uint64_t size, const TextLimit& limit) {
    return unreadable(path, "is " + describeSize(size) + " (" + std::to_string(size) + " bytes), more than the " +
                                describeSize(limit.maxBytes) + " limit for " + limit.what);
}

// Looks at `path` and opens it, refusing anything but a regular file within the limit; the file
// is checked before opening (a device is never opened) and again on the opened descriptor (it may
// have been replaced in between). Returns the open descriptor and its size.
Expected<std::pair<int, std::uint64_t>> openRegular(const std::string& path, const TextLimit& limit) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return openError(path, errno);
    if (auto err = notRegular(path, st.st_mode)) return *err;
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return openError(path, errno);
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return openError(path, err);
    }
    Status err = notRegular(path, st.st_mode);
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (!err && size > limit.maxBytes) err = tooLarge(path, size, limit);
    if (err) {
        ::close(fd);
        return *err;
    }
    return std::pair<int, std::uint64_t>{fd, size};
}

}  // namespace

std::string describeSize(std::uint64_t bytes) {
    static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    double v = static_cast<double>(bytes) / 1024.0;
    int unit = 0;
    while (v >= 1024.0 && unit < 5) {
        v /= 1024.0;
        ++unit;
    }
    const bool exact = bytes % (std::uint64_t{1} << (10 * (unit + 1))) == 0;
    char text[32];
    std::snprintf(text, sizeof text, exact ? "%.0f %s" : "%.1f %s", v, kUnits[unit]);
    return text;
}

Expected<std::string> readTextFile(const std::string& path, TextLimit limit, NulBytes nul) {
    auto opened = openRegular(path, limit);
    if (!opened) return opened.error();
    const auto [fd, size] = *opened;
    std::string text;
    text.reserve(static_cast<std::size_t>(size) + 1);
    // The size fstat gave is read into place; then small reads until the end, up to one byte past
    // the limit, so that a file that grew (or one that reports no size) is noticed, never read whole.
    const std::uint64_t cap = limit.maxBytes == UINT64_MAX ? UINT64_MAX : limit.maxBytes + 1;
    char probe[1 << 16];
    for (;;) {
        const std::uint64_t room = cap - text.size();
        if (room == 0) break;
        const std::size_t at = text.size();
        const bool inPlace = at < size;
        const std::uint64_t fits = inPlace ? size - at : sizeof probe;
        const std::size_t want = static_cast<std::size_t>(room < fits ? room : fits);
        if (inPlace) text.resize(at + want);
        const ssize_t n = ::read(fd, inPlace ? text.data() + at : probe, want);
        if (n < 0) {
            const int err = errno;
            if (inPlace) text.resize(at);
            if (err == EINTR) continue;
            ::close(fd);
            return unreadable(path, std::string("read error (") + std::strerror(err) + ")");
        }
        if (inPlace) text.resize(at + static_cast<std::size_t>(n));
        else text.append(probe, static_cast<std::size_t>(n));
        if (n == 0) break;
    }
    ::close(fd);
    if (text.size() > limit.maxBytes) {
        return unreadable(path, "grew past the " + describeSize(limit.maxBytes) + " limit for " + limit.what +
                                    " while being read");
    }
    if (nul == NulBytes::Refuse) {
        if (const void* z = std::memchr(text.data(), '\0', text.size())) {
            const auto offset = static_cast<std::size_t>(static_cast<const char*>(z) - text.data());
            const bool utf16 = text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                                                    (text[0] == '\xFE' && text[1] == '\xFF'));
            if (utf16) return unreadable(path, "is UTF-16 text; save it as UTF-8");
            return unreadable(path, "contains a NUL byte at offset " + std::to_string(offset) + "; not a text file");
        }
    }
    return text;
}

Status checkReadableFile(const std::string& path, TextLimit limit) {
    auto opened = openRegular(path, limit);
    if (!opened) return opened.error();
    ::close(opened->first);
    return std::nullopt;
}

}  // namespace qantar::core
