#include "render/export/video_encoder.hpp"

#include "core/io/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;

namespace qantar::render {

namespace {

// ".mp4" of "week.mp4"; "" when the name has no extension (or is only a dot name).
std::string extensionOf(const std::string& baseName) {
    const auto dot = baseName.rfind('.');
    return dot == std::string::npos || dot == 0 ? "" : baseName.substr(dot);
}

// Closes `fd` once (not retried on EINTR: Linux has closed it anyway).
void closeFd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

bool diskIsFull(const std::string& dir) {
    struct statvfs st {};
    return ::statvfs(dir.c_str(), &st) == 0 && st.f_bavail == 0;
}

}  // namespace

// ffmpeg, started with its stdin and stderr on pipes; a thread keeps the last of what it prints.
struct VideoEncoder::Process {
    pid_t pid = -1;
    int input = -1;   // frames go here
    int errors = -1;  // ffmpeg's stderr
    std::thread reader;
    std::mutex mutex;
    std::string printed;  // the last few kilobytes of ffmpeg's stderr

    ~Process() { (void)wait(false); }

    void read() {
        char buf[4096];
        for (;;) {
            const ssize_t n = ::read(errors, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return;
            std::lock_guard<std::mutex> lock(mutex);
            printed.append(buf, static_cast<std::size_t>(n));
            if (printed.size() > 16384) printed.erase(0, printed.size() - 8192);
        }
    }

    // Ends the input (or kills ffmpeg) and waits for it; ffmpeg's exit status, -1 if unknown.
    int wait(bool kill) {
        closeFd(input);
        int status = -1;
        if (pid > 0) {
            if (kill) ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            pid = -1;
        }
        if (reader.joinable()) reader.join();
        closeFd(errors);
        return status;
    }

    // The last `n` non-empty lines ffmpeg printed, joined with " | ".
    std::string lastLines(int n) {
        std::lock_guard<std::mutex> lock(mutex);
        std::vector<std::string> lines;
        std::istringstream in(printed);
        for (std::string line; std::getline(in, line);) {
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
            if (!line.empty()) lines.push_back(line);
        }
        std::string all;
        const std::size_t from = lines.size() > static_cast<std::size_t>(n) ? lines.size() - static_cast<std::size_t>(n) : 0;
        for (std::size_t i = from; i < lines.size(); ++i) all += (all.empty() ? "" : " | ") + lines[i];
        return all;
    }
};

core::Expected<VideoFormat> videoFormatFor(const std::string& path) {
    const auto dot = path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "mp4") return VideoFormat::Mp4;
    if (ext == "gif") return VideoFormat::Gif;
    return core::Error{core::ErrorKind::BadArgument, "--video: " + path + ": expected a .mp4 or .gif file name"};
}

core::Expected<std::string> findFfmpeg() {
    const char* env = std::getenv("PATH");
    std::stringstream dirs(env ? env : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = (dir.empty() ? "." : dir) + "/ffmpeg";
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return core::Error{core::ErrorKind::FileNotFound,
                       "video export needs the ffmpeg program, which was not found on PATH; install it with "
                       "'apt-get install ffmpeg' (Debian) and try again"};
}

core::Expected<VideoEncoder> VideoEncoder::open(const std::string& path, int widthPx, int heightPx, int fps) {
    auto format = videoFormatFor(path);
    if (!format) return format.error();
    auto ffmpeg = findFfmpeg();
    if (!ffmpeg) return ffmpeg.error();
    // ffmpeg writes a temporary beside the video (named as every qantar temporary, so a later run
    // clears one a kill left) and the video is replaced only when it is whole.
    auto temporary = core::makeTemporaryBeside(path, extensionOf(core::baseNameOf(path)));
    if (!temporary) return temporary.error();
    if (temporary->fd >= 0) ::close(temporary->fd);
    VideoEncoder enc;
    enc.m_path = path;
    enc.m_temporary = temporary->path;
    enc.m_width = widthPx;
    enc.m_height = heightPx;

    std::vector<std::string> args = {*ffmpeg, "-hide_banner", "-nostats", "-loglevel", "error",
                                     // -y: the temporary exists (created above, empty); nothing else is overwritten
                                     "-y", "-f", "rawvideo", "-pix_fmt", "rgba", "-s",
                                     std::to_string(widthPx) + "x" + std::to_string(heightPx), "-r", std::to_string(fps),
                                     "-i", "pipe:0"};
    if (*format == VideoFormat::Mp4) {
        // H.264 in yuv420p needs even sizes: pad by one pixel where needed.
        for (const char* a : {"-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-preset", "medium", "-crf", "20",
                              "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4"}) {
            args.emplace_back(a);
        }
    } else {
        for (const char* a : {"-vf", "split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=sierra2_4a",
                              "-loop", "0", "-f", "gif"}) {
            args.emplace_back(a);
        }
    }
    // "file:" so that a name starting with '-' (or holding ':') is always a file, never an option or protocol.
    args.push_back("file:" + enc.m_temporary);

    auto fail = [&](const std::string& why) -> core::Error {
        core::discardTemporary(enc.m_temporary);
        enc.m_temporary.clear();
        return core::Error{core::ErrorKind::FileUnwritable, path + ": cannot start ffmpeg (" + why + ")"};
    };
    int in[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0) return fail(std::strerror(errno));
    if (::pipe2(err, O_CLOEXEC) != 0) {
        const std::string why = std::strerror(errno);
        ::close(in[0]);
        ::close(in[1]);
        return fail(why);
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own process group: Ctrl+C reaches qantar, which stops ffmpeg and removes the temporary.
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP}) sigaddset(&defaults, sig);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, ffmpeg->c_str(), &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(in[0]);
    ::close(err[1]);
    if (spawned != 0) {
        ::close(in[1]);
        ::close(err[0]);
        return fail(std::strerror(spawned));
    }
    enc.m_process = std::make_unique<Process>();
    Process& proc = *enc.m_process;
    proc.pid = pid;
    proc.input = in[1];
    proc.errors = err[0];
    proc.reader = std::thread([&proc] { proc.read(); });
    return enc;
}

VideoEncoder::VideoEncoder(VideoEncoder&& o) noexcept
    : m_process(std::move(o.m_process)),
      m_path(std::move(o.m_path)),
      m_temporary(std::move(o.m_temporary)),
      m_width(o.m_width),
      m_height(o.m_height) {
    o.m_temporary.clear();
}

VideoEncoder::~VideoEncoder() { abort(); }

namespace {

// What went wrong with ffmpeg, never empty: its last lines, its exit status, and whether the
// disk is full.
std::string ffmpegProblem(const std::string& printed, int status, const std::string& dir) {
    std::string why = printed;
    const bool mentionsFull = why.find("No space left") != std::string::npos;
    if (!mentionsFull && diskIsFull(dir)) {
        why = "the disk is full, the video could not be written (No space left on device)" + (why.empty() ? "" : " | " + why);
    }
    if (why.empty()) {
        if (status != -1 && WIFEXITED(status)) {
            why = "it exited with status " + std::to_string(WEXITSTATUS(status)) + " without saying why";
        } else if (status != -1 && WIFSIGNALED(status)) {
            why = "it was killed by signal " + std::to_string(WTERMSIG(status));
        } else {
            why = "it stopped without saying why";
        }
    }
    return why;
}

}  // namespace

core::Status VideoEncoder::write(const Image& frame) {
    if (!m_process) return core::Error{core::ErrorKind::FileUnwritable, m_path + ": the video is already closed"};
    if (frame.width != m_width || frame.height != m_height) {
        return core::Error{core::ErrorKind::BadArgument, m_path + ": frame size changed during the video"};
    }
    // A dead ffmpeg must give an error, not kill us with SIGPIPE.
    auto* old = std::signal(SIGPIPE, SIG_IGN);
    std::size_t done = 0;
    while (done < frame.rgba.size()) {
        const ssize_t n = ::write(m_process->input, frame.rgba.data() + done, frame.rgba.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;  // EPIPE: ffmpeg has stopped
        }
        done += static_cast<std::size_t>(n);
    }
    std::signal(SIGPIPE, old);
    if (done < frame.rgba.size()) {
        const int status = m_process->wait(false);
        const std::string why = ffmpegProblem(m_process->lastLines(3), status, core::directoryOf(m_path));
        abort();
        return core::Error{core::ErrorKind::FileUnwritable, m_path + ": ffmpeg stopped: " + why};
    }
    return std::nullopt;
}

core::Status VideoEncoder::finish() {
    if (!m_process) return core::Error{core::ErrorKind::FileUnwritable, m_path + ": the video is already closed"};
    const int status = m_process->wait(false);
    const std::string printed = m_process->lastLines(3);
    m_process.reset();
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const std::string why = ffmpegProblem(printed, status, core::directoryOf(m_path));
        core::discardTemporary(m_temporary);
        m_temporary.clear();
        return core::Error{core::ErrorKind::FileUnwritable, m_path + ": ffmpeg failed: " + why};
    }
    const std::string temporary = m_temporary;
    m_temporary.clear();
    return core::commitTemporary(temporary, m_path);
}

void VideoEncoder::abort() {
    if (m_process) {
        (void)m_process->wait(true);
        m_process.reset();
    }
    if (!m_temporary.empty()) {
        core::discardTemporary(m_temporary);
        m_temporary.clear();
    }
}

}  // namespace qantar::render
