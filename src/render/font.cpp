#include "render/font.hpp"

#include <stb_truetype.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <set>
#include <thread>

#include "render/embedded.hpp"

namespace qantar::render {

struct FontAtlas::Face {
    stbtt_fontinfo info{};
    float scale = 1.0f;  // base px per font unit
    float ascent = 0.0f, descent = 0.0f;  // base px
};

std::vector<std::uint32_t> decodeUtf8(const std::string& s) {
    std::vector<std::uint32_t> out;
    decodeUtf8Into(s, out);
    return out;
}

void decodeUtf8Into(const std::string& s, std::vector<std::uint32_t>& out) {
    out.clear();
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = 0xFFFD;
        std::size_t len = 1;
        if (c < 0x80) {
            cp = c;
        } else if ((c >> 5) == 0x6 && i + 1 < s.size()) {
            cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            len = 2;
        } else if ((c >> 4) == 0xE && i + 2 < s.size()) {
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
            len = 3;
        } else if ((c >> 3) == 0x1E && i + 3 < s.size()) {
            cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
                 ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
            len = 4;
        }
        out.push_back(cp);
        i += len;
    }
}

namespace {
// The faces in LabelFont order.
constexpr const char* kFontFiles[] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"};
}  // namespace

FontAtlas::FontAtlas() : m_atlas(static_cast<std::size_t>(kAtlasSize) * kAtlasMinHeight, 0) {}
FontAtlas::~FontAtlas() = default;

core::Expected<std::unique_ptr<FontAtlas>> FontAtlas::create() {
    std::unique_ptr<FontAtlas> atlas(new FontAtlas());
    for (const char* name : kFontFiles) {
        const std::string_view data = embeddedFile(name);
        auto face = std::make_unique<Face>();
        const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
        if (data.empty() || !stbtt_InitFont(&face->info, bytes, stbtt_GetFontOffsetForIndex(bytes, 0))) {
            return core::Error{core::ErrorKind::FileUnreadable, std::string("font ") + name + ": missing or unreadable"};
        }
        face->scale = stbtt_ScaleForMappingEmToPixels(&face->info, kBasePx);
        int asc = 0, desc = 0, gap = 0;
        stbtt_GetFontVMetrics(&face->info, &asc, &desc, &gap);
        face->ascent = static_cast<float>(asc) * face->scale;
        face->descent = static_cast<float>(-desc) * face->scale;
        atlas->m_faces.push_back(std::move(face));
    }
    return atlas;
}

FontAtlas::Face& FontAtlas::face(LabelFont font) { return *m_faces[static_cast<std::size_t>(font)]; }

// A glyph's distance field before it is packed; pure, so several can be made at once.
struct FontAtlas::Raster {
    unsigned char* sdf = nullptr;
    int w = 0, h = 0, xoff = 0, yoff = 0;
    float advance = 0.0f;
};

FontAtlas::Raster FontAtlas::rasterize(const Face& f, std::uint32_t codepoint) {
    Raster r;
    int advance = 0, lsb = 0;
    const int index = stbtt_FindGlyphIndex(&f.info, static_cast<int>(codepoint));
    stbtt_GetGlyphHMetrics(&f.info, index, &advance, &lsb);
    r.advance = static_cast<float>(advance) * f.scale;
    r.sdf = stbtt_GetGlyphSDF(&f.info, f.scale, index, kPaddingPx, static_cast<unsigned char>(kOnEdge), kDistScale, &r.w,
                              &r.h, &r.xoff, &r.yoff);
    return r;
}

const FontAtlas::Glyph& FontAtlas::place(GlyphKey key, Raster r) {
    Glyph g{};
    g.advance = r.advance;
    if (r.sdf && r.w > 0 && r.h > 0) {
        if (m_shelfX + r.w + 1 > kAtlasSize) {
            m_shelfX = 0;
            m_shelfY += m_shelfH + 1;
            m_shelfH = 0;
        }
        while (m_shelfY + r.h + 1 > m_height && m_height < kAtlasSize) {
            m_height *= 2;  // rows are appended: what is placed stays where it is
            m_atlas.resize(static_cast<std::size_t>(kAtlasSize) * m_height, 0);
        }
        if (m_shelfY + r.h + 1 <= m_height) {
            for (int row = 0; row < r.h; ++row) {
                std::copy_n(r.sdf + row * r.w, r.w,
                            m_atlas.begin() + static_cast<std::ptrdiff_t>((m_shelfY + row) * kAtlasSize + m_shelfX));
            }
            g.u0 = static_cast<float>(m_shelfX);
            g.v0 = static_cast<float>(m_shelfY);
            g.u1 = static_cast<float>(m_shelfX + r.w);
            g.v1 = static_cast<float>(m_shelfY + r.h);
            g.x0 = static_cast<float>(r.xoff);
            g.y0 = static_cast<float>(r.yoff);
            g.w = static_cast<float>(r.w);
            g.h = static_cast<float>(r.h);
            m_shelfX += r.w + 1;
            m_shelfH = std::max(m_shelfH, r.h);
            m_dirty = true;
        }
    }
    if (r.sdf) stbtt_FreeSDF(r.sdf, nullptr);
    return m_glyphs.emplace(key, g).first->second;
}

const FontAtlas::Glyph& FontAtlas::glyph(LabelFont font, std::uint32_t codepoint) {
    const GlyphKey key{static_cast<int>(font), codepoint};
    auto it = m_glyphs.find(key);
    if (it != m_glyphs.end()) return it->second;
    return place(key, rasterize(face(font), codepoint));
}

std::vector<FontAtlas::GlyphKey> FontAtlas::missing(const std::vector<std::pair<LabelFont, std::string>>& texts) const {
    std::set<GlyphKey> wanted;
    for (const auto& [font, text] : texts) {
        for (std::uint32_t cp : decodeUtf8(text)) {
            const GlyphKey key{static_cast<int>(font), cp};
            if (m_glyphs.find(key) == m_glyphs.end()) wanted.insert(key);
        }
    }
    return {wanted.begin(), wanted.end()};
}

void FontAtlas::warm(const std::vector<std::pair<LabelFont, std::string>>& texts) {
    const std::vector<GlyphKey> keys = missing(texts);
    std::vector<Raster> rasters(keys.size());
    const auto work = [&](std::size_t first, std::size_t step) {
        for (std::size_t i = first; i < keys.size(); i += step) {
            rasters[i] = rasterize(*m_faces[static_cast<std::size_t>(keys[i].first)], keys[i].second);
        }
    };
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads && t < keys.size(); ++t) pool.emplace_back(work, t, threads);
    work(0, threads);
    for (auto& t : pool) t.join();
    // Packed in key order, so the atlas is the same whatever the thread timing.
    for (std::size_t i = 0; i < keys.size(); ++i) place(keys[i], rasters[i]);
}

TextBox FontAtlas::measure(const std::string& utf8, const TextStyle& style) {
    Face& f = face(style.font);
    const float k = style.sizePx / kBasePx;
    TextBox box;
    decodeUtf8Into(utf8, m_codepoints);
    const std::vector<std::uint32_t>& cps = m_codepoints;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        box.width += glyph(style.font, cps[i]).advance * k;
        if (i + 1 < cps.size()) {
            box.width += static_cast<float>(stbtt_GetCodepointKernAdvance(&f.info, static_cast<int>(cps[i]),
                                                                          static_cast<int>(cps[i + 1]))) *
                             f.scale * k +
                         style.letterSpacingPx;
        }
    }
    box.ascent = f.ascent * k;
    box.height = (f.ascent + f.descent) * k;
    return box;
}

void FontAtlas::layout(const std::string& utf8, const TextStyle& style, float x, float y,
                       std::vector<TextVertex>& vertices, std::vector<std::uint32_t>& indices) {
    Face& f = face(style.font);
    const float k = style.sizePx / kBasePx;
    // SDF bytes per screen pixel at this size, as a fraction of 255.
    const float sdfPerPx = kDistScale / k / 255.0f;
    const float haloEdge = style.halo.a > 0.0f ? std::max(0.02f, 0.5f - style.haloPx * sdfPerPx) : 1.0f;
    float pen = x;
    const float baseline = y + f.ascent * k;
    decodeUtf8Into(utf8, m_codepoints);
    const std::vector<std::uint32_t>& cps = m_codepoints;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const Glyph& g = glyph(style.font, cps[i]);
        if (g.w > 0.0f) {
            const float x0 = pen + g.x0 * k, y0 = baseline + g.y0 * k;
            const float x1 = x0 + g.w * k, y1 = y0 + g.h * k;
            const auto base = static_cast<std::uint32_t>(vertices.size());
            const core::Rgba& c = style.color;
            const core::Rgba& h = style.halo;
            auto v = [&](float px, float py, float u, float vv) {
                vertices.push_back(TextVertex{px, py, u, vv, c.r, c.g, c.b, c.a, h.r, h.g, h.b, h.a, haloEdge, sdfPerPx});
            };
            v(x0, y0, g.u0, g.v0);
            v(x1, y0, g.u1, g.v0);
            v(x1, y1, g.u1, g.v1);
            v(x0, y1, g.u0, g.v1);
            indices.insert(indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
        }
        pen += g.advance * k;
        if (i + 1 < cps.size()) {
            pen += static_cast<float>(stbtt_GetCodepointKernAdvance(&f.info, static_cast<int>(cps[i]),
                                                                    static_cast<int>(cps[i + 1]))) *
                       f.scale * k +
                   style.letterSpacingPx;
        }
    }
}

}  // namespace qantar::render

namespace qantar::render {

namespace {

// Raise when the rasterising or packing changes in a way the key below does not see.
constexpr core::CacheKind kGlyphCacheKind{"QNTRGLY1", 1, "glyph cache"};

}  // namespace

std::uint64_t FontAtlas::cacheKey(const std::vector<GlyphKey>& keys) const {
    core::InputHash h;
    h.add("glyph cache");
    h.addNumber(kGlyphCacheKind.formatVersion);
    for (const char* name : kFontFiles) h.add(embeddedFile(name));
    for (double v : {double(kAtlasSize), double(kAtlasMinHeight), double(kBasePx), double(kPaddingPx), double(kOnEdge),
                     double(kDistScale)}) {
        h.addNumber(v);
    }
    h.add(std::string_view(reinterpret_cast<const char*>(keys.data()), keys.size() * sizeof(GlyphKey)));
    return h.value();
}

std::string FontAtlas::serialize() const {
    core::PayloadWriter w;
    w.pod(static_cast<std::int32_t>(m_height));
    w.pod(static_cast<std::int32_t>(m_shelfX));
    w.pod(static_cast<std::int32_t>(m_shelfY));
    w.pod(static_cast<std::int32_t>(m_shelfH));
    w.count(m_glyphs.size());
    for (const auto& [key, g] : m_glyphs) {
        w.pod(static_cast<std::int32_t>(key.first));
        w.pod(key.second);
        w.pod(g);
    }
    w.array(m_atlas.data(), m_atlas.size());
    return std::move(w.bytes());
}

bool FontAtlas::restore(std::string_view bytes) {
    core::PayloadReader r(bytes);
    std::int32_t height = 0, shelfX = 0, shelfY = 0, shelfH = 0;
    std::size_t n = 0;
    if (!r.pod(height) || !r.pod(shelfX) || !r.pod(shelfY) || !r.pod(shelfH)) return false;
    if (height < kAtlasMinHeight || height > kAtlasSize || shelfX < 0 || shelfX > kAtlasSize || shelfY < 0 ||
        shelfY > height || shelfH < 0 || shelfH > height) {
        return false;
    }
    if (!r.count(n, sizeof(std::int32_t) + sizeof(std::uint32_t) + sizeof(Glyph))) return false;
    std::map<GlyphKey, Glyph> glyphs;
    for (std::size_t i = 0; i < n; ++i) {
        std::int32_t font = 0;
        std::uint32_t cp = 0;
        Glyph g{};
        if (!r.pod(font) || !r.pod(cp) || !r.pod(g)) return false;
        if (font < 0 || static_cast<std::size_t>(font) >= m_faces.size()) return false;
        glyphs.emplace(GlyphKey{font, cp}, g);
    }
    std::size_t size = 0;
    if (!r.count(size, 1) || size != static_cast<std::size_t>(kAtlasSize) * static_cast<std::size_t>(height)) return false;
    std::vector<std::uint8_t> atlas(size);
    if (!r.take(atlas.data(), size) || !r.atEnd()) return false;
    m_height = height;
    m_shelfX = shelfX;
    m_shelfY = shelfY;
    m_shelfH = shelfH;
    m_glyphs = std::move(glyphs);
    m_atlas = std::move(atlas);
    m_dirty = true;
    return true;
}

core::Status FontAtlas::warmAndWriteCache(const std::vector<std::pair<LabelFont, std::string>>& texts,
                                          const std::string& path) {
    const std::uint64_t key = cacheKey(missing(texts));
    warm(texts);
    return core::writeCacheFile(path, kGlyphCacheKind, key, serialize());
}

bool FontAtlas::warmCached(const std::vector<std::pair<LabelFont, std::string>>& texts, const core::MapCachePaths& cache,
                           std::string* problem) {
    if (!m_glyphs.empty() || (cache.shipped.empty() && cache.user.empty())) {
        warm(texts);
        return false;
    }
    const std::uint64_t key = cacheKey(missing(texts));
    std::string message;
    core::CacheRead::State shippedState = core::CacheRead::State::Missing;
    for (const std::string* path : {&cache.shipped, &cache.user}) {
        if (path->empty()) continue;
        core::CacheRead read = core::readCacheFile(*path, kGlyphCacheKind, key, "fonts or labels");
        if (read.state == core::CacheRead::State::Valid) {
            if (restore(read.payload)) return true;
            read.state = core::CacheRead::State::Damaged;
            read.problem = "does not hold a glyph atlas this program can read";
        }
        if (path == &cache.shipped) shippedState = read.state;
        if (read.state != core::CacheRead::State::Missing && message.empty()) {
            message = "qantar: glyph cache " + *path + " " + read.problem + "; rebuilt";
        }
    }
    warm(texts);
    if (!message.empty()) {
        if (problem) *problem = message;
        else std::fprintf(stderr, "%s\n", message.c_str());
    }
    const std::string payload = serialize();
    if (!cache.shipped.empty() && shippedState != core::CacheRead::State::Missing &&
        !core::writeCacheFile(cache.shipped, kGlyphCacheKind, key, payload)) {
        return false;
    }
    if (!cache.user.empty()) core::writeCacheFile(cache.user, kGlyphCacheKind, key, payload);
    return false;
}

}  // namespace qantar::render
