// importEvents, listImportFields and importBoundaries as the rest of the program sees them: the
// first call loads the GDAL module (gdal_module.hpp says why it is separate), every call goes
// through it. When the module cannot be loaded, each call fails with an Error saying where it was
// looked for and why it did not load.
#include <dlfcn.h>

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

// Set by the build (src/core/import/import.cmake): the module's file name, and where the build
// tree puts it.
constexpr const char* kModuleFileName = QANTAR_GDAL_MODULE_FILE_NAME;
constexpr const char* kModuleBuildPath = QANTAR_GDAL_MODULE_BUILD_PATH;
// Names a module file to load instead of looking for one.
constexpr const char* kModuleEnvVariable = "QANTAR_GDAL_MODULE";

// Where to look, in order: only $QANTAR_GDAL_MODULE when it is set; otherwise beside the running
// program (build/qantar finds build/libqantar-gdal.so wherever it is started from), then where
// this build put it (for the test programs, which live in build/tests/).
std::vector<std::string> candidatePaths() {
    if (const char* chosen = std::getenv(kModuleEnvVariable); chosen && *chosen) return {chosen};
    std::vector<std::string> paths;
    std::error_code ec;
    const fs::path program = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) paths.push_back((program.parent_path() / kModuleFileName).lexically_normal().string());
    const std::string built = fs::path(kModuleBuildPath).lexically_normal().string();
    if (paths.empty() || paths.front() != built) paths.push_back(built);
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
