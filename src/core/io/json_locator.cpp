#include "core/io/json_locator.hpp"

#include <algorithm>

namespace qantar::core {

std::string jsonSyntaxMessage(const std::string& what, std::size_t byte, const std::string& text,
                              const std::string& path) {
    std::string msg = what;
    const auto pos = msg.find("parse error");
    if (pos != std::string::npos) msg = msg.substr(pos);
    msg = msg.substr(0, msg.find("; last read"));
    const std::size_t upto = std::min(byte, text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(upto > 0 ? upto - 1 : 0), '\n');
    return path + ":" + std::to_string(line) + ": not valid JSON: " + msg;
}

JsonLocator::JsonLocator(const std::string& text) : m_text(text) { value("", 0); }

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

void JsonLocator::skipSpace() {
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == '\n') ++m_line;
        else if (c != ' ' && c != '\t' && c != '\r') break;
        ++m_pos;
    }
}

bool JsonLocator::string(std::string* out) {
    if (m_pos >= m_text.size() || m_text[m_pos] != '"') return false;
    ++m_pos;
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos++];
        if (c == '"') return true;
        if (c == '\n') ++m_line;
        if (c == '\\' && m_pos < m_text.size()) {
            // Escapes matter only for keys, which in our formats are plain ASCII.
            const char e = m_text[m_pos++];
            if (out) out->push_back(e);
            continue;
        }
        if (out) out->push_back(c);
    }
    return false;
}

void JsonLocator::value(const std::string& path, int depth) {
    skipSpace();
    if (m_failed || m_pos >= m_text.size() || depth > kMaxDepth) {
        m_failed = true;
        return;
    }
    m_lines.emplace(path, m_line);
    const char c = m_text[m_pos];
    if (c == '{') {
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return;
        }
        while (!m_failed) {
            skipSpace();
            std::string key;
            const int keyLine = m_line;
            if (!string(&key)) {
                m_failed = true;
                return;
            }
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') {
                m_failed = true;
                return;
            }
            ++m_pos;
            const std::string child = path + "/" + key;
            m_lines.emplace(child, keyLine);
            value(child, depth + 1);
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') ++m_pos;
            else m_failed = true;
            return;
        }
    } else if (c == '[') {
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return;
        }
        for (int index = 0; !m_failed; ++index) {
            value(path + "/" + std::to_string(index), depth + 1);
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') ++m_pos;
            else m_failed = true;
            return;
        }
    } else if (c == '"') {
        if (!string(nullptr)) m_failed = true;
    } else {
        // Number or literal: runs to the next delimiter.
        while (m_pos < m_text.size()) {
            const char d = m_text[m_pos];
            if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\t' || d == '\r') break;
            ++m_pos;
        }
    }
}

}  // namespace qantar::core
