#pragma once
// Text for the map and its overlays: three Noto Sans faces (regular, bold, italic; Latin, Cyrillic
// and Kazakh letters) rasterised on demand into one signed-distance-field atlas (stb_truetype).
// CPU only: the renderer uploads the atlas when dirty() says it changed.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/error.hpp"
#include "core/map/map_cache.hpp"
#include "core/map/map_scene.hpp"
#include "core/map/theme.hpp"

namespace qantar::render {

using core::LabelFont;

// One corner of a glyph quad, as text.vert reads it.
struct TextVertex {
    float x, y;        // pixels, top-left origin
    float u, v;        // atlas coordinates
    float r, g, b, a;  // text colour
    float hr, hg, hb, ha;  // halo colour (ha = 0: no halo)
    float haloEdge;    // SDF value where the halo ends
    float sdfPerPx;    // SDF units per screen pixel at this size
};

struct TextStyle {
    LabelFont font = LabelFont::Regular;
    float sizePx = 12.0f;          // em height in pixels
    float letterSpacingPx = 0.0f;  // added after every character
    core::Rgba color{0, 0, 0, 1};
    core::Rgba halo{1, 1, 1, 0};   // alpha 0: no halo
    float haloPx = 0.0f;           // halo width in pixels
};

struct TextBox {
    float width = 0.0f;   // advance width in pixels
    float height = 0.0f;  // ascent + descent in pixels
    float ascent = 0.0f;  // baseline distance from the top, pixels
};

class FontAtlas {
public:
    // Loads the embedded fonts. Fails if a font is missing or unreadable.
    static core::Expected<std::unique_ptr<FontAtlas>> create();
    ~FontAtlas();

    // Rasterises every glyph of these texts that is not in the atlas yet, on all cores at once
    // (a distance field is costly; doing the labels' glyphs up front saves start-up time).
    void warm(const std::vector<std::pair<LabelFont, std::string>>& texts);
    // The same through a cache file (core/io/cache_file.hpp) keyed by the fonts' bytes, the
    // atlas's constants and the glyphs asked for: on a fresh atlas, the first valid file of
    // `cache` gives the atlas exactly as warm() would make it; otherwise warm() runs and the file is
    // written (as core::loadMapCached does; a stale or damaged one is reported once on stderr).
    // Returns true when the cache was used.
    bool warmCached(const std::vector<std::pair<LabelFont, std::string>>& texts, const core::MapCachePaths& cache,
                    std::string* problem = nullptr);
    // On a fresh atlas: warm() and write the cache file warmCached() would look for to `path`.
    core::Status warmAndWriteCache(const std::vector<std::pair<LabelFont, std::string>>& texts, const std::string& path);
    // The atlas's whole state (glyphs, pixels, packing), and putting such a state back into a
    // fresh atlas (false, and the atlas unchanged, if it does not read as one).
    std::string serialize() const;
    bool restore(std::string_view bytes);
    // Size of the text in `style` (UTF-8). Unknown characters measure as the font's fallback glyph.
    TextBox measure(const std::string& utf8, const TextStyle& style);
    // Appends quads (4 vertices, 6 indices each) for `utf8` with its box's top-left at (x, y).
    void layout(const std::string& utf8, const TextStyle& style, float x, float y, std::vector<TextVertex>& vertices,
                std::vector<std::uint32_t>& indices);

    // The atlas grows downwards, doubling its height as glyphs arrive (the map's labels fill about
    // a sixth of the largest size); glyph texture coordinates are in atlas pixels, so a quad laid
    // out before a growth stays right after it.
    int atlasWidth() const { return kAtlasSize; }
    int atlasHeight() const { return m_height; }
    const std::vector<std::uint8_t>& atlas() const { return m_atlas; }
    // True when glyphs were added since the last clearDirty().
    bool dirty() const { return m_dirty; }
    void clearDirty() { m_dirty = false; }

    static constexpr int kAtlasSize = 2048;       // width, and the largest height
    static constexpr int kAtlasMinHeight = 256;
    static constexpr float kBasePx = 40.0f;    // glyphs are rasterised at this em size
    static constexpr int kPaddingPx = 8;       // distance field reach around each glyph
    static constexpr float kOnEdge = 128.0f;   // SDF byte value on the outline
    static constexpr float kDistScale = 16.0f; // SDF bytes per base pixel of distance

private:
    struct Glyph {
        float u0, v0, u1, v1;  // atlas pixels
        float x0, y0;   // quad offset from the pen position at base size (y down)
        float w, h;     // quad size at base size
        float advance;  // at base size
    };
    struct Face;
    FontAtlas();
    struct Raster;
    using GlyphKey = std::pair<int, std::uint32_t>;  // font, codepoint
    std::vector<std::uint32_t> m_codepoints;          // the text being measured or laid out
    const Glyph& glyph(LabelFont font, std::uint32_t codepoint);
    static Raster rasterize(const Face& face, std::uint32_t codepoint);
    const Glyph& place(GlyphKey key, Raster raster);
    Face& face(LabelFont font);
    std::uint64_t cacheKey(const std::vector<GlyphKey>& keys) const;
    std::vector<GlyphKey> missing(const std::vector<std::pair<LabelFont, std::string>>& texts) const;

    std::vector<std::unique_ptr<Face>> m_faces;
    std::map<GlyphKey, Glyph> m_glyphs;
    std::vector<std::uint8_t> m_atlas;
    int m_height = kAtlasMinHeight;
    int m_shelfX = 0, m_shelfY = 0, m_shelfH = 0;
    bool m_dirty = true;
};

// Decodes UTF-8; malformed bytes become U+FFFD.
std::vector<std::uint32_t> decodeUtf8(const std::string& s);
// The same into `out` (cleared first; its capacity kept).
void decodeUtf8Into(const std::string& s, std::vector<std::uint32_t>& out);

}  // namespace qantar::render
