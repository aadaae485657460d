#version 330 core
// Thick lines as extruded triangle strips: the centre line is in map metres, the extrusion in
// pixels, so a border keeps its width at every zoom. One extra pixel on each side is left for the
// anti-aliased edge computed in line.frag.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_normal;
layout(location = 2) in float a_side;
layout(location = 3) in float a_along;
layout(location = 4) in float a_style;

uniform mat3 u_mapToClip;
uniform vec2 u_viewportPx;
uniform float u_pixelScale;
uniform float u_metersPerPixel;
uniform vec4 u_color[8];
uniform vec4 u_look[8];  // x: width px, y: dash px, z: gap px (at scale 1)

out vec4 v_color;
out float v_edgePx;      // signed distance from the centre line, pixels
out float v_halfWidthPx;
out float v_alongPx;
out vec2 v_dashPx;

void main() {
    int s = int(a_style + 0.5);
    vec4 look = u_look[s];
    float widthPx = look.x * u_pixelScale;
    // Lines thinner than a pixel are drawn one pixel wide and fainter, which reads the same.
    float halfWidth = max(widthPx, 1.0) * 0.5;
    float extent = halfWidth + 1.0;
    vec3 clip = u_mapToClip * vec3(a_pos, 1.0);
    clip.xy += a_normal * extent * 2.0 / u_viewportPx;
    gl_Position = vec4(clip.xy, 0.0, 1.0);
    v_color = u_color[s];
    v_color.a *= min(widthPx, 1.0);
    v_edgePx = a_side * extent;
    v_halfWidthPx = halfWidth;
    v_alongPx = a_along / u_metersPerPixel;
    v_dashPx = look.yz * u_pixelScale;
}
