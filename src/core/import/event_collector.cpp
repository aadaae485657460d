#include "core/import/event_collector.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "core/import/ogr_source.hpp"

namespace qantar::core::importer {

namespace {

constexpr std::size_t kMaxIdChars = 60;
constexpr std::size_t kQuoteChars = 200;

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

std::string foldSpaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace

EventCollector::EventCollector(std::string label, RowKind rows) : m_label(std::move(label)), m_rows(rows) {}

std::string EventCollector::where(std::size_t row) const {
    const char* noun = m_rows == RowKind::CsvRow ? "row" : m_rows == RowKind::Placemark ? "placemark" : "feature";
    return m_label + ":" + noun + " " + std::to_string(row);
}

void EventCollector::reject(std::size_t row, const std::string& what) {
    ++m_report.rowsRejected;
    if (m_report.problems.size() < kMaxImportProblems) m_report.problems.push_back(where(row) + ": " + what);
}

bool EventCollector::rejectedForNul(std::size_t row) {
    auto it = m_nulCells.find(row);
    if (it == m_nulCells.end()) return false;
    reject(row, "field '" + printable(it->second, 40) +
                    "': holds a NUL byte (\\x00), which ends a CSV cell's text early; remove the NUL bytes from the file");
    return true;
}

std::string EventCollector::limitText(std::size_t row, const std::string& field, std::string text, std::size_t maxChars) {
    bool cut = false;
    std::string out = cutText(std::move(text), maxChars, &cut);
    if (cut) {
        ++m_report.textsShortened;
        warn(row, "field '" + printable(field, 40) + "': longer than " + std::to_string(maxChars) +
                      " characters, cut to " + std::to_string(maxChars) + " (ending in \u2026)");
    }
    return out;
}

std::optional<std::string> EventCollector::yearProblem(Instant start, Instant end, ZoneOffset zone) {
    for (const Instant t : {start, end}) {
        const int year = toCivil(t, zone).year;
        if (year < kMinEventYear || year > kMaxEventYear) {
            return "the year " + std::to_string(year) + " is outside " + std::to_string(kMinEventYear) + ".." +
                   std::to_string(kMaxEventYear) + ", the years an event file accepts";
        }
    }
    return std::nullopt;
}

void EventCollector::warn(std::size_t row, const std::string& what) {
    ++m_report.warningCount;
    if (m_report.warnings.size() < kMaxImportProblems) m_report.warnings.push_back(where(row) + ": " + what);
}

std::string EventCollector::uniqueId(std::string_view wanted, std::string_view fallback) {
    auto slug = [](std::string_view s) {
        std::string out;
        for (char c : s) {
            const auto u = static_cast<unsigned char>(c);
            if (std::isalnum(u) && u < 0x80) {
                out += static_cast<char>(std::tolower(u));
            } else if (!out.empty() && out.back() != '-') {
                out += '-';
            }
            if (out.size() >= kMaxIdChars) break;
        }
        while (!out.empty() && out.back() == '-') out.pop_back();
        return out;
    };
    std::string base = slug(wanted);
    if (base.empty()) base = slug(fallback);
    if (base.empty()) base = "event";
    std::string id = base;
    for (int n = 2; m_ids.count(id); ++n) id = base + "-" + std::to_string(n);
    m_ids.insert(id);
    return id;
}

void EventCollector::addSource(const Source& source) {
    if (m_sourceIds.insert(source.id).second) m_sources.push_back(source);
}

std::string EventCollector::sourceForOutlet(const std::string& outlet, const Source& prototype,
                                            std::string_view idPrefix) {
    auto it = m_outletIds.find(outlet);
    if (it != m_outletIds.end()) return it->second;
    std::string id = std::string(idPrefix) + "-" + std::to_string(m_outletIds.size() + 1);
    while (m_sourceIds.count(id)) id += "x";
    Source s = prototype;
    s.id = id;
    s.outlet = outlet;
    addSource(s);
    m_outletIds.emplace(outlet, id);
    return id;
}

void EventCollector::add(Event event, bool openEnd) {
    const Instant end = event.hasEnd ? event.end : event.start;
    if (!m_any || event.start < m_first) m_first = event.start;
    if (!m_any || end > m_last) m_last = end;
    m_any = true;
    ++m_report.rowsImported;
    if (m_spill && !openEnd) {
        m_spill(event);
        return;
    }
    if (openEnd) m_openEnds.push_back(m_events.size());
    m_events.push_back(std::move(event));
}

Dataset EventCollector::finish(const std::string& title, const std::string& attribution) {
    Dataset ds;
    ds.title = title;
    ds.attribution = attribution;
    const Instant first = m_first;
    Instant last = m_last;
    // An open end ("..") runs to the end of the imported data, and at least a day, so it is visible.
    for (std::size_t i : m_openEnds) {
        Event& e = m_events[i];
        e.end = std::max(last, e.start + Duration::days(1));
        if (e.end > last) last = e.end;
    }
    ds.coverageStart = first;
    ds.coverageEnd = last > first ? last : first + Duration::days(1);
    ds.sources = m_sources;
    // Sorted through an index and put in place by swaps: a stable_sort of the events themselves
    // would allocate a buffer of half of them.
    std::vector<std::size_t> order(m_events.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Event& x = m_events[a];
        const Event& y = m_events[b];
        return x.start != y.start ? x.start < y.start : x.id < y.id;
    });
    // order[i] is the event that belongs at i; follow each cycle once.
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == i || order[i] == static_cast<std::size_t>(-1)) continue;
        std::size_t at = i;
        Event held = std::move(m_events[i]);
        while (order[at] != i) {
            const std::size_t next = order[at];
            m_events[at] = std::move(m_events[next]);
            order[at] = static_cast<std::size_t>(-1);
            at = next;
        }
        m_events[at] = std::move(held);
        order[at] = static_cast<std::size_t>(-1);
    }
    ds.events = std::move(m_events);
    m_events.clear();
    m_openEnds.clear();
    return ds;
}

std::string trimmed(std::string_view text) {
    std::size_t a = 0, b = text.size();
    while (a < b && std::isspace(static_cast<unsigned char>(text[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(text[b - 1]))) --b;
    return std::string(text.substr(a, b - a));
}

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string shortTitle(std::string_view text, std::size_t maxChars) {
    const std::string folded = foldSpaces(text);
    std::size_t chars = 0, cut = std::string::npos, keep = 0;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (isContinuation(folded[i])) continue;
        ++chars;
        if (chars == maxChars) keep = i;  // the byte where the last kept character would start
        if (chars > maxChars) {
            cut = keep;
            break;
        }
    }
    if (cut == std::string::npos) return folded;
    std::string out = folded.substr(0, cut);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\xE2\x80\xA6";  // "…"
}

std::string cutText(std::string text, std::size_t maxChars, bool* cut) {
    if (cut) *cut = false;
    if (maxChars == 0) return {};
    std::size_t chars = 0, keepBytes = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isContinuation(text[i])) continue;
        ++chars;
        if (chars == maxChars) keepBytes = i;  // where the last character would start: "…" goes there
        if (chars > maxChars) {
            text.resize(keepBytes);
            if (cut) *cut = true;
            return text + "\xE2\x80\xA6";  // "…"
        }
    }
    return text;
}

std::optional<double> parseDecimal(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exponent = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exponent;
        if (exponent == 0) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    const std::string text(s);
    errno = 0;
    const double v = std::strtod(text.c_str(), nullptr);
    if (errno == ERANGE || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string quoteFrom(std::string_view text) {
    const std::string t = trimmed(text);
    if (t.size() <= kQuoteChars) return t;
    std::size_t cut = kQuoteChars;
    while (cut > 0 && isContinuation(t[cut])) --cut;
    const std::size_t space = t.rfind(' ', cut);
    if (space != std::string::npos && space > kQuoteChars / 2) cut = space;
    return trimmed(std::string_view(t).substr(0, cut));
}

Category categoryForAcledType(const std::string& eventType, const std::string& subEventType) {
    const std::string type = lowerAscii(trimmed(eventType));
    const std::string sub = lowerAscii(trimmed(subEventType));
    // ACLED files Looting/property destruction under Riots in the reading and under
    // Strategic developments in its codebook; it is looting either way.
    if (sub == "looting/property destruction") return Category::LootingArson;
    if (type == "protests") return Category::Protest;
    if (type == "riots" || type == "battles" || type == "violence against civilians" ||
        type == "explosions/remote violence") {
        return Category::Clash;
    }
    if (type == "strategic developments" && sub == "arrests") return Category::Arrests;
    return Category::GovernmentAction;
}

std::optional<Category> categoryFromText(const std::string& text) {
    const std::string t = lowerAscii(trimmed(text));
    if (t.empty()) return std::nullopt;
    if (auto c = parseCategory(t)) return c;
    for (int i = 0; i < kCategoryCount; ++i) {
        const auto c = static_cast<Category>(i);
        if (t == lowerAscii(categoryLabel(c))) return c;
    }
    if (isAcledEventType(t)) return categoryForAcledType(t, "");
    return std::nullopt;
}

bool isAcledEventType(const std::string& text) {
    const std::string t = lowerAscii(trimmed(text));
    static const char* const kAcledTypes[] = {"protests", "riots", "battles", "violence against civilians",
                                              "explosions/remote violence", "strategic developments"};
    for (const char* a : kAcledTypes)
        if (t == a) return true;
    return false;
}

std::string regionForAdmin1(const std::string& admin1) {
    std::string n = lowerAscii(trimmed(admin1));
    for (char& c : n)
        if (c == '-' || c == '\'' || c == '_') c = ' ';
    bool city = false;
    for (const char* suffix : {" region", " oblast", " oblysy", " province", " city"}) {
        const std::string s = suffix;
        if (n.size() > s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0) {
            city = city || s == " city";
            n.erase(n.size() - s.size());
        }
    }
    struct Name {
        const char* name;
        const char* code;
    };
    static const Name kNames[] = {
        {"akmola", "KZ-AKM"},          {"aqmola", "KZ-AKM"},          {"aktobe", "KZ-AKT"},
        {"aqtobe", "KZ-AKT"},          {"aktyubinsk", "KZ-AKT"},      {"atyrau", "KZ-ATY"},
        {"east kazakhstan", "KZ-VOS"}, {"shygys kazakhstan", "KZ-VOS"}, {"abai", "KZ-VOS"},
        {"abay", "KZ-VOS"},            {"jambyl", "KZ-ZHA"},          {"zhambyl", "KZ-ZHA"},
        {"dzhambul", "KZ-ZHA"},        {"karaganda", "KZ-KAR"},
        {"karagandy", "KZ-KAR"},       {"qaraghandy", "KZ-KAR"},      {"ulytau", "KZ-KAR"},
        {"kostanay", "KZ-KUS"},        {"qostanay", "KZ-KUS"},        {"kustanay", "KZ-KUS"},
        {"kyzylorda", "KZ-KZY"},       {"qyzylorda", "KZ-KZY"},       {"mangystau", "KZ-MAN"},
        {"mangghystau", "KZ-MAN"},     {"mangistau", "KZ-MAN"},       {"mangyshlak", "KZ-MAN"},
        {"north kazakhstan", "KZ-SEV"}, {"soltustik kazakhstan", "KZ-SEV"}, {"pavlodar", "KZ-PAV"},
        {"turkistan", "KZ-YUZ"},       {"turkestan", "KZ-YUZ"},       {"south kazakhstan", "KZ-YUZ"},
        {"west kazakhstan", "KZ-ZAP"}, {"batys kazakhstan", "KZ-ZAP"}, {"nur sultan", "KZ-AST"},
        {"astana", "KZ-AST"},          {"shymkent", "KZ-SHY"},        {"jetisu", "KZ-ALM"},
        {"zhetysu", "KZ-ALM"},         {"alma ata", "KZ-ALA"},
    };
    if (n == "almaty") return city ? "KZ-ALA" : "KZ-ALM";
    for (const auto& name : kNames)
        if (n == name.name) return name.code;
    return {};
}

}  // namespace qantar::core::importer
