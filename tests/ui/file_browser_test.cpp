// The file chooser (ui/file_browser.hpp) run in a bare ImGui context with no renderer: frames are
// built and ended, never drawn, and input goes in through ImGuiIO as a backend would feed it.
// Keys and typed text drive it, as a keyboard user would.
#include "ui/file_browser.hpp"

#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using qantar::ui::FileBrowser;
using qantar::ui::FileFilter;
using qantar::ui::FilePlace;

namespace {

constexpr float kDisplayWidthPx = 1280.0f, kDisplayHeightPx = 720.0f;

class FileBrowserTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() / ("qantar_file_browser_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir / "sub");
        for (const char* name : {"a.json", "b.csv", "notes.txt"}) std::ofstream(m_dir / name) << name;

        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(kDisplayWidthPx, kDisplayHeightPx);
        io.DeltaTime = 1.0f / 60.0f;
        // A key's index in KeysDown is its ImGuiKey value, as a backend with no codes of its own would do.
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    }
    void TearDown() override {
        ImGui::DestroyContext();
        fs::remove_all(m_dir);
    }

    std::string dir() const { return m_dir.string(); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    void openBrowser(FileBrowser::Mode mode, const std::string& startDir, const std::string& fileName = "",
                     std::vector<FileFilter> filters = {{"Event files", {".json", ".csv"}}, {"All files", {}}}) {
        m_browser.open(mode, "Open events", startDir, fileName, std::move(filters),
                       {{"Home", qantar::core::homeDirectory()}, {"Test data", dir()}});
    }

    // One frame: NewFrame, the browser (or `body` instead), Render. Returns what draw() chose.
    std::optional<std::string> frame(const std::function<std::optional<std::string>()>& body = nullptr) {
        ImGui::NewFrame();
        std::optional<std::string> chosen = body ? body() : m_browser.draw();
        ImGui::Render();
        if (chosen) m_chosen = chosen;
        return chosen;
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    // A key held for one frame and released on the next, as a quick press arrives.
    void press(ImGuiKey key) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[io.KeyMap[key]] = true;
        frame(m_body);
        io.KeysDown[io.KeyMap[key]] = false;
        frame(m_body);
    }
    void type(const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frame(m_body);
    }
    std::vector<std::string> shownNames() const {
        std::vector<std::string> names;
        for (const auto& e : m_browser.entries()) names.push_back(e.directory ? e.name + "/" : e.name);
        return names;
    }

    fs::path m_dir;
    FileBrowser m_browser;
    std::optional<std::string> m_chosen;  // the last path draw() returned, from any frame
    std::function<std::optional<std::string>()> m_body;
};

using Names = std::vector<std::string>;

}  // namespace

TEST_F(FileBrowserTest, OpensInTheGivenFolderAsAModalListingItFiltered) {
    openBrowser(FileBrowser::Mode::Open, dir());
    bool popupShown = false;
    frame([&] {
        auto chosen = m_browser.draw();
        popupShown = ImGui::IsPopupOpen("Open events###file_browser");
        return chosen;
    });
    EXPECT_TRUE(popupShown);
    EXPECT_TRUE(m_browser.isOpen());
    EXPECT_EQ(m_browser.directory(), dir());
    EXPECT_EQ(shownNames(), (Names{"sub/", "a.json", "b.csv"}));
    EXPECT_EQ(m_browser.errorMessage(), "");
}

TEST_F(FileBrowserTest, FitsA1280By720WindowCentredWithNothingCutOff) {
    for (const auto mode : {FileBrowser::Mode::Open, FileBrowser::Mode::Save, FileBrowser::Mode::Folder}) {
        openBrowser(mode, dir(), "events.json");
        frames(2);
        // An error line too, the tallest the browser gets (typed into the path field, or the name
        // field in Save mode).
        type(path("nowhere/deeper"));
        press(ImGuiKey_Enter);
        ASSERT_NE(m_browser.errorMessage(), "") << static_cast<int>(mode);
        const ImGuiWindow* window = ImGui::FindWindowByName("Open events###file_browser");
        ASSERT_NE(window, nullptr);
        EXPECT_LE(window->Size.x, 1000.0f);
        EXPECT_LE(window->Size.y, 640.0f);
        EXPECT_NEAR(window->Pos.x + window->Size.x * 0.5f, kDisplayWidthPx * 0.5f, 1.0f);
        EXPECT_NEAR(window->Pos.y + window->Size.y * 0.5f, kDisplayHeightPx * 0.5f, 1.0f);
        // Its contents fit: the window has no scrollbar, so anything beyond its bottom would be lost.
        EXPECT_LE(window->ContentSize.y, window->ContentRegionRect.GetHeight() + 0.5f) << static_cast<int>(mode);
        EXPECT_LE(window->ContentSize.x, window->ContentRegionRect.GetWidth() + 0.5f) << static_cast<int>(mode);
        m_browser.close();
        frame();
    }
}

TEST_F(FileBrowserTest, AMissingOrEmptyStartFolderMeansHome) {
    openBrowser(FileBrowser::Mode::Open, dir() + "/gone");
    frame();
    EXPECT_EQ(m_browser.directory(), qantar::core::absolutePath(qantar::core::homeDirectory(), "/"));
    EXPECT_EQ(m_browser.errorMessage(), "");
    openBrowser(FileBrowser::Mode::Open, "");
    frame();
    EXPECT_EQ(m_browser.directory(), qantar::core::absolutePath(qantar::core::homeDirectory(), "/"));
}

TEST_F(FileBrowserTest, TabThenATypedFilePathAndEnterChooseIt) {
    openBrowser(FileBrowser::Mode::Open, dir());
    frames(2);
    press(ImGuiKey_Tab);
    // The path field holds the folder shown, all selected when Tab reaches it, so typing replaces it.
    type(path("b.csv"));
    EXPECT_FALSE(m_chosen);
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen);
    EXPECT_EQ(*m_chosen, path("b.csv"));
    EXPECT_FALSE(m_browser.isOpen());
    // Chosen once: later frames return nothing.
    EXPECT_FALSE(frame());
}

TEST_F(FileBrowserTest, TypingASlashStartsAPathInThePathField) {
    openBrowser(FileBrowser::Mode::Open, dir());
    frames(2);
    type(path("a.json"));
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen);
    EXPECT_EQ(*m_chosen, path("a.json"));
}

TEST_F(FileBrowserTest, ATypedFolderIsEnteredAndARelativePathIsTakenFromTheFolderShown) {
    openBrowser(FileBrowser::Mode::Open, dir());
    frames(2);
    type(path("sub") + "/");
    press(ImGuiKey_Enter);
    EXPECT_FALSE(m_chosen);
    EXPECT_EQ(m_browser.directory(), path("sub"));
    EXPECT_EQ(shownNames(), Names{});

    press(ImGuiKey_Tab);
    type("../a.json");
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen) << m_browser.errorMessage();
    EXPECT_EQ(*m_chosen, path("a.json"));
}

TEST_F(FileBrowserTest, AMissingFolderTypedInShowsAnErrorAndKeepsTheFolderShown) {
    openBrowser(FileBrowser::Mode::Open, dir());
    frames(2);
    type(path("nowhere/deeper"));
    press(ImGuiKey_Enter);
    EXPECT_FALSE(m_chosen);
    EXPECT_TRUE(m_browser.isOpen());
    EXPECT_EQ(m_browser.directory(), dir());
    EXPECT_EQ(shownNames(), (Names{"sub/", "a.json", "b.csv"}));
    EXPECT_NE(m_browser.errorMessage().find(path("nowhere/deeper")), std::string::npos) << m_browser.errorMessage();
    // The next successful move clears it.
    press(ImGuiKey_Escape);  // leaves the path field
    press(ImGuiKey_DownArrow);
    press(ImGuiKey_Enter);
    EXPECT_EQ(m_browser.directory(), path("sub"));
    EXPECT_EQ(m_browser.errorMessage(), "");
}

TEST_F(FileBrowserTest, ArrowsSelectEnterGoesInAndBackspaceGoesBackUp) {
    openBrowser(FileBrowser::Mode::Open, dir());
    frames(2);
    press(ImGuiKey_DownArrow);
    press(ImGuiKey_Enter);
    EXPECT_EQ(m_browser.directory(), path("sub"));
    press(ImGuiKey_Backspace);
    EXPECT_EQ(m_browser.directory(), dir());
    // The folder just left is selected, so Enter goes back into it.
    press(ImGuiKey_Enter);
    EXPECT_EQ(m_browser.directory(), path("sub"));
    press(ImGuiKey_Backspace);
    press(ImGuiKey_DownArrow);
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen);
    EXPECT_EQ(*m_chosen, path("a.json"));
}

TEST_F(FileBrowserTest, TypedLettersSelectTheFirstEntryStartingWithThem) {
    openBrowser(FileBrowser::Mode::Open, dir());
    frames(2);
    type("b");
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen);
    EXPECT_EQ(*m_chosen, path("b.csv"));
}

TEST_F(FileBrowserTest, TheListingIsReadAgainOnlyWhenTheFolderChanges) {
    openBrowser(FileBrowser::Mode::Open, dir());
    frames(2);
    std::ofstream(m_dir / "c.csv") << "new";
    frames(5);
    EXPECT_EQ(shownNames(), (Names{"sub/", "a.json", "b.csv"}));
    press(ImGuiKey_DownArrow);
    press(ImGuiKey_Enter);
    press(ImGuiKey_Backspace);
    EXPECT_EQ(shownNames(), (Names{"sub/", "a.json", "b.csv", "c.csv"}));
}

TEST_F(FileBrowserTest, EscapeCancelsWithoutChoosing) {
    openBrowser(FileBrowser::Mode::Open, dir());
    frames(2);
    press(ImGuiKey_Escape);
    EXPECT_FALSE(m_browser.isOpen());
    EXPECT_FALSE(m_chosen);
    bool popupShown = true;
    frame([&] {
        auto chosen = m_browser.draw();
        popupShown = ImGui::IsPopupOpen("Open events###file_browser");
        return chosen;
    });
    EXPECT_FALSE(popupShown);
}

TEST_F(FileBrowserTest, SaveTypesOverTheNameKeepingItsExtension) {
    openBrowser(FileBrowser::Mode::Save, dir(), "report.png", {{"PNG image", {".png"}}});
    frames(2);
    // The name field has the keyboard with "report" selected: typing replaces the stem only.
    type("week");
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen);
    EXPECT_EQ(*m_chosen, path("week.png"));
}

TEST_F(FileBrowserTest, SaveAddsTheFiltersExtensionToABareName) {
    openBrowser(FileBrowser::Mode::Save, dir(), "", {{"PNG image", {".png"}}});
    frames(2);
    type("figure");
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen);
    EXPECT_EQ(*m_chosen, path("figure.png"));
}

TEST_F(FileBrowserTest, SaveOverAnExistingFileAsksFirst) {
    openBrowser(FileBrowser::Mode::Save, dir(), "b.csv", {{"CSV", {".csv"}}});
    frames(2);
    press(ImGuiKey_Enter);
    EXPECT_FALSE(m_chosen);
    bool asking = false;
    frame([&] {
        auto chosen = m_browser.draw();
        asking = ImGui::FindWindowByName("Replace existing file?###file_browser_replace") != nullptr &&
                 ImGui::FindWindowByName("Replace existing file?###file_browser_replace")->Active;
        return chosen;
    });
    EXPECT_TRUE(asking);
    // Escape keeps the file and returns to the browser; Enter there asks again, and Enter replaces.
    press(ImGuiKey_Escape);
    EXPECT_FALSE(m_chosen);
    EXPECT_TRUE(m_browser.isOpen());
    press(ImGuiKey_Enter);
    EXPECT_FALSE(m_chosen);
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen);
    EXPECT_EQ(*m_chosen, path("b.csv"));
}

TEST_F(FileBrowserTest, FolderModeListsFoldersAndEnterChoosesTheFolderShown) {
    openBrowser(FileBrowser::Mode::Folder, dir());
    frames(2);
    EXPECT_EQ(shownNames(), Names{"sub/"});
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen);
    EXPECT_EQ(*m_chosen, dir());
}

TEST_F(FileBrowserTest, StacksOnTopOfAnotherModalAndLeavesItOpen) {
    bool outerOpen = false, browserOpen = false;
    bool openOuter = true;
    m_body = [&]() -> std::optional<std::string> {
        if (openOuter) {
            ImGui::OpenPopup("Export###outer_dialog");
            openOuter = false;
        }
        std::optional<std::string> chosen;
        outerOpen = ImGui::BeginPopupModal("Export###outer_dialog");
        if (outerOpen) {
            chosen = m_browser.draw();
            browserOpen = ImGui::IsPopupOpen("Open events###file_browser");
            ImGui::EndPopup();
        }
        return chosen;
    };
    frame(m_body);
    openBrowser(FileBrowser::Mode::Open, dir());
    frame(m_body);
    frame(m_body);
    EXPECT_TRUE(outerOpen);
    EXPECT_TRUE(browserOpen);
    type(path("a.json"));
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen);
    EXPECT_EQ(*m_chosen, path("a.json"));
    frame(m_body);
    EXPECT_TRUE(outerOpen);
    EXPECT_FALSE(browserOpen);
}

// The only test that needs to know where something is drawn: the listing's rows, found from the
// table's scrolling child window and the style's row height.
TEST_F(FileBrowserTest, AClickSelectsAndADoubleClickEntersAFolder) {
    openBrowser(FileBrowser::Mode::Open, dir());
    frames(2);
    const ImGuiWindow* browser = ImGui::FindWindowByName("Open events###file_browser");
    ASSERT_NE(browser, nullptr);
    const ImGuiWindow* listing = nullptr;
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        if (w->ParentWindow == browser && std::string(w->Name).find("file_browser_listing") != std::string::npos) listing = w;
    }
    ASSERT_NE(listing, nullptr);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float rowPx = ImGui::GetFontSize() + 2.0f * style.CellPadding.y;
    // Row 0 is the header; row r of the listing is at r + 1.
    auto rowCentre = [&](int r) { return ImVec2(listing->Pos.x + 40.0f, listing->Pos.y + rowPx * (static_cast<float>(r) + 1.5f)); };
    ImGuiIO& io = ImGui::GetIO();
    auto click = [&](ImVec2 at) {
        io.MousePos = at;
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    };

    click(rowCentre(2));  // b.csv
    press(ImGuiKey_Enter);
    ASSERT_TRUE(m_chosen);
    EXPECT_EQ(*m_chosen, path("b.csv"));

    m_chosen.reset();
    openBrowser(FileBrowser::Mode::Open, dir());
    frames(2);
    click(rowCentre(0));  // sub/
    EXPECT_EQ(m_browser.directory(), dir());
    click(rowCentre(0));
    EXPECT_EQ(m_browser.directory(), path("sub"));
    EXPECT_FALSE(m_chosen);
}
