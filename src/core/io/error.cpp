#include "core/io/error.hpp"

namespace qantar::core {

const char* errorKindId(ErrorKind kind) {
    switch (kind) {
#define QANTAR_ERROR_ID(id, summary) \
    case ErrorKind::id:              \
        return #id;
        QANTAR_ERROR_KINDS(QANTAR_ERROR_ID)
#undef QANTAR_ERROR_ID
    }
    return "Unknown";
}

const char* errorKindSummary(ErrorKind kind) {
    switch (kind) {
#define QANTAR_ERROR_SUMMARY(id, summary) \
    case ErrorKind::id:                   \
        return summary;
        QANTAR_ERROR_KINDS(QANTAR_ERROR_SUMMARY)
#undef QANTAR_ERROR_SUMMARY
    }
    return "unknown error";
}

}  // namespace qantar::core
