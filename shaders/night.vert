#version 330 core
// The night shading: a lon/lat grid over the world layers, each vertex carrying where it is on the
// Earth, so the sun's height there is known.
layout(location = 0) in vec2 a_pos;  // map metres
layout(location = 1) in vec2 a_geo;  // longitude, latitude (degrees)

uniform mat3 u_mapToClip;
uniform vec3 u_sun;  // the subsolar point as a unit vector (x to 0 E on the equator, z to the north pole)

// The sine of the sun's elevation: linear in the place's unit vector, so interpolating it across
// a 2-degree cell is as good as working it out for every fragment.
out float v_sinElevation;

void main() {
    vec3 clip = u_mapToClip * vec3(a_pos, 1.0);
    gl_Position = vec4(clip.xy, 0.0, 1.0);
    vec2 g = radians(a_geo);
    vec3 place = vec3(cos(g.y) * cos(g.x), cos(g.y) * sin(g.x), sin(g.y));
    v_sinElevation = dot(place, u_sun);
}
