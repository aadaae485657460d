#pragma once
// Headless commands. Each returns the process exit code; failures print one clear line on stderr.
#include <optional>
#include <string>
#include <vector>

namespace qantar::app {

// `qantar export`'s words as typed; runExport turns them into one core::ExportSpec.
struct ExportArgs {
    std::string size;                // WxH; empty: the preset's, or 1920x1080
    std::string preset;              // a named size (core::exportPresets())
    std::string out;                 // PNG path (one frame) or folder (sequence, story)
    std::string theme = "dark";
    std::string assets;              // empty: find automatically
    std::string time;                // ISO 8601 moment to show events at; empty: map only
    std::string data;                // event file; empty: the bundled dataset
    std::string title, subtitle;
    std::string overlays = "auto";   // comma list: title,time,legend,scale,north,attribution | all | none | auto
    bool transparent = false;
    std::string from, to, step;      // sequence: every `step` from `from` to `to` (inclusive)
    std::string video;               // .mp4 or .gif instead of PNGs
    int fps = 10;
    std::string story;               // story file: one PNG per scene, or with --video the whole story
    std::optional<int> scene;        // 1-based scene number; none: all
    bool quiet = false;              // no progress on stderr
    bool timeline = false;           // the timeline figure over --from/--to (default: the data's range)
};

int runExport(const ExportArgs& args);

}  // namespace qantar::app

namespace qantar::app {

struct StateOptions {
    std::string at;      // ISO 8601; without an offset, Almaty time
    std::string data;    // empty: the bundled dataset
    std::string assets;
    bool json = true;
};
// Prints the events shown at a moment and the counters, as JSON on stdout.
int runState(const StateOptions& options);

// Checks an event file; prints every problem (file:line: ...) and exits 1 if there are any.
int runValidate(const std::string& path);

}  // namespace qantar::app

namespace qantar::app {

struct ImportCommandOptions {
    std::string source;     // file path or OGR connection string ("PG:host=... dbname=...")
    std::string out;        // event file to write (atomically)
    std::string layer;      // layer or table; needed when the source has several
    std::string sql;        // SQL query to read instead of a layer
    std::string timeField;  // overrides time detection
    std::string endField;   // overrides end-time detection
};
// Converts SOURCE to our event format; prints the report on stderr. 0 on success (even with some
// rows rejected), 1 with one line when the source cannot be opened or nothing can be imported.
int runImport(const ImportCommandOptions& options);

}  // namespace qantar::app
