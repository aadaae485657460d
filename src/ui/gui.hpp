#pragma once
// Every panel and dialog of the window, drawn in one place for one frame: the shortcut
// dispatcher, the docked layout, the map view, the panels, the dialogs and the toasts. Owns the
// panels' own state; shares everything else through AppState. Draws with ImGui only (the map is a
// texture the caller hands in), so a test can run it in any ImGui context.
#include <imgui.h>

#include "ui/app_state.hpp"
#include "ui/event_details_panel.hpp"
#include "ui/event_list_panel.hpp"
#include "ui/export_dialog.hpp"
#include "ui/export_events_dialog.hpp"
#include "ui/help_windows.hpp"
#include "ui/layers_panel.hpp"
#include "ui/layout.hpp"
#include "ui/map_view.hpp"
#include "ui/menu_bar.hpp"
#include "ui/moment_panel.hpp"
#include "ui/open_dialog.hpp"
#include "ui/presenter_overlay.hpp"
#include "ui/startup_dialogs.hpp"
#include "ui/status_bar.hpp"
#include "ui/story_panel.hpp"
#include "ui/style.hpp"
#include "ui/timeline_panel.hpp"

namespace qantar::ui {

class Gui {
public:
    // The layout for a window of this size with the panels the state shows (before drawing, so the
    // caller can size the map view and frame the camera first).
    static Layout layoutFor(const AppState& state, float width, float height, float uiScale, float presenterScale);

    // Draws one frame's interface between ImGui::NewFrame and ImGui::Render. state.layout must be
    // this frame's (layoutFor); `mapTexture` may be null.
    void draw(AppState& state, const Fonts& fonts, ImTextureID mapTexture);

    // The dataset changed: panels forget what they kept about the old one.
    void datasetChanged() { m_timeline.reset(); }

    const TimelinePanel& timeline() const { return m_timeline; }
    const ExportDialog& exportDialog() const { return m_export; }
    const OpenDialog& openDialog() const { return m_open; }
    const ExportEventsDialog& exportEventsDialog() const { return m_exportEvents; }
    bool dialogOpen() const { return m_export.isOpen() || m_open.isOpen() || m_exportEvents.isOpen(); }

private:
    void drawToasts(AppState& state);

    MenuBar m_menu;
    StatusBar m_status;
    MapView m_map;
    TimelinePanel m_timeline;
    LayersPanel m_layers;
    MomentPanel m_moment;
    EventListPanel m_events;
    EventDetailsPanel m_details;
    StoryPanel m_story;
    HelpWindows m_help;
    PresenterOverlay m_presenter;
    ExportDialog m_export;
    OpenDialog m_open;
    ExportEventsDialog m_exportEvents;
    StartupDialogs m_startup;
};

}  // namespace qantar::ui
