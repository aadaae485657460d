// Panning the map in the window: while the view moves the base map is reused (shifted, only the
// uncovered strips drawn), and once the drag is released and the view settles the map is exactly
// what a fresh window shows for that view. And a still frame allocates no memory in qantar's own
// code; a playing or panning one only in what it recomputes (listed below).
#include <gtest/gtest.h>
#include <imgui.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "render/image.hpp"
#include "ui/item_probe.hpp"
#include "ui_driver.hpp"

#if __has_include(<execinfo.h>)
#include <execinfo.h>
#define QANTAR_HAVE_BACKTRACE 1
#endif

using namespace qantar;
using qantar::test::DriverOptions;
using qantar::test::UiDriver;

// Every operator new of this program goes through here; while a test counts (on its own thread
// only: the driver's loader and the GL driver's threads are not the frame's), each is counted.
// ImGui allocates with malloc through its own allocator, so what is counted is qantar's (and the
// standard library it calls).
namespace {
thread_local bool t_counting = false;
std::atomic<long> g_allocations{0};
[[maybe_unused]] bool traceAllocations() {
    static const bool on = std::getenv("QANTAR_TRACE_ALLOCATIONS") != nullptr;
    return on;
}
[[maybe_unused]] void* counted(std::size_t n) {
    if (t_counting) {
        g_allocations.fetch_add(1, std::memory_order_relaxed);
#ifdef QANTAR_HAVE_BACKTRACE
        if (traceAllocations()) {
            t_counting = false;
            void* frames[24];
            const int k = backtrace(frames, 24);
            std::fprintf(stderr, "--- allocation of %zu bytes\n", n);
            backtrace_symbols_fd(frames, k, 2);
            t_counting = true;
        }
#endif
    }
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
}  // namespace

// AddressSanitizer keeps its own allocator and checks how each block is freed: the sanitizer
// stage does not replace operator new, and the counting test skips there.
#ifndef __SANITIZE_ADDRESS__
void* operator new(std::size_t n) { return counted(n); }
void* operator new[](std::size_t n) { return counted(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return counted(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return counted(n);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
#endif

namespace {

DriverOptions at(const char* time) { return qantar::test::optionsAt(time); }

// Allocations made by `frames` steady frames of the driver, each after `before` (which may move
// the view). The test's own probe of ImGui's items (which copies their labels) is off meanwhile.
template <class Before>
long allocationsOver(UiDriver& d, int frames, Before before) {
    const bool probing = ui::ItemProbe::enabled();
    ui::ItemProbe::disable();
    long n = 0;
    for (int i = 0; i < frames; ++i) {
        before(i);
        g_allocations = 0;
        t_counting = true;
        d.frame();
        t_counting = false;
        n += g_allocations.load();
    }
    if (probing) ui::ItemProbe::enable();
    return n;
}
long allocationsOver(UiDriver& d, int frames) {
    return allocationsOver(d, frames, [](int) {});
}

}  // namespace

TEST(GuiPan, DraggingThenReleasingSettlesOnTheFullRedraw) {
    core::Camera settledView;
    render::Image afterDrag;
    {
        UiDriver d(at("2022-01-05T20:00"));
        d.advance(0.5);
        const core::ScreenRect m = d.state().layout.map;
        const int drawsBefore = d.session().compositor().baseDraws();
        const float x = static_cast<float>(m.x + m.w * 0.5), y = static_cast<float>(m.y + m.h * 0.5);
        // A slow drag, pixel by pixel and diagonally, the mouse held down over the last frames.
        d.drag(x, y, x - 97.0f, y + 41.0f, 24);
        EXPECT_GT(d.session().compositor().baseShifts(), 10) << "the moving view redrew the base instead of reusing it";
        EXPECT_LE(d.session().compositor().baseDraws(), drawsBefore + 2);
        d.moveMouse(2.0f, 2.0f);  // off the map: nothing pointed at
        d.advance(0.5);
        EXPECT_TRUE(d.session().settled());
        EXPECT_FALSE(d.session().compositor().baseIsDraft());
        settledView = d.state().camera;
        afterDrag = d.session().compositor().frame().read();
    }
    // A fresh window opened on the same view (its settled base is drawn whole, multisampled).
    UiDriver fresh(at("2022-01-05T20:00"));
    fresh.state().camera = settledView;
    fresh.moveMouse(2.0f, 2.0f);
    fresh.advance(0.5);
    EXPECT_EQ(fresh.state().camera.center().x, settledView.center().x);
    const render::Image full = fresh.session().compositor().frame().read();
    ASSERT_EQ(afterDrag.rgba.size(), full.rgba.size());
    EXPECT_TRUE(afterDrag.rgba == full.rgba) << "the settled map differs from a fresh full render of its view";
}

// A frame's allocations in qantar's code (ImGui's own go through malloc and are not counted).
// A still frame allocates nothing: the compositor, the symbol layout, the moment box, the event
// list, the timeline, the legend and the status bar reuse what they made. A frame that changes
// still allocates in what it recomputes; measured over 30 frames of the bundled data at 1280x720,
// with a bound a little above, so a new allocation in the per-frame path fails the test:
//   clock playing (178 a frame): the symbols laid out again for the new marks (the working
//     containers of core::layoutSymbols), the event layers evaluated for the new time
//     (core::EventWorld::layersAt returns new vectors), the signs placed again
//     (core::placeTags), and the moment box's caption written again;
//   view panning (250 a frame): the labels placed again for the new view (core::placeLabels),
//     and the symbols and signs laid out again.
TEST(GuiPan, AStillFrameAllocatesNothingAndAMovingOneOnlyWhatIsListed) {
#ifdef __SANITIZE_ADDRESS__
    GTEST_SKIP() << "allocations are not counted under AddressSanitizer";
#endif
    UiDriver d(at("2022-01-05T00:00"));
    d.advance(0.5);
    const core::ScreenRect m = d.state().layout.map;
    d.moveMouse(static_cast<float>(m.x + m.w * 0.3), static_cast<float>(m.y + m.h * 0.6));
    d.advance(0.5);
    constexpr int kFrames = 30;
    const long still = allocationsOver(d, kFrames);
    EXPECT_EQ(still, 0) << "a still frame";
    // The clock playing over the bundled events: symbols, night and panels change every frame.
    d.state().clock.playing = true;
    d.state().clock.loop = true;
    d.state().clock.simSecondsPerSecond = 4 * 3600.0;
    d.frame(kFrames);  // warm-up: buffers grow to their size
    const long playing = allocationsOver(d, kFrames);
    EXPECT_LE(playing, 200 * kFrames) << "with the clock playing";
    // The view panning with the clock paused, as a drag moves it.
    d.state().clock.playing = false;
    const auto pan = [&](int i) { d.state().camera.panByPixels(i % 20 < 10 ? 3.0 : -3.0, 1.0 - (i % 3)); };
    (void)allocationsOver(d, kFrames, pan);
    const long panning = allocationsOver(d, kFrames, pan);
    EXPECT_LE(panning, 275 * kFrames) << "with the view panning";
    std::printf("allocations a frame: still %.1f, clock playing %.1f, panning %.1f\n", double(still) / kFrames,
                double(playing) / kFrames, double(panning) / kFrames);
}
