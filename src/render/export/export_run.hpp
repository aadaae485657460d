#pragma once
// One export from start to finish, frame by frame: an image, a sequence of PNGs, a video, a
// story's slides or its video. The command line steps it in a loop printing progress; the window
// steps it once per frame of its own, so its progress bar moves and Cancel works. Everything is
// checked and the output prepared before the first frame is drawn.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/export/export_spec.hpp"
#include "core/io/error.hpp"
#include "core/story/story_plan.hpp"
#include "render/export/export_renderer.hpp"
#include "render/export/png_writer_pool.hpp"
#include "render/export/video_encoder.hpp"

namespace qantar::render {

class ExportRun {
public:
    // Checks `spec` and prepares its output (the folder, the video encoder); `renderer` (and the
    // story the spec points to) must outlive the run. `out` is made absolute against the
    // working folder, so every message names the full path.
    static core::Expected<std::unique_ptr<ExportRun>> start(const core::ExportSpec& spec, ExportRenderer& renderer);
    ~ExportRun();
    ExportRun(const ExportRun&) = delete;
    ExportRun& operator=(const ExportRun&) = delete;

    // Draws and writes the next frame. An error ends the run (a partial video is removed).
    core::Status step();
    // Stops early: a partial video is removed (the previous video stays); PNGs already written
    // stay; a folder the run created and left empty is removed.
    void cancel();
    bool finished() const { return m_done == m_total || m_failed; }
    std::size_t done() const { return m_done; }
    std::size_t total() const { return m_total; }
    double elapsedSeconds() const;
    // Seconds left at the pace so far (0 before the first frame).
    double etaSeconds() const;
    // The absolute path written: the file, or the folder of numbered frames.
    const std::string& outPath() const { return m_spec.out; }
    const core::ExportSpec& spec() const { return m_spec; }
    // "Wrote /home/me/qantar-export.png (1 frame, 0.4 s)."
    std::string summary() const;

private:
    ExportRun(const core::ExportSpec& spec, ExportRenderer& renderer) : m_spec(spec), m_renderer(renderer) {}
    // The frame `index` of the run: the spec with its moment, view, layers and caption for it.
    core::ExportSpec frameSpec(std::size_t index) const;
    core::Status finishOutput();

    core::ExportSpec m_spec;
    ExportRenderer& m_renderer;
    std::optional<core::StoryPlan> m_plan;
    int m_firstScene = 0;
    std::size_t m_done = 0, m_total = 0;
    bool m_failed = false;
    std::optional<VideoEncoder> m_encoder;
    std::unique_ptr<PngWriterPool> m_pngs;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    double m_finishedSeconds = -1.0;
    // Folders the run created for its frames: removed again if the run fails while they are empty.
    std::vector<std::string> m_createdFolders;
};

}  // namespace qantar::render
