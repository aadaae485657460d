#pragma once
#include <string>
#include <string_view>

#include "core/io/error.hpp"
#include "core/map/mesh.hpp"
#include "render/gl_objects.hpp"

namespace qantar::core {
class Camera;
}

namespace qantar::render {

// Compiles and links a program from two GLSL sources. `vertName`/`fragName` label messages: a
// failure says which file failed and includes the driver's log (ErrorKind::ShaderBuild).
core::Expected<GlProgram> buildProgram(const std::string& vertName, std::string_view vertSource,
                                       const std::string& fragName, std::string_view fragSource);

// Builds a program from the embedded shaders/ files `<name>.vert` and `<name>.frag`.
core::Expected<GlProgram> buildEmbeddedProgram(const std::string& name);

// Makes `program` (shaders/line) current and sets what every thick-line draw takes from the
// camera: the map-to-clip transform, the viewport, the pixel scale and the metres per pixel.
void useLineProgram(const GlProgram& program, const core::Camera& camera, float pixelScale);

// Uploads a line mesh made for this frame into `vbo` and the index buffer bound to `vao`, and
// draws it with the line program already in use.
void drawStreamedLineMesh(const GlVertexArray& vao, const GlBuffer& vbo, const core::LineMesh& mesh);

}  // namespace qantar::render
