#pragma once
// Writing files so that a crash, a full disk or a kill never leaves a half-written file: the
// bytes go to a temporary file beside the target, are flushed to disk, and the temporary file is
// renamed over the target (atomic on POSIX file systems). The old file stays intact until then.
#include <string>
#include <string_view>

#include "core/io/error.hpp"

namespace qantar::core {

// FileUnwritable naming the path and the reason on failure; the temporary file is removed.
Status writeFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace qantar::core
