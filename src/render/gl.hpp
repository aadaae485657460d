#pragma once
// The one place that includes the generated OpenGL 3.3 core loader.
#include <glad/gl.h>

namespace qantar::render {

// When the environment variable QANTAR_GL_DEBUG is set, checks glGetError after the call site and
// prints the first error with its location to stderr. Costs one getenv per process otherwise.
void checkGlError(const char* what, const char* file, int line);

}  // namespace qantar::render

#define QANTAR_GL_CHECK(what) ::qantar::render::checkGlError(what, __FILE__, __LINE__)
