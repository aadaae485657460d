// `qantar export --video`: MP4 and GIF through ffmpeg, checked with ffprobe (frame count, codec,
// pixel format, size), odd sizes padded for H.264, and a clear failure when ffmpeg is missing.
// ffmpeg and ffprobe come from scripts/install-deps.sh; a missing ffprobe fails these tests (CI
// installs it) rather than skipping them.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "run_qantar.hpp"

namespace fs = std::filesystem;
using qantar::test::filesIn;
using qantar::test::freshOutputDir;
using qantar::test::lineCount;
using qantar::test::readBytes;
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

// --- The previous video is never lost (the video is written beside it, then renamed) -------

namespace {

const std::string kShortSequence = "--from 2022-01-05 --to 2022-01-05T03:00 --step 1h --fps 5 --size 320x240 ";

void writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// A stand-in for ffmpeg, first on PATH: `script` is the body of a shell script, which gets
// ffmpeg's arguments; $out is the output it was given, without its "file:" prefix.
std::string fakeFfmpeg(const std::string& binDir, const std::string& script) {
    fs::create_directories(binDir);
    const std::string path = binDir + "/ffmpeg";
    writeText(path, "#!/bin/sh\nfor a; do out=\"$a\"; done\nout=\"${out#file:}\"\n" + script + "\n");
    fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
    return "PATH=" + binDir + ":/usr/bin:/bin";
}

}  // namespace

TEST(VideoExport, AFailingFfmpegKeepsThePreviousVideoAndLeavesNothingBehind) {
    const std::string dir = freshOutputDir("video");
    const std::string out = dir + "/out/week.mp4";
    fs::create_directories(dir + "/out");
    writeText(out, "the previous video");
    // ffmpeg writes part of a file, says why it fails and exits 1, as on a full disk.
    const std::string env = fakeFfmpeg(dir + "/bin",
                                       "printf 'partial' > \"$out\"; head -c 1000 >/dev/null; "
                                       "echo 'av_interleaved_write_frame(): No space left on device' >&2; exit 1");
    auto r = runQantar("export --quiet " + kShortSequence + "--video " + out, env);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(lineCount(r.output), 1) << r.output;
    EXPECT_NE(r.output.find(out + ": ffmpeg"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("No space left on device"), std::string::npos) << "ffmpeg's own words: " << r.output;
    EXPECT_EQ(readBytes(out), "the previous video") << "the previous video was damaged";
    EXPECT_EQ(filesIn(dir + "/out"), std::vector<std::string>{"week.mp4"}) << "no temporary or log may be left";
}

TEST(VideoExport, AnFfmpegThatSaysNothingStillGivesAReason) {
    // On a full disk ffmpeg's log could not be written either: the message was "ffmpeg stopped: ".
    const std::string dir = freshOutputDir("video");
    const std::string out = dir + "/out/week.mp4";
    fs::create_directories(dir + "/out");
    const std::string env = fakeFfmpeg(dir + "/bin", "exec 2>&-; exit 1");
    auto r = runQantar("export --quiet " + kShortSequence + "--video " + out, env);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(lineCount(r.output), 1) << r.output;
    const auto colon = r.output.find("ffmpeg");
    ASSERT_NE(colon, std::string::npos) << r.output;
    EXPECT_NE(r.output.find("status 1"), std::string::npos) << "the message must say something: " << r.output;
    EXPECT_TRUE(filesIn(dir + "/out").empty()) << "nothing may be left";
}

TEST(VideoExport, FfmpegWritesATemporaryBesideTheVideoNeverTheVideoItself) {
    const std::string dir = freshOutputDir("video");
    const std::string out = dir + "/out/week.mp4";
    fs::create_directories(dir + "/out");
    writeText(out, "the previous video");
    // Records what it was asked to write and how the target looked then, then fails.
    const std::string env = fakeFfmpeg(dir + "/bin", "echo \"$@\" > " + dir + "/bin/args; cat > /dev/null; exit 1");
    auto r = runQantar("export --quiet " + kShortSequence + "--video " + out, env);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    const std::string args = readBytes(dir + "/bin/args");
    const std::string prefix = "file:" + dir + "/out/.week.mp4.qantar-tmp-";
    const auto at = args.find(prefix);
    ASSERT_NE(at, std::string::npos) << "ffmpeg was not given a temporary beside the video: " << args;
    // <pid>-<6 letters or digits>.mp4 at the very end.
    const std::string rest = args.substr(at + prefix.size());
    EXPECT_EQ(rest.substr(rest.size() - 5), ".mp4\n") << args;
    const auto dash = rest.find('-');
    ASSERT_NE(dash, std::string::npos) << args;
    EXPECT_EQ(rest.size() - dash - 1, 6u + 5u) << "6 random characters then the extension: " << args;
    EXPECT_EQ(args.find(" " + out), std::string::npos) << "ffmpeg must never be pointed at the video: " << args;
    EXPECT_EQ(readBytes(out), "the previous video");
    EXPECT_EQ(filesIn(dir + "/out"), std::vector<std::string>{"week.mp4"});
}

TEST(VideoExport, ANameStartingWithADashIsAFileNotAnFfmpegOption) {
    // "-report" would make ffmpeg write a log of its own into the working folder.
    const std::string dir = freshOutputDir("video");
    auto r = runShell("cd '" + dir + "' && env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(QANTAR_BINARY) +
                      " export --quiet " + kShortSequence + "--video=-report.mp4");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"-report.mp4"});
    const Probe p = probe(dir + "/-report.mp4");
    ASSERT_TRUE(p.ok) << p.error;
    EXPECT_EQ(p["nb_read_frames"], "4");
}

TEST(VideoExport, ASuccessfulExportReplacesThePreviousVideoAndLeavesNothingElse) {
    const std::string dir = freshOutputDir("video");
    const std::string out = dir + "/week.mp4";
    writeText(out, "the previous video");
    exportVideo(kShortSequence + "--video " + out);
    const Probe p = probe(out);
    ASSERT_TRUE(p.ok) << p.error;
    EXPECT_EQ(p["nb_read_frames"], "4");
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"week.mp4"}) << "no temporary or ffmpeg log may be left";
}

TEST(VideoExport, SigtermStopsTheExportRemovesTheTemporaryAndKeepsThePreviousVideo) {
    const std::string dir = freshOutputDir("video");
    const std::string out = dir + "/out/week.mp4";
    fs::create_directories(dir + "/out");
    writeText(out, "the previous video");
    // 200 frames: the signal comes once ffmpeg has started writing its temporary.
    const std::string cmd = "env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(QANTAR_BINARY) +
                            " export --quiet --from 2022-01-01 --to 2022-01-09T07:00 --step 1h --size 320x240 --video " +
                            out + " >" + dir + "/log.txt 2>&1 & pid=$!; i=0; "
                            "while ! ls -A " + dir + "/out | grep -q qantar-tmp && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done; "
                            "kill -TERM $pid; wait $pid; echo \"exit $?\"";
    auto r = runShell(cmd);
    const std::string log = readBytes(dir + "/log.txt");
    EXPECT_NE(r.output.find("exit 143"), std::string::npos) << r.output << log;
    EXPECT_NE(log.find("stopped (SIGTERM)"), std::string::npos) << log;
    EXPECT_EQ(readBytes(out), "the previous video");
    EXPECT_EQ(filesIn(dir + "/out"), std::vector<std::string>{"week.mp4"}) << "the temporary must be removed";
}

