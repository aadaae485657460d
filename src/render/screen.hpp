#pragma once
// The few GL steps around an interface frame that the window (or a test's offscreen screen) takes:
// clearing the screen, a compact texture for the interface's font atlas, and GPU timing for the
// frame-time benchmark. Kept here so that GL stays in render.
#include <cstdint>
#include <optional>
#include <string>

#include "core/map/theme.hpp"
#include "render/gl_objects.hpp"
#include "render/image.hpp"

namespace qantar::render {

// Loads the OpenGL functions of the current context through the window system's `getProcAddress`
// (GLFW's, for the window); false when OpenGL 3.3 core is not there.
using GlProcAddress = void (*(*)(const char* name))();
bool loadGlFunctions(GlProcAddress getProcAddress);

// Binds the default framebuffer (or `framebuffer`), sets the viewport and clears it to `color`.
void clearScreen(int widthPx, int heightPx, const core::Rgba& color, GLuint framebuffer = 0);

// A single-channel texture read as (1, 1, 1, coverage): an interface font atlas holds only
// coverage, so this is a quarter of the RGBA texture an interface backend would upload.
GlTexture uploadCoverageTexture(const unsigned char* pixels, int widthPx, int heightPx);

// GL_TIME_ELAPSED around a frame's GL work (core since OpenGL 3.3).
class GpuTimer {
public:
    GpuTimer();
    ~GpuTimer();
    GpuTimer(const GpuTimer&) = delete;
    GpuTimer& operator=(const GpuTimer&) = delete;
    void begin();
    void end();
    // The last frame's time, milliseconds (call after glFinish); nothing without timer queries.
    std::optional<double> lastMs() const;

private:
    GLuint m_query = 0;
};

// The pixels of the bound framebuffer's back buffer (the window's frame before it is shown),
// top row first.
Image readScreen(int widthPx, int heightPx, GLuint framebuffer = 0);

// Waits until every GL command issued so far has finished (for timing).
void finishGl();
// The OpenGL renderer's name ("llvmpipe (LLVM 15.0.6, 256 bits)"), for benchmark reports.
std::string glRendererName();

}  // namespace qantar::render
