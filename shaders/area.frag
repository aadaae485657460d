#version 330 core
// Patterns are laid out in screen pixels (gl_FragCoord), so they keep their density at any zoom
// and scale with the export's pixel scale.
uniform vec4 u_color;
uniform int u_pattern;       // 0 solid, 1 diagonal hatching (rising to the right), 2 dots, 3 horizontal lines
uniform float u_spacingPx;   // pattern period
uniform float u_lineWidthPx; // stripe width or dot radius
uniform float u_wash;        // opacity of a flat wash under the pattern
uniform vec3 u_washColor;    // its colour

out vec4 o_color;

void main() {
    float coverage = 1.0;
    if (u_pattern == 1) {
        float d = mod(gl_FragCoord.x + gl_FragCoord.y, u_spacingPx);
        float dist = min(d, u_spacingPx - d);  // distance to the nearest stripe centre (×√2)
        coverage = clamp(u_lineWidthPx * 0.7071 - dist * 0.7071 + 0.5, 0.0, 1.0);
    } else if (u_pattern == 3) {
        float d = mod(gl_FragCoord.y, u_spacingPx);
        float dist = min(d, u_spacingPx - d);  // distance to the nearest line's centre
        coverage = clamp(u_lineWidthPx * 0.5 - dist + 0.5, 0.0, 1.0);
    } else if (u_pattern == 2) {
        vec2 cell = mod(gl_FragCoord.xy, u_spacingPx) - 0.5 * u_spacingPx;
        coverage = clamp(u_lineWidthPx + 0.5 - length(cell), 0.0, 1.0);
    }
    // The pattern over the wash, in one pass ("over" of two layers, non-premultiplied out).
    float pa = u_color.a * coverage;
    float wa = u_wash * (1.0 - pa);
    float alpha = pa + wa;
    if (alpha <= 0.0) discard;
    o_color = vec4((u_color.rgb * pa + u_washColor * wa) / alpha, alpha);
}
