#include "ui/docked.hpp"

#include <cstring>

namespace qantar::ui {

bool beginDocked(const char* name, const core::ScreenRect& r, bool* open, ImGuiWindowFlags extra) {
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(r.x), static_cast<float>(r.y)), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(r.w), static_cast<float>(r.h)), ImGuiCond_Always);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus | extra;
    return ImGui::Begin(name, open, flags);
}

ImVec2 toImVec(core::ScreenPx p) { return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)); }

const char* labelEnd(const char* label) {
    const char* hashes = std::strstr(label, "##");
    return hashes ? hashes : label + std::strlen(label);
}

}  // namespace qantar::ui
