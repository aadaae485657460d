#include "core/map/simplify.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "core/map/point_key.hpp"

namespace qantar::core {

namespace {

bool lessXY(const MapXY& a, const MapXY& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }
bool sameXY(const MapXY& a, const MapXY& b) { return a.x == b.x && a.y == b.y; }

// Squared distance from p to the segment a-b (to the point a when the segment has no length).
double segmentDistance2(const MapXY& p, const MapXY& a, const MapXY& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0) t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
    const double ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy);
    return ex * ex + ey * ey;
}

constexpr double kAlwaysKept = std::numeric_limits<double>::infinity();

// Douglas-Peucker over chain[0..m] run to the end, recording for each point the largest squared
// tolerance at which it is kept. A pass at tolerance t splits a span at the same farthest point
// whatever t is and stops where that point is within t, so a point is kept at t exactly when it
// and every point whose split led to it are farther than t: its value is the least of theirs.
void douglasPeuckerImportance(const std::vector<MapXY>& chain, std::vector<double>& importance,
                              std::vector<std::pair<std::size_t, std::size_t>>& stack) {
    const std::size_t m = chain.size() - 1;
    importance.assign(chain.size(), 0.0);
    importance[0] = importance[m] = kAlwaysKept;
    stack.assign(1, {0, m});
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b <= a + 1) continue;
        double worst = -1.0;
        std::size_t at = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d = segmentDistance2(chain[i], chain[a], chain[b]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (worst <= 0.0) continue;  // straight: nothing in between is ever kept
        importance[at] = std::min({worst, importance[a], importance[b]});
        stack.emplace_back(a, at);
        stack.emplace_back(at, b);
    }
}

// Scratch space reused from run to run.
struct RunScratch {
    std::vector<MapXY> chain;
    std::vector<double> importance;
    std::vector<std::pair<std::size_t, std::size_t>> stack;
};

// Records in `importance` the importance of the run pts[from..to] (indices modulo the point
// count; `to` may be `from` + the point count for a ring that runs all the way round). The run is
// simplified in a direction fixed by its geometry, so a run shared by two lines, in either
// direction, keeps the same points in both.
void runImportance(const MapRing& pts, std::size_t from, std::size_t to, RunScratch& scratch,
                   std::vector<double>& importance) {
    const std::size_t n = pts.size();
    std::vector<MapXY>& chain = scratch.chain;
    chain.clear();
    for (std::size_t k = from; k <= to; ++k) chain.push_back(pts[k % n]);
    const std::size_t m = chain.size() - 1;
    bool reversed = lessXY(chain[m], chain[0]);
    if (sameXY(chain[0], chain[m]) && m >= 2) reversed = lessXY(chain[m - 1], chain[1]);
    if (reversed) std::reverse(chain.begin(), chain.end());
    douglasPeuckerImportance(chain, scratch.importance, scratch.stack);
    for (std::size_t j = 0; j <= m; ++j) {
        double& v = importance[(from + (reversed ? m - j : j)) % n];
        v = std::max(v, scratch.importance[j]);  // a ring's first run and last run share a point
    }
}

// For every point of every line, the largest squared tolerance at which it is kept.
std::vector<std::vector<double>> lineImportance(const std::vector<MeasuredLine>& lines) {
    // The layer's points with their distinct neighbours: a point with other than two neighbours is
    // where lines meet or part, and stays.
    struct Neighbours {
        MapXY p[2];
        int count = 0;  // 0, 1, 2, or 3 for "more than two"
        void add(const MapXY& q) {
            for (int i = 0; i < std::min(count, 2); ++i)
                if (sameXY(p[i], q)) return;
            if (count < 2) p[count] = q;
            count = std::min(count + 1, 3);
        }
    };
    std::unordered_map<PointKey, Neighbours, PointKeyHash> graph;
    std::size_t total = 0;
    for (const MeasuredLine& l : lines) total += l.points.size();
    graph.reserve(total);
    for (const MeasuredLine& l : lines) {
        const MapRing& pts = l.points;
        const std::size_t n = pts.size();
        for (std::size_t i = 0; i < n; ++i) {
            Neighbours& nb = graph[PointKey{pts[i].x, pts[i].y}];
            if (l.closed || i > 0) nb.add(pts[(i + n - 1) % n]);
            if (l.closed || i + 1 < n) nb.add(pts[(i + 1) % n]);
            if (!l.closed && (i == 0 || i + 1 == n)) nb.count = 3;  // open ends stay
        }
    }

    std::vector<std::vector<double>> result(lines.size());
    RunScratch scratch;
    std::vector<std::size_t> nodes;
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const MeasuredLine& l = lines[li];
        const MapRing& pts = l.points;
        const std::size_t n = pts.size();
        std::vector<double>& importance = result[li];
        importance.assign(n, 0.0);
        if (n < 2) {
            importance.assign(n, kAlwaysKept);
            continue;
        }
        nodes.clear();
        for (std::size_t i = 0; i < n; ++i)
            if (graph.find(PointKey{pts[i].x, pts[i].y})->second.count != 2) nodes.push_back(i);
        if (nodes.empty()) {
            // A ring meeting nothing (an island, or an enclave and the hole it fills): it starts
            // where any line sharing it would, at its least point.
            std::size_t least = 0;
            for (std::size_t i = 1; i < n; ++i)
                if (lessXY(pts[i], pts[least])) least = i;
            nodes.push_back(least);
        }
        if (l.closed) {
            for (std::size_t k = 0; k < nodes.size(); ++k) {
                const std::size_t to = k + 1 < nodes.size() ? nodes[k + 1] : nodes[0] + n;
                runImportance(pts, nodes[k], to, scratch, importance);
            }
        } else {
            for (std::size_t k = 0; k + 1 < nodes.size(); ++k) runImportance(pts, nodes[k], nodes[k + 1], scratch, importance);
        }
    }
    return result;
}

// The points of `line` whose importance exceeds tolerance² (the whole line if too few remain).
MeasuredLine keepImportant(const MeasuredLine& line, const std::vector<double>& importance, double toleranceM) {
    const std::size_t n = line.points.size();
    const std::size_t minPoints = line.closed ? 3 : 2;
    if (n <= minPoints || line.along.size() != (line.closed ? n + 1 : n)) return line;
    const double t2 = toleranceM * toleranceM;
    MeasuredLine s;
    s.closed = line.closed;
    for (std::size_t i = 0; i < n; ++i) {
        if (importance[i] <= t2) continue;
        s.points.push_back(line.points[i]);
        s.along.push_back(line.along[i]);
    }
    if (s.points.size() < minPoints) return line;
    if (line.closed) s.along.push_back(s.along.front() + line.along[n]);  // back to the first kept point
    return s;
}

}  // namespace

std::vector<std::vector<MeasuredLine>> simplifyLines(const std::vector<MeasuredLine>& lines,
                                                     const std::vector<double>& tolerancesM) {
    const std::vector<std::vector<double>> importance = lineImportance(lines);
    std::vector<std::vector<MeasuredLine>> out(tolerancesM.size());
    for (std::size_t t = 0; t < tolerancesM.size(); ++t) {
        out[t].reserve(lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i) out[t].push_back(keepImportant(lines[i], importance[i], tolerancesM[t]));
    }
    return out;
}

std::vector<MeasuredLine> simplifyLines(const std::vector<MeasuredLine>& lines, double toleranceM) {
    return std::move(simplifyLines(lines, std::vector<double>{toleranceM}).front());
}

}  // namespace qantar::core
