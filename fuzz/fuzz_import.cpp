// Fuzzes the GDAL importers: the bytes are written to a file whose extension is chosen by the
// first byte (CSV, GeoJSON, KML), then imported. Every outcome must be an event set or an error.
// The importers are linked in directly rather than loaded as the GDAL module, so that libFuzzer
// sees their coverage from the start.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/import/gdal_module.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static const char* const kExt[] = {".csv", ".geojson", ".kml"};
    const std::string path = "/tmp/qantar-fuzz-import-" + std::to_string(::getpid()) + kExt[data[0] % 3];
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data + 1, 1, size - 1, f);
        std::fclose(f);
    }
    auto r = qantar::core::importer::gdalImportEvents(path, {});
    if (!r.ok() && r.error().message.empty()) __builtin_trap();
    std::remove(path.c_str());
    return 0;
}
