#include "core/map/overlay_layout.hpp"

#include <cmath>

namespace qantar::core {

ScaleBar chooseScaleBar(const Camera& camera, const Projection& projection, double maxWidthPx) {
    ScaleBar bar;
    double metresPerPx = camera.metersPerPixel();
    if (auto centre = projection.unproject(camera.center())) {
        metresPerPx /= projection.scaleFactorAt(*centre);  // map metres → ground metres
    }
    const double maxKm = maxWidthPx * metresPerPx / 1000.0;
    if (!(maxKm > 0.0)) return bar;
    const double decade = std::pow(10.0, std::floor(std::log10(maxKm)));
    double best = decade;
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * decade <= maxKm) best = m * decade;
    }
    bar.lengthKm = best;
    bar.widthPx = best * 1000.0 / metresPerPx;
    char buf[32];
    if (best >= 1.0) std::snprintf(buf, sizeof buf, "%.0f km", best);
    else std::snprintf(buf, sizeof buf, "%.0f m", best * 1000.0);
    bar.label = buf;
    return bar;
}

double northAngleRadians(const Camera& camera, const Projection& projection) {
    auto centre = projection.unproject(camera.center());
    if (!centre) return 0.0;
    auto a = projection.project(*centre);
    auto b = projection.project(LonLat{centre->lon, std::min(89.0, centre->lat + 0.1)});
    if (!a || !b) return 0.0;
    // Map y is up; the angle is measured clockwise from up.
    return std::atan2(b->x - a->x, b->y - a->y);
}

std::string eventsCredit(const Dataset& data) {
    std::string s = "Events: ";
    bool first = true;
    for (const auto& src : data.sources) {
        s += (first ? "" : ", ") + src.outlet + (src.outletInferred ? " (outlet inferred)" : "");
        first = false;
    }
    return s;
}

}  // namespace qantar::core
