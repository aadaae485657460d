#pragma once
// Writes frames to a video through the ffmpeg program, fed raw RGBA frames through a pipe (no
// temporary images): MP4 (H.264, yuv420p, +faststart: plays everywhere) or GIF (palette
// computed from the frames).
#include <cstdio>
#include <string>

#include "core/io/error.hpp"
#include "render/image.hpp"

namespace qantar::render {

enum class VideoFormat { Mp4, Gif };

// From the file name's extension: .mp4 or .gif; BadArgument otherwise.
core::Expected<VideoFormat> videoFormatFor(const std::string& path);
// The ffmpeg program on PATH, or an error saying how to install it.
core::Expected<std::string> findFfmpeg();

class VideoEncoder {
public:
    // Starts ffmpeg writing `path`. Fails if ffmpeg is missing or cannot start.
    static core::Expected<VideoEncoder> open(const std::string& path, int widthPx, int heightPx, int fps);
    VideoEncoder(VideoEncoder&& other) noexcept;
    VideoEncoder& operator=(VideoEncoder&&) = delete;
    ~VideoEncoder();

    core::Status write(const Image& frame);
    // Finishes the file; fails if ffmpeg reports an error (its last lines are in the message).
    core::Status finish();
    // Stops without finishing (cancel): ffmpeg is ended and the partial file removed.
    void abort();

private:
    VideoEncoder() = default;
    std::FILE* m_pipe = nullptr;
    std::string m_path, m_logPath;
    int m_width = 0, m_height = 0;
};

}  // namespace qantar::render
