#pragma once
// The command line, read into the options of the window or of one headless command. No file is
// opened and nothing is drawn here, so every word a user (or a script) can type is checked, and
// fuzzed, on its own.
#include <string>

#include "app/cli.hpp"
#include "app/gui_app.hpp"

namespace qantar::app {

struct CommandLine {
    enum class Command { Gui, Export, State, Validate, Import, ExportData, Cache, Exit };
    Command command = Command::Gui;
    // Exit: what to print (help, the version, or why the words were not understood) and the code.
    int exitCode = 0;
    std::string out, err;

    GuiOptions gui;
    ExportArgs exportArgs;
    StateOptions state;
    ImportCommandOptions import;
    std::string validatePath;
    ExportDataOptions exportData;
    CacheOptions cache;
};

CommandLine parseCommandLine(int argc, const char* const* argv);

}  // namespace qantar::app
