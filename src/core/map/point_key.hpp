#pragma once
// Exact map positions as hash keys: vertices shared by position when triangulating, junctions
// found when simplifying lines.
#include <cstdint>
#include <cstring>
#include <functional>

namespace qantar::core {

struct PointKey {
    double x, y;
    bool operator==(const PointKey& o) const { return x == o.x && y == o.y; }
};
struct PointKeyHash {
    std::size_t operator()(const PointKey& k) const {
        std::uint64_t a, b;
        std::memcpy(&a, &k.x, sizeof a);
        std::memcpy(&b, &k.y, sizeof b);
        return std::hash<std::uint64_t>()(a * 0x9E3779B97F4A7C15ull ^ b);
    }
};

}  // namespace qantar::core
