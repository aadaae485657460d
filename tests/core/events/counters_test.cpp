// The rules that make the deaths, injured and arrests counters (core/counters.hpp), tested like
// arithmetic: the groups of one report add up, different reports never do, words stay words, a
// withdrawn figure counts for nothing, a partial count is a floor and never a bound, merging another
// dataset never lowers a figure, and a report dated only by its day does not pretend to an hour.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/events/caption.hpp"
#include "core/events/counters.hpp"
#include "core/events/event_format.hpp"
#include "core/events/event_sources.hpp"
#include "core/time/time.hpp"

using namespace qantar::core;

namespace {

Instant at(const std::string& iso) { return parseIsoTime(iso, kAlmatyTime)->instant; }

// A dataset with one event per figure list: {"id": [figures JSON...]}.
Dataset datasetOf(const std::vector<std::pair<std::string, std::string>>& events) {
    std::string text = R"({"format": "qantar-events", "version": 1, "title": "t",
      "coverage": {"start": "2022-01-01T00:00:00+06:00", "end": "2022-01-13T00:00:00+06:00"},
      "sources": [{"id": "a", "outlet": "Outlet A"}, {"id": "b", "outlet": "Outlet B"}], "events": [)";
    for (std::size_t i = 0; i < events.size(); ++i) {
        text += (i ? "," : "") + std::string(R"({"id": ")") + events[i].first +
                R"(", "category": "casualties", "title": "T", "start": "2022-01-05T00:00:00+06:00",
                "end": "2022-01-06T00:00:00+06:00", "precision": "day", "place": {"nationwide": true},
                "description": "D", "figures": [)" + events[i].second + R"(], "sources": [{"source": "a", "quote": "q"}]})";
    }
    text += "]}";
    DatasetLoad load = parseDataset(text, "test.json");
    EXPECT_TRUE(load.dataset) << (load.problems.empty() ? std::string("?") : load.problems.front().message);
    return load.dataset ? std::move(*load.dataset) : Dataset{};
}

std::string figure(const std::string& kind, const std::string& amount, const std::string& subject,
                   const std::string& asOf, const std::string& source = "a", const std::string& extra = "") {
    return R"({"kind": ")" + kind + "\", " + amount + R"(, "subject": ")" + subject +
           R"(", "reported_by": "someone", "as_of": ")" + asOf + R"(", "source": ")" + source + "\"" + extra + "}";
}

}  // namespace

TEST(Counters, TheDisjointGroupsOfOneReportAddUp) {
    const Dataset d = datasetOf({{"e", figure("deaths", R"("value": 26, "qualifier": "exact")", "protesters", "2022-01-07") +
                                           "," + figure("deaths", R"("value": 18, "qualifier": "exact")", "police officers", "2022-01-07")}});
    const CounterIndex index(d);
    const Counter c = index.at(at("2022-01-07T12:00"))[FigureKind::Deaths];
    EXPECT_EQ(c.basis, CounterBasis::Floor);
    EXPECT_EQ(c.min, 44);
    EXPECT_EQ(c.max, 44);
    EXPECT_EQ(formatRange(c), "at least 44");
    EXPECT_EQ(floorBasis(c), "26 protesters + 18 police officers");
    ASSERT_EQ(c.sums.size(), 1u);
    EXPECT_EQ(c.sums[0].parts.size(), 2u);
    const std::string line = counterLine(FigureKind::Deaths, c);
    EXPECT_EQ(line, "Deaths at least 44: 26 protesters + 18 police officers (1 source, dated only to this day)");
    EXPECT_EQ(counterLine(FigureKind::Deaths, index.at(at("2022-01-08T12:00"))[FigureKind::Deaths]),
              "Deaths at least 44: 26 protesters + 18 police officers (1 source)");
    // The parts are named on hover.
    EXPECT_NE(reportLine(c, c.reports[0], d).find("with the other groups of this report: 44"), std::string::npos);
}

TEST(Counters, GroupsFromDifferentReportsAreNeverAdded) {
    // Police (a subset of the security forces) on the 4th and security forces on the 6th: adding
    // them would count the same people twice. The floor is the larger one.
    const Dataset d = datasetOf({{"police", figure("deaths", R"("value": 8)", "police officers", "2022-01-04")},
                                 {"forces", figure("deaths", R"("value": 13)", "security forces", "2022-01-06", "b")}});
    const Counter c = CounterIndex(d).at(at("2022-01-06T12:00"))[FigureKind::Deaths];
    EXPECT_EQ(c.basis, CounterBasis::Floor);
    EXPECT_EQ(c.min, 13);
    EXPECT_TRUE(c.sums.empty());
    EXPECT_EQ(floorBasis(c), "13 security forces");
}

TEST(Counters, TheSameSubjectTwiceInOneReportIsNotASum) {
    const Dataset d = datasetOf({{"e", figure("deaths", R"("value": 5)", "protesters", "2022-01-05") + "," +
                                           figure("deaths", R"("value": 7)", "protesters", "2022-01-05")}});
    const Counter c = CounterIndex(d).at(at("2022-01-05T20:00"))[FigureKind::Deaths];
    EXPECT_TRUE(c.sums.empty());
    EXPECT_EQ(c.min, 7);
}

TEST(Counters, VagueWordsStayWordsAndAreNeverBounds) {
    const Dataset d = datasetOf({{"dozens", figure("deaths", R"("value": null, "qualifier": "dozens")", "protesters", "2022-01-05")},
                                 {"total", figure("deaths", R"("value": 164, "qualifier": "about")", "people", "2022-01-08", "b")}});
    const CounterIndex index(d);
    const Counter before = index.at(at("2022-01-06T12:00"))[FigureKind::Deaths];
    EXPECT_EQ(before.basis, CounterBasis::Words);
    EXPECT_EQ(formatRange(before), "dozens of protesters");
    EXPECT_EQ(counterLine(FigureKind::Deaths, before).find("24"), std::string::npos) << counterLine(FigureKind::Deaths, before);
    const Counter after = index.at(at("2022-01-09T12:00"))[FigureKind::Deaths];
    EXPECT_EQ(after.basis, CounterBasis::Totals);
    EXPECT_EQ(after.min, 164) << "'dozens' must not become a lower bound of 24";
    EXPECT_EQ(formatRange(after), "about 164");
    EXPECT_NE(reportLine(after, after.reports[0], d).find("a word, not a number"), std::string::npos);
}

TEST(Counters, AnOldFileWithANumberBesideTheWordStillShowsTheWord) {
    const Dataset d = datasetOf({{"old", figure("deaths", R"("value": null, "min": 24, "qualifier": "dozens")", "people", "2022-01-05")}});
    const Counter c = CounterIndex(d).at(at("2022-01-05T20:00"))[FigureKind::Deaths];
    EXPECT_EQ(c.basis, CounterBasis::Words);
    EXPECT_EQ(formatRange(c), "dozens of people");
}

TEST(Counters, AWithdrawnFigureIsMarkedAndLeftOutOfTheRange) {
    const Dataset d = datasetOf(
        {{"ft", figure("deaths", R"("value": 100, "qualifier": "about")", "people", "2022-01-08", "b")},
         {"minister", figure("deaths", R"("value": 164)", "people", "2022-01-09", "a",
                             R"(, "withdrawn": {"as_of": "2022-01-10", "reason": "a 'technical error'"})")}});
    const CounterIndex index(d);
    // Before its withdrawal the figure stood.
    const Counter standing = index.at(at("2022-01-09T12:00"))[FigureKind::Deaths];
    EXPECT_EQ(standing.max, 164);
    EXPECT_EQ(standing.withdrawn, 0);
    // From then on it is listed, marked, and counts for nothing.
    const Counter c = index.at(at("2022-01-10T12:00"))[FigureKind::Deaths];
    EXPECT_EQ(c.withdrawn, 1);
    EXPECT_EQ(c.min, 100);
    EXPECT_EQ(c.max, 100);
    ASSERT_EQ(c.reports.size(), 2u);
    EXPECT_EQ(c.reports[1].role, ReportRole::Withdrawn);
    EXPECT_NE(reportLine(c, c.reports[1], d).find("WITHDRAWN 10 Jan (a 'technical error')"), std::string::npos)
        << reportLine(c, c.reports[1], d);
    EXPECT_NE(counterLine(FigureKind::Deaths, c).find("1 withdrawn"), std::string::npos);
    // Only withdrawn reports: nothing stands.
    const Dataset alone = datasetOf({{"m", figure("deaths", R"("value": 164)", "people", "2022-01-09", "a",
                                                    R"(, "withdrawn": {"as_of": "2022-01-09"})")}});
    const Counter none = CounterIndex(alone).at(at("2022-01-09T12:00"))[FigureKind::Deaths];
    EXPECT_EQ(none.basis, CounterBasis::None);
    EXPECT_EQ(formatRange(none), "none standing");
}

TEST(Counters, APartialCountIsAFloorNeverABoundOfTheNationalTotal) {
    const Dataset d = datasetOf(
        {{"almaty", figure("arrests", R"("value": 2000, "qualifier": "about")", "people", "2022-01-06", "a", R"(, "partial": "Almaty only")")},
         {"national", figure("arrests", R"("value": 10000)", "people", "2022-01-11", "b")}});
    const CounterIndex index(d);
    const Counter jan6 = index.at(at("2022-01-06T12:00"))[FigureKind::Arrests];
    EXPECT_EQ(jan6.basis, CounterBasis::Floor);
    EXPECT_EQ(formatRange(jan6), "at least 2,000");
    EXPECT_EQ(floorBasis(jan6), "about 2,000 people (Almaty only)");
    const Counter jan11 = index.at(at("2022-01-11T12:00"))[FigureKind::Arrests];
    EXPECT_EQ(jan11.basis, CounterBasis::Totals);
    EXPECT_EQ(jan11.min, 10000) << "Almaty's 2,000 must not be the lower end of a national range";
    EXPECT_EQ(jan11.max, 10000);
}

TEST(Counters, MergingAnotherDatasetNeverLowersAFigureItAddsReports) {
    Dataset base = datasetOf({{"police", figure("deaths", R"("value": 8)", "police officers", "2022-01-04")}});
    // An ACLED-like import: per-event fatalities, marked as counts of their event.
    Dataset add = datasetOf({{"acled-1", figure("deaths", R"("value": 3)", "people", "2022-01-05", "b", R"(, "partial": "this event only")")}});
    const Counter before = CounterIndex(base).at(at("2022-01-05T20:00"))[FigureKind::Deaths];
    const Dataset merged = mergeDatasets(base, add);
    const Counter after = CounterIndex(merged).at(at("2022-01-05T20:00"))[FigureKind::Deaths];
    EXPECT_EQ(before.min, 8);
    EXPECT_GE(after.min, before.min);
    EXPECT_GE(after.max, before.max);
    EXPECT_EQ(after.reports.size(), before.reports.size() + 1);
    EXPECT_EQ(formatRange(after), "at least 8");
}

TEST(Counters, AReportDatedOnlyByItsDayDoesNotPretendToAnHour) {
    const Dataset d = datasetOf({{"day", figure("deaths", R"("value": 13)", "people", "2022-01-06")},
                                 {"hour", figure("injured", R"("value": 5)", "people", "2022-01-06T15:00+06:00")}});
    const CounterIndex index(d);
    EXPECT_TRUE(index.at(at("2022-01-06T00:00"))[FigureKind::Deaths].hourUnknown);
    EXPECT_NE(counterLine(FigureKind::Deaths, index.at(at("2022-01-06T00:00"))[FigureKind::Deaths]).find("dated only to this day"),
              std::string::npos);
    EXPECT_FALSE(index.at(at("2022-01-07T00:00"))[FigureKind::Deaths].hourUnknown) << "the day has passed";
    EXPECT_FALSE(index.at(at("2022-01-06T14:00"))[FigureKind::Injured].any) << "an hour-precise report counts from its hour";
    EXPECT_FALSE(index.at(at("2022-01-06T16:00"))[FigureKind::Injured].hourUnknown);
}

TEST(Counters, FiguresAreSaidAsTheSourcesSayThem) {
    Figure f;
    f.value = 160;
    f.qualifier = "more than";
    f.subject = "people (including police officers)";
    EXPECT_EQ(figureText(f), "more than 160 people (including police officers)");
    f.qualifier = "exact";
    f.value = 2000;
    EXPECT_EQ(figureAmount(f), "2,000");
    Figure r;
    r.min = 100;
    r.max = 150;
    EXPECT_EQ(figureAmount(r), "100\xE2\x80\x93" "150");
    Figure w;
    w.qualifier = "hundreds";
    w.subject = "people";
    EXPECT_EQ(figureText(w), "hundreds of people");
}

TEST(CounterFormat, WithdrawalAndPartialAreReadWrittenAndChecked) {
    const Dataset d = datasetOf({{"m", figure("deaths", R"("value": 164)", "people", "2022-01-09", "a",
                                              R"(, "partial": "Almaty only", "withdrawn": {"as_of": "2022-01-09", "reason": "error"})")}});
    ASSERT_EQ(d.events.size(), 1u);
    const std::string text = serializeDataset(d);
    DatasetLoad again = parseDataset(text, "again.json");
    ASSERT_TRUE(again.dataset);
    const Figure& f = again.dataset->events[0].figures[0];
    EXPECT_EQ(f.partial, "Almaty only");
    ASSERT_TRUE(f.withdrawnAsOf);
    EXPECT_EQ(*f.withdrawnAsOf, "2022-01-09");
    EXPECT_EQ(f.withdrawnReason, "error");

    auto problemOf = [](const std::string& figureJson) {
        const std::string file = R"({"format": "qantar-events", "version": 1, "title": "t",
          "coverage": {"start": "2022-01-01T00:00:00+06:00", "end": "2022-01-13T00:00:00+06:00"},
          "sources": [{"id": "a", "outlet": "A"}], "events": [{"id": "e", "category": "casualties", "title": "T",
          "start": "2022-01-05T00:00:00+06:00", "precision": "day", "place": {"nationwide": true},
          "description": "D", "figures": [)" + figureJson + R"(], "sources": [{"source": "a", "quote": "q"}]}]})";
        DatasetLoad load = parseDataset(file, "bad.json");
        return load.problems.empty() ? std::string() : load.problems.front().message;
    };
    EXPECT_NE(problemOf(figure("deaths", R"("value": 1)", "people", "2022-01-09", "a", R"(, "withdrawn": {"as_of": "2022-01-08"})"))
                  .find("before the figure's own 'as_of'"),
              std::string::npos);
    EXPECT_NE(problemOf(figure("deaths", R"("value": 1)", "people", "2022-01-09", "a", R"(, "withdrawn": true)")).find("'withdrawn'"),
              std::string::npos);
    EXPECT_NE(problemOf(figure("deaths", R"("value": null, "qualifier": "about")", "people", "2022-01-09")).find("needs 'value' or 'min'"),
              std::string::npos);
    EXPECT_EQ(problemOf(figure("deaths", R"("value": null, "qualifier": "thousands")", "people", "2022-01-09")), "");
}

TEST(CounterFormat, ContradictionsAreKeptWithTheirSourcesAndSurviveAMerge) {
    std::string text = R"({"format": "qantar-events", "version": 1, "title": "t",
      "coverage": {"start": "2022-01-01T00:00:00+06:00", "end": "2022-01-13T00:00:00+06:00"},
      "sources": [{"id": "a", "outlet": "A"}, {"id": "b", "outlet": "B"}],
      "events": [{"id": "e", "category": "casualties", "title": "T", "start": "2022-01-05T00:00:00+06:00",
        "precision": "day", "place": {"nationwide": true}, "description": "D", "sources": [{"source": "a", "quote": "q"}]}],
      "contradictions": [{"topic": "Toll", "figures": [{"value": "225", "source": "a"}, {"value": "164", "source": "b"}],
        "event_ids": ["e"], "note": "not reconciled"}]})";
    DatasetLoad load = parseDataset(text, "c.json");
    ASSERT_TRUE(load.dataset);
    ASSERT_EQ(load.dataset->contradictions.size(), 1u);
    const Contradiction& c = load.dataset->contradictions[0];
    EXPECT_EQ(c.topic, "Toll");
    ASSERT_EQ(c.claims.size(), 2u);
    EXPECT_EQ(c.claims[1].value, "164");
    EXPECT_EQ(c.claims[1].source, "b");
    EXPECT_EQ(c.note, "not reconciled");
    // Written back, and merged with a file whose event has the same id: the claim follows the rename.
    DatasetLoad again = parseDataset(serializeDataset(*load.dataset), "again.json");
    ASSERT_TRUE(again.dataset);
    ASSERT_EQ(again.dataset->contradictions.size(), 1u);
    const Dataset merged = mergeDatasets(*load.dataset, *again.dataset);
    ASSERT_EQ(merged.contradictions.size(), 2u);
    EXPECT_EQ(merged.contradictions[1].eventIds, std::vector<std::string>{"e-2"});
}

// --- The bundled week ---------------------------------------------------------------------------

class BundledCounters : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto data = loadDatasetOrError(std::string(QANTAR_ASSET_DIR) + "/events/events.json");
        ASSERT_TRUE(data.ok()) << data.error().message;
        s_data = new Dataset(std::move(*data));
        s_index = new CounterIndex(*s_data);
    }
    static void TearDownTestSuite() {
        delete s_index;
        delete s_data;
        s_index = nullptr;
        s_data = nullptr;
    }
    void SetUp() override { ASSERT_NE(s_index, nullptr); }
    static Counter deathsAt(const std::string& iso) { return s_index->at(at(iso))[FigureKind::Deaths]; }
    static Dataset* s_data;
    static CounterIndex* s_index;
};
Dataset* BundledCounters::s_data = nullptr;
CounterIndex* BundledCounters::s_index = nullptr;

TEST_F(BundledCounters, TheFtsProtestersAndPoliceOf7JanuaryAddUpTo44) {
    const Counter c = deathsAt("2022-01-07T12:00");
    EXPECT_EQ(formatRange(c), "at least 44");
    EXPECT_NE(floorBasis(c).find("26 protesters + 18 police"), std::string::npos) << floorBasis(c);
}

TEST_F(BundledCounters, NoWordIsShownAsANumber) {
    for (const std::string iso : {"2022-01-04T12:00", "2022-01-06T12:00", "2022-01-07T12:00", "2022-01-09T12:00", "2022-01-20T00:00"}) {
        const Counters all = s_index->at(at(iso));
        for (int k = 0; k < kFigureKindCount; ++k) {
            const std::string line = counterLine(static_cast<FigureKind>(k), all[static_cast<FigureKind>(k)]);
            for (const char* made : {" 24", "24\xE2\x80\x93", " 200\xE2\x80\x93", "least 200 ", "least 2,000 "}) {
                EXPECT_EQ(line.find(made), std::string::npos) << iso << ": " << line;
            }
        }
    }
}

TEST_F(BundledCounters, TheWithdrawn164IsMarkedWithdrawn) {
    const Counter c = deathsAt("2022-01-09T12:00");
    bool marked = false;
    for (const auto& r : c.reports)
        if (r.event->id == "minister-164-toll-withdrawn") marked = r.role == ReportRole::Withdrawn;
    EXPECT_TRUE(marked);
    EXPECT_EQ(c.withdrawn, 1);
    EXPECT_NE(counterLine(FigureKind::Deaths, c).find("1 withdrawn"), std::string::npos);
}

TEST_F(BundledCounters, AlmatysArrestsNeverBoundTheNationalRange) {
    for (const std::string iso : {"2022-01-12T12:00", "2022-01-20T00:00"}) {
        const Counter c = s_index->at(at(iso))[FigureKind::Arrests];
        ASSERT_EQ(c.basis, CounterBasis::Totals) << iso;
        bool almatyIsTotal = false;
        for (const auto& r : c.reports) almatyIsTotal |= r.event->id == "almaty-arrests-2000" && r.role == ReportRole::Total;
        EXPECT_FALSE(almatyIsTotal) << iso;
    }
}

TEST_F(BundledCounters, AtTheEndEveryDeathFigureIsListed225Included) {
    Instant last = s_data->coverageEnd;
    std::size_t deathFigures = 0;
    for (const auto& e : s_data->events)
        for (const auto& f : e.figures)
            if (f.kind == FigureKind::Deaths) {
                ++deathFigures;
                if (last < f.asOfInstant) last = f.asOfInstant;
            }
    const Counter c = s_index->at(last + Duration::days(1))[FigureKind::Deaths];
    EXPECT_EQ(c.reports.size(), deathFigures);
    EXPECT_EQ(c.max, 225);
    EXPECT_NE(formatRange(c).find("225"), std::string::npos) << formatRange(c);
}
