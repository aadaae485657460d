#include "ui/timeline_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/events/timeline.hpp"

namespace qantar::ui {

namespace {

constexpr float kLabelColumnPx = 150.0f;  // lane names on the left
constexpr float kTickRowPx = 20.0f;
constexpr float kBandPx = 12.0f;
constexpr float kLanePx = 13.0f;
constexpr double kWheelZoom = 1.25;

ImU32 toU32(const core::Rgba& c, float alphaScale = 1.0f) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * alphaScale));
}

// Colour of a category's marks: the map symbol's colour where there is one.
core::Rgba categoryColor(core::Category c, const core::Theme& t) {
    using core::Category;
    using core::MarkKind;
    auto mark = [&](MarkKind k) { return t.marks[static_cast<std::size_t>(k)]; };
    switch (c) {
        case Category::Protest: return mark(MarkKind::Protest);
        case Category::Clash: return mark(MarkKind::Clash);
        case Category::LootingArson: return mark(MarkKind::Arson);
        case Category::Casualties: return mark(MarkKind::Casualty);
        case Category::Arrests: return mark(MarkKind::Arrest);
        case Category::Curfew: return core::Rgba{0.45f, 0.45f, 0.85f, 1.0f};
        case Category::StateOfEmergency: return core::Rgba{0.85f, 0.35f, 0.35f, 1.0f};
        case Category::InternetBlackout: return core::Rgba{0.6f, 0.55f, 0.75f, 1.0f};
        case Category::CstoDeployment: return mark(MarkKind::Csto);
        case Category::AirportClosure: return mark(MarkKind::Airport);
        case Category::GovernmentAction: return mark(MarkKind::Government);
        case Category::Mourning: return core::Rgba{0.6f, 0.6f, 0.6f, 1.0f};
        case Category::Count: break;
    }
    return core::Rgba{1, 1, 1, 1};
}

const char* zoneLabel(core::ZoneOffset z) {
    if (z == core::kUtc) return "UTC";
    if (z == core::kWestTime) return "West Kazakhstan (UTC+5)";
    return "Almaty (UTC+6)";
}

}  // namespace

void TimelinePanel::ensureAxis(const AppState& state, double x0, double width) {
    if (!m_axisReady && state.world) {
        const auto& d = state.world->data();
        m_axis = core::TimeAxis(d.coverageStart, d.coverageEnd, x0, width);
        m_axisReady = true;
    } else if (m_axisReady && (x0 != m_axisX0 || width != m_axisWidth)) {
        // Keep the visible span when the panel is resized or moved.
        m_axis = core::TimeAxis(m_axis.start(), m_axis.end(), x0, width);
    }
    m_axisX0 = x0;
    m_axisWidth = width;
}

void TimelinePanel::handleKeys(AppState& state) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureKeyboard || !state.world) return;
    while (state.keys.take(Key::Space)) state.clock.playing = !state.clock.playing;
    const auto& index = state.world->index();
    while (state.keys.take(Key::Right)) {
        if (auto t = index.nextStartAfter(state.clock.now)) state.clock.seek(*t);
        state.clock.playing = false;
    }
    while (state.keys.take(Key::Left)) {
        if (auto t = index.previousStartBefore(state.clock.now)) state.clock.seek(*t);
        state.clock.playing = false;
    }
}

void TimelinePanel::draw(AppState& state, float bottom, float height, ImFont* largeFont) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, bottom - height));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    if (ImGui::Begin("##timeline", nullptr, flags)) {
        if (!state.world) {
            ImGui::TextDisabled("No event data loaded.");
        } else {
            drawControls(state, largeFont);
            drawCanvas(state);
        }
    }
    ImGui::End();
}

void TimelinePanel::drawControls(AppState& state, ImFont* largeFont) {
    core::PlaybackClock& clock = state.clock;
    const auto& index = state.world->index();
    if (ImGui::Button("|<")) {
        if (auto t = index.previousStartBefore(clock.now)) clock.seek(*t);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (Left arrow)");
    ImGui::SameLine();
    if (ImGui::Button(clock.playing ? "Pause" : "Play", ImVec2(56, 0))) clock.playing = !clock.playing;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play / pause (Space)");
    ImGui::SameLine();
    if (ImGui::Button(">|")) {
        if (auto t = index.nextStartAfter(clock.now)) clock.seek(*t);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (Right arrow)");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    char speedLabel[32];
    std::snprintf(speedLabel, sizeof speedLabel, "%g h/s", clock.simSecondsPerSecond / 3600.0);
    if (ImGui::BeginCombo("##speed", speedLabel)) {
        for (double h : core::kSpeedPresetsHoursPerSecond) {
            char item[32];
            std::snprintf(item, sizeof item, "%g h/s", h);
            if (ImGui::Selectable(item, std::abs(clock.simSecondsPerSecond - h * 3600.0) < 1e-6)) {
                clock.simSecondsPerSecond = h * 3600.0;
            }
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Speed: simulated hours per second");
    ImGui::SameLine();
    ImGui::Checkbox("Loop", &clock.loop);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(190);
    if (ImGui::BeginCombo("##zone", zoneLabel(state.displayZone))) {
        for (core::ZoneOffset z : {core::kAlmatyTime, core::kWestTime, core::kUtc}) {
            if (ImGui::Selectable(zoneLabel(z), z == state.displayZone)) state.displayZone = z;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(170);
    const bool go = ImGui::InputTextWithHint("##goto", "2022-01-05T20:00", m_timeText, sizeof m_timeText,
                                             ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Go to a date-time: 2022-01-05, 2022-01-05T20:00 or with an offset (+05:00, Z);\n"
                          "without an offset it is read in the display zone.");
    }
    ImGui::SameLine();
    if (ImGui::Button("Go") || go) {
        auto t = core::parseIsoTime(m_timeText, state.displayZone);
        if (t) {
            clock.playing = false;
            clock.seek(t->instant);
            m_timeError.clear();
        } else {
            m_timeError = t.error().message;
        }
    }
    if (!m_timeError.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "!");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m_timeError.c_str());
    }
    // The current moment, large, right-aligned.
    const std::string now = core::formatForDisplay(clock.now, state.displayZone, core::Precision::Exact);
    if (largeFont) ImGui::PushFont(largeFont);
    const float w = ImGui::CalcTextSize(now.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12.0f, ImGui::GetWindowContentRegionMax().x - w));
    ImGui::TextUnformatted(now.c_str());
    if (largeFont) ImGui::PopFont();
}

void TimelinePanel::drawCanvas(AppState& state) {
    const core::Dataset& data = state.world->data();
    const core::TimelineIndex& index = state.world->index();
    const core::Theme& theme = core::theme(state.theme);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float canvasH = std::max(60.0f, avail.y);
    const float trackX = origin.x + kLabelColumnPx;
    const float trackW = std::max(50.0f, avail.x - kLabelColumnPx);
    ensureAxis(state, trackX, trackW);

    ImGui::InvisibleButton("##track", ImVec2(avail.x, canvasH),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    const bool inTrack = io.MousePos.x >= trackX;

    // Interaction: left press or drag scrubs (a click jumps), wheel zooms, right-drag pans.
    if (hovered && inTrack && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        m_scrubbing = true;
        state.clock.playing = false;
    }
    if (m_scrubbing) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) state.clock.seek(m_axis.toTime(io.MousePos.x));
        else m_scrubbing = false;
    }
    if (hovered && io.MouseWheel != 0.0f) m_axis.zoomAbout(io.MousePos.x, std::pow(kWheelZoom, io.MouseWheel));
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right, 2.0f)) m_axis.panByPixels(io.MouseDelta.x);
    // While playing, keep the cursor in view.
    if (state.clock.playing && (state.clock.now < m_axis.start() || state.clock.now > m_axis.end())) {
        const core::Duration span = m_axis.end() - m_axis.start();
        m_axis = core::TimeAxis(state.clock.now - core::Duration{span.seconds / 10}, state.clock.now + core::Duration{span.seconds * 9 / 10},
                                trackX, trackW);
    }

    const ImU32 textCol = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dimCol = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 gridCol = ImGui::GetColorU32(ImGuiCol_Border);
    dl->PushClipRect(origin, ImVec2(origin.x + avail.x, origin.y + canvasH), true);
    dl->AddRectFilled(ImVec2(trackX, origin.y), ImVec2(trackX + trackW, origin.y + canvasH),
                      ImGui::GetColorU32(ImGuiCol_FrameBg));

    // Ticks.
    const auto ticks = core::chooseTicks(m_axis, state.displayZone, 56.0);
    for (const auto& tk : ticks) {
        const float x = static_cast<float>(m_axis.toX(tk.t));
        if (x < trackX || x > trackX + trackW) continue;
        dl->AddLine(ImVec2(x, origin.y + (tk.major ? 0.0f : kTickRowPx * 0.55f)), ImVec2(x, origin.y + canvasH),
                    tk.major ? gridCol : (gridCol & 0x55FFFFFF), tk.major ? 1.5f : 1.0f);
        if (!tk.label.empty()) dl->AddText(ImVec2(x + 3.0f, origin.y + 1.0f), tk.major ? textCol : dimCol, tk.label.c_str());
    }

    float y = origin.y + kTickRowPx;
    // Bands: internet connectivity, then curfew hours.
    dl->AddText(ImVec2(origin.x + 4.0f, y - 1.0f), dimCol, "Internet");
    const Lanes& lanes = lanesFor(*state.world, trackX, trackW);
    for (auto i : lanes.internet) {
        const core::Event& e = data.events[i];
        const core::Interval iv = index.interval(i);
        const float x0 = std::max(trackX, static_cast<float>(m_axis.toX(iv.start)));
        const float x1 = std::min(trackX + trackW, static_cast<float>(m_axis.toX(iv.end)));
        const ImU32 c = e.status == core::ConnectivityStatus::Full      ? IM_COL32(200, 60, 60, 230)
                        : e.status == core::ConnectivityStatus::Partial ? IM_COL32(220, 160, 40, 230)
                                                                        : IM_COL32(70, 170, 90, 230);
        dl->AddRectFilled(ImVec2(x0, y + 1), ImVec2(x1, y + kBandPx - 1), c);
    }
    y += kBandPx + 2.0f;
    dl->AddText(ImVec2(origin.x + 4.0f, y - 1.0f), dimCol, "Curfew hours");
    for (auto i : lanes.curfews) {
        const core::Event& e = data.events[i];
        const core::Interval iv = index.interval(i);
        // One block per night, in the curfew's own zone.
        core::CivilTime day = core::toCivil(std::max(iv.start, m_axis.start()) - core::Duration::days(1), e.localZone);
        day.hour = day.minute = day.second = 0;
        for (core::Instant midnight = core::toInstant(day, e.localZone); midnight < std::min(iv.end, m_axis.end());
             midnight = midnight + core::Duration::days(1)) {
            const core::Instant from = midnight + core::Duration::minutes(e.recurrence->fromMinutes);
            core::Instant to = midnight + core::Duration::minutes(e.recurrence->toMinutes);
            if (!(from < to)) to = to + core::Duration::days(1);
            const core::Instant a = std::max(from, iv.start), b = std::min(to, iv.end);
            if (!(a < b)) continue;
            const float x0 = std::max(trackX, static_cast<float>(m_axis.toX(a)));
            const float x1 = std::min(trackX + trackW, static_cast<float>(m_axis.toX(b)));
            if (x1 > x0) dl->AddRectFilled(ImVec2(x0, y + 1), ImVec2(x1, y + kBandPx - 1), IM_COL32(90, 90, 200, 220));
        }
    }
    y += kBandPx + 4.0f;

    // Lanes: one per category; intervals as bars, folded where marks crowd.
    const std::uint32_t* hoveredRunBegin = nullptr;
    std::vector<std::uint32_t> tooltip;
    for (int c = 0; c < core::kCategoryCount; ++c) {
        const auto cat = static_cast<core::Category>(c);
        const float laneY = y + static_cast<float>(c) * kLanePx;
        if (c % 2 == 0) {
            dl->AddRectFilled(ImVec2(trackX, laneY), ImVec2(trackX + trackW, laneY + kLanePx), IM_COL32(255, 255, 255, 8));
        }
        dl->AddText(ImVec2(origin.x + 4.0f, laneY - 2.0f), textCol, core::categoryLabel(cat));
        const std::vector<std::uint32_t>& laneEvents = lanes.laneEvents[static_cast<std::size_t>(c)];
        const std::vector<double>& xs = lanes.xs[static_cast<std::size_t>(c)];
        const core::Rgba col = categoryColor(cat, theme);
        // Each event's extent as a faint bar (overlaps build up), then its start as a tick;
        // ticks closer than 3 px fold into one with a count. The bars are painted as runs of
        // equal overlap depth, with the opacity that many stacked bars would have: the same
        // picture as one rectangle per event, at the cost of one per change of depth.
        for (const core::DepthRun& run : lanes.runs[static_cast<std::size_t>(c)]) {
            const float alpha = 1.0f - std::pow(1.0f - 0.28f, static_cast<float>(std::min(run.depth, 64)));
            dl->AddRectFilled(ImVec2(static_cast<float>(run.x0), laneY + 3.0f),
                              ImVec2(static_cast<float>(run.x1), laneY + kLanePx - 3.0f), toU32(col, alpha));
        }
        for (const auto& [a, b] : lanes.folds[static_cast<std::size_t>(c)]) {
            const float x0 = static_cast<float>(xs[a]);
            const float x1 = static_cast<float>(xs[b - 1]);
            if (x1 < trackX - 4.0f || x0 > trackX + trackW + 4.0f) continue;
            const bool folded = b - a > 1;
            dl->AddRectFilled(ImVec2(x0 - 1.5f, laneY + 1.0f), ImVec2(std::max(x1, x0) + 1.5f, laneY + kLanePx - 1.0f),
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
                                ImVec2(std::max(static_cast<float>(m_axis.toX(iv.end)), x0 + 2) + 2, laneY + kLanePx),
                                IM_COL32(255, 255, 255, 255), 2.0f, 0, 1.5f);
                }
            }
            if (hovered && io.MousePos.y >= laneY && io.MousePos.y < laneY + kLanePx && io.MousePos.x >= x0 - 4.0f &&
                io.MousePos.x <= std::max(x1, x0) + 4.0f) {
                for (std::uint32_t k = a; k < b; ++k) tooltip.push_back(laneEvents[k]);
                hoveredRunBegin = &laneEvents[a];
            }
        }
    }

    // The current time.
    const float nowX = static_cast<float>(m_axis.toX(state.clock.now));
    if (nowX >= trackX && nowX <= trackX + trackW) {
        dl->AddLine(ImVec2(nowX, origin.y), ImVec2(nowX, origin.y + canvasH), IM_COL32(255, 80, 60, 255), 2.0f);
        dl->AddTriangleFilled(ImVec2(nowX - 6, origin.y), ImVec2(nowX + 6, origin.y), ImVec2(nowX, origin.y + 8),
                              IM_COL32(255, 80, 60, 255));
    }
    dl->PopClipRect();

    if (!tooltip.empty() && hoveredRunBegin && !m_scrubbing) {
        ImGui::BeginTooltip();
        const std::size_t shown = std::min<std::size_t>(tooltip.size(), 10);
        for (std::size_t k = 0; k < shown; ++k) {
            const core::Event& e = data.events[tooltip[k]];
            const std::string when = core::formatSpanForDisplay(e.start, index.interval(tooltip[k]).end, state.displayZone, e.precision);
            ImGui::Text("%s", e.title.c_str());
            ImGui::TextDisabled("  %s  %s", when.c_str(), e.place.name.c_str());
        }
        if (tooltip.size() > shown) ImGui::TextDisabled("... and %zu more (zoom in)", tooltip.size() - shown);
        ImGui::EndTooltip();
        // A click on a mark selects its (first) event, in addition to jumping the clock there.
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 9.0f) {
            state.selectEvent(tooltip.front());
        }
    }
}

const TimelinePanel::Lanes& TimelinePanel::lanesFor(const core::EventWorld& world, float trackX, float trackW) {
    Lanes& l = m_lanes;
    const core::Dataset& data = world.data();
    if (l.world == &world && l.events == data.events.size() && l.start == m_axis.start().unixSeconds &&
        l.end == m_axis.end().unixSeconds && l.trackX == trackX && l.trackW == trackW) {
        return l;
    }
    l.world = &world;
    l.events = data.events.size();
    l.start = m_axis.start().unixSeconds;
    l.end = m_axis.end().unixSeconds;
    l.trackX = trackX;
    l.trackW = trackW;
    const core::TimelineIndex& index = world.index();
    std::vector<std::uint32_t> visible;
    index.overlapping(m_axis.start(), m_axis.end(), visible);
    std::sort(visible.begin(), visible.end());
    for (auto& v : l.laneEvents) v.clear();
    l.internet.clear();
    l.curfews.clear();
    for (auto i : visible) {
        const core::Event& e = data.events[i];
        l.laneEvents[static_cast<std::size_t>(e.category)].push_back(i);
        if (e.category == core::Category::InternetBlackout) l.internet.push_back(i);
        if (e.category == core::Category::Curfew && e.recurrence) l.curfews.push_back(i);
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
