#pragma once
// Renders one frame of an export — the composed map with its events, then the furniture (title,
// date-time and counters, legend, scale bar, north arrow, credits, a story caption) — at exactly
// the size asked, with no window. The command line, the window's export dialog and the tests all
// render through it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/events/event_filter.hpp"
#include "core/events/event_world.hpp"
#include "core/export/export_spec.hpp"
#include "core/events/legend.hpp"
#include "core/geo/projection.hpp"
#include "core/map/overlay_layout.hpp"
#include "core/map/map_scene.hpp"
#include "render/compositor.hpp"
#include "render/event_overlay.hpp"
#include "render/image.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"
#include "render/painter.hpp"

namespace qantar::render {

// Renderers an ExportRenderer may borrow instead of making its own: the window's, when it shares
// the window's GL context, so the map geometry is not uploaded twice (and the window may free its
// copy of the meshes once they are uploaded).
struct SharedRenderers {
    MapRenderer* map = nullptr;
    EventOverlay* events = nullptr;
};

class ExportRenderer {
public:
    // Needs a current OpenGL 3.3 context; `world` may be null (the map only). With `shared`,
    // draws with those renderers (which must outlive this one) and needs no meshes in `scene`.
    static core::Expected<std::unique_ptr<ExportRenderer>> create(const core::MapScene& scene,
                                                                  const core::Projection& projection,
                                                                  const core::EventWorld* world,
                                                                  SharedRenderers shared = {},
                                                                  const core::MapCachePaths& glyphCache = {});
    // The frame `spec` describes (its kind is ignored: one frame at spec.time, spec.view, with
    // spec.caption's scene burned in when set).
    core::Expected<Image> render(const core::ExportSpec& spec);
    // The dataset changed (opened, imported): later frames use this one.
    void setWorld(const core::EventWorld* world);

    const core::MapScene& scene() const { return *m_scene; }
    const core::Projection& projection() const { return *m_projection; }
    const core::EventWorld* world() const { return m_world; }
    // Where the last map frame's furniture went (title box, legend, credits, ...).
    const core::OverlayPlan& lastOverlayPlan() const { return m_lastPlan; }
    // The camera of the last map frame (the framing may have made room for the title box).
    const core::Camera& lastCamera() const { return m_lastCamera; }
    // How many times the base map was drawn so far (a fixed-view sequence draws it once).
    int baseDraws() const { return m_compositor ? m_compositor->baseDraws() : 0; }

private:
    ExportRenderer() = default;
    const std::vector<std::uint8_t>* maskFor(const core::EventFilter& filter);
    // Composes `spec`'s frame with its furniture into the compositor's frame (resolved), at this
    // text and line scale, keeping the signs over the map clear of `reserved` as well.
    core::Status drawFrame(const core::ExportSpec& spec, float pixelScale, const std::vector<core::ScreenRect>& reserved);
    // A figure of small multiples (render/export/figure.cpp): each panel drawn by drawFrame, then
    // copied into its place in one image with the shared title, legend and credits.
    core::Expected<Image> renderGrid(const core::ExportSpec& spec);
    // What a frame of `spec` explains in its legend, and the credits every export prints.
    std::vector<core::LegendEntry> legendFor(const core::ExportSpec& spec) const;

    const core::MapScene* m_scene = nullptr;
    const core::Projection* m_projection = nullptr;
    const core::EventWorld* m_world = nullptr;
    std::unique_ptr<MapRenderer> m_ownMap;
    std::unique_ptr<EventOverlay> m_ownEvents;
    MapRenderer* m_map = nullptr;  // m_ownMap's, or borrowed
    EventOverlay* m_events = nullptr;
    std::unique_ptr<Painter> m_painter;
    std::unique_ptr<Compositor> m_compositor;
    std::uint64_t m_frames = 0;
    std::optional<OffscreenTarget> m_figure;  // a grid's whole image
    // The mask of the last filter asked for, kept while the filter and the dataset stay.
    std::optional<core::EventFilter> m_maskFilter;
    std::vector<std::uint8_t> m_mask;
    core::OverlayPlan m_lastPlan;
    core::Camera m_lastCamera;
};

}  // namespace qantar::render
