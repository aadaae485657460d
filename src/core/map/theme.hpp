#pragma once
// Colour and line palettes of the map's themes. Pure data: render reads these into uniforms, so a
// theme switch re-uploads nothing.
#include <array>
#include <string>

#include "core/io/error.hpp"

namespace qantar::core {

struct Rgba {
    float r, g, b, a;
};

// Indices into ThemePalette::fills, stored per vertex in FillVertex::style.
enum class FillStyle : int {
    Neighbour = 0,
    RegionTint0 = 1,  // four tints so neighbouring regions differ
    RegionTint1 = 2,
    RegionTint2 = 3,
    RegionTint3 = 4,
    Water = 5,
    Kazakhstan = 6,  // under the regions, closes hairline gaps between the two outlines
    Count = 7
};

// Indices into ThemePalette::lines, stored per vertex in LineVertex::style.
enum class LineStyle : int {
    Graticule = 0,
    RiverMinor = 1,
    RiverMajor = 2,
    WaterOutline = 3,
    RegionBorder = 4,
    CountryBorder = 5,
    KazakhstanBorder = 6,
    Custom = 7,  // boundary layers the user imported
    Count = 8
};

struct LineLook {
    Rgba color;
    float widthPx;   // full width at scale 1
    float dashPx;    // dash length at scale 1; 0 = solid
    float gapPx;     // gap length at scale 1
};

enum class ThemeId { Dark, Light, Contrast };

struct Theme {
    ThemeId id;
    const char* name;  // "dark", "light"
    Rgba background;
    std::array<Rgba, static_cast<int>(FillStyle::Count)> fills;
    std::array<LineLook, static_cast<int>(LineStyle::Count)> lines;
    Rgba cityDot, cityDotOutline, capitalDot;  // the capital's ring stays neutral: red is for events
    Rgba labelText, labelHalo;
    Rgba minorLabelText;
    Rgba waterLabel;
    Rgba countryLabel;
    Rgba regionLabel;
    Rgba uiText;  // overlay text such as the attribution line
    // Event layers.
    std::array<Rgba, 9> marks;  // by MarkKind: protest, violent protest, clash, arson, casualty,
                                // arrest, airport, CSTO, government
    Rgba markOutline;
    Rgba curfewShade;      // night-time shading of the curfew area
    Rgba emergencyHatch;   // stripes over areas under the state of emergency
    Rgba internetShade;    // the blackout's fine lines, over a grey wash that darkens (render's blackoutWash)
    Rgba airlift;          // CSTO airlift arcs and transports
    Rgba panel;            // background of burned-in overlay boxes
    Rgba night;            // the night side of the terminator, at full darkness (core/geo/sun.hpp)
};

const Theme& theme(ThemeId id);
// The flat wash under the blackout's lines: the neighbours' land at half its brightness, opaque
// enough (0.55) to even out the regions' tints. The map and both legends draw the same.
Rgba blackoutWash(const Theme& theme);
// "dark", "light" or "contrast" → theme id; BadArgument with the accepted names otherwise.
Expected<ThemeId> parseThemeName(const std::string& name);

}  // namespace qantar::core
