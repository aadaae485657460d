// `qantar export --video`: MP4 and GIF through ffmpeg, checked with ffprobe (frame count, codec,
// pixel format, size), odd sizes padded for H.264, and a clear failure when ffmpeg is missing.
// ffmpeg and ffprobe come from scripts/install-deps.sh; a missing ffprobe fails these tests (CI
// installs it) rather than skipping them.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "run_qantar.hpp"

namespace fs = std::filesystem;
using qantar::test::filesIn;
using qantar::test::freshOutputDir;
using qantar::test::lineCount;
using qantar::test::runQantar;
using qantar::test::runShell;

namespace {

// What ffprobe reads from the first video stream, decoding every frame to count them.
struct Probe {
    bool ok = false;
    std::string error;
    std::map<std::string, std::string> fields;  // codec_name, width, height, pix_fmt, nb_read_frames
    std::string operator[](const std::string& k) const {
        auto it = fields.find(k);
        return it == fields.end() ? "(missing)" : it->second;
    }
};

Probe probe(const std::string& path) {
    Probe p;
    if (runShell("command -v ffprobe").exitCode != 0) {
        p.error = "ffprobe is not installed: install ffmpeg (scripts/install-deps.sh does)";
        return p;
    }
    auto r = runShell("ffprobe -v error -count_frames -select_streams v:0 "
                      "-show_entries stream=nb_read_frames,codec_name,pix_fmt,width,height "
                      "-of default=noprint_wrappers=1 '" + path + "'");
    if (r.exitCode != 0) {
        p.error = "ffprobe failed on " + path + ": " + r.output;
        return p;
    }
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);) {
        const auto eq = line.find('=');
        if (eq != std::string::npos) p.fields[line.substr(0, eq)] = line.substr(eq + 1);
    }
    p.ok = true;
    return p;
}

void exportVideo(const std::string& args) {
    auto r = runQantar("export --quiet " + args);
    ASSERT_EQ(r.exitCode, 0) << "qantar export " << args << "\n" << r.output;
}

}  // namespace

TEST(VideoExport, Mp4HasOneFrameForEveryStepInH264Yuv420p) {
    const std::string dir = freshOutputDir("video");
    const std::string out = dir + "/day.mp4";
    exportVideo("--from 2022-01-05 --to 2022-01-05T12:00 --step 1h --fps 5 --size 640x360 --video " + out);
    const Probe p = probe(out);
    ASSERT_TRUE(p.ok) << p.error;
    EXPECT_EQ(p["nb_read_frames"], "13") << "00:00 to 12:00 every hour, both ends included";
    EXPECT_EQ(p["codec_name"], "h264");
    EXPECT_EQ(p["pix_fmt"], "yuv420p");
    EXPECT_EQ(p["width"], "640");
    EXPECT_EQ(p["height"], "360");
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"day.mp4"}) << "no log or temporary file is left beside it";
}

TEST(VideoExport, GifHasOneFrameForEveryStep) {
    const std::string dir = freshOutputDir("video");
    const std::string out = dir + "/day.gif";
    exportVideo("--from 2022-01-05 --to 2022-01-05T12:00 --step 1h --fps 5 --size 640x360 --video " + out);
    const Probe p = probe(out);
    ASSERT_TRUE(p.ok) << p.error;
    EXPECT_EQ(p["nb_read_frames"], "13");
    EXPECT_EQ(p["codec_name"], "gif");
    EXPECT_EQ(p["width"], "640");
    EXPECT_EQ(p["height"], "360");
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"day.gif"});
}

TEST(VideoExport, OddSizeMakesAValidMp4PaddedToEven) {
    const std::string dir = freshOutputDir("video");
    const std::string out = dir + "/odd.mp4";
    exportVideo("--from 2022-01-05 --to 2022-01-05T03:00 --step 1h --fps 5 --size 641x361 --video " + out);
    const Probe p = probe(out);
    ASSERT_TRUE(p.ok) << p.error;
    EXPECT_EQ(p["nb_read_frames"], "4");
    EXPECT_EQ(p["codec_name"], "h264");
    EXPECT_EQ(p["pix_fmt"], "yuv420p");
    EXPECT_EQ(p["width"], "642") << "H.264 in yuv420p needs even sizes: one column of padding";
    EXPECT_EQ(p["height"], "362") << "... and one row";
}

TEST(VideoExport, WithoutFfmpegFailsSayingHowToInstallItAndWritesNothing) {
    const std::string dir = freshOutputDir("video");
    const std::string noFfmpeg = dir + "/bin";  // an empty directory as the whole PATH
    fs::create_directories(noFfmpeg);
    const std::string out = dir + "/never.mp4";
    auto r = runQantar("export --from 2022-01-05 --to 2022-01-05T03:00 --step 1h --size 640x360 --video " + out,
                       "PATH=" + noFfmpeg);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(lineCount(r.output), 1) << r.output;
    EXPECT_NE(r.output.find("ffmpeg"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("install"), std::string::npos) << "the message should say how to install ffmpeg: " << r.output;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"bin"}) << "nothing may be written";
}

TEST(VideoExport, FfprobeIsInstalled) {
    // The video checks above rely on it; say so plainly instead of letting them fail obscurely.
    EXPECT_EQ(runShell("command -v ffprobe").exitCode, 0)
        << "ffprobe is missing: install ffmpeg (scripts/install-deps.sh does); the video tests need it";
    EXPECT_EQ(runShell("command -v ffmpeg").exitCode, 0)
        << "ffmpeg is missing: install it (scripts/install-deps.sh does); video export needs it";
}
