#version 330 core
// City markers, instanced: one quad per marker, shaped into a disc or ring in marker.frag.
layout(location = 0) in vec2 a_corner;    // quad corner, -1..1
layout(location = 1) in vec2 i_pos;       // map metres
layout(location = 2) in float i_radiusPx; // at scale 1
layout(location = 3) in float i_kind;     // 0 city, 1 national capital

uniform mat3 u_mapToClip;
uniform vec2 u_viewportPx;
uniform float u_pixelScale;

out vec2 v_localPx;
out float v_radiusPx;
flat out int v_kind;

void main() {
    float r = i_radiusPx * u_pixelScale;
    float extent = r + 2.0 * u_pixelScale + 1.0;  // outline plus anti-aliasing margin
    vec3 clip = u_mapToClip * vec3(i_pos, 1.0);
    clip.xy += a_corner * extent * 2.0 / u_viewportPx;
    gl_Position = vec4(clip.xy, 0.0, 1.0);
    v_localPx = a_corner * extent;
    v_radiusPx = r;
    v_kind = int(i_kind + 0.5);
}
