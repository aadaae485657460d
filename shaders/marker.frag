#version 330 core
in vec2 v_localPx;
in float v_radiusPx;
flat in int v_kind;

uniform vec4 u_fill;
uniform vec4 u_outline;
uniform vec4 u_capital;
uniform float u_pixelScale;

out vec4 o_color;

void main() {
    float d = length(v_localPx);
    float outlineW = 1.3 * u_pixelScale;
    float outer = clamp(v_radiusPx + outlineW + 0.5 - d, 0.0, 1.0);
    if (outer <= 0.0) discard;
    float inner = clamp(v_radiusPx + 0.5 - d, 0.0, 1.0);
    vec4 body = u_fill;
    if (v_kind == 1) {
        // National capital: a ring with a dot, the cartographic convention.
        float ringIn = v_radiusPx * 0.55;
        float dot = v_radiusPx * 0.35;
        float inRing = clamp(d - ringIn + 0.5, 0.0, 1.0);
        float inDot = clamp(dot + 0.5 - d, 0.0, 1.0);
        body = mix(u_outline, u_capital, max(inRing, inDot));
    }
    vec3 rgb = mix(u_outline.rgb, body.rgb, inner);
    o_color = vec4(rgb, outer * mix(u_outline.a, body.a, inner));
}
