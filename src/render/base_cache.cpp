#include "render/base_cache.hpp"

namespace qantar::render {

core::Expected<bool> ensureTarget(std::optional<OffscreenTarget>& target, int widthPx, int heightPx, int samples) {
    if (target && target->width() == widthPx && target->height() == heightPx) return false;
    auto t = OffscreenTarget::create(widthPx, heightPx, samples);
    if (!t) return t.error();
    target = std::move(*t);
    return true;
}

core::Status AreaLayer::update(const OffscreenTarget& base, bool baseChanged, EventOverlay* overlay,
                               const core::Camera& camera, const core::FrameLayers* layers, const FrameOptions& options) {
    auto made = ensureTarget(target, base.width(), base.height(), 1);
    if (!made) return made.error();
    const bool drawn = overlay && layers;
    AreaKey now = AreaKey::of(drawn ? layers : nullptr);
    if (!*made && !baseChanged && key && *key == now) return std::nullopt;
    target->copyFrom(base);
    if (drawn) overlay->drawAreas(camera, *layers, options);
    target->resolve();
    key = std::move(now);
    ++draws;
    return std::nullopt;
}

}  // namespace qantar::render
