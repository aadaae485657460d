#include "core/events/text.hpp"

#include <mutex>
#include <ostream>
#include <vector>

namespace qantar::core {

namespace {

// Strings are written into large chunks that are never moved or freed, each as its uint32 length,
// its characters and a NUL; a Text points at the characters. An open-addressing table of those
// pointers finds an existing copy.
class Pool {
public:
    const char* intern(std::string_view s) {
        const std::size_t h = std::hash<std::string_view>{}(s);
        std::lock_guard lock(m_mutex);
        if ((m_count + 1) * 2 > m_table.size()) grow();
        const std::size_t mask = m_table.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const char* p = m_table[i];
            if (!p) {
                p = store(s);
                m_table[i] = p;
                ++m_count;
                return p;
            }
            if (lengthOf(p) == s.size() && std::memcmp(p, s.data(), s.size()) == 0) return p;
        }
    }
    std::size_t bytes() {
        std::lock_guard lock(m_mutex);
        return m_chunkBytes + m_table.size() * sizeof(const char*);
    }

private:
    static constexpr std::size_t kChunk = 256 * 1024;
    static std::size_t lengthOf(const char* p) {
        std::uint32_t n;
        std::memcpy(&n, p - sizeof n, sizeof n);
        return n;
    }
    const char* store(std::string_view s) {
        const std::size_t need = sizeof(std::uint32_t) + s.size() + 1;
        if (need > m_free) {
            const std::size_t size = std::max(kChunk, need);
            m_chunks.push_back(std::make_unique<char[]>(size));
            m_next = m_chunks.back().get();
            m_free = size;
            m_chunkBytes += size;
        }
        const auto n = static_cast<std::uint32_t>(s.size());
        std::memcpy(m_next, &n, sizeof n);
        char* chars = m_next + sizeof n;
        std::memcpy(chars, s.data(), s.size());
        chars[s.size()] = '\0';
        m_next += need;
        m_free -= need;
        return chars;
    }
    void grow() {
        std::vector<const char*> table(std::max<std::size_t>(1024, m_table.size() * 2), nullptr);
        const std::size_t mask = table.size() - 1;
        for (const char* p : m_table) {
            if (!p) continue;
            std::size_t i = std::hash<std::string_view>{}(std::string_view(p, lengthOf(p))) & mask;
            while (table[i]) i = (i + 1) & mask;
            table[i] = p;
        }
        m_table.swap(table);
    }

    std::mutex m_mutex;
    std::vector<const char*> m_table;
    std::size_t m_count = 0;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    char* m_next = nullptr;
    std::size_t m_free = 0;
    std::size_t m_chunkBytes = 0;
};

Pool& pool() {
    static Pool* p = new Pool;  // never destroyed: Texts in static objects may outlive any order
    return *p;
}

}  // namespace

const char* Text::intern(std::string_view s) {
    if (s.empty()) return nullptr;
    return pool().intern(s);
}

std::size_t Text::poolBytes() { return pool().bytes(); }

std::ostream& operator<<(std::ostream& os, const Text& t) { return os << t.view(); }

}  // namespace qantar::core
