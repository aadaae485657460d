// importEvents, listImportFields and importBoundaries as the rest of the program sees them: the
// first call loads the GDAL module (gdal_module.hpp says why it is separate), every call goes
// through it. When the module cannot be loaded, each call fails with an Error saying where it was
// looked for and why it did not load.
#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/import/credentials.hpp"
#include "core/import/gdal_module.hpp"
#include "core/import/import.hpp"
#include "core/export/data_export.hpp"

namespace qantar::core {

namespace {

namespace fs = std::filesystem;

using importer::GdalModule;

// Set by the build (src/core/import/import.cmake): the module's file name, and the library
// directories, relative to the installation prefix, where `cmake --install` may put it.
constexpr const char* kModuleFileName = QANTAR_GDAL_MODULE_FILE_NAME;
constexpr const char* kInstallLibDir = QANTAR_INSTALL_LIBDIR;          // e.g. "lib" or "lib/x86_64-linux-gnu"
constexpr const char* kLibraryArchitecture = QANTAR_LIBRARY_ARCHITECTURE;  // e.g. "x86_64-linux-gnu", or ""
// Names a module file to load instead of looking for one.
constexpr const char* kModuleEnvVariable = "QANTAR_GDAL_MODULE";

// Where to look, in order (docs/import.md): only $QANTAR_GDAL_MODULE when it is set; otherwise
// beside the running program (build/qantar finds build/libqantar-gdal.so wherever it is started
// from), then relative to it as installed: <exe>/../<libdir>/qantar/, <exe>/../lib/<multiarch>/qantar/
// and <exe>/../lib/qantar/. The build tree links build/lib/qantar/ to its module, so the test
// programs in build/tests/ find it the installed way. No absolute path is baked in.
std::vector<std::string> candidatePaths() {
    if (const char* chosen = std::getenv(kModuleEnvVariable); chosen && *chosen) return {chosen};
    std::vector<std::string> paths;
    std::error_code ec;
    const fs::path program = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {kModuleFileName};  // no /proc: the dynamic loader's own search
    const fs::path dir = program.parent_path();
    std::vector<fs::path> dirs{dir};
    if (fs::path(kInstallLibDir).is_relative()) dirs.push_back(dir / ".." / kInstallLibDir / "qantar");
    if (*kLibraryArchitecture) dirs.push_back(dir / ".." / "lib" / kLibraryArchitecture / "qantar");
    dirs.push_back(dir / ".." / "lib" / "qantar");
    for (const fs::path& d : dirs) {
        const std::string p = (d / kModuleFileName).lexically_normal().string();
        if (std::find(paths.begin(), paths.end(), p) == paths.end()) paths.push_back(p);
    }
    return paths;
}

// The module's table, or why no candidate gave one.
struct LoadedModule {
    const GdalModule* table = nullptr;
    std::string failure;
};

LoadedModule loadModule() {
    std::string reasons;
    for (const std::string& path : candidatePaths()) {
        if (!reasons.empty()) reasons += "; ";
        // RTLD_LOCAL: GDAL's symbols and the module's own copies of core stay out of the
        // program's namespace. RTLD_NOW: a missing library fails here, not in the middle of an import.
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = ::dlerror();
            reasons += why ? std::string(why) : path + ": cannot be loaded";
            continue;
        }
        using Entry = const GdalModule* (*)(int);
        const auto entry = reinterpret_cast<Entry>(::dlsym(handle, importer::kGdalEntryName));
        const GdalModule* table = entry ? entry(importer::kGdalModuleVersion) : nullptr;
        if (table) {
            // Never closed: GDAL keeps drivers, caches and per-thread state for the life of the process.
            return LoadedModule{table, {}};
        }
        reasons += entry ? path + ": built from another version of qantar (rebuild it with the program)"
                         : path + ": not qantar's GDAL module (no " + importer::kGdalEntryName + ")";
        ::dlclose(handle);
    }
    return LoadedModule{nullptr, std::string("importing needs qantar's GDAL module ") + kModuleFileName +
                                     ", which could not be loaded: " + reasons};
}

// Loaded once per process, on the first call from any thread.
const LoadedModule& gdalModule() {
    static const LoadedModule loaded = loadModule();
    return loaded;
}

Error unavailable() { return Error{ErrorKind::ImportUnavailable, gdalModule().failure}; }

}  // namespace

Expected<std::pair<Dataset, ImportReport>> importEvents(const std::string& source, const ImportOptions& options) {
    const GdalModule* m = gdalModule().table;
    if (!m) return unavailable();
    return m->importEvents(source, options);
}

Expected<std::vector<ImportField>> listImportFields(const std::string& source, const ImportOptions& options) {
    const GdalModule* m = gdalModule().table;
    if (!m) return unavailable();
    return m->listImportFields(source, options);
}

Expected<std::vector<Boundary>> importBoundaries(const std::string& source, const ImportOptions& options) {
    const GdalModule* m = gdalModule().table;
    if (!m) return unavailable();
    return m->importBoundaries(source, options);
}

Status writeDataTable(const DataTable& table, const std::string& path) {
    const GdalModule* m = gdalModule().table;
    if (!m) return unavailable();
    return m->writeTable(table, path);
}

std::string displayImportSource(const std::string& source) {
    if (!importer::looksLikeConnection(source) && !importer::isPostgresSource(source)) {
        return importer::maskCredentialsGeneric(source);
    }
    if (const GdalModule* m = gdalModule().table) return m->displaySource(source);
    if (importer::isPostgresSource(source)) return importer::unreadablePostgresSource(source);
    return importer::maskCredentialsGeneric(source);
}

}  // namespace qantar::core
