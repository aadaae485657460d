// Fuzzes the GeoJSON reader used for the map layers.
#include <cstdint>
#include <string>

#include "core/geo/geojson.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto r = qantar::core::parseGeoJson(text, "fuzz.geojson");
    if (!r.ok() && r.error().message.empty()) __builtin_trap();  // every failure must explain itself
    return 0;
}
