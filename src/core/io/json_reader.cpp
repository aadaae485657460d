#include "core/io/json_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string_view>
#include <unordered_map>

#include "core/io/printable.hpp"

namespace qantar::core {

using nlohmann::json;

namespace {

bool hasBom(const std::string& text) { return text.compare(0, 3, "\xEF\xBB\xBF") == 0; }

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Column (1-based, in characters) of `offset` on the line that starts at `lineStart`.
std::size_t columnAt(const std::string& text, std::size_t lineStart, std::size_t offset) {
    std::size_t column = 1;
    for (std::size_t i = lineStart; i < offset && i < text.size(); ++i) column += !isContinuation(text[i]);
    return column;
}

// The key as JSON means it: escapes resolved (so "a" and "\u0061" are the same key).
std::string unescapedKey(std::string_view raw) {
    std::string out;
    auto hex4 = [&](std::size_t at, std::uint32_t& v) {
        if (at + 4 > raw.size()) return false;
        v = 0;
        for (std::size_t k = at; k < at + 4; ++k) {
            const char c = raw[k];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    };
    auto put = [&](std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out += raw[i];
            continue;
        }
        const char e = raw[++i];
        switch (e) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::uint32_t cp = 0, low = 0;
                if (!hex4(i + 1, cp)) {
                    out += e;
                    break;
                }
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && raw.substr(i + 1, 2) == "\\u" &&
                    hex4(i + 3, low) && low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
                put(cp);
                break;
            }
            default: out += e; break;  // \" \\ \/
        }
    }
    return out;
}

// The keys of one open object. Most objects have a handful of keys, compared one by one; an
// object with very many switches to a hash table, so a hostile file stays linear.
class KeySet {
public:
    // The line of the earlier occurrence when `key` was already there, else 0 (and it is added).
    std::size_t insert(std::string_view key, std::size_t line) {
        if (m_map.empty()) {
            for (const auto& [k, l] : m_small)
                if (k == key) return l;
            m_small.emplace_back(key, line);
            if (m_small.size() > 32) {
                for (const auto& [k, l] : m_small) m_map.emplace(k, l);
                m_small.clear();
            }
            return 0;
        }
        auto [it, added] = m_map.emplace(key, line);
        return added ? 0 : it->second;
    }
    std::string_view keep(std::string s) { return m_owned.emplace_back(std::move(s)); }

private:
    std::vector<std::pair<std::string_view, std::size_t>> m_small;
    std::unordered_map<std::string_view, std::size_t> m_map;
    std::deque<std::string> m_owned;  // keys written with escapes, resolved
};

// Builds the document from nlohmann's SAX events (its parser is iterative), optionally handing
// the elements of one top-level array to a callback instead of keeping them, and keeps where a
// failure happened, which the exception-based interface loses for out-of-range numbers.
class Builder : public nlohmann::json_sax<json> {
public:
    explicit Builder(const JsonReadOptions& options) : m_options(options) {}

    bool null() override { return value(json(nullptr)); }
    bool boolean(bool v) override { return value(json(v)); }
    bool number_integer(number_integer_t v) override { return value(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return value(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return value(json(v)); }
    bool string(string_t& v) override { return value(json(std::move(v))); }
    bool binary(binary_t& v) override { return value(json::binary(std::move(v))); }

    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override {
        const bool streamed = m_stack.size() == 1 && m_stack.back()->is_object() && m_rootKey == m_options.streamKey &&
                              !m_options.streamKey.empty() && m_options.onElement;
        if (!open(json::array())) return false;
        if (streamed) {
            m_streamed = m_stack.back();
            m_index = 0;
        }
        return true;
    }
    bool key(string_t& k) override {
        if (m_stack.size() == 1) m_rootKey = k;
        m_member = &(*m_stack.back())[k];
        return true;
    }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& ex) override {
        m_failed = true;
        m_position = position;
        m_lastToken = lastToken;
        m_id = ex.id;
        m_what = ex.what();
        return false;
    }

    json root;
    bool m_failed = false, m_stopped = false, m_tooDeep = false;
    bool m_inCallback = false;  // an exception now is the caller's, not a problem of the text
    std::size_t m_position = 0;
    std::string m_lastToken, m_what;
    int m_id = 0;

private:
    // Places a finished value in its container; a finished element of the streamed array goes
    // to the caller and is dropped.
    bool place(json&& v, json** where) {
        if (m_stack.empty()) {
            root = std::move(v);
            if (where) *where = &root;
            return true;
        }
        json& parent = *m_stack.back();
        json* slot = nullptr;
        if (parent.is_array()) {
            parent.get_ref<json::array_t&>().push_back(std::move(v));
            slot = &parent.get_ref<json::array_t&>().back();
        } else {
            *m_member = std::move(v);
            slot = m_member;
        }
        if (where) *where = slot;
        return true;
    }
    bool handOver(json& parent) {
        if (&parent != m_streamed) return true;
        auto& elements = parent.get_ref<json::array_t&>();
        m_inCallback = true;
        const bool more = m_options.onElement(m_index++, elements.back(), root);
        m_inCallback = false;
        elements.pop_back();
        if (!more) m_stopped = true;
        return more;
    }
    bool value(json&& v) {
        place(std::move(v), nullptr);
        return m_stack.empty() || handOver(*m_stack.back());
    }
    bool open(json&& container) {
        // The pre-scan already refused deeper text; this only guards the builder itself.
        if (static_cast<int>(m_stack.size()) >= kMaxJsonDepth) {
            m_tooDeep = true;
            return false;
        }
        json* slot = nullptr;
        place(std::move(container), &slot);
        m_stack.push_back(slot);
        return true;
    }
    bool close() {
        m_stack.pop_back();
        return m_stack.empty() || handOver(*m_stack.back());
    }

    const JsonReadOptions& m_options;
    std::vector<json*> m_stack;
    json* m_member = nullptr;
    json* m_streamed = nullptr;
    std::string m_rootKey;
    std::size_t m_index = 0;
};

// nlohmann's message less its "[json.exception.parse_error.101] parse error at line L, column C: "
// (the position is given in our own terms) and its "; last read: '...'" echo.
std::string plainParseError(const std::string& what) {
    std::string msg = what;
    const auto colon = msg.find(": ", msg.find("parse error"));
    if (msg.find("parse error") != std::string::npos && colon != std::string::npos) msg = msg.substr(colon + 2);
    else if (msg.rfind("[json.exception.", 0) == 0 && msg.find("] ") != std::string::npos) msg = msg.substr(msg.find("] ") + 2);
    msg = msg.substr(0, msg.find("; last read"));
    return printable(msg, 160);
}

// "path:LINE: " + what + " at column C" + rest: the form every problem of a file takes, so that
// scripts reading FILE:LINE: lines read these too.
std::string at(const std::string& path, const std::string& text, std::size_t offset, const std::string& what,
               const std::string& rest) {
    const TextPosition p = textPosition(text, offset);
    return path + ":" + std::to_string(p.line) + ": " + what + " at column " + std::to_string(p.column) + rest;
}

}  // namespace

TextPosition textPosition(const std::string& text, std::size_t offset) {
    const std::size_t end = std::min(offset, text.size());
    std::size_t line = 1, lineStart = hasBom(text) ? 3 : 0;
    for (std::size_t i = lineStart; i < end; ++i) {
        const char c = text[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++line;
            lineStart = i + 1;
        }
    }
    return TextPosition{line, columnAt(text, lineStart, end)};
}

JsonPrescan prescanJson(const std::string& text, int maxDepth, std::size_t maxDuplicates, const std::string& arrayKey) {
    JsonPrescan out;
    struct Frame {
        bool object = false;
        bool expectKey = false;
        bool counted = false;  // the array whose elements are counted
        bool empty = true;
        KeySet keys;
    };
    std::string_view rootKey;
    std::vector<Frame> stack;
    stack.reserve(static_cast<std::size_t>(maxDepth) + 1);
    std::size_t line = 1;
    const std::size_t n = text.size();
    for (std::size_t i = hasBom(text) ? 3 : 0; i < n; ++i) {
        const char c = text[i];
        switch (c) {
            case '\n': ++line; break;
            case '\r':
                if (i + 1 >= n || text[i + 1] != '\n') ++line;
                break;
            case '"': {
                if (!stack.empty()) stack.back().empty = false;
                const std::size_t start = i + 1, keyLine = line;
                bool escaped = false;
                ++i;
                for (; i < n; ++i) {
                    const char d = text[i];
                    if (d == '\\') {
                        escaped = true;
                        // Skip the escaped character, unless it is a line end (still counted).
                        if (i + 1 < n && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
                        continue;
                    }
                    if (d == '"') break;
                    if (d == '\n' || (d == '\r' && (i + 1 >= n || text[i + 1] != '\n'))) ++line;
                }
                if (i >= n) return out;  // an unterminated string: the parser will say so
                if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                    Frame& f = stack.back();
                    f.expectKey = false;
                    std::string_view key(text.data() + start, i - start);
                    if (escaped) key = f.keys.keep(unescapedKey(key));
                    if (stack.size() == 1) rootKey = key;
                    if (const std::size_t first = f.keys.insert(key, keyLine)) {
                        ++out.duplicateCount;
                        if (out.duplicates.size() < maxDuplicates) {
                            out.duplicates.push_back(JsonDuplicateKey{std::string(key), keyLine, first});
                        }
                    }
                }
                break;
            }
            case '{':
            case '[':
                if (static_cast<int>(stack.size()) >= maxDepth) {
                    out.tooDeepAt = i;
                    return out;
                }
                if (!stack.empty()) stack.back().empty = false;
                stack.emplace_back();
                stack.back().object = c == '{';
                stack.back().expectKey = c == '{';
                stack.back().counted = c == '[' && stack.size() == 2 && stack.front().object && !arrayKey.empty() &&
                                       rootKey == arrayKey;
                break;
            case '}':
            case ']':
                if (stack.empty()) return out;
                if (stack.back().counted && !stack.back().empty) ++out.elementCount;
                stack.pop_back();
                break;
            case ',':
                if (!stack.empty() && stack.back().object) stack.back().expectKey = true;
                if (!stack.empty() && stack.back().counted) ++out.elementCount;
                break;
            case ' ':
            case '\t':
                break;
            default:
                if (!stack.empty()) stack.back().empty = false;
                break;
        }
    }
    return out;
}

JsonRead readJson(const std::string& text, const std::string& path, const JsonReadOptions& options) {
    JsonRead out;
    const JsonPrescan scan = prescanJson(text, kMaxJsonDepth, options.maxDuplicates, options.streamKey);
    if (scan.tooDeepAt) {
        out.error = Error{ErrorKind::JsonSyntax,
                          at(path, text, *scan.tooDeepAt,
                             "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels of arrays and objects",
                             " (the limit; the format needs far fewer)")};
        return out;
    }
    out.duplicates = scan.duplicates;
    out.duplicateCount = scan.duplicateCount;
    if (options.onElementCount) options.onElementCount(scan.elementCount);
    Builder builder(options);
    bool ok = false;
    try {
        ok = json::sax_parse(text, &builder);
    } catch (const json::exception& e) {  // never expected from the SAX interface; never a crash either
        if (builder.m_inCallback) throw;
        out.error = Error{ErrorKind::JsonSyntax, path + ": not valid JSON: " + plainParseError(e.what())};
        return out;
    }
    if (builder.m_stopped) {
        out.stopped = true;
    } else if (builder.m_tooDeep) {
        out.error = Error{ErrorKind::JsonSyntax, path + ": nested deeper than " + std::to_string(kMaxJsonDepth) +
                                                     " levels of arrays and objects"};
    } else if (builder.m_failed) {
        if (builder.m_id == 406) {
            // nlohmann stops just past the number; its text is the token it read.
            const std::size_t len = builder.m_lastToken.size();
            const std::size_t start = builder.m_position >= len ? builder.m_position - len : 0;
            out.error = Error{ErrorKind::JsonSyntax,
                              at(path, text, start, "not valid JSON", ": number out of range: " +
                                                                         printable(builder.m_lastToken, 40) +
                                                                         " (numbers must lie within about -1.8e308 to 1.8e308)")};
        } else {
            out.error = Error{ErrorKind::JsonSyntax, jsonSyntaxMessage(builder.m_what, builder.m_position, text, path)};
        }
    } else if (!ok) {
        out.error = Error{ErrorKind::JsonSyntax, path + ": not valid JSON"};
    }
    if (out.error) {
        out.duplicates.clear();
        out.duplicateCount = 0;
        return out;
    }
    out.doc = std::move(builder.root);
    return out;
}

std::string describeJson(const json& v) {
    switch (v.type()) {
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return quotedText(v.get_ref<const std::string&>(), 40);
        case json::value_t::binary: return "binary data";
        case json::value_t::discarded: return "nothing";
        default: return v.dump();  // null, true, false or a number: short, and never nested
    }
}

std::string jsonSyntaxMessage(const std::string& what, std::size_t byte, const std::string& text,
                              const std::string& path) {
    // nlohmann's byte counts the characters read, the offending one included.
    return at(path, text, byte > 0 ? byte - 1 : 0, "not valid JSON", ": " + plainParseError(what));
}

}  // namespace qantar::core
