#pragma once
// Encodes and writes PNGs on worker threads while the caller renders the next frame, so a
// sequence export overlaps rendering (OpenGL, caller's thread) with PNG compression.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/io/error.hpp"
#include "render/image.hpp"

namespace qantar::render {

// Writes the image as a PNG file atomically, as writePng does, through a temporary beside it named
// as every qantar temporary is (makeTemporaryBeside), so a run killed mid-sequence leaves only
// temporaries that a later run recognises and removes.
core::Status writePngBeside(const Image& image, const std::string& path);

class PngWriterPool {
public:
    // `threads` workers; at most `maxPending` images wait (bounds memory: a 4K frame is 33 MB).
    explicit PngWriterPool(unsigned threads = 1, std::size_t maxPending = 2);
    ~PngWriterPool();
    PngWriterPool(const PngWriterPool&) = delete;
    PngWriterPool& operator=(const PngWriterPool&) = delete;

    // Queues an image; blocks while the queue is full. Returns the first error any earlier write
    // hit (after which nothing more is written).
    core::Status write(Image image, std::string path);
    // Waits for every queued write; the first error, if any.
    core::Status finish();

private:
    void work();
    struct Job {
        Image image;
        std::string path;
    };
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Job> m_queue;
    std::size_t m_busy = 0;
    std::size_t m_maxPending;
    bool m_stop = false;
    core::Status m_error;
    std::vector<std::thread> m_threads;
};

}  // namespace qantar::render
