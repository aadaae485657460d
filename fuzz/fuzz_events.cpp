// Fuzzes the event dataset loader and its validation.
#include <cstdint>
#include <string>

#include "core/events/event_format.hpp"
#include "core/events/events.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto load = qantar::core::parseDataset(text, "fuzz.json");
    if (!load.dataset && load.problems.empty()) __builtin_trap();  // a rejected file names a problem
    return 0;
}
