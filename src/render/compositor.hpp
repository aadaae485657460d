#pragma once
// The one compositor of map frames, for the window and for exports alike: the base map (fills,
// lines, borders), the shaded areas over it, the night, then the event symbols and the labels. Each layer
// is redrawn only when what it depends on changed: a playing clock redraws the symbols, a fade
// the areas, a pan the base. The window asks for a quick draft base while the view moves and a
// multisampled one once it settles; exports always get the multisampled one. A draft of a view
// moved by a pan reuses the base already drawn, as tile maps do: shifted by whole pixels, with
// only the strips the pan uncovered drawn (single-sampled); the labels, symbols and night go on
// top at the exact view as always, and the settled view is drawn again in full.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/events/layers.hpp"
#include "core/geo/camera.hpp"
#include "core/io/error.hpp"
#include "core/geo/projection.hpp"
#include "core/story/annotation.hpp"
#include "render/annotation_overlay.hpp"
#include "render/base_cache.hpp"
#include "render/event_overlay.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"

namespace qantar::render {

struct CompositeRequest {
    core::Camera camera;                        // its viewport is the frame's size in pixels
    FrameOptions options;
    const core::FrameLayers* events = nullptr;  // null: the map alone
    // Identifies what `events` holds (the dataset loaded, the moment, the layer settings, the
    // filter): the symbols are redrawn only when it changes, so it must change whenever they would.
    std::uint64_t eventsKey = 0;
    bool draft = false;                         // a moving view: the base reused or single-sampled, quickly
    // Where the event symbols go (the layout of events->marks for this camera and pixel scale, with
    // the window's pointer spread and selection); null: laid out with neither, as in an export.
    // eventsKey must change whenever it does.
    const core::SymbolLayout* symbols = nullptr;
    // Parts of the frame that panels will cover (pixels): the signs over the map keep clear of them.
    std::vector<core::ScreenRect> reserved;
    // The moment shown: the night side of the terminator is shaded for it (none: no night).
    std::optional<core::Instant> time;
    // A story's annotations to draw over everything else on the map (core::annotationsShown), with
    // the projection that places them; empty: none. annotationsKey (core::annotationsKey) must
    // change whenever they do.
    std::vector<const core::Annotation*> annotations;
    const core::Projection* projection = nullptr;
    std::uint64_t annotationsKey = 0;
};

class Compositor {
public:
    // Draws with these renderers (borrowed; they outlive the compositor). `events` may be null
    // (the map only). `samples`: multisampling of the settled base (1 = off).
    Compositor(MapRenderer& map, EventOverlay* events, int samples = 4);

    // Brings the frame up to date for `request`. Fails only when a target cannot be made.
    core::Status compose(const CompositeRequest& request);
    // The composed frame, resolved (valid after a successful compose).
    const OffscreenTarget& frame() const { return *m_frame; }
    // Something else was drawn into the frame (an export's furniture): the next compose starts
    // the top layers again from the areas.
    void frameTouched() { m_topValid = false; }
    // The base must be drawn again (the map renderer's own content changed: boundary layers).
    void invalidateBase() { m_baseKey.reset(); }

    // Whether the base on screen is the quick single-sampled one (and a settled view should
    // ask for it again with draft = false).
    bool baseIsDraft() const { return m_baseDraft; }
    int baseDraws() const { return m_baseDraws; }
    // How many drafts reused the base (shifted, with the uncovered strips drawn).
    int baseShifts() const { return m_baseShifts; }
    // The view the base now holds: a shifted draft's is the frame's view snapped to whole pixels
    // of the base it came from (valid after a successful compose).
    const BaseKey& baseKey() const { return *m_baseKey; }
    int areaDraws() const { return m_areas.draws; }
    int topDraws() const { return m_topDraws; }

private:
    // Shifts the base to `camera`'s view when it differs from the base's by a pan of less than
    // the frame (the same scale, size and look), and draws the uncovered strips. False when it
    // cannot be reused (the base must be drawn again).
    bool shiftBase(const core::Camera& camera, const FrameOptions& options);
    struct TopKey {
        BaseKey base;
        int areaDraws = 0;
        std::uint64_t eventsKey = 0;
        bool events = false;
        std::vector<core::ScreenRect> reserved;
        std::optional<core::Instant> night;
        std::uint64_t annotations = 0;
        bool matches(const BaseKey& b, int draws, std::uint64_t ek, bool ev, const std::vector<core::ScreenRect>& rs,
                     const std::optional<core::Instant>& n, std::uint64_t an) const {
            const auto sameRect = [](const core::ScreenRect& a, const core::ScreenRect& c) {
                return a.x == c.x && a.y == c.y && a.w == c.w && a.h == c.h;
            };
            return base == b && areaDraws == draws && eventsKey == ek && events == ev && night == n && annotations == an &&
                   std::equal(reserved.begin(), reserved.end(), rs.begin(), rs.end(), sameRect);
        }
    };
    MapRenderer& m_map;
    EventOverlay* m_events;
    int m_samples;
    std::optional<OffscreenTarget> m_base, m_frame;
    std::optional<BaseKey> m_baseKey;
    bool m_baseDraft = false;
    AreaLayer m_areas;
    std::optional<TopKey> m_topKey;  // what the frame's top layers were drawn for, when m_topValid
    bool m_topValid = false;
    std::unique_ptr<AnnotationOverlay> m_annotations;  // made when first needed
    int m_baseDraws = 0;
    int m_baseShifts = 0;
    int m_topDraws = 0;
};

}  // namespace qantar::render
