#include "core/events/event_sources.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/events/event_format.hpp"
#include "core/import/import.hpp"
#include "core/io/json_reader.hpp"
#include "core/io/text_file.hpp"

namespace qantar::core {

namespace {

bool looksLikeJson(const std::string& path) {
    auto endsWith = [&](const char* ext) {
        const std::string e = ext;
        if (path.size() < e.size()) return false;
        std::string tail = path.substr(path.size() - e.size());
        for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return tail == e;
    };
    return endsWith(".geojson") || endsWith(".json");
}

}  // namespace

Expected<OpenedEvents> openEventSource(const EventSourceRequest& r) {
    // Our own files say what they are near the top; anything else goes to the importers.
    auto text = readTextFile(r.source, kEventFileLimit);
    if (text && text->find("\"qantar-events\"") != std::string::npos) {
        DatasetLoad load = parseDataset(*text, r.source);
        if (!load.dataset) return load.problems.front();
        OpenedEvents out;
        out.dataset = std::move(*load.dataset);
        out.report = "Opened " + r.source + ": " + std::to_string(out.dataset.events.size()) + " events.";
        out.ownFormat = true;
        return out;
    }
    ImportOptions options;
    options.layer = r.layer;
    options.timeField = r.timeField;
    options.endField = r.endField;
    auto imported = importEvents(r.source, options);
    if (!imported) {
        // GDAL says only that a broken GeoJSON file cannot be read; where it breaks is worth
        // saying too.
        Error e = imported.error();
        if (text && e.kind == ErrorKind::FileUnreadable && looksLikeJson(r.source)) {
            const JsonRead read = readJson(*text, r.source);
            if (read.error) e.message += "; " + read.error->message;
        }
        return e;
    }
    const ImportReport& rep = imported->second;
    OpenedEvents out;
    out.dataset = std::move(imported->first);
    out.report = "Imported " + displayImportSource(r.source) + " (" + rep.detected + "): " + std::to_string(rep.rowsImported) + " of " +
                 std::to_string(rep.rowsRead) + " rows.";
    if (rep.rowsRejected > 0) {
        out.report += " " + std::to_string(rep.rowsRejected) + " rows could not be used, e.g.:";
        for (const auto& p : rep.problems) out.report += "\n  " + p;
    }
    for (const auto& a : rep.attribution) out.report += "\n" + a;
    return out;
}

Dataset mergeDatasets(Dataset base, Dataset add) {
    std::set<std::string> ids;
    for (const auto& e : base.events) ids.insert(e.id);
    for (auto& s : add.sources) {
        if (!base.findSource(s.id)) base.sources.push_back(s);
    }
    std::map<std::string, std::string> renamed;
    for (auto& e : add.events) {
        std::string id = e.id;
        for (int k = 2; ids.count(id); ++k) id = e.id + "-" + std::to_string(k);
        if (id != e.id) renamed[e.id] = id;
        e.id = id;
        ids.insert(id);
        base.events.push_back(std::move(e));
    }
    std::stable_sort(base.events.begin(), base.events.end(), [](const Event& a, const Event& b) {
        return a.start != b.start ? a.start < b.start : a.id < b.id;
    });
    if (add.coverageStart < base.coverageStart) base.coverageStart = add.coverageStart;
    if (base.coverageEnd < add.coverageEnd) base.coverageEnd = add.coverageEnd;
    // The added file's disagreements stay with it, naming its events as they are now called.
    for (auto& c : add.contradictions) {
        for (auto& id : c.eventIds)
            if (auto it = renamed.find(id); it != renamed.end()) id = it->second;
        base.contradictions.push_back(std::move(c));
    }
    // The same provider imported twice is credited once.
    if (!add.attribution.empty() && base.attribution.find(add.attribution) == std::string::npos) base.attribution += (base.attribution.empty() ? "" : " ") + add.attribution;
    return base;
}

}  // namespace qantar::core
