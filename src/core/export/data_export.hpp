#pragma once
// The events out of qantar, for GIS tools and Google Earth (`qantar export-data`, File > Export
// events; docs/export-data.md). The format follows the file's extension:
//   .geojson/.json  GeoJSON: JSON-FG "time" on each feature and "start"/"end" properties (QGIS,
//                   kepler.gl, Leaflet.timeline read those), written through GDAL;
//   .kml            KML: one Placemark per event with TimeSpan/TimeStamp, sources and quotes in its
//                   description and ExtendedData; with a story, a Google Earth gx:Tour (one
//                   gx:FlyTo per scene). Written here, XML-escaped (GDAL's KML writers cannot
//                   write tours);
//   .csv            CSV with ACLED's column names where the meaning is the same, through GDAL;
//   .gpkg           GeoPackage, through GDAL.
// An event without a point (a nationwide event, or one placed only in a country) travels with no
// geometry (null in GeoJSON, none in KML, empty latitude/longitude in CSV) and place_precision
// "country": a point would claim a precision the sources do not give.
// Every file is written atomically: a reader never sees half of it.
//
// GDAL is not linked here: the table below is handed to the GDAL module (core/import/gdal_module.hpp),
// loaded on first use, which writes it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/events/events.hpp"
#include "core/geo/geo_types.hpp"
#include "core/io/error.hpp"
#include "core/story/story.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

enum class DataFormat { GeoJson, Kml, Csv, GeoPackage };
// "GeoJSON", "KML", "CSV", "GeoPackage".
const char* dataFormatName(DataFormat format);
// The format a file's extension names (case-insensitive): .geojson or .json, .kml, .csv, .gpkg.
// BadArgument naming the file and the extensions understood otherwise.
Expected<DataFormat> dataFormatForPath(const std::string& path);

// A table of events as GDAL writes it: one layer, typed columns, a point or no geometry per row.
enum class DataColumnType { Text, TextList, Integer, Real, DateTime };
struct DataColumn {
    std::string name;
    DataColumnType type = DataColumnType::Text;
};
struct DataCell {
    bool null = true;
    std::string text;               // Text; a DateTime's ISO 8601 text
    std::vector<std::string> list;  // TextList
    long long integer = 0;
    double real = 0.0;
    CivilTime time;                 // DateTime: wall clock in `zone`
    ZoneOffset zone;
};
struct DataRow {
    std::optional<LonLat> point;  // none: the row has no geometry
    std::vector<DataCell> cells;  // one per column
    std::string nativeJson;       // GeoJSON: members written beside "properties" (JSON-FG "time")
};
struct DataTable {
    std::string driver;  // GDAL's short name: "GeoJSON", "CSV", "GPKG"
    std::string layer = "events";
    std::vector<std::string> layerOptions;  // "KEY=VALUE" layer creation options
    bool hasGeometry = true;                // false: a table without geometry (CSV: columns only)
    std::vector<DataColumn> columns;
    std::vector<DataRow> rows;
};

// The events `events` (indices into data.events, in that order) as a table for `format`
// (GeoJson, Csv or GeoPackage; docs/export-data.md lists the columns of each).
DataTable eventTable(const Dataset& data, const std::vector<std::size_t>& events, DataFormat format);

// The events as a KML document; with a story, also its tour (a gx:Tour after the placemarks).
std::string eventsKml(const Dataset& data, const std::vector<std::size_t>& events, const Story* story = nullptr,
                      const std::string& storyName = {});

// The distance from which Google Earth's camera (60° field of view, looking straight down) sees
// a height of `spanKm` kilometres, in metres: a story scene's framing as a KML LookAt range.
double lookAtRangeMeters(double spanKm);

// Writes `table` to `path` through the GDAL module (not atomic by itself: exportEventData writes
// to a temporary and renames). FileUnwritable or ImportUnavailable on failure. In gdal_loader.cpp.
Status writeDataTable(const DataTable& table, const std::string& path);

struct DataExportResult {
    DataFormat format = DataFormat::GeoJson;
    std::size_t events = 0;        // features written
    std::size_t withoutPoint = 0;  // of which with no geometry (country-level)
    std::size_t scenes = 0;        // gx:FlyTo written (KML with a story)
};

// Writes the events `events` of `data` to `path` in the format of its extension, atomically. A
// story is only for KML (BadArgument otherwise).
Expected<DataExportResult> exportEventData(const Dataset& data, const std::vector<std::size_t>& events,
                                           const std::string& path, const Story* story = nullptr,
                                           const std::string& storyName = {});

}  // namespace qantar::core
