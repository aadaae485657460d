// The signs over the map and the legend: the CSTO deployment as the articles tell it (a country,
// a day, no invented place), the curfew's badge, closed airports placed clear of what is drawn,
// and a legend entry for everything the layers draw.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>
#include <string>

#include "core/events/event_world.hpp"
#include "core/events/legend.hpp"
#include "core/events/map_tags.hpp"
#include "core/geo/camera.hpp"
#include "core/map/map_data.hpp"

using namespace qantar::core;

namespace {

Instant at(const std::string& iso) { return parseIsoTime(iso)->instant; }

class MapSigns : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto projection = Projection::create();
        ASSERT_TRUE(projection.ok()) << projection.error().message;
        s_projection = new Projection(std::move(*projection));
        auto map = loadMapData(std::string(QANTAR_ASSET_DIR) + "/geo", *s_projection);
        ASSERT_TRUE(map.ok()) << map.error().message;
        s_map = new MapData(std::move(*map));
        auto world = loadEventWorld(std::string(QANTAR_ASSET_DIR) + "/events/events.json", *s_map, *s_projection);
        ASSERT_TRUE(world.ok()) << world.error().message;
        s_world = world->release();
        for (const auto& r : s_map->regions) s_regionBoxes.push_back(r.box);
    }
    static void TearDownTestSuite() {
        delete s_world;
        delete s_map;
        delete s_projection;
        s_world = nullptr;
    }
    void SetUp() override { ASSERT_NE(s_world, nullptr) << "set-up failed"; }

    static FrameLayers layersAt(const std::string& iso) { return s_world->layersAt(at(iso), EventLayerSettings{}); }

    // Kazakhstan fitted to a 1920x1080 view, as the window and exports first show it.
    static Camera nationalCamera() {
        Camera cam(s_map->kazakhstanBox.center(), 1000.0, 1920, 1080);
        cam.fit(s_map->kazakhstanBox, 40.0);
        return cam;
    }
    // Text measured as an average sans face would be: about 0.55 em a character, 1.3 em a line.
    static TagContext context(const Camera& cam) {
        TagContext ctx;
        ctx.camera = &cam;
        ctx.pixelScale = 1.0f;
        ctx.measure = [](const std::string& text, bool, float sizePx) {
            return TextSize{0.55f * sizePx * static_cast<float>(text.size()), 1.3f * sizePx};
        };
        ctx.regionBoxes = &s_regionBoxes;
        return ctx;
    }

    static inline Projection* s_projection = nullptr;
    static inline MapData* s_map = nullptr;
    static inline EventWorld* s_world = nullptr;
    static inline std::vector<MapBox> s_regionBoxes;
};

bool overlaps(const ScreenRect& a, const ScreenRect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

}  // namespace

TEST_F(MapSigns, TheCstoEventsNameNoCityAndKeepAFPsThursdayInAlmatyTime) {
    for (const char* id : {"csto-announces-peacekeeping-force", "csto-first-contingent-dispatched"}) {
        const Event* e = s_world->data().findEvent(id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_EQ(e->place.country, "RUS") << id;
        EXPECT_FALSE(e->place.lonLat.has_value()) << id << ": AFP names no city, so the event has no point";
        EXPECT_EQ(e->start, at("2022-01-06T00:00+06:00")) << id << ": AFP's Thursday, in the dispatch's own zone";
        EXPECT_EQ(e->end, at("2022-01-07T00:00+06:00")) << id;
        EXPECT_NE(e->dateReasoning.find("Almaty time"), std::string::npos) << id;
    }
}

TEST_F(MapSigns, TheDispatchIsOneApproximateArrowFromRussiaAcrossTheBorder) {
    const FrameLayers f = layersAt("2022-01-06T12:00+06:00");
    ASSERT_EQ(f.airlifts.size(), 1u) << "the announcement and the dispatch are one arrow from one country";
    const Airlift& a = f.airlifts[0];
    EXPECT_TRUE(a.approximate);
    EXPECT_EQ(a.country, "Russia");
    // It crosses where Russia and Kazakhstan meet in the map data, and points into Kazakhstan.
    double nearest = 1e18;
    for (const Border& b : s_map->borders) {
        const bool shared = (b.left == "Kazakhstan" && b.right == "Russia") || (b.left == "Russia" && b.right == "Kazakhstan");
        if (!shared) continue;
        for (const auto& line : b.lines)
            for (const MapXY& q : line) nearest = std::min(nearest, std::hypot(q.x - a.from.x, q.y - a.from.y));
    }
    EXPECT_LT(nearest, 1.0) << "the arrow crosses on the Russia-Kazakhstan border";
    EXPECT_TRUE(s_map->kazakhstanBox.contains(a.to));
    // On screen: a short arrow of fixed length, whatever the zoom, its tail outside Kazakhstan.
    const Camera cam = nationalCamera();
    const ScreenArrow ar = approximateArrow(a, cam, 1.0f);
    EXPECT_NEAR(std::hypot(ar.head.x - ar.tail.x, ar.head.y - ar.tail.y), kArrowOutsidePx + kArrowInsidePx, 0.5);
    // Before the announcement and once the trail has faded, no arrow.
    EXPECT_TRUE(layersAt("2022-01-05T20:00+06:00").airlifts.empty());
    EXPECT_TRUE(layersAt("2022-01-07T13:00+06:00").airlifts.empty());
}

TEST_F(MapSigns, TheCstoBadgeStandsOnKazakhstanWhileTheArticlesReportTheForce) {
    const FrameLayers f = layersAt("2022-01-06T12:00+06:00");
    const auto badge = std::find_if(f.badges.begin(), f.badges.end(), [](const Badge& b) { return b.kind == BadgeKind::Csto; });
    ASSERT_NE(badge, f.badges.end());
    ASSERT_GE(badge->lines.size(), 2u);
    EXPECT_EQ(badge->lines.front(), s_world->data().findEvent("csto-mission")->title);
    EXPECT_NE(badge->lines.back().find("no place given"), std::string::npos);
    EXPECT_TRUE(s_map->kazakhstanBox.contains(badge->anchor));
    // No article reports the force after 6 January: two days later there is nothing to show.
    const FrameLayers later = layersAt("2022-01-08T12:00+06:00");
    EXPECT_TRUE(std::none_of(later.badges.begin(), later.badges.end(), [](const Badge& b) { return b.kind == BadgeKind::Csto; }));
}

TEST_F(MapSigns, TheCurfewBadgeGivesTheHoursAndSaysWhichAreAssumed) {
    const FrameLayers night = layersAt("2022-01-06T02:00+06:00");
    const auto badge =
        std::find_if(night.badges.begin(), night.badges.end(), [](const Badge& b) { return b.kind == BadgeKind::Curfew; });
    ASSERT_NE(badge, night.badges.end());
    const Event& e = s_world->data().events[badge->event];
    ASSERT_TRUE(e.recurrence.has_value());
    EXPECT_EQ(badge->lines.front().rfind("Curfew ", 0), 0u) << badge->lines.front();
    EXPECT_NE(badge->lines.front().find("\xE2\x80\x93"), std::string::npos) << "from and to hours";
    if (!e.recurrence->assumed.empty()) {
        ASSERT_EQ(badge->lines.size(), 2u);
        EXPECT_NE(badge->lines[1].find("assumed"), std::string::npos) << "an assumed hour is never silent";
    }
    const FrameLayers day = layersAt("2022-01-06T12:00+06:00");
    EXPECT_TRUE(std::none_of(day.badges.begin(), day.badges.end(), [](const Badge& b) { return b.kind == BadgeKind::Curfew; }));
}

TEST(CurfewBadge, LinesFollowTheRecurrence) {
    Event e;
    e.recurrence = Recurrence{23 * 60, 7 * 60, {"daily_to"}, "assumed"};
    EXPECT_EQ(curfewBadgeLines(e), (std::vector<std::string>{"Curfew 23:00\xE2\x80\x93" "07:00", "07:00 assumed"}));
    e.recurrence->assumed = {"daily_from", "daily_to"};
    EXPECT_EQ(curfewBadgeLines(e).back(), "hours assumed");
    e.recurrence->assumed.clear();
    EXPECT_EQ(curfewBadgeLines(e).size(), 1u);
    e.recurrence.reset();
    EXPECT_TRUE(curfewBadgeLines(e).empty());
}

TEST_F(MapSigns, AtNationalScaleEverySignIsPlacedAndNoneHidesAnother) {
    const FrameLayers f = layersAt("2022-01-06T02:00+06:00");
    const Camera cam = nationalCamera();
    const std::vector<PlacedTag> tags = placeTags(f, context(cam));
    std::set<std::string> airports;
    for (const auto& t : tags) {
        if (t.kind == TagKind::Airport) airports.insert(s_world->data().events[t.event].place.name);
    }
    EXPECT_EQ(airports, (std::set<std::string>{"Aktau", "Aktobe", "Almaty", "Nur-Sultan"}));
    for (TagKind k : {TagKind::Curfew, TagKind::Csto, TagKind::ArrowLabel}) {
        EXPECT_TRUE(std::any_of(tags.begin(), tags.end(), [&](const PlacedTag& t) { return t.kind == k; }))
            << "sign kind " << static_cast<int>(k);
    }
    for (std::size_t i = 0; i < tags.size(); ++i) {
        for (std::size_t j = i + 1; j < tags.size(); ++j) {
            EXPECT_FALSE(overlaps(tags[i].box, tags[j].box)) << "signs " << i << " and " << j << " overlap";
        }
        // Inside the view.
        EXPECT_GE(tags[i].box.x, 0.0);
        EXPECT_GE(tags[i].box.y, 0.0);
        EXPECT_LE(tags[i].box.x + tags[i].box.w, 1920.0);
        EXPECT_LE(tags[i].box.y + tags[i].box.h, 1080.0);
    }
    // An airport's aircraft is clear of every event symbol, the violence star at Almaty included.
    for (const auto& t : tags) {
        if (t.kind != TagKind::Airport) continue;
        for (const auto& m : f.marks) {
            if (m.kind == MarkKind::Airport) continue;
            const ScreenPx p = cam.toScreen(m.pos);
            const double reach = m.sizePx * (m.kind == MarkKind::ProtestViolent ? 1.95 : 1.3);
            EXPECT_GT(std::hypot(p.x - t.glyph.x, p.y - t.glyph.y), reach + t.glyphRadiusPx - 0.5)
                << "the aircraft at " << s_world->data().events[t.event].place.name << " sits under a symbol";
        }
        EXPECT_TRUE(t.leader) << "joined to its city";
    }
}

TEST_F(MapSigns, TheCurfewBadgeGivesWayToTheShadingWhenZoomedIn) {
    const FrameLayers f = layersAt("2022-01-06T02:00+06:00");
    const Camera close(*s_projection->project(LonLat{76.93, 43.26}), 60.0, 1280, 720);
    const std::vector<PlacedTag> tags = placeTags(f, context(close));
    EXPECT_TRUE(std::none_of(tags.begin(), tags.end(), [](const PlacedTag& t) { return t.kind == TagKind::Curfew; }))
        << "Almaty fills the view: its shading says it all";
}

TEST_F(MapSigns, SignsKeepClearOfWhatIsAlreadyThere) {
    const FrameLayers f = layersAt("2022-01-06T02:00+06:00");
    const Camera cam = nationalCamera();
    TagContext ctx = context(cam);
    const std::vector<PlacedTag> free = placeTags(f, ctx);
    // Cover every spot a sign took: each moves to where nothing is.
    for (const auto& t : free) ctx.obstacles.push_back(t.box);
    const std::vector<PlacedTag> moved = placeTags(f, ctx);
    ASSERT_EQ(moved.size(), free.size());
    for (const auto& t : moved) {
        for (const auto& o : ctx.obstacles) {
            EXPECT_FALSE(overlaps(t.box, o)) << "sign kind " << static_cast<int>(t.kind) << " at " << t.box.x << "," << t.box.y
                                             << " " << t.box.w << "x" << t.box.h << " over " << o.x << "," << o.y << " " << o.w
                                             << "x" << o.h;
        }
    }
}

TEST(Legend, EveryDrawnKindHasOneEntryWithItsOwnWords) {
    const std::vector<LegendEntry> all = allLegendEntries();
    std::set<LegendSymbol> symbols;
    std::set<std::string> labels;
    for (const auto& e : all) {
        EXPECT_TRUE(symbols.insert(e.symbol).second) << "one entry per symbol";
        EXPECT_TRUE(labels.insert(e.label).second) << e.label;
    }
    EXPECT_EQ(symbols.size(), static_cast<std::size_t>(LegendSymbol::Count));
    for (int k = 0; k < static_cast<int>(MarkKind::Count); ++k) {
        EXPECT_TRUE(symbols.count(legendSymbolFor(static_cast<MarkKind>(k)))) << "mark kind " << k;
    }
    EXPECT_TRUE(symbols.count(LegendSymbol::ProtestViolent)) << "the red spiky star is explained";
    EXPECT_TRUE(symbols.count(LegendSymbol::Capital)) << "the capital's ring is said not to be an event";
}

TEST_F(MapSigns, TheLegendExplainsEverythingTheWeekDraws) {
    EventLayerSettings settings;
    const std::vector<LegendEntry> entries = legendEntries(settings.on);
    std::set<LegendSymbol> listed;
    for (const auto& e : entries) listed.insert(e.symbol);
    std::set<LegendSymbol> drawn;
    for (Instant t = at("2022-01-01T00:00+06:00"); t < at("2022-01-13T00:00+06:00"); t = t + Duration::hours(1)) {
        const FrameLayers f = s_world->layersAt(t, settings);
        for (const auto& m : f.marks) drawn.insert(legendSymbolFor(m.kind));
        for (const auto& a : f.areas) drawn.insert(legendSymbolFor(a.kind));
        for (const auto& b : f.badges) drawn.insert(legendSymbolFor(b.kind));
        for (const auto& a : f.airlifts) drawn.insert(a.approximate ? LegendSymbol::CstoArrow : LegendSymbol::CstoBadge);
    }
    for (LegendSymbol s : drawn) EXPECT_TRUE(listed.count(s)) << "symbol " << static_cast<int>(s) << " has no legend entry";
    for (auto s : {LegendSymbol::ProtestViolent, LegendSymbol::Airport, LegendSymbol::CstoArrow, LegendSymbol::Curfew,
                   LegendSymbol::Internet, LegendSymbol::Emergency}) {
        EXPECT_TRUE(drawn.count(s)) << "the week draws symbol " << static_cast<int>(s);
    }
    // A layer switched off takes its entries with it.
    settings.on[static_cast<std::size_t>(EventLayer::Airports)] = false;
    for (const auto& e : legendEntries(settings.on)) EXPECT_NE(e.symbol, LegendSymbol::Airport);
}
