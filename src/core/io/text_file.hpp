#pragma once
// Reading a user's or an asset's text file whole, safely: only a regular file is read (a FIFO, a
// device such as /dev/zero or a directory is refused at once, without waiting or reading), a file
// larger than the caller's limit is refused before any of it is read, the read itself stops at the
// limit (a file that grows meanwhile), and a NUL byte, which no text or JSON file holds, is
// reported with its offset. Every message names the file.
#include <cstdint>
#include <string>

#include "core/io/error.hpp"

namespace qantar::core {

// A size limit with the name of what it limits, for the message: "FILE: is 2.0 GiB (2147483648
// bytes), more than the 1 GiB limit for event files".
struct TextLimit {
    std::uint64_t maxBytes;
    const char* what;  // plural noun: "event files"
};

// The limits of the formats qantar reads (also in docs/files.md).
inline constexpr TextLimit kEventFileLimit{std::uint64_t{1} << 30, "event files"};         // 1 GiB
inline constexpr TextLimit kStoryFileLimit{std::uint64_t{64} << 20, "story files"};        // 64 MiB
inline constexpr TextLimit kSettingsFileLimit{std::uint64_t{16} << 20, "settings files"};  // 16 MiB
inline constexpr TextLimit kAutosaveFileLimit{std::uint64_t{64} << 20, "autosaves"};       // 64 MiB, a story
inline constexpr TextLimit kGeoJsonFileLimit{std::uint64_t{256} << 20, "map layers"};      // 256 MiB
// For readers with no format of their own (tools, tests).
inline constexpr TextLimit kTextFileLimit{std::uint64_t{1} << 30, "text files"};           // 1 GiB

enum class NulBytes { Refuse, Allow };

// Reads a whole regular file into a string. FileNotFound when it does not exist; FileUnreadable
// when it is not a regular file, cannot be opened ("permission denied", "too many levels of
// symbolic links"), is larger than `limit`, or (unless allowed) holds a NUL byte: "FILE: contains
// a NUL byte at offset N; not a text file" (a UTF-16 file is named as such).
Expected<std::string> readTextFile(const std::string& path, TextLimit limit, NulBytes nul = NulBytes::Refuse);
inline Expected<std::string> readTextFile(const std::string& path) { return readTextFile(path, kTextFileLimit); }

// Whether `path` is a regular file this process can open for reading (and, if given, within
// `limit`), without reading it: the same messages as readTextFile.
Status checkReadableFile(const std::string& path, TextLimit limit = {UINT64_MAX, "files"});

// "2.0 GiB", "512 KiB", "17 bytes": sizes in messages.
std::string describeSize(std::uint64_t bytes);

}  // namespace qantar::core
