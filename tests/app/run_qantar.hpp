#pragma once
// Runs the real qantar binary (QANTAR_BINARY) as a user would from a shell, with no display
// server, and gives back its exit code and everything it printed; plus small helpers for the
// files it writes. Shared by the CLI tests.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace qantar::test {

struct RunResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

// Runs a shell command line, capturing stdout and stderr together.
inline RunResult runShell(const std::string& command) {
    RunResult r;
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    while (fgets(buf.data(), buf.size(), p)) r.output += buf.data();
    const int status = pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

// `qantar ARGS` with DISPLAY and WAYLAND_DISPLAY unset: exports must not need a display.
// `env` holds extra NAME=VALUE settings for the program (e.g. "PATH=/somewhere").
inline RunResult runQantar(const std::string& args, const std::string& env = "") {
    return runShell("env -u DISPLAY -u WAYLAND_DISPLAY " + env + " " + std::string(QANTAR_BINARY) + " " + args);
}

struct SplitRun {
    int exitCode = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// `qantar ARGS` with stdout and stderr kept apart (stderr goes through a file in `scratchDir`).
// `env` holds extra NAME=VALUE settings for the program, as for runQantar.
inline SplitRun runQantarSplit(const std::string& args, const std::string& scratchDir, const std::string& env = "") {
    static int runs = 0;
    const std::string errFile = scratchDir + "/stderr-" + std::to_string(::getpid()) + "-" + std::to_string(++runs) + ".txt";
    const std::string cmd = "env -u DISPLAY -u WAYLAND_DISPLAY " + env + " " + std::string(QANTAR_BINARY) + " " + args +
                            " 2>'" + errFile + "'";
    SplitRun r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream in(errFile, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    r.err = ss.str();
    std::remove(errFile.c_str());
    return r;
}

// A fresh, empty directory under the build's test output, named for the current test so that
// tests can run in parallel and failures leave their files for inspection.
inline std::string freshOutputDir(const std::string& group) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "." + info->name();
    for (char& c : name) {
        if (c == '/') c = '_';
    }
    const std::filesystem::path dir = std::filesystem::path(QANTAR_TEST_OUTPUT_DIR) / group / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

// File names in a directory, sorted.
inline std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

inline std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline int lineCount(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

}  // namespace qantar::test
