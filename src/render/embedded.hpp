#pragma once
// Files embedded into the binary at build time (shaders/, fonts); see cmake/embed.cmake.
#include <string_view>

namespace qantar::render {
// The bytes of the embedded file `name` (e.g. "line.vert"), or an empty view if there is none.
std::string_view embeddedFile(std::string_view name);
}  // namespace qantar::render
