// Fuzzes the masking of import sources for display (core/import/credentials.hpp, pg_conninfo.hpp):
// the bytes are a source string (a PG: string, a URL, an ODBC login, anything). Masking must never
// crash, hang or grow without bound, and a PG: string is always shown as PG:... .
#include <cstdint>
#include <string>

#include "core/import/credentials.hpp"
#include "core/import/pg_conninfo.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace qantar::core::importer;
    const std::string source(reinterpret_cast<const char*>(data), size);
    (void)looksLikeConnection(source);
    const std::string generic = maskCredentialsGeneric(source);
    if (generic.size() > 4 * source.size() + 16) __builtin_trap();
    const std::string shown = maskSource(source);
    if (shown.size() > 8 * source.size() + 256) __builtin_trap();
    if (isPostgresSource(source) && shown.compare(0, 3, "PG:") != 0 && shown.compare(0, 8, "postgres") != 0) {
        __builtin_trap();
    }
    const std::string message = maskMessage("cannot open " + source + ": " + source, sourceSecrets(source));
    (void)message;
    return 0;
}
