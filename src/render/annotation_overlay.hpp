#pragma once
// Draws a story's annotations (core/story/annotation.hpp) over the map: callouts, arrows, circles
// and areas pinned to their places, so they move and scale with the camera, while their lines and
// text keep a legible size on screen. Every stroke is cased and every text haloed in the theme's
// ground colour, so they read on dark, light and contrast maps. One path for the window, the
// presentation and every export (the compositor calls it).
#include <memory>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/geo/projection.hpp"
#include "core/io/error.hpp"
#include "core/story/annotation.hpp"
#include "render/map_renderer.hpp"

namespace qantar::render {

class AnnotationOverlay {
public:
    // Needs a current OpenGL 3.3 core context.
    static core::Expected<std::unique_ptr<AnnotationOverlay>> create();
    ~AnnotationOverlay();

    // The light washes inside circles and areas, into the bound framebuffer: drawn under the
    // event symbols, so the symbols inside keep their colours.
    void drawWashes(const core::Camera& camera, const core::Projection& projection,
                    const std::vector<const core::Annotation*>& shown, const FrameOptions& options);
    // Everything else of `shown` (strokes, arrow heads, dots, text; later ones over earlier ones),
    // over the map's labels and signs; `map` draws the text.
    void draw(const core::Camera& camera, const core::Projection& projection,
              const std::vector<const core::Annotation*>& shown, const FrameOptions& options, MapRenderer& map);

private:
    struct Impl;
    explicit AnnotationOverlay(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace qantar::render
