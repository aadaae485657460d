#include "core/io/version.hpp"

#ifndef QANTAR_VERSION
#define QANTAR_VERSION "0.0.0"
#endif

namespace qantar::core {

const char* version() { return QANTAR_VERSION; }

}  // namespace qantar::core
