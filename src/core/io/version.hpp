#pragma once
// The program's version, for --version, the About window and file headers.
namespace qantar::core {

const char* version();  // "0.1.0"

}  // namespace qantar::core
