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
    std::string view;                // LON,LAT,SPAN_KM: centre and height of map shown, as a story scene's
    std::string bbox;                // W,S,E,N degrees: fitted whole at any aspect ratio
    std::string layers;              // layer names (story ids, base map ids or the panel's labels)
    std::string zone;                // almaty | west | utc; empty: --time's offset, else almaty
    bool atEvents = false;           // with --from/--to: a frame at each event start or end
    std::optional<int> dpi;          // print presets: resolution; text and lines sized in points
    std::string grid;                // COLSxROWS: one figure of small multiples
    std::string times;               // T1,T2,...: the grid's moments
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

namespace qantar::app {

struct ExportDataOptions {
    std::string file;                  // .geojson/.json, .kml, .csv or .gpkg: the extension chooses the format
    std::string data;                  // event file; empty: the bundled dataset
    std::vector<std::string> imports;  // sources merged into the data first, as --import does for the window
    std::string assets;
    std::string at;                    // only the events shown at this moment (as `qantar state --at`)
    std::string from, to;              // only the events whose time overlaps [from, to]
    std::string categories;            // comma list of category ids; empty: all
    std::string search, place;         // as the event list's filter
    std::string story;                 // KML only: the story as a Google Earth tour
};
// Writes the events (all, or those the filters keep) to `file`; prints what was written. 0 on
// success; 1 with one line on stderr for a bad value, a missing file or an unwritable path.
int runExportData(const ExportDataOptions& options);

struct CacheOptions {
    std::string out;     // folder to write map.cache and glyphs.cache into
    std::string assets;  // empty: found next to the program
};
// `qantar cache` (not listed in --help; the build and packaging run it): builds the map and the
// labels' glyph atlas of the assets and writes their cache files (core/map/map_cache.hpp), which
// a program run later finds beside its assets. 0 on success; 1 with one line on stderr.
int runCache(const CacheOptions& options);

}  // namespace qantar::app
