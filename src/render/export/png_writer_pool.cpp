#include "render/export/png_writer_pool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "render/export/video_encoder.hpp"

namespace qantar::render {

core::Status writePngBeside(const Image& image, const std::string& path) {
    auto bytes = encodePng(image);
    if (!bytes) return bytes.error();
    auto temporary = makeTemporaryBeside(path);
    if (!temporary) return temporary.error();
    const int fd = ::open(temporary->c_str(), O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC);
    std::size_t done = 0;
    while (fd >= 0 && done < bytes->size()) {
        const ssize_t n = ::write(fd, bytes->data() + done, bytes->size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    if (fd < 0 || done < bytes->size()) {
        const std::string reason = std::strerror(errno);
        if (fd >= 0) ::close(fd);
        ::unlink(temporary->c_str());
        return core::Error{core::ErrorKind::FileUnwritable, path + ": write failed (" + reason + ")"};
    }
    ::close(fd);
    return commitTemporary(*temporary, path);
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
