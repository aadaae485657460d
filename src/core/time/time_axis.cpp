#include "core/time/time_axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qantar::core {

namespace {

const char* const kWeekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

constexpr std::int64_t kDaySeconds = 86400;
constexpr std::int64_t kHourUnits[] = {15 * 60, 30 * 60, 3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600};
// Lines closer than this are a grey smear rather than lines: day and month lines are left out,
// and no label is taken to need less room.
constexpr double kMinDayLineGapPx = 4.0;

// Which days are labelled once hours no longer are, densest first.
enum class DayLabels { Every, EverySecond, Mondays, MonthFirsts };

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
std::int64_t floorMod(std::int64_t a, std::int64_t b) { return a - floorDiv(a, b) * b; }
std::int64_t ceilToMultiple(std::int64_t a, std::int64_t step) { return -floorDiv(-a, step) * step; }

bool isLabelDay(DayLabels level, std::int64_t day) {
    switch (level) {
        case DayLabels::Every: return true;
        // Even days since 1970-01-01, so the labelled days stay the same while the window pans.
        case DayLabels::EverySecond: return floorMod(day, 2) == 0;
        case DayLabels::Mondays: return floorMod(day, 7) == 4;
        case DayLabels::MonthFirsts: {
            int y = 0, m = 0, d = 0;
            civilFromDays(day, y, m, d);
            return d == 1;
        }
    }
    return true;
}

// "Wed 5 Jan" for a day; "1 Feb" once the labels are months apart. `local` is a local midnight.
std::string dayLabel(std::int64_t local, DayLabels level) {
    const std::int64_t day = floorDiv(local, kDaySeconds);
    int y = 0, m = 0, d = 0;
    civilFromDays(day, y, m, d);
    char buf[40];
    if (level == DayLabels::MonthFirsts) std::snprintf(buf, sizeof buf, "%d %s", d, kMonths[m - 1]);
    else std::snprintf(buf, sizeof buf, "%s %d %s", kWeekdays[floorMod(day, 7)], d, kMonths[m - 1]);
    return buf;
}

// "06:00" for a local time in seconds.
std::string clockLabel(std::int64_t local) {
    const std::int64_t s = floorMod(local, kDaySeconds);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(s / 3600), static_cast<int>(s % 3600 / 60));
    return buf;
}

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

std::vector<Tick> chooseTicks(const TimeAxis& axis, ZoneOffset zone, double minorLabelPx, double majorLabelPx) {
    // Every distance below is in seconds, compared with a label's width times seconds per pixel,
    // the same expression in the choice of level and in the final check, so the two never
    // disagree by a rounding.
    // Narrower widths (or NaN) would draw lines closer than any others: a quarter hour per pixel.
    const double spp = axis.secondsPerPixel();
    const double minorNeed = std::max(kMinDayLineGapPx, minorLabelPx) * spp;
    const double majorNeed = std::max(kMinDayLineGapPx, majorLabelPx) * spp;
    const std::int64_t off = static_cast<std::int64_t>(zone.minutes) * 60;
    const std::int64_t localStart = axis.start().unixSeconds + off;
    const std::int64_t localEnd = axis.end().unixSeconds + off;

    // Minor units, each dividing a day, so every day boundary lies on the minor grid; the first
    // whose labels fit is used. None fits when the hours are too dense to label: then the day
    // lines are the only ticks.
    std::int64_t hourUnit = 0;
    for (std::int64_t u : kHourUnits) {
        if (static_cast<double>(u) >= minorNeed) {
            hourUnit = u;
            break;
        }
    }
    // Which days carry a label: the densest choice whose labels fit.
    DayLabels level = DayLabels::MonthFirsts;
    if (static_cast<double>(kDaySeconds) >= majorNeed) level = DayLabels::Every;
    else if (static_cast<double>(2 * kDaySeconds) >= majorNeed) level = DayLabels::EverySecond;
    else if (static_cast<double>(7 * kDaySeconds) >= majorNeed) level = DayLabels::Mondays;
    const bool dayLines = static_cast<double>(kDaySeconds) / spp >= kMinDayLineGapPx;

    std::vector<Tick> ticks;
    if (hourUnit > 0) {
        for (std::int64_t l = ceilToMultiple(localStart, hourUnit); l < localEnd; l += hourUnit) {
            ticks.push_back(Tick{Instant{l - off}, floorMod(l, kDaySeconds) == 0, std::string()});
        }
    } else if (dayLines || level != DayLabels::MonthFirsts) {
        for (std::int64_t l = ceilToMultiple(localStart, kDaySeconds); l < localEnd; l += kDaySeconds) {
            const bool labelDay = isLabelDay(level, floorDiv(l, kDaySeconds));
            if (labelDay || dayLines) ticks.push_back(Tick{Instant{l - off}, labelDay, std::string()});
        }
    } else {
        // Months apart and days too dense to draw: step from one 1st of a month to the next, so a
        // window of centuries costs one step per month, not per day, and keep a month's line only
        // where it stands clear of the last one kept, as day lines are.
        int y = 0, m = 0, d = 0;
        civilFromDays(floorDiv(ceilToMultiple(localStart, kDaySeconds), kDaySeconds), y, m, d);
        if (d != 1 && ++m > 12) {
            m = 1;
            ++y;
        }
        for (std::int64_t l = daysFromCivil(y, m, 1) * kDaySeconds; l < localEnd; l = daysFromCivil(y, m, 1) * kDaySeconds) {
            if (ticks.empty() || static_cast<double>(l - off - ticks.back().t.unixSeconds) >= kMinDayLineGapPx * spp) {
                ticks.push_back(Tick{Instant{l - off}, true, std::string()});
            }
            if (++m > 12) {
                m = 1;
                ++y;
            }
        }
    }

    // Labels left to right, each only where the one before has ended. On the minor grid a minor
    // label always fits before the next tick; what this drops is the minors under a day's
    // longer label and, when even months are too dense, the months too close to the last label.
    bool labelled = false;
    std::int64_t lastLabel = 0;
    double lastNeed = 0.0;
    for (Tick& tick : ticks) {
        const std::int64_t l = tick.t.unixSeconds + off;
        const bool wantsLabel = tick.major ? hourUnit == 0 || isLabelDay(level, floorDiv(l, kDaySeconds)) : hourUnit > 0;
        const double need = tick.major ? majorNeed : minorNeed;
        if (!wantsLabel || (labelled && static_cast<double>(tick.t.unixSeconds - lastLabel) < lastNeed)) continue;
        tick.label = tick.major ? dayLabel(l, level) : clockLabel(l);
        labelled = true;
        lastLabel = tick.t.unixSeconds;
        lastNeed = need;
    }
    if (!labelled) {
        // No chosen day is in view (a few days between two Mondays, a month between two 1sts):
        // the first day in view is named instead, alone, so the axis never goes unlabelled.
        const std::int64_t l = ceilToMultiple(localStart, kDaySeconds);
        if (l < localEnd) {
            const Instant t{l - off};
            auto it = std::find_if(ticks.begin(), ticks.end(), [&](const Tick& tick) { return tick.t == t; });
            if (it == ticks.end()) {
                it = ticks.insert(std::lower_bound(ticks.begin(), ticks.end(), t,
                                                   [](const Tick& tick, Instant v) { return tick.t < v; }),
                                  Tick{t, true, std::string()});
            }
            it->major = true;
            it->label = dayLabel(l, level);
        }
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
