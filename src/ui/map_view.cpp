#include "ui/map_view.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/events/timeline.hpp"
#include "core/map/picking.hpp"
#include "ui/long_text.hpp"
#include "ui/model_actions.hpp"

namespace qantar::ui {

namespace {
constexpr double kWheelZoomStep = 1.25;  // magnification per wheel notch
constexpr float kDragThresholdPx = 2.0f; // a click that moves less is not a drag
constexpr double kKeepSpreadPx = 12.0;   // a spread stays open while the pointer is this near it
constexpr float kTooltipWrapEm = 26.0f;

// Where an event was, as its source says: its site, then its place.
std::string whereText(const core::Event& e) {
    if (e.site.empty()) return e.place.name;
    return e.site + ", " + e.place.name;
}

// When, as precisely as the source says: a date-only event on its own calendar day (its local
// zone), an exact time in the display zone, as the details show it.
std::string whenText(const AppState& state, std::uint32_t event) {
    const core::Event& e = state.world->data().events[event];
    const core::Interval iv = state.world->index().interval(event);
    const bool dateOnly = e.precision == core::Precision::Day || e.precision == core::Precision::Approximate;
    return core::formatSpanForDisplay(iv.start, iv.end, dateOnly ? e.localZone : state.displayZone, e.precision);
}

// The free middle of a spread stack: the pointer there is on the stack's place.
bool inSpreadMiddle(const core::SymbolLayout& L, std::size_t stack, core::ScreenPx p) {
    const core::SymbolStack& st = L.stacks[stack];
    double inner = std::numeric_limits<double>::infinity();
    for (const auto& s : L.symbols) {
        if (s.stack != stack) continue;
        inner = std::min(inner, std::hypot(s.screen.x - st.screen.x, s.screen.y - st.screen.y) - s.reachPx);
    }
    if (!std::isfinite(inner)) inner = 0.0;
    inner = std::max(inner, core::kPickMinRadiusPx * L.pixelScale);
    return std::hypot(p.x - st.screen.x, p.y - st.screen.y) <= inner;
}

// Puts the next tooltip beside a circle of the map view (a symbol, or a whole spread stack) rather
// than over it, on the side with room, so that the symbols next to the one pointed at stay in view.
void placeTooltipBeside(const AppState& state, core::ScreenPx centre, double radiusPx) {
    const core::ScreenRect& m = state.layout.map;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ImGuiStyle& style = ImGui::GetStyle();
    const double gap = ImGui::GetFontSize() * 0.6;
    const double width = ImGui::GetFontSize() * kTooltipWrapEm + 2.0 * style.WindowPadding.x;
    const double cx = m.x + centre.x, cy = m.y + centre.y;
    ImVec2 pos(static_cast<float>(cx + radiusPx + gap), static_cast<float>(cy - radiusPx));
    ImVec2 pivot(0.0f, 0.0f);
    if (cx + radiusPx + gap + width > display.x && cx - radiusPx - gap - width >= 0.0) {
        pos.x = static_cast<float>(cx - radiusPx - gap);
        pivot.x = 1.0f;
    }
    // Low on the screen the tooltip grows upwards from the circle's bottom.
    if (cy > display.y * 0.5) {
        pos.y = static_cast<float>(cy + radiusPx);
        pivot.y = 1.0f;
    }
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always, pivot);
}

}  // namespace

void MapView::draw(AppState& state, ImTextureID mapTexture) {
    const core::ScreenRect& m = state.layout.map;
    const ImVec2 p0(static_cast<float>(m.x), static_cast<float>(m.y));
    const ImVec2 p1(static_cast<float>(m.x + m.w), static_cast<float>(m.y + m.h));
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    if (mapTexture) dl->AddImage(mapTexture, p0, p1, ImVec2(0, 1), ImVec2(1, 0));

    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const bool overMap = mouse.x >= p0.x && mouse.y >= p0.y && mouse.x < p1.x && mouse.y < p1.y;
    const core::ScreenPx local{mouse.x - p0.x, mouse.y - p0.y};

    state.cursor.reset();
    if (overMap && !io.WantCaptureMouse && state.projection) {
        state.cursor = state.projection->unproject(state.camera.toMap(local));
    }
    // Input reaches the map only when no window wants it (ImGui's windows sit over the map only
    // as dialogs and the moment box), or while a press that began on the map lasts.
    const bool input = !io.WantCaptureMouse || m_pressed;
    bool clicked = false;
    if (input) {
        if (overMap && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            m_pressed = true;
            m_panned = false;
        }
        if (m_pressed) {
            if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragThresholdPx) &&
                (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
                state.camera.panByPixels(io.MouseDelta.x, io.MouseDelta.y);
                presenterTookOver(state);
                m_panned = true;
            }
            if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
                clicked = !m_panned;
                m_pressed = false;
            }
        }
        if (overMap && io.MouseWheel != 0.0f) {
            state.camera.zoomAbout(local, std::pow(kWheelZoomStep, static_cast<double>(io.MouseWheel)));
            presenterTookOver(state);
        }
    }

    layOutSymbols(state);
    state.pointedEvents.clear();
    state.pointedStack = false;
    if (input && overMap && state.world && !(m_pressed && m_panned)) {
        point(state, local, clicked);
    } else if (state.pointerSpread && !m_pressed) {
        state.pointerSpread.reset();
        layOutSymbols(state);
    }
}

void MapView::point(AppState& state, core::ScreenPx local, bool clicked) {
    // Hits in the stack the pointer has spread come first: it lies over whatever is under it.
    const auto spreadStack = [&]() -> std::optional<std::size_t> {
        if (!state.pointerSpread) return std::nullopt;
        return state.symbols.stackAt(*state.pointerSpread);
    };
    const auto pick = [&]() {
        auto hits = core::pickSymbols(state.symbols, local);
        if (auto open = spreadStack()) {
            std::stable_partition(hits.begin(), hits.end(), [&](const core::SymbolHit& h) { return h.stack == *open; });
        }
        return hits;
    };
    auto hits = pick();

    // The spread stays open while the pointer is within it; a collapsed stack under the pointer
    // spreads.
    std::optional<core::MapXY> want;
    const auto open = spreadStack();
    if (open && state.symbols.stacks[*open].byPointer &&
        core::withinSpread(state.symbols, *open, local, kKeepSpreadPx * state.symbols.pixelScale)) {
        want = state.symbols.stacks[*open].place;
    } else if (!hits.empty() && hits.front().wholeStack) {
        want = state.symbols.stacks[hits.front().stack].place;
    }
    const bool changed = want.has_value() != state.pointerSpread.has_value() ||
                         (want && (want->x != state.pointerSpread->x || want->y != state.pointerSpread->y));
    if (changed) {
        state.pointerSpread = want;
        layOutSymbols(state);
        hits = pick();
    }

    const core::SymbolLayout& L = state.symbols;
    const auto spread = spreadStack();
    const auto pointStack = [&](const core::SymbolStack& st) {
        for (auto mk : st.marks) state.pointedEvents.push_back(state.frame.marks[mk].event);
        state.pointedStack = true;
        placeTooltipBeside(state, st.screen, st.reachPx);
        stackTooltip(state, st);
    };
    if (!hits.empty() && !hits.front().wholeStack) {
        const core::PlacedSymbol& sym = L.symbols[hits.front().symbol];
        state.pointedEvents = {sym.event};
        const core::SymbolStack& st = L.stacks[sym.stack];
        if (sym.spread) placeTooltipBeside(state, st.screen, st.reachPx);
        else placeTooltipBeside(state, sym.screen, sym.reachPx);
        eventTooltip(state, sym.event);
        if (clicked && !state.presenting) {
            state.actions.push(action::SelectEvent{sym.event, false});
            // The clock moves to the event, which changes what the stack holds: it folds, drawn as
            // the selected event, rather than shuffling its symbols under the pointer.
            state.pointerSpread.reset();
        }
    } else if (!hits.empty()) {
        pointStack(L.stacks[hits.front().stack]);
    } else if (spread && inSpreadMiddle(L, *spread, local)) {
        pointStack(L.stacks[*spread]);
    }
}

void MapView::eventTooltip(const AppState& state, std::uint32_t event) const {
    const core::Event& e = state.world->data().events[event];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * kTooltipWrapEm);
    textLong(shortened(e.title, 200));
    ImGui::TextDisabled("%s", whenText(state, event).c_str());
    ImGui::TextDisabled("%s", shortened(whereText(e), 120).c_str());
    ImGui::TextDisabled("%s%s", core::categoryLabel(e.category), state.presenting ? "" : "  \xC2\xB7  click to select");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void MapView::stackTooltip(const AppState& state, const core::SymbolStack& st) const {
    const core::Dataset& data = state.world->data();
    std::string place = data.events[state.frame.marks[st.marks.front()].event].place.name;
    for (auto mk : st.marks) {
        if (data.events[state.frame.marks[mk].event].place.name != place) place.clear();
    }
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * kTooltipWrapEm);
    if (place.empty()) ImGui::Text("%zu events here", st.count());
    else ImGui::Text("%zu events in %s", st.count(), shortened(place, 60).c_str());
    ImGui::Separator();
    const std::size_t rows = std::min(st.count(), kTooltipRows);
    for (std::size_t k = 0; k < rows; ++k) {
        const std::uint32_t event = state.frame.marks[st.marks[k]].event;
        ImGui::TextUnformatted(shortened(data.events[event].title, 90).c_str());
        ImGui::TextDisabled("    %s", whenText(state, event).c_str());
    }
    if (st.count() > rows) ImGui::TextDisabled("and %zu more", st.count() - rows);
    if (st.state == core::StackState::Spread) ImGui::TextDisabled("Point at a symbol for one event.");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace qantar::ui
