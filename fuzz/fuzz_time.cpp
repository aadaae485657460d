// Fuzzes the parsers of times, durations and clock times typed by users and read from files.
#include <cstdint>
#include <string>

#include "core/time/time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (auto t = qantar::core::parseIsoTime(text)) {
        // What parses must print and parse back to the same instant.
        auto again = qantar::core::parseIsoTime(qantar::core::formatIso(t->instant, t->offset.value_or(qantar::core::kAlmatyTime)));
        if (!again || again->instant != t->instant) __builtin_trap();
    }
    (void)qantar::core::parseDuration(text);
    (void)qantar::core::parseClock(text);
    return 0;
}
