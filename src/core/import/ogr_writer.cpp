// Writing a table of events through GDAL/OGR (GeoJSON, CSV, GeoPackage), inside the GDAL module:
// core/export/data_export.cpp decides what the table holds; this only hands it to the driver.
#include <memory>
#include <mutex>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/export/data_export.hpp"
#include "core/import/gdal_module.hpp"
#include "core/import/ogr_source.hpp"

namespace qantar::core::importer {

namespace {

OGRFieldType ogrType(DataColumnType t) {
    switch (t) {
        case DataColumnType::Text: return OFTString;
        case DataColumnType::TextList: return OFTStringList;
        case DataColumnType::Integer: return OFTInteger;  // small counts and years
        case DataColumnType::Real: return OFTReal;
        case DataColumnType::DateTime: return OFTDateTime;
    }
    return OFTString;
}

// GDAL's time-zone flag: 100 is UTC, each step of one a quarter hour east.
constexpr int kGdalTzUtc = 100;

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};

Error unwritable(const std::string& what, const GdalErrorCapture& errors) {
    std::string msg = what;
    if (!errors.lastError().empty()) msg += ": " + errors.lastError();
    return Error{ErrorKind::FileUnwritable, msg};
}

}  // namespace

Status gdalWriteTable(const DataTable& table, const std::string& path) {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
    GdalErrorCapture errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(table.driver.c_str());
    if (!driver) return Error{ErrorKind::ImportUnavailable, "this GDAL has no " + table.driver + " driver"};
    std::unique_ptr<GDALDataset, DatasetCloser> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return unwritable("cannot be created", errors);

    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);  // x = longitude, y = latitude
    CPLStringList options;
    for (const auto& o : table.layerOptions) options.AddString(o.c_str());
    OGRLayer* layer = ds->CreateLayer(table.layer.c_str(), table.hasGeometry ? &wgs84 : nullptr,
                                      table.hasGeometry ? wkbPoint : wkbNone, options.List());
    if (!layer) return unwritable("the layer cannot be created", errors);
    for (const auto& c : table.columns) {
        OGRFieldDefn defn(c.name.c_str(), ogrType(c.type));
        if (layer->CreateField(&defn) != OGRERR_NONE) return unwritable("field '" + c.name + "' cannot be created", errors);
    }
    const bool transaction = ds->StartTransaction() == OGRERR_NONE;
    for (const DataRow& row : table.rows) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        for (std::size_t i = 0; i < table.columns.size() && i < row.cells.size(); ++i) {
            const DataCell& cell = row.cells[i];
            const int idx = static_cast<int>(i);
            if (cell.null) {
                f->SetFieldNull(idx);
                continue;
            }
            switch (table.columns[i].type) {
                case DataColumnType::Text: f->SetField(idx, cell.text.c_str()); break;
                case DataColumnType::TextList: {
                    CPLStringList list;
                    for (const auto& s : cell.list) list.AddString(s.c_str());
                    f->SetField(idx, list.List());
                    break;
                }
                case DataColumnType::Integer: f->SetField(idx, static_cast<int>(cell.integer)); break;
                case DataColumnType::Real: f->SetField(idx, cell.real); break;
                case DataColumnType::DateTime:
                    f->SetField(idx, cell.time.year, cell.time.month, cell.time.day, cell.time.hour, cell.time.minute,
                                static_cast<float>(cell.time.second), kGdalTzUtc + cell.zone.minutes / 15);
                    break;
            }
        }
        if (row.point) {
            OGRPoint p(row.point->lon, row.point->lat);
            p.assignSpatialReference(&wgs84);
            f->SetGeometry(&p);
        }
        if (!row.nativeJson.empty()) {
            f->SetNativeData(row.nativeJson.c_str());
            f->SetNativeMediaType("application/vnd.geo+json");
        }
        if (layer->CreateFeature(f.get()) != OGRERR_NONE) return unwritable("a feature cannot be written", errors);
    }
    if (transaction && ds->CommitTransaction() != OGRERR_NONE) return unwritable("cannot be completed", errors);
    // Closing flushes (and for a GeoPackage finishes) the file; its errors are the last chance to tell.
    CPLErrorReset();
    GDALClose(ds.release());
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
        return unwritable("cannot be completed", errors);
    }
    return std::nullopt;
}

}  // namespace qantar::core::importer
