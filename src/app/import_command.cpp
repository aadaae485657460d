// `qantar import SOURCE --out events.json`: converts ACLED CSV, GeoJSON, KML/KMZ or any OGR
// source (PostGIS included) to our event format, reporting on stderr what was detected and which
// rows were rejected.
#include <cstdio>

#include "app/cli.hpp"
#include "core/io/atomic_file.hpp"
#include "core/events/event_format.hpp"
#include "core/events/events.hpp"
#include "core/import/import.hpp"

namespace qantar::app {

namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "qantar: %s\n", message.c_str());
    return 1;
}

void printReport(const core::ImportReport& r) {
    std::fprintf(stderr, "qantar import: detected %s\n", r.detected.c_str());
    std::fprintf(stderr, "qantar import: %zu rows read, %zu imported, %zu rejected\n", r.rowsRead, r.rowsImported,
                 r.rowsRejected);
    for (const auto& p : r.problems) std::fprintf(stderr, "  rejected %s\n", p.c_str());
    if (r.rowsRejected > r.problems.size()) {
        std::fprintf(stderr, "  ... and %zu more rejected rows\n", r.rowsRejected - r.problems.size());
    }
    for (const auto& w : r.warnings) std::fprintf(stderr, "  note %s\n", w.c_str());
    if (r.warningCount > r.warnings.size()) {
        std::fprintf(stderr, "  ... and %zu more notes\n", r.warningCount - r.warnings.size());
    }
    for (const auto& a : r.attribution) std::fprintf(stderr, "qantar import: attribution: %s\n", a.c_str());
}

}  // namespace

int runImport(const ImportCommandOptions& o) {
    if (o.out.empty()) return fail("import: --out is required (the event file to write)");
    core::ImportOptions options;
    options.layer = o.layer;
    options.sql = o.sql;
    options.timeField = o.timeField;
    options.endField = o.endField;
    auto imported = core::importEvents(o.source, options);
    if (!imported) {
        if (imported.error().kind == core::ErrorKind::ImportNoTime) {
            return fail(imported.error().message + "; name the time field with --time-field (and the end with --end-field)");
        }
        return fail(imported.error().message);
    }
    const auto& [dataset, report] = *imported;
    printReport(report);

    // The file must read back as it was written; a failure here is our bug, never a half file.
    const std::string text = core::serializeDataset(dataset);
    const core::DatasetLoad check = core::parseDataset(text, o.out);
    if (!check.dataset) {
        return fail("import: the converted events do not pass validation (a bug in qantar): " +
                    (check.problems.empty() ? std::string("unknown problem") : check.problems.front().message));
    }
    if (auto error = core::writeFileAtomically(o.out, text)) return fail(error->message);
    std::fprintf(stderr, "qantar import: wrote %s (%zu events, %zu sources)\n", o.out.c_str(), dataset.events.size(),
                 dataset.sources.size());
    return 0;
}

}  // namespace qantar::app
