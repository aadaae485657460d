#pragma once
// The event file format ("qantar-events", version 1; see docs/event-format.md): reading with
// validation, and writing. The model itself is in events.hpp.
#include <optional>
#include <string>
#include <vector>

#include "core/events/events.hpp"
#include "core/io/error.hpp"

namespace qantar::core {

// Loading never throws: problems are collected, each naming file, line and field:
//   "events.json:142: event 'almaty-protests': field 'start': expected ISO-8601 time, ..."
struct DatasetLoad {
    std::optional<Dataset> dataset;  // present when there were no problems
    std::vector<Error> problems;     // at most kMaxProblems, in file order
    std::size_t problemCount = 0;    // all problems found, including those not kept
    static constexpr std::size_t kMaxProblems = 50;
};

DatasetLoad parseDataset(const std::string& text, const std::string& path);
DatasetLoad loadDataset(const std::string& path);

// The dataset as pretty-printed JSON in the documented format, fields in the documented order;
// parseDataset reads it back to an equal dataset. Times are written in each event's local zone.
std::string serializeDataset(const Dataset& dataset);

// The whole load as one Expected: the first problem (with a count of the rest) on failure.
Expected<Dataset> loadDatasetOrError(const std::string& path);

}  // namespace qantar::core
