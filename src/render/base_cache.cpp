#include "render/base_cache.hpp"

namespace qantar::render {

core::Expected<bool> ensureTarget(std::optional<OffscreenTarget>& target, int widthPx, int heightPx, int samples,
                                  MsaaStorage storage) {
    if (target && target->width() == widthPx && target->height() == heightPx) return false;
    target.reset();  // the old one goes before the new one is made
    auto t = OffscreenTarget::create(widthPx, heightPx, samples, storage);
    if (!t) return t.error();
    target = std::move(*t);
    return true;
}

void drawFineBase(MapRenderer& renderer, const OffscreenTarget& target, const core::Camera& camera,
                  const FrameOptions& options) {
    target.drawBanded([&](int offsetY) { renderer.drawBase(camera, options, offsetY); });
}

core::Status AreaLayer::update(const OffscreenTarget& base, bool baseChanged, EventOverlay* overlay,
                               const core::Camera& camera, const core::FrameLayers* layers, const FrameOptions& options) {
    auto made = ensureTarget(target, base.width(), base.height(), 1);
    if (!made) return made.error();
    const bool drawn = overlay && layers;
    // Compared in place, and kept by assignment into the vector already there: a frame whose
    // areas did not change allocates nothing.
    static const std::vector<core::AreaShade> kNone;
    const std::vector<core::AreaShade>& now = drawn ? layers->areas : kNone;
    if (!*made && !baseChanged && key && key->same(now)) return std::nullopt;
    target->copyFrom(base);
    if (drawn) overlay->drawAreas(camera, *layers, options);
    target->resolve();
    if (!key) key.emplace();
    key->areas.assign(now.begin(), now.end());
    ++draws;
    return std::nullopt;
}

}  // namespace qantar::render
