// `qantar export-data FILE`: the events (all, or those the filters keep) as GeoJSON, KML, CSV or
// GeoPackage, the format chosen by FILE's extension; with --story and a .kml file, the story as a
// Google Earth tour too (core/export/data_export.hpp; docs/export-data.md).
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "app/cli.hpp"
#include "core/events/event_filter.hpp"
#include "core/events/event_format.hpp"
#include "core/events/event_sources.hpp"
#include "core/events/events.hpp"
#include "core/events/timeline.hpp"
#include "core/export/data_export.hpp"
#include "core/io/assets.hpp"
#include "core/story/story.hpp"

namespace qantar::app {

namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "qantar: %s\n", message.c_str());
    return 1;
}

std::string baseName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

int runExportData(const ExportDataOptions& options) {
    // Every word checked before anything is read or written.
    auto format = core::dataFormatForPath(options.file);
    if (!format) return fail(format.error().message);
    if (!options.story.empty() && *format != core::DataFormat::Kml) {
        return fail("--story: a story is written as a Google Earth tour, which only KML holds; name a .kml file, not " +
                    options.file);
    }
    std::optional<core::Instant> at, from, to;
    if (!options.at.empty()) {
        auto t = core::parseIsoTime(options.at, core::kAlmatyTime);
        if (!t) return fail("--at: " + t.error().message);
        at = t->instant;
    }
    if (!options.from.empty()) {
        auto t = core::parseIsoTime(options.from, core::kAlmatyTime);
        if (!t) return fail("--from: " + t.error().message);
        from = t->instant;
    }
    if (!options.to.empty()) {
        auto t = core::parseIsoTime(options.to, core::kAlmatyTime);
        if (!t) return fail("--to: " + t.error().message);
        // A bare date as --to means through the end of that day.
        to = t->precision == core::Precision::Day ? t->instant + core::Duration::days(1) - core::Duration{1} : t->instant;
    }
    if (from && to && *to < *from) return fail("--to: " + options.to + " is before --from " + options.from);
    core::EventFilter filter;
    filter.search = options.search;
    filter.place = options.place;
    if (!options.categories.empty()) {
        filter.categories.fill(false);
        std::stringstream list(options.categories);
        for (std::string id; std::getline(list, id, ',');) {
            const auto c = core::parseCategory(id);
            if (!c) {
                std::string known;
                for (int i = 0; i < core::kCategoryCount; ++i)
                    known += std::string(i ? ", " : "") + core::categoryId(static_cast<core::Category>(i));
                return fail("--category: '" + id + "' is not a category; they are: " + known);
            }
            filter.categories[static_cast<std::size_t>(*c)] = true;
        }
    }
    std::optional<core::Story> story;
    if (!options.story.empty()) {
        auto s = core::loadStory(options.story);
        if (!s) return fail("--story: " + s.error().message);
        story = std::move(*s);
    }

    std::string path = options.data;
    if (path.empty()) {
        auto assets = core::findAssetDir(options.assets);
        if (!assets) return fail(assets.error().message);
        path = *assets + "/events/events.json";
    }
    auto loaded = core::loadDatasetOrError(path);
    if (!loaded) return fail(loaded.error().message);
    core::Dataset data = std::move(*loaded);
    for (const auto& source : options.imports) {
        auto opened = core::openEventSource(core::EventSourceRequest{source, {}, {}, {}});
        if (!opened) return fail("--import: " + opened.error().message);
        data = core::mergeDatasets(std::move(data), std::move(opened->dataset));
    }

    std::vector<std::size_t> chosen;
    const auto mask = core::filterMask(data, filter);
    if (at) {
        const core::TimelineIndex index = core::TimelineIndex::forEvents(data.events);
        for (auto i : core::eventsShownAt(data, index, *at))
            if (mask[i]) chosen.push_back(i);
        std::sort(chosen.begin(), chosen.end());
    } else {
        for (std::size_t i = 0; i < data.events.size(); ++i) {
            if (!mask[i]) continue;
            const core::Event& e = data.events[i];
            // The event's own time [start, end) overlaps [from, to]; an instant lies inside it.
            if (to && *to < e.start) continue;
            if (from && (e.hasEnd && e.end > e.start ? e.end <= *from : e.start < *from)) continue;
            chosen.push_back(i);
        }
    }

    auto written = core::exportEventData(data, chosen, options.file, story ? &*story : nullptr, baseName(options.story));
    if (!written) return fail(written.error().message);
    std::printf("%s: %zu events as %s", options.file.c_str(), written->events, core::dataFormatName(written->format));
    if (written->withoutPoint) std::printf(", %zu of them placed only in a country (no geometry)", written->withoutPoint);
    if (story) std::printf(", and a tour of %zu scenes", written->scenes);
    std::printf("\n");
    if (!data.attribution.empty()) std::printf("attribution: %s\n", data.attribution.c_str());
    return 0;
}

}  // namespace qantar::app
