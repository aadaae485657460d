#include "app/imgui_host.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>

#include "render/embedded.hpp"
#include "render/screen.hpp"

namespace qantar::app {

namespace {

// Latin with its accents, Cyrillic (Kazakh letters included), punctuation, arrows, ≤ and ≥, and
// the dotted circle that marks date-only events in the list.
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x052F, 0x2000, 0x206F,
                           0x2190, 0x21FF, 0x2264, 0x2265, 0x25CC, 0x25CC, 0};

}  // namespace

core::Expected<std::unique_ptr<ImGuiHost>> ImGuiHost::create(float uiScale, float presenterScale) {
    std::unique_ptr<ImGuiHost> host(new ImGuiHost());
    host->m_uiScale = uiScale;
    host->m_presenterScale = presenterScale;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is docked and computed; settings are qantar's own
    const std::string_view regular = render::embeddedFile("NotoSans-Regular.ttf");
    const std::string_view bold = render::embeddedFile("NotoSans-Bold.ttf");
    if (regular.empty() || bold.empty()) {
        ImGui::DestroyContext();
        return core::Error{core::ErrorKind::FileNotFound, "the interface fonts are missing from the program"};
    }
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    auto add = [&](std::string_view bytes, float px) {
        return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(bytes.data()), static_cast<int>(bytes.size()),
                                              std::round(px), &cfg, kRanges);
    };
    ui::Fonts& f = host->m_fonts;
    f.regular = add(regular, ui::kRegularFontPx * uiScale);
    f.large = add(bold, ui::kLargeFontPx * uiScale);
    // Rasterised at their final size, so projected text is sharp rather than scaled up.
    f.presenterMoment = add(bold, ui::kPresenterMomentPx * presenterScale);
    f.presenterTitle = add(bold, ui::kPresenterTitlePx * presenterScale);
    f.presenterBody = add(regular, ui::kPresenterBodyPx * presenterScale);
    f.presenterSmall = add(regular, ui::kPresenterSmallPx * presenterScale);
    io.FontDefault = f.regular;
    ImGui_ImplOpenGL3_Init("#version 330 core");
    // The backend would upload the atlas as RGBA and keep its CPU copy; one channel holds all of
    // it, and the CPU pixels are freed (the glyph metrics stay).
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    host->m_fontTexture = render::uploadCoverageTexture(pixels, w, h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(host->m_fontTexture.id())));
    io.Fonts->ClearTexData();
    host->useTheme(core::ThemeId::Dark);
    return host;
}

ImGuiHost::~ImGuiHost() {
    m_fontTexture.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiHost::useTheme(core::ThemeId theme) {
    if (m_theme == static_cast<int>(theme)) return;
    ui::applyStyle(theme, m_uiScale);
    m_theme = static_cast<int>(theme);
}

void ImGuiHost::newFrame() { ImGui_ImplOpenGL3_NewFrame(); }

void ImGuiHost::renderDrawData() { ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData()); }

}  // namespace qantar::app
