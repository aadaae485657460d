// Fuzzes the loaders of the user's own files: settings and the story autosave.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/io/user_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = "/tmp/qantar-fuzz-settings-" + std::to_string(::getpid()) + ".json";
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    (void)qantar::core::loadSettings(path);
    std::string problem;
    if (auto a = qantar::core::readStoryAutosave(path, &problem)) {
        if (a->story.scenes.empty()) __builtin_trap();  // an accepted autosave holds a story
    }
    std::remove(path.c_str());
    return 0;
}
