#pragma once
// The running program without its window: the model (ui::AppState), the interface (ui::Gui), the
// map's renderers and compositor, and what actions set going (opening files, exports, saving
// stories and settings). The window hands it one frame at a time with that frame's input; so
// does a test's driver, headless, with no display and no wall clock. It needs a current OpenGL
// context and an ImGuiHost; it draws the map into a texture and leaves ImGui's draw data ready
// for the caller to render.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/imgui_host.hpp"
#include "app/input.hpp"
#include "app/startup.hpp"
#include "core/time/time.hpp"
#include "render/compositor.hpp"
#include "render/event_overlay.hpp"
#include "render/export/export_renderer.hpp"
#include "render/export/export_run.hpp"
#include "render/map_renderer.hpp"
#include "ui/app_state.hpp"
#include "ui/gui.hpp"

namespace qantar::app {

struct SessionOptions {
    std::optional<core::ParsedTime> startTime;  // --time
    std::optional<core::ThemeId> theme;         // --theme (else the settings')
    bool present = false;                        // start presenting the story
    int msaaSamples = 4;                         // multisampling of the settled map
    std::vector<std::string> imports;            // merged at start, as dropped files are
    std::vector<std::string> boundaries;         // boundary layers drawn at start
    double autosaveSeconds = 5.0;                // unsaved story edits are written this often
    double settleSeconds = 0.15;                 // a view still this long is redrawn multisampled
    bool saveSettings = true;                    // false for benchmarks and reports
};

class Session {
public:
    static core::Expected<std::unique_ptr<Session>> create(Startup startup, const SessionOptions& options, ImGuiHost& host);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // One frame: `nowSeconds` on a monotonic clock of the caller's, `dtSeconds` of real time to
    // play the clock by, the window's size in pixels and the input since the last frame. The
    // platform's part of ImGui's new frame (display size, mouse, keys) must be done already.
    // Leaves ImGui's draw data for the caller to render.
    void frame(double nowSeconds, double dtSeconds, int widthPx, int heightPx, FrameInput input);

    bool quitRequested() const { return m_quit; }
    // True while something needs frames without input (playback, a story, a settling view, an export).
    bool animating() const;
    // True when the screen shows a finished picture: the map multisampled, no story transition or
    // export under way (the moment a screenshot waits for).
    bool settled() const;
    // The window's size when not presenting, for the settings.
    void setWindowedSize(int widthPx, int heightPx);
    // Saves the settings (when allowed) and ends what is running; call before destroying.
    void finish();

    ui::AppState& state() { return m_state; }
    const ui::AppState& state() const { return m_state; }
    ui::Gui& gui() { return m_gui; }
    const render::Compositor& compositor() const { return *m_compositor; }
    // The moment whose event layers the map last drew (none without events).
    std::optional<core::Instant> mapEventsTime() const { return m_composedTime; }
    // How many times unsaved work has been looked after (autosaved, or this window's empty
    // autosave removed); scripts wait on it to know that a period has passed.
    std::size_t autosaveRounds() const { return m_autosaveRounds; }
    // This window's own autosave file (empty when it has none).
    std::string autosavePath() const { return m_startup.autosave ? m_startup.autosave->path() : std::string(); }
    // The settings as they stand now.
    core::Settings currentSettings() const;

private:
    Session(Startup startup, const SessionOptions& options, ImGuiHost& host);
    void apply(const ui::Action& action);
    void openEvents(const ui::action::OpenEvents& a);
    void drawBoundaries(const ui::action::DrawBoundaries& a);
    void startExport(const ui::action::StartExport& a);
    void stepExport();
    void openStory(const std::string& path);
    void saveStory(const std::string& path);
    void addSceneFromView();
    void setWorld(std::unique_ptr<core::EventWorld> world, std::string path);
    void refreshDerived();
    void composeMap(double now);
    void keepWork(double now);
    void writeAutosave();

    SessionOptions m_options;
    ImGuiHost& m_host;
    std::string m_lastDataset;  // reopened at the next start (only files in qantar's own format)
    Startup m_startup;
    std::unique_ptr<core::EventWorld> m_world;
    std::unique_ptr<render::MapRenderer> m_renderer;
    std::unique_ptr<render::EventOverlay> m_overlay;
    std::unique_ptr<render::Compositor> m_compositor;
    render::CompositeRequest m_request;  // the map's, reused frame to frame
    std::unique_ptr<render::ExportRenderer> m_exportRenderer;
    std::unique_ptr<render::ExportRun> m_export;
    ui::AppState m_state;
    ui::Gui m_gui;
    bool m_quit = false;
    bool m_firstFrame = true;
    std::vector<std::string> m_pendingBoundaries;
    // What the derived state was computed for.
    std::optional<core::EventFilter> m_maskFilter;
    std::uint64_t m_maskGeneration = 0;
    struct LayersKey {
        std::uint64_t generation = 0, shownSerial = 0;
        std::int64_t time = 0;
        core::EventLayerSettings layers;
        bool operator==(const LayersKey& o) const {
            return generation == o.generation && shownSerial == o.shownSerial && time == o.time &&
                   layers.on == o.layers.on && layers.trail.seconds == o.layers.trail.seconds &&
                   layers.cumulative == o.layers.cumulative;
        }
    };
    std::optional<LayersKey> m_layersKey;
    std::uint64_t m_layersSerial = 0;
    std::optional<core::Instant> m_composedTime;
    // The view as last drawn, and when it last changed (a moving view is drawn quickly).
    core::MapXY m_lastCenter;
    double m_lastMpp = 0.0;
    double m_viewChangedAt = -1e9;
    double m_now = 0.0;
    // Keeping the user's work: autosave and settings.
    double m_lastAutosave = 0.0;
    std::size_t m_autosaveRounds = 0;
    core::Settings m_savedSettings;
    double m_settingsChangedAt = -1.0;
    int m_windowedW = 0, m_windowedH = 0;
};

}  // namespace qantar::app
