#pragma once
#include <array>
#include <string>
#include <vector>

#include "ui/app_state.hpp"

namespace qantar::ui {

// Searchable, filterable list of events sorted by time. Selecting one moves the clock and the
// camera to it.
class EventListPanel {
public:
    void draw(AppState& state, float top, float bottom);

    // True when event `i` passes the current search text and filters (exposed for tests).
    bool matches(const core::Event& e) const;
    void setSearch(const std::string& text);

private:
    char m_search[128] = "";
    std::array<bool, core::kCategoryCount> m_categories{true, true, true, true, true, true,
                                                        true, true, true, true, true, true};
    std::string m_place;  // empty: all places
    std::vector<std::uint32_t> m_rows;
    // What m_rows was filtered for.
    struct RowsKey {
        const core::EventWorld* world = nullptr;
        std::size_t events = 0;
        std::string search;
        std::array<bool, core::kCategoryCount> categories{};
        std::string place;
        bool operator==(const RowsKey& o) const {
            return world == o.world && events == o.events && search == o.search && categories == o.categories &&
                   place == o.place;
        }
    };
    RowsKey m_rowsKey;
};

}  // namespace qantar::ui
