#pragma once
// The event dataset (format "qantar-events", version 1; see docs/event-format.md): events with
// categories, UTC instants, precision, places, figures with who reported them, and the sources
// and exact quotes they come from.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/events/text.hpp"
#include "core/io/error.hpp"
#include "core/geo/geo_types.hpp"
#include "core/time/time.hpp"

namespace qantar::core {

enum class Category : std::uint8_t {
    Protest,
    Clash,
    LootingArson,
    Casualties,
    Arrests,
    Curfew,
    StateOfEmergency,
    InternetBlackout,
    CstoDeployment,
    AirportClosure,
    GovernmentAction,
    Mourning,
    Count
};
constexpr int kCategoryCount = static_cast<int>(Category::Count);

// The file's name for a category, e.g. "looting_arson".
const char* categoryId(Category c);
// A label for people, e.g. "Looting and arson".
const char* categoryLabel(Category c);
std::optional<Category> parseCategory(const std::string& id);

enum class FigureKind { Deaths, Injured, Arrests, Count };
constexpr int kFigureKindCount = static_cast<int>(FigureKind::Count);
const char* figureKindId(FigureKind k);  // "deaths", "injured", "arrests"

// One reported number, kept with who reported it.
struct Figure {
    FigureKind kind = FigureKind::Deaths;
    std::optional<long long> value;  // the number, when one is given
    std::optional<long long> min;    // lower bound, when the source gives one ("at least 2,000", "100 to 150")
    std::optional<long long> max;    // upper bound, when a range is given
    std::string qualifier;           // "exact", "about", "more than", "nearly", "at least", or a word: "dozens"
    std::string subject;             // "people", "protesters", "security forces", ...
    std::string reportedBy;          // "Ministry of Health", "the president", ...
    std::string asOf;                // ISO date the figure refers to
    Instant asOfInstant;             // start of that day, Almaty time
    bool asOfDayOnly = true;         // as_of names a day, not an hour: the report's hour is not known
    std::string source;              // source id
    std::string note;
    // What part of the whole the figure counts ("Almaty only", "this event"); empty for the whole
    // country. A partial count is a floor for the national total, never one of its bounds.
    std::string partial;
    // Set when the figure was withdrawn: from then on it is listed as withdrawn and counts for nothing.
    std::optional<std::string> withdrawnAsOf;  // ISO date
    Instant withdrawnInstant;                  // start of that day, Almaty time
    std::string withdrawnReason;

    long long lower() const { return min.value_or(value.value_or(0)); }
    long long upper() const { return max.value_or(value.value_or(lower())); }
    // A count of everyone, rather than of one group (protesters, police).
    bool isTotal() const { return subject.rfind("people", 0) == 0; }
    // A word instead of a number ("dozens", "hundreds", "thousands"): shown as the word, never as numbers.
    bool isVague() const;
    bool isWithdrawnAt(Instant t) const { return withdrawnAsOf && !(t < withdrawnInstant); }
};

// The words a source may give instead of a number.
bool isVagueQuantity(const std::string& qualifier);

struct SourceRef {
    Text source;  // source id
    Text quote;   // exact words from the article
};

struct Source {
    std::string id;
    std::string outlet;            // the credited outlet, as the article names it ("AFP")
    std::string headline, file;
    std::string written;           // ISO date: the last day the article can have been written
    std::string writtenReasoning;
    bool outletInferred = false;   // the article does not name the outlet
    std::string writtenEarliest;   // ISO date: the first day it can have been written; empty: `written` itself
    std::string publishedBy;       // who published the text, when not the outlet ("La Presse"); may be empty
    bool publishedByInferred = false;
    std::string copyNote;          // what the copy is: a translation, a republication, a byline

    // The article's date is a window of more than one day (see docs/event-format.md, "Undated articles").
    bool undated() const { return !writtenEarliest.empty() && writtenEarliest != written; }
};

struct EventPlace {
    Text name;                        // "Almaty", "Kazakhstan"
    std::optional<LonLat> lonLat;     // when the place is a point
    Text region;                      // ISO 3166-2 code, when known
    Text country;                     // ISO3, for places outside Kazakhstan
    bool nationwide = false;
};

// A curfew's nightly hours, local wall clock; from > to means it crosses midnight.
struct Recurrence {
    int fromMinutes = 0;
    int toMinutes = 0;
    std::vector<std::string> assumed;  // fields that are assumptions, not sourced: "daily_from", "daily_to"
    std::string assumptionNote;

    bool assumes(std::string_view field) const {
        for (const auto& a : assumed)
            if (a == field) return true;
        return false;
    }
};

enum class ConnectivityStatus : std::uint8_t { None, Full, Partial, Restored };  // internet_blackout "status"

// One event. Kept compact, since a dataset may hold a million (docs/performance.md): strings are
// interned Texts (8 bytes each, null when empty), the rare lists and the recurrence one pointer
// each (shared between copies until changed), members ordered so that none pads.
struct Event {
    Text id;
    Text title;
    Instant start;
    Instant end;                 // exclusive; == start for an instant
    EventPlace place;
    Text dateReasoning;
    Text datedByArticle;         // source id: the event has no date of its own there, only the article's writing
    Text placePrecision;         // "site", "city", "region", "country"
    Text placeNote;
    Text site;
    Text description;
    Text originalType;           // the type as the imported source named it, e.g. "Protests / Peaceful protest"
    SharedVec<Figure> figures;
    SharedVec<SourceRef> sources;
    Boxed<Recurrence> recurrence;
    std::optional<int> scale;    // 1..3
    ZoneOffset localZone;        // the offset written with `start`
    int geoPrecision = 0;        // ACLED geo_precision: 1 the named town, 2 near it, 3 a larger region; 0 not given
    Category category = Category::Protest;
    Precision precision = Precision::Exact;
    ConnectivityStatus status = ConnectivityStatus::None;
    bool hasEnd = false;
    std::optional<bool> violent;
};

// A disagreement between sources that the dataset keeps, as its `contradictions` section writes it.
struct Contradiction {
    struct Claim {
        std::string value;   // short text: "225 (official, about 10-16 Jan)"
        std::string source;  // source id
    };
    std::string topic;
    std::vector<Claim> claims;
    std::vector<std::string> eventIds;
    std::string note;
};

struct Dataset {
    std::string path;
    std::string title;
    Instant coverageStart, coverageEnd;
    std::vector<Source> sources;
    std::vector<Event> events;  // sorted by start, then id
    std::vector<Contradiction> contradictions;
    std::string attribution;  // credit the data's provider requires on every output, e.g. ACLED's; may be empty

    const Source* findSource(const std::string& id) const;
    const Event* findEvent(const std::string& id) const;
};

}  // namespace qantar::core
