#pragma once
// The GLFW window: created at a size that fits the screen, with an OpenGL 3.3 core context; its
// input callbacks fill a FrameInput; full screen for presenting and back to where it was; the
// mouse cursor hidden when idle while presenting.
#include <memory>
#include <string>

#include "app/input.hpp"
#include "core/io/error.hpp"

struct GLFWwindow;

namespace qantar::app {

class Window {
public:
    // `widthPx` x `heightPx` (shrunk to fit the screen's work area); vsync unless `noVsync`.
    static core::Expected<std::unique_ptr<Window>> create(int widthPx, int heightPx, bool noVsync);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // Starts ImGui's GLFW platform backend (after the ImGui context exists) and ends it.
    void initImGui();
    void shutdownImGui();
    // ImGui's platform part of a new frame (display size, mouse, keys, time).
    void newImGuiFrame();

    bool shouldClose() const;
    // Handles window events: without waiting when something animates, else waiting at most
    // `timeoutSeconds` for one (an idle window costs no CPU).
    void pollEvents(bool wait, double timeoutSeconds);
    // The key presses and drops since the last call.
    FrameInput takeInput();
    void framebufferSize(int& widthPx, int& heightPx) const;
    void windowSize(int& widthPx, int& heightPx) const;
    // Full screen on the primary monitor, or back to the windowed size and place.
    void setFullscreen(bool on);
    // While presenting the cursor hides after two seconds without moving.
    void updateCursor(bool presenting, double nowSeconds);
    void swap();
    // The primary monitor's height in pixels and the window's content scale (for type sizes).
    int monitorHeight() const;
    float contentScale() const;

private:
    Window() = default;
    GLFWwindow* m_window = nullptr;
    FrameInput m_input;
    bool m_fullscreen = false;
    int m_windowedX = 0, m_windowedY = 0, m_windowedW = 0, m_windowedH = 0;
    double m_lastMouseX = -1, m_lastMouseY = -1, m_lastMouseMove = 0;
    bool m_imgui = false;
};

}  // namespace qantar::app
