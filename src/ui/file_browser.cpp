#include "ui/file_browser.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <utility>

namespace qantar::ui {

namespace {

// The popups' ImGui IDs come from the part after "###", so the titles may change freely.
constexpr const char* kWindowId = "###file_browser";
constexpr const char* kReplaceTitle = "Replace existing file?###file_browser_replace";
constexpr float kViewportShare = 0.85f;
constexpr float kMaxWidthPx = 1000.0f, kMaxHeightPx = 640.0f;
constexpr float kButtonWidthPx = 100.0f;
constexpr float kSizeColumnPx = 90.0f, kModifiedColumnPx = 140.0f;
constexpr double kTypeAheadSeconds = 1.0;
const ImVec4 kErrorColour(1.0f, 0.38f, 0.35f, 1.0f);

std::string joinPath(const std::string& dir, const std::string& name) {
    return dir == "/" ? "/" + name : dir + "/" + name;
}

std::string lowerAscii(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

// The name part of a path (after the last slash).
std::string baseName(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string formatSize(std::uintmax_t bytes) {
    char text[32];
    if (bytes < 1024) {
        std::snprintf(text, sizeof text, "%ju B", bytes);
        return text;
    }
    const char* units[] = {"KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(units)) {
        value /= 1024.0;
        ++unit;
    }
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
    return text;
}

// Local time, unlike the map's explicit zones: people recognise their files by the clock on their wall.
std::string formatModified(std::int64_t unixSeconds) {
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm local {};
    if (!::localtime_r(&t, &local)) return "";
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

void appendUtf8(std::string& out, unsigned int c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Where a file name's extension starts: the longest of `known` it ends with, else its last dot
// (not a leading one); the name's length when it has none.
std::size_t extensionStart(const std::string& name, const std::vector<FileFilter>& filters) {
    const std::string lower = lowerAscii(name);
    std::size_t best = name.size();
    for (const auto& filter : filters) {
        for (const auto& ext : filter.extensions) {
            const std::string e = lowerAscii(ext);
            if (!e.empty() && lower.size() > e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0) {
                best = std::min(best, lower.size() - e.size());
            }
        }
    }
    if (best != name.size()) return best;
    const std::size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name.size() : dot;
}

bool keyPressed(ImGuiKey key, bool repeat) {
    const int index = ImGui::GetKeyIndex(key);
    return index >= 0 && ImGui::IsKeyPressed(index, repeat);
}

// Places the cursor when a field takes the keyboard: as asked once (the name's stem selected, or
// the cursor after text typed before the field had the keyboard), and all selected when Tab
// brings the keyboard, so typing replaces the text. ImGui 1.86 selects all on tabbing into a field
// only the first time; Tab from the only field back into itself keeps it active throughout, so
// the Tab is remembered for a frame. User data: the field's FileBrowser::FieldFocus (a template
// parameter, as that type is private to the browser).
template <typename Focus>
int fieldCallback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways) return 0;
    auto* focus = static_cast<Focus*>(data->UserData);
    using Place = typename Focus::Place;
    auto selectUpTo = [&](int end) {
        data->SelectionStart = 0;
        data->SelectionEnd = data->CursorPos = end;
    };
    if (focus->next == Place::SelectStem) {
        const std::string text(data->Buf, static_cast<std::size_t>(data->BufTextLen));
        const std::size_t dot = text.rfind('.');
        selectUpTo(dot == std::string::npos || dot == 0 ? data->BufTextLen : static_cast<int>(dot));
    } else if (focus->next == Place::CursorToEnd) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
    } else if (ImGui::GetFrameCount() - focus->tabFrame <= 1 && focus->tabHandled != focus->tabFrame) {
        selectUpTo(data->BufTextLen);
        focus->tabHandled = focus->tabFrame;
    }
    focus->next = Place::Default;
    return 0;
}

// A small folder drawn in the text colour, so the marker needs no glyph from the font.
void drawFolderIcon(float sizePx) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text, 0.75f);
    const float top = p.y + sizePx * 0.22f, bottom = p.y + sizePx * 0.88f;
    draw->AddRectFilled(ImVec2(p.x, top), ImVec2(p.x + sizePx * 0.45f, top + sizePx * 0.2f), colour, 1.0f);
    draw->AddRectFilled(ImVec2(p.x, top + sizePx * 0.12f), ImVec2(p.x + sizePx * 0.95f, bottom), colour, 1.5f);
}

}  // namespace

void FileBrowser::open(Mode mode, std::string title, std::string startDir, std::string fileName,
                       std::vector<FileFilter> filters, std::vector<FilePlace> places) {
    m_mode = mode;
    m_title = std::move(title);
    m_filters = std::move(filters);
    m_places = std::move(places);
    const std::string home = core::homeDirectory();
    for (auto& place : m_places) place.path = core::absolutePath(place.path, home);
    m_filter = 0;
    m_fileName = std::move(fileName);
    m_error.clear();
    m_confirmPath.clear();
    m_openConfirm = false;
    m_chosen.reset();
    m_typeAhead.clear();

    std::string start = startDir.empty() ? home : core::absolutePath(startDir, home);
    std::string selectName;
    if (const auto info = core::pathInfo(start); info && !info->directory) {
        // A file's path: show its folder with the file selected.
        selectName = info->name;
        start = core::parentDirectory(start);
    }
    // A missing or unreadable start falls back quietly: the caller's remembered folder may be gone.
    if (!navigate(start) && !navigate(home)) navigate("/");
    m_error.clear();
    if (!selectName.empty()) selectByName(selectName);

    m_open = true;
    m_openPopup = true;
    m_focusName = m_mode == Mode::Save;
    m_nameFocus.next = m_focusName ? FieldFocus::Place::SelectStem : FieldFocus::Place::Default;
}

void FileBrowser::close() {
    m_open = false;
    m_openPopup = false;
    m_confirmPath.clear();
}

const std::vector<std::string>& FileBrowser::activeExtensions() const {
    static const std::vector<std::string> kAll;
    if (m_mode == Mode::Folder || m_filters.empty()) return kAll;
    return m_filters[static_cast<std::size_t>(std::clamp(m_filter, 0, static_cast<int>(m_filters.size()) - 1))].extensions;
}

bool FileBrowser::navigate(const std::string& to) {
    // One spelling per folder, so the places can tell which of them is shown.
    const std::string dir = core::absolutePath(to, m_dir);
    auto listed = core::listDirectory(dir, activeExtensions(), m_showHidden);
    if (!listed.ok()) {
        m_error = listed.error().message;
        return false;
    }
    m_entries = std::move(*listed);
    if (m_mode == Mode::Folder) {
        m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(), [](const core::DirEntry& e) { return !e.directory; }),
                        m_entries.end());
    }
    m_dir = dir;
    m_pathText = m_dir;
    m_selected.reset();
    m_scrollToSelected = false;
    m_error.clear();
    m_typeAhead.clear();
    return true;
}

bool FileBrowser::reloadListing() {
    const std::optional<std::string> selected =
        m_selected ? std::optional<std::string>(m_entries[*m_selected].name) : std::nullopt;
    if (!navigate(m_dir)) return false;
    if (selected) selectByName(*selected);
    return true;
}

void FileBrowser::selectByName(const std::string& name) {
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].name == name) {
            m_selected = i;
            m_scrollToSelected = true;
            return;
        }
    }
}

void FileBrowser::userSelect(std::size_t index) {
    m_selected = index;
    m_scrollToSelected = true;
    // Save mode: picking an existing file offers its name, as typing it would.
    if (m_mode == Mode::Save && !m_entries[index].directory) m_fileName = m_entries[index].name;
}

void FileBrowser::goUp() {
    if (m_dir == "/") return;
    const std::string from = baseName(m_dir);
    // Selecting the folder we came from lets Backspace then Enter return to it.
    if (navigate(core::parentDirectory(m_dir))) selectByName(from);
}

void FileBrowser::choose(const std::string& path) {
    m_chosen = path;
    m_open = false;
}

void FileBrowser::submitPath() {
    const std::string path = core::absolutePath(m_pathText, m_dir);
    const auto info = core::pathInfo(path);
    if (info && info->directory) {
        navigate(path);
        return;
    }
    switch (m_mode) {
        case Mode::Open:
            if (info) choose(path);
            else m_error = path + ": no such file or folder";
            break;
        case Mode::Save:
            chooseForSave(path);
            break;
        case Mode::Folder:
            m_error = info ? path + ": is a file, not a folder" : path + ": folder not found";
            break;
    }
}

void FileBrowser::chooseForSave(const std::string& path) {
    if (const auto info = core::pathInfo(path); info && info->directory) {
        navigate(path);
        return;
    }
    std::string target = path;
    const auto& extensions = activeExtensions();
    if (baseName(target).find('.') == std::string::npos && !extensions.empty()) target += extensions.front();
    const std::string folder = core::parentDirectory(target);
    if (const auto parent = core::pathInfo(folder); !parent || !parent->directory) {
        m_error = folder + ": folder not found";
        return;
    }
    if (const auto existing = core::pathInfo(target)) {
        if (existing->directory) {
            m_error = target + ": is a folder";
            return;
        }
        m_confirmPath = target;
        m_openConfirm = true;
        return;
    }
    choose(target);
}

void FileBrowser::activateEntry(std::size_t index) {
    if (index >= m_entries.size()) return;
    const core::DirEntry entry = m_entries[index];
    const std::string path = joinPath(m_dir, entry.name);
    if (entry.directory) {
        navigate(path);
        return;
    }
    if (m_mode == Mode::Save) {
        m_fileName = entry.name;
        chooseForSave(path);
        return;
    }
    choose(path);
}

void FileBrowser::activateDefault() {
    // A selected folder is gone into, except in Folder mode, where it is the answer.
    if (m_selected && m_entries[*m_selected].directory && m_mode != Mode::Folder) {
        activateEntry(*m_selected);
        return;
    }
    switch (m_mode) {
        case Mode::Open:
            if (m_selected) activateEntry(*m_selected);
            else if (m_pathText != m_dir) submitPath();
            break;
        case Mode::Save:
            if (!m_fileName.empty()) chooseForSave(core::absolutePath(m_fileName, m_dir));
            else if (m_selected) activateEntry(*m_selected);
            break;
        case Mode::Folder:
            if (m_selected) choose(joinPath(m_dir, m_entries[*m_selected].name));
            else if (m_pathText != m_dir) submitPath();
            else choose(m_dir);
            break;
    }
}

void FileBrowser::applyFilterToFileName() {
    const auto& extensions = activeExtensions();
    if (m_fileName.empty() || extensions.empty()) return;
    m_fileName = m_fileName.substr(0, extensionStart(m_fileName, m_filters)) + extensions.front();
}

void FileBrowser::moveSelection(long delta) {
    if (m_entries.empty()) return;
    const long last = static_cast<long>(m_entries.size()) - 1;
    const long from = m_selected ? static_cast<long>(*m_selected) : (delta > 0 ? -1 : last + 1);
    userSelect(static_cast<std::size_t>(std::clamp(from + delta, 0L, last)));
}

void FileBrowser::handleKeys() {
    ImGuiIO& io = ImGui::GetIO();
    if (keyPressed(ImGuiKey_Escape, false)) {
        close();
        return;
    }
    const long page = std::max(1L, m_pageRows);
    if (keyPressed(ImGuiKey_DownArrow, true)) moveSelection(1);
    if (keyPressed(ImGuiKey_UpArrow, true)) moveSelection(-1);
    if (keyPressed(ImGuiKey_PageDown, true)) moveSelection(page);
    if (keyPressed(ImGuiKey_PageUp, true)) moveSelection(-page);
    if (keyPressed(ImGuiKey_Home, false)) moveSelection(-static_cast<long>(m_entries.size()));
    if (keyPressed(ImGuiKey_End, false)) moveSelection(static_cast<long>(m_entries.size()));
    if (keyPressed(ImGuiKey_Backspace, false)) goUp();
    if (keyPressed(ImGuiKey_Enter, false) || keyPressed(ImGuiKey_KeyPadEnter, false)) {
        // A path typed over the listing is in the path field before the field has the keyboard
        // (it takes it a frame later), so an Enter that quick is meant for the path.
        if (ImGui::GetFrameCount() - m_pathTypedFrame <= 1) submitPath();
        // In Folder mode Enter goes into the selected folder, and with none selected chooses the one shown.
        else if (m_mode == Mode::Folder && m_selected) activateEntry(*m_selected);
        else activateDefault();
    }

    // Typing with no text field active: a path starts in the path field, anything else selects
    // the first entry starting with what was typed in the last second.
    if (io.InputQueueCharacters.empty() || io.KeyCtrl) return;
    std::string typed;
    for (const ImWchar c : io.InputQueueCharacters) appendUtf8(typed, static_cast<unsigned int>(c));
    io.InputQueueCharacters.resize(0);
    if (typed.front() == '/' || typed.front() == '~') {
        m_pathText = typed;
        m_pathTypedFrame = ImGui::GetFrameCount();
        m_focusPath = true;
        m_pathFocus.next = FieldFocus::Place::CursorToEnd;
        return;
    }
    const double now = ImGui::GetTime();
    if (now - m_typeAheadTime > kTypeAheadSeconds) m_typeAhead.clear();
    m_typeAhead += lowerAscii(typed);
    m_typeAheadTime = now;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (lowerAscii(m_entries[i].name).rfind(m_typeAhead, 0) == 0) {
            userSelect(i);
            break;
        }
    }
}

void FileBrowser::drawPathBar() {
    if (ImGui::Button("Up##file_browser_up")) goUp();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The folder above (Backspace)");
    ImGui::SameLine();
    if (ImGui::Button("Home##file_browser_home")) navigate(core::homeDirectory());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", core::homeDirectory().c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    if (m_focusPath) {
        ImGui::SetKeyboardFocusHere();
        m_focusPath = false;
    }
    if (ImGui::InputTextWithHint("##file_browser_path", "a folder or file; Enter goes there", &m_pathText,
                                 ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways,
                                 fieldCallback<FieldFocus>, &m_pathFocus)) {
        submitPath();
    }
}

void FileBrowser::drawPlaces(float widthPx, float heightPx) {
    ImGui::BeginChild("##file_browser_places", ImVec2(widthPx, heightPx), true);
    for (std::size_t i = 0; i < m_places.size(); ++i) {
        const FilePlace& place = m_places[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(place.label.c_str(), place.path == m_dir)) navigate(place.path);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", place.path.c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void FileBrowser::drawListing(float heightPx) {
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
    const float rowPx = ImGui::GetFontSize() + 2.0f * ImGui::GetStyle().CellPadding.y;
    m_pageRows = std::max(1L, static_cast<long>(heightPx / rowPx) - 2);
    if (!ImGui::BeginTable("##file_browser_listing", 3, flags, ImVec2(0.0f, heightPx))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed, kSizeColumnPx);
    ImGui::TableSetupColumn("Modified", ImGuiTableColumnFlags_WidthFixed, kModifiedColumnPx);
    ImGui::TableHeadersRow();

    if (m_entries.empty()) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextDisabled(m_mode == Mode::Folder ? "(no folders here)" : "(nothing here matches the filter)");
    }

    std::optional<std::size_t> activate;
    const float iconPx = ImGui::GetTextLineHeight();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_entries.size()));
    if (m_scrollToSelected && m_selected) {
        const int row = static_cast<int>(*m_selected);
        clipper.ForceDisplayRangeByIndices(row, row + 1);
    }
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto i = static_cast<std::size_t>(row);
            const core::DirEntry& entry = m_entries[i];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(row);
            const bool selected = m_selected == i;
            if (ImGui::Selectable("##entry", selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                userSelect(i);
                m_scrollToSelected = false;
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) activate = i;
            }
            if (selected && m_scrollToSelected) {
                ImGui::SetScrollHereY();
                m_scrollToSelected = false;
            }
            ImGui::SameLine();
            if (entry.directory) drawFolderIcon(iconPx);
            ImGui::Dummy(ImVec2(iconPx, iconPx));
            ImGui::SameLine();
            if (entry.directory) {
                ImGui::Text("%s/", entry.name.c_str());
            } else {
                ImGui::TextUnformatted(entry.name.c_str());
            }
            ImGui::TableSetColumnIndex(1);
            if (!entry.directory) ImGui::TextUnformatted(formatSize(entry.sizeBytes).c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(formatModified(entry.modifiedUnix).c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    // Entering a folder replaces m_entries, so it waits until the rows are drawn.
    if (activate) activateEntry(*activate);
}

void FileBrowser::drawFooter() {
    if (m_mode == Mode::Save) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("File name");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1.0f);
        if (m_focusName) {
            ImGui::SetKeyboardFocusHere();
            m_focusName = false;
        }
        if (ImGui::InputText("##file_browser_name", &m_fileName,
                             ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways,
                             fieldCallback<FieldFocus>, &m_nameFocus)) {
            activateDefault();
        }
    }

    if (!m_filters.empty() && m_mode != Mode::Folder) {
        auto describe = [](const FileFilter& f) {
            std::string text = f.label;
            if (!f.extensions.empty()) {
                text += " (";
                for (std::size_t k = 0; k < f.extensions.size(); ++k) text += (k ? ", " : "") + f.extensions[k];
                text += ")";
            }
            return text;
        };
        const int current = std::clamp(m_filter, 0, static_cast<int>(m_filters.size()) - 1);
        ImGui::SetNextItemWidth(std::min(320.0f, ImGui::GetContentRegionAvail().x * 0.4f));
        if (ImGui::BeginCombo("##file_browser_filter", describe(m_filters[static_cast<std::size_t>(current)]).c_str())) {
            for (std::size_t k = 0; k < m_filters.size(); ++k) {
                ImGui::PushID(static_cast<int>(k));
                if (ImGui::Selectable(describe(m_filters[k]).c_str(), static_cast<int>(k) == current) &&
                    static_cast<int>(k) != current) {
                    m_filter = static_cast<int>(k);
                    if (m_mode == Mode::Save) applyFilterToFileName();
                    reloadListing();
                }
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
    }
    if (ImGui::Checkbox("Show hidden files##file_browser_hidden", &m_showHidden)) reloadListing();

    const char* action = m_mode == Mode::Open ? "Open##file_browser_action"
                         : m_mode == Mode::Save ? "Save##file_browser_action"
                                                : "Choose##file_browser_action";
    const float buttonsPx = 2.0f * kButtonWidthPx + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - buttonsPx));
    if (ImGui::Button("Cancel##file_browser_cancel", ImVec2(kButtonWidthPx, 0.0f))) close();
    ImGui::SameLine();
    const bool canAct = m_mode == Mode::Folder || (m_mode == Mode::Save && !m_fileName.empty()) || m_selected ||
                        (m_mode == Mode::Open && m_pathText != m_dir);
    ImGui::BeginDisabled(!canAct);
    if (ImGui::Button(action, ImVec2(kButtonWidthPx, 0.0f))) activateDefault();
    ImGui::EndDisabled();
}

void FileBrowser::drawReplaceConfirmation() {
    if (m_openConfirm) {
        ImGui::OpenPopup(kReplaceTitle);
        m_openConfirm = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kReplaceTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("\"%s\" already exists in %s.", baseName(m_confirmPath).c_str(), core::parentDirectory(m_confirmPath).c_str());
    ImGui::TextUnformatted("Replacing it overwrites what it holds.");
    bool replace = ImGui::Button("Replace##file_browser_replace_yes", ImVec2(kButtonWidthPx, 0.0f));
    ImGui::SameLine();
    bool keep = ImGui::Button("Cancel##file_browser_replace_no", ImVec2(kButtonWidthPx, 0.0f));
    // The key that asked for the confirmation must not also answer it.
    if (!ImGui::IsWindowAppearing()) {
        replace = replace || keyPressed(ImGuiKey_Enter, false) || keyPressed(ImGuiKey_KeyPadEnter, false);
        keep = keep || keyPressed(ImGuiKey_Escape, false);
    }
    if (replace) {
        choose(m_confirmPath);
        m_confirmPath.clear();
        ImGui::CloseCurrentPopup();
    } else if (keep) {
        m_confirmPath.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

std::optional<std::string> FileBrowser::draw() {
    const std::string name = m_title + kWindowId;
    if (m_openPopup) {
        ImGui::OpenPopup(name.c_str());
        m_openPopup = false;
    }
    if (!m_open) {
        // Closed from outside while showing: the popup can only be closed from within its scope.
        if (ImGui::IsPopupOpen(name.c_str()) && ImGui::BeginPopupModal(name.c_str())) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return std::exchange(m_chosen, std::nullopt);
    }

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 size(std::min(viewport->WorkSize.x * kViewportShare, kMaxWidthPx),
                      std::min(viewport->WorkSize.y * kViewportShare, kMaxHeightPx));
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(viewport->GetWorkCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(name.c_str(), &m_open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                                            ImGuiWindowFlags_NoScrollWithMouse)) {
        // Closed by its title bar's button.
        return std::exchange(m_chosen, std::nullopt);
    }

    if (keyPressed(ImGuiKey_Tab, true)) m_pathFocus.tabFrame = m_nameFocus.tabFrame = ImGui::GetFrameCount();
    // Keys for the listing only when no text field has them and nothing stacked above has focus;
    // not on the first frame, so the key that opened the browser does not act in it.
    if (!ImGui::IsWindowAppearing() && !ImGui::IsAnyItemActive() && m_confirmPath.empty() &&
        ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        handleKeys();
    }

    drawPathBar();
    if (!m_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
        ImGui::TextWrapped("%s", m_error.c_str());
        ImGui::PopStyleColor();
    }

    const ImGuiStyle& style = ImGui::GetStyle();
    const float footerRows = m_mode == Mode::Save ? 2.0f : 1.0f;
    const float footerPx = footerRows * ImGui::GetFrameHeightWithSpacing();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float bodyPx = std::max(4.0f * ImGui::GetFrameHeightWithSpacing(), avail.y - footerPx);
    const float placesPx = std::min(200.0f, avail.x * 0.22f);
    if (!m_places.empty()) {
        drawPlaces(placesPx, bodyPx);
        ImGui::SameLine(0.0f, style.ItemSpacing.x);
    }
    drawListing(bodyPx);
    drawFooter();
    drawReplaceConfirmation();

    if (!m_open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return std::exchange(m_chosen, std::nullopt);
}

}  // namespace qantar::ui
