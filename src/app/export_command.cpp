// `qantar export`: one frame, a sequence of PNGs, a video, or a story's scenes — rendered
// offscreen with no display server, through the same export run the window uses.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>

#include "app/cli.hpp"
#include "core/events/event_world.hpp"
#include "core/export/export_spec.hpp"
#include "core/map/base_map.hpp"
#include "core/story/story.hpp"
#include "core/story/story_plan.hpp"
#include "render/export/export_renderer.hpp"
#include "render/export/export_run.hpp"
#include "render/export/video_encoder.hpp"
#include "render/headless_context.hpp"

namespace qantar::app {

namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "qantar: %s\n", message.c_str());
    return 1;
}

// Progress with an ETA on stderr: one updating line on a terminal, a line per 10% otherwise.
class Progress {
public:
    explicit Progress(bool quiet) : m_quiet(quiet), m_tty(::isatty(2) != 0) {}
    void step(const render::ExportRun& run) {
        const std::size_t done = run.done(), total = run.total();
        if (m_quiet || total <= 1) return;
        const int pct = static_cast<int>(100 * done / total);
        if (m_tty) {
            std::fprintf(stderr, "\rframe %zu/%zu (%d%%), %.1f s elapsed, about %.1f s left   ", done, total, pct,
                         run.elapsedSeconds(), run.etaSeconds());
            if (done == total) std::fprintf(stderr, "\n");
        } else if (pct / 10 != m_lastDecile || done == total) {
            m_lastDecile = pct / 10;
            std::fprintf(stderr, "frame %zu/%zu (%d%%), %.1f s elapsed, about %.1f s left\n", done, total, pct,
                         run.elapsedSeconds(), run.etaSeconds());
        }
    }

private:
    bool m_quiet, m_tty;
    int m_lastDecile = -1;
};

// SIGINT or SIGTERM while exporting: the export stops after the frame being drawn, removes its
// temporary files (a partial video) and exits with 128 + the signal's number, as if killed.
volatile std::sig_atomic_t g_stopSignal = 0;

extern "C" void onStopSignal(int sig) { g_stopSignal = sig; }

class StopSignals {
public:
    StopSignals() {
        g_stopSignal = 0;
        struct sigaction sa {};
        sa.sa_handler = onStopSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &sa, &m_oldInt);
        ::sigaction(SIGTERM, &sa, &m_oldTerm);
    }
    ~StopSignals() {
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    int received() const { return g_stopSignal; }

private:
    struct sigaction m_oldInt {}, m_oldTerm {};
};

int stopped(int sig, render::ExportRun* run) {
    std::string what = "the export was stopped (" + std::string(sig == SIGINT ? "SIGINT" : "SIGTERM") + ")";
    if (run) {
        run->cancel();
        if (core::writesVideo(run->spec().kind)) what += "; " + run->outPath() + " was not written (a previous file of that name is kept)";
        else if (core::writesFolder(run->spec().kind)) what += " after " + std::to_string(run->done()) + " frames in " + run->outPath();
    }
    std::fprintf(stderr, "qantar: %s\n", what.c_str());
    return 128 + sig;
}

// A single frame is a PNG: a name without that extension (x.jpg, noext, a folder) is refused
// rather than given PNG bytes under the wrong name. An existing special file (/dev/null) is
// left to the writer.
bool pngNameRefused(const std::string& path) {
    std::string ext;
    const auto slash = path.find_last_of('/');
    const auto dot = path.rfind('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash + 1)) ext = path.substr(dot);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".png") return false;
    struct stat st {};
    return ::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode);
}

// The option a problem with a spec field is about, as the user typed it.
std::string optionOf(core::ExportField field, const ExportArgs& a) {
    switch (field) {
        case core::ExportField::Size: return a.preset.empty() || !a.size.empty() ? "--size" : "--preset";
        case core::ExportField::Out: return a.video.empty() ? "--out" : "--video";
        case core::ExportField::Fps: return "--fps";
        case core::ExportField::Range: return "--from/--to";
        case core::ExportField::Step: return "--step";
        case core::ExportField::Story: return "--story";
        case core::ExportField::Scene: return "--scene";
        case core::ExportField::Grid: return a.times.empty() ? "--grid" : "--times";
    }
    return "export";
}

}  // namespace

int runExport(const ExportArgs& a) {
    // Everything is checked before any loading or rendering.
    core::ExportSpec spec;
    if (!a.preset.empty()) {
        const core::ExportPreset* p = core::findPreset(a.preset);
        if (!p) {
            std::string names;
            for (const auto& q : core::exportPresets()) names += std::string(names.empty() ? "" : ", ") + q.name;
            return fail("--preset: unknown preset '" + a.preset + "' (" + names + ")");
        }
        spec.widthPx = p->widthPx;
        spec.heightPx = p->heightPx;
    }
    if (a.dpi) {
        if (a.preset.empty() || !a.size.empty()) {
            return fail("--dpi: give a print preset (--preset a4-landscape, a4-portrait or a5-landscape); --size sets "
                        "pixels directly");
        }
        auto size = core::printSize(a.preset, *a.dpi);
        if (!size) return fail("--dpi: " + size.error().message);
        spec.widthPx = size->first;
        spec.heightPx = size->second;
        spec.dpi = *a.dpi;
    }
    if (!a.size.empty()) {
        auto size = core::parseExportSize(a.size);
        if (!size) return fail("--size: " + size.error().message);
        spec.widthPx = size->first;
        spec.heightPx = size->second;
    }
    auto theme = core::parseThemeName(a.theme);
    if (!theme) return fail("--" + theme.error().message);
    spec.theme = *theme;
    auto overlays = core::parseOverlaySet(a.overlays, !a.title.empty() || !a.subtitle.empty());
    if (!overlays) return fail("--overlays: " + overlays.error().message);
    spec.overlays = *overlays;
    spec.title = a.title;
    spec.subtitle = a.subtitle;
    spec.transparent = a.transparent;
    spec.fps = a.fps;
    if (a.scene && *a.scene < 1) return fail("--scene: scene numbers start at 1");
    spec.scene = a.scene.value_or(0);

    if (a.timeline) {
        // One figure of a range: not a map, a sequence, a video or a story.
        if (!a.story.empty()) return fail("--timeline draws the timeline, not a story's scenes: leave out --story");
        if (!a.video.empty()) return fail("--timeline writes one PNG (--out FILE.png), not a video: leave out --video");
        if (!a.step.empty()) return fail("--timeline draws the range --from/--to in one figure: leave out --step");
        if (a.from.empty() != a.to.empty()) return fail("--timeline: give both --from and --to, or neither for the data's whole range");
    }
    const bool grid = !a.timeline && !a.grid.empty();
    const bool sequence = !a.timeline && !grid && (!a.from.empty() || !a.to.empty() || !a.step.empty() || a.atEvents);
    const bool story = !a.story.empty();
    const bool video = !a.video.empty();
    std::optional<core::ZoneOffset> zone;
    if (!a.zone.empty()) {
        auto z = core::parseZoneName(a.zone);
        if (!z) return fail("--zone: " + z.error().message);
        zone = *z;
    }
    // Moments typed without an offset are read in the zone the stamps are written in.
    const core::ZoneOffset readZone = zone.value_or(core::kAlmatyTime);
    if (!a.view.empty() && !a.bbox.empty()) return fail("give either --view or --bbox, not both");
    if (story && (!a.view.empty() || !a.bbox.empty())) {
        return fail(std::string(a.view.empty() ? "--bbox" : "--view") + " cannot be combined with --story (its scenes say where to look)");
    }
    std::optional<core::GeoView> geoView;
    std::optional<core::GeoBox> geoBox;
    if (!a.view.empty()) {
        auto v = core::parseGeoView(a.view);
        if (!v) return fail("--view: " + v.error().message);
        geoView = *v;
    }
    if (!a.bbox.empty()) {
        auto b = core::parseGeoBox(a.bbox);
        if (!b) return fail("--bbox: " + b.error().message);
        geoBox = *b;
    }
    if (!a.layers.empty()) {
        auto l = core::parseLayerList(a.layers);
        if (!l) return fail("--layers: " + l.error().message);
        core::applyLayerChoice(*l, spec.mapLayers, spec.layers);
    }
    if (!a.times.empty() && !grid) return fail("--times gives the panels of a --grid; a sequence uses --from/--to/--step");
    if (a.atEvents && !a.step.empty()) return fail("--at-events replaces --step: give one or the other");
    if (a.atEvents && grid) return fail("--at-events makes a sequence; a --grid takes --times or --from/--to");
    if (grid) {
        auto g = core::parseGridShape(a.grid);
        if (!g) return fail("--grid: " + g.error().message);
        spec.grid = *g;
        if (story) return fail("--grid cannot be combined with --story");
        if (video) return fail("--grid makes one PNG image; give --out FILE.png instead of --video");
        if (!a.time.empty()) return fail("--grid takes its moments from --times or --from/--to, not --time");
        if (!a.times.empty() && (!a.from.empty() || !a.to.empty() || !a.step.empty())) {
            return fail("give the grid's moments either with --times or with --from/--to, not both");
        }
        if (a.times.empty() && (a.from.empty() || a.to.empty())) {
            return fail("--grid needs its moments: --times T1,T2,... or --from and --to (with --step, or spread evenly)");
        }
        if (!a.times.empty()) {
            auto t = core::parseTimeList(a.times, readZone);
            if (!t) return fail("--times: " + t.error().message);
            if (auto err = core::checkGridTimes(*t, *spec.grid)) return fail("--times: " + err->message);
            spec.times = *t;
        } else {
            auto f = core::parseIsoTime(a.from, readZone);
            if (!f) return fail("--from: " + f.error().message);
            auto t = core::parseIsoTime(a.to, readZone);
            if (!t) return fail("--to: " + t.error().message);
            std::optional<core::Duration> step;
            if (!a.step.empty()) {
                auto d = core::parseDuration(a.step);
                if (!d) return fail("--step: " + d.error().message);
                step = *d;
            }
            auto times = core::gridTimes(f->instant, t->instant, step, spec.grid->panels());
            if (!times) return fail(std::string(step ? "--from/--to/--step: " : "--from/--to: ") + times.error().message);
            spec.times = *times;
            if (!zone && f->offset) zone = *f->offset;
        }
    }
    if (sequence && story) return fail("--story cannot be combined with --from/--to/--step");
    if (sequence && (a.from.empty() || a.to.empty() || (a.step.empty() && !a.atEvents))) {
        return fail("a sequence needs --from, --to and --step (or --at-events)");
    }
    if (sequence && !a.time.empty()) return fail("--time is for one frame; a sequence uses --from/--to/--step");
    if (a.atEvents && !sequence) return fail("--at-events needs --from and --to");
    if (video && !sequence && !story) return fail("--video needs a sequence (--from/--to/--step) or a --story");
    if (video && !a.out.empty()) return fail("give either --video FILE or --out, not both");
    if (!video && a.out.empty()) return fail("--out: a PNG path (one frame) or a folder (sequence, story) is required");
    spec.kind = story ? (video ? core::ExportKind::StoryVideo : core::ExportKind::StorySlides)
                      : sequence ? (video ? core::ExportKind::Video : core::ExportKind::Sequence)
                                 : core::ExportKind::Image;
    if (a.timeline) spec.kind = core::ExportKind::Timeline;
    spec.out = video ? a.video : a.out;
    if ((spec.kind == core::ExportKind::Image || spec.kind == core::ExportKind::Timeline) && pngNameRefused(spec.out)) {
        std::error_code ec;
        if (std::filesystem::is_directory(spec.out, ec) || (!spec.out.empty() && spec.out.back() == '/')) {
            return fail("--out: " + spec.out + ": is a directory; one frame is written as a PNG image: give a file name "
                        "ending in .png (a folder is for --from/--to/--step or --story)");
        }
        return fail("--out: " + spec.out + ": one frame is written as a PNG image; give a file name ending in .png");
    }

    if (!a.time.empty()) {
        auto t = core::parseIsoTime(a.time, readZone);
        if (!t) return fail("--time: " + t.error().message);
        spec.time = t->instant;
        spec.zone = zone.value_or(t->offset.value_or(core::kAlmatyTime));
    }
    if (sequence) {
        auto f = core::parseIsoTime(a.from, readZone);
        if (!f) return fail("--from: " + f.error().message);
        auto t = core::parseIsoTime(a.to, readZone);
        if (!t) return fail("--to: " + t.error().message);
        spec.from = f->instant;
        spec.to = t->instant;
        if (!a.atEvents) {
            auto d = core::parseDuration(a.step);
            if (!d) return fail("--step: " + d.error().message);
            spec.step = *d;
        } else if (spec.to < spec.from) {
            return fail("--from/--to: the end of the sequence is earlier than its start");
        }
        spec.zone = zone.value_or(f->offset.value_or(core::kAlmatyTime));
    }
    if (grid || (zone && !sequence && a.time.empty())) spec.zone = zone.value_or(core::kAlmatyTime);
    if (a.timeline && !a.from.empty()) {
        auto f = core::parseIsoTime(a.from, readZone);
        if (!f) return fail("--from: " + f.error().message);
        auto t = core::parseIsoTime(a.to, readZone);
        if (!t) return fail("--to: " + t.error().message);
        if (!(f->instant < t->instant)) return fail("--from/--to: the timeline's end must be later than its start");
        spec.from = f->instant;
        spec.to = t->instant;
        spec.zone = zone.value_or(f->offset.value_or(core::kAlmatyTime));
    }
    std::optional<core::Story> storyData;
    if (story) {
        auto s = core::loadStory(a.story);
        if (!s) return fail(s.error().message);
        storyData = std::move(*s);
        spec.story = &*storyData;
    }
    if (video) {
        if (auto f = render::videoFormatFor(spec.out); !f) return fail("--video: " + f.error().message);
    }
    if (auto p = core::exportProblem(spec)) return fail(optionOf(p->field, a) + ": " + p->message);
    if (spec.kind == core::ExportKind::StoryVideo) {
        // Refused before anything is loaded or drawn.
        auto frames = core::storyVideoFrames(*spec.story, spec.fps, core::kMaxExportFrames);
        if (!frames) return fail(a.story + ": " + frames.error().message);
    }
    if (video) {
        auto ff = render::findFfmpeg();
        if (!ff) return fail(ff.error().message);
    }
    StopSignals signals;
    if (!spec.overlays.attribution && !a.quiet) {
        std::fprintf(stderr, "qantar: note: the regions' licence (CC BY 4.0) requires the map-data credit in published images\n");
    }

    // The map loads on the second core while the OpenGL context starts on this one.
    auto loading = std::async(std::launch::async, [&a] { return core::loadBaseMap(a.assets); });
    auto context = render::HeadlessContext::create();
    auto base = loading.get();
    if (!base) return fail(base.error().message);
    if (!context) return fail(context.error().message);
    std::unique_ptr<core::EventWorld> world;
    if (spec.time || sequence || story || grid || a.timeline) {
        const std::string path = a.data.empty() ? (*base)->bundledEvents() : a.data;
        auto w = core::loadEventWorld(path, (*base)->data, (*base)->projection);
        if (!w) return fail(w.error().message);
        world = std::move(*w);
    }
    if (world && !a.quiet) {
        // A moment past the data is drawn as asked, but not silently: nothing is reported there.
        const core::Interval& range = world->timeRange();
        auto outside = [&](core::Instant t, const char* option) {
            if (!(t < range.start || range.end < t)) return;
            std::fprintf(stderr, "qantar: note: %s %s is %s the data, which runs from %s to %s\n", option,
                         core::formatIso(t, spec.zone).c_str(), t < range.start ? "before" : "after",
                         core::formatIso(range.start, spec.zone).c_str(), core::formatIso(range.end, spec.zone).c_str());
        };
        if (spec.time) outside(*spec.time, "--time");
        if (sequence) {
            outside(spec.from, "--from");
            outside(spec.to, "--to");
        }
    }
    if (geoView) {
        auto v = core::resolveGeoView(*geoView, (*base)->projection);
        if (!v) return fail("--view: " + v.error().message);
        spec.view = *v;
    }
    if (geoBox) {
        auto box = core::projectGeoBox(*geoBox, (*base)->projection);
        if (!box) return fail("--bbox: " + box.error().message);
        core::ExportView v;
        v.center = core::MapXY{(box->minX + box->maxX) * 0.5, (box->minY + box->maxY) * 0.5};
        v.spanMeters = box->maxY - box->minY;
        v.fit = *box;
        spec.view = v;
    }
    if (a.atEvents) {
        spec.times = core::eventMoments(*world, spec.from, spec.to, spec.layers);
        if (spec.times.empty()) {
            return fail("--at-events: no event of the layers shown starts or ends between " +
                        core::formatIso(spec.from, spec.zone) + " and " + core::formatIso(spec.to, spec.zone));
        }
        if (!a.quiet) {
            std::fprintf(stderr, "qantar: %zu moments at which events start or end\n", spec.times.size());
        }
    }
    if (signals.received()) return stopped(signals.received(), nullptr);
    auto renderer = render::ExportRenderer::create((*base)->scene, (*base)->projection, world.get(), {},
                                                  (*base)->glyphCache);
    if (!renderer) return fail(renderer.error().message);
    core::releaseMeshes((*base)->scene);  // the renderer draws from the uploaded geometry

    auto run = render::ExportRun::start(spec, **renderer);
    if (!run) return fail(run.error().message);
    Progress progress(a.quiet);
    while (!(*run)->finished()) {
        if (signals.received()) return stopped(signals.received(), run->get());
        if (auto err = (*run)->step()) return fail(err->message);
        progress.step(**run);
    }
    return 0;
}

}  // namespace qantar::app
