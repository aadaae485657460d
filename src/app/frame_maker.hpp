#pragma once
// Produces finished export frames — map, events, overlays — at any size, for the CLI and the
// GUI's export dialog alike. Holds no window: give it a current GL context.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/events/event_world.hpp"
#include "core/events/layers.hpp"
#include "core/map/map_scene.hpp"
#include "core/geo/projection.hpp"
#include "core/story/story.hpp"
#include "render/base_cache.hpp"
#include "render/event_overlay.hpp"
#include "render/image.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"
#include "render/painter.hpp"

namespace qantar::app {

// Which pieces of furniture to burn in.
struct OverlaySet {
    bool title = false, time = true, legend = true, scale = true, north = true, attribution = true;
};
// "title,time,legend,scale,north,attribution", "all", "none" or "auto" (everything but the title,
// which appears when a title is given). BadArgument naming the unknown word otherwise.
core::Expected<OverlaySet> parseOverlaySet(const std::string& text, bool haveTitle);

struct FrameSpec {
    int widthPx = 1920, heightPx = 1080;
    core::ThemeId theme = core::ThemeId::Dark;
    bool transparent = false;
    std::optional<core::Camera> camera;      // default: Kazakhstan fitted
    std::optional<core::Instant> time;       // none: the map without events
    core::ZoneOffset zone = core::kAlmatyTime;
    core::EventLayerSettings layers;
    OverlaySet overlays;
    std::string title, subtitle;
    const core::Scene* scene = nullptr;      // a story scene's caption to burn in
};

// Renderers a FrameMaker may borrow instead of making its own: the window's, when it shares the
// window's GL context, so the map geometry is not uploaded twice (and the window may free its
// copy of the meshes once they are uploaded).
struct SharedRenderers {
    render::MapRenderer* map = nullptr;
    render::EventOverlay* events = nullptr;
};

class FrameMaker {
public:
    // Needs a current OpenGL 3.3 context; `world` may be null (map only). With `shared`, draws
    // with those renderers (which must outlive the maker) and needs no meshes in `scene`.
    static core::Expected<std::unique_ptr<FrameMaker>> create(const core::MapScene& scene,
                                                              const core::Projection& projection,
                                                              const core::EventWorld* world,
                                                              SharedRenderers shared = {});
    core::Expected<render::Image> make(const FrameSpec& spec);
    // The default camera for an image of this size.
    core::Camera defaultCamera(int widthPx, int heightPx) const;
    // A story view as a camera for an image of this size (the span is the view's height).
    static core::Camera cameraFor(const core::MapXY& center, double spanMeters, int widthPx, int heightPx);

private:
    FrameMaker() = default;
    const core::MapScene* m_scene = nullptr;
    const core::Projection* m_projection = nullptr;
    const core::EventWorld* m_world = nullptr;
    std::unique_ptr<render::MapRenderer> m_ownMap;
    std::unique_ptr<render::EventOverlay> m_ownEvents;
    render::MapRenderer* m_map = nullptr;  // m_ownMap's, or borrowed
    render::EventOverlay* m_events = nullptr;
    std::unique_ptr<render::Painter> m_painter;
    std::optional<render::OffscreenTarget> m_target;
    render::BaseCache m_base;

public:
    // How many times the base map was drawn so far (a fixed-view sequence draws it once).
    int baseDraws() const { return m_base.draws; }
};

}  // namespace qantar::app
