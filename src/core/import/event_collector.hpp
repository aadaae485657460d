#pragma once
// What every importer shares (internal to core/import): collecting events with unique ids and
// their sources, counting and reporting rejected rows, and the text rules our format sets
// (ids, 60-character titles, quotes that are exact substrings of what the source said).
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/events/event_format.hpp"
#include "core/events/events.hpp"
#include "core/events/event_limits.hpp"
#include "core/import/import.hpp"

namespace qantar::core::importer {

// The event format's limits (core/events/event_limits.hpp, docs/event-format.md): imported text is
// cut to them, and years outside kMinEventYear..kMaxEventYear are refused.
constexpr std::size_t kMaxTitleChars = kMaxEventTitleChars;
constexpr std::size_t kMaxDescriptionChars = kMaxEventDescriptionChars;

// How rows are named in messages.
enum class RowKind {
    CsvRow,     // "row 7": as a spreadsheet shows it, the header being row 1
    Feature,    // "feature 7": the 7th feature of the layer
    Placemark,  // "placemark 7": the 7th placemark of a KML document
};

class EventCollector {
public:
    EventCollector(std::string label, RowKind rows);

    // "acled.csv:row 7"
    std::string where(std::size_t row) const;
    // Counts a row that could not be used; keeps the first kMaxImportProblems messages.
    void reject(std::size_t row, const std::string& what);
    // Notes a caveat on a row that was imported.
    void warn(std::size_t row, const std::string& what);
    void countRead() { ++m_report.rowsRead; }

    // CSV rows with a NUL byte in a cell (VectorSource::nulCells): such a row is rejected naming the field.
    void setNulCells(std::map<std::size_t, std::string> cells) { m_nulCells = std::move(cells); }
    // True (and the row rejected) when `row` has a NUL byte in a cell.
    bool rejectedForNul(std::size_t row);

    // `text` cut to `maxChars` code points (the last being "…") when longer, counted in
    // textsShortened and noted as a warning naming `field`.
    std::string limitText(std::size_t row, const std::string& field, std::string text,
                          std::size_t maxChars = kMaxDescriptionChars);

    // Why an event from `start` to `end` (in `zone`) is outside the years the format accepts; empty when inside.
    static std::optional<std::string> yearProblem(Instant start, Instant end, ZoneOffset zone);

    // An id matching ^[a-z0-9]+(-[a-z0-9]+)*$ built from `wanted` (or `fallback` when nothing
    // usable is left), made unique by a numeric suffix.
    std::string uniqueId(std::string_view wanted, std::string_view fallback);
    // The id of the source with this outlet text, created from `prototype` (outlet filled in) on
    // first use; `idPrefix` starts the new id ("acled-outlet").
    std::string sourceForOutlet(const std::string& outlet, const Source& prototype, std::string_view idPrefix);
    // Adds a source with a fixed id, once.
    void addSource(const Source& source);

    // Adds an imported event. `openEnd`: its end is closed at the end of the imported data.
    // With a spill (setSpill), an event without an open end is handed to it and not kept.
    void add(Event event, bool openEnd = false);
    void setSpill(std::function<void(const Event&)> spill) { m_spill = std::move(spill); }

    // The dataset: events sorted as parseDataset sorts them, coverage from the first start to the
    // last end, open ends closed.
    Dataset finish(const std::string& title, const std::string& attribution);

    ImportReport& report() { return m_report; }
    std::size_t eventCount() const { return m_report.rowsImported; }
    const std::string& label() const { return m_label; }
    RowKind rowKind() const { return m_rows; }

private:
    std::string m_label;
    RowKind m_rows;
    ImportReport m_report;
    std::vector<Event> m_events;
    std::vector<std::size_t> m_openEnds;
    std::function<void(const Event&)> m_spill;
    bool m_any = false;
    Instant m_first{0}, m_last{0};  // the earliest start and latest end of all events added
    std::set<std::string> m_ids;
    std::vector<Source> m_sources;
    std::set<std::string> m_sourceIds;
    std::map<std::string, std::string> m_outletIds;
    std::map<std::size_t, std::string> m_nulCells;
};

// `text` when it has at most `maxChars` code points; else its first maxChars - 1 code points and
// "…" (cut at a character boundary).
std::string cutText(std::string text, std::size_t maxChars, bool* cut = nullptr);

// A decimal number as written in data: [+-]digits[.digits][e[+-]digits] (no hex, inf or nan,
// which strtod would take), finite; empty otherwise.
std::optional<double> parseDecimal(std::string_view text);

// At most `maxChars` characters (UTF-8 code points), whitespace runs folded into one space,
// ending in "…" when cut.
std::string shortTitle(std::string_view text, std::size_t maxChars = 60);
// The start of `text` (at most about 200 characters, cut at a word), an exact substring of it.
std::string quoteFrom(std::string_view text);
// Trimmed of surrounding whitespace.
std::string trimmed(std::string_view text);
std::string lowerAscii(std::string_view text);

// ACLED's event_type / sub_event_type as our category (docs/import.md has the table).
Category categoryForAcledType(const std::string& eventType, const std::string& subEventType);
// A category named in a generic source: our ids ("looting_arson"), our labels ("Looting and
// arson") or ACLED's event types ("Riots"); empty when unrecognised.
std::optional<Category> categoryFromText(const std::string& text);
// One of ACLED's six event types ("Protests", "Riots", ...), ignoring case.
bool isAcledEventType(const std::string& text);

// The January 2022 region (ISO 3166-2) for an admin-1 name as ACLED and gazetteers spell it
// ("Mangystau", "Mangghystau", "Almaty City", "Nur-Sultan", ...); regions created after January
// 2022 map to the region they were part of then (Abai → KZ-VOS, Jetisu → KZ-ALM, Ulytau → KZ-KAR).
// Empty when unknown.
std::string regionForAdmin1(const std::string& admin1);

}  // namespace qantar::core::importer
