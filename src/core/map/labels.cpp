#include "core/map/labels.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace qantar::core {

namespace {

struct Rect {
    double x0, y0, x1, y1;
    std::size_t owner = SIZE_MAX;  // the candidate whose marker this is; its own label may touch it
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

Rect markerRect(ScreenPx p, double r, std::size_t owner) { return Rect{p.x - r, p.y - r, p.x + r, p.y + r, owner}; }

}  // namespace

std::vector<PlacedLabel> placeLabels(const std::vector<LabelCandidate>& candidates, const Camera& camera,
                                     const LabelPlacementOptions& options) {
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return candidates[a].priority > candidates[b].priority; });

    const double mpp = camera.metersPerPixel();
    const double w = camera.widthPx(), h = camera.heightPx();
    std::vector<Rect> taken;
    taken.reserve(candidates.size() * 2);

    // Markers that are always drawn are obstacles for every label.
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const LabelCandidate& c = candidates[i];
        if (c.kind == LabelKind::Point && c.alwaysShowMarker) {
            taken.push_back(markerRect(camera.toScreen(c.anchor), c.markerRadiusPx + 1.0, i));
        }
    }

    std::vector<PlacedLabel> placed;
    for (std::size_t idx : order) {
        const LabelCandidate& c = candidates[idx];
        if (mpp > c.maxMetersPerPixel || c.widthPx <= 0.0f) continue;
        const ScreenPx a = camera.toScreen(c.anchor);
        const double tw = c.widthPx, th = c.heightPx;
        const double off = c.markerRadiusPx + options.gapPx;
        if (c.kind == LabelKind::Point && !c.alwaysShowMarker) {
            // The marker comes with the label: both must fit.
            const Rect m = markerRect(a, c.markerRadiusPx + 1.0, idx);
            bool free = true;
            for (const Rect& r : taken) free = free && !r.overlaps(m);
            if (!free) continue;
        }

        struct Try {
            LabelSlot slot;
            double x, y;
        };
        std::vector<Try> tries;
        if (c.kind == LabelKind::Area) {
            tries.push_back({LabelSlot::Center, a.x - tw / 2, a.y - th / 2});
        } else {
            const double d = off * 0.75;  // diagonal slots hug the marker
            tries = {{LabelSlot::Right, a.x + off, a.y - th / 2},
                     {LabelSlot::Left, a.x - off - tw, a.y - th / 2},
                     {LabelSlot::Above, a.x - tw / 2, a.y - off - th},
                     {LabelSlot::Below, a.x - tw / 2, a.y + off},
                     {LabelSlot::AboveRight, a.x + d, a.y - d - th},
                     {LabelSlot::BelowRight, a.x + d, a.y + d},
                     {LabelSlot::AboveLeft, a.x - d - tw, a.y - d - th},
                     {LabelSlot::BelowLeft, a.x - d - tw, a.y + d}};
        }
        for (const Try& t : tries) {
            const Rect box{t.x - options.paddingPx, t.y - options.paddingPx, t.x + tw + options.paddingPx,
                           t.y + th + options.paddingPx, idx};
            if (t.x < options.marginPx || t.y < options.marginPx || t.x + tw > w - options.marginPx ||
                t.y + th > h - options.marginPx) {
                continue;
            }
            bool clear = true;
            for (const Rect& r : taken) {
                if (r.owner != idx && r.overlaps(box)) {
                    clear = false;
                    break;
                }
            }
            if (!clear) continue;
            taken.push_back(box);
            if (c.kind == LabelKind::Point && !c.alwaysShowMarker) {
                taken.push_back(markerRect(a, c.markerRadiusPx + 1.0, idx));
            }
            placed.push_back(PlacedLabel{idx, ScreenPx{t.x, t.y}, t.slot});
            break;
        }
    }
    return placed;
}

}  // namespace qantar::core
