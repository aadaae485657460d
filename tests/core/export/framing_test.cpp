// Framing an export from the command line (core/export/framing.hpp, figure_layout.hpp): --view,
// --bbox, --layers, --zone, --dpi, --grid and --times with their bad values; the box a --bbox
// projects to; the event moments --at-events draws; and where a grid's panels go.
#include "core/export/framing.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/export/export_spec.hpp"
#include "core/export/figure_layout.hpp"
#include "core/bundled.hpp"

using namespace qantar::core;
using qantar::test::bundledProjection;
using qantar::test::bundledWorld;

namespace {

Instant at(const char* iso) { return parseIsoTime(iso)->instant; }

// The message of a failed parse ("" when it succeeded).
template <typename T>
std::string messageOf(const Expected<T>& e) {
    return e ? std::string() : e.error().message;
}

}  // namespace

TEST(ExportFraming, ViewTakesLonLatAndSpanAsAStorySceneDoes) {
    auto v = parseGeoView("76.9,43.25,300");
    ASSERT_TRUE(v) << v.error().message;
    EXPECT_DOUBLE_EQ(v->center.lon, 76.9);
    EXPECT_DOUBLE_EQ(v->center.lat, 43.25);
    EXPECT_DOUBLE_EQ(v->spanKm, 300.0);
    EXPECT_TRUE(parseGeoView(" 51.2 , 43.6 , 5 "));
    auto ev = resolveGeoView(*v, bundledProjection());
    ASSERT_TRUE(ev);
    EXPECT_DOUBLE_EQ(ev->spanMeters, 300000.0) << "the span is map metres, as a story scene's";
    const MapXY almaty = *bundledProjection().project({76.9, 43.25});
    EXPECT_NEAR(ev->center.x, almaty.x, 1e-6);
    EXPECT_NEAR(ev->center.y, almaty.y, 1e-6);
}

TEST(ExportFraming, BadViewsSayWhatIsWrong) {
    EXPECT_NE(messageOf(parseGeoView("76.9,43.25")).find("LON,LAT,SPAN_KM"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoView("76.9,43.25,300,1")).find("LON,LAT,SPAN_KM"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoView("east,43,300")).find("'east,43,300'"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoView("")).find("LON,LAT,SPAN_KM"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoView("200,43,300")).find("longitude 200"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoView("76,-91,300")).find("latitude -91"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoView("76,43,1")).find("span 1 km"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoView("76,43,30000")).find("5 to 20000"), std::string::npos);
    EXPECT_FALSE(parseGeoView("76,43,nan"));
    EXPECT_FALSE(parseGeoView("76,43,inf"));
}

TEST(ExportFraming, BoxTakesWestSouthEastNorth) {
    auto b = parseGeoBox("75.5,42.8,78.5,44.2");
    ASSERT_TRUE(b) << b.error().message;
    EXPECT_DOUBLE_EQ(b->lonMin, 75.5);
    EXPECT_DOUBLE_EQ(b->latMin, 42.8);
    EXPECT_DOUBLE_EQ(b->lonMax, 78.5);
    EXPECT_DOUBLE_EQ(b->latMax, 44.2);
    EXPECT_NE(messageOf(parseGeoBox("75.5,42.8,78.5")).find("W,S,E,N"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoBox("78.5,42.8,75.5,44.2")).find("west edge 78.5"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoBox("75.5,44.2,78.5,42.8")).find("south edge 44.2"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoBox("75.5,42.8,181,44.2")).find("longitude 181"), std::string::npos);
    EXPECT_NE(messageOf(parseGeoBox("75.5,-95,78.5,44.2")).find("latitude -95"), std::string::npos);
}

TEST(ExportFraming, ProjectedBoxHoldsTheWholeCurvedBox) {
    // Kazakhstan's width: on a conic map the parallels bow, so the middle of the south edge lies
    // below its corners; the box must hold it.
    const GeoBox geo{46.0, 88.0, 40.0, 56.0};
    auto box = projectGeoBox(geo, bundledProjection());
    ASSERT_TRUE(box) << box.error().message;
    for (double lon = geo.lonMin; lon <= geo.lonMax; lon += 1.0) {
        for (double lat : {geo.latMin, geo.latMax}) {
            const MapXY p = *bundledProjection().project({lon, lat});
            EXPECT_TRUE(p.x >= box->minX - 1 && p.x <= box->maxX + 1 && p.y >= box->minY - 1 && p.y <= box->maxY + 1)
                << lon << "," << lat;
        }
    }
    const MapXY corner = *bundledProjection().project({geo.lonMin, geo.latMin});
    const MapXY middle = *bundledProjection().project({(geo.lonMin + geo.lonMax) / 2, geo.latMin});
    EXPECT_LT(middle.y, corner.y - 1000.0) << "the test needs a curved parallel";
    EXPECT_LE(box->minY, middle.y);
    // Wholly off the map (the Americas): refused, naming what the map covers.
    const std::string m = messageOf(projectGeoBox(GeoBox{-100, -90, 30, 40}, bundledProjection()));
    EXPECT_NE(m.find("outside the map"), std::string::npos) << m;
}

TEST(ExportFraming, BoxFitsWholeAtAnyAspect) {
    MapScene scene;  // no bounds: the framing alone
    auto box = projectGeoBox(GeoBox{75.5, 78.5, 42.8, 44.2}, bundledProjection());
    ASSERT_TRUE(box);
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{600, 1400}, std::pair{1000, 1000}}) {
        ExportSpec spec;
        spec.widthPx = w;
        spec.heightPx = h;
        spec.view = ExportView{};
        spec.view->fit = *box;
        const Camera cam = exportCamera(spec, scene);
        const ScreenPx a = cam.toScreen({box->minX, box->maxY}), b = cam.toScreen({box->maxX, box->minY});
        EXPECT_GE(a.x, 0) << w << "x" << h;
        EXPECT_GE(a.y, 0);
        EXPECT_LE(b.x, w);
        EXPECT_LE(b.y, h);
        // Fitted: the box fills the frame's width or its height, less the thin margin.
        const double fill = std::max((b.x - a.x) / w, (b.y - a.y) / h);
        EXPECT_GT(fill, 0.9) << w << "x" << h;
    }
}

TEST(ExportFraming, LayersUseTheStoryIdsAndThePanelLabels) {
    EXPECT_STREQ(mapLayerId(MapLayer::CountryBorders), "country-borders");
    for (int i = 0; i < kMapLayerCount; ++i) {
        EXPECT_EQ(parseMapLayerId(mapLayerId(static_cast<MapLayer>(i))), static_cast<MapLayer>(i));
    }
    auto c = parseLayerList("curfew,violence");
    ASSERT_TRUE(c) << c.error().message;
    LayerVisibility map;
    EventLayerSettings events;
    applyLayerChoice(*c, map, events);
    for (int i = 0; i < kEventLayerCount; ++i) {
        const auto l = static_cast<EventLayer>(i);
        EXPECT_EQ(events.visible(l), l == EventLayer::Curfew || l == EventLayer::Violence) << eventLayerId(l);
    }
    EXPECT_TRUE(map.visible(MapLayer::Regions)) << "naming only event layers leaves the base map as it was";

    // The panel's labels, in any case, and base map layers: exactly those.
    auto d = parseLayerList("Curfew hours, lakes and seas,regions,labels");
    ASSERT_TRUE(d) << d.error().message;
    LayerVisibility map2;
    EventLayerSettings events2;
    applyLayerChoice(*d, map2, events2);
    EXPECT_TRUE(events2.visible(EventLayer::Curfew));
    EXPECT_FALSE(events2.visible(EventLayer::Protests));
    for (int i = 0; i < kMapLayerCount; ++i) {
        const auto l = static_cast<MapLayer>(i);
        EXPECT_EQ(map2.visible(l), l == MapLayer::Water || l == MapLayer::Regions || l == MapLayer::Labels) << mapLayerId(l);
    }
}

TEST(ExportFraming, LeadingMinusSwitchesOneLayerOff) {
    auto c = parseLayerList("-night,-graticule");
    ASSERT_TRUE(c) << c.error().message;
    LayerVisibility map;
    EventLayerSettings events;
    applyLayerChoice(*c, map, events);
    EXPECT_FALSE(map.visible(MapLayer::Night));
    EXPECT_FALSE(map.visible(MapLayer::Graticule));
    EXPECT_TRUE(map.visible(MapLayer::Regions));
    EXPECT_TRUE(events.visible(EventLayer::Protests)) << "event layers untouched";
    auto d = parseLayerList("curfew,violence,-violence");
    ASSERT_TRUE(d);
    EventLayerSettings events2;
    applyLayerChoice(*d, map, events2);
    EXPECT_TRUE(events2.visible(EventLayer::Curfew));
    EXPECT_FALSE(events2.visible(EventLayer::Violence));
    EXPECT_FALSE(events2.visible(EventLayer::Protests));
    EXPECT_NE(messageOf(parseLayerList("-riots")).find("unknown layer '-riots'"), std::string::npos);
}

TEST(ExportFraming, UnknownLayerListsEveryValidName) {
    const std::string m = messageOf(parseLayerList("curfew,riots"));
    EXPECT_NE(m.find("unknown layer 'riots'"), std::string::npos) << m;
    for (const char* name : {"protests", "government", "neighbours", "night", "country-borders"}) {
        EXPECT_NE(m.find(name), std::string::npos) << name << " in: " << m;
    }
    EXPECT_FALSE(parseLayerList(""));
    EXPECT_FALSE(parseLayerList("curfew,,violence"));
}

TEST(ExportFraming, ZonesAreTheWindowsThree) {
    EXPECT_EQ(*parseZoneName("almaty"), kAlmatyTime);
    EXPECT_EQ(*parseZoneName("West"), kWestTime);
    EXPECT_EQ(*parseZoneName("utc"), kUtc);
    EXPECT_NE(messageOf(parseZoneName("moscow")).find("'moscow'"), std::string::npos);
    EXPECT_NE(messageOf(parseZoneName("+03:00")).find("almaty"), std::string::npos);
    for (ZoneOffset z : {kAlmatyTime, kWestTime, kUtc}) EXPECT_EQ(*parseZoneName(zoneName(z)), z);
    EXPECT_EQ(zoneDescription(kWestTime), "West Kazakhstan time (UTC+5)");
}

TEST(ExportFraming, DpiSizesAPrintPresetsPage) {
    EXPECT_TRUE(presetPaper("a4-portrait"));
    EXPECT_FALSE(presetPaper("1080p"));
    // Every print preset is its paper at 300 dpi.
    for (const auto& p : exportPresets()) {
        if (!presetPaper(p.name)) continue;
        auto size = printSize(p.name, kDefaultPrintDpi);
        ASSERT_TRUE(size) << p.name;
        EXPECT_EQ(size->first, p.widthPx) << p.name;
        EXPECT_EQ(size->second, p.heightPx) << p.name;
    }
    EXPECT_EQ(*printSize("a4-portrait", 150), std::make_pair(1240, 1754));
    EXPECT_NE(messageOf(printSize("1080p", 300)).find("print presets"), std::string::npos);
    EXPECT_NE(messageOf(printSize("a4-portrait", 50)).find("72 to 1200"), std::string::npos);
    EXPECT_NE(messageOf(printSize("a4-portrait", 600)).find("use a lower --dpi"), std::string::npos);
    // Text in points: the 11 px credit prints at 6 pt or more at any resolution, and at 300 dpi
    // the page draws text 3.125 times a 1080p frame's.
    for (int dpi : {150, 300}) {
        const float creditPt = 11.0f * pixelScaleForDpi(dpi) * 72.0f / static_cast<float>(dpi);
        EXPECT_GE(creditPt, 6.0f) << dpi;
    }
    ExportSpec a4;
    a4.widthPx = 2480;
    a4.heightPx = 3508;
    a4.dpi = 300;
    EXPECT_FLOAT_EQ(exportPixelScale(a4), 3.125f);
    a4.dpi = 0;
    EXPECT_FLOAT_EQ(exportPixelScale(a4), pixelScaleForSize(2480, 3508));
}

TEST(ExportFraming, GridShapes) {
    auto g = parseGridShape("3x2");
    ASSERT_TRUE(g);
    EXPECT_EQ(g->cols, 3);
    EXPECT_EQ(g->rows, 2);
    EXPECT_EQ(parseGridShape("2X3")->panels(), 6);
    EXPECT_NE(messageOf(parseGridShape("3by2")).find("COLSxROWS"), std::string::npos);
    EXPECT_NE(messageOf(parseGridShape("x2")).find("COLSxROWS"), std::string::npos);
    EXPECT_NE(messageOf(parseGridShape("0x2")).find("1 to 6"), std::string::npos);
    EXPECT_NE(messageOf(parseGridShape("7x1")).find("1 to 6"), std::string::npos);
    EXPECT_NE(messageOf(parseGridShape("1x1")).find("at least 2"), std::string::npos);
    EXPECT_NE(messageOf(parseGridShape("6x5")).find("at most 26"), std::string::npos);
}

TEST(ExportFraming, GridMomentsFromAListOrARange) {
    auto t = parseTimeList("2022-01-05T12:00, 2022-01-05T20:00+05:00", kAlmatyTime);
    ASSERT_TRUE(t) << t.error().message;
    ASSERT_EQ(t->size(), 2u);
    EXPECT_EQ((*t)[0], at("2022-01-05T12:00+06:00"));
    EXPECT_EQ((*t)[1], at("2022-01-05T21:00+06:00"));
    EXPECT_EQ((*parseTimeList("2022-01-05T12:00", kUtc))[0], at("2022-01-05T12:00Z")) << "read in the zone given";
    EXPECT_NE(messageOf(parseTimeList("2022-01-05T12:00,,2022-01-06", kAlmatyTime)).find("separated by commas"), std::string::npos);
    EXPECT_FALSE(parseTimeList("2022-01-05T12:00,tomorrow", kAlmatyTime));

    const GridShape g{3, 2};
    EXPECT_FALSE(checkGridTimes(std::vector<Instant>(6), g));
    EXPECT_NE(checkGridTimes(std::vector<Instant>(5), g)->message.find("6 panels but 5 moments"), std::string::npos);
    EXPECT_NE(checkGridTimes(std::vector<Instant>(7), g)->message.find("6 panels but 7 moments"), std::string::npos);

    // Evenly spread, both ends included, on whole hours (14.4 h apart).
    auto even = gridTimes(at("2022-01-04T12:00"), at("2022-01-07T12:00"), std::nullopt, 6);
    ASSERT_TRUE(even) << even.error().message;
    ASSERT_EQ(even->size(), 6u);
    EXPECT_EQ(even->front(), at("2022-01-04T12:00"));
    EXPECT_EQ((*even)[1], at("2022-01-05T02:00"));
    EXPECT_EQ((*even)[2], at("2022-01-05T17:00"));
    // Minutes apart: on whole minutes.
    auto close = gridTimes(at("2022-01-05T12:00"), at("2022-01-05T13:00"), std::nullopt, 4);
    EXPECT_EQ((*close)[1], at("2022-01-05T12:20"));
    EXPECT_EQ(even->back(), at("2022-01-07T12:00"));
    // Every step: the count must match.
    auto stepped = gridTimes(at("2022-01-05T00:00"), at("2022-01-05T20:00"), Duration::hours(4), 6);
    ASSERT_TRUE(stepped) << stepped.error().message;
    EXPECT_EQ((*stepped)[5], at("2022-01-05T20:00"));
    const std::string m = messageOf(gridTimes(at("2022-01-05T00:00"), at("2022-01-05T20:00"), Duration::hours(2), 6));
    EXPECT_NE(m.find("11 moments for 6 panels"), std::string::npos) << m;
    EXPECT_FALSE(gridTimes(at("2022-01-06"), at("2022-01-05"), std::nullopt, 6));
    EXPECT_FALSE(gridTimes(at("2022-01-06"), at("2022-01-06"), std::nullopt, 6));
}

TEST(ExportFraming, PanelStampsReadAsAJournalsLabels) {
    EXPECT_EQ(panelLetter(0), "a");
    EXPECT_EQ(panelLetter(25), "z");
    EXPECT_EQ(panelMoment(at("2022-01-05T20:00+06:00"), kAlmatyTime, false), "5 Jan 20:00");
    EXPECT_EQ(panelMoment(at("2022-01-05T20:00+06:00"), kUtc, false), "5 Jan 14:00");
    EXPECT_EQ(panelMoment(at("2022-01-05T20:00+06:00"), kAlmatyTime, true), "5 Jan 2022 20:00");
}

TEST(ExportFraming, GridSpecIsCheckedBeforeDrawing) {
    ExportSpec s;
    s.out = "grid.png";
    s.grid = GridShape{2, 2};
    s.times = std::vector<Instant>(3);
    auto p = exportProblem(s);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->field, ExportField::Grid);
    s.times.resize(4);
    EXPECT_FALSE(exportProblem(s));
    s.kind = ExportKind::Sequence;
    ASSERT_TRUE(exportProblem(s));
    EXPECT_EQ(exportProblem(s)->field, ExportField::Grid);
}

TEST(ExportFraming, SequenceAtGivenMomentsHasOneFrameEach) {
    ExportSpec s;
    s.kind = ExportKind::Sequence;
    s.out = "frames";
    s.from = at("2022-01-05T00:00");
    s.to = at("2022-01-06T00:00");
    s.times = {at("2022-01-05T03:00"), at("2022-01-05T17:30")};
    EXPECT_FALSE(exportProblem(s));
    EXPECT_EQ(frameCount(s), 2u);
    EXPECT_EQ(sequenceTime(s, 1), at("2022-01-05T17:30"));
}

TEST(ExportFraming, EventMomentsAreEveryStartAndEndInRangeOnce) {
    const EventWorld& world = bundledWorld();
    const Instant from = at("2022-01-04T00:00"), to = at("2022-01-06T00:00");
    EventLayerSettings all;
    const auto moments = eventMoments(world, from, to, all);
    std::set<std::int64_t> expected;
    for (std::size_t i = 0; i < world.data().events.size(); ++i) {
        const Interval& iv = world.index().interval(i);
        for (Instant t : {iv.start, iv.end}) {
            if (from <= t && t <= to) expected.insert(t.unixSeconds);
        }
    }
    ASSERT_FALSE(expected.empty());
    ASSERT_EQ(moments.size(), expected.size());
    EXPECT_TRUE(std::is_sorted(moments.begin(), moments.end()));
    std::size_t k = 0;
    for (std::int64_t t : expected) EXPECT_EQ(moments[k++].unixSeconds, t);

    // Only the layers shown: fewer moments with the curfew alone, and each is a curfew's.
    EventLayerSettings curfew;
    curfew.on.fill(false);
    curfew.on[static_cast<std::size_t>(EventLayer::Curfew)] = true;
    const auto few = eventMoments(world, from, to, curfew);
    EXPECT_LT(few.size(), moments.size());
}

TEST(FigureLayout, PanelsFillTheGridWithThinGapsBetweenHeaderAndFooter) {
    auto L = layoutFigure(1920, 1080, GridShape{3, 2}, 1.0f, 60, 80);
    ASSERT_TRUE(L) << L.error().message;
    ASSERT_EQ(L->panels.size(), 6u);
    const int gap = figureGap(1.0f);
    EXPECT_GT(gap, 0);
    EXPECT_LE(gap, 8) << "thin gaps";
    // Same size; gaps exactly `gap` between neighbours; inside the image between header and footer.
    for (std::size_t i = 0; i < 6; ++i) {
        const PixelRect& r = L->panels[i];
        EXPECT_EQ(r.w, L->panelWidth);
        EXPECT_EQ(r.h, L->panelHeight);
        EXPECT_GE(r.y, L->header.y + L->header.h);
        EXPECT_LE(r.y + r.h, L->footer.y);
        EXPECT_GE(r.x, 0);
        EXPECT_LE(r.x + r.w, 1920);
        if (i % 3 != 2) {
            EXPECT_EQ(L->panels[i + 1].x - (r.x + r.w), gap);
        }
        if (i < 3) {
            EXPECT_EQ(L->panels[i + 3].y - (r.y + r.h), gap);
        }
    }
    // Centred: the margins on both sides differ by at most a pixel.
    const int left = L->panels[0].x, right = 1920 - (L->panels[2].x + L->panels[2].w);
    EXPECT_LE(std::abs(left - right), 1);
    // Without header and footer the panels take the height.
    auto bare = layoutFigure(1920, 1080, GridShape{3, 2}, 1.0f, 0, 0);
    EXPECT_GT(bare->panelHeight, L->panelHeight);
}

TEST(FigureLayout, TooSmallPanelsAreRefused) {
    auto L = layoutFigure(640, 360, GridShape{6, 4}, 0.75f, 0, 0);
    ASSERT_FALSE(L);
    EXPECT_NE(L.error().message.find("larger size or fewer panels"), std::string::npos) << L.error().message;
}

TEST(FigureLayout, LegendItemsFlowIntoRows) {
    const auto places = flowRows({100, 100, 100, 250, 40}, 330, 10);
    ASSERT_EQ(places.size(), 5u);
    EXPECT_EQ(places[0].row, 0);
    EXPECT_FLOAT_EQ(places[1].x, 110);
    EXPECT_EQ(places[2].row, 0);
    EXPECT_FLOAT_EQ(places[2].x, 220);
    EXPECT_EQ(places[3].row, 1);
    EXPECT_FLOAT_EQ(places[3].x, 0);
    EXPECT_EQ(places[4].row, 1);
    // An item wider than the row gets a row alone.
    const auto wide = flowRows({50, 500, 50}, 300, 10);
    EXPECT_EQ(wide[1].row, 1);
    EXPECT_EQ(wide[2].row, 2);
}
