#include "core/io/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace qantar::core {

Status writeFileAtomically(const std::string& path, std::string_view bytes) {
    if (path.empty()) return Error{ErrorKind::FileUnwritable, "output path is empty"};
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return Error{ErrorKind::FileUnwritable, path + ": cannot write (" + std::strerror(errno) + ")"};
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string reason = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return Error{ErrorKind::FileUnwritable, path + ": write failed (" + reason + ")"};
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string reason = std::strerror(errno);
        ::unlink(tmp.c_str());
        return Error{ErrorKind::FileUnwritable, path + ": write failed (" + reason + ")"};
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        ::unlink(tmp.c_str());
        return Error{ErrorKind::FileUnwritable, path + ": cannot replace (" + reason + ")"};
    }
    return std::nullopt;
}

}  // namespace qantar::core
