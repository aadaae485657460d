#pragma once
// Finds the line on which each value of a JSON text starts, by JSON-pointer-like path
// ("/events/3/start"), so that validation messages can name a line. Only positions are read
// here; the values themselves are parsed by nlohmann::json.
#include <string>
#include <unordered_map>

namespace qantar::core {

// "events.json:29: not valid JSON: parse error at line 29, column 7: ..." from a JSON library's
// message (`what`) and the byte offset it stopped at: names the line, and drops the library's echo
// of the bytes it read (they may not be valid UTF-8 and would garble the message).
std::string jsonSyntaxMessage(const std::string& what, std::size_t byte, const std::string& text,
                              const std::string& path);

class JsonLocator {
public:
    // Scans `text` (stops quietly at the first syntax error or past kMaxDepth nesting).
    explicit JsonLocator(const std::string& text);
    // 1-based line of the value at `path` ("" is the root), or of the nearest recorded ancestor.
    int lineOf(const std::string& path) const;

    static constexpr int kMaxDepth = 64;

private:
    void value(const std::string& path, int depth);
    void skipSpace();
    bool string(std::string* out);

    const std::string& m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    bool m_failed = false;
    std::unordered_map<std::string, int> m_lines;
};

}  // namespace qantar::core
