// The PNG writer: bands of rows compressed apart (zlib with sync flushes, libdeflate for the last)
// and joined into one zlib stream. Every file is read back by two independent decoders (stb_image
// and libpng) and must give the exact pixels; its container is checked by hand with zlib (chunk
// CRCs, one zlib stream ending exactly at the end of the IDAT data, its Adler-32).
#include <gtest/gtest.h>
#include <png.h>
#include <stb_image.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "render/image.hpp"
#include "render_fixture.hpp"

using namespace qantar;

namespace {

using Bytes = std::vector<std::uint8_t>;

std::uint32_t be32(const std::uint8_t* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// Gradients, noise and flat areas, with alpha varying too.
render::Image synthetic(int w, int h, std::uint32_t seed) {
    render::Image img;
    img.width = w;
    img.height = h;
    img.rgba.resize(static_cast<std::size_t>(w) * h * 4);
    std::mt19937 rng(seed);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = &img.rgba[(static_cast<std::size_t>(y) * w + x) * 4];
            const int band = (y * 4 / h + x * 3 / w) % 3;
            if (band == 0) {  // flat
                p[0] = 20, p[1] = 30, p[2] = 50, p[3] = 255;
            } else if (band == 1) {  // gradient
                p[0] = std::uint8_t(x), p[1] = std::uint8_t(y), p[2] = std::uint8_t(x + y), p[3] = std::uint8_t(255 - x);
            } else {  // noise
                const auto r = static_cast<std::uint32_t>(rng());
                std::memcpy(p, &r, 4);
            }
        }
    }
    return img;
}

::testing::AssertionResult decodesWithStb(const Bytes& png, const render::Image& want) {
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &w, &h, &n, 4);
    if (!data) return ::testing::AssertionFailure() << "stb_image: " << stbi_failure_reason();
    const bool same = w == want.width && h == want.height && n == 4 &&
                      std::memcmp(data, want.rgba.data(), want.rgba.size()) == 0;
    stbi_image_free(data);
    if (!same) return ::testing::AssertionFailure() << "stb_image decodes other pixels (" << w << "x" << h << ", " << n << " channels)";
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult decodesWithLibpng(const Bytes& png, const render::Image& want) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) {
        return ::testing::AssertionFailure() << "libpng: " << image.message;
    }
    image.format = PNG_FORMAT_RGBA;
    Bytes pixels(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
        return ::testing::AssertionFailure() << "libpng: " << image.message;
    }
    if (static_cast<int>(image.width) != want.width || static_cast<int>(image.height) != want.height || pixels != want.rgba) {
        return ::testing::AssertionFailure() << "libpng decodes other pixels (" << image.width << "x" << image.height << ")";
    }
    if (image.warning_or_error != 0) return ::testing::AssertionFailure() << "libpng warns: " << image.message;
    return ::testing::AssertionSuccess();
}

// Signature, IHDR (8-bit RGBA), IDAT chunks in a row, IEND last, every CRC right; the IDAT data is
// one zlib stream that inflates to exactly the filtered rows and ends where the data ends.
::testing::AssertionResult wellFormed(const Bytes& png, int w, int h) {
    static const std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (png.size() < 8 || std::memcmp(png.data(), kSignature, 8) != 0) return ::testing::AssertionFailure() << "no PNG signature";
    std::vector<std::string> types;
    Bytes idat;
    std::size_t at = 8;
    while (at + 12 <= png.size()) {
        const std::uint32_t len = be32(&png[at]);
        if (at + 12 + len > png.size()) return ::testing::AssertionFailure() << "chunk runs past the end";
        const std::string type(reinterpret_cast<const char*>(&png[at + 4]), 4);
        const std::uint32_t crc = static_cast<std::uint32_t>(crc32(0, &png[at + 4], 4 + len));
        if (crc != be32(&png[at + 8 + len])) return ::testing::AssertionFailure() << type << " has a wrong CRC";
        if (type == "IHDR") {
            const std::uint8_t* d = &png[at + 8];
            if (len != 13 || be32(d) != std::uint32_t(w) || be32(d + 4) != std::uint32_t(h) || d[8] != 8 || d[9] != 6 ||
                d[10] != 0 || d[11] != 0 || d[12] != 0) {
                return ::testing::AssertionFailure() << "IHDR is not " << w << "x" << h << " 8-bit RGBA";
            }
        }
        if (type == "IDAT") {
            if (!types.empty() && types.back() != "IDAT" && types.back() != "IHDR") {
                return ::testing::AssertionFailure() << "IDAT chunks are not consecutive";
            }
            idat.insert(idat.end(), png.begin() + static_cast<long>(at + 8), png.begin() + static_cast<long>(at + 8 + len));
        }
        if (types.empty() ? type != "IHDR" : (types.back() == "IEND")) {
            return ::testing::AssertionFailure() << "chunk " << type << " out of place";
        }
        types.push_back(type);
        at += 12 + len;
    }
    if (at != png.size()) return ::testing::AssertionFailure() << "bytes after the last chunk";
    if (types.empty() || types.back() != "IEND") return ::testing::AssertionFailure() << "no IEND at the end";

    const std::size_t rawSize = (static_cast<std::size_t>(w) * 4 + 1) * h;
    Bytes raw(rawSize + 16);
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return ::testing::AssertionFailure() << "inflateInit";
    z.next_in = idat.data();
    z.avail_in = static_cast<uInt>(idat.size());
    z.next_out = raw.data();
    z.avail_out = static_cast<uInt>(raw.size());
    const int rc = inflate(&z, Z_FINISH);  // checks the Adler-32 trailer itself
    const uLong out = z.total_out;
    const uInt left = z.avail_in;
    inflateEnd(&z);
    if (rc != Z_STREAM_END) return ::testing::AssertionFailure() << "zlib: no complete stream (" << rc << ")";
    if (left != 0) return ::testing::AssertionFailure() << left << " bytes of IDAT data after the zlib stream";
    if (out != rawSize) return ::testing::AssertionFailure() << "inflates to " << out << " bytes, not " << rawSize;
    const std::uint32_t adler = static_cast<std::uint32_t>(adler32(1, raw.data(), static_cast<uInt>(rawSize)));
    if (adler != be32(&idat[idat.size() - 4])) return ::testing::AssertionFailure() << "wrong Adler-32";
    return ::testing::AssertionSuccess();
}

void expectRoundTrip(const render::Image& img, unsigned strips) {
    SCOPED_TRACE(std::to_string(img.width) + "x" + std::to_string(img.height) + " in " + std::to_string(strips) + " strips");
    auto png = render::encodePng(img, strips);
    ASSERT_TRUE(png.ok()) << png.error().message;
    EXPECT_TRUE(wellFormed(*png, img.width, img.height));
    EXPECT_TRUE(decodesWithStb(*png, img));
    EXPECT_TRUE(decodesWithLibpng(*png, img));
}

}  // namespace

TEST(PngEncode, OddSizesInAnyNumberOfStripsDecodeToTheSamePixelsInTwoReaders) {
    // 1 row, and more strips than rows: fewer bands, still one stream.
    for (unsigned strips : {1u, 2u, 5u}) expectRoundTrip(synthetic(1, 1, 1), strips);
    for (unsigned strips : {1u, 2u, 3u, 16u}) expectRoundTrip(synthetic(3, 7, 2), strips);
    for (unsigned strips : {1u, 4u}) expectRoundTrip(synthetic(257, 1, 3), strips);
    for (unsigned strips : {1u, 2u, 3u}) expectRoundTrip(synthetic(1921, 1081, 4), strips);
}

TEST(PngEncode, BandsAreSplitAcrossStripsAndTheBytesDependOnlyOnImageAndStrips) {
    const render::Image img = synthetic(640, 480, 5);
    auto one = render::encodePng(img, 1);
    auto two = render::encodePng(img, 2);
    auto twoAgain = render::encodePng(img, 2);
    ASSERT_TRUE(one.ok() && two.ok() && twoAgain.ok());
    EXPECT_EQ(*two, *twoAgain) << "deterministic";
    EXPECT_NE(*one, *two) << "two strips compress the rows in two bands (a zlib band, then libdeflate's)";
    EXPECT_FALSE(render::encodePng(render::Image{}, 2).ok()) << "an empty image is refused";
}

class PngEncodeFrame : public qantar::test::RenderFixture {};

TEST_F(PngEncodeFrame, ARealMapFrameDecodesToTheSamePixelsInTwoReaders) {
    render::FrameOptions options;
    options.transparentBackground = true;  // alpha varies too
    const render::Image frame = composeFrame(fittedCamera(1280, 720), options);
    ASSERT_EQ(frame.rgba.size(), std::size_t(1280) * 720 * 4);
    for (unsigned strips : {1u, 2u}) expectRoundTrip(frame, strips);
}
