// The label font atlas starts small and grows as glyphs arrive; text laid out before a growth
// must still point at its glyphs afterwards (its coordinates are atlas pixels).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/font.hpp"

using namespace qantar;

namespace {

struct Laid {
    std::vector<render::TextVertex> vertices;
    std::vector<std::uint32_t> indices;
};

Laid layout(render::FontAtlas& atlas, const std::string& text) {
    Laid l;
    render::TextStyle style;
    style.sizePx = 14.0f;
    atlas.layout(text, style, 10.0f, 20.0f, l.vertices, l.indices);
    return l;
}

// The atlas pixels under a glyph quad (its first four vertices).
std::vector<std::uint8_t> pixelsUnder(const render::FontAtlas& atlas, const render::TextVertex* quad) {
    std::vector<std::uint8_t> px;
    const int x0 = static_cast<int>(quad[0].u), y0 = static_cast<int>(quad[0].v);
    const int x1 = static_cast<int>(quad[2].u), y1 = static_cast<int>(quad[2].v);
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) px.push_back(atlas.atlas()[static_cast<std::size_t>(y) * atlas.atlasWidth() + x]);
    return px;
}

}  // namespace

TEST(FontAtlas, GrowsAndKeepsWhatWasLaidOut) {
    auto made = render::FontAtlas::create();
    ASSERT_TRUE(made.ok()) << made.error().message;
    render::FontAtlas& atlas = **made;
    const int startHeight = atlas.atlasHeight();
    EXPECT_LT(startHeight, render::FontAtlas::kAtlasSize) << "a new atlas should start small";

    const Laid before = layout(atlas, "Almaty");
    ASSERT_EQ(before.vertices.size(), 6u * 4u);
    const std::vector<std::uint8_t> firstGlyph = pixelsUnder(atlas, before.vertices.data());
    ASSERT_FALSE(firstGlyph.empty());

    // Every Latin and Cyrillic letter in three faces: far more than the first rows hold.
    std::vector<std::pair<render::LabelFont, std::string>> texts;
    std::string all;
    for (char32_t c = 0x21; c < 0x17F; ++c) {
        if (c < 0x80) all += static_cast<char>(c);
        else { all += static_cast<char>(0xC0 | (c >> 6)); all += static_cast<char>(0x80 | (c & 0x3F)); }
    }
    for (char32_t c = 0x400; c < 0x4FF; ++c) {
        all += static_cast<char>(0xC0 | (c >> 6));
        all += static_cast<char>(0x80 | (c & 0x3F));
    }
    for (auto font : {render::LabelFont::Regular, render::LabelFont::Bold, render::LabelFont::Italic}) texts.emplace_back(font, all);
    atlas.warm(texts);
    EXPECT_GT(atlas.atlasHeight(), startHeight) << "the atlas should have grown";
    EXPECT_LE(atlas.atlasHeight(), render::FontAtlas::kAtlasSize);
    EXPECT_EQ(atlas.atlas().size(), static_cast<std::size_t>(atlas.atlasWidth()) * atlas.atlasHeight());

    // The same text lays out the same quads, over the same pixels.
    const Laid after = layout(atlas, "Almaty");
    ASSERT_EQ(after.vertices.size(), before.vertices.size());
    for (std::size_t i = 0; i < after.vertices.size(); ++i) {
        EXPECT_EQ(after.vertices[i].u, before.vertices[i].u) << "vertex " << i;
        EXPECT_EQ(after.vertices[i].v, before.vertices[i].v) << "vertex " << i;
    }
    EXPECT_EQ(pixelsUnder(atlas, after.vertices.data()), firstGlyph);
}
