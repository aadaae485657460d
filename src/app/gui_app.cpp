#include "app/gui_app.hpp"

#include "render/gl.hpp"  // before GLFW, so GLFW does not pull in a system GL header

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "core/assets.hpp"
#include "core/map_data.hpp"
#include "core/map_scene.hpp"
#include "core/projection.hpp"
#include "render/embedded.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"
#include "ui/app_state.hpp"
#include "ui/help_windows.hpp"
#include "ui/layers_panel.hpp"
#include "ui/map_view.hpp"
#include "ui/menu_bar.hpp"
#include "ui/status_bar.hpp"

namespace qantar::app {

namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "qantar: %s\n", message.c_str());
    return 1;
}

// After the view stops changing for this long, the map is redrawn with multisampling.
constexpr double kSettleSeconds = 0.15;

void glfwErrorCallback(int code, const char* description) {
    std::fprintf(stderr, "qantar: GLFW error %d: %s\n", code, description);
}

// Everything the map view needs to decide whether the texture must be redrawn.
struct ViewKey {
    double cx, cy, mpp;
    int w, h;
    core::ThemeId theme;
    core::LayerVisibility layers;
    bool operator==(const ViewKey& o) const {
        return cx == o.cx && cy == o.cy && mpp == o.mpp && w == o.w && h == o.h && theme == o.theme &&
               layers.on == o.layers.on;
    }
};

ViewKey keyOf(const ui::AppState& s) {
    return ViewKey{s.camera.center().x, s.camera.center().y, s.camera.metersPerPixel(), s.camera.widthPx(),
                   s.camera.heightPx(), s.theme, s.layers};
}

void setupImGuiFonts() {
    ImGuiIO& io = ImGui::GetIO();
    const std::string_view font = render::embeddedFile("NotoSans-Regular.ttf");
    if (font.empty()) return;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x052F, 0x2000, 0x206F,
                                      0x2190, 0x21FF, 0x2248, 0x2248, 0};
    io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font.data()), static_cast<int>(font.size()), 16.0f, &cfg, kRanges);
}

void printStats(std::vector<double> ms) {
    if (ms.empty()) return;
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    const double p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    std::printf("{\"frames\": %zu, \"median_ms\": %.3f, \"p95_ms\": %.3f, \"fps_median\": %.1f}\n", ms.size(), median,
                p95, 1000.0 / median);
}

}  // namespace

int runGui(const GuiOptions& options) {
    auto theme = core::parseThemeName(options.theme);
    if (!theme) return fail("--" + theme.error().message);
    auto assetDir = core::findAssetDir(options.assets);
    if (!assetDir) return fail(assetDir.error().message);
    auto projection = core::Projection::create();
    if (!projection) return fail(projection.error().message);
    auto data = core::loadMapData(*assetDir + "/geo", *projection);
    if (!data) return fail(data.error().message);
    auto scene = core::buildMapScene(*data, *projection);
    if (!scene) return fail(scene.error().message);

    glfwSetErrorCallback(glfwErrorCallback);
    if (!glfwInit()) return fail("cannot open a window: no display (set DISPLAY, or use 'qantar export' headless)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(options.widthPx, options.heightPx, "qantar \xE2\x80\x94 Kazakhstan, January 2022",
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
    setupImGuiFonts();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int exitCode = 0;
    {
        auto renderer = render::MapRenderer::create(*scene);
        if (!renderer) {
            exitCode = fail(renderer.error().message);
        } else {
            ui::AppState state;
            state.scene = &*scene;
            state.projection = &*projection;
            state.theme = *theme;
            ui::MenuBar menu;
            ui::LayersPanel layersPanel;
            ui::StatusBar statusBar;
            ui::MapView mapView;
            ui::HelpWindows help;
            // Two map targets: a single-sampled one redrawn while the view moves (fast on a
            // software renderer), and a multisampled one drawn once the view has settled.
            std::optional<render::OffscreenTarget> fastTarget, fineTarget;
            const render::OffscreenTarget* shown = nullptr;
            std::optional<ViewKey> drawnKey;
            bool fineDue = false;
            auto lastChange = std::chrono::steady_clock::now();
            bool fitted = false;
            std::vector<double> frameMs;
            float menuH = 0.0f, statusH = 0.0f;
            int frame = 0;

            while (!glfwWindowShouldClose(window) && !state.quitRequested) {
                const auto t0 = std::chrono::steady_clock::now();
                // Block while nothing happens: an idle map costs no CPU. Animation will wake it.
                if (options.benchmarkFrames > 0) glfwPollEvents();
                else glfwWaitEventsTimeout(fineDue ? kSettleSeconds / 2 : 0.25);
                ImGui_ImplOpenGL3_NewFrame();
                ImGui_ImplGlfw_NewFrame();
                ImGui::NewFrame();

                menuH = menu.draw(state);
                statusH = statusBar.draw(state);
                mapView.draw(state, shown ? reinterpret_cast<ImTextureID>(static_cast<intptr_t>(shown->texture())) : nullptr,
                             menuH, statusH);
                if (!fitted) {
                    state.fitKazakhstan();
                    fitted = true;
                }
                layersPanel.draw(state);
                help.draw(state);
                if (options.benchmarkFrames > 0) {
                    // A steady pan keeps the map changing, so every frame redraws it.
                    state.camera.panByPixels((frame / 60) % 2 == 0 ? 3.0 : -3.0, 0.0);
                }
                ImGui::Render();

                const int w = static_cast<int>(state.mapW), h = static_cast<int>(state.mapH);
                if (!fastTarget || fastTarget->width() != w || fastTarget->height() != h) {
                    auto fast = render::OffscreenTarget::create(w, h, 1);
                    auto fine = render::OffscreenTarget::create(w, h, options.msaaSamples);
                    if (!fast || !fine) {
                        exitCode = fail(fast ? fine.error().message : fast.error().message);
                        break;
                    }
                    fastTarget = std::move(*fast);
                    fineTarget = std::move(*fine);
                    shown = nullptr;
                    drawnKey.reset();
                }
                render::FrameOptions fo;
                fo.theme = state.theme;
                fo.layers = state.layers;
                const ViewKey key = keyOf(state);
                const auto now = std::chrono::steady_clock::now();
                if (!drawnKey || !(*drawnKey == key)) {
                    const bool first = !drawnKey.has_value();
                    const render::OffscreenTarget& t = first ? *fineTarget : *fastTarget;
                    t.bind();
                    (*renderer)->draw(state.camera, fo);
                    t.resolve();
                    shown = &t;
                    drawnKey = key;
                    fineDue = !first;
                    lastChange = now;
                } else if (fineDue && std::chrono::duration<double>(now - lastChange).count() >= kSettleSeconds) {
                    fineTarget->bind();
                    (*renderer)->draw(state.camera, fo);
                    fineTarget->resolve();
                    shown = &*fineTarget;
                    fineDue = false;
                }

                int fbw = 0, fbh = 0;
                glfwGetFramebufferSize(window, &fbw, &fbh);
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
                glViewport(0, 0, fbw, fbh);
                const core::Rgba bg = core::theme(state.theme).background;
                glClearColor(bg.r, bg.g, bg.b, 1.0f);
                glClear(GL_COLOR_BUFFER_BIT);
                ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
                glfwSwapBuffers(window);

                if (options.benchmarkFrames > 0) {
                    glFinish();
                    const auto t1 = std::chrono::steady_clock::now();
                    if (frame >= 5) frameMs.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                    if (++frame >= options.benchmarkFrames + 5) break;
                }
            }
            if (options.benchmarkFrames > 0) printStats(frameMs);
            if (options.printView) {
                const core::MapXY c = state.camera.center();
                const auto ll = projection->unproject(c);
                std::printf("{\"center_x\": %.3f, \"center_y\": %.3f, \"meters_per_pixel\": %.6f, \"center_lon\": %.6f, "
                            "\"center_lat\": %.6f, \"theme\": \"%s\"}\n",
                            c.x, c.y, state.camera.metersPerPixel(), ll ? ll->lon : 0.0, ll ? ll->lat : 0.0,
                            core::theme(state.theme).name);
            }
            shown = nullptr;
            fastTarget.reset();
            fineTarget.reset();
        }
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exitCode;
}

}  // namespace qantar::app
