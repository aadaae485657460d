#pragma once
// Text from a user's file quoted in a one-line message (stderr, a log, a dialog): nothing in it may
// act on the terminal, split the line, or reorder what is shown around it.
#include <cstddef>
#include <string>
#include <string_view>

namespace qantar::core {

// `text` made safe to quote in a message:
// - C0 controls (U+0000-U+001F, including newlines and ESC) and DEL become \xNN;
// - C1 controls (U+0080-U+009F), the bidirectional and invisible format characters (U+061C,
//   U+200B-U+200F, U+202A-U+202E, U+2066-U+2069), line and paragraph separators (U+2028, U+2029)
//   and U+FEFF become \uXXXX;
// - bytes that are not well-formed UTF-8 become \xNN;
// - past `maxChars` characters (code points) the rest is cut and "..." follows.
std::string printable(std::string_view text, std::size_t maxChars = 60);

// printable(text) between single quotes: 'text'.
std::string quotedText(std::string_view text, std::size_t maxChars = 60);

// The number of characters (Unicode code points) of UTF-8 text; a byte that is not part of a
// well-formed sequence counts as one. Limits on text lengths are in these units.
std::size_t codePointCount(std::string_view text);

}  // namespace qantar::core
