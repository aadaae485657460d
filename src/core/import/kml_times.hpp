#pragma once
// KML times for GDAL's plain KML driver (internal to core/import). Unlike LIBKML, that driver does
// not expose TimeStamp/TimeSpan, so they are read from the document with GDAL's XML reader
// (CPLParseXMLFile; KMZ through /vsizip/) and matched to the driver's features by order and name.
#include <string>
#include <vector>

namespace qantar::core::importer {

struct KmlPlacemarkTime {
    std::string name;              // <name>, trimmed
    std::string when, begin, end;  // TimeStamp/when, TimeSpan/begin and /end as written; empty when absent
};

// The KML document inside a KMZ archive as a GDAL /vsizip/ path (doc.kml by convention, else the
// first .kml entry); empty when there is none.
std::string kmlInsideKmz(const std::string& kmzPath);

// The document's placemarks in document order (a .kmz is looked into). Empty when it cannot be read.
std::vector<KmlPlacemarkTime> readKmlPlacemarkTimes(const std::string& path);

}  // namespace qantar::core::importer
