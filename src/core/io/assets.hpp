#pragma once
// Finding the assets/ directory, so the program runs from any working directory, from its build
// tree and from wherever it is installed.
#include <string>
#include <vector>

#include "core/io/error.hpp"

namespace qantar::core {

// The places findAssetDir tries when no --assets is given, in order (docs/files.md):
//   1. $QANTAR_ASSETS, when set;
//   2. <executable dir>/../share/qantar/assets — the installed layout (`cmake --install`), found
//      relative to the running program (/proc/self/exe), so an installed tree can be moved;
//   3. <executable dir>/assets — the build tree: build/qantar, where the configure step links
//      build/assets to the source tree's assets/;
//   4. <executable dir>/../assets — the build tree's other programs (build/tests/, build/bench/).
// No absolute build or source path is baked into the program.
std::vector<std::string> assetDirCandidates();

// Resolves the assets directory. An explicit `overrideDir` (from --assets) must exist. Otherwise
// the first of assetDirCandidates() that holds geo/. FileNotFound names every place tried.
Expected<std::string> findAssetDir(const std::string& overrideDir = {});

}  // namespace qantar::core
