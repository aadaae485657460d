#include "render/gl_objects.hpp"

#include <cstdio>
#include <cstdlib>

namespace qantar::render {

void checkGlError(const char* what, const char* file, int line) {
    static const bool enabled = std::getenv("QANTAR_GL_DEBUG") != nullptr;
    if (!enabled) return;
    const GLenum err = glGetError();
    if (err != GL_NO_ERROR) std::fprintf(stderr, "GL error 0x%04x after %s (%s:%d)\n", err, what, file, line);
}

GLuint BufferTraits::create() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return id;
}
void BufferTraits::destroy(GLuint id) { glDeleteBuffers(1, &id); }

GLuint VertexArrayTraits::create() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return id;
}
void VertexArrayTraits::destroy(GLuint id) { glDeleteVertexArrays(1, &id); }

GLuint TextureTraits::create() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return id;
}
void TextureTraits::destroy(GLuint id) { glDeleteTextures(1, &id); }

GLuint FramebufferTraits::create() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return id;
}
void FramebufferTraits::destroy(GLuint id) { glDeleteFramebuffers(1, &id); }

GLuint RenderbufferTraits::create() {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return id;
}
void RenderbufferTraits::destroy(GLuint id) { glDeleteRenderbuffers(1, &id); }

GLuint ProgramTraits::create() { return glCreateProgram(); }
void ProgramTraits::destroy(GLuint id) { glDeleteProgram(id); }

void ShaderTraits::destroy(GLuint id) { glDeleteShader(id); }

}  // namespace qantar::render
