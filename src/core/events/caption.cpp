#include "core/events/caption.hpp"

#include <set>

#include "core/events/event_time.hpp"

namespace qantar::core {

std::string counterLine(FigureKind kind, const Counter& c) {
    static const char* const kNames[] = {"Deaths", "Injured", "Arrests"};
    std::string s = kNames[static_cast<int>(kind)];
    if (!c.any) return s + " none reported";
    s += " " + formatRange(c);
    if (c.basis == CounterBasis::Floor) {
        s += ": " + floorBasis(c);
        // Words reported beside a floor are part of the picture ("dozens of protesters").
        std::string words;
        for (const auto& r : c.reports) {
            if (r.role != ReportRole::Word) continue;
            const std::string w = figureText(*r.figure);
            if (words.find(w) == std::string::npos) words += "; " + w;
        }
        s += words;
    }
    std::string notes = std::to_string(c.sources.size()) + (c.sources.size() == 1 ? " source" : " sources");
    if (c.withdrawn > 0) notes += ", " + std::to_string(c.withdrawn) + " withdrawn";
    if (c.hourUnknown) notes += ", dated only to this day";
    return s + " (" + notes + ")";
}

std::vector<std::string> momentCaption(const EventWorld& world, const FrameLayers& layers, ZoneOffset zone) {
    // An event the sources date only to the day (or approximately) is named with what is known
    // of its time while it may not have happened yet: "(4 Jan, time not given)".
    auto noteOf = [&](std::uint32_t i) {
        const Event& e = world.data().events[i];
        const Interval iv = world.index().interval(i);
        return eventStateAt(e, iv, layers.time) == EventState::Uncertain ? uncertainNote(e, iv) : std::string();
    };
    auto withWhen = [&](std::uint32_t i, const std::string& text) {
        const std::string note = noteOf(i);
        return note.empty() ? text : text + " (" + note + ")";
    };
    std::vector<std::string> lines;
    lines.push_back(formatForDisplay(layers.time, zone, Precision::Exact));
    for (int k = 0; k < kFigureKindCount; ++k) {
        const auto kind = static_cast<FigureKind>(k);
        lines.push_back(counterLine(kind, layers.counters[kind]));
    }
    std::vector<std::string> inForce;
    std::string internet;
    switch (layers.internet) {
        case ConnectivityStatus::Full: internet = "Internet shut down nationwide"; break;
        case ConnectivityStatus::Partial: internet = "Internet partially restored"; break;
        case ConnectivityStatus::Restored: internet = "Internet restored"; break;
        case ConnectivityStatus::None: break;
    }
    if (!internet.empty()) inForce.push_back(layers.internetEvent ? withWhen(*layers.internetEvent, internet) : internet);
    std::set<std::string> curfewPlaces;
    std::optional<std::uint32_t> emergency;
    for (const auto& a : layers.areas) {
        const Event& e = world.data().events[a.event];
        if (a.kind == AreaKind::Curfew) {
            const std::string note = noteOf(a.event);
            curfewPlaces.insert(note.empty() ? e.place.name.str() : e.place.name + "; " + note);
        }
        if (a.kind == AreaKind::Emergency && (!emergency || !a.uncertainTime)) emergency = a.event;
    }
    if (!curfewPlaces.empty()) {
        std::string s = "Curfew in force (";
        bool first = true;
        for (const auto& p : curfewPlaces) {
            s += (first ? "" : ", ") + p;
            first = false;
        }
        inForce.push_back(s + ")");
    }
    if (emergency) inForce.push_back(withWhen(*emergency, "State of emergency"));
    for (auto i : layers.banners) {
        const Event& e = world.data().events[i];
        if (e.category == Category::Mourning) inForce.push_back(withWhen(i, e.title));
    }
    if (!inForce.empty()) {
        std::string s;
        for (const auto& x : inForce) s += (s.empty() ? "" : "  \xC2\xB7  ") + x;
        lines.push_back(s);
    }
    // Nationwide or placeless events in force (at most three, newest first).
    std::string decisions;
    int shown = 0;
    for (auto it = layers.banners.rbegin(); it != layers.banners.rend() && shown < 3; ++it) {
        const Event& e = world.data().events[*it];
        if (e.category == Category::Mourning) continue;
        decisions += (decisions.empty() ? "" : "  \xC2\xB7  ") + withWhen(*it, e.title);
        ++shown;
    }
    if (!decisions.empty()) lines.push_back("Across the country: " + decisions);
    return lines;
}

}  // namespace qantar::core
