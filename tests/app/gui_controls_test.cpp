// Every control of every window and dialog, clicked, typed into and tabbed through, in-process.
// Debian's ImGui keeps its asserts, so two widgets sharing an ID abort the program when one is
// clicked (the Export dialog's Title field did): any such collision, or any abort, fails here.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <filesystem>
#include <functional>
#include <set>
#include <string>

#include "core/io/atomic_file.hpp"
#include "core/io/user_files.hpp"
#include "core/story/story.hpp"
#include "ui_driver.hpp"

using namespace qantar;
using qantar::test::DriverOptions;
using qantar::test::UiDriver;

namespace {

namespace fs = std::filesystem;

// A window of the interface in a given state, and how to bring it on screen.
struct Surface {
    const char* name;
    const char* window;  // the title of the window whose controls are exercised
    std::function<void(UiDriver&)> enter;
};

void PrintTo(const Surface& s, std::ostream* os) { *os << s.name; }

void openMenu(UiDriver& d, const char* menu) { ASSERT_TRUE(d.clickItem(menu, "MainMenuBar")) << menu; }

void selectFirstEvent(UiDriver& d) {
    d.state().actions.push(ui::action::SelectEvent{0});
    d.frame(2);
}

void openStoryEditor(UiDriver& d) {
    d.state().showStory = true;
    d.frame();
    d.state().actions.push(ui::action::StoryGoTo{1});
    d.frame(2);
}

const std::vector<Surface>& surfaces() {
    static const std::vector<Surface> kSurfaces = {
        {"main menu bar", "MainMenuBar", [](UiDriver&) {}},
        {"file menu", "##Menu_00", [](UiDriver& d) { openMenu(d, "File"); }},
        {"view menu", "##Menu_00", [](UiDriver& d) { openMenu(d, "View"); }},
        {"story menu", "##Menu_00", [](UiDriver& d) { openMenu(d, "Story"); }},
        {"layers menu", "##Menu_00", [](UiDriver& d) { openMenu(d, "Layers"); }},
        {"help menu", "##Menu_00", [](UiDriver& d) { openMenu(d, "Help"); }},
        {"timeline", "Timeline", [](UiDriver&) {}},
        {"layers panel", "Layers", [](UiDriver&) {}},
        {"events list", "Events", [](UiDriver&) {}},
        {"event details", "Event details", selectFirstEvent},
        {"export dialog", "Export", [](UiDriver& d) { d.key(GLFW_KEY_E, GLFW_MOD_CONTROL); }},
        {"export file browser", "Export to",
         [](UiDriver& d) {
             d.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
             ASSERT_TRUE(d.clickItem("Browse...", "Export"));
         }},
        {"open dialog", "Open or import events", [](UiDriver& d) { d.key(GLFW_KEY_O, GLFW_MOD_CONTROL); }},
        {"open file browser", "Choose a file",
         [](UiDriver& d) {
             d.key(GLFW_KEY_O, GLFW_MOD_CONTROL);
             ASSERT_TRUE(d.clickItem("Browse...", "Open or import events"));
         }},
        {"export events browser", "Export events",
         [](UiDriver& d) {
             d.state().actions.push(ui::action::ShowDialog{ui::action::Dialog::ExportEvents});
             d.frame();
         }},
        {"story editor", "Story editor", openStoryEditor},
        {"story save as", "Save the story as",
         [](UiDriver& d) {
             openStoryEditor(d);
             ASSERT_TRUE(d.clickItem("Save as...", "Story editor"));
         }},
        {"keyboard shortcuts", "Keyboard shortcuts", [](UiDriver& d) { d.type("?"); }},
        {"about", "About qantar",
         [](UiDriver& d) {
             d.state().showAbout = true;
             d.frame();
         }},
    };
    return kSurfaces;
}

bool shown(const UiDriver& d, const std::string& window) {
    for (const auto& w : d.windows()) {
        if (w.title == window || w.name == window) return true;
    }
    return false;
}

std::vector<ui::ProbedItem> controlsOf(const UiDriver& d, const std::string& window) {
    std::vector<ui::ProbedItem> out;
    std::set<std::uint32_t> seen;
    for (const auto& it : d.items()) {
        const std::string title = ui::ItemProbe::windowTitle(it.window);
        if (!it.visible || (title != window && it.window != window) || !seen.insert(it.id).second) continue;
        if (it.rect.w < 2 || it.rect.h < 2) continue;
        out.push_back(it);
    }
    return out;
}

std::optional<ui::ProbedItem> findById(const UiDriver& d, std::uint32_t id) {
    for (const auto& it : d.items()) {
        if (it.id == id && it.visible) return it;
    }
    return std::nullopt;
}

// A driver whose HOME and data folder are a fresh temporary folder.
DriverOptions isolated() {
    (void)qantar::test::useTemporaryHome();
    return DriverOptions{};
}

}  // namespace

class GuiControls : public ::testing::TestWithParam<Surface> {};

TEST_P(GuiControls, EveryControlClicksTypesAndTabsWithoutAnIdCollision) {
    const Surface& s = GetParam();
    UiDriver d(isolated());
    s.enter(d);
    d.frame(2);  // a window that sizes itself to its contents shows from its second frame
    if (HasFatalFailure()) return;
    ASSERT_TRUE(shown(d, s.window)) << s.name << ": the window '" << s.window << "' did not appear";
    EXPECT_TRUE(ui::ItemProbe::collisions().empty()) << s.name << ": two widgets share the ID of '"
                                                     << ui::ItemProbe::collisions().front().label << "'";
    const std::vector<ui::ProbedItem> controls = controlsOf(d, s.window);
    ASSERT_FALSE(controls.empty()) << s.name;
    std::set<std::uint32_t> textFields;
    for (const ui::ProbedItem& c : controls) {
        if (!shown(d, s.window) || !findById(d, c.id)) {
            // The last click closed or changed the window: bring it back.
            d.key(GLFW_KEY_ESCAPE);
            s.enter(d);
            d.frame(2);
        }
        const auto now = findById(d, c.id);
        if (!now) continue;  // a control that only shows in another state
        d.click(now->rect.x + now->rect.w * 0.5f, now->rect.y + now->rect.h * 0.5f);
        // A text field keeps the keyboard after the click (a button is active only while held).
        if (ImGui::GetIO().WantTextInput && ImGui::GetActiveID() == c.id) {
            textFields.insert(c.id);
            d.type("7");
            d.key(GLFW_KEY_TAB);
        }
        // A combo or menu that opened: take its first entry too.
        for (const auto& w : d.windows()) {
            if (w.popup && !w.modal && w.name.rfind("##Combo", 0) == 0) {
                for (const auto& it : d.items()) {
                    if (it.window == w.name && it.visible) {
                        d.click(it.rect.x + it.rect.w * 0.5f, it.rect.y + it.rect.h * 0.5f);
                        break;
                    }
                }
            }
        }
        ASSERT_TRUE(ui::ItemProbe::collisions().empty())
            << s.name << ": clicking '" << c.label << "' found two widgets sharing the ID of '"
            << ui::ItemProbe::collisions().front().label << "' in " << ui::ItemProbe::collisions().front().window;
    }
    // Tab reaches every text field the window shows, from the first one.
    d.key(GLFW_KEY_ESCAPE);
    d.key(GLFW_KEY_ESCAPE);
    s.enter(d);
    d.frame(2);
    std::vector<ui::ProbedItem> fields;
    for (const auto& c : controlsOf(d, s.window)) {
        if (textFields.count(c.id)) fields.push_back(c);
    }
    if (fields.size() > 1) {
        const ui::ProbedItem& first = fields.front();
        d.click(first.rect.x + first.rect.w * 0.5f, first.rect.y + first.rect.h * 0.5f);
        std::set<std::uint32_t> reached;
        for (std::size_t i = 0; i < fields.size() * 2 + 2; ++i) {
            reached.insert(ImGui::GetActiveID());
            d.key(GLFW_KEY_TAB);
        }
        for (const auto& f : fields) {
            EXPECT_TRUE(reached.count(f.id)) << s.name << ": Tab never reaches the text field '" << f.label << "'";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Windows, GuiControls, ::testing::ValuesIn(surfaces()), [](const auto& p) {
    std::string n = p.param.name;
    for (char& c : n) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return n;
});

TEST(GuiControls, RecoveryAndLoadProblemDialogsWork) {
    const fs::path config = fs::temp_directory_path() / "qantar-controls-recovery";
    fs::remove_all(config);
    fs::create_directories(config);
    core::Story story{"Unsaved", {core::Scene{}}, {}};
    ASSERT_FALSE(core::writeStoryAutosave({story, "/somewhere/story.json"}, (config / "autosave-story.json").string()));
    DriverOptions o = isolated();
    o.configDir = config.string();
    o.firstStart = false;
    o.data = (config / "broken.json").string();
    ASSERT_FALSE(core::writeFileAtomically(o.data, "{ not json"));
    UiDriver d(o);
    ASSERT_TRUE(d.hasWindow("Recover unsaved work?"));
    ASSERT_TRUE(d.clickItem("Restore", "Recover unsaved work?"));
    d.frame(2);
    EXPECT_FALSE(d.state().recovery.has_value());
    EXPECT_TRUE(d.state().story.edited) << "the restored story is unsaved work";
    ASSERT_TRUE(d.hasWindow("Event data not loaded")) << "after the recovery, the broken file is reported";
    ASSERT_TRUE(d.clickItem("OK", "Event data not loaded"));
    d.frame();
    EXPECT_FALSE(d.hasWindow("Event data not loaded"));
    EXPECT_TRUE(ui::ItemProbe::collisions().empty());
    fs::remove_all(config);
}
