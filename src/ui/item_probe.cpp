#include "ui/item_probe.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <unordered_map>
#include <utility>

// The real functions, reached under these names when the link wraps them (see item_probe.hpp).
// Their C++ names: bool ImGui::ItemAdd(const ImRect&, ImGuiID, const ImRect*, ImGuiItemFlags) and
// ImGuiID ImGuiWindow::GetID(const char*, const char*) (a member: `this` comes first).
// Also void ImGui::PushID(const char*) and void ImGui::PopID(): a menu item pushes its label as an
// ID and draws an unlabelled selectable inside it, so the pushed string is that item's label.
extern "C" {
bool __real__ZN5ImGui7ItemAddERK6ImRectjPS1_i(const ImRect& bb, ImGuiID id, const ImRect* navBb, ImGuiItemFlags flags);
ImGuiID __real__ZN11ImGuiWindow5GetIDEPKcS1_(ImGuiWindow* window, const char* str, const char* strEnd);
void __real__ZN5ImGui6PushIDEPKc(const char* strId);
void __real__ZN5ImGui5PopIDEv();
}

namespace qantar::ui {

namespace {

struct ProbeState {
    bool enabled = false;
    std::unordered_map<ImGuiID, std::string> names;  // this frame's IDs made from strings
    std::vector<ProbedItem> current, last;
    std::set<std::pair<ImGuiID, ImGuiID>> seen;      // (window, item) submitted this frame
    std::vector<std::string> pushed;                  // strings pushed as IDs, innermost last
    std::vector<IdCollision> collisions;
};

ProbeState& probe() {
    static ProbeState s;
    return s;
}

// "Export##dialog" -> "Export"; "Title###t" -> "Title".
std::string shownPart(const std::string& raw) {
    const auto hashes = raw.find("##");
    return hashes == std::string::npos ? raw : raw.substr(0, hashes);
}

void newFrame(ImGuiContext*, ImGuiContextHook*) {
    ProbeState& p = probe();
    p.last = std::move(p.current);
    p.current.clear();
    p.names.clear();
    p.seen.clear();
    p.pushed.clear();
}

ProbedRect toRect(const ImRect& r) { return ProbedRect{r.Min.x, r.Min.y, r.Max.x - r.Min.x, r.Max.y - r.Min.y}; }

}  // namespace

void ItemProbe::enable() {
    ProbeState& p = probe();
    p.enabled = true;
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx) return;
    // Once per context (a context made later at the same address has no hook of ours).
    for (const ImGuiContextHook& h : ctx->Hooks) {
        if (h.Callback == newFrame) return;
    }
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_NewFramePre;
    hook.Callback = newFrame;
    ImGui::AddContextHook(ctx, &hook);
}

void ItemProbe::disable() {
    ProbeState& p = probe();
    p.enabled = false;
    p.current.clear();
    p.last.clear();
    p.names.clear();
    p.seen.clear();
}
bool ItemProbe::enabled() { return probe().enabled; }

std::vector<ProbedItem> ItemProbe::items() {
    // After Render the frame's items are still `current`; the next NewFrame moves them to `last`.
    const ProbeState& p = probe();
    return p.current.empty() ? p.last : p.current;
}

std::vector<IdCollision> ItemProbe::collisions() { return probe().collisions; }
void ItemProbe::clearCollisions() { probe().collisions.clear(); }

std::string ItemProbe::windowTitle(const std::string& name) {
    const auto ids = name.find("###");
    if (ids != std::string::npos && ids > 0) return name.substr(0, ids);
    if (name.rfind("##", 0) == 0) return name.substr(2);
    const std::string shown = shownPart(name);
    return shown.empty() ? name : shown;
}

std::vector<ProbedWindow> ItemProbe::windows() {
    std::vector<ProbedWindow> out;
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g) return out;
    for (ImGuiWindow* w : g->Windows) {
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
        ProbedWindow pw;
        pw.name = w->Name;
        pw.title = windowTitle(pw.name);
        pw.rect = ProbedRect{w->Pos.x, w->Pos.y, w->Size.x, w->Size.y};
        pw.popup = (w->Flags & ImGuiWindowFlags_Popup) != 0;
        pw.modal = (w->Flags & ImGuiWindowFlags_Modal) != 0;
        pw.tooltip = (w->Flags & ImGuiWindowFlags_Tooltip) != 0;
        pw.menu = (w->Flags & ImGuiWindowFlags_ChildMenu) != 0 || (w->Flags & ImGuiWindowFlags_MenuBar) != 0;
        out.push_back(std::move(pw));
    }
    return out;
}

}  // namespace qantar::ui

using qantar::ui::probe;

extern "C" {

ImGuiID __wrap__ZN11ImGuiWindow5GetIDEPKcS1_(ImGuiWindow* window, const char* str, const char* strEnd) {
    const ImGuiID id = __real__ZN11ImGuiWindow5GetIDEPKcS1_(window, str, strEnd);
    auto& p = probe();
    if (p.enabled && str) {
        std::string name = strEnd ? std::string(str, strEnd) : std::string(str);
        // An unlabelled widget inside a pushed string ID takes that string as its label.
        if (name.empty() && !p.pushed.empty()) name = p.pushed.back();
        p.names.emplace(id, std::move(name));
    }
    return id;
}

void __wrap__ZN5ImGui6PushIDEPKc(const char* strId) {
    __real__ZN5ImGui6PushIDEPKc(strId);
    auto& p = probe();
    if (p.enabled) p.pushed.emplace_back(strId ? strId : "");
}

void __wrap__ZN5ImGui5PopIDEv() {
    __real__ZN5ImGui5PopIDEv();
    auto& p = probe();
    if (p.enabled && !p.pushed.empty()) p.pushed.pop_back();
}

bool __wrap__ZN5ImGui7ItemAddERK6ImRectjPS1_i(const ImRect& bb, ImGuiID id, const ImRect* navBb, ImGuiItemFlags flags) {
    const bool visible = __real__ZN5ImGui7ItemAddERK6ImRectjPS1_i(bb, id, navBb, flags);
    auto& p = probe();
    if (!p.enabled || id == 0) return visible;
    ImGuiContext* g = ImGui::GetCurrentContext();
    ImGuiWindow* window = g ? g->CurrentWindow : nullptr;
    if (!window) return visible;
    ImGuiWindow* root = window->RootWindow ? window->RootWindow : window;
    qantar::ui::ProbedItem item;
    item.id = id;
    item.window = root->Name;
    item.innerWindow = window->Name;
    if (auto it = p.names.find(id); it != p.names.end()) {
        item.rawLabel = it->second;
        const auto ids = item.rawLabel.find("###");
        item.label = ids == std::string::npos ? qantar::ui::shownPart(item.rawLabel) : item.rawLabel.substr(0, ids);
    }
    item.fullRect = qantar::ui::toRect(bb);
    ImRect clipped = bb;
    clipped.ClipWithFull(window->ClipRect);
    item.rect = qantar::ui::toRect(clipped);
    item.visible = visible && clipped.GetWidth() > 0.0f && clipped.GetHeight() > 0.0f;
    if (!p.seen.insert({window->ID, id}).second) {
        p.collisions.push_back(qantar::ui::IdCollision{id, window->Name, item.rawLabel});
    }
    p.current.push_back(std::move(item));
    return visible;
}

}  // extern "C"
