#pragma once
// Move-only owners of OpenGL objects. Feature code never calls glGen*/glDelete* itself.
// Each must be destroyed while its context is current.
#include <utility>

#include "render/gl.hpp"

namespace qantar::render {

template <typename Traits>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint id) : m_id(id) {}
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;
    GlHandle(GlHandle&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}
    GlHandle& operator=(GlHandle&& o) noexcept {
        if (this != &o) {
            reset();
            m_id = std::exchange(o.m_id, 0);
        }
        return *this;
    }
    ~GlHandle() { reset(); }
    GLuint id() const { return m_id; }
    explicit operator bool() const { return m_id != 0; }
    void reset() {
        if (m_id) Traits::destroy(m_id);
        m_id = 0;
    }
    static GlHandle create() { return GlHandle(Traits::create()); }

private:
    GLuint m_id = 0;
};

struct BufferTraits {
    static GLuint create();
    static void destroy(GLuint id);
};
struct VertexArrayTraits {
    static GLuint create();
    static void destroy(GLuint id);
};
struct TextureTraits {
    static GLuint create();
    static void destroy(GLuint id);
};
struct FramebufferTraits {
    static GLuint create();
    static void destroy(GLuint id);
};
struct RenderbufferTraits {
    static GLuint create();
    static void destroy(GLuint id);
};
struct ProgramTraits {
    static GLuint create();
    static void destroy(GLuint id);
};
struct ShaderTraits {
    static GLuint create() { return 0; }  // shaders are made with glCreateShader(type)
    static void destroy(GLuint id);
};

using GlBuffer = GlHandle<BufferTraits>;
using GlVertexArray = GlHandle<VertexArrayTraits>;
using GlTexture = GlHandle<TextureTraits>;
using GlFramebuffer = GlHandle<FramebufferTraits>;
using GlRenderbuffer = GlHandle<RenderbufferTraits>;
using GlProgram = GlHandle<ProgramTraits>;
using GlShader = GlHandle<ShaderTraits>;

}  // namespace qantar::render
