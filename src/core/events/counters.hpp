#pragma once
// Running counters of deaths, injured and arrests "as reported up to the current time".
// Each reported figure counts from its as_of day (Almaty time). A counter is a range — the lowest
// and highest figure reported so far — never one silently chosen number, with every report and
// its source. Totals (subject "people") make the range; while only group figures (protesters,
// police) exist, the range is over those and marked partial. As time moves forward, reports are
// only ever added (none disappears) and the upper end never decreases.
#include <array>
#include <string>
#include <vector>

#include "core/events/events.hpp"

namespace qantar::core {

struct CounterReport {
    long long lower = 0, upper = 0;
    const Figure* figure = nullptr;  // points into the dataset
    const Event* event = nullptr;
};

struct Counter {
    bool any = false;       // at least one report so far
    bool partial = false;   // only group figures so far (no total yet)
    long long min = 0, max = 0;
    std::vector<CounterReport> reports;  // in as_of order
    std::vector<std::string> sources;    // distinct source ids, first-reported first
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

// "164–225", "at least 24", "2,000": the range as people read it.
std::string formatCount(long long n);
std::string formatRange(const Counter& c);

}  // namespace qantar::core
