#include "app/diagnostics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/io/atomic_file.hpp"
#include "ui/item_probe.hpp"
#include "ui/model_actions.hpp"

namespace qantar::app {

namespace {

// Median and 95th percentile of a list of per-frame times (not empty).
std::pair<double, double> medianP95(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

nlohmann::json rectJson(const ui::ProbedRect& r) {
    return nlohmann::json::array({std::round(r.x), std::round(r.y), std::round(r.w), std::round(r.h)});
}

}  // namespace

void FrameStats::add(double frameMs, double cpuMs, std::optional<double> gpuMs) {
    m_frame.push_back(frameMs);
    m_cpu.push_back(cpuMs);
    if (gpuMs) m_gpu.push_back(*gpuMs);
}

std::string FrameStats::json(const std::string& glRenderer) const {
    if (m_frame.empty()) return "{}";
    const auto [median, p95] = medianP95(m_frame);
    const auto [cpuMedian, cpuP95] = medianP95(m_cpu);
    nlohmann::ordered_json j;
    j["frames"] = m_frame.size();
    j["median_ms"] = median;
    j["p95_ms"] = p95;
    j["fps_median"] = 1000.0 / median;
    j["cpu_median_ms"] = cpuMedian;
    j["cpu_p95_ms"] = cpuP95;
    if (m_gpu.empty()) {
        j["gpu_median_ms"] = nullptr;
        j["gpu_p95_ms"] = nullptr;
    } else {
        const auto [gpuMedian, gpuP95] = medianP95(m_gpu);
        j["gpu_median_ms"] = gpuMedian;
        j["gpu_p95_ms"] = gpuP95;
    }
    j["gl_renderer"] = glRenderer;
    return j.dump();
}

std::string viewJson(const Session& session) {
    const ui::AppState& st = session.state();
    const core::MapXY c = st.camera.center();
    const auto ll = st.projection->unproject(c);
    nlohmann::ordered_json j;
    j["center_x"] = c.x;
    j["center_y"] = c.y;
    j["meters_per_pixel"] = st.camera.metersPerPixel();
    j["center_lon"] = ll ? ll->lon : 0.0;
    j["center_lat"] = ll ? ll->lat : 0.0;
    // The middle of the part of the map no panel or caption covers: where framing puts a scene.
    const core::StoryView framed = ui::onScreenView(st);
    const auto fl = st.projection->unproject(framed.center);
    j["framed_lon"] = fl ? fl->lon : 0.0;
    j["framed_lat"] = fl ? fl->lat : 0.0;
    j["theme"] = core::theme(st.theme).name;
    j["time"] = core::formatIso(st.clock.now, core::kUtc);
    j["playing"] = st.clock.playing;
    j["selected"] = st.selectedEvent && st.world ? st.world->data().events[*st.selectedEvent].id : "";
    j["presenting"] = st.presenting;
    j["scene"] = st.player.scene() + 1;
    j["story_ended"] = st.player.ended();
    j["blank"] = st.player.blank();
    j["recovery_offered"] = st.recovery.has_value();
    j["story_scenes"] = st.story.story ? st.story.story->scenes.size() : 0;
    j["story_edited"] = st.story.edited;
    j["autosave_rounds"] = session.autosaveRounds();
    j["autosave_path"] = session.autosavePath();
    j["autosave_problem"] = st.autosaveProblem;
    j["events"] = st.world ? st.world->data().events.size() : 0;
    const auto mapTime = session.mapEventsTime();
    j["map_events_time"] = mapTime ? core::formatIso(*mapTime, core::kUtc) : "";
    j["export_message"] = st.exportStatus.message;
    const core::ScreenRect& m = st.layout.map;
    j["map_rect"] = {m.x, m.y, m.w, m.h};
    return j.dump();
}

std::string layoutReportJson(int widthPx, int heightPx) {
    nlohmann::ordered_json j;
    j["window_size"] = {widthPx, heightPx};
    nlohmann::json windows = nlohmann::json::array();
    std::vector<std::string> shown;
    for (const auto& w : ui::ItemProbe::windows()) {
        if (w.tooltip) continue;
        windows.push_back({{"name", w.title}, {"id", w.name}, {"rect", rectJson(w.rect)}});
        shown.push_back(w.name);
    }
    j["windows"] = windows;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& it : ui::ItemProbe::items()) {
        if (!it.visible || std::find(shown.begin(), shown.end(), it.window) == shown.end()) continue;
        items.push_back({{"window", ui::ItemProbe::windowTitle(it.window)}, {"label", it.label.empty() ? it.rawLabel : it.label}, {"rect", rectJson(it.rect)}});
    }
    j["items"] = items;
    return j.dump(1);
}

std::string stateJson(const Session& session, int widthPx, int heightPx) {
    return "{\"view\": " + viewJson(session) + ", \"settled\": " + (session.settled() ? "true" : "false") +
           ", \"layout\": " + layoutReportJson(widthPx, heightPx) + "}";
}

core::Status writeLayoutReport(const std::string& path, int widthPx, int heightPx) {
    return core::writeFileAtomically(path, layoutReportJson(widthPx, heightPx) + "\n");
}

}  // namespace qantar::app
