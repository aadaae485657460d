#pragma once
// KML times for GDAL's plain KML driver (internal to core/import). Unlike LIBKML, that driver does
// not expose TimeStamp/TimeSpan, so they are read from the document with GDAL's XML reader
// (CPLParseXMLFile; KMZ through /vsizip/) and matched to the driver's features by order and name.
#include <cstdint>
#include <string>
#include <vector>

namespace qantar::core::importer {

// The largest KML document read (uncompressed: inside a KMZ, the entry's size). Larger ones are
// refused before any driver or XML reader reads them (a small KMZ can inflate to gigabytes).
constexpr std::uint64_t kMaxKmlDocumentBytes = 256ull * 1024 * 1024;

struct KmlPlacemarkTime {
    std::string name;              // <name>, trimmed
    std::string when, begin, end;  // TimeStamp/when, TimeSpan/begin and /end as written; empty when absent
};

// The KML document inside a KMZ archive as a GDAL /vsizip/ path (doc.kml by convention, else the
// first .kml entry); empty when there is none.
std::string kmlInsideKmz(const std::string& kmzPath);

// The document's placemarks in document order (a .kmz is looked into). Empty when it cannot be read
// or is larger than kMaxKmlDocumentBytes (read at most that far, whatever the archive claims).
std::vector<KmlPlacemarkTime> readKmlPlacemarkTimes(const std::string& path);

}  // namespace qantar::core::importer
