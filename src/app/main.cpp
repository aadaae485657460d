// qantar's entry point: reads the command line and hands over to the window or a headless command.
#include <chrono>
#include <cstdio>

#include "app/cli.hpp"
#include "app/command_line.hpp"
#include "app/gui_app.hpp"

int main(int argc, char** argv) {
    const auto processStart = std::chrono::steady_clock::now();
    using qantar::app::CommandLine;
    const CommandLine c = qantar::app::parseCommandLine(argc, argv);
    switch (c.command) {
        case CommandLine::Command::Exit:
            std::fputs(c.out.c_str(), stdout);
            std::fputs(c.err.c_str(), stderr);
            return c.exitCode;
        case CommandLine::Command::Export: return qantar::app::runExport(c.exportArgs);
        case CommandLine::Command::State: return qantar::app::runState(c.state);
        case CommandLine::Command::Validate: return qantar::app::runValidate(c.validatePath);
        case CommandLine::Command::Import: return qantar::app::runImport(c.import);
        case CommandLine::Command::ExportData: return qantar::app::runExportData(c.exportData);
        case CommandLine::Command::Cache: return qantar::app::runCache(c.cache);
        case CommandLine::Command::Gui: break;
    }
    return qantar::app::runGui(c.gui, processStart);
}
