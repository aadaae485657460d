#include "app/window.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <cstdio>

#include "render/screen.hpp"

namespace qantar::app {

namespace {

void glfwErrorCallback(int code, const char* description) {
    std::fprintf(stderr, "qantar: GLFW error %d: %s\n", code, description);
}

FrameInput& inputOf(GLFWwindow* w) { return *static_cast<FrameInput*>(glfwGetWindowUserPointer(w)); }

void keyCallback(GLFWwindow* w, int key, int, int action, int mods) {
    if (auto press = keyPressFromGlfw(key, action, mods)) inputOf(w).keys.push_back(*press);
}

void dropCallback(GLFWwindow* w, int count, const char** paths) {
    for (int i = 0; i < count; ++i) inputOf(w).drops.emplace_back(paths[i]);
}

}  // namespace

core::Expected<std::unique_ptr<Window>> Window::create(int widthPx, int heightPx, bool noVsync) {
    glfwSetErrorCallback(glfwErrorCallback);
    if (!glfwInit()) {
        return core::Error{core::ErrorKind::GraphicsUnavailable,
                           "cannot open a window: no display (set DISPLAY, or use 'qantar export' headless)"};
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // Never larger than the screen it opens on (a 1366x768 laptop, a projector at 1280x720).
    int areaX = 0, areaY = 0, areaW = widthPx, areaH = heightPx;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(monitor, &areaX, &areaY, &areaW, &areaH);
    if (areaW > 0 && areaH > 0) {
        widthPx = std::min(widthPx, areaW);
        heightPx = std::min(heightPx, areaH);
    }
    std::unique_ptr<Window> win(new Window());
    win->m_window = glfwCreateWindow(widthPx, heightPx, "qantar \xE2\x80\x94 Kazakhstan, January 2022", nullptr, nullptr);
    if (!win->m_window) {
        glfwTerminate();
        return core::Error{core::ErrorKind::GraphicsUnavailable, "cannot create an OpenGL 3.3 core window"};
    }
    if (areaW > 0 && areaH > 0) glfwSetWindowPos(win->m_window, areaX, areaY);
    glfwMakeContextCurrent(win->m_window);
    glfwSwapInterval(noVsync ? 0 : 1);
    if (!render::loadGlFunctions(glfwGetProcAddress)) {
        return core::Error{core::ErrorKind::GraphicsUnavailable, "cannot load OpenGL functions"};
    }
    glfwSetWindowUserPointer(win->m_window, &win->m_input);
    glfwSetKeyCallback(win->m_window, keyCallback);
    glfwSetDropCallback(win->m_window, dropCallback);
    return win;
}

Window::~Window() {
    shutdownImGui();
    if (m_window) glfwDestroyWindow(m_window);
    glfwTerminate();
}

void Window::initImGui() {
    // Installed after ours, ImGui's callbacks call ours on.
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    m_imgui = true;
}

void Window::shutdownImGui() {
    if (!m_imgui) return;
    ImGui_ImplGlfw_Shutdown();
    m_imgui = false;
}

void Window::newImGuiFrame() { ImGui_ImplGlfw_NewFrame(); }

bool Window::shouldClose() const { return glfwWindowShouldClose(m_window) != 0; }

void Window::pollEvents(bool wait, double timeoutSeconds) {
    if (wait) glfwWaitEventsTimeout(timeoutSeconds);
    else glfwPollEvents();
}

FrameInput Window::takeInput() {
    FrameInput out;
    std::swap(out, m_input);
    return out;
}

void Window::framebufferSize(int& w, int& h) const { glfwGetFramebufferSize(m_window, &w, &h); }

void Window::windowSize(int& w, int& h) const { glfwGetWindowSize(m_window, &w, &h); }

void Window::setFullscreen(bool on) {
    if (on == m_fullscreen) return;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (on && mode) {
        glfwGetWindowPos(m_window, &m_windowedX, &m_windowedY);
        glfwGetWindowSize(m_window, &m_windowedW, &m_windowedH);
        glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
        m_fullscreen = true;
    } else if (!on) {
        glfwSetWindowMonitor(m_window, nullptr, m_windowedX, m_windowedY, m_windowedW, m_windowedH, 0);
        glfwSetInputMode(m_window, GLFW_CURSOR, GLFW_CURSOR_NORMAL);
        m_fullscreen = false;
    }
}

void Window::updateCursor(bool presenting, double now) {
    double mx = 0, my = 0;
    glfwGetCursorPos(m_window, &mx, &my);
    if (mx != m_lastMouseX || my != m_lastMouseY) {
        m_lastMouseX = mx;
        m_lastMouseY = my;
        m_lastMouseMove = now;
        glfwSetInputMode(m_window, GLFW_CURSOR, GLFW_CURSOR_NORMAL);
    } else if (presenting && now - m_lastMouseMove > 2.0) {
        glfwSetInputMode(m_window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    }
}

void Window::swap() { glfwSwapBuffers(m_window); }

int Window::monitorHeight() const {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    return mode ? mode->height : 1080;
}

float Window::contentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(m_window, &x, &y);
    return std::max(x, y);
}

}  // namespace qantar::app
