#include "render/shader.hpp"

#include <gtest/gtest.h>

#include "render/headless_context.hpp"

using namespace qantar;

TEST(Shader, CompileFailureNamesTheFileAndCarriesTheDriverLog) {
    auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(ctx.ok()) << ctx.error().message;
    const char* vs = "#version 330 core\nvoid main() { gl_Position = vec4(0.0); }\n";
    const char* fs = "#version 330 core\nout vec4 c;\nvoid main() { c = undefined_thing; }\n";
    auto p = render::buildProgram("good.vert", vs, "broken.frag", fs);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().kind, core::ErrorKind::ShaderBuild);
    EXPECT_NE(p.error().message.find("shaders/broken.frag"), std::string::npos) << p.error().message;
    EXPECT_NE(p.error().message.find("undefined_thing"), std::string::npos) << "the driver's log: " << p.error().message;
}

TEST(Shader, EveryEmbeddedShaderBuilds) {
    auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(ctx.ok()) << ctx.error().message;
    EXPECT_FALSE(ctx.value()->renderer().empty());
    for (const char* name : {"fill", "line", "marker", "text", "night"}) {
        auto p = render::buildEmbeddedProgram(name);
        EXPECT_TRUE(p.ok()) << name << ": " << (p.ok() ? "" : p.error().message);
    }
}
