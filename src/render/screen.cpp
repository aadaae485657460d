#include "render/screen.hpp"

#include <algorithm>

namespace qantar::render {

bool loadGlFunctions(GlProcAddress getProcAddress) {
    return gladLoadGL(reinterpret_cast<GLADloadfunc>(getProcAddress)) != 0;
}

void clearScreen(int widthPx, int heightPx, const core::Rgba& color, GLuint framebuffer) {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glViewport(0, 0, widthPx, heightPx);
    glClearColor(color.r, color.g, color.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

GlTexture uploadCoverageTexture(const unsigned char* pixels, int widthPx, int heightPx) {
    GlTexture texture = GlTexture::create();
    glBindTexture(GL_TEXTURE_2D, texture.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, widthPx, heightPx, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glBindTexture(GL_TEXTURE_2D, 0);
    return texture;
}

GpuTimer::GpuTimer() {
    if (GLAD_GL_VERSION_3_3) glGenQueries(1, &m_query);
}

GpuTimer::~GpuTimer() {
    if (m_query) glDeleteQueries(1, &m_query);
}

void GpuTimer::begin() {
    if (m_query) glBeginQuery(GL_TIME_ELAPSED, m_query);
}

void GpuTimer::end() {
    if (m_query) glEndQuery(GL_TIME_ELAPSED);
}

std::optional<double> GpuTimer::lastMs() const {
    if (!m_query) return std::nullopt;
    GLuint64 ns = 0;
    glGetQueryObjectui64v(m_query, GL_QUERY_RESULT, &ns);
    return static_cast<double>(ns) / 1e6;
}

Image readScreen(int widthPx, int heightPx, GLuint framebuffer) {
    Image img;
    img.width = widthPx;
    img.height = heightPx;
    img.rgba.resize(static_cast<std::size_t>(widthPx) * static_cast<std::size_t>(heightPx) * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
    if (framebuffer == 0) glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, widthPx, heightPx, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // OpenGL's rows run bottom to top; images run top to bottom.
    const std::size_t row = static_cast<std::size_t>(widthPx) * 4;
    for (int y = 0; y < heightPx / 2; ++y) {
        std::swap_ranges(img.rgba.begin() + static_cast<std::ptrdiff_t>(y * row),
                         img.rgba.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                         img.rgba.begin() + static_cast<std::ptrdiff_t>((heightPx - 1 - y) * row));
    }
    // The window has no alpha to speak of: the picture is opaque.
    for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
    return img;
}

void finishGl() { glFinish(); }

std::string glRendererName() {
    const char* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return r ? r : "";
}

}  // namespace qantar::render
