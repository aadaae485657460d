#include "app/gui_exporter.hpp"

#include <filesystem>

#include "render/gl.hpp"
#include "render/image.hpp"

namespace qantar::app {

void GuiExporter::finish(ui::ExportJob& job, const std::string& message) {
    job.running = false;
    job.cancelRequested = false;
    job.message = message;
    if (m_encoder) {
        m_encoder->abort();
        m_encoder.reset();
    }
}

void GuiExporter::step(ui::AppState& state) {
    ui::ExportJob& job = state.exportJob;
    const ui::ExportRequest& r = job.request;
    if (job.requested) {
        job.requested = false;
        if (!m_maker) {
            auto m = FrameMaker::create(m_scene, m_projection, m_world, m_shared);
            if (!m) {
                job.message = m.error().message;
                return;
            }
            m_maker = std::move(*m);
        }
        m_spec = FrameSpec{};
        m_spec.widthPx = r.widthPx;
        m_spec.heightPx = r.heightPx;
        m_spec.theme = r.theme;
        m_spec.transparent = r.transparent;
        m_spec.title = r.title;
        m_spec.subtitle = r.subtitle;
        m_spec.overlays = OverlaySet{r.overlayTitle && !r.title.empty(), r.overlayTime, r.overlayLegend,
                                     r.overlayScale, r.overlayNorth, r.overlayAttribution};
        m_spec.layers = state.eventLayers;
        m_spec.zone = state.displayZone;
        if (r.useCurrentView) {
            // The window's view, at the export's size: same centre, same height of map shown.
            const double span = state.camera.metersPerPixel() * std::max(1.0f, state.mapH);
            m_spec.camera = FrameMaker::cameraFor(state.camera.center(), span, r.widthPx, r.heightPx);
        }
        job.done = 0;
        job.total = r.kind == ui::ExportKind::Image
                        ? 1
                        : static_cast<std::size_t>((r.to - r.from).seconds / r.step.seconds + 1);
        if (r.kind == ui::ExportKind::Video) {
            auto e = VideoEncoder::open(r.path, r.widthPx, r.heightPx, r.fps);
            if (!e) {
                job.message = e.error().message;
                return;
            }
            m_encoder.emplace(std::move(*e));
        } else if (r.kind == ui::ExportKind::Sequence) {
            std::error_code ec;
            std::filesystem::create_directories(r.path, ec);
            if (ec) {
                job.message = r.path + ": cannot create the directory (" + ec.message() + ")";
                return;
            }
        }
        job.running = true;
        m_started = std::chrono::steady_clock::now();
    }
    if (!job.running) return;
    if (job.cancelRequested) {
        finish(job, "Cancelled after " + std::to_string(job.done) + " of " + std::to_string(job.total) + " frames" +
                        (r.kind == ui::ExportKind::Video ? " (the partial video was removed)." : "."));
        return;
    }
    m_spec.time = r.kind == ui::ExportKind::Image ? r.time
                                                   : r.from + core::Duration{r.step.seconds * static_cast<std::int64_t>(job.done)};
    auto img = m_maker->make(m_spec);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!img) {
        finish(job, img.error().message);
        return;
    }
    core::Status err;
    if (r.kind == ui::ExportKind::Image) {
        err = render::writePng(*img, r.path);
    } else if (r.kind == ui::ExportKind::Sequence) {
        std::string digits = std::to_string(job.done + 1);
        digits.insert(0, digits.size() < 4 ? 4 - digits.size() : 0, '0');
        err = render::writePng(*img, r.path + "/frame_" + digits + ".png");
    } else {
        err = m_encoder->write(*img);
    }
    if (err) {
        finish(job, err->message);
        return;
    }
    ++job.done;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    job.etaSeconds = elapsed / static_cast<double>(job.done) * static_cast<double>(job.total - job.done);
    if (job.done == job.total) {
        if (m_encoder) {
            if (auto e = m_encoder->finish()) {
                m_encoder.reset();
                finish(job, e->message);
                return;
            }
            m_encoder.reset();
        }
        finish(job, "Wrote " + r.path + " (" + std::to_string(job.total) + (job.total == 1 ? " frame, " : " frames, ") +
                        std::to_string(static_cast<int>(elapsed * 10) / 10.0).substr(0, 4) + " s).");
    }
}

}  // namespace qantar::app
