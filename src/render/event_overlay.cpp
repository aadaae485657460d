#include "render/event_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <unordered_map>

#include "core/events/map_tags.hpp"
#include "core/map/polyline.hpp"
#include "core/map/mesh.hpp"
#include "render/gl_objects.hpp"
#include "render/painter.hpp"
#include "render/shader.hpp"

namespace qantar::render {

struct EventOverlay::Instance {
    float x, y;
    float radiusPx, kind, pulse, haloPx;
    float r, g, b, a;
    float soft;
};

namespace {

void attrib(GLuint index, GLint size, GLsizei stride, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
}

// Points along a gentle arc from `a` to `b` (a quadratic curve bowed to the left of travel),
// the usual way flight paths are drawn on flat maps.
core::MapRing arcPoints(core::MapXY a, core::MapXY b, int segments) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const core::MapXY c{(a.x + b.x) * 0.5 - dy * 0.18, (a.y + b.y) * 0.5 + dx * 0.18};
    core::MapRing pts;
    for (int i = 0; i <= segments; ++i) {
        const double t = static_cast<double>(i) / segments, u = 1.0 - t;
        pts.push_back({u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y});
    }
    return pts;
}

// Shapes in event.frag beyond the event symbols' own kinds (core::MarkKind).
constexpr float kAircraftShape = static_cast<float>(core::MarkKind::Airport);
constexpr float kStarShape = static_cast<float>(core::MarkKind::Csto);
constexpr float kMoonShape = 9.0f;
constexpr float kCapitalShape = 10.0f;  // the base map's capital marker, for legends

// How each kind of area is filled: one definition for the map and for the legends' swatches.
struct AreaLook {
    core::Rgba color;
    int pattern;        // area.frag's u_pattern
    float spacingPx, lineWidthPx;  // at pixel scale 1
    core::Rgba wash;    // a flat wash under the pattern (alpha 0: none)
};

AreaLook areaLook(core::AreaKind kind, const core::Theme& t) {
    switch (kind) {
        case core::AreaKind::Internet: {
            // The blackout darkens, like a dead screen: a grey wash (the neighbours' land at half
            // its brightness), opaque enough to even out the regions' tints (it must not read as a
            // choropleth), with fine horizontal lines in the theme's ink that run across the
            // emergency's diagonal stripes, so both show where both are in force.
            return AreaLook{t.internetShade, 3, 5.0f, 1.5f, core::blackoutWash(t)};
        }
        case core::AreaKind::Emergency: return AreaLook{t.emergencyHatch, 1, 11.0f, 1.4f, core::Rgba{0, 0, 0, 0}};
        case core::AreaKind::Curfew: break;
    }
    return AreaLook{t.curfewShade, 0, 1.0f, 1.0f, core::Rgba{0, 0, 0, 0}};
}

// The night-blue disc behind the curfew's moon: the curfew's shade, opaque.
core::Rgba nightDisc(const core::Theme& t) { return core::Rgba{t.curfewShade.r, t.curfewShade.g, t.curfewShade.b + 0.12f, 1.0f}; }

core::Rgba faded(core::Rgba c, float alpha) {
    c.a *= alpha;
    return c;
}

// A straight band from a to b, `widthPx` wide, as two triangles with soft long edges.
void segment(Painter& p, core::ScreenPx a, core::ScreenPx b, float widthPx, const core::Rgba& color) {
    const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
    if (len < 1e-6) return;
    const float nx = static_cast<float>(-dy / len) * widthPx * 0.5f, ny = static_cast<float>(dx / len) * widthPx * 0.5f;
    const float ax = static_cast<float>(a.x), ay = static_cast<float>(a.y), bx = static_cast<float>(b.x),
                by = static_cast<float>(b.y);
    p.triangle(ax + nx, ay + ny, bx + nx, by + ny, bx - nx, by - ny, color, 0b001u);
    p.triangle(ax + nx, ay + ny, bx - nx, by - ny, ax - nx, ay - ny, color, 0b010u);
}

// The point of a rectangle's outline nearest to p (p itself when inside).
core::ScreenPx nearestOnRect(const core::ScreenRect& r, core::ScreenPx p) {
    return core::ScreenPx{std::clamp(p.x, r.x, r.x + r.w), std::clamp(p.y, r.y, r.y + r.h)};
}

}  // namespace

struct EventOverlay::Impl {
    const core::MapScene* scene = nullptr;
    GlProgram area, line, event;
    GlVertexArray regionVao, countryVao;
    GlBuffer regionVbo, regionIbo, countryVbo, countryIbo;
    GLsizei countryCount = 0;
    GlVertexArray markVao, arcVao, swatchVao;
    GlBuffer quadVbo, markVbo, arcVbo, arcIbo, swatchVbo;
    std::unique_ptr<Painter> painter;
    std::vector<core::MapBox> regionBoxes;  // by region index, for the curfew badge's decision

    static void uploadFill(const core::FillMesh& m, GlVertexArray& vao, GlBuffer& vbo, GlBuffer& ibo) {
        vao = GlVertexArray::create();
        vbo = GlBuffer::create();
        ibo = GlBuffer::create();
        glBindVertexArray(vao.id());
        glBindBuffer(GL_ARRAY_BUFFER, vbo.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.vertices.size() * sizeof(core::FillVertex)),
                     m.vertices.data(), GL_STATIC_DRAW);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo.id());
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.indices.size() * sizeof(std::uint32_t)),
                     m.indices.data(), GL_STATIC_DRAW);
        attrib(0, 2, static_cast<GLsizei>(sizeof(core::FillVertex)), offsetof(core::FillVertex, x));
        glBindVertexArray(0);
    }

    void drawInstances(const core::Camera& camera, const std::vector<Instance>& instances, const FrameOptions& o);
    void drawLeaders(const core::Camera& camera, const core::SymbolLayout& symbols, bool pointerSpread,
                     const FrameOptions& o);
    // Dashed lines through `lines` (map metres), each over a wider solid casing in the halo colour
    // so that it reads on dark and light ground alike.
    // A line mesh made for this frame, drawn with the line program already in use.
    void drawStreamedLines(const core::LineMesh& mesh) { drawStreamedLineMesh(arcVao, arcVbo, mesh); }
    void drawCasedDashes(const core::Camera& camera, const std::vector<core::MapRing>& lines, const core::Rgba& color,
                         float alpha, const FrameOptions& o, float widthPx, float dashPx, float gapPx);
    // The approximate arrow: a cased dashed shaft and a solid head, tail to head in pixels.
    void drawArrow(const core::Camera& camera, core::ScreenPx tail, core::ScreenPx head, float alpha, const FrameOptions& o);

    // Sets the area program's look for a kind of area at `alpha` (its fade times its intensity).
    void setAreaLook(core::AreaKind kind, const core::Theme& t, float s, float alpha) {
        const AreaLook look = areaLook(kind, t);
        glUniform4f(glGetUniformLocation(area.id(), "u_color"), look.color.r, look.color.g, look.color.b, look.color.a * alpha);
        glUniform1f(glGetUniformLocation(area.id(), "u_wash"), look.wash.a * alpha);
        glUniform3f(glGetUniformLocation(area.id(), "u_washColor"), look.wash.r, look.wash.g, look.wash.b);
        glUniform1i(glGetUniformLocation(area.id(), "u_pattern"), look.pattern);
        glUniform1f(glGetUniformLocation(area.id(), "u_spacingPx"), look.spacingPx * s);
        glUniform1f(glGetUniformLocation(area.id(), "u_lineWidthPx"), look.lineWidthPx * s);
    }

    void drawArea(const core::AreaShade& a) {
        if (a.regionIndex < 0 || static_cast<std::size_t>(a.regionIndex) >= scene->regionIndexRanges.size()) {
            glBindVertexArray(countryVao.id());
            glDrawElements(GL_TRIANGLES, countryCount, GL_UNSIGNED_INT, nullptr);
        } else {
            const auto [first, count] = scene->regionIndexRanges[static_cast<std::size_t>(a.regionIndex)];
            glBindVertexArray(regionVao.id());
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(static_cast<std::size_t>(first) * sizeof(std::uint32_t)));
        }
    }
};

EventOverlay::EventOverlay(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
EventOverlay::~EventOverlay() = default;

core::Expected<std::unique_ptr<EventOverlay>> EventOverlay::create(const core::MapScene& scene) {
    auto impl = std::make_unique<Impl>();
    impl->scene = &scene;
    for (auto [program, name] : {std::pair{&impl->area, "area"}, std::pair{&impl->line, "line"},
                                 std::pair{&impl->event, "event"}}) {
        auto p = buildEmbeddedProgram(name);
        if (!p) return p.error();
        *program = std::move(*p);
    }
    Impl::uploadFill(scene.regions, impl->regionVao, impl->regionVbo, impl->regionIbo);
    // Nationwide areas use the regions' union: the regions tile Kazakhstan exactly.
    Impl::uploadFill(scene.regions, impl->countryVao, impl->countryVbo, impl->countryIbo);
    impl->countryCount = static_cast<GLsizei>(scene.regions.indices.size());

    impl->markVao = GlVertexArray::create();
    impl->quadVbo = GlBuffer::create();
    impl->markVbo = GlBuffer::create();
    glBindVertexArray(impl->markVao.id());
    const float quad[] = {-1, -1, 1, -1, 1, 1, -1, -1, 1, 1, -1, 1};
    glBindBuffer(GL_ARRAY_BUFFER, impl->quadVbo.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STATIC_DRAW);
    attrib(0, 2, 2 * sizeof(float), 0);
    glBindBuffer(GL_ARRAY_BUFFER, impl->markVbo.id());
    constexpr auto stride = static_cast<GLsizei>(sizeof(Instance));
    attrib(1, 2, stride, offsetof(Instance, x));
    attrib(2, 4, stride, offsetof(Instance, radiusPx));
    attrib(3, 4, stride, offsetof(Instance, r));
    attrib(4, 1, stride, offsetof(Instance, soft));
    for (GLuint i = 1; i <= 4; ++i) glVertexAttribDivisor(i, 1);
    glBindVertexArray(0);

    // Each region's box, from its triangles (the scene may drop its meshes once uploaded).
    for (const auto& [first, count] : scene.regionIndexRanges) {
        core::MapBox box;
        for (std::uint32_t k = first; k < first + count && k < scene.regions.indices.size(); ++k) {
            const core::FillVertex& v = scene.regions.vertices[scene.regions.indices[k]];
            box.add(core::MapXY{v.x, v.y});
        }
        impl->regionBoxes.push_back(box);
    }
    auto painter = Painter::create();
    if (!painter) return painter.error();
    impl->painter = std::move(*painter);
    impl->swatchVao = GlVertexArray::create();
    impl->swatchVbo = GlBuffer::create();
    glBindVertexArray(impl->swatchVao.id());
    glBindBuffer(GL_ARRAY_BUFFER, impl->swatchVbo.id());
    attrib(0, 2, 2 * sizeof(float), 0);
    glBindVertexArray(0);

    impl->arcVao = GlVertexArray::create();
    impl->arcVbo = GlBuffer::create();
    impl->arcIbo = GlBuffer::create();
    glBindVertexArray(impl->arcVao.id());
    glBindBuffer(GL_ARRAY_BUFFER, impl->arcVbo.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, impl->arcIbo.id());
    constexpr auto lstride = static_cast<GLsizei>(sizeof(core::LineVertex));
    attrib(0, 2, lstride, offsetof(core::LineVertex, x));
    attrib(1, 2, lstride, offsetof(core::LineVertex, nx));
    attrib(2, 1, lstride, offsetof(core::LineVertex, side));
    attrib(3, 1, lstride, offsetof(core::LineVertex, along));
    attrib(4, 1, lstride, offsetof(core::LineVertex, style));
    glBindVertexArray(0);
    QANTAR_GL_CHECK("EventOverlay::create");
    return std::unique_ptr<EventOverlay>(new EventOverlay(std::move(impl)));
}

void EventOverlay::draw(const core::Camera& camera, const core::FrameLayers& layers, const FrameOptions& o) {
    drawAreas(camera, layers, o);
    drawSymbols(camera, layers, o);
}

void EventOverlay::drawAreas(const core::Camera& camera, const core::FrameLayers& layers, const FrameOptions& o) {
    Impl& d = *m_impl;
    const core::Theme& t = core::theme(o.theme);
    const auto m = camera.mapToClip();
    const float s = o.pixelScale;
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    // Areas: blackout first (broadest), then emergency hatching, then curfew night shading. Each
    // keeps the ground and the others visible: the blackout's lines run across the emergency's.
    glUseProgram(d.area.id());
    glUniformMatrix3fv(glGetUniformLocation(d.area.id(), "u_mapToClip"), 1, GL_FALSE, m.data());
    for (auto kind : {core::AreaKind::Internet, core::AreaKind::Emergency, core::AreaKind::Curfew}) {
        for (const auto& a : layers.areas) {
            if (a.kind != kind) continue;
            d.setAreaLook(kind, t, s, a.alpha * a.intensity);
            d.drawArea(a);
        }
    }

    QANTAR_GL_CHECK("EventOverlay::drawAreas");
}

void EventOverlay::drawSymbols(const core::Camera& camera, const core::FrameLayers& layers, const FrameOptions& o,
                               const core::SymbolLayout* symbols) {
    Impl& d = *m_impl;
    const core::Theme& t = core::theme(o.theme);
    const float s = o.pixelScale;
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    // Airlift arcs (dashed, one pixel-scaled width) and their transports; an airlift known only
    // by its country is a short arrow across the border instead (labelled in drawTags).
    std::vector<Instance> instances;
    const core::Rgba cstoColor = t.marks[static_cast<int>(core::MarkKind::Csto)];
    for (const auto& a : layers.airlifts) {
        if (!a.approximate) continue;
        const core::ScreenArrow ar = core::approximateArrow(a, camera, s);
        d.drawArrow(camera, ar.tail, ar.head, ar.alpha, o);
        if (ar.progress >= 0.0f) {
            const core::ScreenPx at{ar.tail.x + (ar.head.x - ar.tail.x) * ar.progress,
                                    ar.tail.y + (ar.head.y - ar.tail.y) * ar.progress};
            const core::MapXY p = camera.toMap(at);
            instances.push_back(Instance{static_cast<float>(p.x), static_cast<float>(p.y), 7.0f, kStarShape, -1.0f, 0.0f,
                                         cstoColor.r, cstoColor.g, cstoColor.b, ar.alpha, 0.0f});
        }
    }
    const bool anyArc =
        std::any_of(layers.airlifts.begin(), layers.airlifts.end(), [](const core::Airlift& a) { return !a.approximate; });
    if (anyArc) {
        core::LineMesh arcs;
        for (const auto& a : layers.airlifts) {
            if (!a.approximate) core::extrudePolyline(arcPoints(a.from, a.to, 64), false, 0.0f, arcs);
        }
        const GLuint lp = d.line.id();
        useLineProgram(d.line, camera, s);
        float alpha = 0.0f;
        for (const auto& a : layers.airlifts) alpha = std::max(alpha, a.alpha);
        const float color[8 * 4] = {t.airlift.r, t.airlift.g, t.airlift.b, t.airlift.a * alpha};
        const float look[8 * 4] = {2.2f, 8.0f, 5.0f, 0.0f};
        glUniform4fv(glGetUniformLocation(lp, "u_color"), 8, color);
        glUniform4fv(glGetUniformLocation(lp, "u_look"), 8, look);
        d.drawStreamedLines(arcs);
        const core::Rgba c = t.marks[static_cast<int>(core::MarkKind::Csto)];
        for (const auto& a : layers.airlifts) {
            if (a.progress < 0.0f || a.approximate) continue;
            const core::MapRing pts = arcPoints(a.from, a.to, 64);
            const auto k = static_cast<std::size_t>(std::lround(a.progress * 64.0f));
            instances.push_back(Instance{static_cast<float>(pts[k].x), static_cast<float>(pts[k].y), 6.0f,
                                         static_cast<float>(core::MarkKind::Csto), -1.0f, 0.0f, c.r, c.g, c.b, a.alpha, 0.0f});
        }
    }

    if (layers.marks.size() > kDenseMarks) {
        appendDenseMarks(camera, layers.marks, t, instances);
    } else {
        core::SymbolLayout own;
        if (!symbols) {
            core::SymbolLayoutOptions plain;
            plain.pixelScale = o.pixelScale;
            own = core::layoutSymbols(layers.marks, camera, plain);
            symbols = &own;
        }
        d.drawLeaders(camera, *symbols, false, o);
        appendLayout(camera, layers.marks, *symbols, false, t, instances);
    }
    d.drawInstances(camera, instances, o);
    QANTAR_GL_CHECK("EventOverlay::drawSymbols");
}

void EventOverlay::drawPointerSpread(const core::Camera& camera, const core::FrameLayers& layers,
                                     const FrameOptions& o, const core::SymbolLayout& symbols) {
    bool any = false;
    for (const auto& st : symbols.stacks) any |= st.byPointer;
    if (!any || layers.marks.size() > kDenseMarks) return;
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_impl->drawLeaders(camera, symbols, true, o);
    std::vector<Instance> instances;
    appendLayout(camera, layers.marks, symbols, true, core::theme(o.theme), instances);
    m_impl->drawInstances(camera, instances, o);
    QANTAR_GL_CHECK("EventOverlay::drawPointerSpread");
}

void EventOverlay::Impl::drawLeaders(const core::Camera& camera, const core::SymbolLayout& symbols, bool pointerSpread,
                                     const FrameOptions& o) {
    // Thin lines from each spread symbol to its event's place, under the symbols.
    core::LineMesh leaders;
    for (const auto& s : symbols.symbols) {
        if (s.spread && symbols.stacks[s.stack].byPointer == pointerSpread) {
            core::extrudePolyline(core::MapRing{s.homeAt, s.drawAt}, false, 0.0f, leaders);
        }
    }
    if (leaders.indices.empty()) return;
    const core::Theme& t = core::theme(o.theme);
    const GLuint lp = line.id();
    useLineProgram(line, camera, o.pixelScale);
    const float color[8 * 4] = {t.labelText.r, t.labelText.g, t.labelText.b, 0.75f};
    const float look[8 * 4] = {1.2f, 0.0f, 0.0f, 0.0f};
    glUniform4fv(glGetUniformLocation(lp, "u_color"), 8, color);
    glUniform4fv(glGetUniformLocation(lp, "u_look"), 8, look);
    drawStreamedLines(leaders);
}

void EventOverlay::drawBadgeDiscs(const core::Camera& camera, const core::SymbolLayout& symbols, const FrameOptions& o) {
    const core::Theme& t = core::theme(o.theme);
    const float s = symbols.pixelScale > 0.0f ? symbols.pixelScale : 1.0f;
    std::vector<Instance> instances;
    for (const auto& st : symbols.stacks) {
        if (st.state != core::StackState::Collapsed) continue;
        const core::MapXY at = camera.toMap(st.badge);
        instances.push_back(Instance{static_cast<float>(at.x), static_cast<float>(at.y), st.badgeRadiusPx / s,
                                     static_cast<float>(core::MarkKind::Protest), -1.0f, 0.0f, t.labelText.r,
                                     t.labelText.g, t.labelText.b, 1.0f, 0.0f});
    }
    if (instances.empty()) return;
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_impl->drawInstances(camera, instances, o);
    QANTAR_GL_CHECK("EventOverlay::drawBadgeDiscs");
}

void EventOverlay::drawMarks(const core::Camera& camera, const std::vector<core::EventMark>& marks,
                             const FrameOptions& o) {
    std::vector<Instance> instances;
    appendMarks(camera, marks, core::theme(o.theme), instances);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_impl->drawInstances(camera, instances, o);
}

void EventOverlay::appendMarks(const core::Camera& camera, const std::vector<core::EventMark>& marks,
                               const core::Theme& t, std::vector<Instance>& instances) {
    if (marks.size() > kDenseMarks) {
        appendDenseMarks(camera, marks, t, instances);
        return;
    }
    // Event symbols: older first, so the newest sits on top.
    for (const auto& mk : marks) {
        const core::Rgba c = t.marks[static_cast<std::size_t>(mk.kind)];
        const float haloPx = static_cast<float>(mk.uncertaintyMeters / camera.metersPerPixel());
        instances.push_back(Instance{static_cast<float>(mk.pos.x), static_cast<float>(mk.pos.y), mk.sizePx,
                                     static_cast<float>(mk.kind), mk.pulse, haloPx, c.r, c.g, c.b, mk.alpha,
                                     mk.uncertainTime ? 1.0f : 0.0f});
    }
}

void EventOverlay::appendLayout(const core::Camera& camera, const std::vector<core::EventMark>& marks,
                                const core::SymbolLayout& layout, bool pointerSpread, const core::Theme& t,
                                std::vector<Instance>& instances) {
    const float s = layout.pixelScale > 0.0f ? layout.pixelScale : 1.0f;
    const double mpp = camera.metersPerPixel();
    // The place in the middle of each spread: a small dot, with the uncertainty halo its events
    // would have had (a spread symbol away from the place gets none).
    for (const auto& st : layout.stacks) {
        if (st.state != core::StackState::Spread || st.byPointer != pointerSpread) continue;
        float alpha = 0.0f, haloPx = 0.0f;
        for (auto m : st.marks) {
            alpha = std::max(alpha, marks[m].alpha);
            haloPx = std::max(haloPx, static_cast<float>(marks[m].uncertaintyMeters / mpp));
        }
        instances.push_back(Instance{static_cast<float>(st.place.x), static_cast<float>(st.place.y), 2.5f,
                                     static_cast<float>(core::MarkKind::Protest), -1.0f, haloPx, t.labelText.r,
                                     t.labelText.g, t.labelText.b, alpha, 0.0f});
    }
    // Symbols back to front as laid out; the selected one sits on a disc of the label colour, the
    // one pointed at on a fainter one.
    for (const auto& sym : layout.symbols) {
        if (layout.stacks[sym.stack].byPointer != pointerSpread) continue;
        const core::EventMark& mk = marks[sym.mark];
        const auto x = static_cast<float>(sym.drawAt.x), y = static_cast<float>(sym.drawAt.y);
        if (sym.selected || sym.pointed) {
            instances.push_back(Instance{x, y, (sym.reachPx + 3.0f * s) / s, static_cast<float>(core::MarkKind::Protest),
                                         -1.0f, 0.0f, t.labelText.r, t.labelText.g, t.labelText.b,
                                         sym.selected ? 0.85f : 0.45f, 0.0f});
        }
        const core::Rgba c = t.marks[static_cast<std::size_t>(mk.kind)];
        const float haloPx = sym.spread ? 0.0f : static_cast<float>(mk.uncertaintyMeters / mpp);
        instances.push_back(Instance{x, y, sym.sizePx, static_cast<float>(mk.kind), sym.spread ? -1.0f : mk.pulse, haloPx,
                                     c.r, c.g, c.b, mk.alpha, mk.uncertainTime ? 1.0f : 0.0f});
    }
}

void EventOverlay::appendDenseMarks(const core::Camera& camera, const std::vector<core::EventMark>& marks,
                                    const core::Theme& t, std::vector<Instance>& instances) {
    // Tens of thousands of marks cannot be read one by one, and drawing each full symbol costs a
    // software renderer seconds a frame. Each 3-pixel cell shows its newest mark as a small dot in
    // that mark's colour (no pulse ring or halo): a density picture of where things happen.
    constexpr double kCellPx = 3.0;
    const double w = camera.widthPx(), h = camera.heightPx();
    std::unordered_map<std::uint64_t, std::size_t> cellOf;
    cellOf.reserve(marks.size() / 4);
    for (const auto& mk : marks) {
        const core::ScreenPx p = camera.toScreen(mk.pos);
        if (p.x < -4.0 || p.y < -4.0 || p.x > w + 4.0 || p.y > h + 4.0) continue;
        const auto cx = static_cast<std::uint64_t>((p.x + 4.0) / kCellPx);
        const auto cy = static_cast<std::uint64_t>((p.y + 4.0) / kCellPx);
        const std::uint64_t key = (cx << 32) | cy;
        const core::Rgba c = t.marks[static_cast<std::size_t>(mk.kind)];
        const Instance dot{static_cast<float>(mk.pos.x), static_cast<float>(mk.pos.y), kDenseRadiusPx,
                           static_cast<float>(mk.kind), -1.0f, 0.0f, c.r, c.g, c.b, mk.alpha, 0.0f};
        auto [it, inserted] = cellOf.emplace(key, instances.size());
        if (inserted) instances.push_back(dot);
        else instances[it->second] = dot;  // marks come oldest first: the newest wins
    }
}

void EventOverlay::Impl::drawInstances(const core::Camera& camera, const std::vector<Instance>& instances,
                                       const FrameOptions& o) {
    Impl& d = *this;
    const core::Theme& t = core::theme(o.theme);
    const auto m = camera.mapToClip();
    const float vw = static_cast<float>(camera.widthPx()), vh = static_cast<float>(camera.heightPx());
    const float s = o.pixelScale;
    if (!instances.empty()) {
        glUseProgram(d.event.id());
        const GLuint ep = d.event.id();
        glUniformMatrix3fv(glGetUniformLocation(ep, "u_mapToClip"), 1, GL_FALSE, m.data());
        glUniform2f(glGetUniformLocation(ep, "u_viewportPx"), vw, vh);
        glUniform1f(glGetUniformLocation(ep, "u_pixelScale"), s);
        glUniform4f(glGetUniformLocation(ep, "u_outline"), t.markOutline.r, t.markOutline.g, t.markOutline.b,
                    t.markOutline.a);
        glBindVertexArray(d.markVao.id());
        glBindBuffer(GL_ARRAY_BUFFER, d.markVbo.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instances.size() * sizeof(Instance)), instances.data(),
                     GL_STREAM_DRAW);
        glDrawArraysInstanced(GL_TRIANGLES, 0, 6, static_cast<GLsizei>(instances.size()));
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

void EventOverlay::Impl::drawCasedDashes(const core::Camera& camera, const std::vector<core::MapRing>& lines,
                                         const core::Rgba& color, float alpha, const FrameOptions& o, float widthPx,
                                         float dashPx, float gapPx) {
    const core::Theme& t = core::theme(o.theme);
    core::LineMesh mesh;
    for (const auto& l : lines) core::extrudePolyline(l, false, 0.0f, mesh);  // the casing
    for (const auto& l : lines) core::extrudePolyline(l, false, 1.0f, mesh);  // the dashes over it
    if (mesh.indices.empty()) return;
    const GLuint lp = line.id();
    useLineProgram(line, camera, o.pixelScale);
    const core::Rgba halo = t.labelHalo;
    const float colors[8 * 4] = {halo.r, halo.g, halo.b, 0.75f * alpha, color.r, color.g, color.b, color.a * alpha};
    const float looks[8 * 4] = {widthPx + 3.0f, 0.0f, 0.0f, 0.0f, widthPx, dashPx, gapPx, 0.0f};
    glUniform4fv(glGetUniformLocation(lp, "u_color"), 8, colors);
    glUniform4fv(glGetUniformLocation(lp, "u_look"), 8, looks);
    drawStreamedLines(mesh);
}

void EventOverlay::Impl::drawArrow(const core::Camera& camera, core::ScreenPx tail, core::ScreenPx head, float alpha,
                                   const FrameOptions& o) {
    const core::Theme& t = core::theme(o.theme);
    const float s = o.pixelScale;
    const double dx = head.x - tail.x, dy = head.y - tail.y, len = std::hypot(dx, dy);
    if (len < 1.0) return;
    const double ux = dx / len, uy = dy / len;
    const double headLen = std::min(16.0 * s, len * 0.4), headHalf = 8.0 * s;
    // The shaft stops inside the head, so its dashes do not poke out of the tip.
    const core::ScreenPx shaftEnd{head.x - ux * headLen * 0.7, head.y - uy * headLen * 0.7};
    drawCasedDashes(camera, {core::MapRing{camera.toMap(tail), camera.toMap(shaftEnd)}}, t.airlift, alpha, o, 3.2f, 9.0f,
                    5.0f);
    const core::ScreenPx base{head.x - ux * headLen, head.y - uy * headLen};
    const auto tri = [&](double grow, const core::Rgba& c) {
        const float hx = static_cast<float>(head.x + ux * grow), hy = static_cast<float>(head.y + uy * grow);
        const float lx = static_cast<float>(base.x - uy * (headHalf + grow) - ux * grow);
        const float ly = static_cast<float>(base.y + ux * (headHalf + grow) - uy * grow);
        const float rx = static_cast<float>(base.x + uy * (headHalf + grow) - ux * grow);
        const float ry = static_cast<float>(base.y - ux * (headHalf + grow) - uy * grow);
        painter->triangle(hx, hy, lx, ly, rx, ry, c, 0b111u);
    };
    tri(2.0 * s, faded(t.labelHalo, 0.75f * alpha));
    tri(0.0, faded(t.airlift, alpha));
    painter->flush(camera.widthPx(), camera.heightPx());
}

void EventOverlay::drawTags(const core::Camera& camera, const core::FrameLayers& layers, const FrameOptions& o,
                            MapRenderer& map, const std::vector<core::ScreenRect>& reserved) {
    Impl& d = *m_impl;
    const core::Theme& t = core::theme(o.theme);
    const float s = o.pixelScale;
    core::TagContext ctx;
    ctx.camera = &camera;
    ctx.pixelScale = s;
    ctx.measure = [&map](const std::string& text, bool bold, float sizePx) {
        TextStyle st;
        st.font = bold ? LabelFont::Bold : LabelFont::Regular;
        st.sizePx = sizePx;
        const TextBox b = map.fonts().measure(text, st);
        return core::TextSize{b.width, b.height};
    };
    ctx.obstacles = map.occupiedRects();
    ctx.obstacles.insert(ctx.obstacles.end(), reserved.begin(), reserved.end());
    ctx.regionBoxes = &d.regionBoxes;
    const std::vector<core::PlacedTag> tags = core::placeTags(layers, ctx);
    if (tags.empty()) return;
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    // Leader lines and panels first, then the glyphs, then the text.
    for (const auto& tag : tags) {
        if (tag.leader) {
            const core::ScreenPx to = tag.kind == core::TagKind::Airport ? tag.glyph : nearestOnRect(tag.box, tag.anchor);
            segment(*d.painter, tag.anchor, to, 3.2f * s, faded(t.labelHalo, 0.8f * tag.alpha));
            segment(*d.painter, tag.anchor, to, 1.4f * s, faded(t.labelText, 0.85f * tag.alpha));
        }
        if (tag.kind == core::TagKind::Airport) continue;
        const core::ScreenRect& b = tag.box;
        const float x0 = static_cast<float>(b.x), y0 = static_cast<float>(b.y);
        const float x1 = static_cast<float>(b.x + b.w), y1 = static_cast<float>(b.y + b.h), w = 1.0f * s;
        d.painter->rect(x0 - w, y0 - w, x1 + w, y1 + w, faded(t.labelText, 0.55f * tag.alpha));
        d.painter->rect(x0, y0, x1, y1, core::Rgba{t.panel.r, t.panel.g, t.panel.b, 0.94f * tag.alpha});
    }
    d.painter->flush(camera.widthPx(), camera.heightPx());

    std::vector<Instance> glyphs;
    for (const auto& tag : tags) {
        if (tag.glyphRadiusPx <= 0.0f) continue;
        core::Rgba c = t.marks[static_cast<int>(core::MarkKind::Airport)];
        float shape = kAircraftShape;
        if (tag.kind == core::TagKind::Curfew) {
            c = nightDisc(t);
            shape = kMoonShape;
        } else if (tag.kind == core::TagKind::Csto) {
            c = t.marks[static_cast<int>(core::MarkKind::Csto)];
            shape = kStarShape;
        }
        const core::MapXY p = camera.toMap(tag.glyph);
        // Instances take radii at pixel scale 1; a star's points reach past its radius.
        const float r = tag.glyphRadiusPx / s * (shape == kStarShape ? 0.8f : 1.0f);
        glyphs.push_back(Instance{static_cast<float>(p.x), static_cast<float>(p.y), r, shape, -1.0f, 0.0f, c.r, c.g, c.b,
                                  tag.alpha, 0.0f});
    }
    d.drawInstances(camera, glyphs, o);

    for (const auto& tag : tags) {
        for (const auto& line : tag.lines) {
            TextStyle st;
            st.font = line.bold ? LabelFont::Bold : LabelFont::Regular;
            st.sizePx = line.sizePx;
            st.color = faded(line.bold ? t.labelText : t.minorLabelText, tag.alpha);
            map.drawText(line.text, st, static_cast<float>(line.topLeft.x), static_cast<float>(line.topLeft.y),
                         camera.widthPx(), camera.heightPx());
        }
    }
    QANTAR_GL_CHECK("EventOverlay::drawTags");
}

void EventOverlay::drawGlyphs(const core::Camera& camera, const std::vector<GlyphAt>& glyphs, const FrameOptions& o) {
    const core::Theme& t = core::theme(o.theme);
    std::vector<Instance> instances;
    for (const auto& g : glyphs) {
        core::Rgba c = t.marks[static_cast<int>(core::MarkKind::Airport)];
        float shape = kAircraftShape;
        if (g.glyph == Glyph::Moon) {
            c = nightDisc(t);
            shape = kMoonShape;
        } else if (g.glyph == Glyph::CstoStar) {
            c = t.marks[static_cast<int>(core::MarkKind::Csto)];
            shape = kStarShape;
        } else if (g.glyph == Glyph::Capital) {
            c = t.capitalDot;
            shape = kCapitalShape;
        }
        const core::MapXY p = camera.toMap(g.at);
        instances.push_back(Instance{static_cast<float>(p.x), static_cast<float>(p.y), g.radiusPx / o.pixelScale, shape,
                                     -1.0f, 0.0f, c.r, c.g, c.b, g.alpha, 0.0f});
    }
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_impl->drawInstances(camera, instances, o);
}

void EventOverlay::drawAreaSwatch(const core::Camera& camera, core::AreaKind kind, const core::ScreenRect& rect,
                                  const FrameOptions& o) {
    Impl& d = *m_impl;
    const core::MapXY a = camera.toMap(core::ScreenPx{rect.x, rect.y});
    const core::MapXY b = camera.toMap(core::ScreenPx{rect.x + rect.w, rect.y + rect.h});
    const float quad[] = {static_cast<float>(a.x), static_cast<float>(a.y), static_cast<float>(b.x), static_cast<float>(a.y),
                          static_cast<float>(b.x), static_cast<float>(b.y), static_cast<float>(a.x), static_cast<float>(a.y),
                          static_cast<float>(b.x), static_cast<float>(b.y), static_cast<float>(a.x), static_cast<float>(b.y)};
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(d.area.id());
    const auto m = camera.mapToClip();
    glUniformMatrix3fv(glGetUniformLocation(d.area.id(), "u_mapToClip"), 1, GL_FALSE, m.data());
    d.setAreaLook(kind, core::theme(o.theme), o.pixelScale, 1.0f);
    glBindVertexArray(d.swatchVao.id());
    glBindBuffer(GL_ARRAY_BUFFER, d.swatchVbo.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glBindVertexArray(0);
    glUseProgram(0);
}

void EventOverlay::drawArrowSwatch(const core::Camera& camera, core::ScreenPx tail, core::ScreenPx head,
                                   const FrameOptions& o) {
    m_impl->drawArrow(camera, tail, head, 1.0f, o);
}

}  // namespace qantar::render
