#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "core/io/assets.hpp"
#include "core/events/counters.hpp"
#include "core/events/event_format.hpp"
#include "core/events/event_time.hpp"
#include "core/events/events.hpp"
#include "core/events/timeline.hpp"

namespace qantar::app {

namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "qantar: %s\n", message.c_str());
    return 1;
}

}  // namespace

int runValidate(const std::string& path) {
    const core::DatasetLoad load = core::loadDataset(path);
    if (load.dataset) {
        std::printf("%s: OK, %zu events, %zu sources\n", path.c_str(), load.dataset->events.size(),
                    load.dataset->sources.size());
        return 0;
    }
    for (const auto& p : load.problems) std::fprintf(stderr, "%s\n", p.message.c_str());
    if (load.problemCount > load.problems.size()) {
        std::fprintf(stderr, "... and %zu more problems\n", load.problemCount - load.problems.size());
    }
    std::fprintf(stderr, "%s: %zu problem%s\n", path.c_str(), load.problemCount, load.problemCount == 1 ? "" : "s");
    return 1;
}

int runState(const StateOptions& options) {
    auto t = core::parseIsoTime(options.at, core::kAlmatyTime);
    if (!t) return fail("--at: " + t.error().message);
    std::string path = options.data;
    if (path.empty()) {
        auto assets = core::findAssetDir(options.assets);
        if (!assets) return fail(assets.error().message);
        path = *assets + "/events/events.json";
    }
    auto data = core::loadDatasetOrError(path);
    if (!data) return fail(data.error().message);
    const core::TimelineIndex index = core::TimelineIndex::forEvents(data->events);
    const core::CounterIndex counterIndex(*data);
    const core::Instant at = t->instant;
    const core::ZoneOffset zone = t->offset.value_or(core::kAlmatyTime);

    // Every report is reachable; a moment past the data is answered, with a note saying so.
    const core::Interval range = core::datasetTimeRange(*data);
    if (at < range.start || range.end < at) {
        std::fprintf(stderr, "qantar: note: %s is %s the data, which runs from %s to %s\n", options.at.c_str(),
                     at < range.start ? "before" : "after", core::formatIso(range.start, zone).c_str(),
                     core::formatIso(range.end, zone).c_str());
    }

    nlohmann::ordered_json out;
    out["time"] = core::formatIso(at, zone);
    out["time_utc"] = core::formatIso(at, core::kUtc);
    out["dataset"] = data->title;
    out["range"] = {{"start", core::formatIso(range.start, zone)}, {"end", core::formatIso(range.end, zone)}};
    auto& active = out["active"] = nlohmann::ordered_json::array();
    for (auto i : core::eventsShownAt(*data, index, at)) {
        const core::Event& e = data->events[i];
        nlohmann::ordered_json j;
        j["id"] = e.id;
        j["category"] = core::categoryId(e.category);
        j["title"] = e.title;
        j["place"] = e.place.nationwide ? std::string("Kazakhstan") : e.place.name.str();
        if (e.place.lonLat) {
            j["lon"] = e.place.lonLat->lon;
            j["lat"] = e.place.lonLat->lat;
        } else {
            j["lon"] = nullptr;
            j["lat"] = nullptr;
        }
        j["start"] = core::formatIso(e.start, e.localZone);
        j["end"] = e.hasEnd ? nlohmann::ordered_json(core::formatIso(e.end, e.localZone)) : nlohmann::ordered_json(nullptr);
        j["precision"] = core::precisionName(e.precision);
        // "in force", or "date only" while the sources cannot say whether it has happened yet.
        j["state"] = core::eventStateName(core::eventStateAt(e, index.interval(i), at));
        if (e.category == core::Category::InternetBlackout) {
            j["status"] = e.status == core::ConnectivityStatus::Full      ? "full"
                          : e.status == core::ConnectivityStatus::Partial ? "partial"
                                                                          : "restored";
        }
        active.push_back(std::move(j));
    }
    const core::Counters counters = counterIndex.at(at);
    auto& cj = out["counters"];
    for (int k = 0; k < core::kFigureKindCount; ++k) {
        const auto kind = static_cast<core::FigureKind>(k);
        const core::Counter& c = counters[kind];
        nlohmann::ordered_json j;
        const bool numeric = c.basis == core::CounterBasis::Totals || c.basis == core::CounterBasis::Floor;
        static const char* const kBasis[] = {"none", "totals", "floor", "words"};
        j["shown"] = core::formatRange(c);
        j["basis"] = kBasis[static_cast<int>(c.basis)];
        j["min"] = numeric ? nlohmann::ordered_json(c.min) : nlohmann::ordered_json(nullptr);
        j["max"] = numeric ? nlohmann::ordered_json(c.max) : nlohmann::ordered_json(nullptr);
        if (c.basis == core::CounterBasis::Floor) j["floor_of"] = core::floorBasis(c);
        j["withdrawn"] = c.withdrawn;
        j["sources"] = c.sources;
        auto& reports = j["reports"] = nlohmann::ordered_json::array();
        for (const auto& r : c.reports) {
            nlohmann::ordered_json rj;
            const bool word = r.figure->isVague();
            rj["text"] = core::figureText(*r.figure);
            rj["role"] = core::reportRoleId(r.role);
            rj["lower"] = word ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.lower);
            rj["upper"] = word ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.upper);
            rj["qualifier"] = r.figure->qualifier;
            rj["subject"] = r.figure->subject;
            rj["reported_by"] = r.figure->reportedBy;
            rj["as_of"] = r.figure->asOf;
            rj["source"] = r.figure->source;
            rj["event"] = r.event->id;
            if (!r.figure->partial.empty()) rj["partial"] = r.figure->partial;
            if (r.figure->withdrawnAsOf) rj["withdrawn_as_of"] = *r.figure->withdrawnAsOf;
            if (r.sum >= 0) {
                const core::GroupSum& g = c.sums[static_cast<std::size_t>(r.sum)];
                rj["sum_of_groups"] = g.lower;
            }
            reports.push_back(std::move(rj));
        }
        cj[core::figureKindId(kind)] = std::move(j);
    }
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}

}  // namespace qantar::app
