#pragma once
// An RGBA8 image in memory (rows top to bottom) and PNG output.
#include <cstdint>
#include <string>
#include <vector>

#include "core/io/error.hpp"

namespace qantar::render {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, top row first

    // The pixel at (x, y), top-left origin. Precondition: inside the image.
    const std::uint8_t* at(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

// Encodes the image as PNG bytes (deterministic: same image, same bytes).
core::Expected<std::vector<std::uint8_t>> encodePng(const Image& image);
// Writes the image as a PNG file, atomically: to a temporary file beside it, then renamed, so a
// failure never leaves a half-written PNG. FileUnwritable names the path and the reason.
core::Status writePng(const Image& image, const std::string& path);
// Reads a PNG (or any stb_image format) into RGBA8; for tests and tools.
core::Expected<Image> readImage(const std::string& path);

// Checks up front that a file can be created at `path` (its directory exists and is writable),
// without leaving anything behind. Lets the CLI fail before rendering.
core::Status checkWritable(const std::string& path);

}  // namespace qantar::render
