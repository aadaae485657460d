#pragma once
// Cache files: work every run would repeat (the map's triangulated scene, the labels' glyph atlas)
// written once to a binary file that later runs map into memory. A file holds a header (magic,
// format version, a hash of everything the payload was made from, the payload's size and its
// checksum, the build of the program that wrote it) and the payload. Nothing in a cache file is trusted before all of that is checked: a
// file that is missing, stale (made from other inputs or by another format) or damaged in any way
// is reported as such, and the caller rebuilds from the inputs. docs/files.md says where they live.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/io/error.hpp"

namespace qantar::core {

// A 64-bit hash of bytes (XXH64), for the inputs' hash and the payload's checksum.
std::uint64_t hashBytes(std::string_view bytes, std::uint64_t seed = 0);

// Names the code that makes the cache files' contents: a hash of the sources that load, project,
// simplify and triangulate the map and rasterise the glyphs (cmake/cache_code.cmake, at build
// time). Every program built from those sources shares a cache; a file written by other code is
// stale, so a change to how the map is built can never be hidden by a cache the old code wrote.
std::uint64_t programId();

// Builds a hash of several inputs in turn; each part's length is hashed too, so that "ab"+"c" and
// "a"+"bc" differ.
class InputHash {
public:
    void add(std::string_view bytes);
    void addNumber(double v);
    std::uint64_t value() const { return m_h; }

private:
    std::uint64_t m_h = 0x71616e746172ULL;  // "qantar"
};

// A file mapped read-only into memory; unmapped when destroyed.
class MappedFile {
public:
    MappedFile() = default;
    MappedFile(MappedFile&& o) noexcept;
    MappedFile& operator=(MappedFile&& o) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();
    std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }

    // Errors: FileNotFound when there is no such file (or a folder on its path is not one),
    // FileUnreadable otherwise. An empty file
    // maps to no bytes.
    static Expected<MappedFile> open(const std::string& path);

private:
    void* m_data = nullptr;
    std::size_t m_size = 0;
};

// What a cache file's header says it is. `magic` is 8 bytes ("QNTRMAP1").
struct CacheKind {
    const char* magic;
    std::uint32_t formatVersion;
    const char* what;  // for messages: "map cache", "glyph cache"
};

struct CacheRead {
    enum class State { Missing, Valid, Stale, Damaged };
    State state = State::Missing;
    // Stale or Damaged: why, as the end of a sentence beginning with the file's path
    // ("was made from other map data", "is truncated").
    std::string problem;
    MappedFile file;          // Valid: the mapped file, which `payload` points into
    std::string_view payload;
};

// Maps `path` and checks its header, size and checksum against `kind` and `inputHash`.
CacheRead readCacheFile(const std::string& path, const CacheKind& kind, std::uint64_t inputHash,
                        const char* inputsName = "inputs");

// Writes header and payload atomically (core/io/atomic_file.hpp), creating the folder if needed.
Status writeCacheFile(const std::string& path, const CacheKind& kind, std::uint64_t inputHash, std::string_view payload);

// The user's cache folder: $XDG_CACHE_HOME/qantar, else ~/.cache/qantar (not created here).
std::string userCacheDir();

// Appends plain values to a payload, and reads them back with every read checked against the end.
class PayloadWriter {
public:
    template <typename T>
    void pod(const T& v) {
        m_out.append(reinterpret_cast<const char*>(&v), sizeof(T));
    }
    // A count, then the elements; both start at a multiple of 8 bytes into the payload (which
    // itself starts 64 bytes into the file), so the elements may be read in place.
    template <typename T>
    void array(const T* data, std::size_t n) {
        static_assert(alignof(T) <= 8);
        count(n);
        m_out.append(reinterpret_cast<const char*>(data), n * sizeof(T));
    }
    // A count of what follows, at a multiple of 8 bytes (PayloadReader::count reads it).
    void count(std::size_t n) {
        m_out.append((8 - m_out.size() % 8) % 8, '\0');
        pod(static_cast<std::uint64_t>(n));
    }
    void string(const std::string& s) { array(s.data(), s.size()); }
    std::string& bytes() { return m_out; }

private:
    std::string m_out;
};

class PayloadReader {
public:
    explicit PayloadReader(std::string_view in) : m_in(in) {}
    // False (and nothing read) when fewer than sizeof(T) bytes remain; stays false afterwards.
    template <typename T>
    bool pod(T& v) {
        return take(&v, sizeof(T));
    }
    // A count written by PayloadWriter::array, checked against what remains for `elementSize`.
    bool count(std::size_t& n, std::size_t elementSize);
    // The next `n` bytes in place (null, and the reader failed, if fewer remain).
    const char* view(std::size_t n);
    bool take(void* out, std::size_t n);
    bool string(std::string& s);
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_ok && m_pos == m_in.size(); }

private:
    std::string_view m_in;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

}  // namespace qantar::core
