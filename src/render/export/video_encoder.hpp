#pragma once
// Writes frames to a video through the ffmpeg program, fed raw RGBA frames through a pipe (no
// temporary images): MP4 (H.264, yuv420p, +faststart: plays everywhere) or GIF (palette
// computed from the frames). ffmpeg writes a temporary file beside the video, which replaces the
// video only once ffmpeg has finished it: a failed, cancelled or killed export leaves the
// previous video as it was.
#include <memory>
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
    // Starts ffmpeg writing a temporary file beside `path`. Fails if ffmpeg is missing or cannot
    // start, or the temporary cannot be created.
    static core::Expected<VideoEncoder> open(const std::string& path, int widthPx, int heightPx, int fps);
    VideoEncoder(VideoEncoder&& other) noexcept;
    VideoEncoder& operator=(VideoEncoder&&) = delete;
    ~VideoEncoder();

    core::Status write(const Image& frame);
    // Finishes the video and puts it in place of `path`; fails if ffmpeg reports an error (its
    // last lines are in the message) or the file cannot be flushed or renamed.
    core::Status finish();
    // Stops without finishing (cancel): ffmpeg is ended and the temporary removed.
    void abort();

    struct Process;  // the running ffmpeg and what it printed

private:
    VideoEncoder() = default;
    std::unique_ptr<Process> m_process;
    std::string m_path, m_temporary;
    int m_width = 0, m_height = 0;
};

}  // namespace qantar::render
