#pragma once
// A render target of a fixed size: multisampled colour for drawing, resolved into a texture that
// can be shown (the GUI's map view) or read back (exports).
#include "core/error.hpp"
#include "render/gl_objects.hpp"
#include "render/image.hpp"

namespace qantar::render {

class OffscreenTarget {
public:
    // `samples` is clamped to what the driver offers (1 = no MSAA). Fails (GraphicsUnavailable)
    // when the framebuffer is incomplete, e.g. a size beyond GL_MAX_RENDERBUFFER_SIZE.
    static core::Expected<OffscreenTarget> create(int widthPx, int heightPx, int samples = 4);

    int width() const { return m_width; }
    int height() const { return m_height; }
    int samples() const { return m_samples; }

    // Binds the multisampled framebuffer and sets the viewport to the whole target.
    void bind() const;
    // Resolves the multisampled image into the texture (and leaves the default framebuffer bound).
    void resolve() const;
    // The resolved colour texture (RGBA8), valid after resolve().
    GLuint texture() const { return m_texture.id(); }
    // Copies `source`'s resolved image into this target's drawing buffer (same size expected),
    // leaving this target bound for drawing on top.
    void copyFrom(const OffscreenTarget& source) const;
    // Reads the resolved image back, top row first.
    Image read() const;

private:
    OffscreenTarget() = default;
    int m_width = 0, m_height = 0, m_samples = 1;
    GlFramebuffer m_msFbo, m_resolveFbo;
    GlRenderbuffer m_msColor;
    GlTexture m_texture;
};

}  // namespace qantar::render
