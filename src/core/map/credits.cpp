#include "core/map/credits.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include "core/export/export_spec.hpp"
#include "core/map/overlay_layout.hpp"

namespace qantar::core {

namespace {

std::string trimmed(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    const auto b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

std::string lowered(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A credit ends as a sentence, so the next one reads apart from it.
std::string sentence(std::string s) {
    s = trimmed(s);
    if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s += '.';
    return s;
}

}  // namespace

CreditSources creditSources(const Dataset* data) {
    CreditSources c;
    if (data && !trimmed(data->attribution).empty()) c.required.push_back(sentence(data->attribution));
    c.required.push_back(kMapDataAttribution);
    if (!data) return c;
    std::string requiredText;
    for (const auto& r : c.required) requiredText += r + " ";
    std::vector<std::string> seen;  // lower case
    auto add = [&](const std::string& name) {
        const std::string n = trimmed(name);
        if (n.empty()) return;
        const std::string key = lowered(n);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) return;
        seen.push_back(key);
        // Named already by what its terms require ("ACLED (Armed Conflict ...)" beside "(ACLED)").
        const auto paren = n.find(" (");
        const std::string shortName = paren == std::string::npos ? n : n.substr(0, paren);
        if (requiredText.find(n) != std::string::npos ||
            (shortName.size() >= 3 && requiredText.find(shortName) != std::string::npos)) {
            return;
        }
        c.outlets.push_back(n);
    };
    for (const auto& src : data->sources) {
        // An export's source column lists several outlets: "Caspian Wire; Steppe Courier".
        std::size_t from = 0;
        while (from <= src.outlet.size()) {
            const auto semi = src.outlet.find(';', from);
            add(src.outlet.substr(from, semi == std::string::npos ? std::string::npos : semi - from));
            if (semi == std::string::npos) break;
            from = semi + 1;
        }
    }
    return c;
}

std::vector<std::string> fitCredits(const CreditSources& s, float maxWidth, std::size_t maxLines,
                                    const CreditWidth& width) {
    const TextMeasure measure = [&width](const std::string& t, OverlayText) { return TextSize{width(t), 0.0f}; };
    std::string required;
    for (const auto& r : s.required) required += (required.empty() ? "" : " ") + r;
    // The text naming the first `k` outlets, the others counted.
    auto text = [&](std::size_t k) {
        const std::size_t n = s.outlets.size();
        std::string events;
        if (n > 0) {
            events = "Events: ";
            for (std::size_t i = 0; i < k; ++i) events += (i == 0 ? "" : ", ") + s.outlets[i];
            const std::size_t more = n - k;
            if (k == 0) events = "Events from " + std::to_string(n) + (n == 1 ? " source" : " sources");
            else if (more > 0) events += " and " + std::to_string(more) + (more == 1 ? " more source" : " more sources");
            events += ".";
        }
        return events.empty() ? required : required.empty() ? events : events + " " + required;
    };
    const std::size_t lines = std::max<std::size_t>(1, maxLines);
    const std::size_t unlimited = std::numeric_limits<std::size_t>::max();
    for (std::size_t k = s.outlets.size() + 1; k-- > 0;) {
        // Wrapped without a limit, so "fits" means nothing was cut.
        auto wrapped = fitText(text(k), OverlayText::Credit, maxWidth, unlimited, measure);
        if (wrapped.size() <= lines) return wrapped;
    }
    // Not even the required credits fit in `maxLines`: they take what they need, never cut.
    return fitText(text(0), OverlayText::Credit, maxWidth, unlimited, measure);
}

float minCreditFontPx(int widthPx, int heightPx, int dpi) {
    constexpr float kMinPoints = 6.0f, kScreenMinPx = 12.0f, kPaperDpi = 300.0f;
    if (dpi > 0) return std::max(kScreenMinPx, kMinPoints * static_cast<float>(dpi) / 72.0f);
    for (const auto& p : exportPresets()) {
        // The paper presets are the ones named for a sheet ("a4-portrait"), drawn at 300 dpi.
        if (p.widthPx == widthPx && p.heightPx == heightPx && p.name[0] == 'a') {
            return std::ceil(kMinPoints * kPaperDpi / 72.0f);
        }
    }
    return kScreenMinPx;
}

std::string statusBarCredit(const Dataset* data) {
    std::string credit;
    if (data && !trimmed(data->attribution).empty()) credit = sentence(data->attribution) + " ";
    return credit + kMapDataAttribution;
}

}  // namespace qantar::core
