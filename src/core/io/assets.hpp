#pragma once
// Finding the assets/ directory, so the program runs from any working directory.
#include <string>

#include "core/io/error.hpp"

namespace qantar::core {

// Resolves the assets directory. An explicit `overrideDir` (from --assets) must exist. Otherwise
// tries, in order: $QANTAR_ASSETS, <executable dir>/assets, <executable dir>/../assets, and the
// source tree's assets/ recorded at build time. FileNotFound names what was tried.
Expected<std::string> findAssetDir(const std::string& overrideDir = {});

}  // namespace qantar::core
