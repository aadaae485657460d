#pragma once
// Errors that reach the user: every kind has a stable id and a message template in one list, so
// the CLI, the GUI and the tests all speak of the same thing (tests assert the id, users read the
// message, which names file, line or field and what is wrong).
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace qantar::core {

// X(id, summary). The summary is the generic part; Error::message carries the specifics.
#define QANTAR_ERROR_KINDS(X)                                          \
    X(FileNotFound, "file not found")                                  \
    X(FileUnreadable, "file cannot be read")                           \
    X(FileUnwritable, "file cannot be written")                        \
    X(JsonSyntax, "not valid JSON")                                    \
    X(GeoJsonStructure, "not a GeoJSON FeatureCollection as expected") \
    X(GeoJsonGeometry, "invalid geometry")                             \
    X(MissingProperty, "a required property is missing")               \
    X(Projection, "projection failed")                                 \
    X(Triangulation, "triangulation failed")                           \
    X(BadArgument, "bad argument")                                     \
    X(DatasetInvalid, "event data is invalid")                         \
    X(GraphicsUnavailable, "OpenGL is not available")                  \
    X(ShaderBuild, "shader failed to build")                           \
    X(ImageEncode, "image could not be encoded")                       \
    X(ImportUnavailable, "importing is not available")                 \
    X(ImportNoTime, "no time field could be found")

enum class ErrorKind {
#define QANTAR_ERROR_ENUM(id, summary) id,
    QANTAR_ERROR_KINDS(QANTAR_ERROR_ENUM)
#undef QANTAR_ERROR_ENUM
};

// Stable identifier of a kind, e.g. "FileNotFound".
const char* errorKindId(ErrorKind kind);
// Generic one-line summary of a kind, e.g. "file not found".
const char* errorKindSummary(ErrorKind kind);

struct Error {
    ErrorKind kind;
    std::string message;  // complete, user-facing: "assets/geo/lakes.geojson: feature 3: ..."
};

// A value or the Error that prevented it. Minimal stand-in for C++23 std::expected.
template <typename T>
class Expected {
public:
    Expected(T value) : m_v(std::move(value)) {}          // NOLINT(google-explicit-constructor)
    Expected(Error error) : m_v(std::move(error)) {}      // NOLINT(google-explicit-constructor)
    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_v); }
    const T& value() const { return std::get<T>(m_v); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// For operations that produce nothing but may fail.
using Status = std::optional<Error>;

}  // namespace qantar::core
