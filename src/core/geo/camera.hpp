#pragma once
// The 2-D map camera: which map point is at the viewport centre and how many map metres one pixel
// covers. Holds state and conversions only; what animates it lives elsewhere, so any frame can be
// rebuilt from (centre, metresPerPixel, viewport).
#include <array>
#include <utility>

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
    void setCenter(MapXY c);
    // Sets the scale, clamped to [kMinMetersPerPixel, the zoom-out limit].
    void setMetersPerPixel(double mpp);
    // The zoom-out limit (at most kMaxMetersPerPixel), applied to every later change of scale.
    void setMaxMetersPerPixel(double mpp);
    double maxMetersPerPixel() const { return m_maxMpp; }
    // Where the map has data: from now on every view stays inside `bounds` (the scale is limited
    // so the viewport fits in it, the centre so the view does not leave it). An empty box lifts
    // the limit.
    void setBounds(const MapBox& bounds);
    const MapBox& bounds() const { return m_bounds; }
    // The largest scale the viewport allows: the zoom-out limit, less if the bounds need it.
    double effectiveMaxMetersPerPixel() const;

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
    // Frames `box` in the part `free` of the viewport (what panels leave uncovered), centred there.
    void fitIn(const MapBox& box, const ScreenRect& free, double paddingPx);
    // Puts `center` at the middle of `free` with `spanMeters` of map across free's height (a
    // story scene's or an event's framing beside a caption or panels).
    void frameIn(MapXY center, double spanMeters, const ScreenRect& free);
    // What `free` shows: the map point at its middle and the map height across it (frameIn's inverse).
    std::pair<MapXY, double> framedIn(const ScreenRect& free) const;

    // Column-major 3×3 matrix taking map metres to OpenGL clip space (x right, y up).
    // Relative to the centre, so large map coordinates keep their precision in float.
    std::array<float, 9> mapToClip() const;

private:
    // Moves the centre (and, if the view is larger than the bounds, the scale) so the view is
    // inside the bounds.
    void clampToBounds();

    MapXY m_center{0.0, 0.0};
    double m_mpp = 5000.0;
    int m_width = 1;
    int m_height = 1;
    double m_maxMpp = kMaxMetersPerPixel;
    MapBox m_bounds;  // empty: none
};

// A sensible zoom-out limit for a viewport: the map never shrinks below the point where `box`
// (Kazakhstan) spans a third of the viewport's width or height, so it cannot become a postage stamp.
double zoomOutLimit(const MapBox& box, int widthPx, int heightPx);

}  // namespace qantar::core
