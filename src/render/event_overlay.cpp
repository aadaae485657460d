#include "render/event_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <unordered_map>

#include "core/map/polyline.hpp"
#include "core/map/mesh.hpp"
#include "render/gl_objects.hpp"
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

}  // namespace

struct EventOverlay::Impl {
    const core::MapScene* scene = nullptr;
    GlProgram area, line, event;
    GlVertexArray regionVao, countryVao;
    GlBuffer regionVbo, regionIbo, countryVbo, countryIbo;
    GLsizei countryCount = 0;
    GlVertexArray markVao, arcVao;
    GlBuffer quadVbo, markVbo, arcVbo, arcIbo;

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

    void drawArea(const core::AreaShade& a, const core::Rgba& color, int pattern, float spacing, float width,
                  float washAlpha = 0.0f) {
        glUniform4f(glGetUniformLocation(area.id(), "u_color"), color.r, color.g, color.b, color.a * a.alpha * a.intensity);
        glUniform1f(glGetUniformLocation(area.id(), "u_wash"), washAlpha * a.alpha * a.intensity);
        glUniform1i(glGetUniformLocation(area.id(), "u_pattern"), pattern);
        glUniform1f(glGetUniformLocation(area.id(), "u_spacingPx"), spacing);
        glUniform1f(glGetUniformLocation(area.id(), "u_lineWidthPx"), width);
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

    // Areas: blackout first (broadest), then emergency hatching, then curfew night shading.
    glUseProgram(d.area.id());
    glUniformMatrix3fv(glGetUniformLocation(d.area.id(), "u_mapToClip"), 1, GL_FALSE, m.data());
    for (auto kind : {core::AreaKind::Internet, core::AreaKind::Emergency, core::AreaKind::Curfew}) {
        for (const auto& a : layers.areas) {
            if (a.kind != kind) continue;
            // The blackout: dots over a light wash of the same colour (both fade with partial
            // restoration), drawn in one pass.
            if (kind == core::AreaKind::Internet) d.drawArea(a, t.internetShade, 2, 7.0f * s, 1.1f * s, 0.25f);
            else if (kind == core::AreaKind::Emergency) d.drawArea(a, t.emergencyHatch, 1, 11.0f * s, 1.0f * s);
            else d.drawArea(a, t.curfewShade, 0, 1.0f, 1.0f);
        }
    }

    QANTAR_GL_CHECK("EventOverlay::drawAreas");
}

void EventOverlay::drawSymbols(const core::Camera& camera, const core::FrameLayers& layers, const FrameOptions& o,
                               const core::SymbolLayout* symbols) {
    Impl& d = *m_impl;
    const core::Theme& t = core::theme(o.theme);
    const auto m = camera.mapToClip();
    const float vw = static_cast<float>(camera.widthPx()), vh = static_cast<float>(camera.heightPx());
    const float s = o.pixelScale;
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    // Airlift arcs (dashed, one pixel-scaled width) and their transports.
    std::vector<Instance> instances;
    if (!layers.airlifts.empty()) {
        core::LineMesh arcs;
        for (const auto& a : layers.airlifts) core::extrudePolyline(arcPoints(a.from, a.to, 64), false, 0.0f, arcs);
        glUseProgram(d.line.id());
        const GLuint lp = d.line.id();
        glUniformMatrix3fv(glGetUniformLocation(lp, "u_mapToClip"), 1, GL_FALSE, m.data());
        glUniform2f(glGetUniformLocation(lp, "u_viewportPx"), vw, vh);
        glUniform1f(glGetUniformLocation(lp, "u_pixelScale"), s);
        glUniform1f(glGetUniformLocation(lp, "u_metersPerPixel"), static_cast<float>(camera.metersPerPixel()));
        float alpha = 0.0f;
        for (const auto& a : layers.airlifts) alpha = std::max(alpha, a.alpha);
        const float color[8 * 4] = {t.airlift.r, t.airlift.g, t.airlift.b, t.airlift.a * alpha};
        const float look[8 * 4] = {2.2f, 8.0f, 5.0f, 0.0f};
        glUniform4fv(glGetUniformLocation(lp, "u_color"), 8, color);
        glUniform4fv(glGetUniformLocation(lp, "u_look"), 8, look);
        glBindVertexArray(d.arcVao.id());
        glBindBuffer(GL_ARRAY_BUFFER, d.arcVbo.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(arcs.vertices.size() * sizeof(core::LineVertex)),
                     arcs.vertices.data(), GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(arcs.indices.size() * sizeof(std::uint32_t)),
                     arcs.indices.data(), GL_STREAM_DRAW);
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(arcs.indices.size()), GL_UNSIGNED_INT, nullptr);
        const core::Rgba c = t.marks[static_cast<int>(core::MarkKind::Csto)];
        for (const auto& a : layers.airlifts) {
            if (a.progress < 0.0f) continue;
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
    glUseProgram(line.id());
    const GLuint lp = line.id();
    const auto m = camera.mapToClip();
    glUniformMatrix3fv(glGetUniformLocation(lp, "u_mapToClip"), 1, GL_FALSE, m.data());
    glUniform2f(glGetUniformLocation(lp, "u_viewportPx"), static_cast<float>(camera.widthPx()),
                static_cast<float>(camera.heightPx()));
    glUniform1f(glGetUniformLocation(lp, "u_pixelScale"), o.pixelScale);
    glUniform1f(glGetUniformLocation(lp, "u_metersPerPixel"), static_cast<float>(camera.metersPerPixel()));
    const float color[8 * 4] = {t.labelText.r, t.labelText.g, t.labelText.b, 0.75f};
    const float look[8 * 4] = {1.2f, 0.0f, 0.0f, 0.0f};
    glUniform4fv(glGetUniformLocation(lp, "u_color"), 8, color);
    glUniform4fv(glGetUniformLocation(lp, "u_look"), 8, look);
    glBindVertexArray(arcVao.id());
    glBindBuffer(GL_ARRAY_BUFFER, arcVbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(leaders.vertices.size() * sizeof(core::LineVertex)),
                 leaders.vertices.data(), GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(leaders.indices.size() * sizeof(std::uint32_t)),
                 leaders.indices.data(), GL_STREAM_DRAW);
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(leaders.indices.size()), GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
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

}  // namespace qantar::render
