// Long text from files drawn in a bare ImGui context (ui/long_text.hpp): Debian's Dear ImGui
// indexes a window's vertices with 16 bits and aborts past 65,536 (review D2: a 20,000-character
// ACLED note in the event details aborted the program). Frames are built and rendered to draw
// lists here, as the window does, without a GPU.
#include "ui/long_text.hpp"

#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

using qantar::ui::shortened;
using qantar::ui::splitForDrawing;
using qantar::ui::textLong;

namespace {

std::string words(std::size_t bytes, const std::string& word = "protest ") {
    std::string s;
    while (s.size() < bytes) s += word;
    return s;
}

bool validUtf8Start(std::string_view piece) {
    return piece.empty() || (static_cast<unsigned char>(piece.front()) & 0xC0) != 0x80;
}

}  // namespace

TEST(LongText, PiecesAreBoundedKeepEveryCharacterAndNeverSplitOne) {
    // Kazakh letters are two bytes each; a run with no space must still be cut between letters.
    const std::string kazakh = words(5000, "\xD2\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD2\x9B");  // "Қазақ" without spaces
    for (const std::string& text : {words(40000), kazakh, std::string("line one\n\nline three\n") + words(3000)}) {
        std::size_t kept = 0;
        for (std::string_view p : splitForDrawing(text, 1024)) {
            EXPECT_LE(p.size(), 1024u);
            EXPECT_TRUE(validUtf8Start(p));
            kept += p.size();
        }
        // Only the spaces and line breaks the text was cut at are left out.
        EXPECT_GE(kept + text.size() / 1024 + 4, text.size());
        EXPECT_LE(kept, text.size());
    }
    const auto lines = splitForDrawing("a\n\nb");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[1], "");
}

TEST(LongText, ShortenedCutsByCharactersWithAnEllipsis) {
    EXPECT_EQ(shortened("Almaty", 10), "Almaty");
    EXPECT_EQ(shortened("Almaty", 3), "Alm\xE2\x80\xA6");
    EXPECT_EQ(shortened("\xD2\x9A\xD0\xB0\xD0\xB7", 2), "\xD2\x9A\xD0\xB0\xE2\x80\xA6");
}

TEST(LongText, FortyThousandCharactersDrawWithoutOverflowingTheWindow) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280.0f, 720.0f);
    io.DeltaTime = 1.0f / 60.0f;
    // As the OpenGL 3 backend declares: draw commands may start at a vertex offset.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    const std::string text = words(40000);
    for (float scroll : {0.0f, 200000.0f}) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1280.0f, 720.0f));
        ImGui::Begin("Event details");
        ImGui::SetScrollY(scroll);
        ImGui::PushTextWrapPos(0.0f);
        textLong(text);
        ImGui::PopTextWrapPos();
        ImGui::End();
        ImGui::Render();  // Debian's ImGui asserts (aborts) here on a 16-bit index overflow
        const ImDrawData* data = ImGui::GetDrawData();
        ASSERT_NE(data, nullptr);
        for (int i = 0; i < data->CmdListsCount; ++i) EXPECT_LT(data->CmdLists[i]->_VtxCurrentIdx, 1u << 16);
    }
    ImGui::DestroyContext();
}
