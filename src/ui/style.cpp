#include "ui/style.hpp"

#include <algorithm>

namespace qantar::ui {

void applyStyle(core::ThemeId theme, float uiScale) {
    ImGuiStyle style;
    switch (theme) {
        case core::ThemeId::Dark: ImGui::StyleColorsDark(&style); break;
        case core::ThemeId::Light: ImGui::StyleColorsLight(&style); break;
        case core::ThemeId::Contrast: ImGui::StyleColorsDark(&style); break;
    }
    ImVec4* c = style.Colors;
    if (theme == core::ThemeId::Light) {
        c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0.97f, 0.97f, 0.96f, 0.0f);
        c[ImGuiCol_Border] = ImVec4(0.55f, 0.55f, 0.55f, 0.6f);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.91f, 0.91f, 0.90f, 1.0f);
        c[ImGuiCol_TitleBg] = ImVec4(0.88f, 0.88f, 0.87f, 1.0f);
        c[ImGuiCol_TitleBgActive] = ImVec4(0.80f, 0.84f, 0.90f, 1.0f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.38f, 0.38f, 1.0f);
    } else if (theme == core::ThemeId::Contrast) {
        const ImVec4 black(0.0f, 0.0f, 0.0f, 1.0f), white(1.0f, 1.0f, 1.0f, 1.0f), yellow(1.0f, 0.84f, 0.0f, 1.0f);
        const ImVec4 grey(0.22f, 0.22f, 0.22f, 1.0f);
        for (int i = 0; i < ImGuiCol_COUNT; ++i) c[i] = black;
        c[ImGuiCol_Text] = white;
        c[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1.0f);
        c[ImGuiCol_Border] = white;
        c[ImGuiCol_FrameBg] = grey;
        c[ImGuiCol_FrameBgHovered] = ImVec4(0.35f, 0.35f, 0.1f, 1.0f);
        c[ImGuiCol_FrameBgActive] = ImVec4(0.45f, 0.4f, 0.0f, 1.0f);
        c[ImGuiCol_TitleBgActive] = grey;
        c[ImGuiCol_MenuBarBg] = black;
        c[ImGuiCol_ScrollbarGrab] = ImVec4(0.7f, 0.7f, 0.7f, 1.0f);
        c[ImGuiCol_ScrollbarGrabHovered] = yellow;
        c[ImGuiCol_ScrollbarGrabActive] = yellow;
        c[ImGuiCol_CheckMark] = yellow;
        c[ImGuiCol_SliderGrab] = yellow;
        c[ImGuiCol_SliderGrabActive] = white;
        c[ImGuiCol_Button] = grey;
        c[ImGuiCol_ButtonHovered] = ImVec4(0.45f, 0.4f, 0.0f, 1.0f);
        c[ImGuiCol_ButtonActive] = yellow;
        c[ImGuiCol_Header] = ImVec4(0.3f, 0.3f, 0.3f, 1.0f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.45f, 0.4f, 0.0f, 1.0f);
        c[ImGuiCol_HeaderActive] = ImVec4(0.6f, 0.5f, 0.0f, 1.0f);
        c[ImGuiCol_Separator] = white;
        c[ImGuiCol_TableHeaderBg] = grey;
        c[ImGuiCol_TableBorderStrong] = white;
        c[ImGuiCol_TableBorderLight] = ImVec4(0.6f, 0.6f, 0.6f, 1.0f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0.1f, 0.1f, 0.1f, 1.0f);
        c[ImGuiCol_TextSelectedBg] = ImVec4(0.5f, 0.45f, 0.0f, 1.0f);
        c[ImGuiCol_PlotHistogram] = yellow;
        c[ImGuiCol_NavHighlight] = yellow;
        c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.6f);
        style.WindowBorderSize = 1.5f;
        style.FrameBorderSize = 1.0f;
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.07f, 0.08f, 0.10f, 1.0f);
    }
    // Never translucent: a list or a map must not show through a menu, a combo or a dialog.
    c[ImGuiCol_PopupBg].w = 1.0f;
    c[ImGuiCol_WindowBg].w = 1.0f;
    style.WindowRounding = 0.0f;
    // Docked bars (the status line) are shorter than ImGui's default 32 px minimum.
    style.WindowMinSize = ImVec2(16.0f, 16.0f);
    style.ScaleAllSizes(uiScale);
    ImGui::GetStyle() = style;
}

PanelColors panelColors(core::ThemeId theme) {
    PanelColors p{};
    switch (theme) {
        case core::ThemeId::Light:
            p.laneStripe = IM_COL32(0, 0, 0, 12);
            p.playhead = IM_COL32(210, 40, 30, 255);
            p.error = IM_COL32(190, 20, 20, 255);
            p.selection = IM_COL32(0, 0, 0, 255);
            break;
        case core::ThemeId::Contrast:
            p.laneStripe = IM_COL32(255, 255, 255, 30);
            p.playhead = IM_COL32(255, 215, 0, 255);
            p.error = IM_COL32(255, 110, 90, 255);
            p.selection = IM_COL32(255, 255, 255, 255);
            break;
        case core::ThemeId::Dark:
            p.laneStripe = IM_COL32(255, 255, 255, 8);
            p.playhead = IM_COL32(255, 80, 60, 255);
            p.error = IM_COL32(255, 115, 100, 255);
            p.selection = IM_COL32(255, 255, 255, 255);
            break;
    }
    p.internetFull = IM_COL32(200, 60, 60, 230);
    p.internetPartial = IM_COL32(220, 160, 40, 230);
    p.internetRestored = IM_COL32(70, 170, 90, 230);
    p.curfew = IM_COL32(90, 90, 200, 220);
    return p;
}

float uiScaleFor(int monitorHeightPx, float contentScale) {
    const float fromScreen = monitorHeightPx >= 2000 ? 1.5f : 1.0f;
    return std::clamp(std::max(contentScale, fromScreen), 1.0f, 3.0f);
}

}  // namespace qantar::ui
