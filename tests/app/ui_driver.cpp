#include "ui_driver.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "app/input.hpp"
#include "core/io/user_files.hpp"
#include "render/headless_context.hpp"
#include "render/offscreen.hpp"
#include "render/screen.hpp"

namespace qantar::test {

namespace fs = std::filesystem;

namespace {

constexpr double kFrameSeconds = 1.0 / 60.0;

std::string freshFolder() {
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / ("qantar-driver-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir);
    return dir.string();
}

// The same key map as ImGui's GLFW backend, so text fields see Tab, Enter, arrows and Backspace.
void mapKeys(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
    io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
    io.KeyMap[ImGuiKey_PageUp] = GLFW_KEY_PAGE_UP;
    io.KeyMap[ImGuiKey_PageDown] = GLFW_KEY_PAGE_DOWN;
    io.KeyMap[ImGuiKey_Home] = GLFW_KEY_HOME;
    io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
    io.KeyMap[ImGuiKey_Insert] = GLFW_KEY_INSERT;
    io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
    io.KeyMap[ImGuiKey_Space] = GLFW_KEY_SPACE;
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
    io.KeyMap[ImGuiKey_KeyPadEnter] = GLFW_KEY_KP_ENTER;
    io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
    io.KeyMap[ImGuiKey_C] = GLFW_KEY_C;
    io.KeyMap[ImGuiKey_V] = GLFW_KEY_V;
    io.KeyMap[ImGuiKey_X] = GLFW_KEY_X;
    io.KeyMap[ImGuiKey_Y] = GLFW_KEY_Y;
    io.KeyMap[ImGuiKey_Z] = GLFW_KEY_Z;
}

}  // namespace

const std::string& useTemporaryHome() {
    static const std::string dir = [] {
        const fs::path d = fs::path(freshFolder()) / "home";
        fs::create_directories(d);
        ::setenv("HOME", d.c_str(), 1);
        ::setenv("XDG_DATA_HOME", (d / "data").c_str(), 1);
        return d.string();
    }();
    return dir;
}

struct UiDriver::Gl {
    std::unique_ptr<render::HeadlessContext> context;
    std::optional<render::OffscreenTarget> screen;
};

UiDriver::UiDriver(DriverOptions o) : m_gl(std::make_unique<Gl>()), m_width(o.width), m_height(o.height) {
    auto ctx = render::HeadlessContext::create();
    if (!ctx) throw std::runtime_error(ctx.error().message);
    m_gl->context = std::move(*ctx);
    m_configDir = o.configDir;
    if (m_configDir.empty()) {
        m_configDir = freshFolder();
        m_ownConfigDir = true;
    }
    auto host = app::ImGuiHost::create(o.uiScale, o.presenterScale);
    if (!host) throw std::runtime_error(host.error().message);
    m_host = std::move(*host);
    ImGuiIO& io = ImGui::GetIO();
    mapKeys(io);
    io.DisplaySize = ImVec2(static_cast<float>(m_width), static_cast<float>(m_height));
    io.DeltaTime = static_cast<float>(kFrameSeconds);
    ui::ItemProbe::enable();
    ui::ItemProbe::clearCollisions();

    app::StartupOptions start;
    start.data = o.data;
    start.story = o.story;
    start.assets = o.assets;
    start.configDir = m_configDir;
    start.firstStart = o.firstStart;
    auto [settings, problem] = app::loadUserSettings(start);
    auto startup = app::loadStartup(start, settings, problem);
    if (!startup) throw std::runtime_error(startup.error().message);
    app::SessionOptions so;
    so.present = o.present;
    so.imports = o.imports;
    so.autosaveSeconds = o.autosaveSeconds;
    if (!o.theme.empty()) so.theme = *core::parseThemeName(o.theme);
    if (o.time) so.startTime = *core::parseIsoTime(*o.time, core::kAlmatyTime);
    auto session = app::Session::create(std::move(*startup), so, *m_host);
    if (!session) throw std::runtime_error(session.error().message);
    m_session = std::move(*session);
    frame(2);
}

UiDriver::~UiDriver() {
    m_session->finish();
    m_session.reset();
    ui::ItemProbe::disable();
    m_host.reset();
    m_gl->screen.reset();
    m_gl.reset();
    if (m_ownConfigDir) {
        std::error_code ec;
        fs::remove_all(m_configDir, ec);
    }
}

void UiDriver::frame(int count) {
    for (int i = 0; i < count; ++i) step(kFrameSeconds);
}

void UiDriver::step(double seconds) {
    {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(m_width), static_cast<float>(m_height));
        io.DeltaTime = static_cast<float>(seconds);
        io.MousePos = ImVec2(m_mouseX, m_mouseY);
        for (int b = 0; b < 3; ++b) io.MouseDown[b] = m_mouseDown[b];
        io.MouseWheel = m_wheel;
        m_wheel = 0.0f;
        std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
        for (int k : m_keysDown) io.KeysDown[k] = true;
        io.KeyCtrl = (m_mods & GLFW_MOD_CONTROL) != 0;
        io.KeyShift = (m_mods & GLFW_MOD_SHIFT) != 0;
        io.KeyAlt = (m_mods & GLFW_MOD_ALT) != 0;
        m_now += seconds;
        m_session->frame(m_now, seconds, m_width, m_height, std::move(m_input));
        m_input = app::FrameInput{};
    }
}

void UiDriver::advance(double seconds, double stepSeconds) {
    const double until = m_now + seconds;
    while (m_now < until) step(std::min(stepSeconds, std::max(until - m_now, 1e-3)));
}

void UiDriver::moveMouse(float x, float y) {
    m_mouseX = x;
    m_mouseY = y;
    frame();
}

void UiDriver::click(float x, float y, int button) {
    moveMouse(x, y);
    m_mouseDown[button] = true;
    frame();
    m_mouseDown[button] = false;
    frame();
}

void UiDriver::doubleClick(float x, float y) {
    click(x, y);
    m_mouseDown[0] = true;
    frame();
    m_mouseDown[0] = false;
    frame();
}

void UiDriver::drag(float x0, float y0, float x1, float y1, int steps) {
    moveMouse(x0, y0);
    m_mouseDown[0] = true;
    frame();
    for (int i = 1; i <= steps; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(steps);
        m_mouseX = x0 + (x1 - x0) * f;
        m_mouseY = y0 + (y1 - y0) * f;
        frame();
    }
    m_mouseDown[0] = false;
    frame();
}

void UiDriver::wheel(float x, float y, float notches) {
    moveMouse(x, y);
    m_wheel = notches;
    frame();
}

void UiDriver::key(int glfwKey, int glfwMods) {
    m_mods = glfwMods;
    m_keysDown.push_back(glfwKey);
    if (auto press = app::keyPressFromGlfw(glfwKey, GLFW_PRESS, glfwMods)) m_input.keys.push_back(*press);
    frame();
    m_keysDown.clear();
    m_mods = 0;
    frame();
}

void UiDriver::type(const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frame();
}

void UiDriver::drop(const std::string& path) {
    m_input.drops.push_back(path);
    frame();
}

void UiDriver::resize(int width, int height) {
    m_width = width;
    m_height = height;
    frame(2);
}

std::vector<ui::ProbedItem> UiDriver::items() const { return ui::ItemProbe::items(); }

std::vector<ui::ProbedWindow> UiDriver::windows() const { return ui::ItemProbe::windows(); }

std::optional<ui::ProbedItem> UiDriver::item(const std::string& label, const std::string& window) const {
    for (const auto& it : items()) {
        if (!it.visible || (it.label != label && it.rawLabel != label)) continue;
        if (!window.empty() && ui::ItemProbe::windowTitle(it.window) != window) continue;
        return it;
    }
    return std::nullopt;
}

bool UiDriver::hasWindow(const std::string& title) const {
    for (const auto& w : windows()) {
        if (w.title == title) return true;
    }
    return false;
}

bool UiDriver::scrollTo(const std::string& label, const std::string& win) {
    for (const auto& it : items()) {
        if (it.label != label && it.rawLabel != label) continue;
        if (!win.empty() && ui::ItemProbe::windowTitle(it.window) != win) continue;
        ImGuiWindow* w = ImGui::FindWindowByName(it.innerWindow.c_str());
        if (!w) return false;
        const float wanted = w->Scroll.y + (it.fullRect.y - w->InnerRect.Min.y) - w->InnerRect.GetHeight() / 3.0f;
        ImGui::SetScrollY(w, std::max(0.0f, wanted));
        frame(2);
        return true;
    }
    return false;
}

bool UiDriver::clickItem(const std::string& label, const std::string& window) {
    auto it = item(label, window);
    if (!it && scrollTo(label, window)) it = item(label, window);
    if (!it) return false;
    click(it->rect.x + it->rect.w * 0.5f, it->rect.y + it->rect.h * 0.5f);
    return true;
}

render::Image UiDriver::screenshot() {
    if (!m_gl->screen || m_gl->screen->width() != m_width || m_gl->screen->height() != m_height) {
        m_gl->screen.reset();
        auto t = render::OffscreenTarget::create(m_width, m_height, 1);
        if (!t) throw std::runtime_error(t.error().message);
        m_gl->screen = std::move(*t);
    }
    const GLuint fbo = m_gl->screen->textureFramebuffer();
    render::clearScreen(m_width, m_height, core::theme(state().theme).background, fbo);
    m_host->renderDrawData();
    return render::readScreen(m_width, m_height, fbo);
}

}  // namespace qantar::test
