#include "core/time/time_axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qantar::core {

namespace {
const char* const kWeekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
}  // namespace

TimeAxis::TimeAxis(Instant start, Instant end, double x0, double widthPx)
    : m_start(start), m_end(end), m_x0(x0), m_width(std::max(1.0, widthPx)) {
    if (!(m_start < m_end)) m_end = m_start + kMinSpan;
    m_spp = static_cast<double>((m_end - m_start).seconds) / m_width;
}

double TimeAxis::toX(Instant t) const { return m_x0 + static_cast<double>((t - m_start).seconds) / m_spp; }

Instant TimeAxis::toTime(double x) const {
    return m_start + Duration{static_cast<std::int64_t>(std::llround((x - m_x0) * m_spp))};
}

void TimeAxis::zoomAbout(double x, double factor) {
    if (!(factor > 0.0) || !std::isfinite(factor)) return;
    const Instant anchor = toTime(x);
    double span = static_cast<double>((m_end - m_start).seconds) / factor;
    span = std::clamp(span, static_cast<double>(kMinSpan.seconds), static_cast<double>(kMaxSpan.seconds));
    m_spp = span / m_width;
    m_start = anchor - Duration{static_cast<std::int64_t>(std::llround((x - m_x0) * m_spp))};
    m_end = m_start + Duration{static_cast<std::int64_t>(std::llround(span))};
}

void TimeAxis::panByPixels(double dxPx) {
    const Duration d{static_cast<std::int64_t>(std::llround(-dxPx * m_spp))};
    m_start = m_start + d;
    m_end = m_end + d;
}

void TimeAxis::keepInView(Instant t) {
    if (m_start <= t && t < m_end) return;
    const std::int64_t span = (m_end - m_start).seconds;
    // A tenth of the span, split so that nine tenths cannot overflow for any span the type holds.
    const std::int64_t tenth = span / 10;
    const std::int64_t nineTenths = tenth * 9 + (span % 10) * 9 / 10;
    m_start = t - Duration{t >= m_end ? tenth : nineTenths};
    m_end = m_start + Duration{span};
}

std::vector<Tick> chooseTicks(const TimeAxis& axis, ZoneOffset zone, double minLabelSpacingPx) {
    // Minor units in seconds; the first whose labels fit is used. Majors are always days
    // (or weeks once days get too dense).
    static const std::int64_t kUnits[] = {15 * 60, 30 * 60, 3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400};
    const double spp = axis.secondsPerPixel();
    std::int64_t minor = 86400;
    for (std::int64_t u : kUnits) {
        if (static_cast<double>(u) / spp >= minLabelSpacingPx) {
            minor = u;
            break;
        }
    }
    const std::int64_t major = 86400.0 / spp >= minLabelSpacingPx * 1.2 ? 86400 : 7 * 86400;
    const bool labelMinors = minor < 86400;
    const std::int64_t step = std::min(minor, major);
    std::vector<Tick> ticks;
    const std::int64_t off = static_cast<std::int64_t>(zone.minutes) * 60;
    // Align to local wall-clock multiples of the step.
    std::int64_t local = axis.start().unixSeconds + off;
    std::int64_t first = local - ((local % step) + step) % step;
    for (std::int64_t l = first; l - off <= axis.end().unixSeconds; l += step) {
        const Instant t{l - off};
        if (t < axis.start()) continue;
        const bool isDay = ((l % 86400) + 86400) % 86400 == 0;
        bool isMajor = isDay;
        if (major == 7 * 86400) {
            // Weeks: Mondays are majors (1970-01-05 was a Monday).
            const std::int64_t days = l >= 0 ? l / 86400 : -((-l + 86399) / 86400);
            isMajor = isDay && ((days - 4) % 7 + 7) % 7 == 0;
        }
        const CivilTime c = toCivil(t, zone);
        char buf[40];
        std::string label;
        if (isMajor || (isDay && !labelMinors)) {
            const std::int64_t days = daysFromCivil(c.year, c.month, c.day);
            std::snprintf(buf, sizeof buf, "%s %d %s", kWeekdays[((days % 7) + 7) % 7], c.day, kMonths[c.month - 1]);
            label = buf;
        } else if (labelMinors) {
            std::snprintf(buf, sizeof buf, "%02d:%02d", c.hour, c.minute);
            label = buf;
        }
        ticks.push_back(Tick{t, isMajor, label});
    }
    return ticks;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> foldMarks(const std::vector<double>& xs, double minGapPx) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> runs;
    std::uint32_t i = 0;
    const auto n = static_cast<std::uint32_t>(xs.size());
    while (i < n) {
        std::uint32_t j = i + 1;
        while (j < n && xs[j] - xs[j - 1] < minGapPx) ++j;
        runs.emplace_back(i, j);
        i = j;
    }
    return runs;
}

std::vector<DepthRun> coverageRuns(const std::vector<std::pair<double, double>>& spans, int left, int right) {
    std::vector<DepthRun> runs;
    if (right <= left) return runs;
    // A difference array over the columns: +1 where a span starts covering, -1 after it ends.
    // A span covers the columns whose centres it contains.
    std::vector<int> delta(static_cast<std::size_t>(right - left) + 1, 0);
    for (const auto& [a, b] : spans) {
        const double first = std::ceil(std::max(a, static_cast<double>(left)) - 0.5);
        const double last = std::ceil(std::min(b, static_cast<double>(right)) - 0.5);  // exclusive
        if (!(last > first)) continue;
        ++delta[static_cast<std::size_t>(first - left)];
        --delta[static_cast<std::size_t>(last - left)];
    }
    int depth = 0;
    for (int x = left; x < right; ++x) {
        depth += delta[static_cast<std::size_t>(x - left)];
        if (depth <= 0) continue;
        if (!runs.empty() && runs.back().x1 == x && runs.back().depth == depth) ++runs.back().x1;
        else runs.push_back(DepthRun{x, x + 1, depth});
    }
    return runs;
}

}  // namespace qantar::core
