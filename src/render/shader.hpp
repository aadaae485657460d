#pragma once
#include <string>
#include <string_view>

#include "core/io/error.hpp"
#include "render/gl_objects.hpp"

namespace qantar::render {

// Compiles and links a program from two GLSL sources. `vertName`/`fragName` label messages: a
// failure says which file failed and includes the driver's log (ErrorKind::ShaderBuild).
core::Expected<GlProgram> buildProgram(const std::string& vertName, std::string_view vertSource,
                                       const std::string& fragName, std::string_view fragSource);

// Builds a program from the embedded shaders/ files `<name>.vert` and `<name>.frag`.
core::Expected<GlProgram> buildEmbeddedProgram(const std::string& name);

}  // namespace qantar::render
