#pragma once
// Reading a user's or an asset's file whole, with a message that names it when it cannot be read.
#include <string>

#include "core/io/error.hpp"

namespace qantar::core {

// Reads a whole file into a string; FileNotFound / FileUnreadable on failure.
Expected<std::string> readTextFile(const std::string& path);

}  // namespace qantar::core
