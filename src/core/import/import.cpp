#include "core/import/import.hpp"

#include <algorithm>

#include "core/import/acled.hpp"
#include "core/import/event_collector.hpp"
#include "core/import/features.hpp"
#include "core/import/gdal_module.hpp"
#include "core/import/ogr_source.hpp"

namespace qantar::core {

namespace {

using importer::EventCollector;
using importer::RowKind;

std::string baseName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The error when rows were read but none could be used.
Error nothingImported(const std::string& label, const ImportReport& report, std::size_t withoutTime, bool kml) {
    if (report.rowsRead == 0) return Error{ErrorKind::DatasetInvalid, label + ": has no features to import"};
    if (withoutTime == report.rowsRejected) {
        return Error{ErrorKind::ImportNoTime, label + ": none of its " + std::to_string(report.rowsRead) +
                                                  " features has a time" +
                                                  (kml ? " (no placemark has a TimeStamp or TimeSpan)" : "")};
    }
    std::string msg = label + ": no row could be imported (" + std::to_string(report.rowsRead) + " read, all rejected)";
    if (!report.problems.empty()) msg += "; the first: " + report.problems.front();
    return Error{ErrorKind::DatasetInvalid, msg};
}

}  // namespace

Expected<std::pair<Dataset, ImportReport>> importer::gdalImportEvents(const std::string& source,
                                                                    const ImportOptions& options) {
    importer::GdalErrorCapture quiet;
    auto opened = importer::VectorSource::open(source);
    if (!opened) return opened.error();
    importer::VectorSource& src = *opened;
    auto layers = src.chooseLayers(options);
    if (!layers) return layers.error();

    const bool kml = src.driver() == "LIBKML" || src.driver() == "KML";
    const RowKind rows = src.driver() == "CSV" ? RowKind::CsvRow : kml ? RowKind::Placemark : RowKind::Feature;
    // A database names its rows by table: "PG:host=... dbname=x, layer 'events':feature 5".
    std::string rowLabel = src.label();
    if (!src.isFile()) {
        rowLabel += options.sql.empty() ? ", layer '" + printable(layers->front()->GetName(), 60) + "'" : ", SQL result";
    }
    EventCollector out(rowLabel, rows);
    out.setNulCells(src.nulCells());
    if (options.spill) out.setSpill(options.spill);
    std::string detected, attribution;
    std::size_t withoutTime = 0;

    const auto firstFields = importer::fieldsOf(*layers->front());
    auto acled = options.timeField.empty() && layers->size() == 1
                     ? importer::detectAcled(firstFields, src.label())
                     : std::optional<Expected<importer::AcledColumns>>();
    if (acled) {
        if (!*acled) return acled->error();
        detected = importer::importAcledLayer(*layers->front(), acled->value(), src.driver(),
                                              src.isFile() ? baseName(src.path()) : std::string(), out);
        const auto credits = importer::acledAttribution();
        out.report().attribution = credits;
        attribution = credits.front();
    } else {
        std::optional<Error> firstError;
        // A CSV's header is row 1, so its first record is row 2 (as in a spreadsheet).
        std::size_t nextRow = rows == RowKind::CsvRow ? 2 : 1;
        for (OGRLayer* layer : *layers) {
            const std::size_t readBefore = out.report().rowsRead;
            auto r = importer::importFeatureLayer(*layer, src, options, nextRow, out);
            if (!r) {
                // A KML folder without times is skipped when another folder has them.
                if (!firstError) firstError = r.error();
                if (layers->size() == 1) return r.error();
                nextRow += static_cast<std::size_t>(std::max<GIntBig>(0, layer->GetFeatureCount()));
                continue;
            }
            nextRow += out.report().rowsRead - readBefore;
            withoutTime += r->withoutTime;
            if (detected.empty()) detected = r->detected;
        }
        if (detected.empty() && firstError) return *firstError;
        const std::string driver = src.driver() == "LIBKML" ? "KML (GDAL's LIBKML driver)"
                                   : src.driver() == "KML"  ? "KML (GDAL's KML driver)"
                                                            : src.driver();
        detected = driver + ", time from " + detected;
    }

    if (out.eventCount() == 0) return nothingImported(src.label(), out.report(), withoutTime, kml);
    ImportReport report = out.report();
    report.detected = detected;
    std::string title = "Imported from " + printable(src.isFile() ? baseName(src.path()) : src.label(), 80);
    if (!options.layer.empty()) title += ", layer " + printable(options.layer, 40);
    Dataset ds = out.finish(title, attribution);
    ds.path = src.isFile() ? src.path() : src.label();
    return std::make_pair(std::move(ds), std::move(report));
}

Expected<std::vector<ImportField>> importer::gdalListImportFields(const std::string& source, const ImportOptions& options) {
    importer::GdalErrorCapture quiet;
    auto opened = importer::VectorSource::open(source);
    if (!opened) return opened.error();
    auto layers = opened->chooseLayers(options);
    if (!layers) return layers.error();
    std::vector<ImportField> out;
    for (OGRLayer* layer : *layers) {
        for (const auto& f : importer::fieldsOf(*layer)) {
            const bool seen = std::any_of(out.begin(), out.end(), [&](const ImportField& x) { return x.name == f.name; });
            if (!seen) out.push_back(ImportField{f.name, OGRFieldDefn::GetFieldTypeName(f.type)});
        }
    }
    return out;
}

}  // namespace qantar::core
