#version 330 core
in vec4 v_color;
in float v_edgePx;
in float v_halfWidthPx;
in float v_alongPx;
in vec2 v_dashPx;
out vec4 o_color;

void main() {
    // Coverage of this pixel by the line, from its distance to the edge.
    float coverage = clamp(v_halfWidthPx + 0.5 - abs(v_edgePx), 0.0, 1.0);
    if (v_dashPx.x > 0.0) {
        float period = v_dashPx.x + v_dashPx.y;
        float t = mod(v_alongPx, period);
        // Soft dash ends: half a pixel of ramp on each side of the dash.
        coverage *= clamp(min(t, v_dashPx.x - t) + 0.5, 0.0, 1.0);
    }
    if (coverage <= 0.0) discard;
    o_color = vec4(v_color.rgb, v_color.a * coverage);
}
