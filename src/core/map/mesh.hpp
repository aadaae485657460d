#pragma once
// CPU-side geometry ready for upload: plain vertex structs in float, positions in map metres.
// Built once at load (triangulation, line extrusion); per frame only uniforms change.
#include <cstdint>
#include <vector>

#include "core/io/error.hpp"
#include "core/geo/geo_types.hpp"

namespace qantar::core {

// A filled-area vertex. `style` indexes the theme's fill palette (see theme.hpp).
struct FillVertex {
    float x, y;   // map metres
    float style;  // palette index
};

// A thick-line vertex: the centre-line position plus an extrusion direction. The vertex shader
// moves it by normal × half width in *pixels*, so lines keep their width at every zoom.
struct LineVertex {
    float x, y;    // map metres, on the centre line
    float nx, ny;  // extrusion vector in map orientation (unit normal × miter length)
    float side;    // -1 or +1: which edge of the line (anti-aliasing coordinate)
    float along;   // distance along the line from its start, map metres (for dashes)
    float style;   // palette index into the theme's line styles
};

template <typename V>
struct Mesh {
    std::vector<V> vertices;
    std::vector<std::uint32_t> indices;  // triangles
    void clear() {
        vertices.clear();
        indices.clear();
    }
};

using FillMesh = Mesh<FillVertex>;
using LineMesh = Mesh<LineVertex>;

}  // namespace qantar::core
