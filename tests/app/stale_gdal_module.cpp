// Stands in for a GDAL module built from another version of qantar (src/core/import/gdal_module.hpp):
// it has the entry point, which refuses every interface version, as a stale module refuses this one.
extern "C" const void* qantar_gdal_entry(int /*version*/) { return nullptr; }
