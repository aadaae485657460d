#pragma once
// GoogleTest printers for core time types, so that a failed comparison shows
// "2022-01-05T14:00:00Z" rather than raw bytes. Found by argument-dependent lookup.
#include <ostream>

#include "core/time/time.hpp"

namespace qantar::core {

inline void PrintTo(const Instant& t, std::ostream* os) { *os << formatIso(t, kUtc); }
inline void PrintTo(const Duration& d, std::ostream* os) { *os << d.seconds << " s"; }
inline void PrintTo(const ZoneOffset& z, std::ostream* os) { *os << formatOffset(z); }

}  // namespace qantar::core
