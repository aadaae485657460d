#version 330 core
// Event symbols, instanced: one quad per mark, shaped in event.frag by kind.
layout(location = 0) in vec2 a_corner;     // -1..1
layout(location = 1) in vec2 i_pos;        // map metres
layout(location = 2) in vec4 i_shape;      // x: radius px (scale 1), y: kind, z: pulse phase (<0 none), w: halo px
layout(location = 3) in vec4 i_color;      // rgb + overall alpha
layout(location = 4) in float i_soft;      // 1: the time is uncertain: hatched, in a dotted ring

uniform mat3 u_mapToClip;
uniform vec2 u_viewportPx;
uniform float u_pixelScale;

out vec2 v_localPx;
out float v_radiusPx;
flat out int v_kind;
out float v_pulse;
out float v_haloPx;
out vec4 v_color;
out float v_soft;

void main() {
    float r = i_shape.x * u_pixelScale;
    // The quad covers the symbol (star tips reach 1.25 radii), its pulse ring (up to 3 radii) when
    // it pulses, and the uncertainty halo; no larger, as every covered pixel is shaded.
    float reach = i_shape.z >= 0.0 ? r * 3.2 : (i_soft > 0.5 ? r * 2.0 + 3.0 * u_pixelScale : r * 1.3);
    float extent = max(reach, i_shape.w) + 2.0 * u_pixelScale + 1.0;
    vec3 clip = u_mapToClip * vec3(i_pos, 1.0);
    clip.xy += a_corner * extent * 2.0 / u_viewportPx;
    gl_Position = vec4(clip.xy, 0.0, 1.0);
    v_localPx = a_corner * extent;
    v_localPx.y = -v_localPx.y;  // y down, like the screen, for shapes
    v_radiusPx = r;
    v_kind = int(i_shape.y + 0.5);
    v_pulse = i_shape.z;
    v_haloPx = i_shape.w;
    v_color = i_color;
    v_soft = i_soft;
}
