#pragma once
// Flat screen-space shapes for overlays: rectangles and triangles in pixels, batched and drawn in
// one call. Owns its GL objects; needs a current context.
#include <memory>
#include <vector>

#include "core/io/error.hpp"
#include "core/map/theme.hpp"

namespace qantar::render {

class Painter {
public:
    static core::Expected<std::unique_ptr<Painter>> create();
    ~Painter();

    void rect(float x0, float y0, float x1, float y1, const core::Rgba& color);
    // `smoothEdges` picks the edges (bit 0: a-b, bit 1: b-c, bit 2: c-a) that get a one-pixel
    // anti-aliasing fringe fading outwards, so slanted outer edges are smooth without
    // multisampling; edges shared with a neighbouring triangle stay hard.
    void triangle(float ax, float ay, float bx, float by, float cx, float cy, const core::Rgba& color,
                  unsigned smoothEdges = 0);
    // Draws everything added since the last flush into the bound framebuffer.
    void flush(int viewportW, int viewportH);

private:
    struct Impl;
    explicit Painter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace qantar::render
