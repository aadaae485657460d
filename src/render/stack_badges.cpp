#include "render/stack_badges.hpp"

#include <string>

namespace qantar::render {

void drawStackBadges(MapRenderer& map, EventOverlay& events, const core::Camera& camera,
                     const core::SymbolLayout& symbols, const FrameOptions& options) {
    bool any = false;
    for (const auto& st : symbols.stacks) any |= st.state == core::StackState::Collapsed;
    if (!any) return;
    events.drawBadgeDiscs(camera, symbols, options);
    const core::Theme& t = core::theme(options.theme);
    for (const auto& st : symbols.stacks) {
        if (st.state != core::StackState::Collapsed) continue;
        TextStyle style;
        style.font = LabelFont::Bold;
        style.sizePx = st.badgeRadiusPx * 1.35f;
        style.color = t.labelHalo;
        style.color.a = 1.0f;
        const std::string n = std::to_string(st.count());
        const TextBox box = map.fonts().measure(n, style);
        // Figures stand on the baseline and reach about 0.72 em up: centred on the disc by that.
        const float x = static_cast<float>(st.badge.x) - box.width * 0.5f;
        const float y = static_cast<float>(st.badge.y) - box.ascent + style.sizePx * 0.36f;
        map.drawText(n, style, x, y, camera.widthPx(), camera.heightPx());
    }
}

}  // namespace qantar::render
