#include "core/io/assets.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>

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

std::vector<std::string> assetDirCandidates() {
    std::vector<std::string> tries;
    if (const char* env = std::getenv("QANTAR_ASSETS"); env && *env) tries.emplace_back(env);
    const std::string exe = executableDir();
    if (!exe.empty()) {
        namespace fs = std::filesystem;
        const fs::path dir(exe);
        tries.push_back((dir / "../share/qantar/assets").lexically_normal().string());
        tries.push_back((dir / "assets").lexically_normal().string());
        tries.push_back((dir / "../assets").lexically_normal().string());
    }
    return tries;
}

Expected<std::string> findAssetDir(const std::string& overrideDir) {
    if (!overrideDir.empty()) {
        if (isDir(overrideDir)) return overrideDir;
        return Error{ErrorKind::FileNotFound, overrideDir + ": assets directory not found"};
    }
    std::string tried;
    for (const auto& t : assetDirCandidates()) {
        if (t.empty()) continue;
        if (isDir(t + "/geo")) return t;
        tried += (tried.empty() ? "" : ", ") + t;
    }
    return Error{ErrorKind::FileNotFound,
                 "assets directory not found (tried " + tried + "); pass --assets DIR or set QANTAR_ASSETS"};
}

}  // namespace qantar::core
