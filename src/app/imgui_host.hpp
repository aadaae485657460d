#pragma once
// The Dear ImGui context the interface draws in: qantar's fonts (Noto Sans, with Cyrillic and
// Kazakh letters) rasterised at the interface's and the presentation's scale, the OpenGL renderer
// backend, and the themes' styles. Shared by the window and by tests that drive the interface
// headless; the platform side (GLFW, or a test's own input) is the caller's.
#include <memory>

#include "core/io/error.hpp"
#include "core/map/theme.hpp"
#include "render/gl_objects.hpp"
#include "ui/style.hpp"

namespace qantar::app {

class ImGuiHost {
public:
    // Creates the context and its fonts and starts the OpenGL 3.3 renderer backend (needs a current
    // GL context). `uiScale` sizes the panels, `presenterScale` the presentation type.
    static core::Expected<std::unique_ptr<ImGuiHost>> create(float uiScale, float presenterScale);
    ~ImGuiHost();
    ImGuiHost(const ImGuiHost&) = delete;
    ImGuiHost& operator=(const ImGuiHost&) = delete;

    const ui::Fonts& fonts() const { return m_fonts; }
    float uiScale() const { return m_uiScale; }
    float presenterScale() const { return m_presenterScale; }
    // Applies `theme`'s panel style when it is not the one applied last.
    void useTheme(core::ThemeId theme);
    // The renderer backend's part of ImGui::NewFrame (call first).
    void newFrame();
    // Draws the frame ImGui::Render produced into the bound framebuffer.
    void renderDrawData();

private:
    ImGuiHost() = default;
    ui::Fonts m_fonts;
    float m_uiScale = 1.0f, m_presenterScale = 1.0f;
    int m_theme = -1;
    render::GlTexture m_fontTexture;
};

}  // namespace qantar::app
