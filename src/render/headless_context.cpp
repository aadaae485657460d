#include "render/headless_context.hpp"

#include <glad/egl.h>

#include <cstdio>
#include <cstring>

#include "render/gl.hpp"

namespace qantar::render {

namespace {

core::Error eglFailure(const std::string& what) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%04x", eglGetError ? static_cast<unsigned>(eglGetError()) : 0u);
    return core::Error{core::ErrorKind::GraphicsUnavailable, "headless OpenGL (EGL): " + what + " (EGL error " + code + ")"};
}

}  // namespace

core::Expected<std::unique_ptr<HeadlessContext>> HeadlessContext::create() {
    // First load without a display to reach the client extensions (platform selection).
    if (!gladLoaderLoadEGL(EGL_NO_DISPLAY)) {
        return core::Error{core::ErrorKind::GraphicsUnavailable, "headless OpenGL (EGL): libEGL could not be loaded"};
    }
    const char* clientExts = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!clientExts || !std::strstr(clientExts, "EGL_MESA_platform_surfaceless") || !eglGetPlatformDisplayEXT) {
        return core::Error{core::ErrorKind::GraphicsUnavailable,
                           "headless OpenGL (EGL): the surfaceless platform is not available (Mesa's libegl1-mesa is needed)"};
    }
    EGLDisplay dpy = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (dpy == EGL_NO_DISPLAY) return eglFailure("no surfaceless display");
    EGLint major = 0, minor = 0;
    if (!eglInitialize(dpy, &major, &minor)) return eglFailure("eglInitialize failed");
    // Reload with the display to get the display extensions' functions.
    gladLoaderLoadEGL(dpy);
    if (!eglBindAPI(EGL_OPENGL_API)) return eglFailure("desktop OpenGL is not offered");

    const EGLint configAttribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                    EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint numConfigs = 0;
    const bool haveConfig = eglChooseConfig(dpy, configAttribs, &config, 1, &numConfigs) && numConfigs > 0;
    const EGLint contextAttribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                     EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext ctx = eglCreateContext(dpy, haveConfig ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, contextAttribs);
    if (ctx == EGL_NO_CONTEXT) {
        eglTerminate(dpy);
        return eglFailure("no OpenGL 3.3 core context");
    }
    if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
        eglDestroyContext(dpy, ctx);
        eglTerminate(dpy);
        return eglFailure("the context cannot be made current without a surface");
    }
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress))) {
        eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(dpy, ctx);
        eglTerminate(dpy);
        return core::Error{core::ErrorKind::GraphicsUnavailable, "headless OpenGL: the GL functions could not be loaded"};
    }
    std::unique_ptr<HeadlessContext> out(new HeadlessContext());
    out->m_display = dpy;
    out->m_context = ctx;
    return out;
}

HeadlessContext::~HeadlessContext() {
    auto dpy = static_cast<EGLDisplay>(m_display);
    if (!dpy) return;
    eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (m_context) eglDestroyContext(dpy, static_cast<EGLContext>(m_context));
    eglTerminate(dpy);
    eglReleaseThread();
}

std::string HeadlessContext::renderer() const {
    const auto* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return r ? r : "";
}

}  // namespace qantar::render
