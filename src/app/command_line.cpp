#include "app/command_line.hpp"

#include <CLI/CLI.hpp>

#include <sstream>

#include "core/export/export_spec.hpp"
#include "core/io/version.hpp"

namespace qantar::app {

CommandLine parseCommandLine(int argc, const char* const* argv) {
    CommandLine c;
    CLI::App cli{"qantar — map and timeline of the January 2022 unrest in Kazakhstan.\n"
                 "Without a command, opens the map window."};
    cli.set_version_flag("--version", std::string("qantar ") + core::version() + " (" + core::buildCommit() + ")");
    cli.footer("Examples:\n"
               "  qantar                                      open the map window\n"
               "  qantar export --size 1920x1080 --out map.png\n"
               "  qantar export --preset 4k --theme light --time 2022-01-05T20:00 --title \"Almaty, 5 January\" --out report.png\n"
               "  qantar export --from 2022-01-01 --to 2022-01-13 --step 1h --fps 10 --video week.mp4\n"
               "  qantar export --story assets/stories/week.json --out slides/\n"
               "  qantar export --bbox 75.5,42.8,78.5,44.2 --layers curfew,violence --time 2022-01-05T23:00 --out almaty.png\n"
               "  qantar export --grid 3x2 --from 2022-01-04T12:00 --to 2022-01-07T12:00 --theme light --out week.png\n"
               "  qantar export --from 2022-01-04 --to 2022-01-08 --at-events --out frames/\n"
               "  qantar export --timeline --from 2022-01-04 --to 2022-01-08 --theme light --out timeline.png\n"
               "  qantar state --at 2022-01-05T20:00 --json\n"
               "  qantar validate my-events.json\n"
               "  qantar import acled-export.csv --out my-events.json\n"
               "  qantar export-data events.geojson --from 2022-01-04 --to 2022-01-07\n"
               "  qantar export-data tour.kml --story assets/stories/week.json");

    GuiOptions& gui = c.gui;
    cli.add_option("--assets", gui.assets, "Directory holding geo/ (default: found next to the program)");
    cli.add_option("--theme", gui.theme, "Colour theme: dark, light (print) or contrast (projectors)")
        ->check(CLI::IsMember({"dark", "light", "contrast"}));
    cli.add_option("--benchmark-frames", gui.benchmarkFrames,
                   "Draw N frames while panning, print frame-time statistics as JSON, and exit")
        ->check(CLI::NonNegativeNumber);
    cli.add_flag("--benchmark-play", gui.benchmarkPlay, "With --benchmark-frames: play the clock instead of panning");
    cli.add_option("--synthetic-events", gui.syntheticEvents,
                   "Benchmark with N synthetic events around Kazakh cities instead of the dataset");
    cli.add_flag("--first-frame-benchmark", gui.firstFrameBenchmark,
                 "Print the time from start to the first frame on screen as JSON, and exit");
    cli.add_flag("--print-view", gui.printView, "Print the final view (centre, scale, time) as JSON on exit");
    cli.add_option("--data", gui.data, "Event file to open (default: the bundled assets/events/events.json)");
    cli.add_option("--time", gui.time, "Start at this moment (ISO 8601; without an offset, Almaty time UTC+6)");
    cli.add_flag("--present", gui.present, "Start in presentation mode (full screen, the story's first scene)");
    cli.add_option("--import", gui.imports, "Merge events from this source at start (any format File > Open reads)");
    // Files given without an option (what a desktop's "Open with" passes, Exec=qantar %F): merged
    // at start, as dropping them on the window does.
    std::vector<std::string> files;
    cli.add_option("FILE", files, "Event files or sources to merge at start, as dropping them on the window does");
    cli.add_option("--boundaries", gui.boundaries, "Draw this boundary layer (GeoJSON, Shapefile, GeoPackage)");
    cli.add_option("--story", gui.story, "Story to open (default: the bundled assets/stories/week.json)");
    cli.add_option("--msaa", gui.msaaSamples, "Multisampling of the map view: 1 (off), 2, 4 or 8")
        ->check(CLI::IsMember({1, 2, 4, 8}))->capture_default_str();
    std::string windowSize;
    cli.add_option("--window", windowSize,
                   "Initial window size WIDTHxHEIGHT (default: the last run's, or 1600x900; never larger than the screen)");
    cli.add_option("--layout-report", gui.layoutReport,
                   "Open the window as a first start would (no settings), write every window's and control's place "
                   "as JSON to this file, and exit");
    cli.add_option("--screenshot", gui.screenshot,
                   "Write the window's first settled frame (as --window and the other options set it up) as a PNG, "
                   "and exit");
    cli.add_option("--state-file", gui.stateFile,
                   "Keep the view, time and every window's and control's place as JSON in this file while running "
                   "(for end-to-end tests)");
    cli.add_option("--ui-scale", gui.uiScale, "Size of the panels' text and controls (default: from the screen)")
        ->check(CLI::Range(1.0, 3.0));

    ExportArgs& exp = c.exportArgs;
    CLI::App* exportCmd = cli.add_subcommand(
        "export", "Render PNGs or a video offscreen, with no window or display server");
    exportCmd->add_option("--size", exp.size, "Image size WIDTHxHEIGHT, 320x240 to 7680x4320 (default 1920x1080)");
    std::string presetHelp = "Named size instead of --size:";
    for (const auto& p : core::exportPresets()) {
        presetHelp += std::string(" ") + p.name + " (" + std::to_string(p.widthPx) + "x" + std::to_string(p.heightPx) + ")";
    }
    exportCmd->add_option("--preset", exp.preset, presetHelp);
    exportCmd->add_option("--out", exp.out, "PNG file (one frame) or directory (sequence, story scenes)");
    exportCmd->add_option("--theme", exp.theme, "dark, light (print) or contrast (projectors)")->capture_default_str();
    exportCmd->add_option("--time", exp.time,
                          "One frame at this moment, with its events (ISO 8601; without an offset, Almaty time UTC+6)");
    exportCmd->add_option("--from", exp.from, "Sequence start (ISO 8601)");
    exportCmd->add_option("--to", exp.to, "Sequence end, inclusive (ISO 8601)");
    exportCmd->add_option("--step", exp.step, "Sequence step: 30m, 6h, 1d or ISO 8601 such as PT6H");
    exportCmd->add_option("--video", exp.video, "Write an MP4 (H.264) or GIF through ffmpeg instead of PNGs");
    exportCmd->add_option("--fps", exp.fps, "Video frames per second (default 10)");
    exportCmd->add_option("--story", exp.story, "A story file: one PNG per scene, or with --video the whole story");
    exportCmd->add_option("--scene", exp.scene, "With --story: only this scene (1-based)");
    exportCmd->add_option("--title", exp.title, "Title burned into the image");
    exportCmd->add_option("--subtitle", exp.subtitle, "Subtitle under the title");
    exportCmd->add_option("--overlays", exp.overlays,
                          "title,time,legend,scale,north,attribution | all | none | auto (default: all but the "
                          "title, which appears when --title is given)");
    exportCmd->add_flag("--transparent", exp.transparent, "Transparent background outside the land");
    exportCmd->add_option("--data", exp.data, "Event file (default: the bundled assets/events/events.json)");
    exportCmd->add_option("--assets", exp.assets, "Assets directory (default: found next to the program)");
    exportCmd->add_flag("--quiet", exp.quiet, "No progress on stderr");
    exportCmd->add_option("--view", exp.view,
                          "Where to look: LON,LAT,SPAN_KM, the centre in degrees and the height of map shown in km "
                          "(as a story scene's view), e.g. 76.9,43.25,300");
    exportCmd->add_option("--bbox", exp.bbox,
                          "Frame this box whole at any aspect ratio: W,S,E,N in degrees, e.g. 75.5,42.8,78.5,44.2");
    exportCmd->add_option("--layers", exp.layers,
                          "Show only these layers, comma-separated: " + core::layerIdList() +
                              " (or the layers panel's names); naming event layers switches the other event layers "
                              "off, naming base map layers the other base map layers; -NAME switches one layer off (-night)");
    exportCmd->add_option("--zone", exp.zone,
                          "Zone of the stamps, and of moments typed without an offset: almaty (UTC+6), west (UTC+5) or utc");
    exportCmd->add_flag("--at-events", exp.atEvents,
                        "With --from/--to instead of --step: one frame at each moment an event starts or ends");
    exportCmd->add_option("--dpi", exp.dpi,
                          "With a print preset (a4-landscape, a4-portrait, a5-landscape): the resolution, 72 to 1200 "
                          "(300 is the preset's own size); the page keeps its size, and text and lines are sized in points");
    exportCmd->add_option("--grid", exp.grid,
                          "One figure of small multiples, COLSxROWS panels (e.g. 3x2) of the same view at the moments "
                          "of --times, or spread over --from/--to (every --step, or evenly without it)");
    exportCmd->add_option("--times", exp.times, "With --grid: the panels' moments, comma-separated (ISO 8601)");
    exportCmd->add_flag("--timeline", exp.timeline,
                        "Write the timeline as a figure (one PNG): event lanes, internet, curfew and emergency "
                        "bands, day ticks, over --from/--to (default: the data's whole range); --time marks a moment");

    StateOptions& state = c.state;
    CLI::App* stateCmd = cli.add_subcommand("state", "Print the events shown at a moment, and the counters, as JSON");
    stateCmd->add_option("--at", state.at, "The moment, ISO 8601; without an offset, Almaty time (UTC+6)")->required();
    stateCmd->add_option("--data", state.data, "Event file (default: the bundled assets/events/events.json)");
    stateCmd->add_option("--assets", state.assets, "Assets directory (default: found next to the program)");
    stateCmd->add_flag("--json", state.json, "Print JSON (the only format; accepted for scripts)");

    ImportCommandOptions& imp = c.import;
    CLI::App* importCmd = cli.add_subcommand(
        "import", "Convert ACLED CSV, GeoJSON, KML/KMZ or any GDAL source (PostGIS too) to an event file");
    importCmd->add_option("SOURCE", imp.source, "File, or a GDAL connection string such as \"PG:host=... dbname=...\"")
        ->required();
    importCmd->add_option("--out", imp.out, "Event file to write (qantar-events JSON)")->required();
    importCmd->add_option("--layer", imp.layer, "Layer or table to read, when the source has several");
    importCmd->add_option("--sql", imp.sql, "SQL query whose result is read instead of a layer");
    importCmd->add_option("--time-field", imp.timeField, "Field holding the (start) time, instead of detecting it");
    importCmd->add_option("--end-field", imp.endField, "Field holding the end time, instead of detecting it");

    std::string& validatePath = c.validatePath;
    CLI::App* validateCmd = cli.add_subcommand("validate", "Check an event file and list every problem with its line");
    validateCmd->add_option("FILE", validatePath, "The event file (qantar-events JSON)")->required();

    ExportDataOptions& xd = c.exportData;
    CLI::App* exportDataCmd = cli.add_subcommand(
        "export-data", "Write the events as GeoJSON, KML (with a story: a Google Earth tour), CSV or GeoPackage");
    exportDataCmd->add_option("FILE", xd.file, "Output file; its extension chooses the format: .geojson/.json, .kml, "
                                               ".csv, .gpkg")->required();
    exportDataCmd->add_option("--data", xd.data, "Event file (default: the bundled assets/events/events.json)");
    exportDataCmd->add_option("--import", xd.imports, "Merge events from this source first (any format import reads)");
    exportDataCmd->add_option("--assets", xd.assets, "Assets directory (default: found next to the program)");
    CLI::Option* atOpt = exportDataCmd->add_option(
        "--at", xd.at, "Only the events shown at this moment (ISO 8601; without an offset, Almaty time UTC+6)");
    CLI::Option* fromOpt = exportDataCmd->add_option("--from", xd.from, "Only events whose time overlaps --from..--to");
    CLI::Option* toOpt = exportDataCmd->add_option("--to", xd.to, "End of that range, inclusive (ISO 8601)");
    atOpt->excludes(fromOpt)->excludes(toOpt);
    exportDataCmd->add_option("--category", xd.categories, "Only these categories, a comma list (protest,clash,...)");
    exportDataCmd->add_option("--search", xd.search, "Only events whose title, description, place or id has this text");
    exportDataCmd->add_option("--place", xd.place, "Only events at this place (its name as the events give it)");
    exportDataCmd->add_option("--story", xd.story, "With a .kml file: the story as a Google Earth tour (gx:Tour)");

    // Maintenance, not for users (an empty group keeps it out of --help): the build writes the
    // map's cache files with it.
    CacheOptions& cacheOptions = c.cache;
    CLI::App* cacheCmd = cli.add_subcommand("cache", "Write the map's cache files into a folder");
    cacheCmd->group("");
    cacheCmd->add_option("--out", cacheOptions.out, "Folder for map.cache and glyphs.cache")->required();
    cacheCmd->add_option("--assets", cacheOptions.assets, "Assets directory (default: found next to the program)");

    std::ostringstream out, err;
    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        c.exitCode = cli.exit(e, out, err);
        c.command = CommandLine::Command::Exit;
    } catch (const CLI::CallForVersion& e) {
        c.exitCode = cli.exit(e, out, err);
        c.command = CommandLine::Command::Exit;
    } catch (const CLI::ParseError& e) {
        err << "qantar: " << e.what() << " (see --help)\n";
        c.exitCode = 2;
        c.command = CommandLine::Command::Exit;
    }
    c.out = out.str();
    c.err += err.str();
    if (c.command == CommandLine::Command::Exit) return c;
    if (!files.empty()) {
        if (!cli.get_subcommands().empty()) {
            c.err += "qantar: " + files.front() + ": unexpected before the command " +
                     cli.get_subcommands().front()->get_name() + " (see --help)\n";
            c.exitCode = 2;
            c.command = CommandLine::Command::Exit;
            return c;
        }
        gui.imports.insert(gui.imports.end(), files.begin(), files.end());
    }
    if (*exportCmd && exp.timeline) {
        // The timeline figure is one picture of a range: the map's framing, grids and scenes do
        // not apply to it (whichever of these options this build has).
        for (const char* name : {"--grid", "--times", "--at-events", "--view", "--bbox", "--scene", "--fps"}) {
            const CLI::Option* o = exportCmd->get_option_no_throw(name);
            if (o && o->count() > 0) {
                c.err = std::string("qantar: --timeline draws one figure of the timeline; ") + name +
                        " does not apply to it (see qantar export --help)\n";
                c.exitCode = 2;
                c.command = CommandLine::Command::Exit;
                return c;
            }
        }
    }
    if (*exportCmd) c.command = CommandLine::Command::Export;
    else if (*stateCmd) c.command = CommandLine::Command::State;
    else if (*validateCmd) c.command = CommandLine::Command::Validate;
    else if (*importCmd) c.command = CommandLine::Command::Import;
    else if (*exportDataCmd) c.command = CommandLine::Command::ExportData;
    else if (*cacheCmd) c.command = CommandLine::Command::Cache;
    if (c.command == CommandLine::Command::Gui && !windowSize.empty()) {
        auto size = core::parseExportSize(windowSize);
        if (!size) {
            c.err = "qantar: --window: " + size.error().message + "\n";
            c.exitCode = 2;
            c.command = CommandLine::Command::Exit;
            return c;
        }
        c.gui.widthPx = size->first;
        c.gui.heightPx = size->second;
    }
    return c;
}

}  // namespace qantar::app
