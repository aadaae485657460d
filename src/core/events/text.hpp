#pragma once
// Compact storage for event data (docs/performance.md, "A million events"): a million events must
// fit in a few hundred megabytes, and most of an event's strings repeat (titles, places, regions,
// source ids) or are absent.
//
// - Text: an 8-byte handle to an immutable string kept once in a pool (interned, counted): equal
//   strings share one copy while any Text holds it, and the copy is freed with the last (a
//   streamed import keeps no memory of the rows it has written). The empty string is a null
//   handle. The program and each module it loads (the GDAL importer) keep their own pool: Texts
//   from two pools compare by their characters. It reads like a const std::string (size, c_str, find,
//   ==, <, +) and converts to std::string_view and std::string. Copying one counts a reference
//   (an atomic add); moving it does not.
// - SharedVec<T>: an 8-byte vector for rarely filled lists (an event's figures and sources): null
//   when empty, one heap block otherwise, shared between copies until one of them is changed
//   (copy on write).
// - Boxed<T>: an 8-byte optional for large, rare members (a curfew's recurrence), kept on the heap.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iosfwd>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace qantar::core {

class Text {
public:
    static constexpr std::size_t npos = std::string::npos;
    using value_type = char;
    using size_type = std::size_t;
    using const_iterator = const char*;
    using iterator = const char*;

    Text() = default;
    Text(std::string_view s) : m_chars(intern(s)) {}  // NOLINT: implicit, as a std::string is
    Text(const std::string& s) : Text(std::string_view(s)) {}
    Text(const char* s) : Text(std::string_view(s)) {}
    Text(const Text& o) noexcept : m_chars(o.m_chars) { retain(m_chars); }
    Text(Text&& o) noexcept : m_chars(std::exchange(o.m_chars, nullptr)) {}
    Text& operator=(const Text& o) noexcept {
        if (m_chars != o.m_chars) {
            retain(o.m_chars);
            release(m_chars);
            m_chars = o.m_chars;
        }
        return *this;
    }
    Text& operator=(Text&& o) noexcept {
        if (this != &o) {
            release(m_chars);
            m_chars = std::exchange(o.m_chars, nullptr);
        }
        return *this;
    }
    ~Text() { release(m_chars); }

    std::size_t size() const { return m_chars ? header(m_chars)->size : 0; }
    std::size_t length() const { return size(); }
    bool empty() const { return m_chars == nullptr; }
    const char* c_str() const { return m_chars ? m_chars : ""; }
    const char* data() const { return c_str(); }
    const char* begin() const { return c_str(); }
    const char* end() const { return c_str() + size(); }
    char operator[](std::size_t i) const { return m_chars[i]; }
    char front() const { return m_chars[0]; }
    char back() const { return m_chars[size() - 1]; }

    Text& operator+=(std::string_view s) { return *this = str().append(s); }
    Text& operator+=(char c) { return *this = str() + c; }

    std::string_view view() const { return {c_str(), size()}; }
    std::string str() const { return std::string(view()); }
    operator std::string_view() const { return view(); }  // NOLINT
    operator std::string() const { return str(); }        // NOLINT

    std::size_t find(std::string_view s, std::size_t pos = 0) const { return view().find(s, pos); }
    std::size_t find(char c, std::size_t pos = 0) const { return view().find(c, pos); }
    std::size_t rfind(std::string_view s, std::size_t pos = npos) const { return view().rfind(s, pos); }
    std::size_t rfind(char c, std::size_t pos = npos) const { return view().rfind(c, pos); }
    std::size_t find_first_of(std::string_view s, std::size_t pos = 0) const { return view().find_first_of(s, pos); }
    std::size_t find_first_not_of(std::string_view s, std::size_t pos = 0) const {
        return view().find_first_not_of(s, pos);
    }
    std::size_t find_last_not_of(std::string_view s, std::size_t pos = npos) const {
        return view().find_last_not_of(s, pos);
    }
    std::string substr(std::size_t pos = 0, std::size_t n = npos) const { return std::string(view().substr(pos, n)); }
    bool starts_with(std::string_view s) const { return view().substr(0, s.size()) == s; }
    bool ends_with(std::string_view s) const { return size() >= s.size() && view().substr(size() - s.size()) == s; }
    int compare(std::string_view s) const { return view().compare(s); }

    // Equal handles are equal strings; unequal handles may still be (a module loaded at run time,
    // such as the GDAL importer, has its own pool), so those compare their characters.
    friend bool operator==(const Text& a, const Text& b) { return a.m_chars == b.m_chars || a.view() == b.view(); }
    friend bool operator!=(const Text& a, const Text& b) { return !(a == b); }
    friend bool operator<(const Text& a, const Text& b) { return a.view() < b.view(); }
    friend bool operator>(const Text& a, const Text& b) { return a.view() > b.view(); }
    friend bool operator<=(const Text& a, const Text& b) { return a.view() <= b.view(); }
    friend bool operator>=(const Text& a, const Text& b) { return a.view() >= b.view(); }
#define QANTAR_TEXT_COMPARE(T, op)                                                                \
    friend bool operator op(const Text& a, T b) { return a.view() op std::string_view(b); }       \
    friend bool operator op(T a, const Text& b) { return std::string_view(a) op b.view(); }
#define QANTAR_TEXT_COMPARE_ALL(T) \
    QANTAR_TEXT_COMPARE(T, ==)     \
    QANTAR_TEXT_COMPARE(T, !=)     \
    QANTAR_TEXT_COMPARE(T, <)      \
    QANTAR_TEXT_COMPARE(T, >)      \
    QANTAR_TEXT_COMPARE(T, <=)     \
    QANTAR_TEXT_COMPARE(T, >=)
    QANTAR_TEXT_COMPARE_ALL(std::string_view)
    QANTAR_TEXT_COMPARE_ALL(const std::string&)
    QANTAR_TEXT_COMPARE_ALL(const char*)
#undef QANTAR_TEXT_COMPARE_ALL
#undef QANTAR_TEXT_COMPARE

    friend std::string operator+(const std::string& a, const Text& b) { return a + std::string(b.view()); }
    friend std::string operator+(std::string&& a, const Text& b) { return std::move(a.append(b.view())); }
    friend std::string operator+(const Text& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const char* a, const Text& b) { return std::string(a).append(b.view()); }
    friend std::string operator+(const Text& a, const char* b) { return a.str().append(b); }
    friend std::string operator+(char a, const Text& b) { return std::string(1, a).append(b.view()); }
    friend std::string operator+(const Text& a, char b) { return a.str() + b; }
    friend std::string operator+(const Text& a, const Text& b) { return a.str().append(b.view()); }
    friend std::ostream& operator<<(std::ostream& os, const Text& t);

    // Bytes the pool holds (characters, headers and its table), for measurements.
    static std::size_t poolBytes();

    // What precedes a pooled string's characters.
    struct Header {
        void* pool;                        // the pool that holds it
        std::atomic<std::uint32_t> refs;   // Texts holding it
        std::uint32_t size;                // characters, without the NUL after them
    };

private:
    static Header* header(const char* chars) {
        return reinterpret_cast<Header*>(const_cast<char*>(chars) - sizeof(Header));
    }
    static const char* intern(std::string_view s);
    static void retain(const char* chars) {
        if (chars) header(chars)->refs.fetch_add(1, std::memory_order_relaxed);
    }
    static void release(const char* chars) {
        if (!chars) return;
        std::atomic<std::uint32_t>& refs = header(chars)->refs;
        std::uint32_t n = refs.load(std::memory_order_relaxed);
        while (n > 1)  // not the last holder: no lock needed
            if (refs.compare_exchange_weak(n, n - 1, std::memory_order_acq_rel)) return;
        drop(chars);
    }
    // The last holder may be letting go: under the pool's lock (where interning revives strings),
    // counts down and frees the string at zero.
    static void drop(const char* chars);
    const char* m_chars = nullptr;  // NUL-terminated, after its Header; null: empty
};

// A copy-on-write vector in one pointer; see the top of this file.
template <class T>
class SharedVec {
public:
    using value_type = T;
    using size_type = std::size_t;
    using iterator = T*;
    using const_iterator = const T*;
    using reference = T&;
    using const_reference = const T&;

    SharedVec() = default;
    SharedVec(std::initializer_list<T> items) {
        reserve(items.size());
        for (const T& t : items) push_back(t);
    }
    SharedVec(const SharedVec& o) : m_block(o.m_block) {
        if (m_block) m_block->refs.fetch_add(1, std::memory_order_relaxed);
    }
    SharedVec(SharedVec&& o) noexcept : m_block(std::exchange(o.m_block, nullptr)) {}
    SharedVec& operator=(const SharedVec& o) {
        if (this != &o) {
            SharedVec copy(o);
            swap(copy);
        }
        return *this;
    }
    SharedVec& operator=(SharedVec&& o) noexcept {
        SharedVec moved(std::move(o));
        swap(moved);
        return *this;
    }
    ~SharedVec() { release(m_block); }
    void swap(SharedVec& o) noexcept { std::swap(m_block, o.m_block); }

    std::size_t size() const { return m_block ? m_block->size : 0; }
    bool empty() const { return size() == 0; }
    const T* begin() const { return m_block ? m_block->items() : nullptr; }
    const T* end() const { return begin() + size(); }
    const T* cbegin() const { return begin(); }
    const T* cend() const { return end(); }
    const T& operator[](std::size_t i) const { return begin()[i]; }
    const T& at(std::size_t i) const {
        if (i >= size()) throw std::out_of_range("SharedVec::at");
        return begin()[i];
    }
    const T& front() const { return begin()[0]; }
    const T& back() const { return begin()[size() - 1]; }

    // Changing access: makes this copy's items its own first.
    T* begin() { return detach() ? m_block->items() : nullptr; }
    T* end() { return begin() + size(); }
    T& operator[](std::size_t i) { return begin()[i]; }
    T& front() { return begin()[0]; }
    T& back() { return begin()[size() - 1]; }

    void reserve(std::size_t n) {
        if (n > capacity() || (m_block && m_block->refs.load(std::memory_order_acquire) > 1)) regrow(std::max(n, size()));
    }
    template <class... A>
    T& emplace_back(A&&... args) {
        detach();
        if (size() == capacity()) {
            T item(std::forward<A>(args)...);  // args may refer into the old block
            regrow(std::max<std::size_t>(1, capacity() * 2));
            return *new (m_block->items() + m_block->size++) T(std::move(item));
        }
        return *new (m_block->items() + m_block->size++) T(std::forward<A>(args)...);
    }
    void push_back(const T& t) { emplace_back(t); }
    void push_back(T&& t) { emplace_back(std::move(t)); }
    void clear() {
        release(m_block);
        m_block = nullptr;
    }

    friend bool operator==(const SharedVec& a, const SharedVec& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!(a[i] == b[i])) return false;
        return true;
    }

private:
    struct Block {
        std::atomic<std::uint32_t> refs{1};
        std::uint32_t size = 0;
        std::uint32_t capacity = 0;
        T* items() { return reinterpret_cast<T*>(reinterpret_cast<char*>(this) + itemsOffset()); }
    };
    static constexpr std::size_t itemsOffset() {
        return (sizeof(Block) + alignof(T) - 1) / alignof(T) * alignof(T);
    }
    std::size_t capacity() const { return m_block ? m_block->capacity : 0; }
    static void release(Block* b) {
        if (!b || b->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
        for (std::uint32_t i = 0; i < b->size; ++i) b->items()[i].~T();
        b->~Block();
        ::operator delete(static_cast<void*>(b));
    }
    // A new block of `cap` items holding this one's items (moved when this copy was the only owner).
    void regrow(std::size_t cap) {
        static_assert(alignof(T) <= alignof(std::max_align_t));
        void* raw = ::operator new(itemsOffset() + cap * sizeof(T));
        Block* b = new (raw) Block;
        b->capacity = static_cast<std::uint32_t>(cap);
        if (m_block) {
            const bool own = m_block->refs.load(std::memory_order_acquire) == 1;
            for (std::uint32_t i = 0; i < m_block->size; ++i) {
                if (own)
                    new (b->items() + i) T(std::move(m_block->items()[i]));
                else
                    new (b->items() + i) T(m_block->items()[i]);
                ++b->size;
            }
        }
        release(m_block);
        m_block = b;
    }
    bool detach() {
        if (m_block && m_block->refs.load(std::memory_order_acquire) > 1) regrow(m_block->capacity);
        return m_block != nullptr;
    }
    Block* m_block = nullptr;
};

// An optional kept on the heap, in one pointer; see the top of this file.
template <class T>
class Boxed {
public:
    Boxed() = default;
    Boxed(std::nullopt_t) {}
    Boxed(const T& t) : m_item(std::make_unique<T>(t)) {}
    Boxed(T&& t) : m_item(std::make_unique<T>(std::move(t))) {}
    Boxed(const Boxed& o) : m_item(o.m_item ? std::make_unique<T>(*o.m_item) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& o) {
        if (this != &o) m_item = o.m_item ? std::make_unique<T>(*o.m_item) : nullptr;
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    Boxed& operator=(std::nullopt_t) {
        m_item.reset();
        return *this;
    }
    Boxed& operator=(const T& t) {
        m_item = std::make_unique<T>(t);
        return *this;
    }
    Boxed& operator=(T&& t) {
        m_item = std::make_unique<T>(std::move(t));
        return *this;
    }
    Boxed& operator=(const std::optional<T>& t) {
        m_item = t ? std::make_unique<T>(*t) : nullptr;
        return *this;
    }

    bool has_value() const { return m_item != nullptr; }
    explicit operator bool() const { return has_value(); }
    const T& operator*() const { return *m_item; }
    T& operator*() { return *m_item; }
    const T* operator->() const { return m_item.get(); }
    T* operator->() { return m_item.get(); }
    const T& value() const {
        if (!m_item) throw std::bad_optional_access();
        return *m_item;
    }
    template <class... A>
    T& emplace(A&&... args) {
        m_item = std::make_unique<T>(std::forward<A>(args)...);
        return *m_item;
    }
    void reset() { m_item.reset(); }

private:
    std::unique_ptr<T> m_item;
};

}  // namespace qantar::core

template <>
struct std::hash<qantar::core::Text> {
    std::size_t operator()(const qantar::core::Text& t) const noexcept {
        return std::hash<std::string_view>{}(t.view());
    }
};
