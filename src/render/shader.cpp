#include "render/shader.hpp"

#include <vector>

#include "core/geo/camera.hpp"
#include "render/embedded.hpp"

namespace qantar::render {

namespace {

std::string shaderLog(GLuint shader) {
    GLint len = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &len);
    std::vector<char> buf(static_cast<std::size_t>(len > 1 ? len : 1), '\0');
    glGetShaderInfoLog(shader, len, nullptr, buf.data());
    return std::string(buf.data());
}

std::string programLog(GLuint program) {
    GLint len = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &len);
    std::vector<char> buf(static_cast<std::size_t>(len > 1 ? len : 1), '\0');
    glGetProgramInfoLog(program, len, nullptr, buf.data());
    return std::string(buf.data());
}

core::Expected<GlShader> compile(GLenum type, const std::string& name, std::string_view source) {
    GlShader shader(glCreateShader(type));
    const char* src = source.data();
    const auto len = static_cast<GLint>(source.size());
    glShaderSource(shader.id(), 1, &src, &len);
    glCompileShader(shader.id());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.id(), GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        return core::Error{core::ErrorKind::ShaderBuild, "shaders/" + name + ": compile failed:\n" + shaderLog(shader.id())};
    }
    return shader;
}

}  // namespace

core::Expected<GlProgram> buildProgram(const std::string& vertName, std::string_view vertSource,
                                       const std::string& fragName, std::string_view fragSource) {
    auto vs = compile(GL_VERTEX_SHADER, vertName, vertSource);
    if (!vs) return vs.error();
    auto fs = compile(GL_FRAGMENT_SHADER, fragName, fragSource);
    if (!fs) return fs.error();
    GlProgram program = GlProgram::create();
    glAttachShader(program.id(), vs->id());
    glAttachShader(program.id(), fs->id());
    glLinkProgram(program.id());
    GLint ok = GL_FALSE;
    glGetProgramiv(program.id(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        return core::Error{core::ErrorKind::ShaderBuild,
                           "shaders/" + vertName + " + shaders/" + fragName + ": link failed:\n" + programLog(program.id())};
    }
    glDetachShader(program.id(), vs->id());
    glDetachShader(program.id(), fs->id());
    return program;
}

core::Expected<GlProgram> buildEmbeddedProgram(const std::string& name) {
    const std::string vert = name + ".vert", frag = name + ".frag";
    const std::string_view vs = embeddedFile(vert), fs = embeddedFile(frag);
    if (vs.empty() || fs.empty()) {
        return core::Error{core::ErrorKind::ShaderBuild, "shaders/" + name + ": not embedded in this build"};
    }
    return buildProgram(vert, vs, frag, fs);
}

void useLineProgram(const GlProgram& program, const core::Camera& camera, float pixelScale) {
    const GLuint lp = program.id();
    glUseProgram(lp);
    const auto m = camera.mapToClip();
    glUniformMatrix3fv(glGetUniformLocation(lp, "u_mapToClip"), 1, GL_FALSE, m.data());
    glUniform2f(glGetUniformLocation(lp, "u_viewportPx"), static_cast<float>(camera.widthPx()),
                static_cast<float>(camera.heightPx()));
    glUniform1f(glGetUniformLocation(lp, "u_pixelScale"), pixelScale);
    glUniform1f(glGetUniformLocation(lp, "u_metersPerPixel"), static_cast<float>(camera.metersPerPixel()));
}

void drawStreamedLineMesh(const GlVertexArray& vao, const GlBuffer& vbo, const core::LineMesh& mesh) {
    glBindVertexArray(vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, vbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(core::LineVertex)),
                 mesh.vertices.data(), GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
                 mesh.indices.data(), GL_STREAM_DRAW);
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(mesh.indices.size()), GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
}

}  // namespace qantar::render
