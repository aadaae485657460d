#include "core/io/printable.hpp"

#include <cstdint>
#include <cstdio>

namespace qantar::core {

namespace {

// Length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF) and its code point; 0 when the byte there does not start one.
std::size_t sequenceAt(std::string_view s, std::size_t i, std::uint32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0Fu;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07u;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    return len;
}

bool isHidden(std::uint32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

}  // namespace

std::string printable(std::string_view text, std::size_t maxChars) {
    std::string out;
    out.reserve(text.size() < maxChars ? text.size() : maxChars);
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (chars == maxChars) {
            out += "...";
            break;
        }
        ++chars;
        std::uint32_t cp = 0;
        const std::size_t len = sequenceAt(text, i, cp);
        char buf[12];
        if (len == 0 || cp < 0x20 || cp == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
            out += buf;
            ++i;
        } else if (isHidden(cp)) {
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
            out += buf;
            i += len;
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

std::string quotedText(std::string_view text, std::size_t maxChars) { return "'" + printable(text, maxChars) + "'"; }

std::size_t codePointCount(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++n) {
        std::uint32_t cp = 0;
        const std::size_t len = sequenceAt(text, i, cp);
        i += len == 0 ? 1 : len;
    }
    return n;
}

}  // namespace qantar::core
