#include "ui/export_dialog.hpp"

#include "core/io/directory_listing.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "core/time/time_input.hpp"
#include "ui/model_actions.hpp"

namespace qantar::ui {

namespace {

const char* kindLabel(core::ExportKind k) {
    switch (k) {
        case core::ExportKind::Image: return "Image (PNG)";
        case core::ExportKind::Sequence: return "Sequence of PNGs";
        case core::ExportKind::Video: return "Video (MP4 or GIF)";
        case core::ExportKind::StorySlides: return "Story slides (PNGs)";
        case core::ExportKind::StoryVideo: return "Story video";
        case core::ExportKind::Timeline: return "Timeline figure (PNG)";
    }
    return "";
}

// A whole day boundary at or before `t` in `zone`.
core::Instant floorDay(core::Instant t, core::ZoneOffset zone) {
    core::CivilTime c = core::toCivil(t, zone);
    c.hour = c.minute = c.second = 0;
    return core::toInstant(c, zone);
}

// A whole day boundary at or after `t` in `zone`.
core::Instant ceilDay(core::Instant t, core::ZoneOffset zone) {
    const core::Instant f = floorDay(t, zone);
    return f == t ? t : f + core::Duration::days(1);
}

std::string compactIso(core::Instant t, core::ZoneOffset zone) {
    const core::CivilTime c = core::toCivil(t, zone);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", c.year, c.month, c.day, c.hour, c.minute);
    return buf;
}

std::string defaultName(core::ExportKind kind, core::Instant t, core::ZoneOffset zone) {
    const core::CivilTime c = core::toCivil(t, zone);
    char buf[64];
    switch (kind) {
        case core::ExportKind::Image:
            std::snprintf(buf, sizeof buf, "qantar-%04d-%02d-%02d-%02d%02d.png", c.year, c.month, c.day, c.hour, c.minute);
            return buf;
        case core::ExportKind::Sequence: return "qantar-frames";
        case core::ExportKind::Video: return "qantar-week.mp4";
        case core::ExportKind::StorySlides: return "qantar-story-slides";
        case core::ExportKind::StoryVideo: return "qantar-story.mp4";
        case core::ExportKind::Timeline: return "qantar-timeline.png";
    }
    return "qantar-export.png";
}

const char* fieldLabel(core::ExportField f) {
    switch (f) {
        case core::ExportField::Size: return "Size";
        case core::ExportField::Out: return "Save to";
        case core::ExportField::Fps: return "Frames per second";
        case core::ExportField::Range: return "From / To";
        case core::ExportField::Step: return "Step";
        case core::ExportField::Story: return "Story";
        case core::ExportField::Scene: return "Scene";
        case core::ExportField::Grid: return "Grid";
    }
    return "";
}

}  // namespace

void ExportDialog::open(const AppState& state) {
    m_open = true;
    m_justOpened = true;
    m_error.clear();
    m_spec.theme = state.theme == core::ThemeId::Dark ? core::ThemeId::Light : state.theme;
    m_time = compactIso(state.clock.now, state.displayZone);
    if (state.world) {
        const core::Interval& range = state.world->timeRange();
        // Whole days in the zone shown, not the odd hours an import's coverage may start at.
        m_from = compactIso(floorDay(range.start, state.displayZone), state.displayZone);
        m_to = compactIso(ceilDay(range.end, state.displayZone), state.displayZone);
        // The timeline figure covers what the window's timeline shows.
        const core::Interval& view = state.timelineView.start < state.timelineView.end ? state.timelineView : range;
        m_timelineFrom = compactIso(view.start, state.displayZone);
        m_timelineTo = compactIso(view.end, state.displayZone);
    }
    if (m_path.empty() || !state.exportStatus.lastPath.empty()) {
        const std::string folder = state.exportFolder.empty() ? core::homeDirectory() : state.exportFolder;
        m_path = folder + "/" + defaultName(m_spec.kind, state.clock.now, state.displayZone);
    }
    if ((m_spec.kind == core::ExportKind::StorySlides || m_spec.kind == core::ExportKind::StoryVideo) &&
        !state.story.story) {
        setKind(core::ExportKind::Image);
    }
}

void ExportDialog::setKind(core::ExportKind kind) {
    if (kind == m_spec.kind) return;
    m_spec.kind = kind;
    // The name follows the kind: a video gets .mp4, a folder loses its extension.
    m_path = core::withExtensionFor(kind, m_path);
}

bool ExportDialog::buildSpec(AppState& state) {
    m_error.clear();
    core::ExportSpec& s = m_spec;
    if (m_preset >= 0) {
        const core::ExportPreset& p = core::exportPresets()[static_cast<std::size_t>(m_preset)];
        s.widthPx = p.widthPx;
        s.heightPx = p.heightPx;
    } else {
        auto size = core::parseExportSize(m_size);
        if (!size) {
            m_error = "Size: " + size.error().message;
            return false;
        }
        s.widthPx = size->first;
        s.heightPx = size->second;
    }
    s.title = m_title;
    s.subtitle = m_subtitle;
    // A subtitle alone still gets the title box.
    s.overlays.title = m_titleBox && (!m_title.empty() || !m_subtitle.empty());
    s.mapLayers = state.layers;
    s.layers = state.eventLayers;
    s.filter = m_useFilter ? state.filter : core::EventFilter{};
    s.zone = state.displayZone;
    s.view.reset();
    if (m_useView) {
        // The window's view at the export's size: the same centre, the same height of map shown.
        const core::StoryView v = onScreenView(state);
        s.view = core::ExportView{v.center, v.spanMeters};
    }
    s.out = m_path;
    s.story = state.story.story ? &*state.story.story : nullptr;
    s.annotationScene = state.player.scene();  // the annotations on the map go into the image too
    if (s.kind == core::ExportKind::Timeline) {
        auto f = core::parseUserTime(m_timelineFrom, state.displayZone, state.clock.now);
        auto t = core::parseUserTime(m_timelineTo, state.displayZone, state.clock.now);
        if (!f) m_error = "From: " + f.error().message;
        else if (!t) m_error = "To: " + t.error().message;
        else if (!(f->instant < t->instant)) m_error = "From / To: the end must be later than the start";
        if (!m_error.empty()) return false;
        s.from = f->instant;
        s.to = t->instant;
        s.time.reset();
    } else if (s.kind == core::ExportKind::Image) {
        auto t = core::parseUserTime(m_time, state.displayZone, state.clock.now);
        if (!t) {
            m_error = "Moment: " + t.error().message;
            return false;
        }
        s.time = t->instant;
    } else if (s.kind == core::ExportKind::Sequence || s.kind == core::ExportKind::Video) {
        auto f = core::parseUserTime(m_from, state.displayZone, state.clock.now);
        auto t = core::parseUserTime(m_to, state.displayZone, state.clock.now);
        auto d = core::parseDuration(m_step);
        if (!f) m_error = "From: " + f.error().message;
        else if (!t) m_error = "To: " + t.error().message;
        else if (!d) m_error = "Step: " + d.error().message;
        if (!m_error.empty()) return false;
        s.from = f->instant;
        s.to = t->instant;
        s.step = *d;
    }
    if (auto p = core::exportProblem(s)) {
        m_error = std::string(fieldLabel(p->field)) + ": " + p->message;
        return false;
    }
    return true;
}

void ExportDialog::drawMoments(AppState& state) {
    const float em = ImGui::GetFontSize();
    const bool haveStory = state.story.story && !state.story.story->scenes.empty();
    switch (m_spec.kind) {
        case core::ExportKind::Image:
            ImGui::SetNextItemWidth(em * 12.0f);
            ImGui::InputText("Moment##export", &m_time);
            break;
        case core::ExportKind::Sequence:
        case core::ExportKind::Video: {
            ImGui::SetNextItemWidth(em * 10.0f);
            ImGui::InputText("From##export", &m_from);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em * 10.0f);
            ImGui::InputText("To##export", &m_to);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em * 4.0f);
            ImGui::InputText("Step (30m, 6h, 1d)##export", &m_step);
            auto f = core::parseUserTime(m_from, state.displayZone, state.clock.now);
            auto t = core::parseUserTime(m_to, state.displayZone, state.clock.now);
            auto d = core::parseDuration(m_step);
            if (f && t && d && !(t->instant < f->instant) && d->seconds > 0) {
                const auto frames = (t->instant - f->instant).seconds / d->seconds + 1;
                if (m_spec.kind == core::ExportKind::Video) {
                    ImGui::TextDisabled("%lld frames: %.1f s of video at %d fps", static_cast<long long>(frames),
                                        static_cast<double>(frames) / std::max(1, m_spec.fps), m_spec.fps);
                } else {
                    ImGui::TextDisabled("%lld frames", static_cast<long long>(frames));
                }
            }
            break;
        }
        case core::ExportKind::StorySlides:
            if (haveStory) {
                const int n = static_cast<int>(state.story.story->scenes.size());
                ImGui::SetNextItemWidth(em * 8.0f);
                ImGui::SliderInt("Scene (0: all)##export", &m_spec.scene, 0, n);
                ImGui::TextDisabled("Each slide shows its scene at the last moment of its range, with its caption.");
            }
            break;
        case core::ExportKind::StoryVideo:
            if (haveStory) ImGui::TextDisabled("The whole story with its transitions, as presented.");
            break;
        case core::ExportKind::Timeline:
            ImGui::SetNextItemWidth(em * 10.0f);
            ImGui::InputText("From##export_timeline", &m_timelineFrom);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em * 10.0f);
            ImGui::InputText("To##export_timeline", &m_timelineTo);
            ImGui::TextDisabled("The lanes, the internet, curfew and emergency bands and the days over this range\n"
                                "(what the timeline showed when this dialog opened).");
            break;
    }
    if (core::writesVideo(m_spec.kind)) {
        ImGui::SetNextItemWidth(em * 8.0f);
        ImGui::SliderInt("Frames per second##export", &m_spec.fps, core::kMinExportFps, core::kMaxExportFps);
    }

}

bool ExportDialog::drawOutput(AppState& state) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 30.0f);
    ImGui::InputText(core::writesFolder(m_spec.kind) ? "Folder##export_path" : "File##export_path", &m_path);
    ImGui::SameLine();
    if (ImGui::Button("Browse...##export")) {
        const std::string dir = state.exportFolder.empty() ? core::homeDirectory() : state.exportFolder;
        const auto slash = m_path.find_last_of('/');
        const std::string name = slash == std::string::npos ? m_path : m_path.substr(slash + 1);
        std::vector<FileFilter> filters;
        if (m_spec.kind == core::ExportKind::Image || m_spec.kind == core::ExportKind::Timeline) {
            filters = {{"PNG images", {".png"}}};
        }
        else if (core::writesVideo(m_spec.kind)) filters = {{"MP4 video", {".mp4"}}, {"GIF animation", {".gif"}}};
        m_browser.open(core::writesFolder(m_spec.kind) ? FileBrowser::Mode::Folder : FileBrowser::Mode::Save,
                       "Export to###export_browse", dir, core::writesFolder(m_spec.kind) ? "" : name, filters,
                       {{"Home", core::homeDirectory()}});
    }
    // Esc in the browser closes the browser only, not this dialog too.
    const bool browsing = m_browser.isOpen();
    if (auto chosen = m_browser.draw()) {
        m_path = *chosen;
        state.exportFolder = m_browser.directory();
    }
    return browsing;
}

void ExportDialog::draw(AppState& state) {
    ExportStatus& job = state.exportStatus;
    if (m_justOpened) {
        ImGui::OpenPopup("Export###export_dialog");
        m_justOpened = false;
    }
    const core::ScreenRect& w = state.layout.window;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(w.w * 0.5), static_cast<float>(w.h * 0.5)), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(static_cast<float>(w.w) - 20.0f, static_cast<float>(w.h) - 20.0f));
    if (!ImGui::BeginPopupModal("Export###export_dialog", &m_open, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const float em = ImGui::GetFontSize();
    if (job.running) {
        ImGui::Text("Exporting %zu of %zu frames to", job.done, job.total);
        ImGui::TextUnformatted(m_spec.out.c_str());
        const float f = job.total ? static_cast<float>(job.done) / static_cast<float>(job.total) : 0.0f;
        char overlay[64];
        std::snprintf(overlay, sizeof overlay, "%.0f%%, about %.0f s left", f * 100.0f, job.etaSeconds);
        ImGui::ProgressBar(f, ImVec2(em * 26.0f, 0), overlay);
        if (ImGui::Button("Cancel##export")) state.actions.push(action::CancelExport{});
        ImGui::EndPopup();
        return;
    }
    const bool haveStory = state.story.story && !state.story.story->scenes.empty();
    for (core::ExportKind k : {core::ExportKind::Image, core::ExportKind::Sequence, core::ExportKind::Video,
                               core::ExportKind::StorySlides, core::ExportKind::StoryVideo, core::ExportKind::Timeline}) {
        const bool story = k == core::ExportKind::StorySlides || k == core::ExportKind::StoryVideo;
        // The timeline figure starts a second row: one row of six kinds is wider than the dialog.
        if (k != core::ExportKind::Image && k != core::ExportKind::Timeline) ImGui::SameLine();
        if (story && !haveStory) ImGui::BeginDisabled();
        if (ImGui::RadioButton(kindLabel(k), m_spec.kind == k)) setKind(k);
        if (story && !haveStory) ImGui::EndDisabled();
    }

    ImGui::SetNextItemWidth(em * 20.0f);
    const auto& presets = core::exportPresets();
    const char* preview = m_preset >= 0 ? presets[static_cast<std::size_t>(m_preset)].label : "Custom size";
    if (ImGui::BeginCombo("Size##export", preview)) {
        for (int i = 0; i < static_cast<int>(presets.size()); ++i) {
            if (ImGui::Selectable(presets[static_cast<std::size_t>(i)].label, i == m_preset)) m_preset = i;
        }
        if (ImGui::Selectable("Custom size", m_preset < 0)) m_preset = -1;
        ImGui::EndCombo();
    }
    if (m_preset < 0) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 7.0f);
        ImGui::InputTextWithHint("##custom_size", "1600x900", m_size, sizeof m_size);
    }
    int theme = static_cast<int>(m_spec.theme);
    ImGui::RadioButton("Dark##export_theme", &theme, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Light (print)##export_theme", &theme, 1);
    ImGui::SameLine();
    ImGui::RadioButton("High contrast##export_theme", &theme, 2);
    m_spec.theme = static_cast<core::ThemeId>(theme);
    ImGui::Checkbox("Transparent background", &m_spec.transparent);
    ImGui::SameLine();
    ImGui::Checkbox("The window's view", &m_useView);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off: all of Kazakhstan fitted to the image");
    if (state.filter.active()) {
        ImGui::SameLine();
        ImGui::Checkbox("Only the filtered events", &m_useFilter);
    }

    ImGui::SetNextItemWidth(em * 26.0f);
    ImGui::InputTextWithHint("Title##export_text", "e.g. Kazakhstan, 5 January 2022", &m_title);
    ImGui::SetNextItemWidth(em * 26.0f);
    ImGui::InputTextWithHint("Subtitle##export_text", "e.g. State of emergency, internet shut down", &m_subtitle);
    ImGui::TextUnformatted("Burn in:");
    ImGui::SameLine();
    ImGui::Checkbox("Title box##burn", &m_titleBox);
    ImGui::SameLine();
    ImGui::Checkbox("Date-time and counters##burn", &m_spec.overlays.time);
    ImGui::SameLine();
    ImGui::Checkbox("Legend##burn", &m_spec.overlays.legend);
    ImGui::Checkbox("Scale bar##burn", &m_spec.overlays.scale);
    ImGui::SameLine();
    ImGui::Checkbox("North arrow##burn", &m_spec.overlays.north);
    ImGui::SameLine();
    ImGui::Checkbox("Credits##burn", &m_spec.overlays.attribution);
    if (!m_spec.overlays.attribution) {
        ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram), "The regions' licence (CC BY 4.0) requires the credit.");
    }

    drawMoments(state);
    const bool browsing = drawOutput(state);
    if (!m_error.empty()) {
        ImGui::PushTextWrapPos(em * 34.0f);
        ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotLinesHovered), "%s", m_error.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!job.message.empty()) {
        ImGui::PushTextWrapPos(em * 34.0f);
        ImGui::TextWrapped("%s", job.message.c_str());
        ImGui::PopTextWrapPos();
    }

    if (ImGui::Button("Export##export_go", ImVec2(em * 7.0f, 0)) && buildSpec(state)) {
        const auto slash = m_spec.out.find_last_of('/');
        if (slash != std::string::npos && slash > 0) state.exportFolder = m_spec.out.substr(0, slash);
        state.actions.push(action::StartExport{m_spec});
    }
    ImGui::SameLine();
    if (ImGui::Button("Close##export", ImVec2(em * 7.0f, 0)) || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !browsing && !ImGui::GetIO().WantTextInput)) {
        m_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace qantar::ui
