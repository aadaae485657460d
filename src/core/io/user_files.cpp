#include "core/io/user_files.hpp"

#include "core/io/text_file.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/io/atomic_file.hpp"
#include "core/io/json_reader.hpp"
#include "core/geo/geojson.hpp"

namespace qantar::core {

namespace fs = std::filesystem;
using nlohmann::json;

std::string configDir() {
    std::string dir;
    if (const char* q = std::getenv("QANTAR_CONFIG_DIR"); q && *q) dir = q;
    else if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) dir = std::string(x) + "/qantar";
    else if (const char* h = std::getenv("HOME"); h && *h) dir = std::string(h) + "/.config/qantar";
    else dir = "/tmp/qantar-config";
    std::error_code ec;
    fs::create_directories(dir, ec);
    return dir;
}

std::string dataDir() {
    std::string dir;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) dir = std::string(x) + "/qantar";
    else if (const char* h = std::getenv("HOME"); h && *h) dir = std::string(h) + "/.local/share/qantar";
    else dir = "/tmp/qantar-data";
    std::error_code ec;
    fs::create_directories(dir, ec);
    return dir;
}

std::pair<Settings, std::optional<std::string>> loadSettings(const std::string& path) {
    Settings s;
    auto text = readTextFile(path, kSettingsFileLimit);
    if (!text) {
        if (text.error().kind == ErrorKind::FileNotFound) return {s, std::nullopt};
        return {s, text.error().message};
    }
    // Read safely (depth limited, plain words); a broken file gives the defaults and says why.
    JsonRead read = readJson(*text, path);
    if (read.error) return {Settings{}, read.error->message + "; the default settings are used"};
    try {
        const json& j = read.doc;
        if (!j.is_object()) return {s, path + ": settings: expected a JSON object; the default settings are used"};
        auto num = [&](const char* key, int& out, int lo, int hi) {
            if (auto it = j.find(key); it != j.end() && it->is_number_integer()) {
                const auto v = it->get<long long>();
                if (v >= lo && v <= hi) out = static_cast<int>(v);
            }
        };
        auto flag = [&](const char* key, bool& out) {
            if (auto it = j.find(key); it != j.end() && it->is_boolean()) out = it->get<bool>();
        };
        num("window_width", s.windowWidth, 320, 16384);
        num("window_height", s.windowHeight, 240, 16384);
        num("trail_hours", s.trailHours, 0, 72);
        flag("show_layers", s.showLayers);
        flag("show_events", s.showEvents);
        flag("cumulative", s.cumulative);
        if (auto it = j.find("theme"); it != j.end() && it->is_string()) {
            if (auto t = parseThemeName(it->get<std::string>())) s.theme = *t;
        }
        int zone = s.displayZone.minutes;
        num("display_zone_minutes", zone, -14 * 60, 14 * 60);
        s.displayZone = ZoneOffset{zone};
        auto string = [&](const char* key, std::string& out) {
            if (auto it = j.find(key); it != j.end() && it->is_string()) out = it->get<std::string>();
        };
        string("last_dataset", s.lastDataset);
        string("open_folder", s.openFolder);
        string("export_folder", s.exportFolder);
        string("story_folder", s.storyFolder);
    } catch (const json::exception&) {
        return {Settings{}, path + ": the settings file does not hold settings qantar can read; the default settings are used"};
    }
    return {s, std::nullopt};
}

Status saveSettings(const Settings& s, const std::string& path) {
    nlohmann::ordered_json j;
    j["version"] = 1;
    j["window_width"] = s.windowWidth;
    j["window_height"] = s.windowHeight;
    j["theme"] = theme(s.theme).name;
    j["display_zone_minutes"] = s.displayZone.minutes;
    j["last_dataset"] = s.lastDataset;
    j["show_layers"] = s.showLayers;
    j["show_events"] = s.showEvents;
    j["trail_hours"] = s.trailHours;
    j["cumulative"] = s.cumulative;
    j["open_folder"] = s.openFolder;
    j["export_folder"] = s.exportFolder;
    j["story_folder"] = s.storyFolder;
    return writeFileAtomically(path, j.dump(2) + "\n");
}

Status writeStoryAutosave(const StoryAutosave& a, const std::string& path) {
    // The story in its own format, with the file it belongs to alongside.
    nlohmann::ordered_json j;
    j["qantar_autosave"] = 1;
    j["original_path"] = a.originalPath;
    j["story"] = json::parse(serializeStory(a.story));
    return writeFileAtomically(path, j.dump(2) + "\n");
}

std::optional<StoryAutosave> readStoryAutosave(const std::string& path, std::string* problem) {
    auto text = readTextFile(path, kAutosaveFileLimit);
    if (!text) return std::nullopt;
    JsonRead read = readJson(*text, path);
    if (read.error) {
        if (problem) *problem = read.error->message + " (the autosave is not trusted)";
        return std::nullopt;
    }
    try {
        const json& j = read.doc;
        auto story = parseStory(j.at("story").dump(), path);
        if (!story) {
            if (problem) *problem = story.error().message;
            return std::nullopt;
        }
        StoryAutosave a;
        a.story = std::move(*story);
        if (auto it = j.find("original_path"); it != j.end() && it->is_string()) a.originalPath = it->get<std::string>();
        return a;
    } catch (const json::exception&) {
        if (problem) *problem = path + ": the autosave holds no story qantar can read (it is not trusted)";
        return std::nullopt;
    }
}

void discardAutosave(const std::string& path) { std::remove(path.c_str()); }

}  // namespace qantar::core
