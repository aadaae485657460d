#version 330 core
in vec2 v_localPx;
in float v_radiusPx;
flat in int v_kind;
in float v_pulse;
in float v_haloPx;
in vec4 v_color;
in float v_soft;

uniform vec4 u_outline;
uniform float u_pixelScale;

out vec4 o_color;

// Signed distance (pixels, negative inside) to each symbol's outline.
float sdCircle(vec2 p, float r) { return length(p) - r; }
float sdBox(vec2 p, float r) { vec2 d = abs(p) - vec2(r); return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0); }
float sdDiamond(vec2 p, float r) { return (abs(p.x) + abs(p.y) - r * 1.25) * 0.7071; }
float sdTriangle(vec2 p, float r) {
    // Upward triangle (a flame for arson), centred.
    p.y += r * 0.25;
    const float k = 1.7320508;
    p.x = abs(p.x) - r;
    p.y = p.y + r / k;
    if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
    p.x -= clamp(p.x, -2.0 * r, 0.0);
    return -length(p) * sign(p.y);
}
float sdCross(vec2 p, float r) {
    p = abs(p);
    float w = r * 0.38;
    return min(max(p.x - w, p.y - r), max(p.x - r, p.y - w));
}
float sdStar(vec2 p, float r) {
    // Five-pointed star by folding: good enough at marker sizes.
    float a = atan(p.y, p.x) + 1.5707963;
    float seg = 6.2831853 / 5.0;
    a = mod(a, seg) - seg * 0.5;
    vec2 q = length(p) * vec2(cos(a), abs(sin(a)));
    vec2 tip = vec2(r * 1.2, 0.0);
    vec2 inner = r * 0.5 * vec2(cos(seg * 0.5), sin(seg * 0.5));
    vec2 e = inner - tip;
    vec2 w = q - tip;
    float h = clamp(dot(w, e) / dot(e, e), 0.0, 1.0);
    float d = length(w - e * h);
    // Negative inside: the centre lies to the right of the edge from the tip inwards.
    float s = -sign(e.x * w.y - e.y * w.x);
    return d * s;
}

float sdSegment(vec2 p, vec2 a, vec2 b, float r) {
    vec2 pa = p - a, ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - r;
}
// An aircraft seen from above, nose up, spanning about `r` from its centre.
float sdAircraft(vec2 p, float r) {
    p.x = abs(p.x);
    float body = sdSegment(p, vec2(0.0, -0.92 * r), vec2(0.0, 0.78 * r), 0.13 * r);
    float wing = sdSegment(p, vec2(0.0, -0.12 * r), vec2(0.92 * r, 0.22 * r), 0.12 * r);
    float tail = sdSegment(p, vec2(0.0, 0.68 * r), vec2(0.38 * r, 0.86 * r), 0.09 * r);
    return min(body, min(wing, tail));
}
// A crescent moon, horns to the right.
float sdMoon(vec2 p, float r) {
    float outer = sdCircle(p, r);
    float bite = sdCircle(p - vec2(0.45 * r, -0.2 * r), r * 0.85);
    return max(outer, -bite);
}

void main() {
    vec2 p = v_localPx;
    float r = v_radiusPx;
    float d;
    if (v_kind == 0 || v_kind == 1) d = sdCircle(p, r);          // protest, violent protest
    else if (v_kind == 2) d = sdDiamond(p, r);                   // clash
    else if (v_kind == 3) d = sdTriangle(p, r * 1.1);            // looting, arson
    else if (v_kind == 4) d = sdCross(p, r * 1.1);               // casualties
    else if (v_kind == 5) d = sdBox(p, r * 0.8);                 // arrests
    else if (v_kind == 6 || v_kind == 9 || v_kind == 10) d = sdCircle(p, r);  // airport, curfew, capital: a disc with a sign
    else if (v_kind == 7) d = sdStar(p, r);                      // CSTO
    else d = abs(sdCircle(p, r * 0.8)) - r * 0.28;               // government: a ring

    // A crisp, outlined symbol.
    const float edge = 0.75;
    float outlineW = 1.2 * u_pixelScale;
    float fill = 1.0 - smoothstep(-edge, edge, d);
    float outline = 1.0 - smoothstep(-edge, edge, d - outlineW);
    // Uncertain time (the day is known, not the hour; it may not have happened yet): the symbol
    // is hatched, a rim of its colour around diagonal stripes over a faint fill, inside a dotted
    // ring, so it never reads as a solid event at a precise minute.
    if (v_soft > 0.5) {
        float rimW = 1.4 * u_pixelScale;
        float rim = smoothstep(-rimW - edge, -rimW + edge, d);
        float period = 3.6 * u_pixelScale;
        float stripe = 1.0 - smoothstep(0.22, 0.34, abs(fract((p.x + p.y) / period) - 0.5));
        fill *= max(rim, mix(0.22, 0.9, stripe));
        float ringR = r * (v_kind == 1 ? 1.95 : 1.65) + 2.0 * u_pixelScale;
        float ringLine = 1.0 - smoothstep(0.5 * u_pixelScale, 0.5 * u_pixelScale + 0.9, abs(length(p) - ringR));
        float dots = 1.0 - smoothstep(0.32, 0.5, fract(atan(p.y, p.x) / 6.2831853 * 16.0));
        fill = max(fill, ringLine * dots);
    }
    vec3 rgb = mix(u_outline.rgb, v_color.rgb, fill);
    float a = max(fill, outline * u_outline.a * 0.9);

    // Signs cut into the disc: an aircraft (tilted towards the top right, the usual airport
    // sign) in the outline colour; a pale crescent moon on the night-blue disc.
    if (v_kind == 6) {
        const float c = 0.70710678;
        vec2 q = vec2(c * p.x + c * p.y, -c * p.x + c * p.y);
        float plane = 1.0 - smoothstep(-0.6, 0.6, sdAircraft(q, r * 0.72));
        rgb = mix(rgb, u_outline.rgb, plane * fill);
    } else if (v_kind == 10) {
        // The capital as marker.frag draws it: a ring and a dot in the capital's colour.
        float ring = 1.0 - smoothstep(-0.6, 0.6, abs(length(p) - r * 0.78) - r * 0.22);
        float dot = 1.0 - smoothstep(-0.6, 0.6, length(p) - r * 0.35);
        rgb = mix(u_outline.rgb, v_color.rgb, max(ring, dot) * fill);
    } else if (v_kind == 9) {
        float moon = 1.0 - smoothstep(-0.6, 0.6, sdMoon(p + vec2(0.08 * r, 0.0), r * 0.58));
        rgb = mix(rgb, vec3(1.0, 0.88, 0.45), moon * fill);
    }

    // Violent protest: a second, spiky ring around the disc.
    if (v_kind == 1) {
        float spikes = sdStar(p, r * 1.55);
        float ring = 1.0 - smoothstep(-0.75, 0.75, max(spikes, -(length(p) - r * 1.05)));
        rgb = mix(rgb, v_color.rgb, ring * (1.0 - fill));
        a = max(a, ring * 0.85);
    }
    // Pulse: a ring expanding from the symbol and fading out over one period.
    if (v_pulse >= 0.0) {
        float pr = r * (1.0 + 2.0 * v_pulse);
        float ring = 1.0 - smoothstep(0.0, 1.2 * u_pixelScale + 0.5, abs(length(p) - pr) - 0.8 * u_pixelScale);
        float pa = ring * (1.0 - v_pulse) * 0.9;
        rgb = mix(rgb, v_color.rgb, pa * (1.0 - a));
        a = max(a, pa);
    }
    // Place known only to a region: a soft halo the size of the area.
    if (v_haloPx > r) {
        float h = 1.0 - smoothstep(v_haloPx * 0.4, v_haloPx, length(p));
        float ha = h * 0.22;
        rgb = mix(v_color.rgb, rgb, a / max(a + ha * (1.0 - a), 1e-4));
        a = a + ha * (1.0 - a);
    }
    a *= v_color.a;
    if (a <= 0.003) discard;
    o_color = vec4(rgb, a);
}
