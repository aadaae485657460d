#include "core/import/ogr_source.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <cstdint>
#include <cstdio>

#include <cpl_string.h>
#include <ogr_spatialref.h>

#include "core/import/credentials.hpp"
#include "core/import/kml_times.hpp"
#include "core/import/pg_conninfo.hpp"

namespace qantar::core::importer {

namespace {

void registerGdalOnce() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

bool isKmlDriver(const std::string& d) { return d == "LIBKML" || d == "KML"; }

// Open options per driver. CSV: every column as text, so we parse (and report) values ourselves
// rather than have a guessed column type turn a bad latitude into 0. GeoJSON: keep each feature's
// JSON, because GDAL 3.6 drops JSON-FG "time" and "when", which are members outside "properties".
CPLStringList openOptionsFor(const std::string& driver) {
    CPLStringList o;
    if (driver == "CSV") {
        o.SetNameValue("AUTODETECT_TYPE", "NO");
        o.SetNameValue("EMPTY_STRING_AS_NULL", "NO");
    } else if (driver == "GeoJSON") {
        o.SetNameValue("NATIVE_DATA", "YES");
    }
    return o;
}

bool hasExtension(const std::string& path, const char* ext) {
    const std::size_t n = std::strlen(ext);
    return path.size() > n && EQUAL(path.substr(path.size() - n).c_str(), ext);
}

bool fileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

// "x.shp": the message when its .shx (index) or .dbf (fields) is not beside it, in either case.
std::optional<std::string> shapefilePartMissing(const std::string& shp) {
    const std::string base = shp.substr(0, shp.size() - 4);
    const std::string name = base.substr(base.find_last_of('/') + 1);
    auto present = [&](const char* lower, const char* upper) {
        return fileExists(base + lower) || fileExists(base + upper);
    };
    if (!present(".shx", ".SHX")) {
        return shp + ": the Shapefile's index " + printable(name, 80) +
               ".shx is missing (a Shapefile is a .shp, a .shx and a .dbf side by side; copy all three)";
    }
    if (!present(".dbf", ".DBF")) {
        return shp + ": the Shapefile's attribute table " + printable(name, 80) +
               ".dbf is missing, so it has no fields and no time (a Shapefile is a .shp, a .shx and a .dbf side by "
               "side; copy all three)";
    }
    return std::nullopt;
}

// The first Shapefile in `dir` without its .shx or .dbf.
std::optional<std::string> shapefilePartsMissingIn(const std::string& dir) {
    char** entries = VSIReadDir(dir.c_str());
    std::optional<std::string> why;
    for (int i = 0; entries && entries[i] && !why; ++i) {
        const std::string e = entries[i];
        if (hasExtension(e, ".shp")) why = shapefilePartMissing(dir + (dir.back() == '/' ? "" : "/") + e);
    }
    CSLDestroy(entries);
    return why;
}

std::string tooLargeKml(std::uint64_t bytes) {
    constexpr std::uint64_t kMiB = 1024 * 1024;
    return std::to_string((bytes + kMiB - 1) / kMiB) + " MiB of KML, too large: qantar reads KML documents of at most " +
           std::to_string(kMaxKmlDocumentBytes / kMiB) + " MiB (uncompressed); split it into smaller files";
}

// CSV rows (numbered as a spreadsheet shows them) with a NUL byte in a cell, and that cell's
// field: GDAL's CSV reader ends the cell's text at a NUL, so the rest of the row looks missing.
// Counted as GDAL splits records (quotes hold commas and line breaks).
std::map<std::size_t, std::string> findNulCells(const std::string& path, const std::vector<FieldInfo>& fields) {
    constexpr std::size_t kMaxKept = 10000;
    std::map<std::size_t, std::string> out;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return out;
    std::vector<char> buf(1 << 20);
    std::size_t row = 1, field = 0;
    bool quoted = false, firstBlock = true;
    char separator = ',';
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), f)) > 0;) {
        if (firstBlock) {
            // The separator GDAL would detect: the most frequent of , ; tab | in the header.
            const char* end = static_cast<const char*>(std::memchr(buf.data(), '\n', n));
            const std::string_view header(buf.data(), end ? static_cast<std::size_t>(end - buf.data()) : n);
            std::size_t best = 0;
            for (char c : {',', ';', '\t', '|'}) {
                const auto k = static_cast<std::size_t>(std::count(header.begin(), header.end(), c));
                if (k > best) best = k, separator = c;
            }
            firstBlock = false;
        }
        const bool hasNul = std::memchr(buf.data(), 0, n) != nullptr;
        for (std::size_t i = 0; i < n; ++i) {
            const char c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == separator) {
                ++field;
            } else if (!quoted && c == '\n') {
                ++row;
                field = 0;
            } else if (c == 0 && hasNul && row > 1 && out.size() < kMaxKept && !out.count(row)) {
                out[row] = field < fields.size() ? fields[field].name : "field " + std::to_string(field + 1);
            }
        }
    }
    std::fclose(f);
    return out;
}

}  // namespace

GdalErrorCapture::GdalErrorCapture() {
    registerGdalOnce();
    CPLPushErrorHandlerEx(&GdalErrorCapture::handle, this);
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

void CPL_STDCALL GdalErrorCapture::handle(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
    if (!self || level < CE_Failure || !message) return;
    std::string m = message;
    for (char& c : m)
        if (c == '\n' || c == '\r') c = ' ';
    self->m_last = printable(maskMessage(m, self->m_secrets), 240);
}


bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    }
    return true;
}

std::vector<FieldInfo> fieldsOf(OGRLayer& layer) {
    std::vector<FieldInfo> out;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    if (!defn) return out;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* f = defn->GetFieldDefn(i);
        out.push_back(FieldInfo{i, f->GetNameRef(), f->GetType()});
    }
    return out;
}

int findField(const std::vector<FieldInfo>& fields, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        const int i = findField(fields, std::string(n));
        if (i >= 0) return i;
    }
    return -1;
}

int findField(const std::vector<FieldInfo>& fields, const std::string& name) {
    for (const auto& f : fields)
        if (equalsIgnoreCase(f.name, name)) return f.index;
    return -1;
}

std::string describeFields(const std::vector<FieldInfo>& fields) {
    constexpr std::size_t kMaxListed = 25;
    if (fields.empty()) return "(none)";
    std::string out;
    for (std::size_t i = 0; i < fields.size() && i < kMaxListed; ++i) {
        if (i) out += ", ";
        out += printable(fields[i].name, 40) + " (" + OGRFieldDefn::GetFieldTypeName(fields[i].type) + ")";
    }
    if (fields.size() > kMaxListed) out += ", ... (" + std::to_string(fields.size()) + " in all)";
    return out;
}

bool fieldIsSet(OGRFeature& feature, int index) {
    return index >= 0 && feature.IsFieldSetAndNotNull(index);
}

std::string fieldText(OGRFeature& feature, int index) {
    if (!fieldIsSet(feature, index)) return {};
    const char* s = feature.GetFieldAsString(index);
    return s ? std::string(s) : std::string();
}

Expected<VectorSource> VectorSource::open(const std::string& source) {
    registerGdalOnce();
    GdalErrorCapture capture;
    VectorSource out;
    out.m_path = source;
    out.m_openedPath = source;
    out.m_label = source;
    if (source.empty()) return Error{ErrorKind::BadArgument, "no source given (a file path or a connection string)"};

    if (source.size() > kMaxSourceChars) {
        return Error{ErrorKind::BadArgument, printable(maskSource(source), 80) + ": the source is " +
                                                 std::to_string(source.size()) + " characters long; qantar takes at most " +
                                                 std::to_string(kMaxSourceChars) + " (a path or a connection string)"};
    }

    struct stat st {};
    const bool exists = ::stat(source.c_str(), &st) == 0;
    const int statError = exists ? 0 : errno;
    if (!exists) {
        if (!looksLikeConnection(source)) {
            const std::string shown = printable(maskSource(source), 200);
            if (statError == ENAMETOOLONG) {
                return Error{ErrorKind::FileNotFound, shown + ": file not found (the name is longer than a path can be)"};
            }
            return Error{ErrorKind::FileNotFound, shown + ": file not found"};
        }
        out.m_label = printable(maskSource(source), 120);
        capture.hideSecrets(sourceSecrets(source));
        out.m_dataset.reset(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        if (!out.m_dataset) {
            const std::string why = capture.lastError().empty() ? "no GDAL driver accepts it" : capture.lastError();
            return Error{ErrorKind::FileUnreadable, out.m_label + ": cannot be opened: " + why};
        }
        out.m_driver = out.m_dataset->GetDriver() ? out.m_dataset->GetDriver()->GetDescription() : "";
        return out;
    }

    out.m_isFile = true;
    if (S_ISDIR(st.st_mode)) {
        // A directory of Shapefiles is an OGR source; any other directory is a mistake.
        if (auto why = shapefilePartsMissingIn(source)) return Error{ErrorKind::FileUnreadable, *why};
        out.m_dataset.reset(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        if (!out.m_dataset || out.m_dataset->GetLayerCount() == 0) {
            return Error{ErrorKind::FileUnreadable,
                         source + ": is a directory with no vector layers GDAL can read (name a file, or a directory "
                                  "of Shapefiles)"};
        }
        out.m_driver = out.m_dataset->GetDriver() ? out.m_dataset->GetDriver()->GetDescription() : "";
        return out;
    }
    if (!S_ISREG(st.st_mode)) return Error{ErrorKind::FileUnreadable, source + ": not a regular file"};
    if (::access(source.c_str(), R_OK) != 0) {
        return Error{ErrorKind::FileUnreadable, source + ": cannot be read (" + std::strerror(errno) + ")"};
    }
    if (st.st_size == 0) return Error{ErrorKind::FileUnreadable, source + ": the file is empty"};
    if (hasExtension(source, ".shp")) {
        if (auto why = shapefilePartMissing(source)) return Error{ErrorKind::FileUnreadable, *why};
    }
    if (hasExtension(source, ".kml") && static_cast<std::uint64_t>(st.st_size) > kMaxKmlDocumentBytes) {
        return Error{ErrorKind::FileUnreadable, source + ": " + tooLargeKml(static_cast<std::uint64_t>(st.st_size))};
    }
    if (hasExtension(source, ".kmz")) {
        const std::string inside = kmlInsideKmz(source);
        VSIStatBufL entry{};
        if (!inside.empty() && VSIStatL(inside.c_str(), &entry) == 0 &&
            static_cast<std::uint64_t>(entry.st_size) > kMaxKmlDocumentBytes) {
            return Error{ErrorKind::FileUnreadable, source + ": its document " + inside.substr(inside.rfind('/') + 1) +
                                                         " is " + tooLargeKml(static_cast<std::uint64_t>(entry.st_size))};
        }
    }

    out.m_openedPath = source;
    GDALDriverH driver = GDALIdentifyDriverEx(source.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    if (!driver && source.size() > 4 && EQUAL(source.substr(source.size() - 4).c_str(), ".kmz")) {
        // Without LIBKML, GDAL's KML driver reads the document inside the archive.
        const std::string inside = kmlInsideKmz(source);
        if (!inside.empty()) {
            driver = GDALIdentifyDriverEx(inside.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
            if (driver) out.m_openedPath = inside;
        }
    }
    if (!driver) {
        return Error{ErrorKind::FileUnreadable,
                     source + ": not a vector format GDAL can read (expected CSV, GeoJSON, KML/KMZ, GeoPackage, "
                              "Shapefile, ...)"};
    }
    out.m_driver = GDALGetDriverShortName(driver);
    const char* allowed[] = {out.m_driver.c_str(), nullptr};
    const CPLStringList options = openOptionsFor(out.m_driver);
    out.m_dataset.reset(
        GDALDataset::Open(out.m_openedPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, allowed, options.List(), nullptr));
    if (!out.m_dataset) {
        std::string why = capture.lastError();
        if (why.empty()) why = "the content is not valid";
        return Error{ErrorKind::FileUnreadable, source + ": GDAL's " + out.m_driver + " driver cannot read it: " + why};
    }
    if (out.m_driver == "CSV" && out.m_dataset->GetLayerCount() > 0) {
        // The CSV driver takes any file named .csv; control bytes in the header mean it is not text
        // (bytes that are not UTF-8 may just be another encoding, such as Windows-1252).
        for (const auto& f : fieldsOf(*out.m_dataset->GetLayer(0))) {
            const bool binary = std::any_of(f.name.begin(), f.name.end(), [](char c) {
                const auto u = static_cast<unsigned char>(c);
                return (u < 0x20 && u != '\t') || u == 0x7f;
            });
            if (binary) {
                return Error{ErrorKind::FileUnreadable, source + ": not a CSV text file (its first line holds binary data)"};
            }
        }
        out.m_nulCells = findNulCells(source, fieldsOf(*out.m_dataset->GetLayer(0)));
    }
    return out;
}

Expected<std::vector<OGRLayer*>> VectorSource::chooseLayers(const ImportOptions& options) {
    GdalErrorCapture capture;
    auto layerNames = [&] {
        std::string names;
        const int n = m_dataset->GetLayerCount();
        for (int i = 0; i < n && i < 20; ++i) {
            if (i) names += ", ";
            names += "'" + printable(m_dataset->GetLayer(i)->GetName(), 40) + "'";
        }
        if (n > 20) names += ", ...";
        return names.empty() ? std::string("(none)") : names;
    };
    if (!options.sql.empty()) {
        if (!options.layer.empty()) return Error{ErrorKind::BadArgument, "give either a layer or an SQL query, not both"};
        OGRLayer* result = m_dataset->ExecuteSQL(options.sql.c_str(), nullptr, nullptr);
        if (!result) {
            const std::string why = capture.lastError().empty() ? "it returned no result set" : capture.lastError();
            return Error{ErrorKind::BadArgument, m_label + ": SQL query failed: " + why};
        }
        m_sqlResult = std::unique_ptr<OGRLayer, ResultSetRelease>(result, ResultSetRelease{m_dataset.get()});
        return std::vector<OGRLayer*>{result};
    }
    if (!options.layer.empty()) {
        OGRLayer* layer = m_dataset->GetLayerByName(options.layer.c_str());
        if (!layer) {
            return Error{ErrorKind::BadArgument,
                         m_label + ": no layer '" + printable(options.layer) + "'; its layers: " + layerNames()};
        }
        return std::vector<OGRLayer*>{layer};
    }
    const int count = m_dataset->GetLayerCount();
    if (count == 0) return Error{ErrorKind::FileUnreadable, m_label + ": has no layers (no features to import)"};
    if (count == 1) return std::vector<OGRLayer*>{m_dataset->GetLayer(0)};
    if (isKmlDriver(m_driver)) {  // a KML document's folders are one collection of placemarks
        std::vector<OGRLayer*> all;
        for (int i = 0; i < count; ++i) all.push_back(m_dataset->GetLayer(i));
        return all;
    }
    return Error{ErrorKind::BadArgument, m_label + ": has " + std::to_string(count) + " layers (" + layerNames() +
                                             "); choose one with --layer or an SQL query with --sql"};
}

bool makeWgs84Transform(OGRLayer& layer, std::unique_ptr<OGRCoordinateTransformation>& out) {
    out.reset();
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs) return true;
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);  // x = longitude, y = latitude
    if (srs->IsSame(&wgs84)) return true;
    out.reset(OGRCreateCoordinateTransformation(srs, &wgs84));
    return out != nullptr;
}

PositionReader::PositionReader(OGRLayer& layer) {
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    m_hasGeometry = defn && defn->GetGeomFieldCount() > 0 && layer.GetGeomType() != wkbNone;
    if (m_hasGeometry) m_crsUsable = makeWgs84Transform(layer, m_toWgs84);
}

bool PositionReader::read(OGRFeature& feature, LonLat& out, bool& fromCentroid, std::string& geometryName,
                          std::string& why) {
    fromCentroid = false;
    if (!m_crsUsable) {
        why = "the layer's coordinate reference system cannot be transformed to WGS 84";
        return false;
    }
    const OGRGeometry* g = feature.GetGeometryRef();
    if (!g || g->IsEmpty()) {
        why = "no geometry";
        return false;
    }
    geometryName = OGRGeometryTypeToName(wkbFlatten(g->getGeometryType()));
    OGRPoint point;
    const OGRwkbGeometryType flat = wkbFlatten(g->getGeometryType());
    if (flat == wkbPoint) {
        point = *g->toPoint();
    } else if (flat == wkbMultiPoint && g->toMultiPoint()->getNumGeometries() == 1) {
        point = *g->toMultiPoint()->getGeometryRef(0);
    } else {
        if (g->Centroid(&point) != OGRERR_NONE || point.IsEmpty()) {
            why = "the " + geometryName + " geometry has no centre";
            return false;
        }
        fromCentroid = true;
    }
    if (m_toWgs84) {
        double x = point.getX(), y = point.getY();
        if (!m_toWgs84->Transform(1, &x, &y)) {
            why = "the position cannot be transformed to WGS 84 longitude/latitude";
            return false;
        }
        point.setX(x);
        point.setY(y);
    }
    out = LonLat{point.getX(), point.getY()};
    if (!out.valid()) {
        why = "position " + std::to_string(out.lon) + ", " + std::to_string(out.lat) +
              " is outside longitude -180..180 / latitude -90..90";
        return false;
    }
    return true;
}

}  // namespace qantar::core::importer
