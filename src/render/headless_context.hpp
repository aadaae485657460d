#pragma once
// An OpenGL 3.3 core context with no window and no display server: EGL on Mesa's surfaceless
// platform (software rendering through llvmpipe when there is no GPU). Used by the CLI's
// export and by render tests.
#include <memory>
#include <string>

#include "core/io/error.hpp"

namespace qantar::render {

class HeadlessContext {
public:
    // Creates the context and makes it current on this thread, with the GL loader initialised.
    // GraphicsUnavailable (with EGL's reason) when the platform offers no such context.
    static core::Expected<std::unique_ptr<HeadlessContext>> create();
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    // GL_RENDERER of the context, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
    std::string renderer() const;

private:
    HeadlessContext() = default;
    void* m_display = nullptr;
    void* m_context = nullptr;
};

}  // namespace qantar::render
