#pragma once
// The 2-D map camera: which map point is at the viewport centre and how many map metres one pixel
// covers. Holds state and conversions only; what animates it lives elsewhere, so any frame can be
// rebuilt from (centre, metresPerPixel, viewport).
#include <array>

#include "core/geo/geo_types.hpp"

namespace qantar::core {

// Zoom limits, in map metres per pixel: from a whole-continent view to a city street grid.
constexpr double kMinMetersPerPixel = 25.0;
constexpr double kMaxMetersPerPixel = 25000.0;

class Camera {
public:
    Camera() = default;
    Camera(MapXY center, double metersPerPixel, int widthPx, int heightPx);

    MapXY center() const { return m_center; }
    double metersPerPixel() const { return m_mpp; }
    int widthPx() const { return m_width; }
    int heightPx() const { return m_height; }

    // Resizes the viewport, keeping the centre and scale.
    void setViewport(int widthPx, int heightPx);
    void setCenter(MapXY c) { m_center = c; }
    // Sets the scale, clamped to [kMinMetersPerPixel, kMaxMetersPerPixel].
    void setMetersPerPixel(double mpp);

    ScreenPx toScreen(MapXY p) const;
    MapXY toMap(ScreenPx s) const;
    // The map area the viewport shows.
    MapBox visibleBox() const;

    // Moves the view so the map follows a drag of (dx, dy) pixels.
    void panByPixels(double dxPx, double dyPx);
    // Multiplies the magnification by `factor` (> 1 zooms in) keeping the map point under `anchor`
    // fixed on screen. Clamped to the zoom limits.
    void zoomAbout(ScreenPx anchor, double factor);
    // Frames `box` in the viewport with `paddingPx` left free on every side.
    void fit(const MapBox& box, double paddingPx);

    // Column-major 3×3 matrix taking map metres to OpenGL clip space (x right, y up).
    // Relative to the centre, so large map coordinates keep their precision in float.
    std::array<float, 9> mapToClip() const;

private:
    MapXY m_center{0.0, 0.0};
    double m_mpp = 5000.0;
    int m_width = 1;
    int m_height = 1;
};

}  // namespace qantar::core
