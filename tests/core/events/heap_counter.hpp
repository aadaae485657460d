#pragma once
// Bytes in blocks from operator new not yet deleted, in this test program (heap_counter.cpp
// replaces the global operator new and delete to count them; kept apart so no call inlines them).
namespace qantar::core {
long long heapBytesInUse();
// False in a build with AddressSanitizer, which keeps its own allocator: nothing is counted there.
bool heapCounting();
}
