#include "ui/long_text.hpp"

#include <imgui.h>

namespace qantar::ui {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::vector<std::string_view> splitForDrawing(std::string_view text, std::size_t maxBytes) {
    std::vector<std::string_view> pieces;
    if (maxBytes < 8) maxBytes = 8;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        const bool lineBreak = end != std::string_view::npos && end <= maxBytes;
        if (!lineBreak) {
            end = std::min(text.size(), maxBytes);
            if (end < text.size()) {
                const std::size_t space = text.rfind(' ', end);
                if (space != std::string_view::npos && space > maxBytes / 2) {
                    end = space;
                } else {
                    while (end > 0 && continuation(text[end])) --end;
                    if (end == 0) end = std::min(text.size(), maxBytes);  // not UTF-8: any cut will do
                }
            }
        }
        pieces.push_back(text.substr(0, end));
        // The line break or the space the text was cut at is not drawn.
        const bool dropSeparator = end < text.size() && (text[end] == '\n' || text[end] == ' ');
        text.remove_prefix(end + (dropSeparator ? 1 : 0));
    }
    return pieces;
}

void textLong(std::string_view text) {
    for (std::string_view piece : splitForDrawing(text)) {
        ImGui::TextUnformatted(piece.data(), piece.data() + piece.size());
    }
}

std::string shortened(std::string_view text, std::size_t maxChars) {
    std::string out;
    shortenInto(text, maxChars, out);
    return out;
}

void shortenInto(std::string_view text, std::size_t maxChars, std::string& out) {
    std::size_t chars = 0, i = 0;
    for (; i < text.size(); ++i) {
        if (continuation(text[i])) continue;
        if (chars == maxChars) break;
        ++chars;
    }
    out.assign(text.substr(0, i));
    if (i < text.size()) out += "\xE2\x80\xA6";
}

int keepWithinLimit(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit || !data->UserData) return 0;
    const std::size_t limit = *static_cast<const std::size_t*>(data->UserData);
    std::size_t chars = 0;
    for (int i = 0; i < data->BufTextLen; ++i) {
        if (continuation(data->Buf[i])) continue;
        if (chars == limit) {
            data->DeleteChars(i, data->BufTextLen - i);
            break;
        }
        ++chars;
    }
    return 0;
}

}  // namespace qantar::ui
