// How much memory an event takes (docs/performance.md, "A million events"): the GUI must hold a
// million synthetic events in a few hundred megabytes, so the hot record and the heap an event
// costs have documented bounds here. Allocations are counted (every operator new/delete of this
// test program goes through heap_counter.cpp); nothing is timed.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "core/events/events.hpp"
#include "core/events/synthetic.hpp"
#include "core/events/text.hpp"

#include "core/events/heap_counter.hpp"

namespace qantar::core {
namespace {

// The bounds: a million synthetic events take at most 288 MB of event data. Measured: 192 bytes of
// record and about 60 to 80 of heap each (the id's own string, 48 with malloc's overhead, and 8-byte
// slots in the pool's table, which is a third to three quarters full).
constexpr std::size_t kMaxEventBytes = 192;          // sizeof(Event): the record in Dataset::events
constexpr long long kMaxSyntheticHeapPerEvent = 96;  // the id's own string and its slots in the pool's table

TEST(EventMemory, TheEventRecordStaysCompact) {
    EXPECT_LE(sizeof(Event), kMaxEventBytes);
    EXPECT_EQ(sizeof(Text), 8u);
    EXPECT_EQ(sizeof(SharedVec<SourceRef>), 8u);
    EXPECT_EQ(sizeof(Boxed<Recurrence>), 8u);
}

TEST(EventMemory, SyntheticEventsCostABoundedNumberOfBytesEach) {
    if (!heapCounting()) GTEST_SKIP() << "allocations are not counted under AddressSanitizer";
    constexpr std::size_t kCount = 50000;
    const long long before = heapBytesInUse();
    Dataset d = makeSyntheticDataset(kCount, 16);
    const long long bytes = heapBytesInUse() - before;
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

TEST(Text, AStringIsFreedWithItsLastHolder) {
    if (!heapCounting()) GTEST_SKIP() << "allocations are not counted under AddressSanitizer";
    const std::string note(1000, 'n');
    { const Text warm("the pool's table is made on first use and kept"); }
    const long long before = heapBytesInUse();
    auto a = std::make_unique<Text>(note);
    Text b = *a;
    EXPECT_GE(heapBytesInUse() - before, 1000);
    a.reset();
    EXPECT_EQ(b, note);  // still held
    EXPECT_GE(heapBytesInUse() - before, 1000);
    b = Text();
    EXPECT_LT(heapBytesInUse() - before, 1000);
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
