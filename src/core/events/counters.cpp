#include "core/events/counters.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace qantar::core {

namespace {

constexpr const char* kDash = "\xE2\x80\x93";

ReportRole roleAt(const Figure& f, Instant t) {
    if (f.isWithdrawnAt(t)) return ReportRole::Withdrawn;
    if (f.isVague()) return ReportRole::Word;
    if (!f.partial.empty()) return ReportRole::Partial;
    return f.isTotal() ? ReportRole::Total : ReportRole::Group;
}

// "2022-01-08" → "8 Jan"; anything else as written.
std::string shortDay(const std::string& iso) {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return iso;
    const int month = (iso[5] - '0') * 10 + (iso[6] - '0');
    const int day = (iso[8] - '0') * 10 + (iso[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
    return std::to_string(day) + " " + kMonths[month - 1] + (iso.size() > 10 ? iso.substr(10) : std::string());
}

}  // namespace

const char* reportRoleId(ReportRole r) {
    switch (r) {
        case ReportRole::Total: return "total";
        case ReportRole::Group: return "group";
        case ReportRole::Partial: return "partial";
        case ReportRole::Word: return "word";
        case ReportRole::Withdrawn: return "withdrawn";
    }
    return "?";
}

CounterIndex::CounterIndex(const Dataset& data) {
    for (const Event& e : data.events) {
        for (const Figure& f : e.figures) {
            CounterReport r;
            r.lower = f.lower();
            r.upper = f.upper();
            r.figure = &f;
            r.event = &e;
            m_reports.push_back(r);
        }
    }
    std::stable_sort(m_reports.begin(), m_reports.end(), [](const CounterReport& a, const CounterReport& b) {
        return a.figure->asOfInstant < b.figure->asOfInstant;
    });
}

Counters CounterIndex::at(Instant t) const {
    Counters out;
    const auto end = std::upper_bound(m_reports.begin(), m_reports.end(), t, [](Instant x, const CounterReport& r) {
        return x < r.figure->asOfInstant;
    });
    for (auto it = m_reports.begin(); it != end; ++it) {
        Counter& c = out.byKind[static_cast<std::size_t>(it->figure->kind)];
        CounterReport r = *it;
        r.role = roleAt(*r.figure, t);
        c.reports.push_back(r);
        c.any = true;
        if (std::find(c.sources.begin(), c.sources.end(), r.figure->source) == c.sources.end()) {
            c.sources.push_back(r.figure->source);
        }
    }
    for (Counter& c : out.byKind) {
        // Disjoint groups of one report: one event, one source, one as_of, different subjects.
        std::map<std::tuple<const Event*, std::string, std::string>, std::vector<int>> byReport;
        for (int i = 0; i < static_cast<int>(c.reports.size()); ++i) {
            const CounterReport& r = c.reports[i];
            if (r.role == ReportRole::Group) byReport[{r.event, r.figure->source, r.figure->asOf}].push_back(i);
        }
        for (auto& [key, parts] : byReport) {
            if (parts.size() < 2) continue;
            bool distinct = true;
            for (std::size_t a = 0; a < parts.size() && distinct; ++a)
                for (std::size_t b = a + 1; b < parts.size() && distinct; ++b)
                    distinct = c.reports[parts[a]].figure->subject != c.reports[parts[b]].figure->subject;
            if (!distinct) continue;
            GroupSum s;
            for (int i : parts) {
                s.lower += c.reports[i].lower;
                s.upper += c.reports[i].upper;
                c.reports[i].sum = static_cast<int>(c.sums.size());
            }
            s.parts = parts;
            c.sums.push_back(std::move(s));
        }

        bool haveTotal = false, haveFloor = false, haveWord = false;
        long long floor = 0;
        for (int i = 0; i < static_cast<int>(c.reports.size()); ++i) {
            const CounterReport& r = c.reports[i];
            switch (r.role) {
                case ReportRole::Withdrawn: ++c.withdrawn; continue;
                case ReportRole::Word: haveWord = true; break;
                case ReportRole::Total:
                    if (!haveTotal) {
                        c.min = r.lower;
                        c.max = r.upper;
                    } else {
                        c.min = std::min(c.min, r.lower);
                        c.max = std::max(c.max, r.upper);
                    }
                    haveTotal = true;
                    break;
                case ReportRole::Group:
                case ReportRole::Partial:
                    if (r.sum >= 0) break;
                    if (!haveFloor || r.lower > floor) {
                        floor = r.lower;
                        c.floorReport = i;
                        c.floorSum = -1;
                    }
                    haveFloor = true;
                    break;
            }
            if (r.figure->asOfDayOnly && !(t < r.figure->asOfInstant) && t < r.figure->asOfInstant + Duration::days(1)) {
                c.hourUnknown = true;
            }
        }
        for (int s = 0; s < static_cast<int>(c.sums.size()); ++s) {
            if (!haveFloor || c.sums[s].lower > floor) {
                floor = c.sums[s].lower;
                c.floorSum = s;
                c.floorReport = -1;
            }
            haveFloor = true;
        }
        if (haveTotal) {
            c.basis = CounterBasis::Totals;
        } else if (haveFloor) {
            c.basis = CounterBasis::Floor;
            c.min = c.max = floor;
        } else if (haveWord) {
            c.basis = CounterBasis::Words;
        }
    }
    return out;
}

std::string formatCount(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return n < 0 ? "-" + out : out;
}

std::string figureAmount(const Figure& f) {
    if (f.isVague()) return f.qualifier;
    std::string n;
    if (f.min && f.max && *f.min != *f.max) n = formatCount(*f.min) + kDash + formatCount(*f.max);
    else n = formatCount(f.lower());
    if (f.qualifier.empty() || f.qualifier == "exact") return n;
    return f.qualifier + " " + n;
}

std::string figureText(const Figure& f) {
    const std::string subject = f.subject.empty() ? std::string("people") : f.subject;
    std::string s = figureAmount(f) + (f.isVague() ? " of " : " ") + subject;
    if (!f.partial.empty()) s += " (" + f.partial + ")";
    return s;
}

std::string formatRange(const Counter& c) {
    switch (c.basis) {
        case CounterBasis::None: return c.any ? "none standing" : "none reported";
        case CounterBasis::Totals: {
            if (c.min != c.max) return formatCount(c.min) + kDash + formatCount(c.max);
            // One value: say it as the sources do when they all say it the same way.
            std::string amount;
            for (const auto& r : c.reports) {
                if (r.role != ReportRole::Total) continue;
                const std::string a = figureAmount(*r.figure);
                if (amount.empty()) amount = a;
                else if (a != amount) return formatCount(c.min);
            }
            return amount.empty() ? formatCount(c.min) : amount;
        }
        case CounterBasis::Floor: return "at least " + formatCount(c.min);
        case CounterBasis::Words: {
            std::string words;
            for (const auto& r : c.reports) {
                if (r.role != ReportRole::Word) continue;
                const std::string w = figureText(*r.figure);
                if (words.find(w) == std::string::npos) words += (words.empty() ? "" : ", ") + w;
            }
            return words;
        }
    }
    return "?";
}

std::string floorBasis(const Counter& c) {
    if (c.basis != CounterBasis::Floor) return {};
    if (c.floorSum >= 0) {
        std::string s;
        for (int i : c.sums[c.floorSum].parts) s += (s.empty() ? "" : " + ") + figureText(*c.reports[i].figure);
        return s;
    }
    if (c.floorReport >= 0) return figureText(*c.reports[c.floorReport].figure);
    return {};
}

std::string reportLine(const Counter& c, const CounterReport& r, const Dataset& data) {
    const Figure& f = *r.figure;
    const Source* src = data.findSource(f.source);
    std::string s = figureText(f) + "  \xC2\xB7  " + (f.reportedBy.empty() ? std::string("not said who") : f.reportedBy) +
                    "  \xC2\xB7  " + (src ? src->outlet : f.source) + ", as of " + shortDay(f.asOf);
    switch (r.role) {
        case ReportRole::Withdrawn:
            s += "  \xC2\xB7  WITHDRAWN " + shortDay(f.withdrawnAsOf.value_or("")) +
                 (f.withdrawnReason.empty() ? std::string() : " (" + f.withdrawnReason + ")") + ": not counted";
            break;
        case ReportRole::Partial: s += "  \xC2\xB7  a partial count: a floor, not a national total"; break;
        case ReportRole::Word: s += "  \xC2\xB7  a word, not a number: not in the range"; break;
        case ReportRole::Group:
            if (r.sum >= 0) {
                const GroupSum& g = c.sums[r.sum];
                s += "  \xC2\xB7  with the other groups of this report: " +
                     (g.lower == g.upper ? formatCount(g.lower) : formatCount(g.lower) + kDash + formatCount(g.upper));
            } else {
                s += "  \xC2\xB7  one group only: a floor";
            }
            break;
        case ReportRole::Total: break;
    }
    return s;
}

}  // namespace qantar::core
