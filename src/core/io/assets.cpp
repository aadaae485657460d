#include "core/io/assets.hpp"

#include <unistd.h>

#include <cstdlib>
#include <sys/stat.h>
#include <vector>

#ifndef QANTAR_SOURCE_ASSET_DIR
#define QANTAR_SOURCE_ASSET_DIR ""
#endif

namespace qantar::core {

namespace {

bool isDir(const std::string& p) {
    struct stat st {};
    return !p.empty() && ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string executableDir() {
    std::vector<char> buf(4096);
    const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
    if (n <= 0) return {};
    std::string path(buf.data(), static_cast<std::size_t>(n));
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string{} : path.substr(0, slash);
}

}  // namespace

Expected<std::string> findAssetDir(const std::string& overrideDir) {
    if (!overrideDir.empty()) {
        if (isDir(overrideDir)) return overrideDir;
        return Error{ErrorKind::FileNotFound, overrideDir + ": assets directory not found"};
    }
    std::vector<std::string> tries;
    if (const char* env = std::getenv("QANTAR_ASSETS"); env && *env) tries.emplace_back(env);
    const std::string exe = executableDir();
    if (!exe.empty()) {
        tries.push_back(exe + "/assets");
        tries.push_back(exe + "/../assets");
    }
    tries.emplace_back(QANTAR_SOURCE_ASSET_DIR);
    std::string tried;
    for (const auto& t : tries) {
        if (t.empty()) continue;
        if (isDir(t + "/geo")) return t;
        tried += (tried.empty() ? "" : ", ") + t;
    }
    return Error{ErrorKind::FileNotFound, "assets directory not found (tried " + tried + "); pass --assets DIR"};
}

}  // namespace qantar::core
