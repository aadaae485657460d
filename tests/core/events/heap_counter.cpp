#include "core/events/heap_counter.hpp"

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long long> g_heapBytes{0};
}  // namespace

long long qantar::core::heapBytesInUse() { return g_heapBytes.load(); }

// AddressSanitizer has its own allocator and checks that every block is freed the way it was
// made; a replaced operator new beside its other variants breaks that check (a library's
// nothrow new freed here). The sanitizer stage does not count: the counting tests skip there.
#ifdef __SANITIZE_ADDRESS__
bool qantar::core::heapCounting() { return false; }
#else
bool qantar::core::heapCounting() { return true; }

void* operator new(std::size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    g_heapBytes += static_cast<long long>(malloc_usable_size(p));
    return p;
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void operator delete(void* p) noexcept {
    if (!p) return;
    g_heapBytes -= static_cast<long long>(malloc_usable_size(p));
    std::free(p);
}
void operator delete[](void* p) noexcept { ::operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { ::operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { ::operator delete(p); }
#endif
