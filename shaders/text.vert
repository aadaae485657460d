#version 330 core
// Text quads laid out on the CPU in pixels; glyphs come from a signed-distance-field atlas so the
// same atlas serves every size, with a halo for legibility over the map.
layout(location = 0) in vec2 a_posPx;
layout(location = 1) in vec2 a_uv;  // atlas pixels (the atlas grows, so not normalised here)
layout(location = 2) in vec4 a_color;
layout(location = 3) in vec4 a_halo;
layout(location = 4) in vec2 a_edges;  // x: halo edge in SDF units, y: SDF units per pixel

uniform vec2 u_viewportPx;
uniform sampler2D u_atlas;

out vec2 v_uv;
out vec4 v_color;
out vec4 v_halo;
out vec2 v_edges;

void main() {
    vec2 ndc = vec2(a_posPx.x / u_viewportPx.x * 2.0 - 1.0, 1.0 - a_posPx.y / u_viewportPx.y * 2.0);
    gl_Position = vec4(ndc, 0.0, 1.0);
    v_uv = a_uv / vec2(textureSize(u_atlas, 0));
    v_color = a_color;
    v_halo = a_halo;
    v_edges = a_edges;
}
