#include "core/io/text_file.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace qantar::core {

Expected<std::string> readTextFile(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return Error{ErrorKind::FileNotFound, path + ": file not found"};
    }
    if (S_ISDIR(st.st_mode)) return Error{ErrorKind::FileUnreadable, path + ": is a directory, not a file"};
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{ErrorKind::FileUnreadable, path + ": cannot be read (" + std::strerror(errno) + ")"};
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Error{ErrorKind::FileUnreadable, path + ": read error"};
    return ss.str();
}

}  // namespace qantar::core
