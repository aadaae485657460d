#include "app/gui_app.hpp"

#include "core/map/polyline.hpp"
#include "core/io/text_file.hpp"
#include "core/events/event_format.hpp"

#include "render/gl.hpp"  // before GLFW, so GLFW does not pull in a system GL header

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "core/map/base_map.hpp"
#include "core/geo/geojson.hpp"
#include "core/events/event_world.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"
#include "core/map/mesh.hpp"
#include "core/geo/projection.hpp"
#include "core/events/synthetic.hpp"
#include "core/io/user_files.hpp"
#include "core/import/import.hpp"
#include "app/gui_exporter.hpp"
#include "render/embedded.hpp"
#include "render/base_cache.hpp"
#include "render/event_overlay.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"
#include "ui/app_state.hpp"
#include "ui/event_details_panel.hpp"
#include "ui/event_list_panel.hpp"
#include "ui/export_dialog.hpp"
#include "ui/help_windows.hpp"
#include "ui/layers_panel.hpp"
#include "ui/map_view.hpp"
#include "ui/menu_bar.hpp"
#include "ui/moment_panel.hpp"
#include "ui/open_dialog.hpp"
#include "ui/presenter_overlay.hpp"
#include "ui/story_driver.hpp"
#include "ui/story_panel.hpp"
#include "ui/status_bar.hpp"
#include "ui/timeline_panel.hpp"

namespace qantar::app {

namespace {

// After the view stops moving for this long, the base map is redrawn with multisampling.
constexpr double kSettleSeconds = 0.15;
constexpr float kTimelineHeightPx = 262.0f;

int fail(const std::string& message) {
    std::fprintf(stderr, "qantar: %s\n", message.c_str());
    return 1;
}

void glfwErrorCallback(int code, const char* description) {
    std::fprintf(stderr, "qantar: GLFW error %d: %s\n", code, description);
}

// What the finished frame (base + events + labels) depends on beyond the base.
struct OverlayKey {
    std::int64_t time;
    core::EventLayerSettings layers;
    bool operator==(const OverlayKey& o) const {
        return time == o.time && layers.on == o.layers.on && layers.trail.seconds == o.layers.trail.seconds &&
               layers.cumulative == o.layers.cumulative;
    }
};

struct Fonts {
    ImFont* large = nullptr;           // the current time in the timeline
    ui::PresenterFonts presenter;      // reading type for presentations, sized to the monitor
};

Fonts setupImGuiFonts(float presenterScale) {
    ImGuiIO& io = ImGui::GetIO();
    Fonts fonts;
    const std::string_view font = render::embeddedFile("NotoSans-Regular.ttf");
    const std::string_view bold = render::embeddedFile("NotoSans-Bold.ttf");
    if (font.empty() || bold.empty()) return fonts;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x052F, 0x2000, 0x206F, 0x2190, 0x21FF,
                                      0x2264, 0x2265, 0};
    auto add = [&](std::string_view bytes, float px) {
        return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(bytes.data()), static_cast<int>(bytes.size()), px, &cfg,
                                              kRanges);
    };
    add(font, 16.0f);
    fonts.large = add(bold, 26.0f);
    // Rasterised at their final size, so projected text is sharp rather than scaled up.
    fonts.presenter.body = add(font, std::round(26.0f * presenterScale));
    fonts.presenter.title = add(bold, std::round(38.0f * presenterScale));
    return fonts;
}

// ImGui's OpenGL backend uploads the font atlas as RGBA (8 MB for these four fonts) and keeps its
// CPU copies. The atlas is white with the coverage in alpha, so one channel holds all of it: this
// replaces the backend's texture with a single-channel one read as (1, 1, 1, coverage) and frees
// the CPU pixels (the glyph metrics stay). Call after ImGui_ImplOpenGL3_Init; the texture must be
// released before the context goes.
render::GlTexture uploadCompactFontAtlas() {
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    render::GlTexture texture = render::GlTexture::create();
    glBindTexture(GL_TEXTURE_2D, texture.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glBindTexture(GL_TEXTURE_2D, 0);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture.id())));
    io.Fonts->ClearTexData();
    return texture;
}

// Key presses since the last frame, translated for the UI (see ui/key_input.hpp).
ui::KeyQueue* g_keyQueue = nullptr;
// Files dropped on the window since the last frame.
std::vector<std::string>* g_drops = nullptr;

void dropCallback(GLFWwindow*, int count, const char** paths) {
    if (!g_drops) return;
    for (int i = 0; i < count; ++i) g_drops->emplace_back(paths[i]);
}

// Reads events from `source`: our own format when it is one, else through GDAL's importers.
core::Expected<std::pair<core::Dataset, std::string>> readEvents(const ui::ImportRequest& r) {
    auto text = core::readTextFile(r.source);
    if (text && text->find("\"qantar-events\"") != std::string::npos) {
        auto load = core::parseDataset(*text, r.source);
        if (!load.dataset) return load.problems.front();
        const std::size_t n = load.dataset->events.size();
        return std::make_pair(std::move(*load.dataset), "Opened " + r.source + ": " + std::to_string(n) + " events.");
    }
    core::ImportOptions options;
    options.layer = r.layer;
    options.timeField = r.timeField;
    options.endField = r.endField;
    auto imported = core::importEvents(r.source, options);
    if (!imported) return imported.error();
    const core::ImportReport& rep = imported->second;
    std::string msg = "Imported " + r.source + " (" + rep.detected + "): " + std::to_string(rep.rowsImported) + " of " +
                      std::to_string(rep.rowsRead) + " rows.";
    if (rep.rowsRejected > 0) {
        msg += " " + std::to_string(rep.rowsRejected) + " rows could not be used, e.g.:";
        for (const auto& p : rep.problems) msg += "\n  " + p;
    }
    for (const auto& a : rep.attribution) msg += "\n" + a;
    return std::make_pair(std::move(imported->first), msg);
}

// `add` merged into `base`: sources and events appended (ids made unique), coverage widened.
core::Dataset mergeDatasets(core::Dataset base, core::Dataset add) {
    std::set<std::string> ids;
    for (const auto& e : base.events) ids.insert(e.id);
    for (auto& s : add.sources) {
        if (!base.findSource(s.id)) base.sources.push_back(s);
    }
    for (auto& e : add.events) {
        std::string id = e.id;
        for (int k = 2; ids.count(id); ++k) id = e.id + "-" + std::to_string(k);
        e.id = id;
        ids.insert(id);
        base.events.push_back(std::move(e));
    }
    std::stable_sort(base.events.begin(), base.events.end(), [](const core::Event& a, const core::Event& b) {
        return a.start != b.start ? a.start < b.start : a.id < b.id;
    });
    if (add.coverageStart < base.coverageStart) base.coverageStart = add.coverageStart;
    if (base.coverageEnd < add.coverageEnd) base.coverageEnd = add.coverageEnd;
    if (!add.attribution.empty()) base.attribution += (base.attribution.empty() ? "" : " ") + add.attribution;
    return base;
}

void keyCallback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
    if (!g_keyQueue || (action != GLFW_PRESS && action != GLFW_REPEAT)) return;
    ui::Key k = ui::Key::Other;
    switch (key) {
        case GLFW_KEY_SPACE: k = ui::Key::Space; break;
        case GLFW_KEY_LEFT: k = ui::Key::Left; break;
        case GLFW_KEY_RIGHT: k = ui::Key::Right; break;
        case GLFW_KEY_HOME: k = ui::Key::Home; break;
        case GLFW_KEY_Q: k = ui::Key::Quit; break;
        case GLFW_KEY_PAGE_UP: k = ui::Key::PageUp; break;
        case GLFW_KEY_PAGE_DOWN: k = ui::Key::PageDown; break;
        case GLFW_KEY_B: k = ui::Key::Blank; break;
        case GLFW_KEY_R: k = ui::Key::Return; break;
        case GLFW_KEY_ESCAPE: k = ui::Key::Escape; break;
        case GLFW_KEY_F11: k = ui::Key::Present; break;
        case GLFW_KEY_E: k = ui::Key::Export; break;
        case GLFW_KEY_O: k = ui::Key::Open; break;
        case GLFW_KEY_N: k = ui::Key::NewScene; break;
        default: return;
    }
    if (action == GLFW_REPEAT && k != ui::Key::Left && k != ui::Key::Right) return;
    g_keyQueue->presses.push_back(ui::KeyPress{k, (mods & GLFW_MOD_CONTROL) != 0, (mods & GLFW_MOD_SHIFT) != 0});
}

// Median and 95th percentile of a list of per-frame times (not empty).
std::pair<double, double> medianP95(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

// The --benchmark-frames result, one JSON line. frame: the whole frame until the GL work has
// finished (glFinish); cpu: the frame's work until it is handed to the swap, which on a software
// renderer includes any waits for the rasterizer the GL calls make; gpu: GL_TIME_ELAPSED around
// the frame's GL work (null when there are no timer queries).
void printStats(const std::vector<double>& frameMs, const std::vector<double>& cpuMs, const std::vector<double>& gpuMs) {
    if (frameMs.empty()) return;
    const auto [median, p95] = medianP95(frameMs);
    const auto [cpuMedian, cpuP95] = medianP95(cpuMs.empty() ? frameMs : cpuMs);
    char gpu[96] = "\"gpu_median_ms\": null, \"gpu_p95_ms\": null";
    if (!gpuMs.empty()) {
        const auto [gpuMedian, gpuP95] = medianP95(gpuMs);
        std::snprintf(gpu, sizeof gpu, "\"gpu_median_ms\": %.3f, \"gpu_p95_ms\": %.3f", gpuMedian, gpuP95);
    }
    const char* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    std::string renderer = r ? r : "";
    std::replace_if(renderer.begin(), renderer.end(), [](char c) { return c == '"' || c == '\\' || c < ' '; }, ' ');
    std::printf("{\"frames\": %zu, \"median_ms\": %.3f, \"p95_ms\": %.3f, \"fps_median\": %.1f, \"cpu_median_ms\": %.3f, "
                "\"cpu_p95_ms\": %.3f, %s, \"gl_renderer\": \"%s\"}\n",
                frameMs.size(), median, p95, 1000.0 / median, cpuMedian, cpuP95, gpu, renderer.c_str());
}

// The map view's render targets: the base map and the finished frame that copies the base and
// adds events and labels on top, so a playing clock redraws only the overlay. While the view moves
// the base is drawn straight into its texture, single-sampled; once it settles it is drawn again
// multisampled and resolved into the same texture, so the two never need a target each.
struct MapTargets {
    std::optional<render::OffscreenTarget> base, frame;
    std::optional<render::BaseKey> baseKey;
    render::AreaLayer areas;  // the base with the shaded areas over it
    std::optional<OverlayKey> overlayKey;
    std::optional<std::int64_t> eventsTime;  // the moment of the event layers the frame shows
    bool fineDue = false;
    std::chrono::steady_clock::time_point lastChange;

    core::Status ensure(int w, int h, int samples) {
        if (frame && frame->width() == w && frame->height() == h) return std::nullopt;
        frame.reset();  // the old targets go before the new ones are made
        base.reset();
        auto b = render::OffscreenTarget::create(w, h, samples, render::MsaaStorage::Bands);
        if (!b) return b.error();
        base = std::move(*b);
        auto fr = render::OffscreenTarget::create(w, h, 1);
        if (!fr) return fr.error();
        frame = std::move(*fr);
        baseKey.reset();
        overlayKey.reset();
        return std::nullopt;
    }
};

}  // namespace

int runGui(const GuiOptions& options, std::chrono::steady_clock::time_point processStart) {
    // Settings from the last run: window size, theme, zone, panels, the dataset opened last.
    const std::string settingsPath = core::configDir() + "/settings.json";
    const std::string autosavePath = core::configDir() + "/autosave-story.json";
    auto [settings, settingsProblem] = core::loadSettings(settingsPath);
    if (settingsProblem) std::fprintf(stderr, "qantar: %s\n", settingsProblem->c_str());
    auto theme = options.theme.empty() ? core::Expected<core::ThemeId>(settings.theme) : core::parseThemeName(options.theme);
    if (!theme) return fail("--" + theme.error().message);
    std::optional<core::ParsedTime> startTime;
    if (!options.time.empty()) {
        auto t = core::parseIsoTime(options.time, core::kAlmatyTime);
        if (!t) return fail("--time: " + t.error().message);
        startTime = *t;
    }
    // The map and the events load on the second core while the window, OpenGL and the interface
    // start on this one.
    struct Loaded {
        core::Expected<std::unique_ptr<core::BaseMap>> base = core::Error{core::ErrorKind::BadArgument, "not loaded"};
        std::string eventsPath;
        std::unique_ptr<core::EventWorld> world;
        std::string loadProblem;
    };
    auto loading = std::async(std::launch::async, [&options, &settings]() {
        Loaded l;
        l.base = core::loadBaseMap(options.assets);
        if (!l.base) return l;
        const core::BaseMap& b = **l.base;
        // A broken event file does not stop the map: it opens without events and says why.
        l.eventsPath = options.data.empty() ? b.bundledEvents() : options.data;
        if (options.data.empty() && !settings.lastDataset.empty() && core::readTextFile(settings.lastDataset)) {
            l.eventsPath = settings.lastDataset;
        }
        if (options.syntheticEvents > 0) {
            l.world = std::make_unique<core::EventWorld>(core::makeSyntheticDataset(options.syntheticEvents), b.data,
                                                         b.projection);
        } else if (auto w = core::loadEventWorld(l.eventsPath, b.data, b.projection)) {
            l.world = std::move(*w);
        } else {
            l.loadProblem = w.error().message;
        }
        return l;
    });

    glfwSetErrorCallback(glfwErrorCallback);
    if (!glfwInit()) return fail("cannot open a window: no display (set DISPLAY, or use 'qantar export' headless)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    const int windowW = options.widthPx > 0 ? options.widthPx : settings.windowWidth;
    const int windowH = options.heightPx > 0 ? options.heightPx : settings.windowHeight;
    GLFWwindow* window = glfwCreateWindow(windowW, windowH, "qantar \xE2\x80\x94 Kazakhstan, January 2022",
                                          nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        return fail("cannot create an OpenGL 3.3 core window");
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.benchmarkFrames > 0 ? 0 : 1);
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
        glfwDestroyWindow(window);
        glfwTerminate();
        return fail("cannot load OpenGL functions");
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout persistence comes with the settings work
    ImGui::StyleColorsDark();
    float presenterScale = 1.0f;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        if (const GLFWvidmode* mode = glfwGetVideoMode(monitor)) presenterScale = std::max(1.0f, static_cast<float>(mode->height) / 1080.0f);
    }
    const Fonts fonts = setupImGuiFonts(presenterScale);
    ImFont* largeFont = fonts.large;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    render::GlTexture fontTexture = uploadCompactFontAtlas();

    int exitCode = 0;
    Loaded loaded = loading.get();
    if (!loaded.base) {
        exitCode = fail(loaded.base.error().message);
    } else {
        auto& base = loaded.base;
        const std::string assetDir = (*base)->assetDir;
        core::Projection* projection = &(*base)->projection;
        core::MapData* data = &(*base)->data;
        core::MapScene* scene = &(*base)->scene;
        const std::string& eventsPath = loaded.eventsPath;
        std::unique_ptr<core::EventWorld>& world = loaded.world;
        const std::string& loadProblem = loaded.loadProblem;
        if (!loadProblem.empty()) std::fprintf(stderr, "qantar: %s\n", loadProblem.c_str());
        auto renderer = render::MapRenderer::create(*scene);
        auto overlay = render::EventOverlay::create(*scene);
        if (!renderer || !overlay) {
            exitCode = fail(renderer ? overlay.error().message : renderer.error().message);
        } else {
            // Everything draws from the uploaded copy from now on, exports included.
            core::releaseMeshes(*scene);
            ui::AppState state;
            state.scene = &*scene;
            state.projection = &*projection;
            state.world = world.get();
            state.theme = *theme;
            if (world) {
                state.clock.rangeStart = world->data().coverageStart;
                state.clock.rangeEnd = world->data().coverageEnd;
                state.clock.now = state.clock.rangeStart;
                if (startTime) state.clock.seek(startTime->instant);
                if (startTime && startTime->offset) state.displayZone = *startTime->offset;
            }
            ui::MenuBar menu;
            ui::LayersPanel layersPanel;
            ui::StatusBar statusBar;
            ui::MapView mapView;
            ui::HelpWindows help;
            ui::TimelinePanel timeline;
            ui::EventListPanel eventList;
            ui::EventDetailsPanel details;
            ui::MomentPanel moment;
            ui::StoryPanel storyPanel;
            ui::PresenterOverlay presenter;
            ui::ExportDialog exportDialog;
            GuiExporter exporter(*scene, *projection, world.get(), SharedRenderers{renderer->get(), overlay->get()});
            MapTargets targets;
            const core::EventWorld* layersWorld = nullptr;  // what state.frame was computed from
            std::optional<OverlayKey> layersKeyOf;
            // The layers are a pure function of (dataset, time, settings): recomputed only when
            // one of them changed, not on every frame of an idle or panning window.
            auto refreshLayers = [&] {
                if (!world) return;
                const OverlayKey key{state.clock.now.unixSeconds, state.eventLayers};
                if (world.get() != layersWorld || !layersKeyOf || !(*layersKeyOf == key)) {
                    state.frame = world->layersAt(state.clock.now, state.eventLayers);
                    layersWorld = world.get();
                    layersKeyOf = key;
                }
            };
            // Presentation mode: the window goes full screen and comes back where it was.
            bool wasPresenting = false;
            int windowedX = 0, windowedY = 0, windowedW = windowW, windowedH = windowH;
            const auto appStart = std::chrono::steady_clock::now();
            auto lastMouseMove = appStart;
            double lastMouseX = -1, lastMouseY = -1;
            {
                // The bundled story is opened by default, ready to present.
                std::string storyPath = options.story.empty() ? assetDir + "/stories/week.json" : options.story;
                if (auto err = ui::loadStoryInto(state, storyPath); err && !options.story.empty()) {
                    std::fprintf(stderr, "qantar: %s\n", err->c_str());
                }
            }
            state.presenting = options.present;
            state.displayZone = settings.displayZone;
            if (startTime && startTime->offset) state.displayZone = *startTime->offset;
            state.showLayers = settings.showLayers;
            state.showEvents = settings.showEvents;
            state.eventLayers.trail = core::Duration::hours(settings.trailHours);
            state.eventLayers.cumulative = settings.cumulative;
            std::string lastDataset = eventsPath == (*base)->bundledEvents() ? std::string() : eventsPath;
            // Work left unsaved by a run that ended abruptly is offered back.
            {
                std::string problem;
                state.recovery = core::readStoryAutosave(autosavePath, &problem);
                state.recoveryOffered = state.recovery.has_value();
                if (!problem.empty()) std::fprintf(stderr, "qantar: %s\n", problem.c_str());
            }
            auto lastAutosave = appStart;
            const double autosaveSeconds = [] {
                const char* env = std::getenv("QANTAR_AUTOSAVE_SECONDS");
                const double v = env ? std::atof(env) : 0.0;
                return v > 0.0 ? v : 5.0;
            }();
            g_keyQueue = &state.keys;
            glfwSetKeyCallback(window, keyCallback);
            // Sources given on the command line go the same way as dropped files.
            std::vector<std::string> drops = options.imports;
            std::vector<std::string> boundaryQueue = options.boundaries;
            g_drops = &drops;
            glfwSetDropCallback(window, dropCallback);
            ui::OpenDialog openDialog;
            bool fitted = false;
            bool showLoadProblem = !loadProblem.empty();
            std::vector<double> frameMs, cpuMs, gpuMs;
            int frame = 0;
            // GPU time per benchmark frame: a GL_TIME_ELAPSED query (core in OpenGL 3.3).
            GLuint gpuQuery = 0;
            if (options.benchmarkFrames > 0 && GLAD_GL_VERSION_3_3) glGenQueries(1, &gpuQuery);
            auto last = std::chrono::steady_clock::now();
            if (options.benchmarkPlay) {
                state.clock.playing = true;
                state.clock.loop = true;
                state.clock.simSecondsPerSecond = 4 * 3600.0;
            }

            while (!glfwWindowShouldClose(window) && !state.quitRequested) {
                const auto t0 = std::chrono::steady_clock::now();
                if (gpuQuery) glBeginQuery(GL_TIME_ELAPSED, gpuQuery);
                // Block while nothing happens: an idle, paused map costs no CPU.
                const bool animating = state.clock.playing || (state.storyState.scene >= 0 && state.storyState.follow &&
                                                               !state.storyState.paused);
                if (options.benchmarkFrames > 0 || animating) glfwPollEvents();
                else glfwWaitEventsTimeout(targets.fineDue ? kSettleSeconds / 2 : 0.25);
                const auto now = std::chrono::steady_clock::now();
                // The benchmark advances the clock by a fixed step, so runs are comparable.
                const double dt = options.benchmarkFrames > 0 ? 1.0 / 60.0 : std::chrono::duration<double>(now - last).count();
                last = now;
                state.appSeconds = std::chrono::duration<double>(now - appStart).count();
                state.clock.advance(std::min(dt, 0.25));

                ImGui_ImplOpenGL3_NewFrame();
                ImGui_ImplGlfw_NewFrame();
                ImGui::NewFrame();
                ui::handleStoryKeys(state);
                const ImTextureID mapTexture =
                    targets.frame ? reinterpret_cast<ImTextureID>(static_cast<intptr_t>(targets.frame->texture())) : nullptr;
                if (state.presenting) {
                    mapView.draw(state, mapTexture, 0.0f, 0.0f);
                } else {
                    const float menuH = menu.draw(state);
                    const float statusH = statusBar.draw(state);
                    const float bottom = ImGui::GetMainViewport()->Pos.y + ImGui::GetMainViewport()->Size.y - statusH;
                    const float timelineH = world ? kTimelineHeightPx : 0.0f;
                    if (world) timeline.draw(state, bottom, timelineH, largeFont);
                    mapView.draw(state, mapTexture, menuH, statusH + timelineH);
                }
                if (!fitted) {
                    state.fitKazakhstan();
                    fitted = true;
                    if (state.presenting && state.storyState.plan) ui::goToScene(state, 0, state.appSeconds);
                }
                ui::updateStory(state, state.appSeconds);
                refreshLayers();  // for the panels (the moment's counters, the legend)
                if (state.presenting) {
                    presenter.draw(state, fonts.presenter);
                } else {
                    layersPanel.draw(state);
                    moment.draw(state, largeFont);
                    eventList.draw(state, state.mapY, state.mapY + state.mapH);
                    details.draw(state, state.mapY, state.mapY + state.mapH);
                    storyPanel.draw(state);
                    help.draw(state);
                    if (state.exportDialogRequested) {
                        exportDialog.open(state);
                        state.exportDialogRequested = false;
                    }
                    exportDialog.draw(state);
                    if (state.openDialogRequested) {
                        openDialog.open();
                        state.openDialogRequested = false;
                    }
                    openDialog.draw(state);
                }
                timeline.handleKeys(state);
                if (state.recovery) {
                    ImGui::OpenPopup("Recover unsaved work?");
                }
                if (ImGui::BeginPopupModal("Recover unsaved work?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
                    ImGui::Text("A story with %zu scenes was being edited when qantar last stopped without saving.",
                                state.recovery ? state.recovery->story.scenes.size() : std::size_t{0});
                    if (state.recovery && !state.recovery->originalPath.empty()) {
                        ImGui::Text("It belongs to %s.", state.recovery->originalPath.c_str());
                    }
                    if (ImGui::Button("Restore", ImVec2(120, 0)) && state.recovery) {
                        state.storyState.story = std::move(state.recovery->story);
                        state.storyState.path = state.recovery->originalPath;
                        state.storyState.edited = true;
                        state.storyState.scene = -1;
                        ui::replanStory(state);
                        state.showStory = true;
                        state.recovery.reset();
                        ImGui::CloseCurrentPopup();
                    }
                    ImGui::SameLine();
                    if (ImGui::Button("Discard", ImVec2(120, 0))) {
                        core::discardAutosave(autosavePath);
                        state.recovery.reset();
                        ImGui::CloseCurrentPopup();
                    }
                    ImGui::EndPopup();
                }
                if (showLoadProblem) {
                    ImGui::OpenPopup("Event data not loaded");
                    showLoadProblem = false;
                }
                if (ImGui::BeginPopupModal("Event data not loaded", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
                    ImGui::TextUnformatted(loadProblem.c_str());
                    ImGui::TextUnformatted("The map works; fix the file and open it again.");
                    if (ImGui::Button("OK")) ImGui::CloseCurrentPopup();
                    ImGui::EndPopup();
                }
                if (options.benchmarkFrames > 0 && !options.benchmarkPlay) {
                    // A steady pan keeps the map changing, so every frame redraws it.
                    state.camera.panByPixels((frame / 60) % 2 == 0 ? 3.0 : -3.0, 0.0);
                }
                ImGui::Render();
                state.keys.presses.clear();
                exporter.step(state);

                // Unsaved story edits are autosaved (atomically) every few seconds; saving them
                // for real removes the autosave.
                if (state.storyState.edited && state.storyState.story &&
                    std::chrono::duration<double>(now - lastAutosave).count() >= autosaveSeconds) {
                    if (auto err = core::writeStoryAutosave({*state.storyState.story, state.storyState.path}, autosavePath)) {
                        std::fprintf(stderr, "qantar: autosave failed: %s\n", err->message.c_str());
                    }
                    lastAutosave = now;
                } else if (!state.storyState.edited && !state.recovery && state.storyState.story &&
                           std::chrono::duration<double>(now - lastAutosave).count() >= autosaveSeconds) {
                    core::discardAutosave(autosavePath);
                    lastAutosave = now;
                }

                // A dropped file merges into the events, as File > Open does with "merge".
                if (!boundaryQueue.empty() && !state.importRequest.requested) {
                    state.importRequest = ui::ImportRequest{};
                    state.importRequest.requested = true;
                    state.importRequest.boundaries = true;
                    state.importRequest.source = boundaryQueue.front();
                    boundaryQueue.erase(boundaryQueue.begin());
                } else if (!drops.empty()) {
                    state.importRequest = ui::ImportRequest{};
                    state.importRequest.requested = true;
                    state.importRequest.source = drops.front();
                    state.importRequest.merge = true;
                    drops.erase(drops.begin());
                }
                if (state.importRequest.requested && state.importRequest.boundaries) {
                    state.importRequest.requested = false;
                    core::ImportOptions bo;
                    bo.layer = state.importRequest.layer;
                    auto layers = core::importBoundaries(state.importRequest.source, bo);
                    if (!layers) {
                        state.importStatus.message = layers.error().message;
                        state.openDialogRequested = true;
                    } else {
                        // Outlines in the map's projection, drawn with the base map.
                        core::LineMesh outlines;
                        std::size_t rings = 0;
                        for (const auto& b : *layers) {
                            for (const auto& poly : b.polygons) {
                                for (const auto& ring : poly.rings) {
                                    core::extrudePolyline(projection->projectMany(ring), true,
                                                          static_cast<float>(core::LineStyle::Custom), outlines);
                                    ++rings;
                                }
                            }
                        }
                        (*renderer)->setBoundaries(outlines);
                        targets.baseKey.reset();
                        state.importStatus.message = "Drew " + std::to_string(layers->size()) + " boundaries (" +
                                                     std::to_string(rings) + " rings) from " + state.importRequest.source + ".";
                        std::fprintf(stderr, "qantar: %s\n", state.importStatus.message.c_str());
                    }
                }
                if (state.importRequest.requested) {
                    state.importRequest.requested = false;
                    auto read = readEvents(state.importRequest);
                    ui::ImportStatus& status = state.importStatus;
                    if (!read) {
                        // The current dataset stays as it was; the dialog says what went wrong.
                        status.message = read.error().message;
                        status.needsFields = false;
                        status.fields.clear();
                        core::ImportOptions fo;
                        fo.layer = state.importRequest.layer;
                        if (auto fields = core::listImportFields(state.importRequest.source, fo);
                            fields && read.error().message.find("time") != std::string::npos) {
                            for (const auto& f : *fields) status.fields.push_back(f.name);
                            status.needsFields = !status.fields.empty();
                        }
                        state.openDialogRequested = true;
                    } else {
                        core::Dataset next = state.importRequest.merge && world
                                                 ? mergeDatasets(world->data(), std::move(read->first))
                                                 : std::move(read->first);
                        world = std::make_unique<core::EventWorld>(std::move(next), *data, *projection);
                        state.world = world.get();
                        state.selectedEvent.reset();
                        state.clock.rangeStart = world->data().coverageStart;
                        state.clock.rangeEnd = world->data().coverageEnd;
                        state.clock.seek(state.clock.now);
                        timeline.reset();
                        exporter.setWorld(world.get());
                        if (!state.importRequest.merge && core::readTextFile(state.importRequest.source)) {
                            lastDataset = state.importRequest.source;
                        }
                        status.message = read->second + " Now " + std::to_string(world->data().events.size()) + " events.";
                        status.needsFields = false;
                        std::fprintf(stderr, "qantar: %s\n", status.message.c_str());
                    }
                }

                if (state.presenting != wasPresenting) {
                    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
                    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
                    if (state.presenting && mode) {
                        glfwGetWindowPos(window, &windowedX, &windowedY);
                        glfwGetWindowSize(window, &windowedW, &windowedH);
                        glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
                    } else if (!state.presenting) {
                        glfwSetWindowMonitor(window, nullptr, windowedX, windowedY, windowedW, windowedH, 0);
                        glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_NORMAL);
                    }
                    wasPresenting = state.presenting;
                }
                {
                    // In presentation mode the cursor hides after two seconds without moving.
                    double mx = 0, my = 0;
                    glfwGetCursorPos(window, &mx, &my);
                    if (mx != lastMouseX || my != lastMouseY) {
                        lastMouseX = mx;
                        lastMouseY = my;
                        lastMouseMove = now;
                        glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_NORMAL);
                    } else if (state.presenting && std::chrono::duration<double>(now - lastMouseMove).count() > 2.0) {
                        glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
                    }
                }

                const int w = static_cast<int>(state.mapW), h = static_cast<int>(state.mapH);
                if (auto err = targets.ensure(w, h, options.msaaSamples)) {
                    exitCode = fail(err->message);
                    break;
                }
                render::FrameOptions fo;
                fo.theme = state.theme;
                fo.layers = state.layers;
                const render::BaseKey baseKey = render::BaseKey::of(state.camera, fo);
                bool baseChanged = false;
                if (!targets.baseKey || !(*targets.baseKey == baseKey)) {
                    // The first view is drawn fine at once; a moving one quickly, until it settles.
                    const bool first = !targets.baseKey.has_value();
                    if (first) {
                        render::drawFineBase(**renderer, *targets.base, state.camera, fo);
                    } else {
                        targets.base->bindSingleSampled();
                        (*renderer)->drawBase(state.camera, fo);
                        glBindFramebuffer(GL_FRAMEBUFFER, 0);
                    }
                    targets.baseKey = baseKey;
                    targets.fineDue = !first;
                    targets.lastChange = now;
                    baseChanged = true;
                } else if (targets.fineDue &&
                           std::chrono::duration<double>(now - targets.lastChange).count() >= kSettleSeconds) {
                    render::drawFineBase(**renderer, *targets.base, state.camera, fo);
                    targets.fineDue = false;
                    baseChanged = true;
                }
                // The panels may have moved the clock (a click or drag on the timeline): the map
                // shows the layers of the moment it is drawn at, and is keyed by that moment.
                refreshLayers();
                const OverlayKey overlayKey{state.clock.now.unixSeconds, state.eventLayers};
                if (baseChanged || !targets.overlayKey || !(*targets.overlayKey == overlayKey)) {
                    // The shaded areas stay with the base until they change (a fade, a new
                    // blackout): drawing them costs a software renderer more than all the symbols.
                    if (auto err = targets.areas.update(*targets.base, baseChanged, overlay->get(), state.camera,
                                                        world ? &state.frame : nullptr, fo)) {
                        exitCode = fail(err->message);
                        break;
                    }
                    targets.frame->copyFrom(*targets.areas.target);
                    if (world) (*overlay)->drawSymbols(state.camera, state.frame, fo);
                    targets.eventsTime.reset();
                    if (world && layersKeyOf) targets.eventsTime = layersKeyOf->time;
                    (*renderer)->drawLabels(state.camera, fo);
                    targets.frame->resolve();
                    targets.overlayKey = overlayKey;
                }

                int fbw = 0, fbh = 0;
                glfwGetFramebufferSize(window, &fbw, &fbh);
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
                glViewport(0, 0, fbw, fbh);
                const core::Rgba bg = core::theme(state.theme).background;
                glClearColor(bg.r, bg.g, bg.b, 1.0f);
                glClear(GL_COLOR_BUFFER_BIT);
                ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
                const auto tCpu = std::chrono::steady_clock::now();
                if (gpuQuery) glEndQuery(GL_TIME_ELAPSED);
                glfwSwapBuffers(window);
                if (options.firstFrameBenchmark) {
                    glFinish();
                    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                                processStart).count();
                    std::printf("{\"first_frame_ms\": %.1f}\n", ms);
                    break;
                }

                if (options.benchmarkFrames > 0) {
                    glFinish();
                    const auto t1 = std::chrono::steady_clock::now();
                    if (frame >= 5) {
                        frameMs.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                        cpuMs.push_back(std::chrono::duration<double, std::milli>(tCpu - t0).count());
                        if (gpuQuery) {
                            GLuint64 ns = 0;  // available: glFinish has run
                            glGetQueryObjectui64v(gpuQuery, GL_QUERY_RESULT, &ns);
                            gpuMs.push_back(static_cast<double>(ns) / 1e6);
                        }
                    }
                    if (++frame >= options.benchmarkFrames + 5) break;
                }
            }
            if (options.benchmarkFrames > 0) printStats(frameMs, cpuMs, gpuMs);
            if (gpuQuery) glDeleteQueries(1, &gpuQuery);
            if (options.printView) {
                // The moment whose event layers the map last drew (empty without events).
                std::string mapEventsTime;
                if (targets.eventsTime) mapEventsTime = core::formatIso(core::Instant{*targets.eventsTime}, core::kUtc);
                const core::MapXY c = state.camera.center();
                const auto ll = projection->unproject(c);
                std::printf("{\"center_x\": %.3f, \"center_y\": %.3f, \"meters_per_pixel\": %.6f, \"center_lon\": %.6f, "
                            "\"center_lat\": %.6f, \"theme\": \"%s\", \"time\": \"%s\", \"playing\": %s, \"selected\": \"%s\", \"presenting\": %s, \"scene\": %d, \"blank\": %s, \"recovery_offered\": %s, \"story_scenes\": %zu, \"story_edited\": %s, \"events\": %zu, \"map_events_time\": \"%s\"}\n",
                            c.x, c.y, state.camera.metersPerPixel(), ll ? ll->lon : 0.0, ll ? ll->lat : 0.0,
                            core::theme(state.theme).name, core::formatIso(state.clock.now, core::kUtc).c_str(),
                            state.clock.playing ? "true" : "false",
                            state.selectedEvent && world ? world->data().events[*state.selectedEvent].id.c_str() : "",
                            state.presenting ? "true" : "false", state.storyState.scene + 1,
                            state.storyState.blank ? "true" : "false", state.recoveryOffered ? "true" : "false",
                            state.storyState.story ? state.storyState.story->scenes.size() : std::size_t{0},
                            state.storyState.edited ? "true" : "false", world ? world->data().events.size() : std::size_t{0},
                            mapEventsTime.c_str());
            }
            // Settings for next time (atomically).
            if (!state.presenting) glfwGetWindowSize(window, &windowedW, &windowedH);
            settings.windowWidth = windowedW;
            settings.windowHeight = windowedH;
            settings.theme = state.theme;
            settings.displayZone = state.displayZone;
            settings.showLayers = state.showLayers;
            settings.showEvents = state.showEvents;
            settings.trailHours = static_cast<int>(state.eventLayers.trail.seconds / 3600);
            settings.cumulative = state.eventLayers.cumulative;
            settings.lastDataset = lastDataset;
            if (options.benchmarkFrames == 0 && !options.firstFrameBenchmark) {
                if (auto err = core::saveSettings(settings, settingsPath)) {
                    std::fprintf(stderr, "qantar: settings not saved: %s\n", err->message.c_str());
                }
            }
            targets = MapTargets{};
            glfwSetKeyCallback(window, ImGui_ImplGlfw_KeyCallback);
            glfwSetDropCallback(window, nullptr);
            g_keyQueue = nullptr;
            g_drops = nullptr;
        }
    }

    fontTexture.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exitCode;
}

}  // namespace qantar::app
