#pragma once
// Any OGR layer of point features with a time (internal to core/import): GeoJSON with JSON-FG
// "time" or "when" members or time properties, KML placemarks, GeoPackage, Shapefile, PostGIS, CSV
// with lon/lat columns. Detection order and field names are listed in docs/import.md.
#include <string>
#include <vector>

#include "core/io/error.hpp"
#include "core/import/event_collector.hpp"
#include "core/import/import.hpp"
#include "core/import/ogr_source.hpp"

namespace qantar::core::importer {

// What was read from a layer.
struct LayerResult {
    std::string detected;        // e.g. "GeoJSON, JSON-FG \"time\""
    std::size_t withoutTime = 0;  // rows rejected only because they had no time value
};

// Imports the features of `layer`; `firstRow` is the number of the layer's first feature in
// messages (KML folders are counted as one document). Fails before reading any feature when the
// layer has no time (MissingProperty, listing the candidate fields) or no position.
Expected<LayerResult> importFeatureLayer(OGRLayer& layer, VectorSource& source, const ImportOptions& options,
                                         std::size_t firstRow, EventCollector& out);

}  // namespace qantar::core::importer
