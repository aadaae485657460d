#include "core/io/version.hpp"

#include "version_commit.hpp"  // generated in the build tree (cmake/version_commit.cmake)

#ifndef QANTAR_VERSION
#define QANTAR_VERSION "0.0.0"
#endif
#ifndef QANTAR_BUILD_COMMIT
#define QANTAR_BUILD_COMMIT "unknown commit"
#endif

namespace qantar::core {

const char* version() { return QANTAR_VERSION; }

const char* buildCommit() { return QANTAR_BUILD_COMMIT; }

}  // namespace qantar::core
