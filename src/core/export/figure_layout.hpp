#pragma once
// Small multiples: where the panels of a COLSxROWS figure go, between a header (title and
// subtitle) and a footer (the shared legend and the credits), with thin gaps between panels as a
// journal prints them; and how legend items flow into rows across the footer. Pure: the caller
// measures text and passes heights and widths in pixels.
#include <vector>

#include "core/export/framing.hpp"
#include "core/io/error.hpp"

namespace qantar::core {

// The smallest panel a grid draws, pixels: below it a map says nothing.
constexpr int kMinPanelWidth = 120;
constexpr int kMinPanelHeight = 90;

struct PixelRect {
    int x = 0, y = 0, w = 0, h = 0;
};

struct FigureLayout {
    int margin = 0;   // outer margin
    int gap = 0;      // between panels
    PixelRect header;  // empty (h 0) without a title
    PixelRect footer;  // empty (h 0) without legend or credits
    int panelWidth = 0, panelHeight = 0;
    std::vector<PixelRect> panels;  // row by row, left to right
};

// The margin and gap of a figure at this pixel scale.
int figureMargin(float pixelScale);
int figureGap(float pixelScale);
// Lays out `grid` in a `widthPx` × `heightPx` figure with a header and a footer of these heights
// (0: none). BadArgument when the panels would be smaller than kMinPanelWidth × kMinPanelHeight.
Expected<FigureLayout> layoutFigure(int widthPx, int heightPx, GridShape grid, float pixelScale, int headerPx, int footerPx);

// Items of these widths laid left to right in rows no wider than `maxWidth`, `gap` apart: the
// row of each item and its x from the row's start. An item wider than a row gets a row alone.
struct FlowPlace {
    int row = 0;
    float x = 0;
};
std::vector<FlowPlace> flowRows(const std::vector<float>& widths, float maxWidth, float gap);

}  // namespace qantar::core
