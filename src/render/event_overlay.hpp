#pragma once
// Draws the animated event layers (core::FrameLayers) over the base map: curfew, emergency and
// blackout areas, airlift arcs with their transports, and event symbols with pulses and
// uncertainty halos. Static geometry (region fills) is uploaded once; per frame only the small
// instance and arc buffers change.
#include <memory>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/io/error.hpp"
#include "core/events/layers.hpp"
#include "core/events/stacks.hpp"
#include "core/map/map_scene.hpp"
#include "render/map_renderer.hpp"

namespace qantar::render {

class EventOverlay {
public:
    // Needs a current OpenGL 3.3 core context.
    static core::Expected<std::unique_ptr<EventOverlay>> create(const core::MapScene& scene);
    ~EventOverlay();

    // Draws into the bound framebuffer (after MapRenderer::draw, same camera and options).
    // Same as drawAreas() then drawSymbols().
    void draw(const core::Camera& camera, const core::FrameLayers& layers, const FrameOptions& options);
    // The shaded areas (internet blackout, state of emergency, curfew) alone. They change far
    // less often than the clock, so callers may keep them with the base map (see AreaKey).
    void drawAreas(const core::Camera& camera, const core::FrameLayers& layers, const FrameOptions& options);
    // Everything over the areas: airlift arcs, the leader lines of spread stacks and the event
    // symbols where `symbols` puts them (the frame's layout of layers.marks for this camera and
    // options.pixelScale; null: laid out here with no pointer, as an export is). The stack the
    // pointer spread is left out: drawPointerSpread() draws it above the labels.
    void drawSymbols(const core::Camera& camera, const core::FrameLayers& layers, const FrameOptions& options,
                     const core::SymbolLayout* symbols = nullptr);
    // The stack the pointer spread in `symbols`, if any: its leader lines and symbols.
    void drawPointerSpread(const core::Camera& camera, const core::FrameLayers& layers, const FrameOptions& options,
                           const core::SymbolLayout& symbols);
    // The discs of the collapsed stacks' count badges in `symbols` (the numbers on them are text,
    // drawn over them by the caller: see render/stack_badges.hpp).
    void drawBadgeDiscs(const core::Camera& camera, const core::SymbolLayout& symbols, const FrameOptions& options);
    // Draws symbols only (used by legends: positions are map points under the wanted pixels).
    void drawMarks(const core::Camera& camera, const std::vector<core::EventMark>& marks, const FrameOptions& options);
    // The signs over everything, labels included (core::placeTags decides where): the curfew and
    // CSTO badges, the aircraft of closed airports with their leader lines, the approximate
    // arrows' labels. `map` draws their text and says where its labels are; `reserved` are
    // rectangles of the view that panels cover, which the signs keep clear of where they can.
    void drawTags(const core::Camera& camera, const core::FrameLayers& layers, const FrameOptions& options,
                  MapRenderer& map, const std::vector<core::ScreenRect>& reserved = {});

    // The shapes of the signs, for legends (Capital: the base map's capital marker).
    enum class Glyph { Aircraft, Moon, CstoStar, Capital };
    struct GlyphAt {
        core::ScreenPx at;
        float radiusPx;  // at the current pixel scale
        Glyph glyph;
        float alpha = 1.0f;
    };
    void drawGlyphs(const core::Camera& camera, const std::vector<GlyphAt>& glyphs, const FrameOptions& options);
    // A rectangle of the view (pixels) filled exactly as the map fills an area of this kind, for
    // legend swatches: same shader, pattern, colours and angles.
    void drawAreaSwatch(const core::Camera& camera, core::AreaKind kind, const core::ScreenRect& rect,
                        const FrameOptions& options);
    // A short dashed arrow as the map draws an approximate airlift, tail to head in pixels.
    void drawArrowSwatch(const core::Camera& camera, core::ScreenPx tail, core::ScreenPx head, const FrameOptions& options);

private:
    struct Impl;
    struct Instance;
    static void appendMarks(const core::Camera& camera, const std::vector<core::EventMark>& marks, const core::Theme& theme,
                            std::vector<Instance>& instances);
    static void appendLayout(const core::Camera& camera, const std::vector<core::EventMark>& marks,
                             const core::SymbolLayout& layout, bool pointerSpread, const core::Theme& theme,
                             std::vector<Instance>& instances);
    static void appendDenseMarks(const core::Camera& camera, const std::vector<core::EventMark>& marks,
                                 const core::Theme& theme, std::vector<Instance>& instances);

public:
    // Above this many marks in a frame, symbols are drawn as a density of small dots (and are not
    // laid out in stacks).
    static constexpr std::size_t kDenseMarks = core::kMaxLaidOutMarks;
    static constexpr float kDenseRadiusPx = 2.5f;

private:
    explicit EventOverlay(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace qantar::render
