#pragma once
// The boundary between qantar_core and the GDAL module (internal to core/import). Everything that
// reads through GDAL/OGR is built into a loadable module, libqantar-gdal.so, placed beside the
// program; core's importEvents, listImportFields and importBoundaries load it on their first call
// (gdal_loader.cpp), so a process that never imports does not map GDAL and the ~120 shared
// libraries it needs. The module exports one C function, qantar_gdal_entry, which hands back a
// table of the implementations below. Module and program are built from one tree by one compiler,
// so the table passes C++ types; the interface version catches a module left from another build.
#include <string>
#include <utility>
#include <vector>

#include "core/io/error.hpp"
#include "core/events/events.hpp"
#include "core/import/import.hpp"
#include "core/export/data_export.hpp"

namespace qantar::core::importer {

// Raise by one whenever a type that crosses the boundary changes: GdalModule itself,
// ImportOptions, ImportReport, ImportField, Boundary, Dataset (and what it holds), Error, Expected,
// DataTable (and what it holds).
constexpr int kGdalModuleVersion = 4;

// The implementations behind importEvents, listImportFields, importBoundaries and displayImportSource, with their
// contracts (import.hpp). The program calls them through the module; the fuzzer and the tests of
// internals link them directly (the static library qantar_gdal_impl).
Expected<std::pair<Dataset, ImportReport>> gdalImportEvents(const std::string& source, const ImportOptions& options);
Expected<std::vector<ImportField>> gdalListImportFields(const std::string& source, const ImportOptions& options);
Expected<std::vector<Boundary>> gdalImportBoundaries(const std::string& source, const ImportOptions& options);
std::string gdalDisplaySource(const std::string& source);
// Writes a table of events through GDAL (core/export/data_export.hpp, writeDataTable).
Status gdalWriteTable(const DataTable& table, const std::string& path);

// The name the module's entry point (qantar_gdal_entry, below) is looked up by.
constexpr const char* kGdalEntryName = "qantar_gdal_entry";

// What the module hands back: one pointer per function above.
struct GdalModule {
    decltype(&gdalImportEvents) importEvents;
    decltype(&gdalListImportFields) listImportFields;
    decltype(&gdalImportBoundaries) importBoundaries;
    decltype(&gdalDisplaySource) displaySource;
    decltype(&gdalWriteTable) writeTable;
};

}  // namespace qantar::core::importer

// The module's only exported symbol. Returns its table (static, valid while the module is loaded),
// or null when `version` (the caller's kGdalModuleVersion) is not its own.
extern "C" const qantar::core::importer::GdalModule* qantar_gdal_entry(int version);
