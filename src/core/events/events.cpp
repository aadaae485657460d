#include "core/events/events.hpp"

namespace qantar::core {

namespace {

struct CategoryInfo {
    Category category;
    const char* id;
    const char* label;
};

const CategoryInfo kCategories[] = {
    {Category::Protest, "protest", "Protests"},
    {Category::Clash, "clash", "Clashes"},
    {Category::LootingArson, "looting_arson", "Looting and arson"},
    {Category::Casualties, "casualties", "Casualties"},
    {Category::Arrests, "arrests", "Arrests"},
    {Category::Curfew, "curfew", "Curfew"},
    {Category::StateOfEmergency, "state_of_emergency", "State of emergency"},
    {Category::InternetBlackout, "internet_blackout", "Internet blackout"},
    {Category::CstoDeployment, "csto_deployment", "CSTO deployment"},
    {Category::AirportClosure, "airport_closure", "Airport closures"},
    {Category::GovernmentAction, "government_action", "Government action"},
    {Category::Mourning, "mourning", "Mourning"},
};

}  // namespace

const char* categoryId(Category c) {
    for (const auto& i : kCategories)
        if (i.category == c) return i.id;
    return "?";
}

const char* categoryLabel(Category c) {
    for (const auto& i : kCategories)
        if (i.category == c) return i.label;
    return "?";
}

std::optional<Category> parseCategory(const std::string& id) {
    for (const auto& i : kCategories)
        if (id == i.id) return i.category;
    return std::nullopt;
}

const char* figureKindId(FigureKind k) {
    switch (k) {
        case FigureKind::Deaths: return "deaths";
        case FigureKind::Injured: return "injured";
        case FigureKind::Arrests: return "arrests";
        case FigureKind::Count: break;
    }
    return "?";
}

bool isVagueQuantity(const std::string& q) {
    static const char* const kWords[] = {"dozens", "scores", "hundreds", "thousands", "tens of thousands", "several", "many"};
    for (const char* w : kWords)
        if (q == w) return true;
    return false;
}

bool Figure::isVague() const { return isVagueQuantity(qualifier); }

const Source* Dataset::findSource(const std::string& id) const {
    for (const auto& s : sources)
        if (s.id == id) return &s;
    return nullptr;
}

const Event* Dataset::findEvent(const std::string& id) const {
    for (const auto& e : events)
        if (e.id == id) return &e;
    return nullptr;
}

}  // namespace qantar::core
