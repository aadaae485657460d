#pragma once
// The program's version, for --version, the About window and file headers.
namespace qantar::core {

const char* version();  // "0.1.0"

// The commit the program was built from, as `git describe --always --dirty` named it when it was
// built ("commit 99a39de0f1", "commit 99a39de0f1-dirty"), or "unknown commit" when it was not
// built from a git checkout.
const char* buildCommit();

}  // namespace qantar::core
