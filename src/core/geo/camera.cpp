#include "core/geo/camera.hpp"

#include <algorithm>
#include <cmath>

namespace qantar::core {

Camera::Camera(MapXY center, double metersPerPixel, int widthPx, int heightPx) : m_center(center) {
    setMetersPerPixel(metersPerPixel);
    setViewport(widthPx, heightPx);
}

void Camera::setViewport(int widthPx, int heightPx) {
    m_width = std::max(1, widthPx);
    m_height = std::max(1, heightPx);
    if (!m_bounds.empty()) setMetersPerPixel(m_mpp);
}

void Camera::setCenter(MapXY c) {
    m_center = c;
    clampToBounds();
}

double Camera::effectiveMaxMetersPerPixel() const {
    double limit = m_maxMpp;
    if (!m_bounds.empty()) limit = std::min({limit, m_bounds.width() / m_width, m_bounds.height() / m_height});
    return std::max(limit, kMinMetersPerPixel);
}

void Camera::setMetersPerPixel(double mpp) {
    if (!std::isfinite(mpp)) return;
    m_mpp = std::clamp(mpp, kMinMetersPerPixel, effectiveMaxMetersPerPixel());
    clampToBounds();
}

void Camera::setMaxMetersPerPixel(double mpp) {
    if (!std::isfinite(mpp)) return;
    m_maxMpp = std::clamp(mpp, kMinMetersPerPixel, kMaxMetersPerPixel);
    setMetersPerPixel(m_mpp);
}

void Camera::setBounds(const MapBox& bounds) {
    m_bounds = bounds;
    setMetersPerPixel(m_mpp);
}

void Camera::clampToBounds() {
    if (m_bounds.empty()) return;
    // Half the view on each side of the centre; a view wider than the bounds (only below the
    // smallest scale) is centred on them.
    const double hw = m_width * m_mpp * 0.5, hh = m_height * m_mpp * 0.5;
    auto clampAxis = [](double c, double lo, double hi, double half) {
        if (hi - lo <= 2.0 * half) return (lo + hi) * 0.5;
        return std::clamp(c, lo + half, hi - half);
    };
    m_center.x = clampAxis(m_center.x, m_bounds.minX, m_bounds.maxX, hw);
    m_center.y = clampAxis(m_center.y, m_bounds.minY, m_bounds.maxY, hh);
}

ScreenPx Camera::toScreen(MapXY p) const {
    return ScreenPx{(p.x - m_center.x) / m_mpp + m_width * 0.5, (m_center.y - p.y) / m_mpp + m_height * 0.5};
}

MapXY Camera::toMap(ScreenPx s) const {
    return MapXY{m_center.x + (s.x - m_width * 0.5) * m_mpp, m_center.y - (s.y - m_height * 0.5) * m_mpp};
}

MapBox Camera::visibleBox() const {
    MapBox b;
    b.add(toMap(ScreenPx{0, 0}));
    b.add(toMap(ScreenPx{double(m_width), double(m_height)}));
    return b;
}

void Camera::panByPixels(double dxPx, double dyPx) {
    m_center.x -= dxPx * m_mpp;
    m_center.y += dyPx * m_mpp;
    clampToBounds();
}

void Camera::zoomAbout(ScreenPx anchor, double factor) {
    if (!(factor > 0.0) || !std::isfinite(factor)) return;
    const MapXY before = toMap(anchor);
    setMetersPerPixel(m_mpp / factor);
    const MapXY after = toMap(anchor);
    m_center.x += before.x - after.x;
    m_center.y += before.y - after.y;
    clampToBounds();
}

void Camera::fit(const MapBox& box, double paddingPx) {
    if (box.empty()) return;
    const double w = std::max(1.0, m_width - 2.0 * paddingPx);
    const double h = std::max(1.0, m_height - 2.0 * paddingPx);
    m_center = box.center();
    setMetersPerPixel(std::max(box.width() / w, box.height() / h));
}

void Camera::fitIn(const MapBox& box, const ScreenRect& free, double paddingPx) {
    if (box.empty() || free.empty()) return;
    const double w = std::max(1.0, free.w - 2.0 * paddingPx);
    const double h = std::max(1.0, free.h - 2.0 * paddingPx);
    const double mpp = std::max(box.width() / w, box.height() / h);
    frameIn(box.center(), mpp * free.h, free);
}

void Camera::frameIn(MapXY center, double spanMeters, const ScreenRect& free) {
    if (free.empty() || !(spanMeters > 0.0)) return;
    setMetersPerPixel(spanMeters / free.h);
    // Shift the camera so that `center` lands on the free rectangle's middle.
    const ScreenPx mid = free.center();
    m_center.x = center.x - (mid.x - m_width * 0.5) * m_mpp;
    m_center.y = center.y + (mid.y - m_height * 0.5) * m_mpp;
    clampToBounds();
}

std::pair<MapXY, double> Camera::framedIn(const ScreenRect& free) const {
    if (free.empty()) return {m_center, m_mpp * m_height};
    return {toMap(free.center()), m_mpp * free.h};
}

double zoomOutLimit(const MapBox& box, int widthPx, int heightPx) {
    if (box.empty()) return kMaxMetersPerPixel;
    constexpr double kShare = 1.0 / 3.0;
    const double limit = std::max(box.width() / (kShare * std::max(1, widthPx)), box.height() / (kShare * std::max(1, heightPx)));
    return std::min(kMaxMetersPerPixel, limit);
}

std::array<float, 9> Camera::mapToClip() const {
    // clip = (p - centre) * 2 / (viewport * mpp); the translation is applied in the shader with a
    // separate centre uniform, so here only the scale is encoded, plus the centre for completeness.
    const double sx = 2.0 / (m_width * m_mpp);
    const double sy = 2.0 / (m_height * m_mpp);
    return {static_cast<float>(sx), 0.0f, 0.0f,  //
            0.0f, static_cast<float>(sy), 0.0f,  //
            static_cast<float>(-m_center.x * sx), static_cast<float>(-m_center.y * sy), 1.0f};
}

}  // namespace qantar::core
