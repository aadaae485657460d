#pragma once
// What Dear ImGui drew in a frame, item by item: every widget's ID, label, rectangle and window,
// and every ID submitted twice in one window (two widgets that share an ID: clicking one aborts
// the program, since Debian's ImGui keeps its asserts). Used by the layout report and by the
// tests that click every control.
//
// ImGui 1.86 has no item hook unless built with its test engine, which Debian's libimgui.a is not.
// Every widget registers itself through ImGui::ItemAdd, and names its ID through
// ImGuiWindow::GetID (or, for a menu item, ImGui::PushID), all called across object files of the
// static library; the link step
// routes those calls through the recorders in item_probe.cpp (GNU ld's --wrap, set on qantar_ui
// for everything that links it), which do nothing but forward while the probe is off.
#include <cstdint>
#include <string>
#include <vector>

namespace qantar::ui {

struct ProbedRect {
    float x = 0, y = 0, w = 0, h = 0;
};

struct ProbedItem {
    std::uint32_t id = 0;
    std::string window;       // the top-level window holding it (as ImGui names it, "###" part included)
    std::string innerWindow;  // the window or child window it is drawn in (the one that scrolls it)
    std::string label;        // the label as shown ("Export" for "Export##dialog"); may be empty
    std::string rawLabel;     // the ID string as written ("Export##dialog"), when it had one
    ProbedRect rect;          // the item, clipped to its window's visible area
    ProbedRect fullRect;      // the item whole, wherever its window's scrolling puts it
    bool visible = false;     // not scrolled or clipped out of view
};

struct ProbedWindow {
    std::string name;         // as ImGui names it
    std::string title;        // the part shown ("Export" for "Export###export_dialog")
    ProbedRect rect;
    bool popup = false, modal = false, tooltip = false, menu = false;
};

struct IdCollision {
    std::uint32_t id = 0;
    std::string window;
    std::string label;
};

class ItemProbe {
public:
    // Starts recording (cleared at every ImGui::NewFrame through a context hook).
    static void enable();
    static void disable();
    static bool enabled();
    // The items of the last frame recorded (after ImGui::Render or EndFrame).
    static std::vector<ProbedItem> items();
    // Two widgets of one window with one ID in the same frame, since enable().
    static std::vector<IdCollision> collisions();
    static void clearCollisions();
    // The top-level windows shown in the current frame, back to front (popups, menus and modals
    // included; tooltips marked).
    static std::vector<ProbedWindow> windows();
    // A window's name as a person reads it: "Export" for "Export###export_dialog", "MainMenuBar"
    // for "##MainMenuBar".
    static std::string windowTitle(const std::string& name);
};

}  // namespace qantar::ui
