#version 330 core
in vec2 v_uv;
in vec4 v_color;
in vec4 v_halo;
in vec2 v_edges;

uniform sampler2D u_atlas;

out vec4 o_color;

void main() {
    float d = texture(u_atlas, v_uv).r;
    // Half a pixel of smoothing on each side of an edge, whatever the text size.
    float w = 0.5 * v_edges.y;
    float fill = smoothstep(0.5 - w, 0.5 + w, d);
    float halo = v_halo.a > 0.0 ? smoothstep(v_edges.x - w, v_edges.x + w, d) : 0.0;
    float alpha = max(fill * v_color.a, halo * v_halo.a);
    if (alpha <= 0.003) discard;
    vec3 rgb = mix(v_halo.rgb, v_color.rgb, fill);
    o_color = vec4(rgb, alpha);
}
