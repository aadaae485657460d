#pragma once
// The bundled assets, loaded once per test program and shared by the suites that read them: the
// projection, the map data, the week's events and the week's story. A load that fails throws, and
// the test that asked for it fails with the message.
#include <memory>
#include <stdexcept>
#include <string>

#include "core/events/event_world.hpp"
#include "core/geo/projection.hpp"
#include "core/map/map_data.hpp"
#include "core/story/story.hpp"

namespace qantar::test {

inline const core::Projection& bundledProjection() {
    static const std::unique_ptr<core::Projection> p = [] {
        auto made = core::Projection::create();
        if (!made) throw std::runtime_error(made.error().message);
        return std::make_unique<core::Projection>(std::move(*made));
    }();
    return *p;
}

inline const core::MapData& bundledMapData() {
    static const std::unique_ptr<core::MapData> d = [] {
        auto made = core::loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", bundledProjection());
        if (!made) throw std::runtime_error(made.error().message);
        return std::make_unique<core::MapData>(std::move(*made));
    }();
    return *d;
}

inline const core::EventWorld& bundledWorld() {
    static const std::unique_ptr<core::EventWorld> w = [] {
        auto made = core::loadEventWorld(std::string(QANTAR_ASSET_DIR) + "/events/events.json", bundledMapData(),
                                         bundledProjection());
        if (!made) throw std::runtime_error(made.error().message);
        return std::move(*made);
    }();
    return *w;
}

inline const core::Story& bundledStory() {
    static const std::unique_ptr<core::Story> s = [] {
        auto made = core::loadStory(std::string(QANTAR_ASSET_DIR) + "/stories/week.json");
        if (!made) throw std::runtime_error(made.error().message);
        return std::make_unique<core::Story>(std::move(*made));
    }();
    return *s;
}

}  // namespace qantar::test
