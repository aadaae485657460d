#pragma once
// Draws the base map (fills, thick anti-aliased lines, city markers, labels) for a camera and a
// theme into whatever framebuffer is bound. Geometry is uploaded once at creation; a frame only
// sets uniforms, plus the small label and marker buffers when the placement changes.
#include <memory>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/io/error.hpp"
#include "core/map/labels.hpp"
#include "core/map/map_scene.hpp"
#include "core/map/theme.hpp"
#include "core/time/time.hpp"
#include "render/font.hpp"

namespace qantar::render {

struct FrameOptions {
    core::ThemeId theme = core::ThemeId::Dark;
    core::LayerVisibility layers;
    // Multiplies line widths, marker sizes and text: 1 for the screen, larger for big exports so
    // a 4K image reads like a 1080p one.
    float pixelScale = 1.0f;
    bool transparentBackground = false;
    // Which simplification of the line layers to draw: kAutoLineLevel picks the coarsest whose
    // error stays under core::kMaxLineErrorPx at the camera's scale (core::lineLevelFor); 0 is
    // full resolution, i is MapScene::simplifiedLines[i - 1].
    static constexpr int kAutoLineLevel = -1;
    int lineLevel = kAutoLineLevel;
};

// The texts whose glyphs a renderer of `scene` puts in its atlas before the first frame.
std::vector<std::pair<LabelFont, std::string>> atlasTexts(const core::MapScene& scene);

class MapRenderer {
public:
    // Uploads the scene. Needs a current OpenGL 3.3 core context; fails with ShaderBuild if a
    // shader does not compile (the message names the file and carries the driver's log).
    // `glyphCache`: where the labels' glyph atlas is cached (FontAtlas::warmCached); none when empty.
    static core::Expected<std::unique_ptr<MapRenderer>> create(const core::MapScene& scene,
                                                               const core::MapCachePaths& glyphCache = {});
    ~MapRenderer();

    // Clears and draws the map into the bound framebuffer; the viewport is the camera's size.
    // Same as drawBase() then drawLabels().
    void draw(const core::Camera& camera, const FrameOptions& options);
    // Clears and draws fills and lines; event layers go between this and drawLabels().
    // `offsetY`: the view's bottom edge in the bound framebuffer, negative when the framebuffer
    // holds only a band of the view (OffscreenTarget::drawBanded).
    void drawBase(const core::Camera& camera, const FrameOptions& options, int offsetY = 0);
    // drawBase() clipped to the rectangle x, y, w, h of the bound framebuffer (OpenGL pixels,
    // origin bottom left): the rest of what it holds stays as it is. The same pixels inside the
    // rectangle as drawBase() of the whole view.
    void drawBaseIn(const core::Camera& camera, const FrameOptions& options, int x, int y, int w, int h);
    // Shades the night side of the terminator at `time` over what is drawn (between the base and
    // the event layers), when the Night layer is on.
    void drawNight(const core::Camera& camera, const FrameOptions& options, core::Instant time);
    // Draws city markers and labels on top, so they stay legible over event symbols.
    void drawLabels(const core::Camera& camera, const FrameOptions& options);

    // Replaces the outlines of imported boundary layers (drawn above the region borders in the
    // "custom boundary" line style); an empty mesh removes them.
    void setBoundaries(const core::LineMesh& outlines);

    // The line level the last drawBase() drew (see FrameOptions::lineLevel).
    int lastLineLevel() const;

    // The labels placed by the last draw (indices refer to the scene's label list).
    const std::vector<core::PlacedLabel>& placedLabels() const;
    // Where the last drawLabels() put text and city markers, in pixels: what signs drawn over the
    // map should leave visible.
    const std::vector<core::ScreenRect>& occupiedRects() const;
    FontAtlas& fonts();

    // Draws text in pixel coordinates over what is already drawn (for overlays). `x, y` is the
    // top-left of the text box. Call between draw() and the end of the frame.
    void drawText(const std::string& utf8, const TextStyle& style, float x, float y, int viewportW, int viewportH);

private:
    void drawBaseClipped(const core::Camera& camera, const FrameOptions& options, int offsetY);
    struct Impl;
    explicit MapRenderer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace qantar::render
