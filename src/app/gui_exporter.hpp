#pragma once
// Runs the export dialog's job inside the GUI, one frame per UI frame, so the window keeps
// drawing its progress bar and Cancel works. Uses the window's OpenGL context.
#include <chrono>
#include <memory>
#include <optional>

#include "app/frame_maker.hpp"
#include "app/video_encoder.hpp"
#include "ui/app_state.hpp"

namespace qantar::app {

class GuiExporter {
public:
    // Draws with the window's renderers (`shared`), which must outlive the exporter.
    GuiExporter(const core::MapScene& scene, const core::Projection& projection, const core::EventWorld* world,
                SharedRenderers shared)
        : m_scene(scene), m_projection(projection), m_world(world), m_shared(shared) {}
    // Starts a requested job and renders its next frame; call once per UI frame.
    void step(ui::AppState& state);
    // The dataset changed (opened or imported): later exports use the new one.
    void setWorld(const core::EventWorld* world) {
        m_world = world;
        m_maker.reset();
    }

private:
    void finish(ui::ExportJob& job, const std::string& message);

    const core::MapScene& m_scene;
    const core::Projection& m_projection;
    const core::EventWorld* m_world;
    SharedRenderers m_shared;
    std::unique_ptr<FrameMaker> m_maker;
    std::optional<VideoEncoder> m_encoder;
    FrameSpec m_spec;
    std::chrono::steady_clock::time_point m_started;
};

}  // namespace qantar::app
