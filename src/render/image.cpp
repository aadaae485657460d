#include "render/image.hpp"

#include <libdeflate.h>
#include <stb_image.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <memory>
#include <system_error>
#include <thread>
#include <utility>
#include <sys/mman.h>
#include <unistd.h>

#include "core/io/atomic_file.hpp"

namespace qantar::render {

namespace {

// How PNGs are compressed, and why (real 1080p and 4K map frames, AMD EPYC, two cores):
// - No row filter. With libdeflate level 1 it gives the smallest files of the four (1080p frame:
//   None 679 KB, Sub 805, Up 826, Paeth 832; 4K: 1.77, 2.06, 2.08, 2.08 MB) and costs only a
//   copy: flat areas repeat whole pixels, which deflate matches 4 bytes back.
// - libdeflate level 1 runs about half the instructions of zlib level 1 (the former writer was
//   libpng at zlib level 1 with the Sub filter: 887 KB for that frame).
// - libdeflate 1.14 ends every stream with a final block and cannot flush, so bands it compresses
//   apart cannot be joined: clearing the final bit and splicing at the exact end bit would need the
//   Huffman codes decoded. zlib can end a band on a byte without a final block (sync flush), and a
//   fresh deflate stream may follow it (nothing refers back across). So all bands but the last go
//   through zlib, the last through libdeflate, and the Adler-32s are combined. A single image
//   uses every core; sequence frames, already compressed one per core, take one strip each.

// Cost of a row through zlib level 1 over one through libdeflate level 1, as a fraction 7/4
// (callgrind on 1080p and 4K map frames: 1.72 and 1.63 times the instructions; wall time 1.8x).
// Bands are sized so that each zlib band takes as long as the libdeflate band.
constexpr unsigned kZlibCostNum = 7;
constexpr unsigned kZlibCostDen = 4;
// Below this many pixels an image is encoded on the calling thread alone.
constexpr std::size_t kMinPixelsForStrips = 256 * 1024;
// IDAT chunks are at most this long (any length up to 2^31-1 is valid; readers that stream like
// moderate chunks).
constexpr std::size_t kIdatChunkBytes = 256 * 1024;

struct CompressorFree {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// One libdeflate compressor per thread, kept: allocating one costs more than compressing a small image.
libdeflate_compressor* threadCompressor() {
    thread_local std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(libdeflate_alloc_compressor(1));
    return compressor.get();
}

// A frame's working buffers: bytes left uninitialised (zeroing them first, as std::vector does,
// would touch every page of the compressor's worst-case output for nothing), and, from 2 MiB up,
// aligned to and advised as transparent huge pages. Fresh pages are dear on a virtual machine:
// on the two-core Firecracker VMs qantar is measured on, filling a fresh 8 MB buffer in 4 KiB
// pages took 11 to 58 ms under load (as long as compressing a 1080p frame), in huge pages 2 ms.
class Buffer {
public:
    Buffer() = default;
    explicit Buffer(std::size_t n) : m_size(n) {
        if (n == 0) return;
        void* p = nullptr;
        if (n >= kHugePage) {
            const std::size_t rounded = (n + kHugePage - 1) / kHugePage * kHugePage;
            p = std::aligned_alloc(kHugePage, rounded);
            if (p) (void)::madvise(p, rounded, MADV_HUGEPAGE);  // a hint; without it, small pages
        } else {
            p = std::malloc(n);
        }
        if (!p) throw std::bad_alloc();
        m_bytes.reset(static_cast<std::uint8_t*>(p));
    }
    std::uint8_t* data() const { return m_bytes.get(); }
    std::size_t size() const { return m_size; }

private:
    static constexpr std::size_t kHugePage = std::size_t(2) << 20;
    struct Free {
        void operator()(std::uint8_t* p) const { std::free(p); }
    };
    std::unique_ptr<std::uint8_t, Free> m_bytes;
    std::size_t m_size = 0;
};

// A band of rows as PNG filters them: a filter type byte (0, None) before each row.
Buffer filteredRows(const Image& image, int y0, int y1) {
    const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
    Buffer rows(static_cast<std::size_t>(y1 - y0) * (stride + 1));
    std::uint8_t* out = rows.data();
    for (int y = y0; y < y1; ++y) {
        *out++ = 0;
        std::memcpy(out, image.rgba.data() + stride * static_cast<std::size_t>(y), stride);
        out += stride;
    }
    return rows;
}

// A band's raw deflate data (the first `deflatedSize` bytes of `deflated`), and the Adler-32 and
// length of the filtered rows it holds.
struct Band {
    Buffer deflated;
    std::size_t deflatedSize = 0;
    std::uint32_t adler = 1;
    std::size_t length = 0;
    bool ok = false;
};

// A band that is not the last: zlib raw deflate, level 1, ended by a sync flush, so the data ends
// on a byte with no final block and the next band's blocks follow it directly.
void deflateInnerBand(const Image& image, int y0, int y1, Band* band) {
    const Buffer rows = filteredRows(image, y0, y1);
    band->length = rows.size();
    band->adler = libdeflate_adler32(1, rows.data(), rows.size());
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return;
    // deflateBound covers a finished stream; the flush marker adds at most 5 bytes, more than
    // enough room left here.
    band->deflated = Buffer(deflateBound(&z, static_cast<uLong>(rows.size())) + 16);
    z.next_in = rows.data();
    z.avail_in = static_cast<uInt>(rows.size());
    z.next_out = band->deflated.data();
    z.avail_out = static_cast<uInt>(band->deflated.size());
    const int rc = deflate(&z, Z_SYNC_FLUSH);
    band->ok = rc == Z_OK && z.avail_in == 0 && z.avail_out > 0;
    band->deflatedSize = z.total_out;
    deflateEnd(&z);
}

// The last band: libdeflate raw deflate, level 1; its final block ends the stream.
void deflateLastBand(const Image& image, int y0, int y1, Band* band) {
    const Buffer rows = filteredRows(image, y0, y1);
    band->length = rows.size();
    band->adler = libdeflate_adler32(1, rows.data(), rows.size());
    libdeflate_compressor* c = threadCompressor();
    if (!c) return;
    band->deflated = Buffer(libdeflate_deflate_compress_bound(c, rows.size()));
    band->deflatedSize = libdeflate_deflate_compress(c, rows.data(), rows.size(), band->deflated.data(), band->deflated.size());
    band->ok = band->deflatedSize > 0;
}

// First row of each band (and the image height last): the zlib bands take equal shares, the
// libdeflate band a larger one, so all end together. Empty bands are dropped.
std::vector<int> bandStarts(int height, unsigned strips) {
    const unsigned n = std::max(1u, std::min(strips, static_cast<unsigned>(height)));
    // Each zlib band: height * den / ((n - 1) * den + num) rows.
    const long long zlibRows =
        n == 1 ? 0 : static_cast<long long>(height) * kZlibCostDen / ((n - 1) * kZlibCostDen + kZlibCostNum);
    std::vector<int> starts{0};
    if (zlibRows > 0) {
        for (unsigned k = 1; k < n; ++k) starts.push_back(static_cast<int>(zlibRows * k));
    }
    starts.push_back(height);
    return starts;
}

void putU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    const std::array<std::uint8_t, 4> b{static_cast<std::uint8_t>(v >> 24), static_cast<std::uint8_t>(v >> 16),
                                        static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
    out.insert(out.end(), b.begin(), b.end());
}

// A chunk: length, type, data, CRC-32 of type and data.
void putChunk(std::vector<std::uint8_t>& out, const char (&type)[5], const std::uint8_t* data, std::size_t size) {
    putU32(out, static_cast<std::uint32_t>(size));
    const std::size_t typeAt = out.size();
    out.insert(out.end(), type, type + 4);
    if (size > 0) out.insert(out.end(), data, data + size);
    putU32(out, libdeflate_crc32(0, out.data() + typeAt, 4 + size));
}

std::string directoryOf(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

}  // namespace

unsigned pngStripsFor(const Image& image) {
    if (static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) < kMinPixelsForStrips) return 1;
    return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

core::Expected<std::vector<std::uint8_t>> encodePng(const Image& image, unsigned strips) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4) {
        return core::Error{core::ErrorKind::ImageEncode, "PNG: image has no pixels or the wrong size"};
    }
    // Each band's filtered rows go to zlib in one call, whose lengths are 32-bit.
    if ((static_cast<std::size_t>(image.width) * 4 + 1) * static_cast<std::size_t>(image.height) > 0xffffffffu) {
        return core::Error{core::ErrorKind::ImageEncode, "PNG: image too large"};
    }
    const std::vector<int> starts = bandStarts(image.height, strips);
    const std::size_t bands = starts.size() - 1;
    std::vector<Band> band(bands);
    auto deflateBand = [&](std::size_t k) {
        try {
            if (k + 1 < bands) {
                deflateInnerBand(image, starts[k], starts[k + 1], &band[k]);
            } else {
                deflateLastBand(image, starts[k], starts[k + 1], &band[k]);
            }
        } catch (const std::exception&) {
            band[k].ok = false;  // out of memory: reported below
        }
    };
    {
        std::vector<std::thread> workers;
        workers.reserve(bands);
        for (std::size_t k = 0; k + 1 < bands; ++k) {
            try {
                workers.emplace_back(deflateBand, k);
            } catch (const std::system_error&) {
                deflateBand(k);  // no thread to be had: this one here
            }
        }
        deflateBand(bands - 1);
        for (auto& t : workers) t.join();
    }
    // The zlib stream, in pieces: header (deflate, 32 KiB window, "fastest"), the bands, Adler-32.
    std::uint32_t adler = 1;
    std::size_t streamSize = 2 + 4;
    for (const Band& b : band) {
        if (!b.ok) return core::Error{core::ErrorKind::ImageEncode, "PNG: compression failed"};
        streamSize += b.deflatedSize;
        adler = static_cast<std::uint32_t>(adler32_combine(adler, b.adler, static_cast<z_off_t>(b.length)));
    }
    static constexpr std::array<std::uint8_t, 2> kZlibHeader{0x78, 0x01};
    const std::array<std::uint8_t, 4> trailer{static_cast<std::uint8_t>(adler >> 24), static_cast<std::uint8_t>(adler >> 16),
                                              static_cast<std::uint8_t>(adler >> 8), static_cast<std::uint8_t>(adler)};
    std::vector<std::pair<const std::uint8_t*, std::size_t>> pieces{{kZlibHeader.data(), kZlibHeader.size()}};
    for (const Band& b : band) pieces.emplace_back(b.deflated.data(), b.deflatedSize);
    pieces.emplace_back(trailer.data(), trailer.size());

    std::vector<std::uint8_t> out;
    out.reserve(8 + 25 + streamSize + (streamSize / kIdatChunkBytes + 1) * 12 + 12);
    static constexpr std::array<std::uint8_t, 8> kSignature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    out.insert(out.end(), kSignature.begin(), kSignature.end());
    std::vector<std::uint8_t> ihdr;
    putU32(ihdr, static_cast<std::uint32_t>(image.width));
    putU32(ihdr, static_cast<std::uint32_t>(image.height));
    ihdr.insert(ihdr.end(), {8, 6, 0, 0, 0});  // 8 bits, RGBA, deflate, adaptive filtering, no interlace
    putChunk(out, "IHDR", ihdr.data(), ihdr.size());
    // IDAT chunks of kIdatChunkBytes (the last shorter), cut across the pieces.
    std::size_t piece = 0, inPiece = 0;
    for (std::size_t left = streamSize; left > 0;) {
        const std::size_t n = std::min(kIdatChunkBytes, left);
        putU32(out, static_cast<std::uint32_t>(n));
        const std::size_t typeAt = out.size();
        out.insert(out.end(), {'I', 'D', 'A', 'T'});
        for (std::size_t need = n; need > 0;) {
            const auto& [data, size] = pieces[piece];
            const std::size_t take = std::min(need, size - inPiece);
            out.insert(out.end(), data + inPiece, data + inPiece + take);
            need -= take;
            inPiece += take;
            if (inPiece == size) ++piece, inPiece = 0;
        }
        putU32(out, libdeflate_crc32(0, out.data() + typeAt, 4 + n));
        left -= n;
    }
    putChunk(out, "IEND", nullptr, 0);
    return out;
}

core::Status checkWritable(const std::string& path) {
    if (path.empty()) return core::Error{core::ErrorKind::FileUnwritable, "output path is empty"};
    const std::string dir = directoryOf(path);
    if (::access(dir.c_str(), W_OK) != 0) {
        return core::Error{core::ErrorKind::FileUnwritable,
                           path + ": cannot write (directory " + dir + ": " + std::strerror(errno) + ")"};
    }
    if (::access(path.c_str(), F_OK) == 0 && ::access(path.c_str(), W_OK) != 0) {
        return core::Error{core::ErrorKind::FileUnwritable, path + ": cannot write (" + std::strerror(errno) + ")"};
    }
    return std::nullopt;
}

core::Status writePng(const Image& image, const std::string& path) {
    if (auto err = checkWritable(path)) return err;
    auto bytes = encodePng(image, pngStripsFor(image));
    if (!bytes) return bytes.error();
    return core::writeFileAtomically(path, std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
}

core::Expected<Image> readImage(const std::string& path) {
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (!data) {
        return core::Error{core::ErrorKind::FileUnreadable, path + ": not a readable image (" +
                                                                std::string(stbi_failure_reason()) + ")"};
    }
    Image img;
    img.width = w;
    img.height = h;
    img.rgba.assign(data, data + static_cast<std::size_t>(w) * h * 4);
    stbi_image_free(data);
    return img;
}

}  // namespace qantar::render
