#pragma once
// ACLED exports (internal to core/import): recognised by their column names, mapped by name, never
// by position, since the column set and order changed over the years (REFERENCE.md 3.1).
#include <optional>
#include <string>
#include <vector>

#include "core/io/error.hpp"
#include "core/import/event_collector.hpp"
#include "core/import/ogr_source.hpp"

namespace qantar::core::importer {

// Field indices of an ACLED layer; -1 for a column the file lacks.
struct AcledColumns {
    int eventId = -1, eventDate = -1, timePrecision = -1, eventType = -1, subEventType = -1;
    int actor1 = -1, actor2 = -1, iso = -1, iso3 = -1, country = -1, admin1 = -1, admin2 = -1;
    int location = -1, latitude = -1, longitude = -1, geoPrecision = -1, source = -1, notes = -1, fatalities = -1;
    bool pre2023 = false;  // carries event_id_no_cnty / data_id / iso3, removed on 20 March 2023
};

// Empty when the fields are not an ACLED export's; MissingProperty when they look like one
// (event_id_cnty or event_date with event_type) but lack columns the import needs.
std::optional<Expected<AcledColumns>> detectAcled(const std::vector<FieldInfo>& fields, const std::string& label);

// The credit lines ACLED's terms ask for; the first is the dataset's `attribution`.
std::vector<std::string> acledAttribution();

// Imports every row of `layer` into `out`. Returns the description for ImportReport::detected,
// e.g. "ACLED CSV (current columns), dates like '05 January 2022'".
std::string importAcledLayer(OGRLayer& layer, const AcledColumns& columns, const std::string& driver,
                             const std::string& fileName, EventCollector& out);

}  // namespace qantar::core::importer
