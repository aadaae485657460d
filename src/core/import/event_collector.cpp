#include "core/import/event_collector.hpp"

#include <algorithm>
#include <cctype>

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
    if (openEnd) m_openEnds.push_back(m_events.size());
    m_events.push_back(std::move(event));
    ++m_report.rowsImported;
}

Dataset EventCollector::finish(const std::string& title, const std::string& attribution) {
    Dataset ds;
    ds.title = title;
    ds.attribution = attribution;
    Instant first{0}, last{0};
    bool any = false;
    for (const Event& e : m_events) {
        const Instant end = e.hasEnd ? e.end : e.start;
        if (!any || e.start < first) first = e.start;
        if (!any || end > last) last = end;
        any = true;
    }
    // An open end ("..") runs to the end of the imported data, and at least a day, so it is visible.
    for (std::size_t i : m_openEnds) {
        Event& e = m_events[i];
        e.end = std::max(last, e.start + Duration::days(1));
        if (e.end > last) last = e.end;
    }
    ds.coverageStart = first;
    ds.coverageEnd = last > first ? last : first + Duration::days(1);
    ds.sources = m_sources;
    ds.events = std::move(m_events);
    std::stable_sort(ds.events.begin(), ds.events.end(), [](const Event& a, const Event& b) {
        return a.start != b.start ? a.start < b.start : a.id < b.id;
    });
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
