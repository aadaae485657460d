#pragma once
// Text from files (an event's description, a quote, a caption, a message) drawn so that no length
// can break the window. Dear ImGui as Debian builds it indexes each window's vertices with 16 bits
// (65,536 vertices, four per glyph) and aborts past that: a long text is drawn as paragraphs of a
// bounded size, each its own item, so only those in view emit vertices.
#include <string>
#include <string_view>
#include <vector>

struct ImGuiInputTextCallbackData;

namespace qantar::ui {

// Splits text into pieces of at most `maxBytes` bytes: at line breaks, then at the last space
// before the limit, and never inside a UTF-8 character. Empty lines are kept as empty pieces.
std::vector<std::string_view> splitForDrawing(std::string_view text, std::size_t maxBytes = 1024);

// The text wrapped at the current wrap position (PushTextWrapPos), piece by piece.
void textLong(std::string_view text);

// At most `maxChars` characters of the text, with "…" when cut (for one-line places: a title in a
// list, a label).
std::string shortened(std::string_view text, std::size_t maxChars);
// The same written into `out` (its capacity kept: a list redrawn every frame allocates nothing).
void shortenInto(std::string_view text, std::size_t maxChars, std::string& out);

// An InputText callback (ImGuiInputTextFlags_CallbackEdit, user data: a std::size_t* limit in
// characters) that keeps what is typed or pasted within the limit.
int keepWithinLimit(::ImGuiInputTextCallbackData* data);

}  // namespace qantar::ui
