#pragma once
// Bringing your own data: events and boundary layers from other formats, read through GDAL/OGR
// (no hand-written CSV, KML or Shapefile parsing). What is recognised and how fields map is in
// docs/import.md:
//   - ACLED CSV exports (current and pre-2023 column sets, mapped by header name);
//   - GeoJSON FeatureCollections with time in JSON-FG "time", "when", or properties such as
//     start/end, begin/end, time, timestamp (ISO strings or Unix seconds/milliseconds);
//   - KML/KMZ placemarks with TimeStamp/TimeSpan (GDAL's LIBKML driver, or its KML driver);
//   - any other OGR vector source with points and a time field: GeoPackage, Shapefile, CSV with
//     lon/lat columns, PostGIS through a "PG:..." connection string, ...
// Bad input never crashes: every failure is an Error naming the source and what is wrong.
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/io/error.hpp"
#include "core/events/event_format.hpp"
#include "core/events/events.hpp"
#include "core/geo/geo_types.hpp"
#include "core/geo/geojson.hpp"

namespace qantar::core {

// Overrides for detection; an empty string means "detect".
struct ImportOptions {
    std::string layer;      // layer (table, KML folder) to read; needed when a source has several
    std::string sql;        // an SQL query whose result is read instead of a layer (the source's own dialect)
    std::string timeField;  // field holding the start (or only) time
    std::string endField;   // field holding the end time
    std::string nameField;  // importBoundaries: field holding each boundary's name
    // importEvents: when set, each event is handed to this as soon as its row is converted, and is
    // not kept in the returned Dataset (which then holds only the events whose end was open, ".."
    // in the source: their end is known only at the end of the data). For a caller that writes
    // events out as they come (`qantar import`), so a million rows are never held at once.
    std::function<void(const Event&)> spill;
};

constexpr std::size_t kMaxImportProblems = 10;

// What an import found. Row numbers in messages: CSV rows as a spreadsheet shows them (the header
// is row 1), other sources "feature N" counting from 1 in the layer's order.
struct ImportReport {
    std::string detected;  // e.g. "ACLED CSV (current columns), dates like '05 January 2022'"
    std::size_t rowsRead = 0, rowsImported = 0, rowsRejected = 0;
    // The first kMaxImportProblems rows that could not be used, e.g.
    // "acled.csv:row 7: field 'latitude': missing"; rowsRejected counts all of them.
    std::vector<std::string> problems;
    // The first kMaxImportProblems rows that were imported with a caveat (a value ignored or assumed).
    std::vector<std::string> warnings;
    std::size_t warningCount = 0;
    // Texts (descriptions, place names, outlets, ...) longer than the event format allows, cut
    // to its limit at a character boundary and ended with "…"; each is also a warning.
    std::size_t textsShortened = 0;
    // Credit lines the data's provider requires (ACLED's); empty for sources without such terms.
    std::vector<std::string> attribution;
};

// Reads events from `source`: a file path or any OGR connection string, such as
// "PG:host=127.0.0.1 port=5433 dbname=x user=y" (with options.layer or options.sql). Every event
// produced passes parseDataset's checks. Fails (with the candidate fields listed when no time
// field is found) when the source cannot be opened, is not understood, or no row can be used.
Expected<std::pair<Dataset, ImportReport>> importEvents(const std::string& source, const ImportOptions& options = {});

// A field of a source, for a field picker: its name and GDAL type ("String", "DateTime", "Real", ...).
struct ImportField {
    std::string name;
    std::string type;
};

// The fields of the layer(s) importEvents would read with these options, in order, each once.
Expected<std::vector<ImportField>> listImportFields(const std::string& source, const ImportOptions& options = {});

// A ring of WGS 84 points; the first point is not repeated at the end.
using LonLatRing = std::vector<LonLat>;

// A polygon in WGS 84: outer ring first, then holes.
// LonLatPolygon (outer ring, then holes) is shared with the GeoJSON reader (core/geojson.hpp).

// One named area of a custom boundary layer (a (multi)polygon feature).
struct Boundary {
    std::string name;
    std::vector<LonLatPolygon> polygons;
};

// Reads the polygons of a boundary layer (GeoJSON, Shapefile, GeoPackage, any OGR source),
// reprojected to WGS 84, each with a name from options.nameField or a detected field (name,
// NAME_1, shapeName, ...). Features without polygons are skipped; an error when there are none.
Expected<std::vector<Boundary>> importBoundaries(const std::string& source, const ImportOptions& options = {});

// `source` as it may be shown in a message, a dialog or a file: every credential in it replaced by
// *** (core/import/credentials.hpp lists the forms; PG: strings are read by libpq). When the GDAL
// module cannot be loaded, a PG: string is shown as its prefix only.
std::string displayImportSource(const std::string& source);

}  // namespace qantar::core
