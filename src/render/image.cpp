#include "render/image.hpp"

#include <stb_image.h>
#include <stb_image_write.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace qantar::render {

namespace {

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}

std::string directoryOf(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

}  // namespace

core::Expected<std::vector<std::uint8_t>> encodePng(const Image& image) {
    std::vector<std::uint8_t> out;
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4) {
        return core::Error{core::ErrorKind::ImageEncode, "PNG: image has no pixels or the wrong size"};
    }
    const int ok = stbi_write_png_to_func(appendBytes, &out, image.width, image.height, 4, image.rgba.data(),
                                          image.width * 4);
    if (!ok) return core::Error{core::ErrorKind::ImageEncode, "PNG: encoding failed"};
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
    auto bytes = encodePng(image);
    if (!bytes) return bytes.error();
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return core::Error{core::ErrorKind::FileUnwritable, path + ": cannot write (" + std::strerror(errno) + ")"};
    const bool written = std::fwrite(bytes->data(), 1, bytes->size(), f) == bytes->size();
    const bool flushed = std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
    const bool closed = std::fclose(f) == 0;
    if (!written || !flushed || !closed) {
        const std::string reason = std::strerror(errno);
        std::remove(tmp.c_str());
        return core::Error{core::ErrorKind::FileUnwritable, path + ": write failed (" + reason + ")"};
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(tmp.c_str());
        return core::Error{core::ErrorKind::FileUnwritable, path + ": cannot replace (" + reason + ")"};
    }
    return std::nullopt;
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
