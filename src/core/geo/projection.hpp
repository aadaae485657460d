#pragma once
// The map projection: a Lambert conformal conic fitted to Kazakhstan (standard parallels 45° N and
// 51° N, origin 48° N 67° E, WGS 84 ellipsoid, metres), computed by PROJ. Both directions are
// provided; a point that cannot be projected yields std::nullopt, never a garbage value.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/io/error.hpp"
#include "core/geo/geo_types.hpp"

namespace qantar::core {

class Projection {
public:
    // The PROJ definition used by the map.
    static const char* kazakhstanLcc();

    // Creates the projection from a PROJ string (a conversion in degrees ↔ metres is built around
    // it). Fails with ErrorKind::Projection when PROJ rejects the definition.
    static Expected<Projection> create(const std::string& projString = kazakhstanLcc());

    Projection(Projection&&) noexcept;
    Projection& operator=(Projection&&) noexcept;
    ~Projection();

    // lon/lat (degrees) → map metres. nullopt for invalid input or points PROJ cannot project.
    std::optional<MapXY> project(LonLat p) const;
    // map metres → lon/lat (degrees). nullopt when the inverse is undefined there.
    std::optional<LonLat> unproject(MapXY p) const;
    // Projects many points at once (much faster than one by one). Points that fail come back as
    // NaN; the returned vector always has the input's size.
    std::vector<MapXY> projectMany(const std::vector<LonLat>& points) const;

    // Local scale factor: map metres per true metre at the given point (≈1 along the standard
    // parallels). Used by the scale bar.
    double scaleFactorAt(LonLat p) const;

private:
    struct Impl;
    explicit Projection(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace qantar::core
