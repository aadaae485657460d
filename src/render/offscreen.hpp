#pragma once
// A render target of a fixed size: multisampled colour for drawing, resolved into a texture that
// can be shown (the GUI's map view) or read back (exports).
#include <functional>

#include "core/io/error.hpp"
#include "render/gl_objects.hpp"
#include "render/image.hpp"

namespace qantar::render {

// How much multisampled storage a target keeps.
enum class MsaaStorage {
    Whole,  // the whole image: bind() and draw anything, resolve() at the end
    Bands,  // one band of rows, about a sample count's fraction of the image: drawn only through
            // drawBanded(), which costs one pass of the geometry per band but holds (for 4x) a
            // quarter of the memory; a software renderer keeps it in ordinary memory
};

class OffscreenTarget {
public:
    // `samples` is clamped to what the driver offers (1 = no MSAA). Fails (GraphicsUnavailable)
    // when the framebuffer is incomplete, e.g. a size beyond GL_MAX_RENDERBUFFER_SIZE.
    static core::Expected<OffscreenTarget> create(int widthPx, int heightPx, int samples = 4,
                                                  MsaaStorage storage = MsaaStorage::Whole);

    int width() const { return m_width; }
    int height() const { return m_height; }
    int samples() const { return m_samples; }

    // Binds the multisampled framebuffer and sets the viewport to the whole target (for a banded
    // target, the single-sampled image, as bindSingleSampled()).
    void bind() const;
    // Draws the whole image multisampled and resolves it into the texture, band by band:
    // `draw(offsetY)` must draw the full view with its viewport's bottom edge at `offsetY` (zero
    // or negative; rows outside the band are clipped away). One call when the target is not
    // banded or not multisampled. Leaves the default framebuffer bound.
    void drawBanded(const std::function<void(int offsetY)>& draw) const;
    // Binds the resolved texture's framebuffer for drawing straight into it, without
    // multisampling: a quick draw that replaces the resolved image (no resolve() needed).
    void bindSingleSampled() const;
    // Resolves the multisampled image into the texture (and leaves the default framebuffer bound).
    void resolve() const;
    // The resolved colour texture (RGBA8), valid after resolve().
    GLuint texture() const { return m_texture.id(); }
    // The framebuffer drawing straight into that texture (a screen for an interface drawn offscreen).
    GLuint textureFramebuffer() const { return m_resolveFbo.id(); }
    // Copies `source`'s resolved image into this target's drawing buffer (same size expected),
    // leaving this target bound for drawing on top.
    void copyFrom(const OffscreenTarget& source) const;
    // Swaps the resolved images (texture and its framebuffer) of two targets of the same size;
    // the multisampled storage stays with each.
    void swapResolved(OffscreenTarget& other);
    // Reads the resolved image back, top row first.
    Image read() const;

private:
    OffscreenTarget() = default;
    int m_width = 0, m_height = 0, m_samples = 1;
    int m_bandRows = 0;  // rows of multisampled storage (the height unless banded)
    GlFramebuffer m_msFbo, m_resolveFbo;
    GlRenderbuffer m_msColor;
    GlTexture m_texture;
};

}  // namespace qantar::render
