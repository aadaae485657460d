// A frame drawn from the map cache (core/map/map_cache.hpp) and the glyph atlas cache
// (FontAtlas::warmCached) is the frame a fresh build draws, pixel for pixel; a damaged glyph
// cache is rebuilt, with a message, into the same atlas.
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/map/map_cache.hpp"
#include "render/font.hpp"
#include "render_fixture.hpp"

using namespace qantar;
namespace fs = std::filesystem;

namespace {

class MapCachePixels : public test::RenderFixture {
protected:
    void SetUp() override {
        RenderFixture::SetUp();
        m_dir = fs::temp_directory_path() / ("qantar-cache-pixels-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    static render::Image frame(render::MapRenderer& renderer, const core::Camera& camera) {
        auto target = render::OffscreenTarget::create(camera.widthPx(), camera.heightPx(), 4);
        EXPECT_TRUE(target.ok()) << (target.ok() ? "" : target.error().message);
        if (!target.ok()) return {};
        target->bind();
        renderer.draw(camera, render::FrameOptions{});
        target->resolve();
        return target->read();
    }

    fs::path m_dir;
};

TEST_F(MapCachePixels, FrameFromTheCachesIsTheFreshBuildsFrame) {
    core::MapData data;
    core::MapScene scene;
    ASSERT_TRUE(core::deserializeMap(core::serializeMap(*s_data, *s_scene), data, scene));
    const core::MapCachePaths glyphs{"", (m_dir / "glyphs.cache").string()};
    {
        auto atlas = render::FontAtlas::create();
        ASSERT_TRUE(atlas.ok());
        ASSERT_FALSE((*atlas)->warmAndWriteCache(render::atlasTexts(scene), glyphs.user));
    }
    auto cached = render::MapRenderer::create(scene, glyphs);
    ASSERT_TRUE(cached.ok()) << cached.error().message;

    const core::Camera camera = fittedCamera(960, 540);
    const render::Image fresh = frame(*s_renderer, camera);
    const render::Image fromCache = frame(**cached, camera);
    ASSERT_FALSE(fresh.rgba.empty());
    EXPECT_EQ(fresh.width, fromCache.width);
    EXPECT_TRUE(fresh.rgba == fromCache.rgba) << visiblyDifferentPixels(fresh, fromCache, 0) << " pixels differ";
}

TEST_F(MapCachePixels, GlyphCacheGivesTheAtlasWarmMakesAndADamagedOneIsRebuilt) {
    const auto texts = render::atlasTexts(*s_scene);
    auto made = render::FontAtlas::create();
    ASSERT_TRUE(made.ok());
    render::FontAtlas& fresh = **made;
    fresh.warm(texts);

    const core::MapCachePaths paths{"", (m_dir / "glyphs.cache").string()};
    auto first = render::FontAtlas::create();
    std::string problem;
    EXPECT_FALSE((*first)->warmCached(texts, paths, &problem)) << "no cache yet";
    EXPECT_TRUE(problem.empty());
    auto second = render::FontAtlas::create();
    EXPECT_TRUE((*second)->warmCached(texts, paths, &problem));
    EXPECT_EQ((*second)->serialize(), fresh.serialize());

    // Other glyphs asked for: stale. A byte flipped: damaged. Either way, rebuilt with a message.
    auto other = render::FontAtlas::create();
    EXPECT_FALSE((*other)->warmCached({{render::LabelFont::Regular, "Qyzylorda"}}, paths, &problem));
    EXPECT_EQ(problem, "qantar: glyph cache " + paths.user + " was made from other fonts or labels; rebuilt");
    problem.clear();
    {
        std::fstream f(paths.user, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        f.put('\x7f');
    }
    auto damaged = render::FontAtlas::create();
    EXPECT_FALSE((*damaged)->warmCached({{render::LabelFont::Regular, "Qyzylorda"}}, paths, &problem));
    EXPECT_EQ(problem, "qantar: glyph cache " + paths.user + " is damaged (its contents do not match its checksum); rebuilt");
    EXPECT_EQ((*damaged)->serialize(), (*other)->serialize());
}

}  // namespace
