#include "core/map/theme.hpp"

namespace qantar::core {

namespace {

constexpr Rgba rgb(int r, int g, int b, float a = 1.0f) {
    return Rgba{static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, a};
}

// Print/newspaper look: warm paper land for Kazakhstan, cool grey neighbours, soft blue water.
const Theme kLight{
    ThemeId::Light,
    "light",
    rgb(236, 239, 241),  // background (outside the data box)
    {rgb(226, 224, 219),  // neighbour
     rgb(250, 243, 224), rgb(245, 234, 208), rgb(240, 228, 200), rgb(248, 238, 214),  // region tints
     rgb(179, 208, 227),  // water
     rgb(245, 236, 212)}, // kazakhstan base
    {LineLook{rgb(160, 170, 180, 0.35f), 0.8f, 0.0f, 0.0f},    // graticule
     LineLook{rgb(120, 168, 204), 0.9f, 0.0f, 0.0f},           // river minor
     LineLook{rgb(100, 154, 196), 1.6f, 0.0f, 0.0f},           // river major
     LineLook{rgb(120, 160, 190), 0.8f, 0.0f, 0.0f},           // water outline
     LineLook{rgb(176, 150, 120), 1.0f, 0.0f, 0.0f},           // region border
     LineLook{rgb(150, 146, 140), 1.2f, 5.0f, 2.5f},           // country border (dashed)
     LineLook{rgb(96, 78, 60), 2.2f, 0.0f, 0.0f},              // Kazakhstan border
     LineLook{rgb(170, 40, 150), 1.8f, 0.0f, 0.0f}},           // imported boundaries
    rgb(40, 40, 40), rgb(255, 255, 255), rgb(40, 40, 40),
    rgb(28, 28, 28), rgb(255, 255, 255, 0.92f),
    rgb(70, 70, 70),
    rgb(50, 100, 150),
    rgb(120, 116, 110),
    rgb(150, 120, 90),
    rgb(40, 40, 40),
    {rgb(226, 150, 0), rgb(206, 38, 30), rgb(190, 30, 45), rgb(232, 98, 10), rgb(120, 20, 30), rgb(110, 70, 170),
     rgb(40, 90, 160), rgb(20, 130, 80), rgb(0, 120, 130)},
    rgb(255, 255, 255),
    rgb(20, 24, 60, 0.42f),
    rgb(180, 40, 40, 0.38f),
    rgb(30, 30, 50, 0.45f),
    rgb(20, 130, 80, 0.95f),
    rgb(255, 255, 255, 0.86f),
    rgb(25, 35, 80, 0.28f),
};

// Screen look: dark slate with muted neighbours and legible light labels.
const Theme kDark{
    ThemeId::Dark,
    "dark",
    rgb(14, 18, 24),
    {rgb(33, 38, 46),
     rgb(56, 66, 80), rgb(50, 61, 75), rgb(62, 72, 86), rgb(53, 63, 78),
     rgb(17, 38, 58),
     rgb(55, 65, 79)},
    {LineLook{rgb(120, 130, 145, 0.18f), 0.8f, 0.0f, 0.0f},
     LineLook{rgb(45, 92, 130), 0.9f, 0.0f, 0.0f},
     LineLook{rgb(60, 115, 160), 1.6f, 0.0f, 0.0f},
     LineLook{rgb(40, 80, 112), 0.8f, 0.0f, 0.0f},
     LineLook{rgb(110, 124, 142), 1.0f, 0.0f, 0.0f},
     LineLook{rgb(90, 98, 110), 1.2f, 5.0f, 2.5f},
     LineLook{rgb(196, 206, 218), 2.0f, 0.0f, 0.0f},
     LineLook{rgb(240, 120, 230), 1.8f, 0.0f, 0.0f}},
    rgb(235, 235, 235), rgb(14, 18, 24), rgb(235, 235, 235),
    rgb(238, 240, 243), rgb(14, 18, 24, 0.88f),
    rgb(190, 196, 204),
    rgb(110, 160, 205),
    rgb(120, 128, 140),
    rgb(150, 162, 178),
    rgb(220, 224, 230),
    {rgb(255, 190, 40), rgb(255, 75, 60), rgb(255, 90, 90), rgb(255, 140, 40), rgb(230, 70, 90), rgb(170, 140, 255),
     rgb(120, 170, 255), rgb(70, 210, 140), rgb(80, 210, 220)},
    rgb(14, 18, 24),
    rgb(0, 0, 20, 0.55f),
    rgb(255, 90, 80, 0.34f),
    rgb(120, 130, 150, 0.30f),
    rgb(90, 225, 160, 0.95f),
    rgb(14, 18, 24, 0.82f),
    rgb(2, 6, 30, 0.5f),
};

// Projectors and bright rooms: near-black ground, white borders and text, saturated symbols,
// everything a little heavier.
const Theme kContrast{
    ThemeId::Contrast,
    "contrast",
    rgb(0, 0, 0),
    {rgb(22, 22, 22),
     rgb(48, 48, 52), rgb(40, 40, 44), rgb(56, 56, 60), rgb(44, 44, 48),
     rgb(0, 38, 92),
     rgb(46, 46, 50)},
    {LineLook{rgb(255, 255, 255, 0.12f), 1.0f, 0.0f, 0.0f},
     LineLook{rgb(40, 140, 230), 1.2f, 0.0f, 0.0f},
     LineLook{rgb(60, 160, 255), 2.0f, 0.0f, 0.0f},
     LineLook{rgb(60, 150, 240), 1.0f, 0.0f, 0.0f},
     LineLook{rgb(200, 200, 200), 1.4f, 0.0f, 0.0f},
     LineLook{rgb(170, 170, 170), 1.6f, 6.0f, 3.0f},
     LineLook{rgb(255, 255, 255), 3.0f, 0.0f, 0.0f},
     LineLook{rgb(255, 80, 255), 2.4f, 0.0f, 0.0f}},
    rgb(255, 255, 255), rgb(0, 0, 0), rgb(255, 255, 255),
    rgb(255, 255, 255), rgb(0, 0, 0, 0.95f),
    rgb(230, 230, 230),
    rgb(120, 190, 255),
    rgb(170, 170, 170),
    rgb(200, 200, 200),
    rgb(255, 255, 255),
    {rgb(255, 210, 0), rgb(255, 50, 40), rgb(255, 70, 70), rgb(255, 140, 0), rgb(255, 60, 100), rgb(200, 150, 255),
     rgb(80, 180, 255), rgb(60, 230, 140), rgb(0, 230, 230)},
    rgb(0, 0, 0),
    rgb(0, 0, 30, 0.6f),
    rgb(255, 60, 60, 0.5f),
    rgb(150, 150, 160, 0.32f),
    rgb(60, 230, 140, 1.0f),
    rgb(0, 0, 0, 0.88f),
    rgb(0, 0, 30, 0.55f),
};

}  // namespace

const Theme& theme(ThemeId id) {
    switch (id) {
        case ThemeId::Light: return kLight;
        case ThemeId::Contrast: return kContrast;
        case ThemeId::Dark: break;
    }
    return kDark;
}

Rgba blackoutWash(const Theme& t) {
    const Rgba& land = t.fills[static_cast<int>(FillStyle::Neighbour)];
    return Rgba{land.r * 0.5f, land.g * 0.5f, land.b * 0.5f, 0.55f};
}

Expected<ThemeId> parseThemeName(const std::string& name) {
    if (name == "dark") return ThemeId::Dark;
    if (name == "light") return ThemeId::Light;
    if (name == "contrast") return ThemeId::Contrast;
    return Error{ErrorKind::BadArgument, "theme: expected 'dark', 'light' or 'contrast', got '" + name + "'"};
}

}  // namespace qantar::core
