#include "app/gui_app.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <future>
#include <memory>

#include "app/diagnostics.hpp"
#include "core/io/atomic_file.hpp"
#include "app/imgui_host.hpp"
#include "app/session.hpp"
#include "app/startup.hpp"
#include "app/window.hpp"
#include "render/screen.hpp"
#include "ui/item_probe.hpp"
#include "ui/style.hpp"

namespace qantar::app {

namespace {

// SIGTERM or SIGINT ends the loop like Ctrl+Q, so the settings are saved.
std::atomic<bool> g_stopRequested{false};
void onStopSignal(int) { g_stopRequested = true; }

// The layout report is written once the layout has settled (the first frames size the windows).
constexpr int kLayoutReportFrames = 3;
constexpr int kBenchmarkWarmupFrames = 5;

int fail(const std::string& message) {
    std::fprintf(stderr, "qantar: %s\n", message.c_str());
    return 1;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int runGui(const GuiOptions& o, std::chrono::steady_clock::time_point processStart) {
    SessionOptions so;
    so.present = o.present;
    so.msaaSamples = o.msaaSamples;
    so.imports = o.imports;
    so.boundaries = o.boundaries;
    if (!o.theme.empty()) {
        auto theme = core::parseThemeName(o.theme);
        if (!theme) return fail("--" + theme.error().message);
        so.theme = *theme;
    }
    if (!o.time.empty()) {
        auto t = core::parseIsoTime(o.time, core::kAlmatyTime);
        if (!t) return fail("--time: " + t.error().message);
        so.startTime = *t;
    }
    if (const char* env = std::getenv("QANTAR_AUTOSAVE_SECONDS"); env && std::atof(env) > 0.0) {
        so.autosaveSeconds = std::atof(env);
    }
    const bool benchmark = o.benchmarkFrames > 0;
    const bool report = !o.layoutReport.empty();
    const bool screenshot = !o.screenshot.empty();
    so.saveSettings = !benchmark && !o.firstFrameBenchmark && !report && !screenshot;

    StartupOptions start;
    start.assets = o.assets;
    start.data = o.data;
    start.story = o.story;
    start.syntheticEvents = o.syntheticEvents;
    start.configDir = core::configDir();
    start.firstStart = report;
    auto [settings, settingsProblem] = loadUserSettings(start);
    const int width = o.widthPx > 0 ? o.widthPx : settings.windowWidth;
    const int height = o.heightPx > 0 ? o.heightPx : settings.windowHeight;
    // The map and the events load on the second core while the window, OpenGL and the interface
    // start on this one.
    auto loading = std::async(std::launch::async, [start, settings = settings, problem = settingsProblem] {
        return loadStartup(start, settings, problem);
    });
    auto window = Window::create(width, height, benchmark);
    if (!window) {
        loading.wait();
        return fail(window.error().message);
    }
    const float uiScale = o.uiScale > 0.0f ? o.uiScale : ui::uiScaleFor((*window)->monitorHeight(), (*window)->contentScale());
    // Presentation type follows the screen's height (1 at 1080 lines), never below what a 720p
    // projector still reads from the back of a room.
    const float presenterScale = std::max(0.85f, static_cast<float>((*window)->monitorHeight()) / 1080.0f);
    auto host = ImGuiHost::create(uiScale, presenterScale);
    if (!host) return fail(host.error().message);
    (*window)->initImGui();
    auto startup = loading.get();
    if (!startup) return fail(startup.error().message);
    auto session = Session::create(std::move(*startup), so, **host);
    if (!session) return fail(session.error().message);
    Session& s = **session;
    Window& win = **window;

    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    if (report || !o.stateFile.empty()) ui::ItemProbe::enable();
    std::string lastState;
    if (o.benchmarkPlay) {
        s.state().clock.playing = true;
        s.state().clock.loop = true;
        s.state().clock.simSecondsPerSecond = 4 * 3600.0;
    }
    FrameStats stats;
    std::unique_ptr<render::GpuTimer> gpu;
    if (benchmark) gpu = std::make_unique<render::GpuTimer>();
    const auto appStart = std::chrono::steady_clock::now();
    double last = 0.0;
    int frame = 0;
    int exitCode = 0;
    while (!win.shouldClose() && !s.quitRequested() && !g_stopRequested) {
        const auto t0 = std::chrono::steady_clock::now();
        if (gpu) gpu->begin();
        // Block while nothing happens: an idle, paused map costs no CPU.
        const bool wait = !benchmark && !report && !screenshot && !o.firstFrameBenchmark && !s.animating();
        win.pollEvents(wait, 0.25);
        const double now = secondsSince(appStart);
        // The benchmark advances the clock by a fixed step, so runs are comparable.
        const double dt = benchmark ? 1.0 / 60.0 : now - last;
        last = now;
        win.setFullscreen(s.state().presenting);
        int fbw = 0, fbh = 0;
        win.framebufferSize(fbw, fbh);
        win.newImGuiFrame();
        if (benchmark && !o.benchmarkPlay) {
            // A steady pan keeps the map changing, so every frame redraws it.
            s.state().camera.panByPixels((frame / 60) % 2 == 0 ? 3.0 : -3.0, 0.0);
        }
        s.frame(now, dt, fbw, fbh, win.takeInput());
        win.updateCursor(s.state().presenting, now);
        if (!o.stateFile.empty()) {
            std::string state = stateJson(s, fbw, fbh);
            if (state != lastState) {
                if (auto err = core::writeFileAtomically(o.stateFile, state + "\n")) std::fprintf(stderr, "qantar: %s\n", err->message.c_str());
                lastState = std::move(state);
            }
        }
        int ww = 0, wh = 0;
        win.windowSize(ww, wh);
        s.setWindowedSize(ww, wh);
        render::clearScreen(fbw, fbh, core::theme(s.state().theme).background);
        (*host)->renderDrawData();
        const auto tCpu = std::chrono::steady_clock::now();
        if (gpu) gpu->end();
        // A screenshot waits for the map to settle (its multisampled drawing) after the first frames.
        if (screenshot && ++frame >= kLayoutReportFrames && s.settled()) {
            if (auto err = render::writePng(render::readScreen(fbw, fbh), o.screenshot)) exitCode = fail(err->message);
            break;
        }
        win.swap();
        if (o.firstFrameBenchmark) {
            render::finishGl();
            std::printf("{\"first_frame_ms\": %.1f}\n", secondsSince(processStart) * 1000.0);
            break;
        }
        if (report && ++frame >= kLayoutReportFrames) {
            if (auto err = writeLayoutReport(o.layoutReport, fbw, fbh)) exitCode = fail(err->message);
            break;
        }
        if (benchmark) {
            render::finishGl();
            if (frame >= kBenchmarkWarmupFrames) {
                const double frameMs = secondsSince(t0) * 1000.0;
                const double cpuMs = std::chrono::duration<double, std::milli>(tCpu - t0).count();
                stats.add(frameMs, cpuMs, gpu->lastMs());
            }
            if (++frame >= o.benchmarkFrames + kBenchmarkWarmupFrames) break;
        }
    }
    if (benchmark) std::printf("%s\n", stats.json(render::glRendererName()).c_str());
    if (o.printView) std::printf("%s\n", viewJson(s).c_str());
    s.finish();
    gpu.reset();
    session->reset();
    win.shutdownImGui();
    host->reset();
    window->reset();
    return exitCode;
}

}  // namespace qantar::app
