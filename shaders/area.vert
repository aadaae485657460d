#version 330 core
// Event areas (curfew, state of emergency, internet blackout) drawn over region or country fills.
layout(location = 0) in vec2 a_pos;

uniform mat3 u_mapToClip;

void main() {
    vec3 clip = u_mapToClip * vec3(a_pos, 1.0);
    gl_Position = vec4(clip.xy, 0.0, 1.0);
}
