#include "ui/layout.hpp"

#include <algorithm>
#include <cmath>

namespace qantar::ui {

namespace {

core::ScreenRect rect(double x, double y, double w, double h) {
    return core::ScreenRect{x, y, std::max(0.0, w), std::max(0.0, h)};
}

}  // namespace

Layout computeLayout(const LayoutInput& in) {
    Layout l;
    const double W = std::max(1.0f, in.width), H = std::max(1.0f, in.height);
    l.window = rect(0, 0, W, H);
    if (in.presenting) {
        const double s = in.presenterScale;
        const double margin = std::round(24.0 * s);
        const double columnW = std::round(std::clamp(W * 0.32, 440.0 * s, 700.0 * s));
        const double slimH = std::round(56.0 * s);
        l.map = rect(0, 0, W, H);
        l.caption = rect(W - columnW - margin, margin, columnW, H - 2 * margin - slimH);
        l.slimTimeline = rect(margin, H - slimH, W - 2 * margin, slimH - margin * 0.4);
        l.mapFree = rect(margin, margin, W - columnW - 3 * margin, H - slimH - 2 * margin);
        return l;
    }
    const double u = in.uiScale;
    l.menu = rect(0, 0, W, in.menuHeight);
    l.status = rect(0, H - in.statusHeight, W, in.statusHeight);
    double bottom = H - in.statusHeight;
    if (in.hasWorld) {
        // The timeline's lanes shrink a little on short windows rather than the map.
        const double timelineH = std::round(std::clamp(H * 0.32, 216.0 * u, 262.0 * u));
        l.timeline = rect(0, bottom - timelineH, W, timelineH);
        bottom -= timelineH;
    }
    const double top = in.menuHeight;
    const double middleH = bottom - top;
    double left = 0, right = W;
    if (in.showLayers) {
        const double w = std::round(std::clamp(W * 0.17, 236.0 * u, 280.0 * u));
        l.layers = rect(0, top, w, middleH);
        left = w;
    }
    if (in.showStory) {
        // The story editor sits between the layers and the map while it is open.
        const double w = std::round(std::clamp(W * 0.24, 340.0 * u, 440.0 * u));
        l.story = rect(left, top, w, middleH);
        left += w;
    }
    const bool column = in.hasWorld && (in.showEvents || in.detailsOpen);
    if (column) {
        const double w = std::round(std::clamp(W * 0.26, 320.0 * u, 460.0 * u));
        right = W - w;
        if (in.showEvents && in.detailsOpen) {
            const double listH = std::round(middleH * 0.45);
            l.events = rect(right, top, w, listH);
            l.details = rect(right, top + listH, w, middleH - listH);
        } else if (in.showEvents) {
            l.events = rect(right, top, w, middleH);
        } else {
            l.details = rect(right, top, w, middleH);
        }
    }
    l.map = rect(left, top, right - left, middleH);
    const double inset = in.hasWorld ? std::min(kMomentBoxHeightPx * u, l.map.h * 0.3) : 0.0;
    l.mapFree = rect(0, inset, l.map.w, l.map.h - inset);
    return l;
}

}  // namespace qantar::ui
