#include "ui/export_dialog.hpp"

#include <imgui.h>

#include <cstdio>

#include "ui/app_state.hpp"

namespace qantar::ui {

namespace {

struct Preset {
    const char* label;
    int w, h;
};
const Preset kPresets[] = {
    {"1280 x 720 (720p)", 1280, 720},         {"1920 x 1080 (1080p, slides)", 1920, 1080},
    {"3840 x 2160 (4K)", 3840, 2160},         {"7680 x 4320 (8K)", 7680, 4320},
    {"1600 x 1200 (4:3 slides)", 1600, 1200}, {"1080 x 1080 (square)", 1080, 1080},
    {"3508 x 2480 (A4 landscape, 300 dpi)", 3508, 2480}, {"2480 x 3508 (A4 portrait, 300 dpi)", 2480, 3508},
};

}  // namespace

void ExportDialog::open(const AppState& state) {
    m_open = true;
    m_justOpened = true;
    m_error.clear();
    ExportRequest& r = const_cast<AppState&>(state).exportJob.request;
    r.time = state.clock.now;
    if (state.world) {
        r.from = state.world->data().coverageStart;
        r.to = state.world->data().coverageEnd;
    }
    std::snprintf(m_from, sizeof m_from, "%s", core::formatIso(r.from, state.displayZone).c_str());
    std::snprintf(m_to, sizeof m_to, "%s", core::formatIso(r.to, state.displayZone).c_str());
    if (m_path[0] == '\0') std::snprintf(m_path, sizeof m_path, "qantar-export.png");
}

void ExportDialog::draw(AppState& state) {
    ExportJob& job = state.exportJob;
    if (m_justOpened) {
        ImGui::OpenPopup("Export");
        m_justOpened = false;
    }
    if (!ImGui::BeginPopupModal("Export", &m_open, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ExportRequest& r = job.request;
    if (job.running) {
        ImGui::Text("Exporting %zu of %zu frames...", job.done, job.total);
        const float f = job.total ? static_cast<float>(job.done) / static_cast<float>(job.total) : 0.0f;
        char overlay[64];
        std::snprintf(overlay, sizeof overlay, "%.0f%%, about %.0f s left", f * 100.0f, job.etaSeconds);
        ImGui::ProgressBar(f, ImVec2(420, 0), overlay);
        if (ImGui::Button("Cancel")) job.cancelRequested = true;
        ImGui::EndPopup();
        return;
    }
    int kind = static_cast<int>(r.kind);
    ImGui::RadioButton("Image", &kind, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Sequence of PNGs", &kind, 1);
    ImGui::SameLine();
    ImGui::RadioButton("Video (MP4 or GIF)", &kind, 2);
    r.kind = static_cast<ExportKind>(kind);

    ImGui::SetNextItemWidth(320);
    if (ImGui::BeginCombo("Size", kPresets[m_preset].label)) {
        for (int i = 0; i < static_cast<int>(sizeof kPresets / sizeof kPresets[0]); ++i) {
            if (ImGui::Selectable(kPresets[i].label, i == m_preset)) m_preset = i;
        }
        ImGui::EndCombo();
    }
    r.widthPx = kPresets[m_preset].w;
    r.heightPx = kPresets[m_preset].h;
    int theme = static_cast<int>(r.theme);
    ImGui::RadioButton("Dark", &theme, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Light / print", &theme, 1);
    ImGui::SameLine();
    ImGui::RadioButton("High contrast", &theme, 2);
    r.theme = static_cast<core::ThemeId>(theme);
    ImGui::Checkbox("Transparent background", &r.transparent);
    ImGui::SameLine();
    ImGui::Checkbox("Use the window's view", &r.useCurrentView);

    ImGui::InputText("Title", m_title, sizeof m_title);
    ImGui::InputText("Subtitle", m_subtitle, sizeof m_subtitle);
    ImGui::TextUnformatted("Burn in:");
    ImGui::Checkbox("Title", &r.overlayTitle);
    ImGui::SameLine();
    ImGui::Checkbox("Date-time and counters", &r.overlayTime);
    ImGui::SameLine();
    ImGui::Checkbox("Legend", &r.overlayLegend);
    ImGui::Checkbox("Scale bar", &r.overlayScale);
    ImGui::SameLine();
    ImGui::Checkbox("North arrow", &r.overlayNorth);
    ImGui::SameLine();
    ImGui::Checkbox("Credits", &r.overlayAttribution);
    if (!r.overlayAttribution) ImGui::TextColored(ImVec4(1, 0.7f, 0.3f, 1), "The regions' licence (CC BY 4.0) requires the credit.");

    if (r.kind == ExportKind::Image) {
        ImGui::Text("Moment: %s", core::formatForDisplay(r.time, state.displayZone, core::Precision::Exact).c_str());
    } else {
        ImGui::SetNextItemWidth(220);
        ImGui::InputText("From", m_from, sizeof m_from);
        ImGui::SetNextItemWidth(220);
        ImGui::InputText("To", m_to, sizeof m_to);
        ImGui::SetNextItemWidth(100);
        ImGui::InputText("Step (30m, 6h, 1d)", m_step, sizeof m_step);
        if (r.kind == ExportKind::Video) {
            ImGui::SetNextItemWidth(100);
            ImGui::SliderInt("Frames per second", &r.fps, 1, 60);
        }
    }
    ImGui::SetNextItemWidth(420);
    ImGui::InputText(r.kind == ExportKind::Image      ? "PNG file"
                     : r.kind == ExportKind::Sequence ? "Directory"
                                                      : "Video file (.mp4 or .gif)",
                     m_path, sizeof m_path);
    if (!m_error.empty()) ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", m_error.c_str());
    if (!job.message.empty()) ImGui::TextWrapped("%s", job.message.c_str());

    if (ImGui::Button("Export", ImVec2(120, 0))) {
        m_error.clear();
        r.title = m_title;
        r.subtitle = m_subtitle;
        r.path = m_path;
        if (r.kind != ExportKind::Image) {
            auto f = core::parseIsoTime(m_from, state.displayZone);
            auto t = core::parseIsoTime(m_to, state.displayZone);
            auto s = core::parseDuration(m_step);
            if (!f) m_error = "From: " + f.error().message;
            else if (!t) m_error = "To: " + t.error().message;
            else if (!s) m_error = "Step: " + s.error().message;
            else if (t->instant < f->instant) m_error = "To is earlier than From";
            else {
                r.from = f->instant;
                r.to = t->instant;
                r.step = *s;
            }
        }
        if (r.path.empty()) m_error = "Choose where to write the export.";
        if (m_error.empty()) {
            job.requested = true;
            job.message.clear();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Close", ImVec2(120, 0))) {
        m_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace qantar::ui
