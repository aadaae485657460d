#include "render/offscreen.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace qantar::render {

core::Expected<OffscreenTarget> OffscreenTarget::create(int widthPx, int heightPx, int samples, MsaaStorage storage) {
    GLint maxSize = 0, maxSamples = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    if (widthPx <= 0 || heightPx <= 0 || widthPx > maxSize || heightPx > maxSize) {
        return core::Error{core::ErrorKind::BadArgument, "size " + std::to_string(widthPx) + "x" +
                                                             std::to_string(heightPx) + " exceeds what OpenGL offers (" +
                                                             std::to_string(maxSize) + " px per side)"};
    }
    OffscreenTarget t;
    t.m_width = widthPx;
    t.m_height = heightPx;
    t.m_samples = std::clamp(samples, 1, std::max(1, static_cast<int>(maxSamples)));
    t.m_bandRows = storage == MsaaStorage::Bands ? (heightPx + t.m_samples - 1) / t.m_samples : heightPx;

    t.m_texture = GlTexture::create();
    glBindTexture(GL_TEXTURE_2D, t.m_texture.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, widthPx, heightPx, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    // Shown pixel for pixel (the window's map): nearest sampling draws the same pixels as linear
    // and costs a software renderer about a quarter of the texture reads.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    t.m_resolveFbo = GlFramebuffer::create();
    glBindFramebuffer(GL_FRAMEBUFFER, t.m_resolveFbo.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.m_texture.id(), 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return core::Error{core::ErrorKind::GraphicsUnavailable, "offscreen framebuffer is incomplete"};
    }
    if (t.m_samples > 1) {
        t.m_msColor = GlRenderbuffer::create();
        glBindRenderbuffer(GL_RENDERBUFFER, t.m_msColor.id());
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, t.m_samples, GL_RGBA8, widthPx, t.m_bandRows);
        t.m_msFbo = GlFramebuffer::create();
        glBindFramebuffer(GL_FRAMEBUFFER, t.m_msFbo.id());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.m_msColor.id());
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            return core::Error{core::ErrorKind::GraphicsUnavailable, "multisampled framebuffer is incomplete"};
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return t;
}

void OffscreenTarget::bind() const {
    const bool whole = m_samples > 1 && m_bandRows == m_height;
    glBindFramebuffer(GL_FRAMEBUFFER, whole ? m_msFbo.id() : m_resolveFbo.id());
    glViewport(0, 0, m_width, m_height);
}

void OffscreenTarget::drawBanded(const std::function<void(int offsetY)>& draw) const {
    if (m_samples == 1) {
        bindSingleSampled();
        draw(0);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return;
    }
    for (int y0 = 0; y0 < m_height; y0 += m_bandRows) {
        const int rows = std::min(m_bandRows, m_height - y0);
        glBindFramebuffer(GL_FRAMEBUFFER, m_msFbo.id());
        glViewport(0, -y0, m_width, m_height);
        draw(-y0);
        // A multisample resolve may move the rectangle but not resize it.
        glBindFramebuffer(GL_READ_FRAMEBUFFER, m_msFbo.id());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_resolveFbo.id());
        glBlitFramebuffer(0, 0, m_width, rows, 0, y0, m_width, y0 + rows, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::bindSingleSampled() const {
    glBindFramebuffer(GL_FRAMEBUFFER, m_resolveFbo.id());
    glViewport(0, 0, m_width, m_height);
}

void OffscreenTarget::resolve() const {
    if (m_samples > 1 && m_bandRows == m_height) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, m_msFbo.id());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_resolveFbo.id());
        glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::copyFrom(const OffscreenTarget& source) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, source.m_resolveFbo.id());
    const bool whole = m_samples > 1 && m_bandRows == m_height;
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, whole ? m_msFbo.id() : m_resolveFbo.id());
    glBlitFramebuffer(0, 0, source.m_width, source.m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    bind();
}

void OffscreenTarget::swapResolved(OffscreenTarget& other) {
    std::swap(m_texture, other.m_texture);
    std::swap(m_resolveFbo, other.m_resolveFbo);
}

Image OffscreenTarget::read() const {
    Image img;
    img.width = m_width;
    img.height = m_height;
    img.rgba.resize(static_cast<std::size_t>(m_width) * m_height * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_resolveFbo.id());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // OpenGL's rows run bottom to top; images run top to bottom.
    const std::size_t row = static_cast<std::size_t>(m_width) * 4;
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < m_height / 2; ++y) {
        auto* a = img.rgba.data() + static_cast<std::size_t>(y) * row;
        auto* b = img.rgba.data() + static_cast<std::size_t>(m_height - 1 - y) * row;
        std::copy_n(a, row, tmp.data());
        std::copy_n(b, row, a);
        std::copy_n(tmp.data(), row, b);
    }
    return img;
}

}  // namespace qantar::render
