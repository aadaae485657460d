#include "core/io/json_locator.hpp"

#include <cstddef>

namespace qantar::core {

namespace {

class Scanner {
public:
    Scanner(const std::string& text, const std::unordered_set<std::string>& wanted,
            std::unordered_map<std::string, int>& lines)
        : m_text(text), m_wanted(wanted), m_lines(lines) {
        if (m_text.compare(0, 3, "\xEF\xBB\xBF") == 0) m_pos = 3;
    }

    void run() {
        struct Frame {
            bool object;
            std::string path;
            std::size_t index;
        };
        std::vector<Frame> stack;
        // The root value.
        if (!startValue("", stack)) return;
        while (!stack.empty()) {
            Frame& f = stack.back();
            skipSpace();
            if (m_pos >= m_text.size()) return;
            const char c = m_text[m_pos];
            if (c == (f.object ? '}' : ']')) {
                ++m_pos;
                stack.pop_back();
                continue;
            }
            if (f.index > 0) {
                if (c != ',') return;
                ++m_pos;
                skipSpace();
            }
            std::string child;
            if (f.object) {
                std::string key;
                const int keyLine = m_line;
                if (!string(&key)) return;
                skipSpace();
                if (m_pos >= m_text.size() || m_text[m_pos] != ':') return;
                ++m_pos;
                child = f.path + "/" + key;
                if (m_wanted.count(child)) m_lines.emplace(child, keyLine);
            } else {
                child = f.path + "/" + std::to_string(f.index);
            }
            ++f.index;
            if (!startValue(child, stack)) return;
        }
    }

private:
    // Records a value's line; a container on a wanted path is entered (pushed), anything else
    // is skipped whole. False at a syntax error.
    template <typename Stack>
    bool startValue(const std::string& path, Stack& stack) {
        skipSpace();
        if (m_pos >= m_text.size()) return false;
        const bool wanted = m_wanted.count(path) > 0;
        if (wanted) m_lines.emplace(path, m_line);
        const char c = m_text[m_pos];
        if ((c == '{' || c == '[') && wanted) {
            ++m_pos;
            stack.push_back({c == '{', path, 0});
            return true;
        }
        return skipValue();
    }

    // Skips one value of any depth by counting brackets outside strings.
    bool skipValue() {
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                if (!string(nullptr)) return false;
                if (depth == 0) return true;
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0) return true;  // the end of the enclosing container
                if (--depth == 0) {
                    ++m_pos;
                    return true;
                }
            } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                return true;  // the end of a number or literal
            } else {
                lineEnd(c);
            }
            ++m_pos;
        }
        return depth == 0;
    }

    // Counts a line end at m_pos ("\r\n" counts once, at its "\n").
    void lineEnd(char c) {
        if (c == '\n' || (c == '\r' && (m_pos + 1 >= m_text.size() || m_text[m_pos + 1] != '\n'))) ++m_line;
    }

    void skipSpace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            lineEnd(c);
            ++m_pos;
        }
    }

    bool string(std::string* out) {
        if (m_pos >= m_text.size() || m_text[m_pos] != '"') return false;
        ++m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            lineEnd(c);
            ++m_pos;
            if (c == '"') return true;
            if (c == '\\' && m_pos < m_text.size()) {
                // Escapes matter only for keys, which in our formats are plain ASCII.
                const char e = m_text[m_pos];
                if (e == '\n' || e == '\r') continue;  // counted on the next round
                ++m_pos;
                if (out) out->push_back(e);
                continue;
            }
            if (out) out->push_back(c);
        }
        return false;
    }

    const std::string& m_text;
    const std::unordered_set<std::string>& m_wanted;
    std::unordered_map<std::string, int>& m_lines;
    std::size_t m_pos = 0;
    int m_line = 1;
};

}  // namespace

JsonLocator::JsonLocator(const std::string& text, const std::vector<std::string>& paths) {
    std::unordered_set<std::string> wanted;
    for (const std::string& p : paths) {
        // The path and every ancestor: "/events/3/start", "/events/3", "/events", "".
        std::string q = p;
        for (;;) {
            if (!wanted.insert(q).second) break;
            const auto slash = q.rfind('/');
            if (slash == std::string::npos) break;
            q.resize(slash);
        }
        wanted.insert("");
    }
    Scanner(text, wanted, m_lines).run();
}

int JsonLocator::lineOf(const std::string& path) const {
    std::string p = path;
    for (;;) {
        auto it = m_lines.find(p);
        if (it != m_lines.end()) return it->second;
        const auto slash = p.rfind('/');
        if (slash == std::string::npos || p.empty()) return 1;
        p.resize(slash);
    }
}

}  // namespace qantar::core
