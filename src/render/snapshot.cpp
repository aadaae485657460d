#include "render/snapshot.hpp"

#include <algorithm>

#include "core/map/credits.hpp"
#include "render/event_overlay.hpp"
#include "render/offscreen.hpp"

namespace qantar::render {

float pixelScaleForSize(int widthPx, int heightPx) {
    const float s = std::min(static_cast<float>(widthPx) / 1920.0f, static_cast<float>(heightPx) / 1080.0f);
    return std::max(0.75f, s);
}

core::Camera defaultCamera(const core::MapScene& scene, int widthPx, int heightPx) {
    core::Camera cam({0, 0}, 5000.0, widthPx, heightPx);
    const double margin = 0.04 * std::min(widthPx, heightPx);
    cam.fit(scene.kazakhstanBox, margin);
    return cam;
}

void drawAttribution(MapRenderer& renderer, const core::Theme& theme, int viewportW, int viewportH, float pixelScale) {
    TextStyle s;
    s.font = LabelFont::Regular;
    s.sizePx = 11.0f * pixelScale;
    s.color = theme.uiText;
    s.halo = theme.labelHalo;
    s.haloPx = 2.0f * pixelScale;
    const TextBox box = renderer.fonts().measure(core::kMapDataAttribution, s);
    const float margin = 8.0f * pixelScale;
    renderer.drawText(core::kMapDataAttribution, s, static_cast<float>(viewportW) - box.width - margin,
                      static_cast<float>(viewportH) - box.height - margin, viewportW, viewportH);
}

void drawCaption(MapRenderer& renderer, const core::Theme& theme, const std::vector<std::string>& lines, int viewportW,
                 int viewportH, float pixelScale) {
    const float margin = 14.0f * pixelScale;
    float y = margin;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        TextStyle s;
        s.font = i == 0 ? LabelFont::Bold : LabelFont::Regular;
        s.sizePx = (i == 0 ? 24.0f : 13.0f) * pixelScale;
        s.color = theme.labelText;
        s.halo = theme.labelHalo;
        s.haloPx = 3.0f * pixelScale;
        renderer.drawText(lines[i], s, margin, y, viewportW, viewportH);
        y += renderer.fonts().measure(lines[i], s).height * (i == 0 ? 1.15f : 1.25f);
    }
}

core::Expected<Image> renderSnapshot(MapRenderer& renderer, const core::MapScene& scene, const SnapshotRequest& request) {
    std::optional<OffscreenTarget> local;
    std::optional<OffscreenTarget>& target = request.target ? *request.target : local;
    // Over a cached base everything left is anti-aliased in its shader (lines, text, symbols,
    // patterns, fringed shapes), so the frame itself needs no multisampling: on a software
    // renderer that is four times less blending per frame.
    if (auto made = ensureTarget(target, request.widthPx, request.heightPx, request.baseCache ? 1 : 4); !made) {
        return made.error();
    }
    FrameOptions frame = request.frame;
    if (frame.pixelScale <= 0.0f) frame.pixelScale = pixelScaleForSize(request.widthPx, request.heightPx);
    core::Camera camera = request.camera ? *request.camera : defaultCamera(scene, request.widthPx, request.heightPx);
    camera.setViewport(request.widthPx, request.heightPx);
    if (request.baseCache) {
        BaseCache& cache = *request.baseCache;
        auto made = ensureTarget(cache.target, request.widthPx, request.heightPx, 4, MsaaStorage::Bands);
        if (!made) return made.error();
        const BaseKey key = BaseKey::of(camera, frame);
        const bool baseChanged = *made || !cache.key || *cache.key != key;
        if (baseChanged) {
            drawFineBase(renderer, *cache.target, camera, frame);
            cache.key = key;
            ++cache.draws;
        }
        const bool events = request.events && request.overlay;
        if (auto err = cache.areas.update(*cache.target, baseChanged, request.overlay, camera, request.events, frame)) {
            return *err;
        }
        target->copyFrom(*cache.areas.target);
        if (events) request.overlay->drawSymbols(camera, *request.events, frame);
    } else {
        target->bind();
        renderer.drawBase(camera, frame);
        if (request.events && request.overlay) request.overlay->draw(camera, *request.events, frame);
    }
    renderer.drawLabels(camera, frame);
    if (request.overlays && request.painter && request.projection) {
        OverlayPainters painters{renderer, request.overlay, *request.painter};
        drawOverlays(painters, camera, *request.projection, core::theme(frame.theme), frame.pixelScale, *request.overlays);
        target->resolve();
        return target->read();
    }
    if (!request.caption.empty()) {
        drawCaption(renderer, core::theme(frame.theme), request.caption, request.widthPx, request.heightPx, frame.pixelScale);
    }
    if (request.attribution) {
        drawAttribution(renderer, core::theme(frame.theme), request.widthPx, request.heightPx, frame.pixelScale);
    }
    target->resolve();
    return target->read();
}

}  // namespace qantar::render
