#version 330 core
// Flat shapes in screen pixels (overlay boxes, scale bar, north arrow), colour per vertex.
layout(location = 0) in vec2 a_posPx;
layout(location = 1) in vec4 a_color;

uniform vec2 u_viewportPx;

out vec4 v_color;

void main() {
    gl_Position = vec4(a_posPx.x / u_viewportPx.x * 2.0 - 1.0, 1.0 - a_posPx.y / u_viewportPx.y * 2.0, 0.0, 1.0);
    v_color = a_color;
}
