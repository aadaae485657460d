// The real qantar binary driven as a user would drive it from a shell: exit codes, stderr
// messages, and the files it writes. Runs with no display server (DISPLAY unset).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

#include "render/image.hpp"
#include "run_qantar.hpp"

namespace fs = std::filesystem;

namespace {

using qantar::test::lineCount;
using qantar::test::RunResult;

// No display: the export must not need one.
RunResult run(const std::string& args) { return qantar::test::runQantar(args); }

std::string outDir() {
    const std::string d = std::string(QANTAR_TEST_OUTPUT_DIR) + "/cli";
    fs::create_directories(d);
    return d;
}


}  // namespace

TEST(Cli, HelpAndVersion) {
    auto help = run("--help");
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.output.find("export"), std::string::npos);
    auto exportHelp = run("export --help");
    EXPECT_EQ(exportHelp.exitCode, 0);
    EXPECT_NE(exportHelp.output.find("--size"), std::string::npos);
    EXPECT_NE(exportHelp.output.find("--theme"), std::string::npos);
    auto version = run("--version");
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.output.rfind("qantar ", 0), 0u) << version.output;
}

// Files named without an option (a desktop's "Open with", Exec=qantar %F) are for the window,
// which merges them as dropped files; before a command they are a mistake, said as one.
TEST(Cli, FilesWithoutAnOptionAreForTheWindowOnly) {
    auto help = run("--help");
    EXPECT_NE(help.output.find("FILE"), std::string::npos) << help.output;
    auto r = run("my-events.json state --at 2022-01-05T20:00");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("my-events.json: unexpected before the command state"), std::string::npos) << r.output;
}

TEST(Cli, ExportWritesAPngOfExactlyTheRequestedSizeWithoutADisplay) {
    const std::string out = outDir() + "/map_1280x720.png";
    fs::remove(out);
    auto r = run("export --size 1280x720 --theme light --out " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    auto img = qantar::render::readImage(out);
    ASSERT_TRUE(img.ok()) << img.error().message;
    EXPECT_EQ(img->width, 1280);
    EXPECT_EQ(img->height, 720);
    // Nothing half-written is left beside it.
    for (const auto& e : fs::directory_iterator(outDir())) {
        EXPECT_EQ(e.path().string().find("tmp-"), std::string::npos) << e.path();
    }
}

TEST(Cli, RepeatedExportsAreByteIdentical) {
    const std::string a = outDir() + "/repeat_a.png", b = outDir() + "/repeat_b.png";
    ASSERT_EQ(run("export --size 640x480 --out " + a).exitCode, 0);
    ASSERT_EQ(run("export --size 640x480 --out " + b).exitCode, 0);
    auto ra = qantar::render::readImage(a);
    auto rb = qantar::render::readImage(b);
    ASSERT_TRUE(ra.ok() && rb.ok());
    EXPECT_EQ(ra->rgba, rb->rgba);
    EXPECT_EQ(fs::file_size(a), fs::file_size(b));
}

struct BadExport {
    const char* name;
    std::string args;
    const char* mustMention;
};

void PrintTo(const BadExport& c, std::ostream* os) { *os << c.name; }

class CliRejects : public ::testing::TestWithParam<BadExport> {};

TEST_P(CliRejects, WithOneClearLineAndANonZeroExit) {
    const BadExport& c = GetParam();
    auto r = run(c.args);
    EXPECT_NE(r.exitCode, 0) << c.name;
    EXPECT_LT(r.exitCode, 128) << c.name << ": must not crash (signal): " << r.output;
    EXPECT_EQ(lineCount(r.output), 1) << c.name << ": " << r.output;
    EXPECT_NE(r.output.find(c.mustMention), std::string::npos) << c.name << ": " << r.output;
}

const BadExport kCases[] = {

        BadExport{"size_not_a_size", "export --size huge --out /tmp/x.png", "expected WIDTHxHEIGHT"},
        BadExport{"size_too_small", "export --size 10x10 --out /tmp/x.png", "outside 320x240"},
        BadExport{"size_too_large", "export --size 20000x20000 --out /tmp/x.png", "outside 320x240"},
        BadExport{"size_zero", "export --size 0x720 --out /tmp/x.png", "outside"},
        BadExport{"unwritable_directory", "export --size 640x480 --out /nonexistent-dir/x.png", "/nonexistent-dir/x.png"},
        BadExport{"unwritable_root", "export --size 640x480 --out /proc/x.png", "cannot write"},
        BadExport{"bad_theme", "export --size 640x480 --theme purple --out /tmp/x.png", "theme"},
        BadExport{"missing_assets", "export --size 640x480 --assets /nonexistent-assets --out /tmp/x.png",
                  "/nonexistent-assets"},
        BadExport{"missing_out", "export --size 640x480", "--out"},
        BadExport{"unknown_option", "export --out /tmp/x.png --frobnicate", "frobnicate"}};

INSTANTIATE_TEST_SUITE_P(
    Corpus, CliRejects,
    ::testing::ValuesIn(kCases),
    [](const auto& param) { return std::string(param.param.name); });

TEST(Cli, MissingAssetFileIsNamed) {
    const fs::path dir = fs::path(outDir()) / "assets_without_rivers";
    fs::remove_all(dir);
    fs::create_directories(dir / "geo");
    for (const auto& e : fs::directory_iterator(std::string(QANTAR_ASSET_DIR) + "/geo")) {
        if (e.path().filename() != "rivers.geojson") {
            fs::copy(e.path(), dir / "geo" / e.path().filename(), fs::copy_options::recursive);  // world/ too
        }
    }
    auto r = run("export --size 640x480 --assets " + dir.string() + " --out " + outDir() + "/never.png");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(lineCount(r.output), 1) << r.output;
    EXPECT_NE(r.output.find("rivers.geojson: file not found"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(outDir() + "/never.png"));
}

TEST(Cli, GuiWithoutDisplayFailsClearly) {
    auto r = run("--window 640x480");
    EXPECT_NE(r.exitCode, 0);
    EXPECT_LT(r.exitCode, 128) << r.output;
    EXPECT_NE(r.output.find("display"), std::string::npos) << r.output;
}

// `--out` that is not a plain file (D5): a symlink is written through and stays a link, a FIFO is
// written into and stays a FIFO (one with no reader is refused at once), a directory is named as
// such. Never /dev/null itself: a FIFO and links in a scratch folder stand for it.
TEST(Cli, ExportOutThroughSymlinkFifoAndDirectory) {
    const fs::path d = fs::path(outDir()) / "special_out";
    fs::remove_all(d);
    fs::create_directories(d / "shared");
    {
        std::ofstream(d / "shared" / "report.png") << "old";
    }
    fs::create_symlink("shared/report.png", d / "report.png");
    auto viaLink = run("export --size 320x240 --out " + (d / "report.png").string());
    EXPECT_EQ(viaLink.exitCode, 0) << viaLink.output;
    EXPECT_TRUE(fs::is_symlink(d / "report.png"));
    auto image = qantar::render::readImage((d / "shared" / "report.png").string());
    ASSERT_TRUE(image.ok());
    EXPECT_EQ(image->width, 320);

    const fs::path fifo = d / "pipe.png";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto alone = run("export --size 320x240 --out " + fifo.string());
    EXPECT_EQ(alone.exitCode, 1);
    EXPECT_NE(alone.output.find(fifo.string() + ": is a FIFO with no reader"), std::string::npos) << alone.output;
    const int readEnd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    ASSERT_GE(readEnd, 0);
    auto received = std::async(std::launch::async, [readEnd] {
        std::string got;
        std::array<char, 65536> buf{};
        for (;;) {
            pollfd p{readEnd, POLLIN, 0};
            if (::poll(&p, 1, 60000) <= 0) return got;
            const ssize_t n = ::read(readEnd, buf.data(), buf.size());
            if (n == 0) return got;
            if (n > 0) got.append(buf.data(), static_cast<std::size_t>(n));
        }
    });
    auto piped = run("export --size 320x240 --out " + fifo.string());
    const std::string bytes = received.get();
    ::close(readEnd);
    EXPECT_EQ(piped.exitCode, 0) << piped.output;
    EXPECT_EQ(bytes.substr(0, 8), "\x89PNG\r\n\x1a\n");
    EXPECT_TRUE(fs::is_fifo(fifo));

    fs::create_directories(d / "frames");
    auto dir = run("export --size 320x240 --out " + (d / "frames").string());
    EXPECT_EQ(dir.exitCode, 1);
    EXPECT_NE(dir.output.find((d / "frames").string() + ": is a directory"), std::string::npos) << dir.output;
    EXPECT_TRUE(fs::is_empty(d / "frames"));
    EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator()), 4);  // nothing left behind
}

// The map's cache (docs/files.md#the-map-cache) as a user meets it: `qantar cache` (hidden from
// --help) writes the files; an export beside a damaged one says so once, draws the same picture,
// and puts the file right, so the next export says nothing.
TEST(Cli, MapCacheDamagedBesideTheAssetsIsRebuiltWithOneLine) {
    const fs::path dir = qantar::test::freshOutputDir("cli");
    EXPECT_EQ(run("--help").output.find("Write the map's cache files"), std::string::npos) << "a maintenance command";
    auto made = run("cache --out '" + (dir / "made").string() + "'");
    ASSERT_EQ(made.exitCode, 0) << made.output;
    EXPECT_EQ(qantar::test::readBytes((dir / "made" / "map.cache").string()).substr(0, 8), "QNTRMAP1");
    EXPECT_EQ(qantar::test::readBytes((dir / "made" / "glyphs.cache").string()).substr(0, 8), "QNTRGLY1");

    // Assets at tree/assets read their cache from tree/cache/.
    fs::create_directories(dir / "tree" / "cache");
    fs::create_directory_symlink(QANTAR_ASSET_DIR, dir / "tree" / "assets");
    {
        std::ofstream garbage(dir / "tree" / "cache" / "map.cache", std::ios::binary);
        garbage << "this is no map cache at all, just some bytes that are long enough to be a header...";
    }
    // The glyph cache there is good: nothing is written to the user's cache folder.
    fs::copy_file(dir / "made" / "glyphs.cache", dir / "tree" / "cache" / "glyphs.cache");
    const std::string args = "export --size 480x270 --assets '" + (dir / "tree" / "assets").string() + "' --out ";
    auto first = run(args + "'" + (dir / "a.png").string() + "'");
    ASSERT_EQ(first.exitCode, 0) << first.output;
    EXPECT_NE(first.output.find("qantar: map cache " + (dir / "tree" / "cache" / "map.cache").string() +
                                " is not a qantar map cache; rebuilt"),
              std::string::npos)
        << first.output;
    EXPECT_EQ(first.output.find("glyph cache"), std::string::npos) << first.output;
    auto second = run(args + "'" + (dir / "b.png").string() + "'");
    ASSERT_EQ(second.exitCode, 0) << second.output;
    EXPECT_EQ(second.output.find("cache"), std::string::npos) << second.output;
    EXPECT_EQ(qantar::test::readBytes((dir / "tree" / "cache" / "map.cache").string()).substr(0, 8), "QNTRMAP1");
    EXPECT_EQ(qantar::test::readBytes((dir / "a.png").string()), qantar::test::readBytes((dir / "b.png").string()));
}
