#include "render/export/png_writer_pool.hpp"

#include "core/io/atomic_file.hpp"

namespace qantar::render {

core::Status writePngBeside(const Image& image, const std::string& path) {
    // One strip: the pool already compresses one image per core, beside the thread that renders.
    auto bytes = encodePng(image, 1);
    if (!bytes) return bytes.error();
    return core::writeFileAtomically(path, std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
}

PngWriterPool::PngWriterPool(unsigned threads, std::size_t maxPending) : m_maxPending(std::max<std::size_t>(1, maxPending)) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i) m_threads.emplace_back([this] { work(); });
}

PngWriterPool::~PngWriterPool() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    for (auto& t : m_threads) t.join();
}

core::Status PngWriterPool::write(Image image, std::string path) {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] { return m_queue.size() < m_maxPending || m_error; });
    if (m_error) return m_error;
    m_queue.push_back(Job{std::move(image), std::move(path)});
    m_changed.notify_all();
    return std::nullopt;
}

core::Status PngWriterPool::finish() {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] { return (m_queue.empty() && m_busy == 0) || m_error; });
    return m_error;
}

void PngWriterPool::work() {
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stop || !m_queue.empty(); });
            if (m_queue.empty()) return;  // stopping, nothing left
            job = std::move(m_queue.front());
            m_queue.pop_front();
            ++m_busy;
        }
        m_changed.notify_all();
        core::Status err = writePngBeside(job.image, job.path);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            --m_busy;
            if (err && !m_error) {
                m_error = std::move(err);
                m_queue.clear();
            }
        }
        m_changed.notify_all();
    }
}

}  // namespace qantar::render
