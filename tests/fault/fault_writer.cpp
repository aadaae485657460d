// A writer for the fault-injection suite: saves settings, a story or a story autosave through the
// same core functions the window uses, once or over and over, so that the suite can kill it at
// any moment of a save, fill its disk or make its folder read-only, and then look at what is left.
//   fault_writer KIND PATH VERSION        one save of version VERSION (exit 1 with the message)
//   fault_writer KIND PATH VERSION loop   saves versions VERSION, VERSION+1, ... until killed
//   fault_writer KIND PATH VERSION check  exit 0 if PATH holds a complete save of some version,
//                                          printing that version
// KIND: settings | story | autosave. Each version is a different, complete file: the settings'
// window width, the story's scene count and the autosave's scene count say which it is. Stories and
// autosaves carry an annotation naming their version too, and `check` counts a file complete only
// when it holds it: annotations survive a kill -9 during a save as the rest of the story does.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/io/user_files.hpp"
#include "core/story/story.hpp"
#include "core/time/time.hpp"

using namespace qantar;

namespace {

core::Story storyOf(int version) {
    core::Story s{"Fault story " + std::to_string(version), {}, {}};
    for (int i = 0; i < version % 50 + 1; ++i) {
        core::Scene sc;
        sc.title = "Scene " + std::to_string(i + 1);
        // A long caption makes each save big enough for a kill to land inside it.
        sc.caption = std::string(800, static_cast<char>('a' + i % 26));
        sc.start = core::parseIsoTime("2022-01-05T12:00:00+06:00")->instant;
        s.scenes.push_back(sc);
    }
    core::Annotation a;
    a.kind = core::AnnotationKind::Circle;
    a.text = "Annotation " + std::to_string(version);
    a.points = {core::LonLat{76.9456, 43.238}};
    a.radiusKm = 5.0;
    s.scenes.back().annotations.push_back(a);
    return s;
}

core::Status save(const std::string& kind, const std::string& path, int version) {
    if (kind == "settings") {
        core::Settings s;
        s.windowWidth = 400 + version % 4000;
        s.openFolder = std::string(4000, 'x');
        return core::saveSettings(s, path);
    }
    if (kind == "story") return core::saveStory(storyOf(version), path);
    return core::writeStoryAutosave({storyOf(version), "/stories/fault.json"}, path);
}

// The version a story holds, or -1 when its annotation is not that version's.
int versionOf(const core::Story& story) {
    const int v = std::atoi(story.title.c_str() + 12);
    const auto& annotations = story.scenes.back().annotations;
    if (annotations.size() != 1 || annotations[0].text != "Annotation " + std::to_string(v) ||
        annotations[0].kind != core::AnnotationKind::Circle)
        return -1;
    return v;
}

// The version a complete file holds, or -1.
int versionIn(const std::string& kind, const std::string& path) {
    if (kind == "settings") {
        auto [s, problem] = core::loadSettings(path);
        if (problem) return -1;
        return s.windowWidth - 400;
    }
    if (kind == "story") {
        auto story = core::loadStory(path);
        if (!story) return -1;
        return versionOf(*story);
    }
    std::string problem;
    auto a = core::readStoryAutosave(path, &problem);
    if (!a) return -1;
    return versionOf(a->story);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: fault_writer settings|story|autosave PATH VERSION [loop|check]\n");
        return 2;
    }
    const std::string kind = argv[1], path = argv[2], mode = argc > 4 ? argv[4] : "";
    int version = std::atoi(argv[3]);
    if (mode == "check") {
        const int v = versionIn(kind, path);
        if (v < 0) return 1;
        std::printf("%d\n", v);
        return 0;
    }
    do {
        if (auto err = save(kind, path, version)) {
            std::fprintf(stderr, "fault_writer: %s\n", err->message.c_str());
            return 1;
        }
        ++version;
    } while (mode == "loop");
    return 0;
}
