#include "ui/timeline_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/events/curfew_nights.hpp"
#include "core/events/event_time.hpp"
#include "core/events/timeline.hpp"
#include "core/events/timeline_figure.hpp"
#include "core/time/time_input.hpp"
#include "core/time/playback.hpp"
#include "ui/docked.hpp"

namespace qantar::ui {

namespace {

constexpr float kLabelColumnPx = 150.0f;  // lane names on the left, at scale 1
constexpr float kTickRowPx = 20.0f;
constexpr float kBandPx = 12.0f;
constexpr float kMaxLanePx = 13.0f, kMinLanePx = 9.0f;
constexpr double kWheelZoom = 1.25;

ImU32 toU32(const core::Rgba& c, float alphaScale = 1.0f) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * alphaScale));
}

const char* zoneLabel(core::ZoneOffset z) {
    if (z == core::kUtc) return "UTC";
    if (z == core::kWestTime) return "West Kazakhstan (UTC+5)";
    return "Almaty (UTC+6)";
}

}  // namespace

void TimelinePanel::ensureAxis(const AppState& state, double x0, double width) {
    if (!m_axisReady && state.world) {
        const core::Interval& range = state.world->timeRange();
        m_axis = core::TimeAxis(range.start, range.end, x0, width);
        m_axisReady = true;
        m_lastNow = state.clock.now.unixSeconds;
    } else if (m_axisReady && (x0 != m_axisX0 || width != m_axisWidth)) {
        // Keep the visible span when the panel is resized or moved.
        m_axis = core::TimeAxis(m_axis.start(), m_axis.end(), x0, width);
    }
    m_axisX0 = x0;
    m_axisWidth = width;
}

void TimelinePanel::draw(AppState& state, const Fonts& fonts) {
    if (state.layout.timeline.empty()) return;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    if (beginDocked("Timeline###timeline", state.layout.timeline, nullptr, flags)) {
        if (!state.world) {
            ImGui::TextDisabled("No event data loaded.");
        } else {
            drawControls(state, fonts);
            drawCanvas(state);
        }
    }
    ImGui::End();
}

void TimelinePanel::drawControls(AppState& state, const Fonts& fonts) {
    const core::PlaybackClock& clock = state.clock;
    if (ImGui::Button("|<##previous")) state.actions.push(action::StepEvent{-1});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (Left arrow)");
    ImGui::SameLine();
    if (ImGui::Button(clock.playing ? "Pause###play" : "Play###play", ImVec2(ImGui::GetFontSize() * 3.6f, 0))) {
        state.actions.push(action::TogglePlay{});
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play / pause (Space)");
    ImGui::SameLine();
    if (ImGui::Button(">|##next")) state.actions.push(action::StepEvent{+1});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (Right arrow)");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    char speedLabel[32];
    std::snprintf(speedLabel, sizeof speedLabel, "%g h/s", clock.simSecondsPerSecond / 3600.0);
    if (ImGui::BeginCombo("##speed", speedLabel)) {
        for (double h : core::kSpeedPresetsHoursPerSecond) {
            char item[32];
            std::snprintf(item, sizeof item, "%g h/s", h);
            if (ImGui::Selectable(item, std::abs(clock.simSecondsPerSecond - h * 3600.0) < 1e-6)) {
                state.clock.simSecondsPerSecond = h * 3600.0;
            }
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Speed: simulated hours per second of playback");
    ImGui::SameLine();
    ImGui::Checkbox("Loop", &state.clock.loop);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11.5f);
    if (ImGui::BeginCombo("##zone", zoneLabel(state.displayZone))) {
        for (core::ZoneOffset z : {core::kAlmatyTime, core::kWestTime, core::kUtc}) {
            if (ImGui::Selectable(zoneLabel(z), z == state.displayZone)) state.displayZone = z;
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The zone times are shown in");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.5f);
    const bool go = ImGui::InputTextWithHint("##goto", "Go to: 5 Jan 20:00", m_timeText, sizeof m_timeText,
                                             ImGuiInputTextFlags_EnterReturnsTrue);
    // While typing, no tooltip covers the Go button.
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) {
        ImGui::SetTooltip("Go to a moment: 2022-01-05T20:00, 5 Jan 20:00, 5 Jan, or 20:00 (that day);\n"
                          "without an offset it is read in the zone shown.");
    }
    ImGui::SameLine();
    if (ImGui::Button("Go##goto") || go) {
        auto t = core::parseUserTime(m_timeText, state.displayZone, state.clock.now);
        if (t) {
            state.actions.push(action::SetPlaying{false});
            state.actions.push(action::SeekTo{t->instant});
            m_timeError.clear();
            // The clock stops at the ends of the data; say so rather than move silently.
            const core::Interval& range = state.world->timeRange();
            if (t->instant < range.start) {
                m_timeError = "Before the first report: the data starts " +
                              core::formatForDisplay(range.start, state.displayZone, core::Precision::Exact);
            } else if (range.end < t->instant) {
                m_timeError = "After the last report: the data ends " +
                              core::formatForDisplay(range.end, state.displayZone, core::Precision::Exact);
            }
        } else {
            m_timeError = t.error().message;
        }
    }
    // The current moment, large, right-aligned (unless an error needs the room).
    if (m_nowTextAt != clock.now.unixSeconds || m_nowTextZone != state.displayZone.minutes || m_nowText.empty()) {
        m_nowText = core::formatForDisplay(clock.now, state.displayZone, core::Precision::Exact);
        m_nowTextAt = clock.now.unixSeconds;
        m_nowTextZone = state.displayZone.minutes;
    }
    const std::string& now = m_nowText;
    if (!m_timeError.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, panelColors(state.theme).error);
        ImGui::TextUnformatted(m_timeError.c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m_timeError.c_str());
    }
    if (fonts.large) ImGui::PushFont(fonts.large);
    const float w = ImGui::CalcTextSize(now.c_str()).x;
    if (m_timeError.empty() || ImGui::GetContentRegionAvail().x > w + 24.0f) {
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12.0f, ImGui::GetWindowContentRegionMax().x - w));
    }
    ImGui::TextUnformatted(now.c_str());
    if (fonts.large) ImGui::PopFont();
}

void TimelinePanel::drawCanvas(AppState& state) {
    const core::Dataset& data = state.world->data();
    const core::TimelineIndex& index = state.world->index();
    const core::Theme& theme = core::theme(state.theme);
    const PanelColors pc = panelColors(state.theme);
    const float u = state.layout.timeline.h > 0 ? ImGui::GetFontSize() / kRegularFontPx : 1.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float canvasH = std::max(60.0f, avail.y);
    const float labelW = kLabelColumnPx * u;
    const float trackX = origin.x + labelW;
    const float trackW = std::max(50.0f, avail.x - labelW);
    const float tickRow = kTickRowPx * u, band = kBandPx * u;
    const float lanePx = std::clamp((canvasH - tickRow - 2 * (band + 2.0f)) / core::kCategoryCount, kMinLanePx * u,
                                    kMaxLanePx * u);
    ensureAxis(state, trackX, trackW);
    state.timelineView = core::Interval{m_axis.start(), m_axis.end()};

    ImGui::InvisibleButton("##track", ImVec2(avail.x, canvasH),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    const bool inTrack = io.MousePos.x >= trackX;

    // Interaction: left press or drag scrubs (a click jumps), wheel zooms, right-drag pans.
    if (hovered && inTrack && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        m_scrubbing = true;
        state.actions.push(action::SetPlaying{false});
    }
    if (m_scrubbing) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) state.actions.push(action::SeekTo{m_axis.toTime(io.MousePos.x)});
        else m_scrubbing = false;
    }
    if (hovered && io.MouseWheel != 0.0f) m_axis.zoomAbout(io.MousePos.x, std::pow(kWheelZoom, io.MouseWheel));
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right, 2.0f)) m_axis.panByPixels(io.MouseDelta.x);
    // Whenever the clock moves out of view, the axis follows it (a jump, a selection, playback);
    // panning the axis by hand leaves it where the user put it.
    if (state.clock.now.unixSeconds != m_lastNow && !m_scrubbing) m_axis.keepInView(state.clock.now);
    m_lastNow = state.clock.now.unixSeconds;

    const ImU32 textCol = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dimCol = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 gridCol = ImGui::GetColorU32(ImGuiCol_Border);
    dl->PushClipRect(origin, ImVec2(origin.x + avail.x, origin.y + canvasH), true);
    dl->AddRectFilled(ImVec2(trackX, origin.y), ImVec2(trackX + trackW, origin.y + canvasH),
                      ImGui::GetColorU32(ImGuiCol_FrameBg));

    // Ticks, spaced so that no two labels overprint.
    const double minorLabelPx = ImGui::CalcTextSize("00:00").x + 14.0f * u;
    const double majorLabelPx = ImGui::CalcTextSize("Wed 29 Sep").x + 14.0f * u;
    if (m_ticksStart != m_axis.start().unixSeconds || m_ticksEnd != m_axis.end().unixSeconds ||
        m_ticksX0 != m_axis.toX(m_axis.start()) || m_ticksWidth != m_axis.toX(m_axis.end()) ||
        m_ticksZone != state.displayZone.minutes || m_ticksMinor != minorLabelPx || m_ticksMajor != majorLabelPx) {
        m_ticks = core::chooseTicks(m_axis, state.displayZone, minorLabelPx, majorLabelPx);
        m_ticksStart = m_axis.start().unixSeconds;
        m_ticksEnd = m_axis.end().unixSeconds;
        m_ticksX0 = m_axis.toX(m_axis.start());
        m_ticksWidth = m_axis.toX(m_axis.end());
        m_ticksZone = state.displayZone.minutes;
        m_ticksMinor = minorLabelPx;
        m_ticksMajor = majorLabelPx;
    }
    const std::vector<core::Tick>& ticks = m_ticks;
    for (const auto& tk : ticks) {
        const float x = static_cast<float>(m_axis.toX(tk.t));
        if (x < trackX || x > trackX + trackW) continue;
        dl->AddLine(ImVec2(x, origin.y + (tk.major ? 0.0f : tickRow * 0.55f)), ImVec2(x, origin.y + canvasH),
                    tk.major ? gridCol : (gridCol & 0x55FFFFFF), tk.major ? 1.5f : 1.0f);
        if (!tk.label.empty()) dl->AddText(ImVec2(x + 3.0f, origin.y + 1.0f), tk.major ? textCol : dimCol, tk.label.c_str());
    }

    float y = origin.y + tickRow;
    // Bands: internet connectivity, then curfew hours.
    const Lanes& lanes = lanesFor(state, trackX, trackW);
    dl->AddText(ImVec2(origin.x + 4.0f, y - 1.0f), dimCol, "Internet");
    for (auto i : lanes.internet) {
        const core::Event& e = data.events[i];
        const core::Interval iv = index.interval(i);
        const float x0 = std::max(trackX, static_cast<float>(m_axis.toX(iv.start)));
        const float x1 = std::min(trackX + trackW, static_cast<float>(m_axis.toX(iv.end)));
        const ImU32 c = e.status == core::ConnectivityStatus::Full      ? pc.internetFull
                        : e.status == core::ConnectivityStatus::Partial ? pc.internetPartial
                                                                        : pc.internetRestored;
        dl->AddRectFilled(ImVec2(x0, y + 1), ImVec2(x1, y + band - 1), c);
    }
    if (hovered && io.MousePos.y >= y && io.MousePos.y < y + band && !m_scrubbing) {
        ImGui::SetTooltip("Internet: red shut down, amber partly restored, green restored");
    }
    y += band + 2.0f;
    dl->AddText(ImVec2(origin.x + 4.0f, y - 1.0f), dimCol, "Curfew hours");
    for (const core::Interval& night : lanes.nights) {
        const float x0 = std::max(trackX, static_cast<float>(m_axis.toX(night.start)));
        const float x1 = std::min(trackX + trackW, static_cast<float>(m_axis.toX(night.end)));
        if (x1 > x0) dl->AddRectFilled(ImVec2(x0, y + 1), ImVec2(x1, y + band - 1), pc.curfew);
    }
    y += band + 2.0f;

    // Lanes.
    const std::uint32_t* hoveredRunBegin = nullptr;
    std::vector<std::uint32_t> tooltip;
    for (int c = 0; c < core::kCategoryCount; ++c) {
        const auto cat = static_cast<core::Category>(c);
        const float laneY = y + static_cast<float>(c) * lanePx;
        if (c % 2 == 0) dl->AddRectFilled(ImVec2(trackX, laneY), ImVec2(trackX + trackW, laneY + lanePx), pc.laneStripe);
        const bool categoryOn = state.filter.categories[static_cast<std::size_t>(c)];
        dl->AddText(nullptr, std::min(ImGui::GetFontSize(), lanePx + 3.0f), ImVec2(origin.x + 4.0f, laneY - 2.0f),
                    categoryOn ? textCol : dimCol, core::categoryLabel(cat));
        const std::vector<std::uint32_t>& laneEvents = lanes.laneEvents[static_cast<std::size_t>(c)];
        const std::vector<double>& xs = lanes.xs[static_cast<std::size_t>(c)];
        const core::Rgba col = core::categoryColor(cat, theme);
        // Each event's extent as a faint bar (overlaps build up), then its start as a tick;
        // ticks closer than 3 px fold into one with a count. The bars are painted as runs of
        // equal overlap depth, with the opacity that many stacked bars would have: the same
        // picture as one rectangle per event, at the cost of one per change of depth.
        for (const core::DepthRun& run : lanes.runs[static_cast<std::size_t>(c)]) {
            const float alpha = 1.0f - std::pow(1.0f - 0.28f, static_cast<float>(std::min(run.depth, 64)));
            dl->AddRectFilled(ImVec2(static_cast<float>(run.x0), laneY + 3.0f),
                              ImVec2(static_cast<float>(run.x1), laneY + lanePx - 3.0f), toU32(col, alpha));
        }
        for (const auto& [a, b] : lanes.folds[static_cast<std::size_t>(c)]) {
            const float x0 = static_cast<float>(xs[a]);
            const float x1 = static_cast<float>(xs[b - 1]);
            if (x1 < trackX - 4.0f || x0 > trackX + trackW + 4.0f) continue;
            const bool folded = b - a > 1;
            dl->AddRectFilled(ImVec2(x0 - 1.5f, laneY + 1.0f), ImVec2(std::max(x1, x0) + 1.5f, laneY + lanePx - 1.0f),
                              toU32(col, 1.0f), 1.0f);
            if (folded) {
                char n[16];
                std::snprintf(n, sizeof n, "%u", b - a);
                dl->AddText(ImVec2(std::max(x1, x0) + 3.0f, laneY - 2.0f), toU32(col, 1.0f), n);
            }
            for (std::uint32_t k = a; k < b; ++k) {
                if (state.selectedEvent && *state.selectedEvent == laneEvents[k]) {
                    const core::Interval iv = index.interval(laneEvents[k]);
                    dl->AddRect(ImVec2(static_cast<float>(m_axis.toX(iv.start)) - 2, laneY),
                                ImVec2(std::max(static_cast<float>(m_axis.toX(iv.end)), x0 + 2) + 2, laneY + lanePx),
                                pc.selection, 2.0f, 0, 1.5f);
                }
            }
            if (hovered && io.MousePos.y >= laneY && io.MousePos.y < laneY + lanePx && io.MousePos.x >= x0 - 4.0f &&
                io.MousePos.x <= std::max(x1, x0) + 4.0f) {
                for (std::uint32_t k = a; k < b; ++k) tooltip.push_back(laneEvents[k]);
                hoveredRunBegin = &laneEvents[a];
            }
        }
    }

    // The current time.
    const float nowX = static_cast<float>(m_axis.toX(state.clock.now));
    if (nowX >= trackX && nowX <= trackX + trackW) {
        dl->AddLine(ImVec2(nowX, origin.y), ImVec2(nowX, origin.y + canvasH), pc.playhead, 2.0f);
        dl->AddTriangleFilled(ImVec2(nowX - 6 * u, origin.y), ImVec2(nowX + 6 * u, origin.y), ImVec2(nowX, origin.y + 8 * u),
                              pc.playhead);
    }
    dl->PopClipRect();

    if (!tooltip.empty() && hoveredRunBegin && !m_scrubbing) {
        ImGui::BeginTooltip();
        const std::size_t shown = std::min<std::size_t>(tooltip.size(), 10);
        for (std::size_t k = 0; k < shown; ++k) {
            const core::Event& e = data.events[tooltip[k]];
            const std::string when = core::formatEventWhen(e, index.interval(tooltip[k]), state.displayZone);
            ImGui::Text("%s", e.title.c_str());
            ImGui::TextDisabled("  %s  %s", when.c_str(), e.place.name.c_str());
        }
        if (tooltip.size() > shown) ImGui::TextDisabled("... and %zu more (zoom in)", tooltip.size() - shown);
        ImGui::EndTooltip();
        // A click on a mark selects its (first) event, in addition to jumping the clock there.
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 9.0f) {
            state.actions.push(action::SelectEvent{tooltip.front()});
        }
    }
}

const TimelinePanel::Lanes& TimelinePanel::lanesFor(const AppState& state, float trackX, float trackW) {
    Lanes& l = m_lanes;
    const core::EventWorld& world = *state.world;
    if (l.world == &world && l.generation == state.worldGeneration && l.shownSerial == state.shownSerial &&
        l.start == m_axis.start().unixSeconds && l.end == m_axis.end().unixSeconds && l.trackX == trackX &&
        l.trackW == trackW) {
        return l;
    }
    l.world = &world;
    l.generation = state.worldGeneration;
    l.shownSerial = state.shownSerial;
    l.start = m_axis.start().unixSeconds;
    l.end = m_axis.end().unixSeconds;
    l.trackX = trackX;
    l.trackW = trackW;
    const core::Dataset& data = world.data();
    const core::TimelineIndex& index = world.index();
    std::vector<std::uint32_t> visible;
    index.overlapping(m_axis.start(), m_axis.end(), visible);
    std::sort(visible.begin(), visible.end());
    for (auto& v : l.laneEvents) v.clear();
    l.internet.clear();
    l.curfews.clear();
    for (auto i : visible) {
        if (!state.isShown(i)) continue;
        const core::Event& e = data.events[i];
        l.laneEvents[static_cast<std::size_t>(e.category)].push_back(i);
        if (e.category == core::Category::InternetBlackout) l.internet.push_back(i);
        if (e.category == core::Category::Curfew && e.recurrence) l.curfews.push_back(i);
    }
    l.nights.clear();
    for (auto i : l.curfews) {
        for (const core::Interval& night : core::curfewNights(data.events[i], index.interval(i), m_axis.start(), m_axis.end())) {
            l.nights.push_back(night);
        }
    }
    std::vector<std::pair<double, double>> spans;
    for (std::size_t c = 0; c < l.laneEvents.size(); ++c) {
        l.xs[c].clear();
        spans.clear();
        for (auto i : l.laneEvents[c]) {
            const core::Interval iv = index.interval(i);
            l.xs[c].push_back(m_axis.toX(iv.start));
            spans.emplace_back(m_axis.toX(iv.start), m_axis.toX(iv.end));
        }
        l.runs[c] = core::coverageRuns(spans, static_cast<int>(std::floor(trackX)), static_cast<int>(std::ceil(trackX + trackW)));
        l.folds[c] = core::foldMarks(l.xs[c]);
    }
    return l;
}

}  // namespace qantar::ui
