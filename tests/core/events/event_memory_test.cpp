// How much memory an event takes (docs/performance.md, "A million events"): the GUI must hold a
// million synthetic events in a few hundred megabytes, so the hot record and the heap an event
// costs have documented bounds here. Allocations are counted (every operator new/delete of this
// test program goes through the counters below); nothing is timed.
#include <gtest/gtest.h>

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <utility>

#include "core/events/events.hpp"
#include "core/events/synthetic.hpp"
#include "core/events/text.hpp"

namespace {
std::atomic<long long> g_heapBytes{0};  // bytes in blocks from operator new, not yet deleted
}  // namespace

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

namespace qantar::core {
namespace {

// The bounds. A million events at these sizes take at most 176 MB of event data (the GUI's
// budget is 350 MB with the map, about 190 MB of it, plus the index and positions).
constexpr std::size_t kMaxEventBytes = 192;             // sizeof(Event): the record in Dataset::events
constexpr long long kMaxSyntheticHeapPerEvent = 48;     // its interned id and the pool's table slot

TEST(EventMemory, TheEventRecordStaysCompact) {
    EXPECT_LE(sizeof(Event), kMaxEventBytes);
    EXPECT_EQ(sizeof(Text), 8u);
    EXPECT_EQ(sizeof(SharedVec<SourceRef>), 8u);
    EXPECT_EQ(sizeof(Boxed<Recurrence>), 8u);
}

TEST(EventMemory, SyntheticEventsCostABoundedNumberOfBytesEach) {
    constexpr std::size_t kCount = 50000;
    const long long before = g_heapBytes.load();
    Dataset d = makeSyntheticDataset(kCount, 16);
    const long long bytes = g_heapBytes.load() - before;
    ASSERT_EQ(d.events.size(), kCount);
    const long long perEvent = bytes / static_cast<long long>(kCount);
    RecordProperty("bytes_per_event", std::to_string(perEvent));
    EXPECT_LE(perEvent, static_cast<long long>(sizeof(Event)) + kMaxSyntheticHeapPerEvent) << perEvent << " bytes per event";
    // Every event's text, places and sources are there: nothing was saved by dropping them.
    const Event& e = d.events[kCount / 2];
    EXPECT_EQ(e.title, "Synthetic event");
    EXPECT_EQ(e.description, "Synthetic event for benchmarks.");
    ASSERT_EQ(e.sources.size(), 1u);
    EXPECT_EQ(e.sources[0].source, "synthetic");
    EXPECT_FALSE(e.place.name.empty());
    EXPECT_TRUE(e.id.starts_with("synthetic-"));
}

TEST(Text, EqualStringsShareOneCopyAndReadAsStrings) {
    const std::string almaty = "Almaty";
    const Text a = almaty;
    const Text b = std::string("Alm") + "aty";
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.c_str(), b.c_str());  // one pooled copy
    EXPECT_EQ(a, "Almaty");
    EXPECT_EQ(a, almaty);
    EXPECT_NE(a, Text("Almaty "));
    EXPECT_LT(a, Text("Astana"));
    EXPECT_EQ(a.size(), 6u);
    EXPECT_EQ("In " + a, "In Almaty");
    EXPECT_EQ(std::string(a), almaty);
    const Text empty = std::string();
    EXPECT_TRUE(empty.empty());
    EXPECT_EQ(empty, Text());
    EXPECT_STREQ(empty.c_str(), "");
    const Text withNul = std::string_view("a\0b", 3);
    EXPECT_EQ(withNul.size(), 3u);
    EXPECT_NE(withNul, Text("a"));
}

TEST(SharedVec, CopiesShareTheirItemsUntilOneIsChanged) {
    SharedVec<SourceRef> a;
    EXPECT_TRUE(a.empty());
    a.push_back(SourceRef{"afp", "quote one"});
    SharedVec<SourceRef> b = a;
    EXPECT_EQ(&std::as_const(a)[0], &std::as_const(b)[0]);  // shared (changing access would copy)
    b.push_back(SourceRef{"reuters", "quote two"});
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 2u);
    b[0].quote = "changed";
    EXPECT_EQ(a[0].quote, "quote one");
    EXPECT_EQ(b[0].quote, "changed");
    EXPECT_EQ(b[1].source, "reuters");
    for (int i = 0; i < 100; ++i) a.emplace_back(SourceRef{"s" + std::to_string(i), ""});
    EXPECT_EQ(a.size(), 101u);
    EXPECT_EQ(a.back().source, "s99");
    EXPECT_EQ(a[0].quote, "quote one");
}

TEST(Boxed, CopiesAreDeepAndEmptyIsNull) {
    Boxed<Recurrence> r;
    EXPECT_FALSE(r);
    r = Recurrence{1200, 420, {"daily_from"}, "note"};
    Boxed<Recurrence> copy = r;
    copy->fromMinutes = 60;
    EXPECT_EQ(r->fromMinutes, 1200);
    EXPECT_TRUE(r->assumes("daily_from"));
    r.reset();
    EXPECT_FALSE(r.has_value());
    EXPECT_EQ(copy->fromMinutes, 60);
}

}  // namespace
}  // namespace qantar::core
