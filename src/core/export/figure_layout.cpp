#include "core/export/figure_layout.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace qantar::core {

int figureMargin(float pixelScale) { return std::max(6, static_cast<int>(std::lround(16.0f * pixelScale))); }

int figureGap(float pixelScale) { return std::max(2, static_cast<int>(std::lround(5.0f * pixelScale))); }

Expected<FigureLayout> layoutFigure(int widthPx, int heightPx, GridShape grid, float pixelScale, int headerPx, int footerPx) {
    FigureLayout L;
    L.margin = figureMargin(pixelScale);
    L.gap = figureGap(pixelScale);
    const int m = L.margin;
    // Header and footer sit a little apart from the panels.
    const int spacing = std::max(4, m * 2 / 3);
    int top = m, bottom = heightPx - m;
    if (headerPx > 0) {
        L.header = PixelRect{m, m, widthPx - 2 * m, headerPx};
        top += headerPx + spacing;
    }
    if (footerPx > 0) {
        L.footer = PixelRect{m, bottom - footerPx, widthPx - 2 * m, footerPx};
        bottom -= footerPx + spacing;
    }
    const int areaW = widthPx - 2 * m, areaH = bottom - top;
    L.panelWidth = (areaW - (grid.cols - 1) * L.gap) / std::max(1, grid.cols);
    L.panelHeight = (areaH - (grid.rows - 1) * L.gap) / std::max(1, grid.rows);
    if (L.panelWidth < kMinPanelWidth || L.panelHeight < kMinPanelHeight) {
        return Error{ErrorKind::BadArgument,
                     "the " + std::to_string(grid.cols) + "x" + std::to_string(grid.rows) + " panels would be " +
                         std::to_string(std::max(0, L.panelWidth)) + "x" + std::to_string(std::max(0, L.panelHeight)) +
                         " pixels (at least " + std::to_string(kMinPanelWidth) + "x" + std::to_string(kMinPanelHeight) +
                         "); use a larger size or fewer panels"};
    }
    // What the whole pixels leave over is shared out on both sides, so the grid stays centred.
    const int usedW = grid.cols * L.panelWidth + (grid.cols - 1) * L.gap;
    const int usedH = grid.rows * L.panelHeight + (grid.rows - 1) * L.gap;
    const int x0 = m + (areaW - usedW) / 2, y0 = top + (areaH - usedH) / 2;
    for (int r = 0; r < grid.rows; ++r) {
        for (int c = 0; c < grid.cols; ++c) {
            L.panels.push_back(PixelRect{x0 + c * (L.panelWidth + L.gap), y0 + r * (L.panelHeight + L.gap), L.panelWidth,
                                         L.panelHeight});
        }
    }
    return L;
}

std::vector<FlowPlace> flowRows(const std::vector<float>& widths, float maxWidth, float gap) {
    std::vector<FlowPlace> out;
    int row = 0;
    float x = 0;
    bool rowEmpty = true;
    for (float w : widths) {
        if (!rowEmpty && x + gap + w > maxWidth) {
            ++row;
            x = 0;
            rowEmpty = true;
        }
        if (!rowEmpty) x += gap;
        out.push_back(FlowPlace{row, x});
        x += w;
        rowEmpty = false;
    }
    return out;
}

}  // namespace qantar::core
