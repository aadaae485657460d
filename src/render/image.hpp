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

// Encodes the image as PNG bytes: 8-bit RGBA, no text chunks, filter None on every row (on map
// frames the smallest and the fastest; see image.cpp), one zlib stream across the IDAT
// chunks. `strips` > 1 compresses bands of rows on that many threads and joins them into the one
// stream: the first bands through zlib (level 1, each ended with a sync flush, a non-final empty
// stored block that ends on a byte), the last through libdeflate (level 1, its final block ends the
// stream); their Adler-32s are combined. Deterministic: same image and strips, same bytes.
core::Expected<std::vector<std::uint8_t>> encodePng(const Image& image, unsigned strips = 1);
// The strips a lone image is encoded in: one per core (at most 8), and 1 for small images, where
// starting a thread costs more than it saves.
unsigned pngStripsFor(const Image& image);
// Writes the image as a PNG file, atomically: to a temporary file beside it, then renamed, so a
// failure never leaves a half-written PNG. FileUnwritable names the path and the reason. Encodes
// in pngStripsFor(image) strips (callers that already run one image per core pass 1).
core::Status writePng(const Image& image, const std::string& path);
// Reads a PNG (or any stb_image format) into RGBA8; for tests and tools.
core::Expected<Image> readImage(const std::string& path);

// Checks up front that a file can be created at `path` (its directory exists and is writable),
// without leaving anything behind. Lets the CLI fail before rendering.
core::Status checkWritable(const std::string& path);

}  // namespace qantar::render
