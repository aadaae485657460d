// Fuzzes the story loader, and round-trips what it accepts.
#include <cstdint>
#include <string>

#include "core/story/story.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto story = qantar::core::parseStory(text, "fuzz.json");
    if (story.ok()) {
        auto again = qantar::core::parseStory(qantar::core::serializeStory(*story), "fuzz-again.json");
        if (!again.ok() || again->scenes.size() != story->scenes.size()) __builtin_trap();  // must round-trip
    }
    return 0;
}
