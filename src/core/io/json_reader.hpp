#pragma once
// Reading the JSON of user files (events, stories) and assets (GeoJSON) safely: a linear pre-scan
// refuses nesting deeper than kMaxJsonDepth before anything is parsed and finds keys repeated in
// an object; the parse itself (nlohmann's, which does not recurse) can hand the elements of one
// top-level array to the caller one at a time, so a large file is never held as a whole tree;
// and every failure is one line that names the file, line and column in plain words.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/io/error.hpp"

namespace qantar::core {

// The deepest nesting of arrays and objects accepted. qantar's formats need about 6 levels (a
// GeoJSON MultiPolygon 7); anything deeper is refused before parsing, so that no code that walks
// a value (copying, printing, comparing) can run out of stack on a hostile file.
constexpr int kMaxJsonDepth = 64;

// Line and column (1-based) of a byte offset. Lines end at "\n", "\r\n" or a lone "\r"; columns
// count characters (code points), and a UTF-8 byte order mark at the start takes no column.
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};
TextPosition textPosition(const std::string& text, std::size_t offset);

// A key that appears a second time in the same object (the format forbids it; a JSON parser would
// silently keep only the last value).
struct JsonDuplicateKey {
    std::string key;        // as written (escapes resolved)
    std::size_t line = 0;   // of the repeated key
    std::size_t firstLine = 0;
};

// What a linear scan of the text finds before it is parsed. Never recurses; stops quietly at
// text that is not JSON (the parser then says what is wrong).
struct JsonPrescan {
    std::optional<std::size_t> tooDeepAt;       // offset of the bracket that opens level kMaxJsonDepth + 1
    std::vector<JsonDuplicateKey> duplicates;   // the first `maxDuplicates`, in file order
    std::size_t duplicateCount = 0;
    std::size_t elementCount = 0;               // elements of the array under top-level key `arrayKey`
};
JsonPrescan prescanJson(const std::string& text, int maxDepth = kMaxJsonDepth, std::size_t maxDuplicates = 50,
                        const std::string& arrayKey = {});

struct JsonReadOptions {
    // When set, each element of the array under this top-level key (e.g. "events") is handed to
    // onElement as soon as it is complete, with its index and the document read so far (the
    // members before that array), and is not kept in the document (the array stays in it,
    // empty). onElement returns false to stop reading.
    std::string streamKey;
    std::function<bool(std::size_t index, const nlohmann::json& element, const nlohmann::json& document)> onElement;
    // Called before parsing with the number of elements of that array (counted by the pre-scan).
    std::function<void(std::size_t count)> onElementCount;
    std::size_t maxDuplicates = 50;
};

struct JsonRead {
    nlohmann::json doc;                      // the document (less any streamed elements)
    std::optional<Error> error;              // JsonSyntax: the text could not be read at all
    std::vector<JsonDuplicateKey> duplicates;
    std::size_t duplicateCount = 0;
    bool stopped = false;                    // onElement asked to stop
};

// Pre-scans and parses `text`; `path` only labels messages. Failures (error) read
//   "events.json:7: not valid JSON at column 12: number out of range: 1e400 (...)"
//   "events.json:3: nested deeper than 64 levels of arrays and objects at column 40 (...)"
//   "events.json:29: not valid JSON at column 7: syntax error while parsing object - unexpected end of input"
JsonRead readJson(const std::string& text, const std::string& path, const JsonReadOptions& options = {});

// A value described for a message without printing it whole: "an array", "an object", "42",
// "true", "null", or a string as 'text' (escaped and cut, see printable()).
std::string describeJson(const nlohmann::json& value);

// "path:L: not valid JSON at column C: ..." from a JSON library's message and the offset it stopped at
// (nlohmann's parse_error::byte): the library's own position, jargon and echo of the bytes it read
// (they may not be text) are left out.
std::string jsonSyntaxMessage(const std::string& what, std::size_t byte, const std::string& text,
                              const std::string& path);

}  // namespace qantar::core
