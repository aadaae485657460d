// qantar's entry point: parses the command line and hands over to the GUI or a headless command.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "app/cli.hpp"
#include "app/gui_app.hpp"

#ifndef QANTAR_VERSION
#define QANTAR_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
    CLI::App cli{"qantar — map and timeline of the January 2022 unrest in Kazakhstan.\n"
                 "Without a command, opens the map window."};
    cli.set_version_flag("--version", std::string("qantar ") + QANTAR_VERSION);
    cli.footer("Examples:\n"
               "  qantar                                      open the map window\n"
               "  qantar export --size 1920x1080 --out map.png\n"
               "  qantar export --size 3840x2160 --theme light --time 2022-01-05T20:00 --out report.png\n"
               "  qantar state --at 2022-01-05T20:00 --json\n"
               "  qantar validate my-events.json");

    qantar::app::GuiOptions gui;
    cli.add_option("--assets", gui.assets, "Directory holding geo/ (default: found next to the program)");
    cli.add_option("--theme", gui.theme, "Colour theme: dark or light")->check(CLI::IsMember({"dark", "light"}));
    cli.add_option("--benchmark-frames", gui.benchmarkFrames,
                   "Draw N frames while panning, print frame-time statistics as JSON, and exit")
        ->check(CLI::NonNegativeNumber);
    cli.add_flag("--benchmark-play", gui.benchmarkPlay, "With --benchmark-frames: play the clock instead of panning");
    cli.add_flag("--print-view", gui.printView, "Print the final view (centre, scale, time) as JSON on exit");
    cli.add_option("--data", gui.data, "Event file to open (default: the bundled assets/events/events.json)");
    cli.add_option("--time", gui.time, "Start at this moment (ISO 8601; without an offset, Almaty time UTC+6)");
    cli.add_option("--msaa", gui.msaaSamples, "Multisampling of the map view: 1 (off), 2, 4 or 8")
        ->check(CLI::IsMember({1, 2, 4, 8}))->capture_default_str();
    std::string windowSize;
    cli.add_option("--window", windowSize, "Initial window size WIDTHxHEIGHT (default 1600x900)");

    qantar::app::ExportOptions exp;
    CLI::App* exportCmd = cli.add_subcommand("export", "Render the map to a PNG without a window or display server");
    exportCmd->add_option("--size", exp.size, "Image size WIDTHxHEIGHT, 320x240 to 7680x4320")->capture_default_str();
    exportCmd->add_option("--out", exp.out, "PNG file to write")->required();
    exportCmd->add_option("--theme", exp.theme, "Colour theme: dark or light")->capture_default_str();
    exportCmd->add_option("--assets", exp.assets, "Directory holding geo/ (default: found next to the program)");
    exportCmd->add_option("--time", exp.time,
                          "Show the events at this moment (ISO 8601; without an offset, Almaty time UTC+6)");
    exportCmd->add_option("--data", exp.data, "Event file (default: the bundled assets/events/events.json)");

    qantar::app::StateOptions state;
    CLI::App* stateCmd = cli.add_subcommand("state", "Print the events shown at a moment, and the counters, as JSON");
    stateCmd->add_option("--at", state.at, "The moment, ISO 8601; without an offset, Almaty time (UTC+6)")->required();
    stateCmd->add_option("--data", state.data, "Event file (default: the bundled assets/events/events.json)");
    stateCmd->add_option("--assets", state.assets, "Assets directory (default: found next to the program)");
    stateCmd->add_flag("--json", state.json, "Print JSON (the only format; accepted for scripts)");

    std::string validatePath;
    CLI::App* validateCmd = cli.add_subcommand("validate", "Check an event file and list every problem with its line");
    validateCmd->add_option("FILE", validatePath, "The event file (qantar-events JSON)")->required();

    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "qantar: %s (see --help)\n", e.what());
        return 2;
    }

    if (*exportCmd) return qantar::app::runExport(exp);
    if (*stateCmd) return qantar::app::runState(state);
    if (*validateCmd) return qantar::app::runValidate(validatePath);

    if (!windowSize.empty()) {
        std::string message;
        if (!qantar::app::parseSize(windowSize, gui.widthPx, gui.heightPx, message)) {
            std::fprintf(stderr, "qantar: %s\n", message.c_str());
            return 2;
        }
    }
    return qantar::app::runGui(gui);
}
