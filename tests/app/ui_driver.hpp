#pragma once
// The in-process UI driver: the real session and the real panels, rendered headless (EGL, Mesa's
// llvmpipe), fed mouse, keys and text frame by frame. No window, no X server and no wall clock:
// every frame advances the app's time by a sixtieth of a second, so a test runs the same on a
// busy machine as on an idle one. Assertions read the app's state, the items ImGui drew (the
// ItemProbe) and the pixels of the frame.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/session.hpp"
#include "render/image.hpp"
#include "ui/item_probe.hpp"

namespace qantar::test {

struct DriverOptions {
    int width = 1280, height = 720;
    std::string data;                   // event file (empty: the bundled one)
    std::string story;                  // story file (empty: the bundled one)
    std::string assets;                 // --assets (empty: found next to the program)
    std::vector<std::string> imports;   // merged at start
    std::optional<std::string> time;    // --time
    std::string theme;                  // --theme
    bool present = false;
    float uiScale = 1.0f;
    float presenterScale = 1.0f;
    bool firstStart = true;             // no settings, no autosave
    std::string configDir;              // empty: a fresh temporary folder
    double autosaveSeconds = 5.0;
};

// Points HOME and XDG_DATA_HOME at a fresh temporary folder, once per test program, so nothing a
// test writes through the interface (an export's default file, a saved story) lands outside it.
// Returns the folder.
const std::string& useTemporaryHome();
// A driver at `time` in a fresh temporary home (so no earlier test's settings or autosave count).
inline DriverOptions optionsAt(const char* time) {
    (void)useTemporaryHome();
    DriverOptions o;
    o.time = time;
    return o;
}

class UiDriver {
public:
    explicit UiDriver(DriverOptions options = {});
    ~UiDriver();
    UiDriver(const UiDriver&) = delete;
    UiDriver& operator=(const UiDriver&) = delete;

    // Frames: each advances the app's time by 1/60 s (the clock plays at that pace too).
    void frame(int count = 1);
    // Frames until `seconds` of app time have passed, `stepSeconds` apart (the story, the clock
    // and the transitions are functions of time, so long waits may take coarse steps).
    void advance(double seconds, double stepSeconds = 1.0 / 60.0);
    double now() const { return m_now; }

    // Mouse, in window pixels. A click presses for one frame and releases the next, as ImGui 1.86
    // needs (a press and release within one frame is lost).
    void moveMouse(float x, float y);
    void click(float x, float y, int button = 0);
    void doubleClick(float x, float y);
    void drag(float x0, float y0, float x1, float y1, int steps = 8);
    void wheel(float x, float y, float notches);
    // A key by its GLFW code, with GLFW modifier bits; both ImGui and the shortcut queue see it.
    void key(int glfwKey, int glfwMods = 0);
    // Text typed into whatever has the keyboard.
    void type(const std::string& utf8);
    // A file dropped on the window.
    void drop(const std::string& path);
    void resize(int width, int height);

    // What ImGui drew in the last frame.
    std::vector<ui::ProbedItem> items() const;
    std::vector<ui::ProbedWindow> windows() const;
    // The visible item with this label, or this ID string for unlabelled ones ("##goto"), in a
    // window whose title is `window` when given.
    std::optional<ui::ProbedItem> item(const std::string& label, const std::string& window = "") const;
    bool hasWindow(const std::string& title) const;
    // Clicks the middle of an item, scrolling its window to it first if it is out of view; false
    // when there is no such item.
    bool clickItem(const std::string& label, const std::string& window = "");
    // Scrolls the window holding an item (drawn but out of view) so the item shows.
    bool scrollTo(const std::string& label, const std::string& window = "");

    // The last frame as the screen shows it.
    render::Image screenshot();

    app::Session& session() { return *m_session; }
    ui::AppState& state() { return m_session->state(); }
    ui::Gui& gui() { return m_session->gui(); }
    const std::string& configDir() const { return m_configDir; }
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    void step(double seconds);
    struct Gl;
    std::unique_ptr<Gl> m_gl;
    std::unique_ptr<app::ImGuiHost> m_host;
    std::unique_ptr<app::Session> m_session;
    app::FrameInput m_input;
    std::string m_configDir;
    bool m_ownConfigDir = false;
    int m_width, m_height;
    double m_now = 0.0;
    float m_mouseX = -1, m_mouseY = -1;
    bool m_mouseDown[3] = {false, false, false};
    float m_wheel = 0.0f;
    std::vector<int> m_keysDown;
    int m_mods = 0;
};

}  // namespace qantar::test
