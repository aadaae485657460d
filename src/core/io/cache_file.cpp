#include "core/io/cache_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "cache_code.hpp"  // QANTAR_CACHE_CODE, generated at build time
#include "core/io/atomic_file.hpp"

namespace qantar::core {

namespace {

// XXH64 (Yann Collet's xxHash, 64-bit), as specified in xxhash's doc/xxhash_spec.md.
constexpr std::uint64_t kP1 = 11400714785074694791ULL;
constexpr std::uint64_t kP2 = 14029467366897019727ULL;
constexpr std::uint64_t kP3 = 1609587929392839161ULL;
constexpr std::uint64_t kP4 = 9650029242287828579ULL;
constexpr std::uint64_t kP5 = 2870177450012600261ULL;

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
std::uint64_t read64(const unsigned char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;  // little-endian hosts only (x86-64, arm64): the cache is not portable anyway
}
std::uint32_t read32(const unsigned char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}
std::uint64_t round(std::uint64_t acc, std::uint64_t input) {
    acc += input * kP2;
    acc = rotl(acc, 31);
    return acc * kP1;
}
std::uint64_t mergeRound(std::uint64_t acc, std::uint64_t val) {
    acc ^= round(0, val);
    return acc * kP1 + kP4;
}

// The header at the start of every cache file, followed by the payload.
struct Header {
    char magic[8];
    std::uint32_t formatVersion;
    std::uint32_t headerSize;
    std::uint64_t inputHash;
    std::uint64_t payloadSize;
    std::uint64_t payloadHash;
    std::uint64_t programId;  // programId() of the program that wrote it
    std::uint64_t reserved[2];
};
static_assert(sizeof(Header) == 64);

}  // namespace

std::uint64_t programId() {
    static const std::uint64_t id = hashBytes(QANTAR_CACHE_CODE);
    return id;
}

std::uint64_t hashBytes(std::string_view bytes, std::uint64_t seed) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t len = bytes.size();
    const unsigned char* const end = p + len;
    std::uint64_t h;
    if (len >= 32) {
        const unsigned char* const limit = end - 32;
        std::uint64_t v1 = seed + kP1 + kP2, v2 = seed + kP2, v3 = seed, v4 = seed - kP1;
        do {
            v1 = round(v1, read64(p));
            v2 = round(v2, read64(p + 8));
            v3 = round(v3, read64(p + 16));
            v4 = round(v4, read64(p + 24));
            p += 32;
        } while (p <= limit);
        h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
        h = mergeRound(h, v1);
        h = mergeRound(h, v2);
        h = mergeRound(h, v3);
        h = mergeRound(h, v4);
    } else {
        h = seed + kP5;
    }
    h += static_cast<std::uint64_t>(len);
    while (p + 8 <= end) {
        h ^= round(0, read64(p));
        h = rotl(h, 27) * kP1 + kP4;
        p += 8;
    }
    if (p + 4 <= end) {
        h ^= static_cast<std::uint64_t>(read32(p)) * kP1;
        h = rotl(h, 23) * kP2 + kP3;
        p += 4;
    }
    while (p < end) {
        h ^= (*p) * kP5;
        h = rotl(h, 11) * kP1;
        ++p;
    }
    h ^= h >> 33;
    h *= kP2;
    h ^= h >> 29;
    h *= kP3;
    h ^= h >> 32;
    return h;
}

void InputHash::add(std::string_view bytes) {
    const std::uint64_t n = bytes.size();
    m_h = hashBytes(std::string_view(reinterpret_cast<const char*>(&n), sizeof n), m_h);
    m_h = hashBytes(bytes, m_h);
}

void InputHash::addNumber(double v) { add(std::string_view(reinterpret_cast<const char*>(&v), sizeof v)); }

MappedFile::MappedFile(MappedFile&& o) noexcept : m_data(o.m_data), m_size(o.m_size) {
    o.m_data = nullptr;
    o.m_size = 0;
}

MappedFile& MappedFile::operator=(MappedFile&& o) noexcept {
    if (this != &o) {
        if (m_data) ::munmap(m_data, m_size);
        m_data = o.m_data;
        m_size = o.m_size;
        o.m_data = nullptr;
        o.m_size = 0;
    }
    return *this;
}

MappedFile::~MappedFile() {
    if (m_data) ::munmap(m_data, m_size);
}

Expected<MappedFile> MappedFile::open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        return Error{e == ENOENT || e == ENOTDIR ? ErrorKind::FileNotFound : ErrorKind::FileUnreadable,
                     path + ": " + std::strerror(e)};
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error{ErrorKind::FileUnreadable, path + ": not a regular file"};
    }
    MappedFile f;
    if (st.st_size > 0) {
        void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p == MAP_FAILED) {
            const int e = errno;
            ::close(fd);
            return Error{ErrorKind::FileUnreadable, path + ": " + std::strerror(e)};
        }
        f.m_data = p;
        f.m_size = static_cast<std::size_t>(st.st_size);
    }
    ::close(fd);
    return f;
}

CacheRead readCacheFile(const std::string& path, const CacheKind& kind, std::uint64_t inputHash, const char* inputsName) {
    CacheRead r;
    auto mapped = MappedFile::open(path);
    if (!mapped) {
        if (mapped.error().kind == ErrorKind::FileNotFound) return r;
        r.state = CacheRead::State::Damaged;
        r.problem = "cannot be read (" + mapped.error().message + ")";
        return r;
    }
    const std::string_view bytes = mapped->bytes();
    auto damaged = [&](std::string why) {
        r.state = CacheRead::State::Damaged;
        r.problem = std::move(why);
        return std::move(r);
    };
    if (bytes.empty()) return damaged("is empty");
    Header h{};
    if (bytes.size() < sizeof h) return damaged("is truncated");
    std::memcpy(&h, bytes.data(), sizeof h);
    if (std::memcmp(h.magic, kind.magic, sizeof h.magic) != 0) return damaged(std::string("is not a qantar ") + kind.what);
    if (h.formatVersion != kind.formatVersion || h.headerSize != sizeof h) {
        r.state = CacheRead::State::Stale;
        r.problem = "was written by another version of qantar";
        return r;
    }
    if (h.programId != programId()) {
        r.state = CacheRead::State::Stale;
        r.problem = "was made by other code (another build of qantar)";
        return r;
    }
    if (h.inputHash != inputHash) {
        r.state = CacheRead::State::Stale;
        r.problem = std::string("was made from other ") + inputsName;
        return r;
    }
    if (h.payloadSize != bytes.size() - sizeof h) {
        return damaged(h.payloadSize > bytes.size() - sizeof h ? "is truncated" : "has bytes past its end");
    }
    const std::string_view payload = bytes.substr(sizeof h);
    if (hashBytes(payload) != h.payloadHash) return damaged("is damaged (its contents do not match its checksum)");
    r.state = CacheRead::State::Valid;
    r.file = std::move(*mapped);
    r.payload = r.file.bytes().substr(sizeof h);
    return r;
}

Status writeCacheFile(const std::string& path, const CacheKind& kind, std::uint64_t inputHash, std::string_view payload) {
    Header h{};
    std::memcpy(h.magic, kind.magic, sizeof h.magic);
    h.formatVersion = kind.formatVersion;
    h.headerSize = sizeof h;
    h.inputHash = inputHash;
    h.payloadSize = payload.size();
    h.payloadHash = hashBytes(payload);
    h.programId = programId();
    std::string file(reinterpret_cast<const char*>(&h), sizeof h);
    file.append(payload);
    std::error_code ec;
    std::filesystem::create_directories(directoryOf(path), ec);
    return writeFileAtomically(path, file);
}

std::string userCacheDir() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/qantar";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/qantar";
    return "/tmp/qantar-cache";
}

bool PayloadReader::take(void* out, std::size_t n) {
    if (!m_ok || n > m_in.size() - m_pos) return m_ok = false;
    if (n > 0) std::memcpy(out, m_in.data() + m_pos, n);
    m_pos += n;
    return true;
}

const char* PayloadReader::view(std::size_t n) {
    if (!m_ok || n > m_in.size() - m_pos) {
        m_ok = false;
        return nullptr;
    }
    const char* p = m_in.data() + m_pos;
    m_pos += n;
    return p;
}

bool PayloadReader::count(std::size_t& n, std::size_t elementSize) {
    const std::size_t pad = (8 - m_pos % 8) % 8;
    if (!m_ok || pad > m_in.size() - m_pos) return m_ok = false;
    m_pos += pad;
    std::uint64_t v = 0;
    if (!pod(v)) return false;
    if (elementSize > 0 && v > (m_in.size() - m_pos) / elementSize) return m_ok = false;
    n = static_cast<std::size_t>(v);
    return true;
}

bool PayloadReader::string(std::string& s) {
    std::size_t n = 0;
    if (!count(n, 1)) return false;
    s.assign(m_in.data() + m_pos, n);
    m_pos += n;
    return true;
}

}  // namespace qantar::core
