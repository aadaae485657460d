// Fuzzes the parsers of times, durations and clock times typed by users and read from files.
#include <cstdint>
#include <string>

#include "core/time/time.hpp"
#include "core/time/time_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (auto t = qantar::core::parseIsoTime(text)) {
        // What parses must print and parse back to the same instant.
        auto again = qantar::core::parseIsoTime(qantar::core::formatIso(t->instant, t->offset.value_or(qantar::core::kAlmatyTime)));
        if (!again || again->instant != t->instant) __builtin_trap();
    }
    const qantar::core::Instant reference{1641621600};  // 2022-01-08T12:00+06:00
    if (auto t = qantar::core::parseUserTime(text, qantar::core::kWestTime, reference)) {
        // What a user types must print and read back to the same instant too.
        const qantar::core::ZoneOffset zone = t->offset.value_or(qantar::core::kWestTime);
        auto again = qantar::core::parseUserTime(qantar::core::formatIso(t->instant, zone), qantar::core::kWestTime, reference);
        if (!again || again->instant != t->instant) __builtin_trap();
    }
    (void)qantar::core::parseDuration(text);
    (void)qantar::core::parseClock(text);
    return 0;
}
