#include "core/events/text.hpp"

#include <mutex>
#include <ostream>
#include <vector>

namespace qantar::core {

namespace {

// Each string is one heap block: its Text::Header, its characters and a NUL; a Text points at
// the characters. An open-addressing table of those pointers finds an existing copy; a freed
// string leaves a tombstone there until the table is next rebuilt.
class Pool {
public:
    const char* intern(std::string_view s) {
        const std::size_t h = hashOf(s);
        std::lock_guard lock(m_mutex);
        if ((m_used + 1) * 4 > m_table.size() * 3) rebuild();
        const std::size_t mask = m_table.size() - 1;
        std::size_t freeSlot = SIZE_MAX;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const char* p = m_table[i];
            if (!p) {
                if (freeSlot == SIZE_MAX) {
                    freeSlot = i;
                    ++m_used;
                }
                p = create(s);
                m_table[freeSlot] = p;
                ++m_count;
                return p;
            }
            if (p == kTombstone) {
                if (freeSlot == SIZE_MAX) freeSlot = i;
                continue;
            }
            Text::Header* head = headerOf(p);
            if (head->size == s.size() && std::memcmp(p, s.data(), s.size()) == 0) {
                head->refs.fetch_add(1, std::memory_order_relaxed);
                return p;
            }
        }
    }
    void drop(const char* chars) {
        std::lock_guard lock(m_mutex);
        Text::Header* head = headerOf(chars);
        if (head->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
        const std::size_t mask = m_table.size() - 1;
        std::size_t i = hashOf(std::string_view(chars, head->size)) & mask;
        while (m_table[i] != chars) i = (i + 1) & mask;
        m_table[i] = kTombstone;
        --m_count;
        m_blockBytes -= blockSize(head->size);
        head->~Header();
        ::operator delete(static_cast<void*>(head));
    }
    std::size_t bytes() {
        std::lock_guard lock(m_mutex);
        return m_blockBytes + m_table.size() * sizeof(const char*);
    }

private:
    static inline const char* const kTombstone = reinterpret_cast<const char*>(alignof(Text::Header));
    static std::size_t hashOf(std::string_view s) { return std::hash<std::string_view>{}(s); }
    static Text::Header* headerOf(const char* chars) {
        return reinterpret_cast<Text::Header*>(const_cast<char*>(chars) - sizeof(Text::Header));
    }
    static std::size_t blockSize(std::size_t n) { return sizeof(Text::Header) + n + 1; }
    const char* create(std::string_view s) {
        void* raw = ::operator new(blockSize(s.size()));
        auto* head = new (raw) Text::Header{this, {1}, static_cast<std::uint32_t>(s.size())};
        char* chars = reinterpret_cast<char*>(head) + sizeof(Text::Header);
        std::memcpy(chars, s.data(), s.size());
        chars[s.size()] = '\0';
        m_blockBytes += blockSize(s.size());
        return chars;
    }
    // A table at most half full, without tombstones (it is rebuilt at three quarters).
    void rebuild() {
        std::size_t size = 1024;
        while (size < (m_count + 1) * 2) size *= 2;
        std::vector<const char*> table(size, nullptr);
        const std::size_t mask = size - 1;
        for (const char* p : m_table) {
            if (!p || p == kTombstone) continue;
            std::size_t i = hashOf(std::string_view(p, headerOf(p)->size)) & mask;
            while (table[i]) i = (i + 1) & mask;
            table[i] = p;
        }
        m_table.swap(table);
        m_used = m_count;
    }

    std::mutex m_mutex;
    std::vector<const char*> m_table;  // null: never used; kTombstone: freed
    std::size_t m_count = 0;           // strings held
    std::size_t m_used = 0;            // slots not null (strings and tombstones)
    std::size_t m_blockBytes = 0;
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

void Text::drop(const char* chars) { static_cast<Pool*>(header(chars)->pool)->drop(chars); }

std::size_t Text::poolBytes() { return pool().bytes(); }

std::ostream& operator<<(std::ostream& os, const Text& t) { return os << t.view(); }

}  // namespace qantar::core
