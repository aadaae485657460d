#include "render/map_renderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>

#include "core/geo/sun.hpp"
#include "render/gl_objects.hpp"
#include "render/shader.hpp"

namespace qantar::render {

namespace {

// A static mesh in GPU buffers.
struct GpuMesh {
    GlVertexArray vao;
    GlBuffer vbo, ibo;
    GLsizei count = 0;
};

void attrib(GLuint index, GLint size, GLsizei stride, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
}

// Buffers for one mesh of `Vertex`; `attributes` then describes the vertex layout to the VAO.
template <class Mesh, class Attributes>
GpuMesh uploadMesh(const Mesh& m, Attributes attributes) {
    using Vertex = typename decltype(m.vertices)::value_type;
    GpuMesh g;
    g.vao = GlVertexArray::create();
    g.vbo = GlBuffer::create();
    g.ibo = GlBuffer::create();
    glBindVertexArray(g.vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.vertices.size() * sizeof(Vertex)), m.vertices.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.indices.size() * sizeof(std::uint32_t)),
                 m.indices.data(), GL_STATIC_DRAW);
    attributes(static_cast<GLsizei>(sizeof(Vertex)));
    glBindVertexArray(0);
    g.count = static_cast<GLsizei>(m.indices.size());
    return g;
}

GpuMesh uploadFill(const core::FillMesh& m) {
    return uploadMesh(m, [](GLsizei stride) {
        attrib(0, 2, stride, offsetof(core::FillVertex, x));
        attrib(1, 1, stride, offsetof(core::FillVertex, style));
    });
}

GpuMesh uploadLine(const core::LineMesh& m) {
    return uploadMesh(m, [](GLsizei stride) {
        attrib(0, 2, stride, offsetof(core::LineVertex, x));
        attrib(1, 2, stride, offsetof(core::LineVertex, nx));
        attrib(2, 1, stride, offsetof(core::LineVertex, side));
        attrib(3, 1, stride, offsetof(core::LineVertex, along));
        attrib(4, 1, stride, offsetof(core::LineVertex, style));
    });
}

GpuMesh uploadGeo(const core::GeoMesh& m) {
    return uploadMesh(m, [](GLsizei stride) {
        attrib(0, 2, stride, offsetof(core::GeoVertex, x));
        attrib(1, 2, stride, offsetof(core::GeoVertex, lon));
    });
}

void drawMesh(const GpuMesh& g) {
    if (g.count == 0) return;
    glBindVertexArray(g.vao.id());
    glDrawElements(GL_TRIANGLES, g.count, GL_UNSIGNED_INT, nullptr);
}

void setColor(GLint loc, const core::Rgba& c) { glUniform4f(loc, c.r, c.g, c.b, c.a); }

struct MarkerInstance {
    float x, y;
    float radiusPx;
    float kind;
};

// Cache key of a label placement: everything the placement depends on.
struct PlacementKey {
    double cx = NAN, cy = NAN, mpp = NAN;
    int w = 0, h = 0;
    float scale = 0.0f;
    core::ThemeId theme = core::ThemeId::Dark;
    core::LayerVisibility layers;
    bool operator==(const PlacementKey& o) const {
        return cx == o.cx && cy == o.cy && mpp == o.mpp && w == o.w && h == o.h && scale == o.scale &&
               theme == o.theme && layers.on == o.layers.on;
    }
};

}  // namespace

struct MapRenderer::Impl {
    const core::MapScene* scene = nullptr;
    GlProgram fill, line, marker, text, night;
    GpuMesh worldWater, worldLand, worldLakes;
    GpuMesh worldRivers, worldWaterOutlines, worldBorders, worldCoasts;  // one level of detail
    GpuMesh neighbours, kazakhstan, regions, water;
    GpuMesh graticule;
    GpuMesh nightGrid;
    // The night grid's places as unit vectors and its triangles (six indices a cell), kept to
    // draw only the cells the night reaches; nightIbo holds those of the last drawNight.
    std::vector<std::array<float, 3>> nightPlaces;
    std::vector<std::uint32_t> nightCells;
    std::vector<std::uint32_t> nightDrawn;
    // The simplifiable line layers, full resolution first, then MapScene::simplifiedLines.
    struct GpuLines {
        GpuMesh rivers, waterOutlines, regionBorders, countryBorders, kazakhstanBorder;
    };
    std::vector<GpuLines> lineLevels;
    int lastLineLevel = 0;
    GpuMesh boundaries;  // imported by the user
    std::unique_ptr<FontAtlas> fonts;
    GlTexture atlasTexture;

    // Dynamic per-placement buffers.
    GlVertexArray markerVao, textVao;
    GlBuffer quadVbo, markerVbo, textVbo, textIbo;
    GLsizei markerCount = 0, textIndexCount = 0;
    std::vector<core::PlacedLabel> placed;
    PlacementKey placementKey;
    float measuredScale = -1.0f;
    std::vector<TextStyle> labelStyles;
    std::vector<TextBox> labelBoxes;
    std::vector<core::ScreenRect> occupied;  // the last placement's label boxes and city markers

    // Overlay text, drawn with the same program.
    GlVertexArray overlayVao;
    GlBuffer overlayVbo, overlayIbo;

    void uploadAtlasIfDirty() {
        if (!fonts->dirty()) return;
        glBindTexture(GL_TEXTURE_2D, atlasTexture.id());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, fonts->atlasWidth(), fonts->atlasHeight(), 0, GL_RED, GL_UNSIGNED_BYTE,
                     fonts->atlas().data());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        fonts->clearDirty();
    }

    static void setupTextVao(GlVertexArray& vao, GlBuffer& vbo, GlBuffer& ibo) {
        vao = GlVertexArray::create();
        vbo = GlBuffer::create();
        ibo = GlBuffer::create();
        glBindVertexArray(vao.id());
        glBindBuffer(GL_ARRAY_BUFFER, vbo.id());
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo.id());
        constexpr auto stride = static_cast<GLsizei>(sizeof(TextVertex));
        attrib(0, 2, stride, offsetof(TextVertex, x));
        attrib(1, 2, stride, offsetof(TextVertex, u));
        attrib(2, 4, stride, offsetof(TextVertex, r));
        attrib(3, 4, stride, offsetof(TextVertex, hr));
        attrib(4, 2, stride, offsetof(TextVertex, haloEdge));
        glBindVertexArray(0);
    }

    bool labelVisible(const core::MapLabel& l, const core::LayerVisibility& layers) const {
        return layers.visible(core::MapLayer::Labels) && layers.visible(l.layer);
    }

    TextStyle styleFor(const core::MapLabel& l, const core::Theme& t, float scale) const {
        TextStyle s;
        s.font = l.font;
        s.sizePx = l.sizePx * scale;
        s.letterSpacingPx = l.letterSpacingPx * scale;
        s.halo = t.labelHalo;
        s.haloPx = 2.0f * scale;
        switch (l.role) {
            case core::LabelRole::Capital:
            case core::LabelRole::City: s.color = t.labelText; break;
            case core::LabelRole::MinorCity: s.color = t.minorLabelText; break;
            case core::LabelRole::Country:
                s.color = t.countryLabel;
                s.halo.a *= 0.6f;
                break;
            case core::LabelRole::Region:
                s.color = t.regionLabel;
                s.halo.a *= 0.5f;
                break;
            case core::LabelRole::Water:
                s.color = t.waterLabel;
                s.halo.a = 0.0f;
                break;
        }
        return s;
    }

    // drawText()'s buffers, kept between calls.
    std::vector<TextVertex> overlayVerts;
    std::vector<std::uint32_t> overlayIdx;

    void updatePlacement(const core::Camera& camera, const FrameOptions& o) {
        PlacementKey key{camera.center().x, camera.center().y, camera.metersPerPixel(), camera.widthPx(),
                         camera.heightPx(), o.pixelScale, o.theme, o.layers};
        if (key == placementKey) return;
        placementKey = key;
        const core::Theme& t = core::theme(o.theme);
        const auto& labels = scene->labels;
        if (measuredScale != o.pixelScale) {
            labelBoxes.clear();
            for (const auto& l : labels) labelBoxes.push_back(fonts->measure(l.text, styleFor(l, t, o.pixelScale)));
            measuredScale = o.pixelScale;
        }
        labelStyles.clear();
        std::vector<core::LabelCandidate> candidates;
        candidates.reserve(labels.size());
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const core::MapLabel& l = labels[i];
            labelStyles.push_back(styleFor(l, t, o.pixelScale));
            core::LabelCandidate c;
            c.anchor = l.anchor;
            c.kind = l.pointLabel ? core::LabelKind::Point : core::LabelKind::Area;
            c.priority = l.priority;
            c.maxMetersPerPixel = l.maxMetersPerPixel;
            const bool on = labelVisible(l, o.layers);
            c.widthPx = on ? labelBoxes[i].width : 0.0f;
            c.heightPx = labelBoxes[i].height;
            c.markerRadiusPx = l.markerRadiusPx * o.pixelScale;
            c.alwaysShowMarker = l.alwaysShowMarker && o.layers.visible(core::MapLayer::Cities);
            candidates.push_back(c);
        }
        core::LabelPlacementOptions po;
        po.paddingPx = 2.5f * o.pixelScale;
        po.gapPx = 2.5f * o.pixelScale;
        po.marginPx = 4.0f * o.pixelScale;
        placed = core::placeLabels(candidates, camera, po);

        // Markers: every always-shown marker plus those whose labels were placed.
        std::vector<MarkerInstance> markers;
        std::vector<bool> hasMarker(labels.size(), false);
        if (o.layers.visible(core::MapLayer::Cities)) {
            for (std::size_t i = 0; i < labels.size(); ++i) {
                if (labels[i].pointLabel && labels[i].alwaysShowMarker) hasMarker[i] = true;
            }
            for (const auto& p : placed) {
                if (labels[p.candidate].pointLabel) hasMarker[p.candidate] = true;
            }
            for (std::size_t i = 0; i < labels.size(); ++i) {
                if (!hasMarker[i]) continue;
                const core::MapLabel& l = labels[i];
                markers.push_back(MarkerInstance{static_cast<float>(l.anchor.x), static_cast<float>(l.anchor.y),
                                                 l.markerRadiusPx, l.role == core::LabelRole::Capital ? 1.0f : 0.0f});
            }
        }
        occupied.clear();
        for (const auto& p : placed) {
            const TextBox& b = labelBoxes[p.candidate];
            occupied.push_back(core::ScreenRect{p.topLeft.x, p.topLeft.y, b.width, b.height});
        }
        for (const auto& m : markers) {
            const core::ScreenPx c = camera.toScreen(core::MapXY{m.x, m.y});
            const double r = (m.radiusPx + 1.5) * o.pixelScale;
            occupied.push_back(core::ScreenRect{c.x - r, c.y - r, 2 * r, 2 * r});
        }
        glBindBuffer(GL_ARRAY_BUFFER, markerVbo.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(markers.size() * sizeof(MarkerInstance)), markers.data(),
                     GL_DYNAMIC_DRAW);
        markerCount = static_cast<GLsizei>(markers.size());

        std::vector<TextVertex> verts;
        std::vector<std::uint32_t> idx;
        for (const auto& p : placed) {
            fonts->layout(labels[p.candidate].text, labelStyles[p.candidate], static_cast<float>(p.topLeft.x),
                          static_cast<float>(p.topLeft.y), verts, idx);
        }
        glBindBuffer(GL_ARRAY_BUFFER, textVbo.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(verts.size() * sizeof(TextVertex)), verts.data(),
                     GL_DYNAMIC_DRAW);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, textIbo.id());
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(idx.size() * sizeof(std::uint32_t)), idx.data(),
                     GL_DYNAMIC_DRAW);
        textIndexCount = static_cast<GLsizei>(idx.size());
    }
};

std::vector<std::pair<LabelFont, std::string>> atlasTexts(const core::MapScene& scene) {
    // Every label's glyphs, plus the characters of dates, figures and captions.
    std::vector<std::pair<LabelFont, std::string>> texts;
    for (const auto& l : scene.labels) texts.emplace_back(l.font, l.text);
    for (LabelFont f : {LabelFont::Regular, LabelFont::Bold}) {
        texts.emplace_back(f, "0123456789 ,.:;()-+/%'\xC2\xB7\xE2\x80\x94 JanuaryFebMonTueWedThuFriSatSun UTC km N");
    }
    return texts;
}

MapRenderer::MapRenderer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
MapRenderer::~MapRenderer() = default;

core::Expected<std::unique_ptr<MapRenderer>> MapRenderer::create(const core::MapScene& scene,
                                                                 const core::MapCachePaths& glyphCache) {
    auto impl = std::make_unique<Impl>();
    impl->scene = &scene;
    for (auto [program, name] : {std::pair{&impl->fill, "fill"}, std::pair{&impl->line, "line"},
                                 std::pair{&impl->marker, "marker"}, std::pair{&impl->text, "text"},
                                 std::pair{&impl->night, "night"}}) {
        auto p = buildEmbeddedProgram(name);
        if (!p) return p.error();
        *program = std::move(*p);
    }
    auto fonts = FontAtlas::create();
    if (!fonts) return fonts.error();
    impl->fonts = std::move(*fonts);
    impl->fonts->warmCached(atlasTexts(scene), glyphCache);
    impl->atlasTexture = GlTexture::create();

    impl->worldWater = uploadFill(scene.worldWater);
    impl->worldLand = uploadFill(scene.worldLand);
    impl->worldLakes = uploadFill(scene.worldLakes);
    impl->nightGrid = uploadGeo(scene.nightGrid);
    impl->nightCells = scene.nightGrid.indices;
    impl->nightDrawn.reserve(impl->nightCells.size());
    for (const core::GeoVertex& v : scene.nightGrid.vertices) {
        const auto u = core::unitVector(core::LonLat{v.lon, v.lat});
        impl->nightPlaces.push_back({static_cast<float>(u[0]), static_cast<float>(u[1]), static_cast<float>(u[2])});
    }
    impl->neighbours = uploadFill(scene.neighbours);
    impl->kazakhstan = uploadFill(scene.kazakhstan);
    impl->regions = uploadFill(scene.regions);
    impl->water = uploadFill(scene.water);
    impl->graticule = uploadLine(scene.graticule);
    impl->worldRivers = uploadLine(scene.worldRivers);
    impl->worldWaterOutlines = uploadLine(scene.worldWaterOutlines);
    impl->worldBorders = uploadLine(scene.worldBorders);
    impl->worldCoasts = uploadLine(scene.worldCoasts);
    impl->lineLevels.push_back(Impl::GpuLines{uploadLine(scene.rivers), uploadLine(scene.waterOutlines),
                                              uploadLine(scene.regionBorders), uploadLine(scene.countryBorders),
                                              uploadLine(scene.kazakhstanBorder)});
    for (const core::SimplifiedLines& level : scene.simplifiedLines) {
        const core::MapLines& l = level.lines;
        impl->lineLevels.push_back(Impl::GpuLines{uploadLine(l.rivers), uploadLine(l.waterOutlines),
                                                  uploadLine(l.regionBorders), uploadLine(l.countryBorders),
                                                  uploadLine(l.kazakhstanBorder)});
    }

    // Markers: a unit quad per instance.
    impl->markerVao = GlVertexArray::create();
    impl->quadVbo = GlBuffer::create();
    impl->markerVbo = GlBuffer::create();
    glBindVertexArray(impl->markerVao.id());
    const float quad[] = {-1, -1, 1, -1, 1, 1, -1, -1, 1, 1, -1, 1};
    glBindBuffer(GL_ARRAY_BUFFER, impl->quadVbo.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STATIC_DRAW);
    attrib(0, 2, 2 * sizeof(float), 0);
    glBindBuffer(GL_ARRAY_BUFFER, impl->markerVbo.id());
    constexpr auto mstride = static_cast<GLsizei>(sizeof(MarkerInstance));
    attrib(1, 2, mstride, offsetof(MarkerInstance, x));
    attrib(2, 1, mstride, offsetof(MarkerInstance, radiusPx));
    attrib(3, 1, mstride, offsetof(MarkerInstance, kind));
    glVertexAttribDivisor(1, 1);
    glVertexAttribDivisor(2, 1);
    glVertexAttribDivisor(3, 1);
    glBindVertexArray(0);

    Impl::setupTextVao(impl->textVao, impl->textVbo, impl->textIbo);
    Impl::setupTextVao(impl->overlayVao, impl->overlayVbo, impl->overlayIbo);
    QANTAR_GL_CHECK("MapRenderer::create");
    return std::unique_ptr<MapRenderer>(new MapRenderer(std::move(impl)));
}

void MapRenderer::setBoundaries(const core::LineMesh& outlines) { m_impl->boundaries = uploadLine(outlines); }

const std::vector<core::PlacedLabel>& MapRenderer::placedLabels() const { return m_impl->placed; }
const std::vector<core::ScreenRect>& MapRenderer::occupiedRects() const { return m_impl->occupied; }
int MapRenderer::lastLineLevel() const { return m_impl->lastLineLevel; }
FontAtlas& MapRenderer::fonts() { return *m_impl->fonts; }

void MapRenderer::draw(const core::Camera& camera, const FrameOptions& o) {
    drawBase(camera, o);
    drawLabels(camera, o);
}

void MapRenderer::drawBase(const core::Camera& camera, const FrameOptions& o, int offsetY) {
    glDisable(GL_SCISSOR_TEST);
    drawBaseClipped(camera, o, offsetY);
}

void MapRenderer::drawBaseIn(const core::Camera& camera, const FrameOptions& o, int x, int y, int w, int h) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, y, w, h);
    drawBaseClipped(camera, o, 0);
    glDisable(GL_SCISSOR_TEST);
}

void MapRenderer::drawBaseClipped(const core::Camera& camera, const FrameOptions& o, int offsetY) {
    Impl& d = *m_impl;
    const core::Theme& t = core::theme(o.theme);
    const auto& L = o.layers;
    using core::MapLayer;

    glViewport(0, offsetY, camera.widthPx(), camera.heightPx());
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    // Colour blends normally; alpha accumulates coverage, so a transparent export composites well.
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const core::Rgba bg = t.background;
    if (o.transparentBackground) glClearColor(0, 0, 0, 0);
    else glClearColor(bg.r, bg.g, bg.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);

    const auto m = camera.mapToClip();

    // Zoomed out, simplified lines: the same pixels for a fraction of the vertices.
    int level = o.lineLevel == FrameOptions::kAutoLineLevel ? core::lineLevelFor(*d.scene, camera.metersPerPixel())
                                                             : o.lineLevel;
    level = std::clamp(level, 0, static_cast<int>(d.lineLevels.size()) - 1);
    d.lastLineLevel = level;
    const Impl::GpuLines& lines = d.lineLevels[static_cast<std::size_t>(level)];

    // Fills.
    glUseProgram(d.fill.id());
    glUniformMatrix3fv(glGetUniformLocation(d.fill.id(), "u_mapToClip"), 1, GL_FALSE, m.data());
    glUniform4fv(glGetUniformLocation(d.fill.id(), "u_palette"), static_cast<GLsizei>(t.fills.size()),
                 &t.fills[0].r);
    const GLuint lp = d.line.id();
    useLineProgram(d.line, camera, o.pixelScale);
    float colors[8 * 4] = {};
    float looks[8 * 4] = {};
    for (std::size_t i = 0; i < t.lines.size(); ++i) {
        const core::LineLook& lk = t.lines[i];
        colors[i * 4 + 0] = lk.color.r;
        colors[i * 4 + 1] = lk.color.g;
        colors[i * 4 + 2] = lk.color.b;
        colors[i * 4 + 3] = lk.color.a;
        looks[i * 4 + 0] = lk.widthPx;
        looks[i * 4 + 1] = lk.dashPx;
        looks[i * 4 + 2] = lk.gapPx;
    }
    glUniform4fv(glGetUniformLocation(lp, "u_color"), 8, colors);
    glUniform4fv(glGetUniformLocation(lp, "u_look"), 8, looks);

    // The world beyond the detailed box, beneath everything: the detailed fills cover it inside
    // the box (its lines included, so no border or river is drawn twice), and beyond the box it
    // meets them in the same colours.
    if (L.visible(MapLayer::Neighbours)) {
        const bool water = L.visible(MapLayer::Water);
        glUseProgram(d.fill.id());
        // A transparent export keeps the seas clear: it is transparent outside the land.
        if (water && !o.transparentBackground) drawMesh(d.worldWater);
        drawMesh(d.worldLand);
        if (water) drawMesh(d.worldLakes);
        glUseProgram(lp);
        if (water) {
            drawMesh(d.worldCoasts);
            drawMesh(d.worldWaterOutlines);
        }
        if (L.visible(MapLayer::Rivers)) drawMesh(d.worldRivers);
        if (L.visible(MapLayer::CountryBorders)) drawMesh(d.worldBorders);
    }

    glUseProgram(d.fill.id());
    if (L.visible(MapLayer::Neighbours)) drawMesh(d.neighbours);
    // The country outline underlies the regions: the two sources' outlines differ by up to a
    // couple of kilometres, and the country fill closes those slivers.
    drawMesh(d.kazakhstan);
    if (L.visible(MapLayer::Regions)) drawMesh(d.regions);

    // Lines share one program; each group is one draw call.
    glUseProgram(lp);
    if (L.visible(MapLayer::Graticule)) drawMesh(d.graticule);

    if (L.visible(MapLayer::Water)) {
        glUseProgram(d.fill.id());
        drawMesh(d.water);
        glUseProgram(lp);
        drawMesh(lines.waterOutlines);
    }
    glUseProgram(lp);
    if (L.visible(MapLayer::Rivers)) drawMesh(lines.rivers);
    if (L.visible(MapLayer::RegionBorders)) drawMesh(lines.regionBorders);
    if (L.visible(MapLayer::CountryBorders)) {
        drawMesh(lines.countryBorders);
        drawMesh(lines.kazakhstanBorder);
    }
    drawMesh(d.boundaries);

    glBindVertexArray(0);
    glUseProgram(0);
    QANTAR_GL_CHECK("MapRenderer::drawBase");
}

void MapRenderer::drawNight(const core::Camera& camera, const FrameOptions& o, core::Instant time) {
    constexpr double kRadPerDeg = 3.14159265358979323846 / 180.0;
    Impl& d = *m_impl;
    if (!o.layers.visible(core::MapLayer::Night)) return;
    const core::Theme& t = core::theme(o.theme);
    const auto sun = core::unitVector(core::subsolarPoint(time));
    const auto m = camera.mapToClip();
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const GLuint np = d.night.id();
    glUseProgram(np);
    glUniformMatrix3fv(glGetUniformLocation(np, "u_mapToClip"), 1, GL_FALSE, m.data());
    glUniform3f(glGetUniformLocation(np, "u_sun"), static_cast<float>(sun[0]), static_cast<float>(sun[1]),
                static_cast<float>(sun[2]));
    setColor(glGetUniformLocation(np, "u_color"), t.night);
    glUniform2f(glGetUniformLocation(np, "u_twilightSin"),
                static_cast<float>(std::sin(core::kSunriseElevationDeg * kRadPerDeg)),
                static_cast<float>(std::sin(core::kCivilTwilightElevationDeg * kRadPerDeg)));
    // Only the cells with some night in them: the sine of the sun's elevation is linear across a
    // cell as drawn, so a cell whose corners are all in daylight is daylight throughout.
    const double sinRise = std::sin(core::kSunriseElevationDeg * kRadPerDeg);
    d.nightDrawn.clear();
    for (std::size_t c = 0; c + 5 < d.nightCells.size(); c += 6) {
        bool dark = false;
        for (std::size_t k = c; k < c + 6 && !dark; ++k) {
            const auto& p = d.nightPlaces[d.nightCells[k]];
            dark = p[0] * sun[0] + p[1] * sun[1] + p[2] * sun[2] < sinRise;
        }
        if (dark) d.nightDrawn.insert(d.nightDrawn.end(), d.nightCells.begin() + static_cast<std::ptrdiff_t>(c),
                                      d.nightCells.begin() + static_cast<std::ptrdiff_t>(c + 6));
    }
    if (!d.nightDrawn.empty()) {
        glBindVertexArray(d.nightGrid.vao.id());
        // Into the grid's own index buffer (sized for every cell at upload), so nothing is allocated.
        glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(d.nightDrawn.size() * sizeof(std::uint32_t)),
                        d.nightDrawn.data());
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(d.nightDrawn.size()), GL_UNSIGNED_INT, nullptr);
    }
    glBindVertexArray(0);
    glUseProgram(0);
    QANTAR_GL_CHECK("MapRenderer::drawNight");
}

void MapRenderer::drawLabels(const core::Camera& camera, const FrameOptions& o) {
    Impl& d = *m_impl;
    const core::Theme& t = core::theme(o.theme);
    const auto m = camera.mapToClip();
    const float vw = static_cast<float>(camera.widthPx()), vh = static_cast<float>(camera.heightPx());
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    d.updatePlacement(camera, o);
    d.uploadAtlasIfDirty();
    // Markers (instanced).
    if (d.markerCount > 0) {
        glUseProgram(d.marker.id());
        const GLuint mp = d.marker.id();
        glUniformMatrix3fv(glGetUniformLocation(mp, "u_mapToClip"), 1, GL_FALSE, m.data());
        glUniform2f(glGetUniformLocation(mp, "u_viewportPx"), vw, vh);
        glUniform1f(glGetUniformLocation(mp, "u_pixelScale"), o.pixelScale);
        setColor(glGetUniformLocation(mp, "u_fill"), t.cityDot);
        setColor(glGetUniformLocation(mp, "u_outline"), t.cityDotOutline);
        setColor(glGetUniformLocation(mp, "u_capital"), t.capitalDot);
        glBindVertexArray(d.markerVao.id());
        glDrawArraysInstanced(GL_TRIANGLES, 0, 6, d.markerCount);
    }

    // Labels.
    if (d.textIndexCount > 0) {
        glUseProgram(d.text.id());
        glUniform2f(glGetUniformLocation(d.text.id(), "u_viewportPx"), vw, vh);
        glUniform1i(glGetUniformLocation(d.text.id(), "u_atlas"), 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, d.atlasTexture.id());
        glBindVertexArray(d.textVao.id());
        glDrawElements(GL_TRIANGLES, d.textIndexCount, GL_UNSIGNED_INT, nullptr);
    }
    glBindVertexArray(0);
    glUseProgram(0);
    QANTAR_GL_CHECK("MapRenderer::drawLabels");
}

void MapRenderer::drawText(const std::string& utf8, const TextStyle& style, float x, float y, int viewportW,
                           int viewportH) {
    Impl& d = *m_impl;
    std::vector<TextVertex>& verts = d.overlayVerts;
    std::vector<std::uint32_t>& idx = d.overlayIdx;
    verts.clear();
    idx.clear();
    d.fonts->layout(utf8, style, x, y, verts, idx);
    if (idx.empty()) return;
    d.uploadAtlasIfDirty();
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(d.text.id());
    glUniform2f(glGetUniformLocation(d.text.id(), "u_viewportPx"), static_cast<float>(viewportW),
                static_cast<float>(viewportH));
    glUniform1i(glGetUniformLocation(d.text.id(), "u_atlas"), 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, d.atlasTexture.id());
    glBindVertexArray(d.overlayVao.id());
    glBindBuffer(GL_ARRAY_BUFFER, d.overlayVbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(verts.size() * sizeof(TextVertex)), verts.data(),
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(idx.size() * sizeof(std::uint32_t)), idx.data(),
                 GL_STREAM_DRAW);
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(idx.size()), GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace qantar::render
