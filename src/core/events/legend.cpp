#include "core/events/legend.hpp"

namespace qantar::core {

namespace {

const LegendEntry kEntries[] = {
    {LegendSymbol::Protest, EventLayer::Protests, "Protest"},
    {LegendSymbol::ProtestViolent, EventLayer::Protests, "Protest turned violent"},
    {LegendSymbol::Clash, EventLayer::Violence, "Clash, gunfire"},
    {LegendSymbol::Arson, EventLayer::Violence, "Looting, arson"},
    {LegendSymbol::Curfew, EventLayer::Curfew, "Curfew, during its hours"},
    {LegendSymbol::Emergency, EventLayer::Emergency, "State of emergency"},
    {LegendSymbol::Internet, EventLayer::Internet, "Internet blackout (paler: partial)"},
    {LegendSymbol::CstoArrow, EventLayer::Csto, "CSTO troops sent (approximate)"},
    {LegendSymbol::CstoBadge, EventLayer::Csto, "CSTO request, mission"},
    {LegendSymbol::Airport, EventLayer::Airports, "Airport closed"},
    {LegendSymbol::Casualty, EventLayer::Casualties, "Deaths, injuries reported"},
    {LegendSymbol::Arrest, EventLayer::Casualties, "Arrests"},
    {LegendSymbol::Government, EventLayer::Government, "Government action, mourning"},
    {LegendSymbol::Capital, std::nullopt, "Capital (not an event)"},
};

}  // namespace

std::vector<LegendEntry> legendEntries(const std::array<bool, kEventLayerCount>& on) {
    std::vector<LegendEntry> out;
    for (const auto& e : kEntries) {
        if (!e.layer || on[static_cast<std::size_t>(*e.layer)]) out.push_back(e);
    }
    return out;
}

LegendEntry nightLegendEntry() { return {LegendSymbol::Night, std::nullopt, "Night"}; }

LegendEntry dateOnlyLegendEntry() { return {LegendSymbol::DateOnly, std::nullopt, "Date only, may not have happened yet"}; }

std::vector<LegendEntry> allLegendEntries() {
    std::vector<LegendEntry> out(std::begin(kEntries), std::end(kEntries));
    out.push_back(nightLegendEntry());
    out.push_back(dateOnlyLegendEntry());
    return out;
}

LegendSymbol legendSymbolFor(MarkKind kind) {
    switch (kind) {
        case MarkKind::Protest: return LegendSymbol::Protest;
        case MarkKind::ProtestViolent: return LegendSymbol::ProtestViolent;
        case MarkKind::Clash: return LegendSymbol::Clash;
        case MarkKind::Arson: return LegendSymbol::Arson;
        case MarkKind::Casualty: return LegendSymbol::Casualty;
        case MarkKind::Arrest: return LegendSymbol::Arrest;
        case MarkKind::Airport: return LegendSymbol::Airport;
        case MarkKind::Csto: return LegendSymbol::CstoBadge;
        case MarkKind::Government:
        case MarkKind::Count: break;
    }
    return LegendSymbol::Government;
}

LegendSymbol legendSymbolFor(AreaKind kind) {
    switch (kind) {
        case AreaKind::Curfew: return LegendSymbol::Curfew;
        case AreaKind::Emergency: return LegendSymbol::Emergency;
        case AreaKind::Internet: break;
    }
    return LegendSymbol::Internet;
}

LegendSymbol legendSymbolFor(BadgeKind kind) {
    return kind == BadgeKind::Curfew ? LegendSymbol::Curfew : LegendSymbol::CstoBadge;
}

}  // namespace qantar::core
