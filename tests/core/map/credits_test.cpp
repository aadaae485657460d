// The credit line of a figure (core/map/credits.hpp): outlets named as a publication names them,
// each once, never the data's bookkeeping; fitted into two lines, shortened only when it must be;
// printed no smaller than 6 pt on paper and 12 px on screen.
#include "core/map/credits.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/events/event_format.hpp"
#include "core/export/export_spec.hpp"
#include "core/map/overlay_layout.hpp"

using namespace qantar::core;

namespace {

// 0.55 em per character at an 11 px em, as the credit's font measures near enough.
const CreditWidth kWidth = [](const std::string& t) {
    std::size_t n = 0;
    for (unsigned char c : t) n += (c & 0xC0) != 0x80;
    return 6.0f * static_cast<float>(n);
};

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += (s.empty() ? "" : " ") + l;
    return s;
}

Dataset withOutlets(std::initializer_list<const char*> outlets) {
    Dataset d;
    int i = 0;
    for (const char* o : outlets) {
        Source s;
        s.id = "s" + std::to_string(++i);
        s.outlet = o;
        s.outletInferred = i % 2 == 0;
        s.publishedBy = "Some republisher";
        s.publishedByInferred = true;
        s.copyNote = "A republished, machine-translated copy";
        d.sources.push_back(s);
    }
    return d;
}

}  // namespace

TEST(Credits, TheBundledDatasetsCreditNamesOutletsWithoutBookkeeping) {
    auto data = loadDatasetOrError(std::string(QANTAR_ASSET_DIR) + "/events/events.json");
    ASSERT_TRUE(data.ok()) << data.error().message;
    const CreditSources c = creditSources(&*data);
    const std::string text = joined(fitCredits(c, 1e6f, kMaxCreditLines, kWidth));
    EXPECT_EQ(text.rfind("Events: France 2, Sky News, Financial Times, France 24 (The Observers), AFP. ", 0), 0u) << text;
    EXPECT_NE(text.find(kMapDataAttribution), std::string::npos) << text;
    for (const char* bookkeeping : {"inferred", "republished", "machine-translated", "copy", "La Presse", "franceinfo"}) {
        EXPECT_EQ(text.find(bookkeeping), std::string::npos) << "'" << bookkeeping << "' in the credit: " << text;
    }
}

TEST(Credits, EachOutletOnceWhateverItsCaseOrListing) {
    const Dataset d = withOutlets({"Caspian Wire; Steppe Courier", "Steppe Courier", "caspian wire", "AFP", " AFP "});
    const CreditSources c = creditSources(&d);
    EXPECT_EQ(c.outlets, (std::vector<std::string>{"Caspian Wire", "Steppe Courier", "AFP"}));
    EXPECT_EQ(c.required, std::vector<std::string>{kMapDataAttribution});
}

TEST(Credits, TheMapAloneIsCreditedWithTheMapData) {
    const CreditSources c = creditSources(nullptr);
    EXPECT_TRUE(c.outlets.empty());
    EXPECT_EQ(joined(fitCredits(c, 1e6f, 2, kWidth)), kMapDataAttribution);
}

TEST(Credits, WrapsOntoASecondLineBeforeShorteningAndEveryLineFits) {
    const Dataset d = withOutlets({"France 2", "Sky News", "Financial Times", "France 24", "AFP", "Reuters"});
    const CreditSources c = creditSources(&d);
    const std::string whole = joined(fitCredits(c, 1e6f, 1, kWidth));
    ASSERT_EQ(fitCredits(c, 1e6f, 1, kWidth).size(), 1u);
    const float oneLine = kWidth(whole);
    // Two thirds of the width: two lines, every outlet still named.
    const auto two = fitCredits(c, oneLine * 0.66f, 2, kWidth);
    EXPECT_EQ(two.size(), 2u);
    EXPECT_EQ(joined(two), whole);
    for (const auto& l : two) EXPECT_LE(kWidth(l), oneLine * 0.66f) << l;
}

TEST(Credits, ShortensTheOutletsDeterministicallyOnlyWhenTwoLinesCannotHoldThem) {
    const Dataset d = withOutlets({"France 2", "Sky News", "Financial Times", "France 24", "AFP", "Reuters",
                                   "Associated Press", "Vlast.kz", "Kursiv", "Orda.kz", "Tengrinews", "Eurasianet"});
    const CreditSources c = creditSources(&d);
    const float width = 700.0f;  // the map's credit alone takes about 1.4 lines
    const auto lines = fitCredits(c, width, 2, kWidth);
    ASSERT_EQ(lines.size(), 2u);
    for (const auto& l : lines) EXPECT_LE(kWidth(l), width) << l;
    const std::string text = joined(lines);
    EXPECT_NE(text.find(kMapDataAttribution), std::string::npos) << "the licence's credit is never cut: " << text;
    EXPECT_NE(text.find(" more sources."), std::string::npos) << text;
    EXPECT_EQ(text.rfind("Events: France 2, ", 0), 0u) << "the first outlets are kept: " << text;
    EXPECT_EQ(fitCredits(c, width, 2, kWidth), lines) << "the same inputs give the same line";
    // As many outlets as fit: naming one more would not.
    const auto more = text.find(" and ");
    ASSERT_NE(more, std::string::npos);
    const std::size_t kept = static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(more), ',')) + 1;
    ASSERT_LT(kept, c.outlets.size());
    std::string withOneMore = "Events: ";
    for (std::size_t i = 0; i <= kept; ++i) withOneMore += (i ? ", " : "") + c.outlets[i];
    withOneMore += " and " + std::to_string(c.outlets.size() - kept - 1) + " more sources. " + kMapDataAttribution;
    EXPECT_GT(fitText(withOneMore, OverlayText::Credit, width, 1000, [](const std::string& t, OverlayText) {
                  return TextSize{kWidth(t), 10.0f};
              }).size(),
              2u);
}

TEST(Credits, RequiredCreditsAreNeverCutEvenWhenTheyNeedMoreLines) {
    const Dataset d = withOutlets({"France 2", "Sky News"});
    const CreditSources c = creditSources(&d);
    const auto lines = fitCredits(c, 200.0f, 2, kWidth);
    EXPECT_GT(lines.size(), 2u);
    EXPECT_NE(joined(lines).find(kMapDataAttribution), std::string::npos);
    EXPECT_EQ(joined(lines).rfind("Events from 2 sources.", 0), 0u) << joined(lines);
    for (const auto& l : lines) EXPECT_LE(kWidth(l), 200.0f) << l;
}

TEST(Credits, AtLeastSixPointsOnPaperAndTwelvePixelsOnScreen) {
    for (const ExportPreset& p : exportPresets()) {
        const float minPx = minCreditFontPx(p.widthPx, p.heightPx);
        const float drawnPx = std::max(overlayFontPx(OverlayText::Credit) * pixelScaleForSize(p.widthPx, p.heightPx), minPx);
        const bool paper = std::string(p.name).rfind("a", 0) == 0;
        if (paper) {
            // 6 pt at 300 dpi: 6 / 72 × 300 = 25 px.
            EXPECT_GE(drawnPx, 25.0f) << p.name;
        } else {
            EXPECT_GE(drawnPx, 12.0f) << p.name;
        }
    }
    EXPECT_EQ(minCreditFontPx(1280, 720), 12.0f);
    EXPECT_EQ(minCreditFontPx(2480, 3508), 25.0f);
    EXPECT_EQ(minCreditFontPx(1000, 1000, 600), 50.0f);
}

TEST(Credits, TheStatusBarNamesImportedDataFirst) {
    Dataset d;
    d.attribution = "Data: Armed Conflict Location & Event Data (ACLED), acleddata.com";
    EXPECT_EQ(statusBarCredit(&d), std::string("Data: Armed Conflict Location & Event Data (ACLED), acleddata.com. ") +
                                       kMapDataAttribution);
    EXPECT_EQ(statusBarCredit(nullptr), kMapDataAttribution);
}
