// The journeys of ../shared/reviews/user-tour-2026-12 (sections 3, 9, 10, 12-15, 18, 21, 23 and
// 24), each walked through in-process as a user would, and each checking what the review found
// wrong. Test names carry the section number; docs/review-2026-12.md maps every finding to its
// fix and its test.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/events/caption.hpp"
#include "core/export/export_spec.hpp"
#include "core/io/text_file.hpp"
#include "core/io/user_files.hpp"
#include "core/time/time.hpp"
#include "render/image.hpp"
#include "ui/key_bindings.hpp"
#include "ui_driver.hpp"

using namespace qantar;
using qantar::test::DriverOptions;
using qantar::test::UiDriver;

namespace {

namespace fs = std::filesystem;

const std::string kData = QANTAR_IMPORT_DATA_DIR;

const std::string& home() { return qantar::test::useTemporaryHome(); }

DriverOptions at(const char* time, int w = 1280, int h = 720) {
    (void)home();
    DriverOptions o;
    o.time = time;
    o.width = w;
    o.height = h;
    return o;
}

core::Instant instant(const char* iso) { return core::parseIsoTime(iso)->instant; }

// The position of an event of the loaded dataset, for SelectEvent; fails the test when it is absent.
std::uint32_t eventIndex(UiDriver& d, const char* id) {
    const auto& events = d.state().world->data().events;
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].id == id) return static_cast<std::uint32_t>(i);
    ADD_FAILURE() << "no event '" << id << "' in the dataset";
    return 0;
}

// Clicks a text field, selects all it holds and types `text` in its place.
void typeInto(UiDriver& d, const std::string& label, const std::string& window, const std::string& text) {
    ASSERT_TRUE(d.clickItem(label, window)) << label << " in " << window;
    d.key(GLFW_KEY_A, GLFW_MOD_CONTROL);
    d.type(text);
}

// Frames until the export just asked for has run (it starts on the next frame).
void waitForExport(UiDriver& d) {
    d.frame(2);
    for (int i = 0; i < 2000 && d.state().exportStatus.running; ++i) d.frame();
}

std::size_t fileCount(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file();
    return n;
}

// Pixels in a square around `p` whose colour is within `tol` of `c`.
int pixelsNear(const render::Image& img, core::ScreenPx p, int radius, const core::Rgba& c, int tol = 60) {
    int n = 0;
    for (int y = static_cast<int>(p.y) - radius; y <= static_cast<int>(p.y) + radius; ++y) {
        for (int x = static_cast<int>(p.x) - radius; x <= static_cast<int>(p.x) + radius; ++x) {
            if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
            const auto* q = img.at(x, y);
            const int dist = std::abs(q[0] - static_cast<int>(c.r * 255)) + std::abs(q[1] - static_cast<int>(c.g * 255)) +
                             std::abs(q[2] - static_cast<int>(c.b * 255));
            n += dist < tol;
        }
    }
    return n;
}

}  // namespace

// --- §3: File > Open > Replace ---------------------------------------------------------------

TEST(Journey03, ReplacingTheEventsRedrawsTheMapAtOnce) {
    // 2 January: the Taldykorgan protest is on the map and nothing is shaded, so only the symbols
    // tell the old dataset from the new one (which has nothing at Taldykorgan).
    UiDriver d(at("2022-01-02T12:00+06:00"));
    const core::MapXY taldykorgan = *d.state().projection->project(core::LonLat{78.3667, 45.0167});
    d.state().camera.frameIn(taldykorgan, 400000.0, d.state().layout.mapFree);
    d.frame(30);  // settle: the multisampled map
    const auto& layout = d.state().layout;
    const core::ScreenPx px = d.state().camera.toScreen(taldykorgan);
    const core::ScreenPx onScreen{px.x + layout.map.x, px.y + layout.map.y};
    const core::Rgba protest = core::theme(d.state().theme).marks[static_cast<int>(core::MarkKind::Protest)];
    ASSERT_TRUE(d.state().frame.areas.empty());
    const int before = pixelsNear(d.screenshot(), onScreen, 14, protest);
    ASSERT_GT(before, 10) << "the Taldykorgan protest is on the map before";

    d.key(GLFW_KEY_O, GLFW_MOD_CONTROL);
    d.frame(2);
    typeInto(d, "##source", "Open or import events", kData + "/kml_timestamp_timespan.kml");
    ASSERT_TRUE(d.clickItem("Replace the events", "Open or import events"));
    ASSERT_TRUE(d.clickItem("Open", "Open or import events"));
    d.frame(2);
    ASSERT_EQ(d.state().world->data().events.size(), 5u);
    for (const auto& m : d.state().frame.marks) {
        EXPECT_LT(m.event, 5u) << "the map draws only the events loaded now";
    }
    ASSERT_TRUE(d.clickItem("Close", "Open or import events"));
    d.frame(30);
    ASSERT_FALSE(d.hasWindow("Open or import events")) << "no dialog dims the map";
    const int after = pixelsNear(d.screenshot(), onScreen, 14, protest);
    EXPECT_LT(after, before / 4) << "the old dataset's protest must be gone without the clock moving";
}

// --- §8: what is in force, said in presentation mode as in the window ---------------------------

TEST(Journey08, PresentationSaysWhatIsInForceAsTheWindowDoes) {
    DriverOptions o = at("2022-01-01T12:00", 1920, 1080);
    o.present = true;
    UiDriver d(o);
    for (int k = 0; k < 4; ++k) d.key(GLFW_KEY_PAGE_DOWN);
    ASSERT_EQ(d.state().player.scene(), 4) << "scene 5: emergency, blackout, resignation";
    d.advance(8.0, 0.25);
    // The presentation column prints the moment's lines after the date (the counters, then what
    // is in force), the same lines the window's moment box prints.
    const auto lines = core::momentCaption(*d.state().world, d.state().frame, d.state().displayZone);
    ASSERT_GT(lines.size(), core::kMomentNotesLine);
    const std::string inForce = lines[core::kMomentNotesLine];
    EXPECT_NE(inForce.find("Internet shut down nationwide"), std::string::npos) << inForce;
    EXPECT_NE(inForce.find("State of emergency"), std::string::npos) << inForce;
    // Leaving the presentation shows the same line in the window's moment box.
    d.key(GLFW_KEY_ESCAPE);
    d.frame(2);
    const auto window = core::momentCaption(*d.state().world, d.state().frame, d.state().displayZone);
    ASSERT_GE(window.size(), 3u);
    EXPECT_EQ(window[core::kMomentNotesLine], inForce);
}

// --- §9: presenting ----------------------------------------------------------------------------

TEST(Journey09, PageDownPastTheLastSceneShowsTheEndAndChangesNoNumber) {
    DriverOptions o = at("2022-01-01T12:00");
    o.present = true;
    UiDriver d(o);
    ASSERT_TRUE(d.state().presenting);
    const int scenes = d.state().player.sceneCount();
    for (int k = 1; k < scenes; ++k) d.key(GLFW_KEY_PAGE_DOWN);
    ASSERT_EQ(d.state().player.scene(), scenes - 1);
    d.advance(20.0, 0.25);  // the last scene plays to its end
    const core::Instant shown = d.state().clock.now;
    const auto deaths = d.state().frame.counters[core::FigureKind::Deaths];
    d.key(GLFW_KEY_PAGE_DOWN);
    d.key(GLFW_KEY_PAGE_DOWN);
    d.advance(3.0, 0.25);
    EXPECT_TRUE(d.state().player.ended());
    EXPECT_EQ(d.state().clock.now, shown) << "the clock did not jump back to the start of the last scene";
    EXPECT_EQ(d.state().frame.counters[core::FigureKind::Deaths].max, deaths.max);
    d.key(GLFW_KEY_PAGE_UP);
    EXPECT_EQ(d.state().player.scene(), scenes - 1) << "PageUp from the end card goes back to the last scene";
}

TEST(Journey09, EscLeavesPresentingAndStopsTheStory) {
    DriverOptions o = at("2022-01-01T12:00", 1920, 1080);
    o.present = true;
    UiDriver d(o);
    d.key(GLFW_KEY_PAGE_DOWN);
    d.advance(1.0);
    ASSERT_EQ(d.state().player.scene(), 1);
    d.key(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(d.state().presenting);
    EXPECT_TRUE(d.state().player.idle());
    const core::Instant t = d.state().clock.now;
    d.advance(5.0, 0.25);
    EXPECT_EQ(d.state().clock.now, t) << "nothing goes on playing in the window after Esc";
    EXPECT_TRUE(d.hasWindow("Events")) << "the panels are back";
    const auto events = d.windows();
    for (const auto& w : events) {
        EXPECT_LE(w.rect.x + w.rect.w, 1920.5f) << w.title << " is cut off at the right edge";
    }
}

TEST(Journey09, EachScenesSubjectIsFramedClearOfTheCaption) {
    for (auto [w, h] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
        DriverOptions o = at("2022-01-01T12:00", w, h);
        o.present = true;
        o.presenterScale = std::max(0.85f, static_cast<float>(h) / 1080.0f);
        UiDriver d(o);
        const core::Story& story = *d.state().story.story;
        for (int k = 0; k < static_cast<int>(story.scenes.size()); ++k) {
            if (k > 0) d.key(GLFW_KEY_PAGE_DOWN);
            d.advance(story.scenes[static_cast<std::size_t>(k)].transitionSeconds + 0.2, 0.5);
            const auto& sc = story.scenes[static_cast<std::size_t>(k)];
            if (!sc.view) continue;
            const core::ScreenPx p = d.state().camera.toScreen(*d.state().projection->project(sc.view->center));
            const core::ScreenRect& caption = d.state().layout.caption;
            EXPECT_LT(p.x, caption.x) << w << "x" << h << " scene " << k + 1 << ": its centre is under the caption";
            const core::ScreenRect& free = d.state().layout.mapFree;
            EXPECT_NEAR(p.x, free.x + free.w / 2, 2.0) << "scene " << k + 1;
        }
    }
}

TEST(Journey09, PresentationTypeIsLargeEnoughForAProjector) {
    DriverOptions o = at("2022-01-01T12:00", 1920, 1080);
    UiDriver d(o);
    const ui::Fonts fonts = [] {
        ui::Fonts f;
        ImGuiIO& io = ImGui::GetIO();
        f.presenterSmall = io.Fonts->Fonts[5];
        f.presenterBody = io.Fonts->Fonts[4];
        return f;
    }();
    EXPECT_GE(fonts.presenterSmall->FontSize, 22.0f) << "sources and 'Scene n of 8' are no longer 11 px";
    EXPECT_GE(fonts.presenterBody->FontSize, 28.0f);
}

// --- §10: story slides from the window ----------------------------------------------------------

TEST(Journey10, StorySlidesFromTheWindowAreStampedInsideTheirScenes) {
    UiDriver d(at("2022-01-05T20:00"));
    d.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
    d.frame(2);
    ASSERT_TRUE(d.clickItem("Story slides (PNGs)", "Export"));
    const fs::path out = fs::path(home()) / "slides";
    typeInto(d, "Folder", "Export", out.string());
    ASSERT_TRUE(d.clickItem("Export", "Export"));
    waitForExport(d);
    EXPECT_FALSE(d.state().exportStatus.failed) << d.state().exportStatus.message;
    EXPECT_EQ(fileCount(out), d.state().story.story->scenes.size());
    EXPECT_TRUE(fs::exists(out / "scene_02.png"));
    EXPECT_NE(d.state().exportStatus.message.find(out.string()), std::string::npos)
        << "the message names the full path: " << d.state().exportStatus.message;
}

// --- §12: the timeline follows the playhead ------------------------------------------------------

TEST(Journey12, TheTimelineKeepsThePlayheadInViewAfterEveryJump) {
    UiDriver d(at("2022-01-05T12:00"));
    const core::ScreenRect tl = d.state().layout.timeline;
    const float x = static_cast<float>(tl.x + tl.w * 0.5), y = static_cast<float>(tl.y + tl.h * 0.6);
    for (int i = 0; i < 8; ++i) d.wheel(x, y, 1.0f);  // zoomed in to about a day
    const core::TimeAxis& axis = d.gui().timeline().axis();
    ASSERT_LT((axis.end() - axis.start()).seconds, core::Duration::days(4).seconds);
    auto inView = [&] { return axis.start() <= d.state().clock.now && d.state().clock.now < axis.end(); };
    for (int i = 0; i < 10; ++i) {
        d.key(GLFW_KEY_RIGHT);
        EXPECT_TRUE(inView()) << "after " << i + 1 << " presses of the right arrow";
    }
    d.state().actions.push(ui::action::SelectEvent{eventIndex(d, "zhanaozen-lpg-protest-begins")});  // 2 January
    d.frame(2);
    EXPECT_TRUE(inView()) << "after a selection in the list";
    typeInto(d, "##goto", "Timeline", "12 Jan 18:00");
    d.key(GLFW_KEY_ENTER);
    d.frame();
    EXPECT_EQ(d.state().clock.now, instant("2022-01-12T18:00+06:00"));
    EXPECT_TRUE(inView()) << "after typing a moment";
}

TEST(Journey12, ClickingScrubbingAndPlayingTheTimeline) {
    UiDriver d(at("2022-01-02T00:00"));
    const core::TimeAxis& axis = d.gui().timeline().axis();
    // A click on the tick row at noon on 6 January puts the clock there.
    const auto xOf = [&](const char* iso) { return static_cast<float>(axis.toX(instant(iso))); };
    const auto track = d.item("##track", "Timeline");
    ASSERT_TRUE(track.has_value());
    const float tickY = track->rect.y + 8.0f;
    d.click(xOf("2022-01-06T12:00"), tickY);
    d.frame();
    EXPECT_LT(std::abs((d.state().clock.now - instant("2022-01-06T12:00")).seconds), 3600);
    EXPECT_EQ(d.session().mapEventsTime(), d.state().clock.now) << "the map shows the moment the clock is on";
    // A drag from 3 January to 9 January scrubs the clock along and leaves it on 9 January.
    const float laneY = track->rect.y + track->rect.h * 0.75f;
    d.drag(xOf("2022-01-03T12:00"), laneY, xOf("2022-01-09T12:00"), laneY);
    d.frame();
    EXPECT_LT(std::abs((d.state().clock.now - instant("2022-01-09T12:00")).seconds), 6 * 3600);
    EXPECT_EQ(d.session().mapEventsTime(), d.state().clock.now);
    // Space plays.
    const core::Instant before = d.state().clock.now;
    d.key(GLFW_KEY_SPACE);
    d.advance(1.0);
    EXPECT_TRUE(d.state().clock.playing);
    EXPECT_GT(d.state().clock.now, before);
}

// --- §13: the Open dialog ------------------------------------------------------------------------

TEST(Journey13, AFileBrowserChoosesTheFileAndNoOldMessageIsShown) {
    UiDriver d(at("2022-01-05T20:00"));
    const std::size_t loaded = d.state().world->data().events.size();
    ASSERT_GT(loaded, 0u);
    d.key(GLFW_KEY_O, GLFW_MOD_CONTROL);
    d.frame(2);
    ASSERT_TRUE(d.clickItem("Browse...", "Open or import events"));
    d.frame(2);
    ASSERT_TRUE(d.hasWindow("Choose a file"));
    // The browser: Tab to its path field, type the file, Enter.
    d.key(GLFW_KEY_TAB);
    d.key(GLFW_KEY_A, GLFW_MOD_CONTROL);
    d.type(kData + "/broken/truncated.geojson");
    d.key(GLFW_KEY_ENTER);
    d.frame(2);
    EXPECT_FALSE(d.hasWindow("Choose a file"));
    ASSERT_TRUE(d.clickItem("Open", "Open or import events"));
    d.frame(2);
    const std::string message = d.gui().openDialog().shownMessage();
    EXPECT_NE(message.find("truncated.geojson"), std::string::npos) << message;
    EXPECT_EQ(d.state().world->data().events.size(), loaded) << "the events loaded before stay";
    ASSERT_TRUE(d.clickItem("Close", "Open or import events"));
    d.key(GLFW_KEY_O, GLFW_MOD_CONTROL);
    d.frame(2);
    EXPECT_TRUE(d.gui().openDialog().shownMessage().empty()) << "reopening shows no earlier import's message";
}

TEST(Journey13, TheFieldPickerBelongsToItsSourceAndSpeaksToTheWindow) {
    UiDriver d(at("2022-01-05T20:00"));
    d.key(GLFW_KEY_O, GLFW_MOD_CONTROL);
    d.frame(2);
    typeInto(d, "##source", "Open or import events", kData + "/geojson_no_time.geojson");
    ASSERT_TRUE(d.clickItem("Open", "Open or import events"));
    d.frame(2);
    EXPECT_TRUE(d.gui().openDialog().offersFields());
    EXPECT_TRUE(d.item("Start (or only) time", "Open or import events").has_value());
    EXPECT_EQ(d.state().importStatus.message.find("--time-field"), std::string::npos)
        << "the window does not give command-line advice: " << d.state().importStatus.message;
    typeInto(d, "##source", "Open or import events", kData + "/kml_no_times.kml");
    d.frame();
    EXPECT_FALSE(d.gui().openDialog().offersFields()) << "a field picker for another file is not shown";
    EXPECT_FALSE(d.item("Start (or only) time", "Open or import events").has_value());
}

// --- §14: the Export dialog ----------------------------------------------------------------------

TEST(Journey14, ExportWritesWhereItSaysWithTheFullPath) {
    UiDriver d(at("2022-01-05T20:00"));
    d.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
    d.frame(2);
    const std::string path = d.gui().exportDialog().path();
    ASSERT_EQ(path.rfind(home(), 0), 0u) << "the default is in the home folder, not the working folder: " << path;
    ASSERT_TRUE(d.clickItem("Export", "Export"));
    waitForExport(d);
    EXPECT_TRUE(fs::exists(path)) << path;
    EXPECT_EQ(d.state().exportStatus.message.rfind("Wrote " + path, 0), 0u) << d.state().exportStatus.message;
    auto img = render::readImage(path);
    ASSERT_TRUE(img) << img.error().message;
    EXPECT_EQ(img->width, 1920);
}

TEST(Journey14, ASubtitleAloneIsBurnedIn) {
    UiDriver d(at("2022-01-05T20:00"));
    d.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
    d.frame(2);
    const fs::path plain = fs::path(home()) / "plain.png", sub = fs::path(home()) / "subtitle.png";
    typeInto(d, "File", "Export", plain.string());
    ASSERT_TRUE(d.clickItem("Export", "Export"));
    waitForExport(d);
    typeInto(d, "Subtitle", "Export", "State of emergency, internet shut down");
    typeInto(d, "File", "Export", sub.string());
    ASSERT_TRUE(d.clickItem("Export", "Export"));
    waitForExport(d);
    EXPECT_TRUE(d.gui().exportDialog().spec().overlays.title) << "a subtitle without a title keeps the title box";
    auto a = render::readImage(plain.string());
    auto b = render::readImage(sub.string());
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->rgba, b->rgba) << "the subtitle is in the image";
}

TEST(Journey14, VideoGetsAVideoNameAndWholeDays) {
    UiDriver d(at("2022-01-05T20:00"));
    d.drop(kData + "/acled_kz_jan2022.csv");  // a merge widens the range to odd hours
    d.frame(2);
    d.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
    d.frame(2);
    ASSERT_TRUE(d.clickItem("Video (MP4 or GIF)", "Export"));
    const std::string path = d.gui().exportDialog().path();
    EXPECT_EQ(path.substr(path.size() - 4), ".mp4") << path;
    const std::string from = d.gui().exportDialog().fromText(), to = d.gui().exportDialog().toText();
    EXPECT_EQ(from.substr(from.size() - 6), "T00:00") << from;
    EXPECT_EQ(to.substr(to.size() - 6), "T00:00") << to;
}

TEST(Journey14, FileExportEventsWritesTheListsEventsForQgis) {
    UiDriver d(at("2022-01-05T20:00"));
    d.state().filter.categories.fill(false);
    d.state().filter.categories[static_cast<std::size_t>(core::Category::Protest)] = true;
    d.frame(2);
    std::size_t protests = 0;
    for (const auto& ev : d.state().world->data().events) protests += ev.category == core::Category::Protest;
    ASSERT_GT(protests, 0u);
    ASSERT_TRUE(d.clickItem("File", "MainMenuBar"));
    d.frame();
    ASSERT_TRUE(d.clickItem("Export events (GeoJSON, KML, CSV, GeoPackage)..."));
    d.frame(2);
    ASSERT_TRUE(d.hasWindow("Export events"));
    const fs::path out = fs::path(home()) / "protests.geojson";
    d.key(GLFW_KEY_TAB);
    d.key(GLFW_KEY_A, GLFW_MOD_CONTROL);
    d.type(out.string());
    d.key(GLFW_KEY_ENTER);
    d.frame(2);
    EXPECT_FALSE(d.hasWindow("Export events"));
    ASSERT_TRUE(fs::exists(out)) << d.gui().exportEventsDialog().lastMessage();
    auto text = core::readTextFile(out.string());
    ASSERT_TRUE(text);
    // Only the events the list shows (its filter), each with its time as JSON-FG and as properties.
    std::size_t features = 0, pos = 0;
    while ((pos = text->find("\"type\": \"Feature\"", pos)) != std::string::npos) ++features, ++pos;
    if (features == 0) {
        pos = 0;
        while ((pos = text->find("\"type\":\"Feature\"", pos)) != std::string::npos) ++features, ++pos;
    }
    EXPECT_EQ(features, protests);
    EXPECT_NE(text->find("\"start\""), std::string::npos);
    EXPECT_EQ(text->find("\"Internet"), std::string::npos) << "the filtered-out blackout is not written";
    EXPECT_NE(d.gui().exportEventsDialog().lastMessage().find("Exported " + std::to_string(protests) + " events"),
              std::string::npos)
        << d.gui().exportEventsDialog().lastMessage();
}

TEST(Journey14, TheTimelineFigureCoversWhatTheTimelineShows) {
    UiDriver d(at("2022-01-05T20:00"));
    d.frame(2);
    const core::Interval view = d.state().timelineView;
    ASSERT_TRUE(view.start < view.end) << "the timeline says what it shows";
    d.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
    d.frame(2);
    ASSERT_TRUE(d.clickItem("Timeline figure (PNG)", "Export"));
    d.frame();
    const ui::ExportDialog& dialog = d.gui().exportDialog();
    auto from = core::parseIsoTime(dialog.timelineFromText(), d.state().displayZone);
    auto to = core::parseIsoTime(dialog.timelineToText(), d.state().displayZone);
    ASSERT_TRUE(from && to) << dialog.timelineFromText() << " / " << dialog.timelineToText();
    // To the minute, as the dialog writes it.
    EXPECT_LT(std::abs((from->instant - view.start).seconds), 60) << dialog.timelineFromText();
    EXPECT_LT(std::abs((to->instant - view.end).seconds), 60) << dialog.timelineToText();
    const std::string path = dialog.path();
    EXPECT_EQ(path.substr(path.size() - 4), ".png") << path;
    ASSERT_TRUE(d.clickItem("Export", "Export"));
    waitForExport(d);
    EXPECT_FALSE(d.state().exportStatus.failed) << d.state().exportStatus.message;
    EXPECT_EQ(d.gui().exportDialog().spec().kind, core::ExportKind::Timeline);
    auto img = render::readImage(path);
    ASSERT_TRUE(img) << img.error().message;
    EXPECT_EQ(img->width, 1920);
}

// --- §15: the ? window ---------------------------------------------------------------------------

TEST(Journey15, TheShortcutListHasEveryKeyTheProgramAnswers) {
    // A row without keys continues the labelled row above it ("\xE2\x86\x90 / \xE2\x86\x92": previous / next event).
    std::set<ui::Command> listed, dispatched;
    bool underALabel = false;
    for (const auto& b : ui::keyBindings()) {
        const bool labelled = b.keys[0] != '\0';
        if (labelled) underALabel = true;
        if (b.command == ui::Command::None) continue;
        dispatched.insert(b.command);
        if (labelled || underALabel) listed.insert(b.command);
    }
    EXPECT_EQ(listed, dispatched) << "every command a key triggers is on a line of the ? window";
    EXPECT_TRUE(ui::keyBindings().front().keys[0] != '\0') << "the table starts with a labelled row";
    int rows = 0;
    for (const auto& b : ui::keyBindings()) rows += b.keys[0] != '\0';
    EXPECT_GE(rows, 20) << "the review counted about 20 keys and gestures";
    UiDriver d(at("2022-01-05T20:00"));
    d.type("?");
    d.frame(2);
    EXPECT_TRUE(d.hasWindow("Keyboard shortcuts"));
}

// --- §18: the list, the map and the clock ----------------------------------------------------------

TEST(Journey18, TheListsFilterReachesTheMapTheTimelineAndTheSteps) {
    UiDriver d(at("2022-01-05T20:00"));
    const auto stepsFrom = instant("2022-01-01T12:00");
    d.state().filter.categories.fill(false);
    d.state().filter.categories[static_cast<std::size_t>(core::Category::Protest)] = true;
    d.frame(2);
    ASSERT_FALSE(d.state().shown.empty());
    for (const auto& m : d.state().frame.marks) {
        EXPECT_EQ(d.state().world->data().events[m.event].category, core::Category::Protest);
    }
    EXPECT_TRUE(d.state().frame.areas.empty()) << "the filtered-out blackout and emergency are not shaded";
    d.state().actions.push(ui::action::SeekTo{stepsFrom});
    d.frame();
    for (int i = 0; i < 3; ++i) {
        d.key(GLFW_KEY_RIGHT);
        bool protestStarts = false;
        for (std::size_t e = 0; e < d.state().world->data().events.size(); ++e) {
            const auto& ev = d.state().world->data().events[e];
            if (ev.category == core::Category::Protest && d.state().world->index().interval(e).start == d.state().clock.now) {
                protestStarts = true;
            }
        }
        EXPECT_TRUE(protestStarts) << "the right arrow steps to the next protest (" << i + 1 << ")";
    }
}

TEST(Journey18, TheListMarksAndShowsWhatIsInForceAndANewSelectionOpensAtItsTop) {
    UiDriver d(at("2022-01-02T12:00", 1366, 768));
    d.state().actions.push(ui::action::SeekTo{instant("2022-01-10T12:00")});
    d.frame(3);
    int inForceRows = 0;
    for (const auto& it : d.items()) {
        // "•" in force, "◌" date only (on 10 January every event under way is dated only to the day).
        if (it.visible && ui::ItemProbe::windowTitle(it.window) == "Events" &&
            (it.rawLabel.rfind("\xE2\x80\xA2", 0) == 0 || it.rawLabel.rfind("\xE2\x97\x8C", 0) == 0)) {
            ++inForceRows;
        }
    }
    EXPECT_GT(inForceRows, 0) << "after the clock jumps, events in force are marked and scrolled into view";

    d.state().actions.push(ui::action::SelectEvent{0});
    d.frame(2);
    const auto details = d.item("How the date was worked out", "Event details");
    ASSERT_TRUE(details.has_value());
    d.wheel(details->rect.x + 20, details->rect.y, -30.0f);
    ImGuiWindow* w = ImGui::FindWindowByName("Event details###details");
    ASSERT_NE(w, nullptr);
    ASSERT_GT(w->Scroll.y, 0.0f) << "the details were scrolled down";
    d.state().actions.push(ui::action::SelectEvent{24});
    d.frame(3);
    EXPECT_EQ(w->Scroll.y, 0.0f) << "a newly selected event opens at its title";
}

TEST(Journey18, SelectingANationwideEventShowsTheCountry) {
    UiDriver d(at("2022-01-05T20:00"));
    const double fitted = d.state().camera.metersPerPixel();
    d.state().actions.push(ui::action::SelectEvent{eventIndex(d, "almaty-protests")});  // zooms in
    d.frame(2);
    ASSERT_LT(d.state().camera.metersPerPixel(), fitted / 2);
    d.state().actions.push(ui::action::SelectEvent{eventIndex(d, "unrest-nationwide")});
    d.frame(2);
    EXPECT_NEAR(d.state().camera.metersPerPixel(), fitted, fitted * 0.05) << "the whole country is shown";
    bool named = false;
    for (auto i : d.state().frame.banners) named |= d.state().world->data().events[i].id == "unrest-nationwide";
    EXPECT_TRUE(named) << "and the moment box names it";
}

// --- §21: themes -----------------------------------------------------------------------------------

TEST(Journey21, LightAndContrastThemesRestyleThePanels) {
    UiDriver d(at("2022-01-05T20:00"));
    const auto luminance = [](const ImVec4& c) { return 0.3f * c.x + 0.59f * c.y + 0.11f * c.z; };
    EXPECT_LT(luminance(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]), 0.2f);
    d.state().theme = core::ThemeId::Light;
    d.frame(2);
    EXPECT_GT(luminance(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]), 0.85f) << "light panels in the light theme";
    const render::Image img = d.screenshot();
    const core::ScreenRect& layers = d.state().layout.layers;
    const auto* px = img.at(static_cast<int>(layers.x + layers.w - 12), static_cast<int>(layers.y + layers.h - 8));
    EXPECT_GT(px[0] + px[1] + px[2], 600) << "the layers panel is drawn light";
    d.state().theme = core::ThemeId::Contrast;
    d.frame(2);
    EXPECT_EQ(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x, 0.0f);
    EXPECT_EQ(ImGui::GetStyle().Colors[ImGuiCol_Text].x, 1.0f);
    EXPECT_EQ(ImGui::GetStyle().Colors[ImGuiCol_PopupBg].w, 1.0f);
}

// --- §23: story editing ---------------------------------------------------------------------------

TEST(Journey23, CtrlNSaysWhatItDidAndOpensTheEditor) {
    UiDriver d(at("2022-01-05T20:00"));
    const std::size_t before = d.state().story.story->scenes.size();
    d.key(GLFW_KEY_N, GLFW_MOD_CONTROL);
    d.frame(2);
    EXPECT_EQ(d.state().story.story->scenes.size(), before + 1);
    EXPECT_TRUE(d.state().showStory);
    ASSERT_FALSE(d.state().toasts.empty());
    EXPECT_NE(d.state().toasts.back().text.find("Added scene"), std::string::npos);
    EXPECT_TRUE(d.hasWindow("Notice"));
}

TEST(Journey23, TheBundledStoryIsNeverOverwritten) {
    UiDriver d(at("2022-01-05T20:00"));
    const std::string bundled = d.state().story.path;
    ASSERT_TRUE(d.state().story.bundled) << bundled;
    const std::string original = *core::readTextFile(bundled);
    d.state().showStory = true;
    d.frame();
    d.state().actions.push(ui::action::StoryGoTo{1});
    d.frame(2);
    typeInto(d, "Title", "Story editor", "Renamed");
    d.frame();
    ASSERT_TRUE(d.clickItem("Save*", "Story editor"));
    d.frame(2);
    EXPECT_TRUE(d.hasWindow("Save the story as")) << "saving the bundled story asks for a place of the user's";
    d.state().actions.push(ui::action::SaveStory{bundled});  // even asked for directly
    d.frame(2);
    EXPECT_EQ(*core::readTextFile(bundled), original);
    EXPECT_NE(d.state().story.message.find("never overwritten"), std::string::npos) << d.state().story.message;
    const std::string mine = core::dataDir() + "/stories/mine.json";
    d.state().actions.push(ui::action::SaveStory{mine});
    d.frame(2);
    EXPECT_TRUE(fs::exists(mine));
    EXPECT_FALSE(d.state().story.edited);
    EXPECT_FALSE(d.state().story.bundled);
}

// The same for assets found anywhere at run time, as an installed program finds them in
// <prefix>/share/qantar/assets: the story there counts as bundled, and nothing is written anywhere
// under them, whatever path inside them a save names.
TEST(Journey23, TheInstalledAssetsAreNeverWrittenInto) {
    (void)home();
    const fs::path installed = fs::path(home()) / "installed-usr" / "share" / "qantar" / "assets";
    fs::remove_all(installed.parent_path());
    fs::create_directories(installed);
    for (const char* sub : {"geo", "events", "stories"})
        fs::copy(fs::path(QANTAR_ASSET_DIR) / sub, installed / sub, fs::copy_options::recursive);
    const auto filesUnder = [&] {
        std::set<std::string> files;
        for (const auto& e : fs::recursive_directory_iterator(installed)) files.insert(e.path().string());
        return files;
    };
    const std::set<std::string> before = filesUnder();
    const fs::path story = installed / "stories" / "week.json";
    const std::string original = *core::readTextFile(story.string());

    DriverOptions o = at("2022-01-05T20:00");
    o.assets = installed.string();
    UiDriver d(o);
    ASSERT_EQ(fs::weakly_canonical(d.state().story.path), fs::weakly_canonical(story));
    ASSERT_TRUE(d.state().story.bundled) << "the installed story counts as bundled";
    d.state().showStory = true;
    d.frame();
    d.state().actions.push(ui::action::StoryGoTo{1});
    d.frame(2);
    typeInto(d, "Title", "Story editor", "Renamed");
    d.frame();
    ASSERT_TRUE(d.clickItem("Save*", "Story editor"));
    d.frame(2);
    ASSERT_TRUE(d.hasWindow("Save the story as"));
    for (const fs::path& target : {story, installed / "stories" / "mine.json", installed / "events" / "mine.json",
                                   installed / "new-folder" / "mine.json"}) {
        d.state().actions.push(ui::action::SaveStory{target.string()});
        d.frame(2);
        EXPECT_NE(d.state().story.message.find("never overwritten"), std::string::npos)
            << target << ": " << d.state().story.message;
    }
    EXPECT_EQ(*core::readTextFile(story.string()), original);
    EXPECT_EQ(filesUnder(), before) << "something was written under the installed assets";
    EXPECT_TRUE(d.state().story.edited) << "the edit is still there to be saved elsewhere";
}

TEST(Journey23, AScenesRangeAndSpeedCanBeEdited) {
    UiDriver d(at("2022-01-05T20:00"));
    d.state().showStory = true;
    d.frame();
    d.state().actions.push(ui::action::StoryGoTo{3});  // a moment
    d.frame(2);
    ASSERT_FALSE(d.state().story.story->scenes[3].end.has_value());
    typeInto(d, "Ends", "Story editor", "6 Jan 2022 06:00");
    d.key(GLFW_KEY_ENTER);
    d.frame(2);
    const auto& sc = d.state().story.story->scenes[3];
    ASSERT_TRUE(sc.end.has_value());
    EXPECT_EQ(*sc.end, instant("2022-01-06T06:00+06:00"));
    EXPECT_TRUE(d.item("Speed (h/s)", "Story editor").has_value()) << "a range has a playback speed to set";
}

// --- §24: smaller irritations ---------------------------------------------------------------------

TEST(Journey24, TheGoToBoxReadsWhatPeopleTypeAndSaysWhatIsWrong) {
    UiDriver d(at("2022-01-02T12:00"));
    typeInto(d, "##goto", "Timeline", "5 Jan 20:00");
    d.key(GLFW_KEY_ENTER);
    d.frame();
    EXPECT_EQ(d.state().clock.now, instant("2022-01-05T20:00+06:00"));
    EXPECT_TRUE(d.gui().timeline().timeError().empty());
    typeInto(d, "##goto", "Timeline", "5 Jnu");
    d.key(GLFW_KEY_ENTER);
    d.frame();
    EXPECT_NE(d.gui().timeline().timeError().find("'5 Jnu'"), std::string::npos) << d.gui().timeline().timeError();
    EXPECT_EQ(d.state().clock.now, instant("2022-01-05T20:00+06:00")) << "a bad moment leaves the clock alone";
}

TEST(Journey24, TheFirstStartOpensOnTheFirstEventNotAnEmptyMap) {
    (void)home();
    UiDriver d;
    EXPECT_EQ(d.state().clock.now, d.state().world->data().events.front().start);
    EXPECT_FALSE(d.state().frame.marks.empty() && d.state().frame.banners.empty()) << "something is on screen";
}

TEST(Journey24, ZoomingOutStopsBeforeThePostageStamp) {
    UiDriver d(at("2022-01-05T20:00"));
    const core::ScreenRect& m = d.state().layout.map;
    for (int i = 0; i < 40; ++i) d.wheel(static_cast<float>(m.x + m.w / 2), static_cast<float>(m.y + m.h / 2), -1.0f);
    const core::MapBox& kz = d.state().scene->kazakhstanBox;
    const double widthPx = kz.width() / d.state().camera.metersPerPixel();
    const double heightPx = kz.height() / d.state().camera.metersPerPixel();
    EXPECT_TRUE(widthPx >= m.w / 3.0 - 1.0 || heightPx >= m.h / 3.0 - 1.0)
        << "Kazakhstan is " << widthPx << " x " << heightPx << " px in a " << m.w << " x " << m.h << " map";
}

TEST(Journey24, ZoomedOutAndDraggedAsideTheViewStaysOnTheMap) {
    UiDriver d(at("2022-01-05T20:00"));
    const core::ScreenRect& m = d.state().layout.map;
    const float cx = static_cast<float>(m.x + m.w / 2), cy = static_cast<float>(m.y + m.h / 2);
    for (int i = 0; i < 40; ++i) d.wheel(cx, cy, -1.0f);
    const core::MapBox& bounds = d.state().scene->viewBounds;
    const float reach = static_cast<float>(std::min(m.w, m.h)) * 0.4f;
    for (auto [dx, dy] : {std::pair{1.0f, 0.0f}, std::pair{-1.0f, 0.0f}, std::pair{0.0f, 1.0f}, std::pair{0.0f, -1.0f},
                          std::pair{1.0f, 1.0f}, std::pair{-1.0f, -1.0f}}) {
        for (int i = 0; i < 6; ++i) d.drag(cx, cy, cx + dx * reach, cy + dy * reach);
        d.frame();
        const core::MapBox v = d.state().camera.visibleBox();
        EXPECT_TRUE(v.minX >= bounds.minX - 1.0 && v.maxX <= bounds.maxX + 1.0 && v.minY >= bounds.minY - 1.0 &&
                    v.maxY <= bounds.maxY + 1.0)
            << "dragged " << dx << "," << dy << ": the view " << v.minX << ".." << v.maxX << " x " << v.minY << ".."
            << v.maxY << " leaves the map's data";
    }
}

TEST(Journey24, SettingsAreKeptWithoutAQuit) {
    (void)home();
    DriverOptions o;
    o.firstStart = false;
    o.configDir = (fs::path(home()) / "config-keep").string();
    fs::create_directories(o.configDir);
    {
        UiDriver d(o);
        d.state().theme = core::ThemeId::Light;
        d.advance(3.0);
        EXPECT_TRUE(fs::exists(o.configDir + "/settings.json")) << "written a moment after the change, before any quit";
        const auto [settings, problem] = core::loadSettings(o.configDir + "/settings.json");
        EXPECT_FALSE(problem.has_value());
        EXPECT_EQ(settings.theme, core::ThemeId::Light);
    }
}

// --- §5: the counters ---------------------------------------------------------------------------

TEST(Journey05, ACounterListsItsReportsOnHoverAndOpensTheDisputedFiguresOnClick) {
    UiDriver d(at("2022-01-09T12:00", 1280, 720));
    d.frame(3);
    std::optional<ui::ProbedItem> deaths;
    for (const auto& it : d.items())
        if (it.rawLabel == "##counter0") deaths = it;
    ASSERT_TRUE(deaths) << "the deaths counter is not a control";
    const float x = deaths->rect.x + 20.0f, y = deaths->rect.y + deaths->rect.h * 0.5f;
    d.moveMouse(x, y);
    d.frame(3);
    bool tooltip = false;
    for (const auto& w : d.windows()) tooltip |= w.tooltip;
    EXPECT_TRUE(tooltip) << "hovering a counter lists its reports";
    std::filesystem::create_directories(QANTAR_TEST_OUTPUT_DIR);
    (void)render::writePng(d.screenshot(), std::string(QANTAR_TEST_OUTPUT_DIR) + "/journey05_counter_hover.png");
    const core::Counter& c = d.state().frame.counters[core::FigureKind::Deaths];
    EXPECT_EQ(c.withdrawn, 1) << "the minister's 164 is withdrawn by 9 January";
    d.click(x, y);
    d.frame(3);
    EXPECT_TRUE(d.state().showDisputes);
    EXPECT_TRUE(d.hasWindow("Disputed figures and dates"));
    EXPECT_TRUE(d.item("Death toll###topic", "Disputed figures and dates") || d.item("Death toll", "Disputed figures and dates"))
        << "the 164-against-225 disagreement is listed";
    (void)render::writePng(d.screenshot(), std::string(QANTAR_TEST_OUTPUT_DIR) + "/journey05_disputes.png");
}
