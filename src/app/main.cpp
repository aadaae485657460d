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
               "  qantar export --size 3840x2160 --theme light --out report.png");

    qantar::app::GuiOptions gui;
    cli.add_option("--assets", gui.assets, "Directory holding geo/ (default: found next to the program)");
    cli.add_option("--theme", gui.theme, "Colour theme: dark or light")->check(CLI::IsMember({"dark", "light"}));
    cli.add_option("--benchmark-frames", gui.benchmarkFrames,
                   "Draw N frames while panning, print frame-time statistics as JSON, and exit")
        ->check(CLI::NonNegativeNumber);
    cli.add_flag("--print-view", gui.printView, "Print the final view (centre, scale) as JSON on exit");
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

    if (!windowSize.empty()) {
        std::string message;
        if (!qantar::app::parseSize(windowSize, gui.widthPx, gui.heightPx, message)) {
            std::fprintf(stderr, "qantar: %s\n", message.c_str());
            return 2;
        }
    }
    return qantar::app::runGui(gui);
}
