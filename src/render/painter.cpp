#include "render/painter.hpp"

#include <cmath>
#include <cstddef>

#include "render/gl_objects.hpp"
#include "render/shader.hpp"

namespace qantar::render {

namespace {
struct Vertex {
    float x, y, r, g, b, a;
};
}  // namespace

struct Painter::Impl {
    GlProgram program;
    GlVertexArray vao;
    GlBuffer vbo;
    std::vector<Vertex> vertices;
    void push(float x, float y, const core::Rgba& c) { vertices.push_back(Vertex{x, y, c.r, c.g, c.b, c.a}); }
};

Painter::Painter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Painter::~Painter() = default;

core::Expected<std::unique_ptr<Painter>> Painter::create() {
    auto impl = std::make_unique<Impl>();
    auto p = buildEmbeddedProgram("shape");
    if (!p) return p.error();
    impl->program = std::move(*p);
    impl->vao = GlVertexArray::create();
    impl->vbo = GlBuffer::create();
    glBindVertexArray(impl->vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, impl->vbo.id());
    constexpr auto stride = static_cast<GLsizei>(sizeof(Vertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(Vertex, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(Vertex, r)));
    glBindVertexArray(0);
    return std::unique_ptr<Painter>(new Painter(std::move(impl)));
}

void Painter::rect(float x0, float y0, float x1, float y1, const core::Rgba& c) {
    triangle(x0, y0, x1, y0, x1, y1, c);
    triangle(x0, y0, x1, y1, x0, y1, c);
}

void Painter::triangle(float ax, float ay, float bx, float by, float cx, float cy, const core::Rgba& c,
                       unsigned smoothEdges) {
    m_impl->push(ax, ay, c);
    m_impl->push(bx, by, c);
    m_impl->push(cx, cy, c);
    const float xs[3] = {ax, bx, cx}, ys[3] = {ay, by, cy};
    core::Rgba clear = c;
    clear.a = 0.0f;
    for (int e = 0; e < 3; ++e) {
        if (!(smoothEdges & (1u << e))) continue;
        const int i = e, j = (e + 1) % 3, k = (e + 2) % 3;
        const float dx = xs[j] - xs[i], dy = ys[j] - ys[i];
        const float len = std::hypot(dx, dy);
        if (len <= 0.0f) continue;
        // The unit normal pointing away from the opposite vertex, one pixel long.
        float nx = -dy / len, ny = dx / len;
        if (nx * (xs[k] - xs[i]) + ny * (ys[k] - ys[i]) > 0.0f) {
            nx = -nx;
            ny = -ny;
        }
        m_impl->push(xs[i], ys[i], c);
        m_impl->push(xs[j], ys[j], c);
        m_impl->push(xs[j] + nx, ys[j] + ny, clear);
        m_impl->push(xs[i], ys[i], c);
        m_impl->push(xs[j] + nx, ys[j] + ny, clear);
        m_impl->push(xs[i] + nx, ys[i] + ny, clear);
    }
}

void Painter::flush(int viewportW, int viewportH) {
    Impl& d = *m_impl;
    if (d.vertices.empty()) return;
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(d.program.id());
    glUniform2f(glGetUniformLocation(d.program.id(), "u_viewportPx"), static_cast<float>(viewportW),
                static_cast<float>(viewportH));
    glBindVertexArray(d.vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, d.vbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(d.vertices.size() * sizeof(Vertex)), d.vertices.data(),
                 GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(d.vertices.size()));
    glBindVertexArray(0);
    glUseProgram(0);
    d.vertices.clear();
}

}  // namespace qantar::render
