// `qantar export`: one frame, a sequence of PNGs, a video, or a story's scenes — rendered
// offscreen with no display server.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <future>
#include <thread>
#include <memory>
#include <optional>

#include "app/cli.hpp"
#include "app/frame_maker.hpp"
#include "app/png_writer_pool.hpp"
#include "app/video_encoder.hpp"
#include "core/map/base_map.hpp"
#include "core/events/event_world.hpp"
#include "core/map/map_data.hpp"
#include "core/map/map_scene.hpp"
#include "core/geo/projection.hpp"
#include "core/story/story.hpp"
#include "core/story/story_plan.hpp"
#include "render/headless_context.hpp"
#include "render/image.hpp"
#include "render/snapshot.hpp"

namespace qantar::app {

namespace {

namespace fs = std::filesystem;

int fail(const std::string& message) {
    std::fprintf(stderr, "qantar: %s\n", message.c_str());
    return 1;
}

// Progress with an ETA on stderr: one updating line on a terminal, a line per 10% otherwise.
class Progress {
public:
    Progress(std::size_t total, bool quiet) : m_total(total), m_quiet(quiet), m_tty(::isatty(2) != 0) {}
    void step(std::size_t done) {
        if (m_quiet || m_total == 0) return;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        const double eta = done > 0 ? elapsed / static_cast<double>(done) * static_cast<double>(m_total - done) : 0.0;
        const int pct = static_cast<int>(100 * done / m_total);
        if (m_tty) {
            std::fprintf(stderr, "\rframe %zu/%zu (%d%%), %.1f s elapsed, about %.1f s left   ", done, m_total, pct, elapsed, eta);
            if (done == m_total) std::fprintf(stderr, "\n");
        } else if (pct / 10 != m_lastDecile || done == m_total) {
            m_lastDecile = pct / 10;
            std::fprintf(stderr, "frame %zu/%zu (%d%%), %.1f s elapsed, about %.1f s left\n", done, m_total, pct, elapsed, eta);
        }
    }

private:
    std::size_t m_total;
    bool m_quiet, m_tty;
    int m_lastDecile = -1;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

core::Status ensureDirectory(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) {
        return core::Error{core::ErrorKind::FileUnwritable, dir + ": cannot create the output directory (" + ec.message() + ")"};
    }
    if (::access(dir.c_str(), W_OK) != 0) return core::Error{core::ErrorKind::FileUnwritable, dir + ": cannot write there"};
    return std::nullopt;
}

std::string numbered(const std::string& dir, const char* stem, std::size_t n, std::size_t total) {
    const std::size_t width = std::max<std::size_t>(4, std::to_string(total).size());
    std::string digits = std::to_string(n);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return dir + "/" + stem + "_" + digits + ".png";
}

}  // namespace

int runExport(const ExportOptions& o) {
    // Everything is checked before any loading or rendering.
    int width = 1920, height = 1080;
    std::string message;
    if (!o.preset.empty()) {
        bool found = false;
        for (const auto& p : exportPresets()) {
            if (o.preset == p.name) {
                width = p.width;
                height = p.height;
                found = true;
            }
        }
        if (!found) {
            std::string names;
            for (const auto& p : exportPresets()) names += std::string(names.empty() ? "" : ", ") + p.name;
            return fail("--preset: unknown preset '" + o.preset + "' (" + names + ")");
        }
    }
    if (!o.size.empty() && !parseSize(o.size, width, height, message)) return fail(message);
    auto theme = core::parseThemeName(o.theme);
    if (!theme) return fail("--" + theme.error().message);
    auto overlays = parseOverlaySet(o.overlays, !o.title.empty());
    if (!overlays) return fail(overlays.error().message);
    if (o.fps < 1 || o.fps > 60) return fail("--fps: expected 1 to 60 frames per second, got " + std::to_string(o.fps));

    const bool sequence = !o.from.empty() || !o.to.empty() || !o.step.empty();
    const bool story = !o.story.empty();
    const bool video = !o.video.empty();
    if (sequence && story) return fail("--story cannot be combined with --from/--to/--step");
    if (sequence && (o.from.empty() || o.to.empty() || o.step.empty())) return fail("a sequence needs --from, --to and --step");
    if (sequence && !o.time.empty()) return fail("--time is for one frame; a sequence uses --from/--to/--step");
    if (video && !sequence && !story) return fail("--video needs a sequence (--from/--to/--step) or a --story");
    if (video && !o.out.empty()) return fail("give either --video FILE or --out, not both");
    if (!video && o.out.empty()) return fail("--out: a PNG path (one frame) or a directory (sequence, story) is required");
    if (o.scene < 0) return fail("--scene: scene numbers start at 1");

    std::optional<core::ParsedTime> at, from, to;
    std::optional<core::Duration> step;
    if (!o.time.empty()) {
        auto t = core::parseIsoTime(o.time, core::kAlmatyTime);
        if (!t) return fail("--time: " + t.error().message);
        at = *t;
    }
    if (sequence) {
        auto f = core::parseIsoTime(o.from, core::kAlmatyTime);
        if (!f) return fail("--from: " + f.error().message);
        auto t = core::parseIsoTime(o.to, core::kAlmatyTime);
        if (!t) return fail("--to: " + t.error().message);
        auto d = core::parseDuration(o.step);
        if (!d) return fail("--step: " + d.error().message);
        if (t->instant < f->instant) return fail("--to is earlier than --from");
        from = *f;
        to = *t;
        step = *d;
        const auto frames = (to->instant - from->instant).seconds / step->seconds + 1;
        if (frames > 100000) return fail("the sequence would have " + std::to_string(frames) + " frames; use a longer --step");
    }
    if (video) {
        auto f = videoFormatFor(o.video);
        if (!f) return fail(f.error().message);
        if (auto err = render::checkWritable(o.video)) return fail(err->message);
        auto ff = findFfmpeg();
        if (!ff) return fail(ff.error().message);
    } else if (sequence || story) {
        if (auto err = ensureDirectory(o.out)) return fail(err->message);
    } else if (auto err = render::checkWritable(o.out)) {
        return fail(err->message);
    }
    std::optional<core::Story> storyData;
    if (story) {
        auto s = core::loadStory(o.story);
        if (!s) return fail(s.error().message);
        storyData = std::move(*s);
        if (o.scene > static_cast<int>(storyData->scenes.size())) {
            return fail("--scene: the story has " + std::to_string(storyData->scenes.size()) + " scenes");
        }
    }

    // The map loads on the second core while the OpenGL context starts on this one.
    auto loading = std::async(std::launch::async, [&o] { return core::loadBaseMap(o.assets); });
    auto context = render::HeadlessContext::create();
    auto base = loading.get();
    if (!base) return fail(base.error().message);
    if (!context) return fail(context.error().message);
    const core::Projection* projection = &(*base)->projection;
    core::MapScene* scene = &(*base)->scene;
    std::unique_ptr<core::EventWorld> world;
    if (at || sequence || story) {
        const std::string path = o.data.empty() ? (*base)->bundledEvents() : o.data;
        auto w = core::loadEventWorld(path, (*base)->data, *projection);
        if (!w) return fail(w.error().message);
        world = std::move(*w);
    }
    auto maker = FrameMaker::create(*scene, *projection, world.get());
    if (!maker) return fail(maker.error().message);
    core::releaseMeshes(*scene);  // the maker draws from the uploaded geometry

    FrameSpec spec;
    spec.widthPx = width;
    spec.heightPx = height;
    spec.theme = *theme;
    spec.transparent = o.transparent;
    spec.overlays = *overlays;
    spec.title = o.title;
    spec.subtitle = o.subtitle;
    if (!overlays->attribution && !o.quiet) {
        std::fprintf(stderr, "qantar: note: the regions' licence (CC BY 4.0) requires the map-data credit in published images\n");
    }

    // One frame.
    if (!sequence && !story) {
        if (at) {
            spec.time = at->instant;
            spec.zone = at->offset.value_or(core::kAlmatyTime);
        }
        auto img = (*maker)->make(spec);
        if (!img) return fail(img.error().message);
        if (auto err = render::writePng(*img, o.out)) return fail(err->message);
        return 0;
    }

    std::optional<VideoEncoder> encoder;
    if (video) {
        auto e = VideoEncoder::open(o.video, width, height, o.fps);
        if (!e) return fail(e.error().message);
        encoder.emplace(std::move(*e));
    }
    // PNGs are compressed on worker threads (one per core) while the next frame renders.
    PngWriterPool pngs(std::max(1u, std::thread::hardware_concurrency()), 3);
    auto emit = [&](render::Image& img, const std::string& pngPath) -> core::Status {
        if (encoder) return encoder->write(img);
        return pngs.write(std::move(img), pngPath);
    };

    if (sequence) {
        spec.zone = from->offset.value_or(core::kAlmatyTime);
        const auto total = static_cast<std::size_t>((to->instant - from->instant).seconds / step->seconds + 1);
        Progress progress(total, o.quiet);
        for (std::size_t i = 0; i < total; ++i) {
            spec.time = from->instant + core::Duration{step->seconds * static_cast<std::int64_t>(i)};
            auto img = (*maker)->make(spec);
            if (!img) return fail(img.error().message);
            if (auto err = emit(*img, numbered(o.out, "frame", i + 1, total))) return fail(err->message);
            progress.step(i + 1);
        }
    } else {
        // Stories: the plan starts from the default view at the first scene's time.
        core::StoryView initial;
        const core::Camera def = (*maker)->defaultCamera(width, height);
        initial.center = def.center();
        initial.spanMeters = def.metersPerPixel() * height;
        initial.time = storyData->scenes.front().start;
        const core::StoryPlan plan(*storyData, *projection, initial);
        auto applyLayers = [&](int sceneIndex) {
            core::EventLayerSettings layers;
            // Layer switches accumulate from scene to scene, as they do when presenting.
            for (int k = 0; k <= sceneIndex; ++k) {
                for (std::size_t l = 0; l < layers.on.size(); ++l) {
                    const auto& v = storyData->scenes[static_cast<std::size_t>(k)].layers[l];
                    if (v) layers.on[l] = *v;
                }
            }
            return layers;
        };
        // Frame settings for scene `k` seen as `view`.
        auto showScene = [&](int k, const core::StoryView& view) {
            const core::Scene& s = storyData->scenes[static_cast<std::size_t>(k)];
            spec.camera = FrameMaker::cameraFor(view.center, view.spanMeters, width, height);
            spec.time = view.time;
            spec.zone = s.zone;
            spec.layers = applyLayers(k);
            spec.scene = &s;
        };
        if (video) {
            const auto total = static_cast<std::size_t>(std::ceil(plan.totalSeconds() * o.fps));
            Progress progress(total, o.quiet);
            for (std::size_t i = 0; i < total; ++i) {
                const auto [sceneIndex, view] = plan.viewAt(static_cast<double>(i) / o.fps);
                showScene(sceneIndex, view);
                auto img = (*maker)->make(spec);
                if (!img) return fail(img.error().message);
                if (auto err = emit(*img, "")) return fail(err->message);
                progress.step(i + 1);
            }
        } else {
            const int first = o.scene > 0 ? o.scene - 1 : 0;
            const int last = o.scene > 0 ? o.scene - 1 : plan.sceneCount() - 1;
            Progress progress(static_cast<std::size_t>(last - first + 1), o.quiet);
            for (int k = first; k <= last; ++k) {
                // A scene's still: its view, at the end of its range (what it builds up to).
                showScene(k, plan.sceneEnd(k));
                auto img = (*maker)->make(spec);
                if (!img) return fail(img.error().message);
                char name[32];
                std::snprintf(name, sizeof name, "/scene_%02d.png", k + 1);
                if (auto err = render::writePng(*img, o.out + name)) return fail(err->message);
                progress.step(static_cast<std::size_t>(k - first + 1));
            }
        }
    }
    if (encoder) {
        if (auto err = encoder->finish()) return fail(err->message);
    }
    if (auto err = pngs.finish()) return fail(err->message);
    return 0;
}

}  // namespace qantar::app
