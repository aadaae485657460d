#include "ui/gui.hpp"
#include "ui/long_text.hpp"

#include <algorithm>

#include "ui/key_bindings.hpp"

namespace qantar::ui {

namespace {

// The height of the menu bar and of the status line, known before the frame is drawn.
float lineHeight() {
    const ImGuiIO& io = ImGui::GetIO();
    const ImFont* font = io.FontDefault ? io.FontDefault : (io.Fonts->Fonts.empty() ? nullptr : io.Fonts->Fonts[0]);
    const float size = (font ? font->FontSize : 13.0f) * io.FontGlobalScale;
    return size + ImGui::GetStyle().FramePadding.y * 2.0f;
}

}  // namespace

Layout Gui::layoutFor(const AppState& state, float width, float height, float uiScale, float presenterScale) {
    LayoutInput in;
    in.width = width;
    in.height = height;
    in.uiScale = uiScale;
    in.menuHeight = lineHeight();
    in.statusHeight = lineHeight() + 4.0f;
    in.presenting = state.presenting;
    in.hasWorld = state.world != nullptr;
    in.showLayers = state.showLayers;
    in.showEvents = state.showEvents;
    in.detailsOpen = state.selectedEvent.has_value();
    in.showStory = state.showStory;
    in.presenterScale = presenterScale;
    return computeLayout(in);
}

void Gui::draw(AppState& state, const Fonts& fonts, ImTextureID mapTexture) {
    dispatchShortcuts(state);
    for (const auto& show : state.actions.takeAll<action::ShowDialog>()) {
        if (state.presenting) continue;
        if (show.dialog == action::Dialog::Open) m_open.open(state, show.withLastImport);
        else if (show.dialog == action::Dialog::ExportEvents) m_exportEvents.open(state);
        else m_export.open(state);
    }
    m_map.draw(state, mapTexture);
    if (state.presenting) {
        m_presenter.draw(state, fonts);
        drawToasts(state);
        return;
    }
    m_menu.draw(state);
    m_status.draw(state);
    m_timeline.draw(state, fonts);
    m_layers.draw(state);
    m_story.draw(state);
    m_events.draw(state);
    m_details.draw(state);
    m_moment.draw(state, fonts);
    m_help.draw(state);
    m_export.draw(state);
    m_open.draw(state);
    m_exportEvents.draw(state);
    m_startup.draw(state);
    drawToasts(state);
}

void Gui::drawToasts(AppState& state) {
    while (!state.toasts.empty() && state.toasts.front().until <= state.appSeconds) state.toasts.pop_front();
    if (state.toasts.empty()) return;
    const core::ScreenRect& m = state.presenting ? state.layout.mapFree : state.layout.map;
    const float pad = 12.0f;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(m.x + m.w * 0.5), static_cast<float>(m.y + m.h) - pad),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("Notice###toasts", nullptr, flags)) {
        ImGui::PushTextWrapPos(std::max(200.0f, static_cast<float>(m.w) * 0.8f));
        for (const Toast& t : state.toasts) textLong(t.text);
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

}  // namespace qantar::ui
