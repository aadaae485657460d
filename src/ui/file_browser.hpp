#pragma once
// A file chooser drawn with Dear ImGui, for the Open, Export and Story dialogs: a path field, Up
// and Home buttons, places on the left, the folder's listing (folders first; size and modified
// date), a filter, "Show hidden files", and Cancel / Open, Save or Choose. Works with the mouse
// or the keyboard alone:
//   - Tab moves between the text fields; Escape leaves a text field, and with none active cancels.
//   - Enter in the path field goes to the folder typed there, or chooses the file typed there.
//   - With no text field active: Up/Down (Home/End, Page Up/Down) select in the listing, Enter
//     enters the selected folder or chooses the selected file (in Folder mode, with nothing
//     selected, chooses the folder shown), Backspace goes up one folder, typing '/' or '~' starts
//     a path in the path field, typing letters selects the first entry starting with them.
//   - A click selects, a double click enters a folder or chooses a file.
// Save mode adds a file-name field (focused on opening) and asks "Replace existing file?" before
// an existing file is chosen. Errors (a folder that is missing or cannot be read) are shown in red
// in the dialog, which stays in the folder it was showing. The listing is read when the folder,
// the filter or the hidden flag changes, not every frame.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/io/directory_listing.hpp"

namespace qantar::ui {

struct FileFilter {
    std::string label;                    // "Event files"
    std::vector<std::string> extensions;  // lowercase, with the dot: {".json", ".csv"}; empty: all files
};

struct FilePlace {
    std::string label;  // "Home", "Bundled data", a remembered folder
    std::string path;   // an absolute folder
};

class FileBrowser {
public:
    enum class Mode { Open, Save, Folder };

    // Opens the browser; it is drawn from the next draw(). `startDir` empty or missing: the home
    // folder; a file's path: its folder, with the file selected. In Save mode `fileName` pre-fills the name field and picking a filter replaces the
    // name's extension; a name chosen without any extension gets the filter's first one. Folder
    // mode lists folders only and chooses the selected folder, or the one shown. Filters are shown
    // in the given order, the first selected; none means all files.
    void open(Mode mode, std::string title, std::string startDir, std::string fileName,
              std::vector<FileFilter> filters, std::vector<FilePlace> places);

    // Draws the browser as a modal popup when it is open; call it every frame between NewFrame()
    // and Render(), always from the same place in the ID stack. Called inside another modal's
    // BeginPopupModal()/EndPopup() it stacks on top of that modal; called at the top level while
    // another modal is showing, it would replace that modal (ImGui keeps one stack of popups).
    // Returns the chosen absolute path on the frame it is chosen, once; the browser is then closed.
    std::optional<std::string> draw();

    bool isOpen() const { return m_open; }
    // The folder shown (absolute), for the caller to remember; stays valid after closing.
    const std::string& directory() const { return m_dir; }
    // Closes without choosing (the popup disappears on the next draw()).
    void close();

    // What the listing shows (folders first; in Folder mode folders only) and the error shown in
    // red, if any ("" when none).
    const std::vector<core::DirEntry>& entries() const { return m_entries; }
    const std::string& errorMessage() const { return m_error; }

private:
    // Where a text field puts its cursor when it takes the keyboard (see fieldCallback).
    struct FieldFocus {
        enum class Place { Default, SelectStem, CursorToEnd };
        Place next = Place::Default;  // for the next time the field takes the keyboard
        int tabFrame = -2;            // ImGui frame count of the last Tab press
        int tabHandled = -2;          // the tabFrame whose text selection was done
    };

    bool navigate(const std::string& to);
    bool reloadListing();
    void selectByName(const std::string& name);
    void userSelect(std::size_t index);
    void moveSelection(long delta);
    void goUp();
    void submitPath();
    void activateEntry(std::size_t index);
    void activateDefault();
    void chooseForSave(const std::string& path);
    void choose(const std::string& path);
    void handleKeys();
    void drawPathBar();
    void drawPlaces(float widthPx, float heightPx);
    void drawListing(float heightPx);
    void drawFooter();
    void drawReplaceConfirmation();
    void applyFilterToFileName();
    const std::vector<std::string>& activeExtensions() const;

    Mode m_mode = Mode::Open;
    std::string m_title;
    std::vector<FileFilter> m_filters;
    std::vector<FilePlace> m_places;
    int m_filter = 0;
    bool m_showHidden = false;  // kept from one open() to the next

    std::string m_dir;                       // absolute; the folder listed
    std::vector<core::DirEntry> m_entries;   // m_dir's listing for m_filter and m_showHidden
    std::optional<std::size_t> m_selected;   // index into m_entries
    bool m_scrollToSelected = false;
    long m_pageRows = 1;                     // rows that fit in the listing, for Page Up/Down
    std::string m_typeAhead;                 // letters typed over the listing, to select by name
    double m_typeAheadTime = 0.0;            // ImGui::GetTime() of the last of them

    std::string m_pathText;      // the path field
    std::string m_fileName;      // Save mode's name field
    std::string m_error;         // shown in red; cleared by the next successful move
    std::string m_confirmPath;   // Save mode: an existing file waiting for "Replace"
    std::optional<std::string> m_chosen;

    bool m_open = false;
    bool m_openPopup = false;        // OpenPopup() on the next draw()
    bool m_openConfirm = false;      // open the "Replace existing file?" popup on the next draw()
    bool m_focusName = false;        // give the name field the keyboard on the next draw()
    bool m_focusPath = false;        // give the path field the keyboard on the next draw()
    int m_pathTypedFrame = -2;       // ImGui frame count when a path was typed over the listing
    FieldFocus m_nameFocus, m_pathFocus;
};

}  // namespace qantar::ui
