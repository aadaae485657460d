// The GDAL module's entry point (libqantar-gdal.so). The module is linked with hidden visibility
// and a version script (gdal_module.map) so that this is its only exported symbol: its copies of
// core and of the C++ library's inline code bind inside it and never to the program's.
#include "core/import/gdal_module.hpp"

extern "C" __attribute__((visibility("default"))) const qantar::core::importer::GdalModule* qantar_gdal_entry(
    int version) {
    using namespace qantar::core::importer;
    static const GdalModule kModule{&gdalImportEvents, &gdalListImportFields, &gdalImportBoundaries, &gdalDisplaySource,
                                    &gdalWriteTable};
    return version == kGdalModuleVersion ? &kModule : nullptr;
}
