#pragma once
// Opening events from a file or a database, and merging them into what is loaded: the rules the
// window's Open dialog, a file dropped on the window and `--import` share.
#include <string>
#include <vector>

#include "core/events/events.hpp"
#include "core/io/error.hpp"

namespace qantar::core {

struct EventSourceRequest {
    std::string source;              // a path, or an OGR connection string ("PG:host=... dbname=...")
    std::string layer;               // layer or table; empty: detect
    std::string timeField, endField; // empty: detect
};

struct OpenedEvents {
    Dataset dataset;
    // One paragraph for the user: what was read, how many rows were used, the first rows that
    // could not be, and the credit the data's provider requires.
    std::string report;
    bool ownFormat = false;          // a qantar event file (which can be reopened at the next start)
};

// Reads `request.source`: our own format when it is one, else through the GDAL importers. The
// error's kind says what went wrong (ImportNoTime: no time field could be detected, so the
// caller offers the fields to choose from).
Expected<OpenedEvents> openEventSource(const EventSourceRequest& request);

// `add` merged into `base`: sources appended unless already there, events appended with ids made
// unique ("-2", "-3", ...), kept sorted by start then id, coverage widened, attribution joined.
Dataset mergeDatasets(Dataset base, Dataset add);

}  // namespace qantar::core
