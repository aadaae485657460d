// Fuzzes the command line: arbitrary words (split at NUL bytes and newlines) read into options as
// `qantar` reads them, then every value the export, state and window options carry parsed as the
// commands would (sizes, overlay lists, moments, steps). Nothing is opened or drawn.
#include <cstdint>
#include <string>
#include <vector>

#include "app/command_line.hpp"
#include "core/export/export_spec.hpp"
#include "core/time/time.hpp"

using namespace qantar;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> words{"qantar"};
    std::string word;
    for (std::size_t i = 0; i < size && words.size() < 64; ++i) {
        const char c = static_cast<char>(data[i]);
        if (c == '\0' || c == '\n') {
            words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(word);
    std::vector<const char*> argv;
    for (const auto& w : words) argv.push_back(w.c_str());
    const app::CommandLine c = app::parseCommandLine(static_cast<int>(argv.size()), argv.data());
    if (c.command == app::CommandLine::Command::Exit && c.exitCode != 0 && c.err.empty()) __builtin_trap();  // a refusal says why
    const app::ExportArgs& e = c.exportArgs;
    (void)core::parseExportSize(e.size);
    (void)core::parseOverlaySet(e.overlays, !e.title.empty());
    for (const std::string* t : {&e.time, &e.from, &e.to, &c.state.at, &c.gui.time}) (void)core::parseIsoTime(*t);
    (void)core::parseDuration(e.step);
    return 0;
}
