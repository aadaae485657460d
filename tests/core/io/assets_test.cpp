// Where the assets are looked for (core/io/assets.hpp): $QANTAR_ASSETS, then the installed place
// relative to the program, then the build tree; no absolute path built in.
#include "core/io/assets.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using qantar::core::assetDirCandidates;
using qantar::core::findAssetDir;

fs::path programDir() { return fs::read_symlink("/proc/self/exe").parent_path(); }

// Sets or unsets QANTAR_ASSETS for one test, and puts back what was there.
class AssetsEnv {
public:
    explicit AssetsEnv(const char* value) {
        if (const char* old = std::getenv("QANTAR_ASSETS")) m_old = old;
        if (value) ::setenv("QANTAR_ASSETS", value, 1);
        else ::unsetenv("QANTAR_ASSETS");
    }
    ~AssetsEnv() {
        if (m_old) ::setenv("QANTAR_ASSETS", m_old->c_str(), 1);
        else ::unsetenv("QANTAR_ASSETS");
    }

private:
    std::optional<std::string> m_old;
};

TEST(AssetLookup, EnvironmentThenInstalledPlaceThenBuildTreeAllRelativeToTheProgram) {
    AssetsEnv env("/nowhere/qantar-assets");
    const fs::path dir = programDir();
    const std::vector<std::string> expected = {
        "/nowhere/qantar-assets",
        (dir / "../share/qantar/assets").lexically_normal().string(),
        (dir / "assets").lexically_normal().string(),
        (dir / "../assets").lexically_normal().string(),
    };
    EXPECT_EQ(assetDirCandidates(), expected);
}

TEST(AssetLookup, TheBuildTreesProgramsFindTheSourceAssetsThroughTheBuildTree) {
    AssetsEnv env(nullptr);
    auto found = findAssetDir();
    ASSERT_TRUE(found.ok()) << found.error().message;
    // build/tests/../assets, the link to the source tree's assets made when configuring.
    EXPECT_EQ(*found, (programDir() / "../assets").lexically_normal().string());
    EXPECT_EQ(fs::canonical(*found), fs::canonical(QANTAR_ASSET_DIR));
}

TEST(AssetLookup, QantarAssetsComesFirstAndAMissingOneIsSkipped) {
    const fs::path copy = fs::temp_directory_path() / ("qantar-assets-test-" + std::to_string(::getpid()));
    fs::create_directories(copy / "geo");
    {
        AssetsEnv env(copy.c_str());
        auto found = findAssetDir();
        ASSERT_TRUE(found.ok()) << found.error().message;
        EXPECT_EQ(*found, copy.string());
    }
    fs::remove_all(copy);
    AssetsEnv env(copy.c_str());
    auto found = findAssetDir();
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_NE(*found, copy.string());
}

TEST(AssetLookup, AMissingAssetsOptionNamesTheDirectory) {
    auto found = findAssetDir("/nowhere/qantar-assets");
    ASSERT_FALSE(found.ok());
    EXPECT_NE(found.error().message.find("/nowhere/qantar-assets"), std::string::npos) << found.error().message;
}

}  // namespace
