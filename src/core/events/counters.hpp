#pragma once
// Running counters of deaths, injured and arrests "as reported up to the current time".
// Each reported figure counts from its as_of day (Almaty time). The rules that make a counter:
// - Totals (subject "people", whole country) make its range: the lowest and the highest total
//   reported so far, never one silently chosen number.
// - Groups (protesters, police) are parts of the total. The disjoint groups one report gives
//   (one event, one source, one as_of: 26 protesters and 18 police officers) add up (44); the
//   result is a floor, "at least 44", shown while no total has been reported.
// - A partial count (one city, one event) is a floor too, never a bound of the national total,
//   so an imported per-event figure can never lower a national one.
// - Words ("dozens", "hundreds") stay words: never drawn as numbers, never in a range.
// - A withdrawn figure is listed as withdrawn from its withdrawal day and counts for nothing.
// As time moves forward reports are only ever added, and every report stays listed with its source.
#include <array>
#include <string>
#include <vector>

#include "core/events/events.hpp"

namespace qantar::core {

// What a report is to its counter at a moment.
enum class ReportRole {
    Total,      // a national total: in the range
    Group,      // one group (protesters, police): a floor, added up with its report's other groups
    Partial,    // a count of one place or event: a floor
    Word,       // "dozens": shown as the word
    Withdrawn,  // withdrawn by then: listed, counts for nothing
};

struct CounterReport {
    long long lower = 0, upper = 0;
    const Figure* figure = nullptr;  // points into the dataset
    const Event* event = nullptr;
    ReportRole role = ReportRole::Total;
    int sum = -1;  // index into Counter::sums when the report is a part of one
};

// The disjoint groups of one report, added up.
struct GroupSum {
    long long lower = 0, upper = 0;
    std::vector<int> parts;  // indices into Counter::reports
};

enum class CounterBasis {
    None,    // no standing report (nothing yet, or only withdrawn ones)
    Totals,  // the range of reported totals
    Floor,   // no total yet: at least the largest group sum, group or partial count
    Words,   // only words so far ("dozens")
};

struct Counter {
    bool any = false;  // at least one report so far, withdrawn ones included
    CounterBasis basis = CounterBasis::None;
    long long min = 0, max = 0;  // Totals: lowest and highest total; Floor: the floor (min == max)
    int floorReport = -1;        // Floor: the report (index into reports) that gives it, or -1 for a sum
    int floorSum = -1;           // Floor: the sum (index into sums) that gives it
    int withdrawn = 0;           // reports withdrawn by now
    bool hourUnknown = false;    // a standing report dated only by the current day: its hour is not known
    std::vector<CounterReport> reports;  // in as_of order
    std::vector<GroupSum> sums;
    std::vector<std::string> sources;  // distinct source ids, first-reported first
};

struct Counters {
    std::array<Counter, kFigureKindCount> byKind;
    const Counter& operator[](FigureKind k) const { return byKind[static_cast<std::size_t>(k)]; }
};

// Figures sorted by as_of once, so each query is a binary search plus the reports it returns.
class CounterIndex {
public:
    CounterIndex() = default;
    explicit CounterIndex(const Dataset& data);  // keeps pointers into `data`
    Counters at(Instant t) const;

private:
    std::vector<CounterReport> m_reports;  // sorted by as_of
};

// "2,000"
std::string formatCount(long long n);
// How the source gave the number: "about 164", "more than 160", "100–150", "dozens".
std::string figureAmount(const Figure& f);
// The figure as people read it: "about 164 people", "26 protesters", "dozens of protesters".
std::string figureText(const Figure& f);
// The counter's headline: "164–225", "about 164", "at least 44", "dozens", "none reported".
std::string formatRange(const Counter& c);
// What the floor is made of: "26 protesters + 18 police officers", "about 2,000 people (Almaty only)".
std::string floorBasis(const Counter& c);
// One line per report for a tooltip or `qantar state`: what, who, which outlet, as of when, and
// what the counter makes of it (withdrawn, a partial count, a word, part of a sum).
std::string reportLine(const Counter& c, const CounterReport& r, const Dataset& data);
// "Internet"-style display names of the roles, for `qantar state --json`.
const char* reportRoleId(ReportRole r);

}  // namespace qantar::core
