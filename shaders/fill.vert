#version 330 core
// Filled areas (countries, regions, water): positions in map metres, colour from the theme palette.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_style;

uniform mat3 u_mapToClip;
uniform vec4 u_palette[8];

out vec4 v_color;

void main() {
    vec3 clip = u_mapToClip * vec3(a_pos, 1.0);
    gl_Position = vec4(clip.xy, 0.0, 1.0);
    v_color = u_palette[int(a_style + 0.5)];
}
