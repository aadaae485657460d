#include "render/export/video_encoder.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace qantar::render {

namespace {

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

std::string lastLines(const std::string& path, int n) {
    std::ifstream in(path);
    std::string line, all;
    std::vector<std::string> lines;
    while (std::getline(in, line)) lines.push_back(line);
    for (std::size_t i = lines.size() > static_cast<std::size_t>(n) ? lines.size() - static_cast<std::size_t>(n) : 0; i < lines.size(); ++i) {
        all += (all.empty() ? "" : " | ") + lines[i];
    }
    return all;
}

}  // namespace

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
    VideoEncoder enc;
    enc.m_path = path;
    enc.m_width = widthPx;
    enc.m_height = heightPx;
    enc.m_logPath = path + ".ffmpeg-log-" + std::to_string(::getpid());
    std::string filters;
    std::string codec;
    if (*format == VideoFormat::Mp4) {
        // H.264 in yuv420p needs even sizes: pad by one pixel where needed.
        filters = "pad=ceil(iw/2)*2:ceil(ih/2)*2";
        codec = "-c:v libx264 -preset medium -crf 20 -pix_fmt yuv420p -movflags +faststart";
    } else {
        filters = "split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=sierra2_4a";
        codec = "-loop 0";
    }
    const std::string cmd = shellQuote(*ffmpeg) + " -hide_banner -loglevel error -y -f rawvideo -pix_fmt rgba -s " +
                            std::to_string(widthPx) + "x" + std::to_string(heightPx) + " -r " + std::to_string(fps) +
                            " -i - -vf " + shellQuote(filters) + " " + codec + " " + shellQuote(path) + " 2> " +
                            shellQuote(enc.m_logPath);
    enc.m_pipe = ::popen(cmd.c_str(), "w");
    if (!enc.m_pipe) return core::Error{core::ErrorKind::FileUnwritable, path + ": cannot start ffmpeg"};
    return enc;
}

VideoEncoder::VideoEncoder(VideoEncoder&& o) noexcept
    : m_pipe(o.m_pipe), m_path(std::move(o.m_path)), m_logPath(std::move(o.m_logPath)), m_width(o.m_width), m_height(o.m_height) {
    o.m_pipe = nullptr;
}

VideoEncoder::~VideoEncoder() {
    if (m_pipe) abort();
}

core::Status VideoEncoder::write(const Image& frame) {
    if (!m_pipe) return core::Error{core::ErrorKind::FileUnwritable, m_path + ": the video is already closed"};
    if (frame.width != m_width || frame.height != m_height) {
        return core::Error{core::ErrorKind::BadArgument, m_path + ": frame size changed during the video"};
    }
    // A dead ffmpeg must give an error, not kill us with SIGPIPE.
    auto* old = std::signal(SIGPIPE, SIG_IGN);
    const bool ok = std::fwrite(frame.rgba.data(), 1, frame.rgba.size(), m_pipe) == frame.rgba.size();
    std::signal(SIGPIPE, old);
    if (!ok) {
        const std::string log = lastLines(m_logPath, 3);
        abort();
        return core::Error{core::ErrorKind::FileUnwritable, m_path + ": ffmpeg stopped: " + log};
    }
    return std::nullopt;
}

core::Status VideoEncoder::finish() {
    if (!m_pipe) return core::Error{core::ErrorKind::FileUnwritable, m_path + ": the video is already closed"};
    auto* old = std::signal(SIGPIPE, SIG_IGN);
    const int status = ::pclose(m_pipe);
    std::signal(SIGPIPE, old);
    m_pipe = nullptr;
    const std::string log = lastLines(m_logPath, 3);
    ::unlink(m_logPath.c_str());
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ::unlink(m_path.c_str());
        return core::Error{core::ErrorKind::FileUnwritable, m_path + ": ffmpeg failed" + (log.empty() ? "" : ": " + log)};
    }
    return std::nullopt;
}

void VideoEncoder::abort() {
    if (!m_pipe) return;
    auto* old = std::signal(SIGPIPE, SIG_IGN);
    ::pclose(m_pipe);
    std::signal(SIGPIPE, old);
    m_pipe = nullptr;
    ::unlink(m_path.c_str());
    ::unlink(m_logPath.c_str());
}

}  // namespace qantar::render
