#version 330 core
// The shade of night from the sun's elevation: none while the sun is up, rising smoothly through
// civil twilight to full once it is 6 degrees below the horizon (core::nightShade's curve, taken
// on the sine of the elevation, which within the band differs from the angle by under 0.2%).
in float v_sinElevation;
out vec4 o_color;

uniform vec4 u_color;        // the theme's night colour; its alpha is the full darkness
uniform vec2 u_twilightSin;  // sines of (sunrise elevation, end of civil twilight)

void main() {
    float x = clamp((u_twilightSin.x - v_sinElevation) / (u_twilightSin.x - u_twilightSin.y), 0.0, 1.0);
    float shade = x * x * (3.0 - 2.0 * x);
    o_color = vec4(u_color.rgb, u_color.a * shade);
}
