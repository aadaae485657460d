#include "render/annotation_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cmath>
#include <string>

#include "core/map/mesh.hpp"
#include "core/map/polyline.hpp"
#include "core/map/triangulation.hpp"
#include "render/gl_objects.hpp"
#include "render/painter.hpp"
#include "render/shader.hpp"

namespace qantar::render {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Sizes at pixel scale 1 (1080p): strokes, their casing, the arrow's head, the callout's dot and
// the text.
constexpr float kStrokePx = 2.6f;
constexpr float kArrowStrokePx = 3.6f;
constexpr float kCasingPx = 3.0f;       // added to a stroke's width, half on each side
constexpr float kHeadLengthPx = 18.0f;
constexpr float kHeadHalfWidthPx = 9.5f;
constexpr float kDotRadiusPx = 4.5f;
constexpr float kTextPx = 16.0f;
constexpr float kTextHaloPx = 2.6f;
constexpr float kTextGapPx = 8.0f;       // between a text and what it labels
constexpr float kWrapWidthPx = 300.0f;   // longer text wraps at spaces
constexpr float kLineSpacing = 1.2f;     // line height over the text size
constexpr float kFillAlpha = 0.14f;      // the wash inside circles and areas

core::Rgba withAlpha(core::Rgba c, float a) {
    c.a = a;
    return c;
}

// The halo and casing colour: the theme's label halo, nearly opaque, so the annotation reads over
// event symbols and shading.
core::Rgba haloOf(const core::Theme& t) { return withAlpha(t.labelHalo, std::max(t.labelHalo.a, 0.9f)); }

void disc(Painter& p, core::ScreenPx c, float radius, const core::Rgba& color) {
    constexpr int kSides = 24;
    const float cx = static_cast<float>(c.x), cy = static_cast<float>(c.y);
    for (int i = 0; i < kSides; ++i) {
        const double a0 = 2.0 * kPi * i / kSides, a1 = 2.0 * kPi * (i + 1) / kSides;
        p.triangle(cx, cy, cx + radius * static_cast<float>(std::cos(a0)), cy + radius * static_cast<float>(std::sin(a0)),
                   cx + radius * static_cast<float>(std::cos(a1)), cy + radius * static_cast<float>(std::sin(a1)), color,
                   0b010u);
    }
}

}  // namespace

struct AnnotationOverlay::Impl {
    GlProgram line;
    GlVertexArray vao;
    GlBuffer vbo, ibo;
    std::unique_ptr<Painter> painter;

    // A stroke through `rings` (map metres), over a casing `kCasingPx` wider in the halo colour.
    void drawStroke(const core::Camera& camera, const std::vector<core::MapRing>& rings, bool closed, float widthPx,
                    const core::Rgba& color, const core::Rgba& halo, const FrameOptions& o) {
        core::LineMesh mesh;
        for (const auto& r : rings) core::extrudePolyline(r, closed, 0.0f, mesh);
        for (const auto& r : rings) core::extrudePolyline(r, closed, 1.0f, mesh);
        if (mesh.indices.empty()) return;
        const GLuint lp = line.id();
        useLineProgram(line, camera, o.pixelScale);
        const float colors[8 * 4] = {halo.r, halo.g, halo.b, halo.a, color.r, color.g, color.b, color.a};
        const float looks[8 * 4] = {widthPx + kCasingPx, 0.0f, 0.0f, 0.0f, widthPx, 0.0f, 0.0f, 0.0f};
        glUniform4fv(glGetUniformLocation(lp, "u_color"), 8, colors);
        glUniform4fv(glGetUniformLocation(lp, "u_look"), 8, looks);
        drawStreamedLineMesh(vao, vbo, mesh);
        glUseProgram(0);
    }
};

AnnotationOverlay::AnnotationOverlay(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
AnnotationOverlay::~AnnotationOverlay() = default;

core::Expected<std::unique_ptr<AnnotationOverlay>> AnnotationOverlay::create() {
    auto impl = std::make_unique<Impl>();
    auto program = buildEmbeddedProgram("line");
    if (!program) return program.error();
    impl->line = std::move(*program);
    auto painter = Painter::create();
    if (!painter) return painter.error();
    impl->painter = std::move(*painter);
    impl->vao = GlVertexArray::create();
    impl->vbo = GlBuffer::create();
    impl->ibo = GlBuffer::create();
    glBindVertexArray(impl->vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, impl->vbo.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, impl->ibo.id());
    constexpr auto stride = static_cast<GLsizei>(sizeof(core::LineVertex));
    const auto attrib = [](GLuint index, GLint size, std::size_t offset) {
        glEnableVertexAttribArray(index);
        glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
    };
    attrib(0, 2, offsetof(core::LineVertex, x));
    attrib(1, 2, offsetof(core::LineVertex, nx));
    attrib(2, 1, offsetof(core::LineVertex, side));
    attrib(3, 1, offsetof(core::LineVertex, along));
    attrib(4, 1, offsetof(core::LineVertex, style));
    glBindVertexArray(0);
    QANTAR_GL_CHECK("AnnotationOverlay::create");
    return std::unique_ptr<AnnotationOverlay>(new AnnotationOverlay(std::move(impl)));
}

void AnnotationOverlay::drawWashes(const core::Camera& camera, const core::Projection& projection,
                                   const std::vector<const core::Annotation*>& shown, const FrameOptions& o) {
    Painter& p = *m_impl->painter;
    bool any = false;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const core::AnnotationKind kind = shown[i]->kind;
        if (kind != core::AnnotationKind::Circle && kind != core::AnnotationKind::Area) continue;
        const core::AnnotationShapes sh = core::annotationShapes(*shown[i], projection);
        if (!sh.ok || sh.fill.size() < 3) continue;
        const core::Rgba wash = withAlpha(core::annotationColor(shown[i]->color, o.theme), kFillAlpha);
        core::FillMesh mesh;
        if (core::triangulatePolygon(core::MapPolygon{{sh.fill}}, 0.0f, mesh)) continue;  // cannot fill: outline only
        for (std::size_t k = 0; k + 2 < mesh.indices.size(); k += 3) {
            core::ScreenPx v[3];
            for (int j = 0; j < 3; ++j) {
                const core::FillVertex& fv = mesh.vertices[mesh.indices[k + static_cast<std::size_t>(j)]];
                v[j] = camera.toScreen(core::MapXY{fv.x, fv.y});
            }
            p.triangle(static_cast<float>(v[0].x), static_cast<float>(v[0].y), static_cast<float>(v[1].x),
                       static_cast<float>(v[1].y), static_cast<float>(v[2].x), static_cast<float>(v[2].y), wash);
            any = true;
        }
    }
    if (any) p.flush(camera.widthPx(), camera.heightPx());
}

namespace {

// A label laid out: its wrapped lines and the block they fill, in pixels.
struct TextBlock {
    std::vector<std::string> lines;
    std::vector<float> widths;
    float w = 0.0f, h = 0.0f, lineH = 0.0f;
    double x0 = 0.0, y0 = 0.0;  // top-left
    int align = -1;             // -1 left, 0 centre, 1 right
    bool empty() const { return lines.empty(); }
};

// Where `a`'s text goes for `camera`: wrapped at kWrapWidthPx, placed by its shape (right of a
// callout's dot or at its offset, above a circle, inside an area, beside an arrow's middle), and
// kept inside the frame while the place it labels is in view.
TextBlock layOutText(const core::Annotation& a, const core::AnnotationShapes& sh, const core::Camera& camera,
                     const TextStyle& st, float s, MapRenderer& map) {
    TextBlock b;
    if (!sh.ok || a.text.empty()) return b;
    std::string current;
    for (std::size_t pos = 0; pos <= a.text.size();) {
        std::size_t end = a.text.find(' ', pos);
        if (end == std::string::npos) end = a.text.size();
        const std::string word = a.text.substr(pos, end - pos);
        const std::string tryLine = current.empty() ? word : current + " " + word;
        if (!current.empty() && map.fonts().measure(tryLine, st).width > kWrapWidthPx * s) {
            b.lines.push_back(current);
            current = word;
        } else {
            current = tryLine;
        }
        pos = end + 1;
    }
    if (!current.empty()) b.lines.push_back(current);
    if (b.lines.empty()) return b;
    for (const auto& l : b.lines) {
        b.widths.push_back(map.fonts().measure(l, st).width);
        b.w = std::max(b.w, b.widths.back());
    }
    b.lineH = st.sizePx * kLineSpacing;
    b.h = b.lineH * static_cast<float>(b.lines.size());
    const double w = b.w, h = b.h, gap = kTextGapPx * s;
    const core::ScreenPx at = camera.toScreen(sh.labelAt);
    switch (sh.labelPlace) {
        case core::AnnotationShapes::Place::RightOf: {
            const double ox = a.offsetPx ? a.offsetPx->x * s : 0.0, oy = a.offsetPx ? a.offsetPx->y * s : 0.0;
            if (ox < 0) {  // the text ends at the offset's point
                b.x0 = at.x + ox - gap * 0.5 - w;
                b.align = 1;
            } else {
                b.x0 = at.x + ox + (a.offsetPx ? gap * 0.5 : gap);
            }
            b.y0 = at.y + oy - h * 0.5;
            break;
        }
        case core::AnnotationShapes::Place::Above:
            b.x0 = at.x - w * 0.5;
            b.y0 = at.y - gap * 0.5 - h;
            b.align = 0;
            break;
        case core::AnnotationShapes::Place::Centre:
            b.x0 = at.x - w * 0.5;
            b.y0 = at.y - h * 0.5;
            b.align = 0;
            break;
        case core::AnnotationShapes::Place::Beside: {
            // Beside the shaft's middle, on its upper side (its right for an upright arrow),
            // clear of it whatever way it points.
            double nx = 0, ny = -1;
            if (sh.head && !sh.lines.empty()) {
                const core::ScreenPx tail = camera.toScreen(sh.lines[0].front()), head = camera.toScreen(*sh.head);
                const double dx = head.x - tail.x, dy = head.y - tail.y, len = std::hypot(dx, dy);
                if (len > 1e-6) {
                    nx = -dy / len;
                    ny = dx / len;
                    if (ny > 0.2 || (std::abs(ny) <= 0.2 && nx < 0)) {
                        nx = -nx;
                        ny = -ny;
                    }
                }
            }
            const double reach = std::abs(nx) * w * 0.5 + std::abs(ny) * h * 0.5 + gap * 0.5 + kArrowStrokePx * s;
            b.x0 = at.x + nx * reach - w * 0.5;
            b.y0 = at.y + ny * reach - h * 0.5;
            b.align = 0;
            break;
        }
    }
    // A label whose place is in view never runs off the frame (a presentation's map is wider
    // than its free part, an export's frame may cut a callout's offset text).
    const double vw = camera.widthPx(), vh = camera.heightPx(), margin = 4.0 * s;
    if (at.x >= 0 && at.x <= vw && at.y >= 0 && at.y <= vh) {
        b.x0 = std::clamp(b.x0, margin, std::max(margin, vw - margin - w));
        b.y0 = std::clamp(b.y0, margin, std::max(margin, vh - margin - h));
    }
    return b;
}

}  // namespace

void AnnotationOverlay::draw(const core::Camera& camera, const core::Projection& projection,
                             const std::vector<const core::Annotation*>& shown, const FrameOptions& o, MapRenderer& map) {
    if (shown.empty()) return;
    Impl& d = *m_impl;
    Painter& p = *d.painter;
    const core::Theme& t = core::theme(o.theme);
    const float s = o.pixelScale;
    const int vw = camera.widthPx(), vh = camera.heightPx();
    const core::Rgba halo = haloOf(t);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    TextStyle st;
    st.font = LabelFont::Bold;
    st.sizePx = kTextPx * s;
    st.halo = halo;
    st.haloPx = kTextHaloPx * s;
    std::vector<core::AnnotationShapes> shapes;
    std::vector<TextBlock> blocks;
    shapes.reserve(shown.size());
    blocks.reserve(shown.size());
    for (const core::Annotation* a : shown) {
        shapes.push_back(core::annotationShapes(*a, projection));
        blocks.push_back(layOutText(*a, shapes.back(), camera, st, s, map));
    }

    // Strokes, arrow heads and dots, one annotation over the other.
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const core::AnnotationShapes& sh = shapes[i];
        if (!sh.ok) continue;
        const core::Rgba color = core::annotationColor(shown[i]->color, o.theme);
        if (sh.head && !sh.lines.empty()) {
            // The shaft stops inside the head, which is drawn in screen space so it keeps its size.
            const core::ScreenPx tail = camera.toScreen(sh.lines[0].front()), head = camera.toScreen(*sh.head);
            const double dx = head.x - tail.x, dy = head.y - tail.y, len = std::hypot(dx, dy);
            if (len < 2.0) continue;
            const double ux = dx / len, uy = dy / len;
            const double headLen = std::min(static_cast<double>(kHeadLengthPx * s), len * 0.5);
            const double headHalf = kHeadHalfWidthPx * s * headLen / (kHeadLengthPx * s);
            const core::ScreenPx shaftEnd{head.x - ux * headLen * 0.6, head.y - uy * headLen * 0.6};
            d.drawStroke(camera, {core::MapRing{sh.lines[0].front(), camera.toMap(shaftEnd)}}, false, kArrowStrokePx, color,
                         halo, o);
            glEnable(GL_BLEND);
            const core::ScreenPx base{head.x - ux * headLen, head.y - uy * headLen};
            const auto tri = [&](double grow, const core::Rgba& c) {
                const float hx = static_cast<float>(head.x + ux * grow), hy = static_cast<float>(head.y + uy * grow);
                const float lx = static_cast<float>(base.x - uy * (headHalf + grow) - ux * grow);
                const float ly = static_cast<float>(base.y + ux * (headHalf + grow) - uy * grow);
                const float rx = static_cast<float>(base.x + uy * (headHalf + grow) - ux * grow);
                const float ry = static_cast<float>(base.y - ux * (headHalf + grow) - uy * grow);
                p.triangle(hx, hy, lx, ly, rx, ry, c, 0b111u);
            };
            tri(kCasingPx * 0.5 * s + 0.5, halo);
            tri(0.0, color);
            p.flush(vw, vh);
            continue;
        }
        if (!sh.lines.empty()) d.drawStroke(camera, sh.lines, sh.closed, kStrokePx, color, halo, o);
        if (sh.dot) {
            glEnable(GL_BLEND);
            const core::ScreenPx at = camera.toScreen(*sh.dot);
            const TextBlock& b = blocks[i];
            if (!b.empty()) {
                // A leader from the dot to the nearest point of its text, when the text stands off.
                const double pad = 2.0 * s;
                const core::ScreenPx to{std::clamp(at.x, b.x0 - pad, b.x0 + b.w + pad), std::clamp(at.y, b.y0 - pad, b.y0 + b.h + pad)};
                if (std::hypot(to.x - at.x, to.y - at.y) > kTextGapPx * 1.5 * s) {
                    d.drawStroke(camera, {core::MapRing{*sh.dot, camera.toMap(to)}}, false, 1.6f, color, halo, o);
                    glEnable(GL_BLEND);
                }
            }
            disc(p, at, (kDotRadiusPx + kCasingPx * 0.5f) * s, halo);
            disc(p, at, kDotRadiusPx * s, color);
            p.flush(vw, vh);
        }
    }

    // The text over everything, haloed.
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const TextBlock& b = blocks[i];
        if (b.empty()) continue;
        st.color = core::annotationColor(shown[i]->color, o.theme);
        for (std::size_t k = 0; k < b.lines.size(); ++k) {
            const double lx = b.align < 0 ? b.x0 : b.align > 0 ? b.x0 + b.w - b.widths[k] : b.x0 + (b.w - b.widths[k]) * 0.5;
            const double ly = b.y0 + b.lineH * static_cast<double>(k) + (b.lineH - st.sizePx) * 0.5;
            map.drawText(b.lines[k], st, static_cast<float>(std::round(lx)), static_cast<float>(std::round(ly)), vw, vh);
        }
    }
    QANTAR_GL_CHECK("AnnotationOverlay::draw");
}

}  // namespace qantar::render
