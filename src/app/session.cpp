#include "app/session.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>

#include "core/events/event_sources.hpp"
#include "core/import/import.hpp"
#include "core/io/atomic_file.hpp"
#include "core/map/polyline.hpp"
#include "ui/key_bindings.hpp"
#include "ui/model_actions.hpp"

namespace qantar::app {

namespace {

namespace fs = std::filesystem;

// Settings are written this long after the last change (and at the end), so that a crash loses
// at most this much of them.
constexpr double kSettingsDelaySeconds = 2.0;

std::string absolutePath(const std::string& path) {
    if (path.empty() || path.rfind("PG:", 0) == 0 || path.find("://") != std::string::npos || path[0] == '/') return path;
    std::error_code ec;
    const fs::path p = fs::absolute(path, ec);
    return ec ? path : p.lexically_normal().string();
}

bool isInside(const std::string& path, const std::string& dir) {
    if (dir.empty() || path.empty()) return false;
    std::error_code ec;
    const fs::path a = fs::weakly_canonical(path, ec);
    const fs::path b = fs::weakly_canonical(dir, ec);
    const std::string as = a.string(), bs = b.string();
    return as.size() > bs.size() && as.compare(0, bs.size(), bs) == 0 && as[bs.size()] == '/';
}

void log(const std::string& message) { std::fprintf(stderr, "qantar: %s\n", message.c_str()); }

}  // namespace

core::Expected<std::unique_ptr<Session>> Session::create(Startup startup, const SessionOptions& options, ImGuiHost& host) {
    std::unique_ptr<Session> s(new Session(std::move(startup), options, host));
    core::MapScene& scene = s->m_startup.base->scene;
    auto renderer = render::MapRenderer::create(scene, s->m_startup.base->glyphCache);
    if (!renderer) return renderer.error();
    auto overlay = render::EventOverlay::create(scene);
    if (!overlay) return overlay.error();
    s->m_renderer = std::move(*renderer);
    s->m_overlay = std::move(*overlay);
    // Everything draws from the uploaded copy from now on, exports included.
    core::releaseMeshes(scene);
    s->m_compositor = std::make_unique<render::Compositor>(*s->m_renderer, s->m_overlay.get(), options.msaaSamples);
    return s;
}

Session::Session(Startup startup, const SessionOptions& options, ImGuiHost& host)
    : m_options(options), m_host(host), m_startup(std::move(startup)) {
    ui::AppState& st = m_state;
    const core::BaseMap& base = *m_startup.base;
    const core::Settings& settings = m_startup.settings;
    st.scene = &base.scene;
    st.projection = &base.projection;
    st.assetDir = base.assetDir;
    st.theme = options.theme.value_or(settings.theme);
    st.displayZone = settings.displayZone;
    st.showLayers = settings.showLayers;
    st.showEvents = settings.showEvents;
    st.eventLayers.trail = core::Duration::hours(settings.trailHours);
    st.eventLayers.cumulative = settings.cumulative;
    st.openFolder = settings.openFolder;
    st.exportFolder = settings.exportFolder;
    st.storyFolder = settings.storyFolder;
    st.loadProblem = m_startup.loadProblem;
    if (m_startup.recovery) st.recovery = m_startup.recovery->work;
    if (!m_startup.autosaveProblem.empty()) {
        st.autosaveProblem = m_startup.autosaveProblem;
        st.notify("Unsaved story edits cannot be kept safe: " + st.autosaveProblem);
    }
    m_savedSettings = settings;
    m_lastDataset = settings.lastDataset;
    // A last dataset that no longer opens was dropped at start; the settings file says so soon.
    if (!m_startup.loadedSettingsLastDataset.empty() && settings.lastDataset.empty()) {
        m_savedSettings.lastDataset = m_startup.loadedSettingsLastDataset;
    }
    m_windowedW = settings.windowWidth;
    m_windowedH = settings.windowHeight;
    if (!m_startup.settingsProblem.empty()) log(m_startup.settingsProblem);
    if (!m_startup.loadProblem.empty()) log(m_startup.loadProblem);
    if (!m_startup.storyProblem.empty()) log(m_startup.storyProblem);
    if (!m_startup.recoveryProblem.empty()) log(m_startup.recoveryProblem);
    if (m_startup.world) setWorld(std::move(m_startup.world), m_startup.eventsPath);
    if (m_startup.story) {
        st.story.story = std::move(m_startup.story);
        st.story.path = m_startup.storyPath;
        st.story.bundled = isInside(m_startup.storyPath, base.assetDir);
        st.player.setStory(&*st.story.story, base.projection);
    }
    if (st.world) {
        // A first look at the week rather than an empty map: the first event's moment, unless the
        // command line names one.
        const auto& events = st.world->data().events;
        if (options.startTime) {
            st.clock.seek(options.startTime->instant);
            if (options.startTime->offset) st.displayZone = *options.startTime->offset;
        } else if (!events.empty()) {
            st.clock.seek(events.front().start);
        }
    }
    for (const auto& path : options.imports) st.actions.push(ui::action::OpenEvents{{path, "", "", ""}, true});
    m_pendingBoundaries = options.boundaries;
}

Session::~Session() = default;

void Session::setWorld(std::unique_ptr<core::EventWorld> world, std::string path) {
    m_world = std::move(world);
    ui::AppState& st = m_state;
    st.world = m_world.get();
    ++st.worldGeneration;
    st.datasetPath = std::move(path);
    st.selectedEvent.reset();
    st.frame = core::FrameLayers{};
    ++st.frameSerial;
    if (m_world) {
        // Every report in the data is reachable, not only the stated coverage (the 225 toll is
        // reported as of 16 January, after the week's coverage ends).
        st.clock.rangeStart = m_world->timeRange().start;
        st.clock.rangeEnd = m_world->timeRange().end;
        st.clock.seek(st.clock.now);
    }
    m_gui.datasetChanged();
    if (m_exportRenderer) m_exportRenderer->setWorld(m_world.get());
}

core::Settings Session::currentSettings() const {
    core::Settings s = m_savedSettings;
    const ui::AppState& st = m_state;
    s.windowWidth = m_windowedW;
    s.windowHeight = m_windowedH;
    s.lastDataset = m_lastDataset;
    s.theme = st.theme;
    s.displayZone = st.displayZone;
    s.showLayers = st.showLayers;
    s.showEvents = st.showEvents;
    s.trailHours = static_cast<int>(st.eventLayers.trail.seconds / 3600);
    s.cumulative = st.eventLayers.cumulative;
    s.openFolder = st.openFolder;
    s.exportFolder = st.exportFolder;
    s.storyFolder = st.storyFolder;
    return s;
}

void Session::setWindowedSize(int widthPx, int heightPx) {
    if (m_state.presenting || widthPx <= 0 || heightPx <= 0) return;
    m_windowedW = widthPx;
    m_windowedH = heightPx;
}

bool Session::animating() const {
    const ui::AppState& st = m_state;
    return st.clock.playing || (st.player.scene() >= 0 && st.player.following() && !st.player.paused()) ||
           m_export != nullptr || m_compositor->baseIsDraft() || !st.toasts.empty() || !st.actions.pending.empty();
}

bool Session::settled() const {
    return !m_compositor->baseIsDraft() && m_compositor->baseDraws() > 0 && m_export == nullptr &&
           m_state.player.settled(m_now) && m_state.actions.pending.empty();
}

void Session::frame(double now, double dt, int widthPx, int heightPx, FrameInput input) {
    ui::AppState& st = m_state;
    m_now = now;
    st.appSeconds = now;
    st.keys.presses = std::move(input.keys);
    for (auto& path : input.drops) st.actions.push(ui::action::OpenEvents{{path, "", "", ""}, true});
    if (!m_pendingBoundaries.empty()) {
        st.actions.push(ui::action::DrawBoundaries{m_pendingBoundaries.front(), ""});
        m_pendingBoundaries.erase(m_pendingBoundaries.begin());
    }

    // The clock plays unless a story scene steers it.
    if (!(st.player.scene() >= 0 && st.player.following())) st.clock.advance(std::min(dt, 0.25));

    // What the panels asked for last frame, in order (the dialogs they open are the Gui's own).
    auto dialogs = st.actions.takeAll<ui::action::ShowDialog>();
    for (const ui::Action& a : st.actions.take()) {
        if (!ui::applyModelAction(st, a)) apply(a);
    }
    for (auto& d : dialogs) st.actions.push(d);

    st.layout = ui::Gui::layoutFor(st, static_cast<float>(widthPx), static_cast<float>(heightPx), m_host.uiScale(),
                                   m_host.presenterScale());
    st.camera.setViewport(static_cast<int>(st.layout.map.w), static_cast<int>(st.layout.map.h));
    // No view goes beyond the world layers, however far out or aside it is moved.
    st.camera.setBounds(st.scene->viewBounds);
    st.camera.setMaxMetersPerPixel(
        core::zoomOutLimit(st.scene->kazakhstanBox, static_cast<int>(st.layout.map.w), static_cast<int>(st.layout.map.h)));
    if (m_firstFrame) {
        ui::fitKazakhstan(st);
        if (m_options.present) st.actions.push(ui::action::SetPresenting{true});
        m_firstFrame = false;
    }
    ui::updateStory(st);
    refreshDerived();
    // Presented on a projector, symbols, lines and labels grow with the type.
    st.mapPixelScale = st.presenting ? std::max(1.0f, m_host.presenterScale() * 1.25f) : m_host.uiScale();

    m_host.useTheme(st.theme);
    m_host.newFrame();
    ImGui::NewFrame();
    const ImTextureID mapTexture = m_compositor->baseDraws() > 0
                                       ? reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_compositor->frame().texture()))
                                       : nullptr;
    m_gui.draw(st, m_host.fonts(), mapTexture);
    ImGui::Render();

    composeMap(now);
    stepExport();
    keepWork(now);
}

void Session::refreshDerived() {
    ui::AppState& st = m_state;
    if (!st.world) return;
    // The filter's mask, when the filter or the dataset changed.
    if (!m_maskFilter || *m_maskFilter != st.filter || m_maskGeneration != st.worldGeneration) {
        st.shown = st.filter.active() ? core::filterMask(st.world->data(), st.filter) : std::vector<std::uint8_t>{};
        ++st.shownSerial;
        m_maskFilter = st.filter;
        m_maskGeneration = st.worldGeneration;
    }
    // The layers are a pure function of (dataset, time, settings, filter): recomputed only when
    // one of them changed, not on every frame of an idle or panning window.
    const LayersKey key{st.worldGeneration, st.shownSerial, st.clock.now.unixSeconds, st.eventLayers};
    if (!m_layersKey || !(*m_layersKey == key)) {
        st.frame = st.world->layersAt(st.clock.now, st.eventLayers, st.shownMask());
        ++st.frameSerial;
        m_layersKey = key;
        ++m_layersSerial;
    }
}

void Session::composeMap(double now) {
    ui::AppState& st = m_state;
    if (st.layout.map.empty()) return;
    const core::MapXY c = st.camera.center();
    if (c.x != m_lastCenter.x || c.y != m_lastCenter.y || st.camera.metersPerPixel() != m_lastMpp) {
        m_viewChangedAt = now;
        m_lastCenter = c;
        m_lastMpp = st.camera.metersPerPixel();
    }
    // One request kept between frames, so its vectors keep their capacity.
    render::CompositeRequest& req = m_request;
    req.reserved.clear();
    req.annotations.clear();
    req.projection = nullptr;
    req.annotationsKey = 0;
    req.camera = st.camera;
    req.options.theme = st.theme;
    req.options.layers = st.layers;
    req.options.pixelScale = st.mapPixelScale;
    req.events = st.world ? &st.frame : nullptr;
    // The symbols as the map view laid them out for picking, again for the camera as it is now.
    ui::layOutSymbols(st);
    req.symbols = &st.symbols;
    // The symbols change with the layers, the selection, the event pointed at and the stack the
    // pointer spread.
    std::uint64_t key = m_layersSerial;
    const auto mix = [&key](std::uint64_t v) { key ^= v + 0x9e3779b97f4a7c15ULL + (key << 6) + (key >> 2); };
    mix(st.selectedEvent ? *st.selectedEvent + 1ULL : 0ULL);
    mix(!st.pointedStack && st.pointedEvents.size() == 1 ? st.pointedEvents.front() + 1ULL : 0ULL);
    if (st.pointerSpread) {
        mix(std::hash<double>{}(st.pointerSpread->x));
        mix(std::hash<double>{}(st.pointerSpread->y));
    }
    req.eventsKey = key;
    req.time = st.clock.now;
    req.draft = now - m_viewChangedAt < m_options.settleSeconds;
    // The boxes floating over the map (the moment box; a presentation's caption and timeline)
    // cover what mapFree leaves out: the signs on the map keep clear of them.
    const core::ScreenRect& m = st.layout.map;
    const core::ScreenRect& f = st.layout.mapFree;
    if (!f.empty()) {
        if (f.y > 0) req.reserved.push_back({0, 0, m.w, f.y});
        if (f.x > 0) req.reserved.push_back({0, 0, f.x, m.h});
        if (f.x + f.w < m.w) req.reserved.push_back({f.x + f.w, 0, m.w - f.x - f.w, m.h});
        if (f.y + f.h < m.h) req.reserved.push_back({0, f.y + f.h, m.w, m.h - f.y - f.h});
    }
    // The story's annotations while one of its scenes is current (playing, presented or edited).
    if (st.story.story && st.player.scene() >= 0 && st.projection) {
        req.annotations = core::annotationsShown(*st.story.story, st.player.scene(), st.clock.now);
        req.annotationsKey = core::annotationsKey(req.annotations);
        req.projection = st.projection;
    }
    if (auto err = m_compositor->compose(req)) {
        log(err->message);
        m_quit = true;
        return;
    }
    if (st.world) m_composedTime = st.frame.time;
}

void Session::apply(const ui::Action& action) {
    using namespace ui::action;
    ui::AppState& st = m_state;
    std::visit(
        [&](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, OpenEvents>) {
                openEvents(a);
            } else if constexpr (std::is_same_v<A, DrawBoundaries>) {
                drawBoundaries(a);
            } else if constexpr (std::is_same_v<A, StartExport>) {
                startExport(a);
            } else if constexpr (std::is_same_v<A, CancelExport>) {
                if (m_export) {
                    const std::size_t done = m_export->done(), total = m_export->total();
                    m_export->cancel();
                    m_export.reset();
                    st.exportStatus.running = false;
                    st.exportStatus.failed = true;
                    st.exportStatus.message = "Cancelled after " + std::to_string(done) + " of " + std::to_string(total) +
                                              " frames (a partial video is removed; PNGs written stay).";
                }
            } else if constexpr (std::is_same_v<A, OpenStory>) {
                openStory(a.path);
            } else if constexpr (std::is_same_v<A, SaveStory>) {
                saveStory(a.path);
            } else if constexpr (std::is_same_v<A, AddSceneFromView>) {
                addSceneFromView();
            } else if constexpr (std::is_same_v<A, RestoreRecovery>) {
                if (st.recovery) {
                    st.story.story = std::move(st.recovery->story);
                    st.story.path = st.recovery->originalPath;
                    st.story.bundled = isInside(st.story.path, st.assetDir);
                    st.story.edited = true;
                    st.player.setStory(&*st.story.story, *st.projection);
                    st.showStory = true;
                    st.recovery.reset();
                    // The work is this window's now: kept in its own autosave before the file it
                    // came from is removed, so a crash in between loses nothing.
                    writeAutosave();
                    if (m_startup.recovery && st.autosaveProblem.empty()) core::removeOrphanedAutosave(*m_startup.recovery);
                    m_startup.recovery.reset();
                    st.notify("The unsaved story is back in the story editor; save it to keep it.");
                }
            } else if constexpr (std::is_same_v<A, DiscardRecovery>) {
                if (m_startup.recovery) core::removeOrphanedAutosave(*m_startup.recovery);
                m_startup.recovery.reset();
                st.recovery.reset();
            } else if constexpr (std::is_same_v<A, SetPresenting>) {
                if (a.on == st.presenting) return;
                st.presenting = a.on;
                if (a.on && st.player.idle() && st.player.sceneCount() > 0) {
                    ui::applyModelAction(st, StoryGoTo{0});
                } else if (!a.on && !st.player.idle()) {
                    // Leaving the presentation stops the story: nothing moves on in the window.
                    ui::applyModelAction(st, StoryStop{});
                }
            } else if constexpr (std::is_same_v<A, Quit>) {
                m_quit = true;
            } else if constexpr (std::is_same_v<A, ShowDialog>) {
                st.actions.push(a);
            }
        },
        action);
}

void Session::openEvents(const ui::action::OpenEvents& a) {
    ui::AppState& st = m_state;
    ui::ImportStatus& status = st.importStatus;
    status = ui::ImportStatus{};
    status.source = a.request.source;
    core::EventSourceRequest request = a.request;
    request.source = absolutePath(request.source);
    auto opened = core::openEventSource(request);
    if (!opened) {
        // The events shown stay as they were; the dialog says what went wrong.
        status.failed = true;
        status.message = opened.error().message;
        if (opened.error().kind == core::ErrorKind::ImportNoTime) {
            core::ImportOptions fo;
            fo.layer = request.layer;
            if (auto fields = core::listImportFields(request.source, fo)) {
                for (const auto& f : *fields) status.fields.push_back(f.name);
                status.needsFields = !status.fields.empty();
            }
        }
        log(status.message);
        // A dropped file (or --import) reports in the Open dialog, which offers the fields to pick.
        if (!m_gui.dialogOpen()) st.actions.push(ui::action::ShowDialog{ui::action::Dialog::Open, true});
        return;
    }
    const bool merge = a.merge && m_world;
    core::Dataset next = merge ? core::mergeDatasets(m_world->data(), std::move(opened->dataset)) : std::move(opened->dataset);
    const core::BaseMap& base = *m_startup.base;
    auto world = std::make_unique<core::EventWorld>(std::move(next), base.data, base.projection);
    const std::size_t n = world->data().events.size();
    setWorld(std::move(world), merge ? st.datasetPath : (opened->ownFormat ? request.source : std::string()));
    // Only a file in qantar's own format is reopened at the next start; an imported source (a CSV,
    // a KML, a database) is not an event file and would fail to load every time.
    if (!merge) m_lastDataset = opened->ownFormat ? request.source : std::string();
    status.message = opened->report + " Now " + std::to_string(n) + " events.";
    log(status.message);
    const std::string shown = opened->ownFormat ? request.source : core::displayImportSource(request.source);
    st.notify(merge ? "Merged " + shown + ": now " + std::to_string(n) + " events."
                    : "Opened " + shown + ": " + std::to_string(n) + " events.");
}

void Session::drawBoundaries(const ui::action::DrawBoundaries& a) {
    ui::AppState& st = m_state;
    ui::ImportStatus& status = st.importStatus;
    status = ui::ImportStatus{};
    status.source = a.source;
    core::ImportOptions options;
    options.layer = a.layer;
    const std::string source = absolutePath(a.source);
    auto layers = core::importBoundaries(source, options);
    if (!layers) {
        status.failed = true;
        status.message = layers.error().message;
        log(status.message);
        st.actions.push(ui::action::ShowDialog{ui::action::Dialog::Open, true});
        return;
    }
    // Outlines in the map's projection, drawn with the base map.
    core::LineMesh outlines;
    std::size_t rings = 0;
    for (const auto& b : *layers) {
        for (const auto& poly : b.polygons) {
            for (const auto& ring : poly.rings) {
                core::extrudePolyline(st.projection->projectMany(ring), true, static_cast<float>(core::LineStyle::Custom),
                                      outlines);
                ++rings;
            }
        }
    }
    m_renderer->setBoundaries(outlines);
    m_compositor->invalidateBase();
    status.message = "Drew " + std::to_string(layers->size()) + " boundaries (" + std::to_string(rings) + " rings) from " +
                     source + ".";
    log(status.message);
}

void Session::startExport(const ui::action::StartExport& a) {
    ui::ExportStatus& status = m_state.exportStatus;
    if (m_export) return;
    if (!m_exportRenderer) {
        auto r = render::ExportRenderer::create(m_state.scene ? *m_state.scene : m_startup.base->scene,
                                                m_startup.base->projection, m_world.get(),
                                                render::SharedRenderers{m_renderer.get(), m_overlay.get()});
        if (!r) {
            status.failed = true;
            status.message = r.error().message;
            return;
        }
        m_exportRenderer = std::move(*r);
    }
    core::ExportSpec spec = a.spec;
    if (spec.kind == core::ExportKind::StorySlides || spec.kind == core::ExportKind::StoryVideo) {
        spec.story = m_state.story.story ? &*m_state.story.story : nullptr;
    }
    auto run = render::ExportRun::start(spec, *m_exportRenderer);
    if (!run) {
        status.failed = true;
        status.message = run.error().message;
        return;
    }
    m_export = std::move(*run);
    status = ui::ExportStatus{};
    status.running = true;
    status.total = m_export->total();
}

void Session::stepExport() {
    if (!m_export) return;
    ui::ExportStatus& status = m_state.exportStatus;
    if (auto err = m_export->step()) {
        status.running = false;
        status.failed = true;
        status.message = err->message;
        log(status.message);
        m_export.reset();
        return;
    }
    status.done = m_export->done();
    status.etaSeconds = m_export->etaSeconds();
    if (m_export->finished()) {
        status.running = false;
        status.message = m_export->summary();
        status.lastPath = m_export->outPath();
        log(status.message);
        m_state.notify(status.message, 6.0);
        m_export.reset();
    }
}

void Session::openStory(const std::string& path) {
    ui::StoryDoc& doc = m_state.story;
    const std::string abs = absolutePath(path);
    auto story = core::loadStory(abs);
    if (!story) {
        doc.message = story.error().message;
        return;
    }
    m_state.player.setStory(nullptr, *m_state.projection);
    doc.story = std::move(*story);
    doc.path = abs;
    doc.bundled = isInside(abs, m_state.assetDir);
    doc.edited = false;
    doc.message = "Opened " + abs + ".";
    m_state.player.setStory(&*doc.story, *m_state.projection);
}

void Session::saveStory(const std::string& path) {
    ui::StoryDoc& doc = m_state.story;
    if (!doc.story) return;
    const std::string abs = absolutePath(path);
    // The bundled story is never overwritten, whatever path is typed.
    if (isInside(abs, m_state.assetDir)) {
        doc.message = abs + ": the bundled stories are never overwritten; save the story in your own folder.";
        return;
    }
    std::error_code ec;
    fs::create_directories(fs::path(abs).parent_path(), ec);
    if (auto err = core::saveStory(*doc.story, abs)) {
        doc.message = err->message;
        return;
    }
    doc.path = abs;
    doc.bundled = false;
    doc.edited = false;
    doc.message = "Saved " + abs + ".";
    m_state.storyFolder = fs::path(abs).parent_path().string();
    if (m_startup.autosave) core::discardAutosave(m_startup.autosave->path());
    m_state.notify(doc.message);
}

void Session::addSceneFromView() {
    ui::AppState& st = m_state;
    ui::StoryDoc& doc = st.story;
    if (!doc.story) {
        doc.story = core::Story{"Untitled story", {}, {}};
        doc.path.clear();
        doc.bundled = false;
    }
    core::Scene scene;
    scene.title = "New scene";
    scene.start = st.clock.now;
    scene.zone = st.displayZone;
    const core::StoryView v = ui::onScreenView(st);
    if (auto ll = st.projection->unproject(v.center)) scene.view = core::SceneView{*ll, v.spanMeters / 1000.0};
    for (std::size_t l = 0; l < scene.layers.size(); ++l) scene.layers[l] = st.eventLayers.on[l];
    const int current = st.player.captionScene();
    const int at = current >= 0 ? current + 1 : static_cast<int>(doc.story->scenes.size());
    doc.story->scenes.insert(doc.story->scenes.begin() + at, scene);
    doc.edited = true;
    st.player.setStory(&*doc.story, *st.projection);
    ui::applyModelAction(st, ui::action::StoryGoTo{at});
    st.showStory = true;
    st.notify("Added scene " + std::to_string(at + 1) + " of " + std::to_string(doc.story->scenes.size()) + " (" +
              core::formatForDisplay(st.clock.now, st.displayZone, core::Precision::Exact) +
              ") to the story; edit it in the story editor.");
}

void Session::keepWork(double now) {
    ui::AppState& st = m_state;
    // Unsaved story edits are autosaved (atomically) every few seconds; saving them for real, or
    // having none, removes the autosave.
    if (now - m_lastAutosave >= m_options.autosaveSeconds) {
        if (st.story.edited && st.story.story) {
            writeAutosave();
        } else if (m_startup.autosave) {
            // Only this window's own file: another window's work is never touched.
            core::discardAutosave(m_startup.autosave->path());
        }
        // A window killed while writing its autosave leaves a temporary behind; the windows still
        // running remove such leftovers of dead processes each round (never another's file).
        if (m_startup.autosave) {
            core::cleanStaleTemporariesIn(std::filesystem::path(m_startup.autosave->path()).parent_path().string());
        }
        m_lastAutosave = now;
        ++m_autosaveRounds;
    }
    // Settings are kept as they change, not only at a clean exit.
    if (!m_options.saveSettings) return;
    const core::Settings current = currentSettings();
    if (current != m_savedSettings) {
        if (m_settingsChangedAt < 0.0) m_settingsChangedAt = now;
        if (now - m_settingsChangedAt >= kSettingsDelaySeconds) {
            if (auto err = core::saveSettings(current, m_startup.settingsPath)) log("settings not saved: " + err->message);
            m_savedSettings = current;
            m_settingsChangedAt = -1.0;
        }
    } else {
        m_settingsChangedAt = -1.0;
    }
}

void Session::writeAutosave() {
    ui::AppState& st = m_state;
    if (!st.story.story || !m_startup.autosave) return;
    if (auto err = core::writeStoryAutosave({*st.story.story, st.story.path}, m_startup.autosave->path())) {
        // Said once when it starts failing (and again if the reason changes), and shown in the
        // status line for as long as it fails: the user must not believe the work is safe.
        if (st.autosaveProblem != err->message) {
            st.notify("Unsaved story edits could not be autosaved: " + err->message);
            log("autosave failed: " + err->message);
        }
        st.autosaveProblem = err->message;
    } else if (!st.autosaveProblem.empty()) {
        st.autosaveProblem.clear();
        st.notify("Unsaved story edits are autosaved again.");
    }
}

void Session::finish() {
    if (m_export) {
        m_export->cancel();
        m_export.reset();
    }
    // Unsaved edits stay in this window's autosave (offered at the next start); with none, the
    // autosave and its lock go.
    if (m_startup.autosave) {
        if (m_state.story.edited && m_state.story.story) writeAutosave();
        else m_startup.autosave->release();
    }
    if (!m_options.saveSettings) return;
    const core::Settings current = currentSettings();
    if (auto err = core::saveSettings(current, m_startup.settingsPath)) log("settings not saved: " + err->message);
    m_savedSettings = current;
}

}  // namespace qantar::app
