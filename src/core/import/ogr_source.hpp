#pragma once
// GDAL/OGR access shared by the importers (internal to core/import): opening a file or connection
// string with the right driver and open options, choosing the layer(s), keeping GDAL's own error
// output off the terminal, and field lookup by name.
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/io/error.hpp"
#include "core/import/import.hpp"

#include "core/io/printable.hpp"

namespace qantar::core::importer {

// The longest source (a path or a connection string) accepted; longer ones are refused at once.
constexpr std::size_t kMaxSourceChars = 8192;

// While alive, GDAL's errors and warnings are collected here instead of printed (GDAL keeps one
// handler stack per thread). lastError() is the most recent failure message, made printable.
class GdalErrorCapture {
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;
    const std::string& lastError() const { return m_last; }
    // Also hides these values (a connection string's passwords) wherever a message repeats them.
    void hideSecrets(std::vector<std::string> secrets) { m_secrets = std::move(secrets); }

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum number, const char* message);
    std::string m_last;
    std::vector<std::string> m_secrets;
};

// Text from a file or a database is made safe for a one-line message by core's printable()
// (core/io/printable.hpp), as every message of qantar is.


struct FieldInfo {
    int index = -1;
    std::string name;
    OGRFieldType type = OFTString;
};

std::vector<FieldInfo> fieldsOf(OGRLayer& layer);
// Index of the first field whose name equals one of `names` ignoring ASCII case, or -1.
int findField(const std::vector<FieldInfo>& fields, std::initializer_list<const char*> names);
// Index of the field named exactly `name` (ignoring case), or -1.
int findField(const std::vector<FieldInfo>& fields, const std::string& name);
// "name (String), n (Real), ..." for messages; at most 25 fields.
std::string describeFields(const std::vector<FieldInfo>& fields);
// The field's value as text; empty when unset or null.
std::string fieldText(OGRFeature& feature, int index);
bool fieldIsSet(OGRFeature& feature, int index);
bool equalsIgnoreCase(std::string_view a, std::string_view b);

// Hands an SQL result layer back to the dataset that made it.
struct ResultSetRelease {
    GDALDataset* dataset = nullptr;
    void operator()(OGRLayer* layer) const {
        if (dataset && layer) dataset->ReleaseResultSet(layer);
    }
};

// An opened vector source and the layers chosen from it.
class VectorSource {
public:
    // Opens a file (any format a GDAL vector driver reads) or a connection string. Checks what a
    // user most often gets wrong first (missing file, directory, empty file) for a clear message.
    static Expected<VectorSource> open(const std::string& source);

    // The layers to read: the SQL result (options.sql), the named layer (options.layer), the only
    // layer, or all layers of a KML document (its folders). BadArgument naming the choices otherwise.
    Expected<std::vector<OGRLayer*>> chooseLayers(const ImportOptions& options);

    const std::string& driver() const { return m_driver; }  // GDAL short name: "CSV", "LIBKML", "PostgreSQL"
    const std::string& label() const { return m_label; }    // for messages: the path, or a safe connection string
    const std::string& path() const { return m_path; }      // as given
    // What GDAL opened: the path, or for a KMZ that only the plain KML driver can read, the
    // document inside it (/vsizip/...).
    const std::string& openedPath() const { return m_openedPath; }
    bool isFile() const { return m_isFile; }
    GDALDataset& dataset() { return *m_dataset; }
    // CSV rows (as a spreadsheet numbers them) with a NUL byte in a cell, and that cell's field.
    const std::map<std::size_t, std::string>& nulCells() const { return m_nulCells; }

private:
    std::string m_path, m_openedPath, m_label, m_driver;
    std::map<std::size_t, std::string> m_nulCells;
    bool m_isFile = false;
    GDALDatasetUniquePtr m_dataset;  // declared before the result set, so it is closed after it
    std::unique_ptr<OGRLayer, ResultSetRelease> m_sqlResult;
};

// Sets `out` to the transformation from the layer's CRS to WGS 84 longitude/latitude (x = lon,
// y = lat), or to null when none is needed (no CRS, as in GeoJSON, CSV and KML, which are WGS 84 by
// definition). False when the layer's CRS cannot be transformed.
bool makeWgs84Transform(OGRLayer& layer, std::unique_ptr<OGRCoordinateTransformation>& out);

// A point feature's position in WGS 84 (lon, lat), from its geometry, reprojected when the layer
// has another CRS; non-point geometries give their centroid (`fromCentroid`).
class PositionReader {
public:
    explicit PositionReader(OGRLayer& layer);
    // Empty with `why` set when the feature has no usable position.
    bool read(OGRFeature& feature, LonLat& out, bool& fromCentroid, std::string& geometryName, std::string& why);
    bool layerHasGeometry() const { return m_hasGeometry; }

private:
    bool m_hasGeometry = false;
    bool m_crsUsable = true;
    std::unique_ptr<OGRCoordinateTransformation> m_toWgs84;
};

}  // namespace qantar::core::importer
