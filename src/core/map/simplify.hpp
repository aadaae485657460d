#pragma once
// Line simplification that keeps neighbouring outlines coinciding.
#include <vector>

#include "core/map/polyline.hpp"
#include "core/map/mesh.hpp"

namespace qantar::core {

// Douglas-Peucker simplification of a layer of lines: keeps a subset of each line's points (with
// their `along`) so that every dropped point lies within `toleranceM` of the simplified line, and
// every point of the simplified line within `toleranceM` of the original.
// Points where lines meet or part (junctions of three regions, ends of open lines) are always
// kept and a run of points that several lines share is simplified the same way in each, so
// neighbouring regions' outlines still coincide after simplification. A closed ring that would
// keep fewer than 3 points is returned whole. The result has one line per input line, in order.
std::vector<MeasuredLine> simplifyLines(const std::vector<MeasuredLine>& lines, double toleranceM);
// The same at several tolerances at once (result[i] is simplifyLines(lines, tolerancesM[i])), for
// the price of about one.
std::vector<std::vector<MeasuredLine>> simplifyLines(const std::vector<MeasuredLine>& lines,
                                                     const std::vector<double>& tolerancesM);

}  // namespace qantar::core
