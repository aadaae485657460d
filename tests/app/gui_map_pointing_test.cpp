// Pointing at the map (review section 7): hovering an event symbol names it, hovering a stack lists
// its events and spreads it, clicking a spread symbol selects its event (the clock, the list and
// the details follow, the map stays put), and a drag over a symbol pans without selecting.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <string>

#include "core/events/stacks.hpp"
#include "core/map/picking.hpp"
#include "render/image.hpp"
#include "ui/item_probe.hpp"
#include "ui/map_view.hpp"
#include "ui_driver.hpp"

using namespace qantar;
using qantar::test::DriverOptions;
using qantar::test::UiDriver;

namespace {

const core::LonLat kAlmaty{76.9286, 43.2567};

DriverOptions at(const char* time, int w = 1280, int h = 720) {
    (void)qantar::test::useTemporaryHome();
    DriverOptions o;
    o.time = time;
    o.width = w;
    o.height = h;
    return o;
}

// The stack at Almaty in the frame's layout.
std::optional<std::size_t> almatyStack(UiDriver& d) {
    const auto xy = d.state().projection->project(kAlmaty);
    if (!xy) return std::nullopt;
    return d.state().symbols.stackAt(*xy);
}

// A point of the map view in window pixels.
ImVec2 onWindow(UiDriver& d, core::ScreenPx p) {
    const core::ScreenRect& m = d.state().layout.map;
    return ImVec2(static_cast<float>(m.x + p.x), static_cast<float>(m.y + p.y));
}

std::optional<ui::ProbedWindow> tooltip(const UiDriver& d) {
    for (const auto& w : d.windows()) {
        if (w.tooltip) return w;
    }
    return std::nullopt;
}

void save(UiDriver& d, const std::string& name) {
    std::filesystem::create_directories(QANTAR_TEST_OUTPUT_DIR);
    (void)render::writePng(d.screenshot(), std::string(QANTAR_TEST_OUTPUT_DIR) + "/" + name);
}

// Moves onto the Almaty symbol: its stack spreads. Returns the stack's index.
std::size_t hoverAlmaty(UiDriver& d) {
    d.frame(2);
    const auto stack = almatyStack(d);
    EXPECT_TRUE(stack.has_value()) << "Almaty's events are on the map";
    if (!stack) return 0;
    const ImVec2 p = onWindow(d, d.state().symbols.stacks[*stack].screen);
    d.moveMouse(p.x, p.y);
    d.frame();
    return *almatyStack(d);
}

// The scroll child of the events list.
ImGuiWindow* eventsTable() {
    for (ImGuiWindow* w : GImGui->Windows) {
        if ((w->Flags & ImGuiWindowFlags_ChildWindow) && std::string(w->Name).rfind("Events###events/", 0) == 0) return w;
    }
    return nullptr;
}

}  // namespace

TEST(MapPointing, HoveringAlmatyListsItsEventsAndSpreadsThem) {
    for (auto [w, h] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
        UiDriver d(at("2022-01-05T20:00", w, h));
        d.frame(2);
        const auto before = almatyStack(d);
        ASSERT_TRUE(before.has_value());
        const core::SymbolStack collapsed = d.state().symbols.stacks[*before];
        ASSERT_EQ(collapsed.state, core::StackState::Collapsed) << "at country scale Almaty's events are one symbol with a count";
        ASSERT_GE(collapsed.count(), 5u);

        const std::size_t stack = hoverAlmaty(d);
        const core::SymbolStack& st = d.state().symbols.stacks[stack];
        EXPECT_EQ(st.state, core::StackState::Spread) << w << "x" << h << ": the stack spreads under the pointer";
        EXPECT_TRUE(st.byPointer);
        EXPECT_TRUE(d.state().pointedStack);
        std::vector<std::uint32_t> events;
        for (auto m : collapsed.marks) events.push_back(d.state().frame.marks[m].event);
        EXPECT_EQ(d.state().pointedEvents, events) << "the tooltip lists the stack's events";
        const auto tip = tooltip(d);
        ASSERT_TRUE(tip.has_value()) << w << "x" << h << ": a tooltip shows";
        const ImVec2 place = onWindow(d, st.screen);
        const float r = st.reachPx;
        EXPECT_TRUE(tip->rect.x >= place.x + r || tip->rect.x + tip->rect.w <= place.x - r)
            << w << "x" << h << ": the tooltip lies beside the spread, not over it";
        const float rows = static_cast<float>(std::min(events.size(), ui::MapView::kTooltipRows));
        EXPECT_GE(tip->rect.h, rows * 2.0f * ImGui::GetTextLineHeight()) << "a title and a time for each listed event";
        EXPECT_LE(tip->rect.x + tip->rect.w, static_cast<float>(w) + 0.5f) << "inside the window";
        EXPECT_LE(tip->rect.y + tip->rect.h, static_cast<float>(h) + 0.5f);
        EXPECT_TRUE(ui::ItemProbe::collisions().empty());

        // Each spread symbol is drawn where picking finds it, in its category's colour.
        const render::Image img = d.screenshot();
        save(d, "map_pointing_stack_" + std::to_string(w) + "x" + std::to_string(h) + ".png");
        const core::Theme& theme = core::theme(d.state().theme);
        int checked = 0, drawn = 0;
        for (const auto& s : d.state().symbols.symbols) {
            if (s.stack != stack) continue;
            const core::EventMark& mk = d.state().frame.marks[s.mark];
            // A ring, faded, or date only (hatched inside a dotted ring: its centre is not solid).
            if (mk.kind == core::MarkKind::Government || mk.alpha < 0.99f || mk.uncertainTime) continue;
            const ImVec2 p = onWindow(d, s.screen);
            bool underWindow = false;  // a panel's or the tooltip's
            for (const auto& win : d.windows()) {
                underWindow |= p.x >= win.rect.x && p.x < win.rect.x + win.rect.w && p.y >= win.rect.y &&
                               p.y < win.rect.y + win.rect.h;
            }
            if (underWindow) continue;
            const core::Rgba c = theme.marks[static_cast<std::size_t>(mk.kind)];
            const auto* px = img.at(static_cast<int>(p.x), static_cast<int>(p.y));
            const int dist = std::abs(px[0] - static_cast<int>(c.r * 255)) + std::abs(px[1] - static_cast<int>(c.g * 255)) +
                             std::abs(px[2] - static_cast<int>(c.b * 255));
            ++checked;
            drawn += dist < 90;
        }
        EXPECT_GT(checked, 0);
        EXPECT_EQ(drawn, checked) << w << "x" << h << ": spread symbols are drawn where the pointer finds them";

        // Leaving the stack folds it again.
        const ImVec2 far = onWindow(d, core::ScreenPx{st.screen.x - st.reachPx - 60.0, st.screen.y + st.reachPx + 60.0});
        d.moveMouse(far.x, far.y);
        d.frame();
        const auto after = almatyStack(d);
        ASSERT_TRUE(after.has_value());
        EXPECT_EQ(d.state().symbols.stacks[*after].state, core::StackState::Collapsed);
    }
}

TEST(MapPointing, HoveringOneSymbolNamesItsEvent) {
    UiDriver d(at("2022-01-05T20:00", 1920, 1080));
    const std::size_t stack = hoverAlmaty(d);
    std::optional<core::PlacedSymbol> target;
    for (const auto& s : d.state().symbols.symbols) {
        if (s.stack == stack && d.state().world->data().events[s.event].id == "almaty-presidential-residence-clashes") target = s;
    }
    ASSERT_TRUE(target.has_value()) << "the clashes at the presidential residence are in Almaty's stack";
    const ImVec2 p = onWindow(d, target->screen);
    d.moveMouse(p.x, p.y);
    d.frame();
    EXPECT_EQ(d.state().pointedEvents, std::vector<std::uint32_t>{target->event});
    EXPECT_FALSE(d.state().pointedStack);
    EXPECT_TRUE(tooltip(d).has_value());
    EXPECT_EQ(d.state().symbols.stacks[*almatyStack(d)].state, core::StackState::Spread) << "the spread stays open";
    save(d, "map_pointing_event_1920x1080.png");
}

TEST(MapPointing, ClickingASpreadSymbolSelectsItsEventAndTheClockListAndDetailsFollow) {
    UiDriver d(at("2022-01-05T20:00", 1366, 768));
    // A selection whose details were scrolled down (review section 18: the next one must open at
    // its top).
    d.state().actions.push(ui::action::SelectEvent{0});
    d.frame(2);
    const auto how = d.item("How the date was worked out", "Event details");
    ASSERT_TRUE(how.has_value());
    d.wheel(how->rect.x + 20, how->rect.y, -30.0f);
    ImGuiWindow* details = ImGui::FindWindowByName("Event details###details");
    ASSERT_NE(details, nullptr);
    ASSERT_GT(details->Scroll.y, 0.0f);
    d.state().actions.push(ui::action::FitKazakhstan{});
    d.state().actions.push(ui::action::SeekTo{core::parseIsoTime("2022-01-05T20:00+06:00")->instant});
    d.frame(2);

    const std::size_t stack = hoverAlmaty(d);
    ASSERT_EQ(d.state().symbols.stacks[stack].state, core::StackState::Spread);
    std::optional<core::PlacedSymbol> target;
    for (const auto& s : d.state().symbols.symbols) {
        if (s.stack == stack && d.state().world->data().events[s.event].id == "almaty-arbat-store-looted") target = s;
    }
    ASSERT_TRUE(target.has_value());
    const core::Event& e = d.state().world->data().events[target->event];
    const core::MapXY centre = d.state().camera.center();
    const double mpp = d.state().camera.metersPerPixel();
    const std::uint64_t serial = d.state().selectionSerial;

    const ImVec2 p = onWindow(d, target->screen);
    d.click(p.x, p.y);
    d.frame(3);
    ASSERT_TRUE(d.state().selectedEvent.has_value());
    EXPECT_EQ(*d.state().selectedEvent, target->event) << "the clicked symbol's event is selected";
    EXPECT_GT(d.state().selectionSerial, serial);
    EXPECT_EQ(d.state().clock.now, e.start) << "the clock moved to it, as selecting in the list does";
    EXPECT_EQ(d.state().camera.center().x, centre.x) << "the map stays where the user pointed";
    EXPECT_EQ(d.state().camera.center().y, centre.y);
    EXPECT_EQ(d.state().camera.metersPerPixel(), mpp);

    // The details show it from its top.
    EXPECT_EQ(details->Scroll.y, 0.0f) << "a newly selected event opens at its title";
    EXPECT_TRUE(d.item("How the date was worked out", "Event details").has_value());
    // The list scrolled to its row (rows are in event order when nothing is filtered).
    ImGuiWindow* table = eventsTable();
    ASSERT_NE(table, nullptr);
    const float rowH = ImGui::GetTextLineHeight() + 2.0f * ImGui::GetStyle().CellPadding.y;
    const float rowY = static_cast<float>(target->event) * rowH;
    EXPECT_GE(rowY + rowH, table->Scroll.y) << "the selected row is in view";
    EXPECT_LE(rowY, table->Scroll.y + table->Size.y);
    // And the map marks it: the stack folds under the selected event's symbol.
    const auto sym = d.state().symbols.symbolOf(target->event);
    ASSERT_TRUE(sym.has_value());
    EXPECT_TRUE(d.state().symbols.symbols[*sym].selected);
    EXPECT_TRUE(d.state().symbols.symbols[*sym].standsForStack);
    EXPECT_TRUE(ui::ItemProbe::collisions().empty());
    save(d, "map_pointing_selected_1366x768.png");
}

TEST(MapPointing, ADragOverASymbolPansAndDoesNotSelect) {
    UiDriver d(at("2022-01-05T20:00"));
    d.frame(2);
    const auto stack = almatyStack(d);
    ASSERT_TRUE(stack.has_value());
    const ImVec2 p = onWindow(d, d.state().symbols.stacks[*stack].screen);
    const core::MapXY centre = d.state().camera.center();
    const core::Instant now = d.state().clock.now;
    d.drag(p.x, p.y, p.x - 120.0f, p.y - 60.0f);
    d.frame(2);
    EXPECT_NE(d.state().camera.center().x, centre.x) << "the drag panned the map";
    EXPECT_FALSE(d.state().selectedEvent.has_value()) << "and selected nothing";
    EXPECT_EQ(d.state().clock.now, now);

    // The same over a spread symbol.
    const std::size_t spread = hoverAlmaty(d);
    const core::PlacedSymbol s = [&] {
        for (const auto& x : d.state().symbols.symbols) {
            if (x.stack == spread && x.spread) return x;
        }
        return core::PlacedSymbol{};
    }();
    ASSERT_TRUE(s.spread);
    const ImVec2 q = onWindow(d, s.screen);
    d.drag(q.x, q.y, q.x + 80.0f, q.y + 40.0f);
    d.frame(2);
    EXPECT_FALSE(d.state().selectedEvent.has_value());
}

TEST(MapPointing, AClickOnEmptyMapKeepsTheSelection) {
    UiDriver d(at("2022-01-05T20:00"));
    d.state().actions.push(ui::action::SelectEvent{5});
    d.frame(2);
    d.state().actions.push(ui::action::FitKazakhstan{});
    d.frame(2);
    const std::uint32_t selected = *d.state().selectedEvent;
    // A point of the free map with no symbol under it.
    const core::ScreenRect& f = d.state().layout.mapFree;
    std::optional<core::ScreenPx> empty;
    const auto inside = [](const core::ScreenRect& r, ImVec2 p) {
        return p.x >= r.x && p.y >= r.y && p.x < r.x + r.w && p.y < r.y + r.h;
    };
    for (int k = 0; k < 20 && !empty; ++k) {
        const core::ScreenPx c{f.x + f.w * (0.2 + 0.03 * k), f.y + f.h * 0.3};
        const ImVec2 w = onWindow(d, c);
        const ui::Layout& l = d.state().layout;
        if (inside(l.layers, w) || inside(l.events, w) || inside(l.details, w)) continue;
        if (core::pickSymbols(d.state().symbols, c).empty()) empty = c;
    }
    ASSERT_TRUE(empty.has_value());
    const ImVec2 p = onWindow(d, *empty);
    d.click(p.x, p.y);
    d.frame(2);
    ASSERT_TRUE(d.state().selectedEvent.has_value());
    EXPECT_EQ(*d.state().selectedEvent, selected);
    EXPECT_TRUE(d.state().pointedEvents.empty());
    EXPECT_FALSE(tooltip(d).has_value());
}

TEST(MapPointing, ZoomedInOnAlmatyItsSitesSeparateWithoutThePointer) {
    UiDriver d(at("2022-01-05T20:00", 1920, 1080));
    d.frame(2);
    const auto stack = almatyStack(d);
    ASSERT_TRUE(stack.has_value());
    ImVec2 p = onWindow(d, d.state().symbols.stacks[*stack].screen);
    // Zoom in about Almaty, then move the pointer off the map (onto the timeline).
    for (int i = 0; i < 14 && d.state().camera.metersPerPixel() > 150.0; ++i) d.wheel(p.x, p.y, 1.0f);
    const core::ScreenRect& t = d.state().layout.timeline;
    d.moveMouse(static_cast<float>(t.x + t.w * 0.5), static_cast<float>(t.y + t.h * 0.5));
    d.frame(2);
    const auto zoomed = almatyStack(d);
    ASSERT_TRUE(zoomed.has_value());
    const core::SymbolStack& st = d.state().symbols.stacks[*zoomed];
    EXPECT_EQ(st.state, core::StackState::Spread) << "at " << d.state().camera.metersPerPixel() << " m/px";
    EXPECT_FALSE(st.byPointer);
    std::set<std::string> sites;
    std::vector<core::ScreenPx> at;
    for (const auto& s : d.state().symbols.symbols) {
        if (s.stack != *zoomed) continue;
        const std::string& site = d.state().world->data().events[s.event].site;
        if (!site.empty()) sites.insert(site);
        at.push_back(s.screen);
    }
    EXPECT_GE(sites.size(), 3u);
    for (std::size_t i = 0; i < at.size(); ++i) {
        for (std::size_t j = i + 1; j < at.size(); ++j) {
            EXPECT_GT(std::hypot(at[i].x - at[j].x, at[i].y - at[j].y), 8.0) << "each event its own symbol";
        }
    }
    save(d, "map_pointing_zoomed_1920x1080.png");
}
