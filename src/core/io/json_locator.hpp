#pragma once
// Finds the line on which values of a JSON text start, by JSON-pointer-like path
// ("/events/3/start"), so that validation messages can name a line. Only positions are read
// here; the values themselves are parsed by nlohmann::json (see json_reader.hpp).
#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace qantar::core {

// "path:L: not valid JSON at column C: ..." from nlohmann's message and parse_error::byte; defined
// with the rest of the JSON reading in json_reader.cpp (declared here too for older callers).
std::string jsonSyntaxMessage(const std::string& what, std::size_t byte, const std::string& text,
                              const std::string& path);

class JsonLocator {
public:
    // One linear scan of `text` (no recursion) that records the lines of `paths` and of their
    // ancestors only, so that locating a few problems in a large file stays cheap. Stops quietly
    // at the first syntax error. Lines end at "\n", "\r\n" or a lone "\r"; a byte order mark at
    // the start is skipped.
    JsonLocator(const std::string& text, const std::vector<std::string>& paths);
    // 1-based line of the value at `path` ("" is the root), or of the nearest recorded ancestor.
    // The line of an object member is the line of its key.
    int lineOf(const std::string& path) const;

private:
    std::unordered_map<std::string, int> m_lines;
};

}  // namespace qantar::core
