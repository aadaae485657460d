#include "render/export/export_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

namespace qantar::render {

namespace {

namespace fs = std::filesystem;

// Creates `dir` and any missing parents; `created` gets the folders made, deepest first, so a
// failed export can remove them again.
core::Status ensureDirectory(const std::string& dir, std::vector<std::string>& created) {
    std::error_code ec;
    for (fs::path p = fs::path(dir).lexically_normal(); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        created.push_back(p.string());
        if (p == p.parent_path()) break;
    }
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) {
        return core::Error{core::ErrorKind::FileUnwritable,
                           dir + ": cannot create the output folder (" + (ec ? ec.message() : "not a folder") + ")"};
    }
    if (::access(dir.c_str(), W_OK) != 0) return core::Error{core::ErrorKind::FileUnwritable, dir + ": cannot write there"};
    return std::nullopt;
}

// Removes the folders an export created if they are still empty (rmdir refuses otherwise).
void removeEmptyFolders(std::vector<std::string>& created) {
    for (const auto& d : created) ::rmdir(d.c_str());
    created.clear();
}

std::string absolute(const std::string& path) {
    std::error_code ec;
    const fs::path p = fs::absolute(path, ec);
    return ec ? path : p.lexically_normal().string();
}

}  // namespace

core::Expected<std::unique_ptr<ExportRun>> ExportRun::start(const core::ExportSpec& spec, ExportRenderer& renderer) {
    if (auto err = core::checkExportSpec(spec)) return *err;
    std::unique_ptr<ExportRun> run(new ExportRun(spec, renderer));
    core::ExportSpec& s = run->m_spec;
    s.out = absolute(s.out);
    const bool story = s.kind == core::ExportKind::StorySlides || s.kind == core::ExportKind::StoryVideo;
    if (story) {
        // Stories start from the default view at the first scene's moment.
        core::StoryView initial;
        core::ExportSpec first = s;
        first.view.reset();
        const core::Camera def = core::exportCamera(first, renderer.scene());
        initial.center = def.center();
        initial.spanMeters = def.metersPerPixel() * s.heightPx;
        initial.time = s.story->scenes.front().start;
        run->m_plan.emplace(*s.story, renderer.projection(), initial);
    }
    switch (s.kind) {
        case core::ExportKind::StoryVideo: {
            auto frames = core::storyVideoFrames(*s.story, s.fps, core::kMaxExportFrames);
            if (!frames) return frames.error();
            if (*frames == 0) return core::Error{core::ErrorKind::BadArgument, "the story video would have no frames"};
            run->m_total = *frames;
            break;
        }
        case core::ExportKind::StorySlides:
            run->m_firstScene = s.scene > 0 ? s.scene - 1 : 0;
            run->m_total = core::frameCount(s);
            break;
        default: run->m_total = core::frameCount(s); break;
    }
    if (core::writesVideo(s.kind)) {
        if (auto err = checkWritable(s.out)) return *err;
        auto e = VideoEncoder::open(s.out, s.widthPx, s.heightPx, s.fps);
        if (!e) return e.error();
        run->m_encoder.emplace(std::move(*e));
    } else if (core::writesFolder(s.kind)) {
        if (auto err = ensureDirectory(s.out, run->m_createdFolders)) {
            removeEmptyFolders(run->m_createdFolders);
            return *err;
        }
        // PNGs are compressed on worker threads (one per core) while the next frame renders.
        run->m_pngs = std::make_unique<PngWriterPool>(std::max(1u, std::thread::hardware_concurrency()), 3);
    } else if (auto err = checkWritable(s.out)) {
        return *err;
    }
    return run;
}

ExportRun::~ExportRun() {
    if (!finished()) cancel();
}

core::ExportSpec ExportRun::frameSpec(std::size_t index) const {
    core::ExportSpec f = m_spec;
    auto showScene = [&](int k, const core::StoryView& view) {
        const core::Scene& scene = m_spec.story->scenes[static_cast<std::size_t>(k)];
        f.view = core::ExportView{view.center, view.spanMeters};
        f.time = view.time;
        f.zone = scene.zone;
        // Layer switches accumulate from scene to scene, as they do when presenting.
        f.layers = core::sceneLayers(*m_spec.story, k, m_spec.layers);
        f.caption = &scene;
    };
    switch (m_spec.kind) {
        case core::ExportKind::Image:
        case core::ExportKind::Timeline: break;
        case core::ExportKind::Sequence:
        case core::ExportKind::Video: f.time = core::sequenceTime(m_spec, index); break;
        case core::ExportKind::StorySlides: {
            // A scene's still: its view at its last moment (what it builds up to, still inside it).
            const int k = m_firstScene + static_cast<int>(index);
            showScene(k, m_plan->sceneEnd(k));
            break;
        }
        case core::ExportKind::StoryVideo: {
            const auto [k, view] = m_plan->viewAt(static_cast<double>(index) / m_spec.fps);
            showScene(k, view);
            break;
        }
    }
    return f;
}

core::Status ExportRun::step() {
    if (finished()) return std::nullopt;
    auto fail = [&](core::Error e) -> core::Status {
        m_failed = true;
        if (m_encoder) {
            m_encoder->abort();
            m_encoder.reset();
        }
        if (m_pngs) (void)m_pngs->finish();
        removeEmptyFolders(m_createdFolders);
        return e;
    };
    auto img = m_renderer.render(frameSpec(m_done));
    if (!img) return fail(img.error());
    core::Status err;
    if (m_encoder) {
        err = m_encoder->write(*img);
    } else if (m_pngs) {
        const std::size_t index = m_spec.kind == core::ExportKind::StorySlides ? m_firstScene + m_done : m_done;
        const std::size_t total = m_spec.kind == core::ExportKind::StorySlides ? m_spec.story->scenes.size() : m_total;
        err = m_pngs->write(std::move(*img), m_spec.out + "/" + core::frameFileName(m_spec.kind, index, total));
    } else {
        err = writePng(*img, m_spec.out);
    }
    if (err) return fail(*err);
    ++m_done;
    if (m_done == m_total) {
        if (auto e = finishOutput()) return fail(*e);
        m_finishedSeconds = elapsedSeconds();
        m_createdFolders.clear();
    }
    return std::nullopt;
}

core::Status ExportRun::finishOutput() {
    if (m_encoder) {
        auto e = m_encoder->finish();
        m_encoder.reset();
        if (e) return e;
    }
    if (m_pngs) return m_pngs->finish();
    return std::nullopt;
}

void ExportRun::cancel() {
    if (m_encoder) {
        m_encoder->abort();
        m_encoder.reset();
    }
    if (m_pngs) (void)m_pngs->finish();
    removeEmptyFolders(m_createdFolders);
    m_failed = true;
}

double ExportRun::elapsedSeconds() const {
    if (m_finishedSeconds >= 0.0) return m_finishedSeconds;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
}

double ExportRun::etaSeconds() const {
    if (m_done == 0) return 0.0;
    return elapsedSeconds() / static_cast<double>(m_done) * static_cast<double>(m_total - m_done);
}

std::string ExportRun::summary() const {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f s", elapsedSeconds());
    return "Wrote " + m_spec.out + (core::writesFolder(m_spec.kind) ? "/" : "") + " (" + std::to_string(m_done) +
           (m_done == 1 ? " frame, " : " frames, ") + seconds + ").";
}

}  // namespace qantar::render
