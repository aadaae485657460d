#include "core/geo/projection.hpp"

#include <proj.h>

#include <cmath>
#include <limits>

namespace qantar::core {

struct Projection::Impl {
    PJ_CONTEXT* ctx = nullptr;
    PJ* pj = nullptr;
    ~Impl() {
        if (pj) proj_destroy(pj);
        if (ctx) proj_context_destroy(ctx);
    }
};

const char* Projection::kazakhstanLcc() {
    return "+proj=lcc +lat_1=45 +lat_2=51 +lat_0=48 +lon_0=67 +x_0=0 +y_0=0 +ellps=WGS84 +units=m";
}

Expected<Projection> Projection::create(const std::string& projString) {
    auto impl = std::make_unique<Impl>();
    impl->ctx = proj_context_create();
    if (!impl->ctx) return Error{ErrorKind::Projection, "projection: PROJ could not create a context"};
    // Log nothing to stderr: failures are reported through our own errors.
    proj_log_level(impl->ctx, PJ_LOG_NONE);
    // A pipeline from degrees, so callers never handle radians; no proj.db look-up is needed.
    const std::string pipeline = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " + projString;
    impl->pj = proj_create(impl->ctx, pipeline.c_str());
    if (!impl->pj) {
        const int err = proj_context_errno(impl->ctx);
        return Error{ErrorKind::Projection, "projection: PROJ rejected '" + projString +
                                                "': " + proj_context_errno_string(impl->ctx, err)};
    }
    return Projection(std::move(impl));
}

Projection::Projection(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;
Projection::~Projection() = default;

std::optional<MapXY> Projection::project(LonLat p) const {
    if (!p.valid()) return std::nullopt;
    PJ_COORD c = proj_coord(p.lon, p.lat, 0, 0);
    PJ_COORD r = proj_trans(m_impl->pj, PJ_FWD, c);
    if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y) || r.xy.x == HUGE_VAL) return std::nullopt;
    return MapXY{r.xy.x, r.xy.y};
}

std::optional<LonLat> Projection::unproject(MapXY p) const {
    // Beyond a few Earth circumferences a map coordinate is garbage, not a place.
    constexpr double kMaxMapExtentM = 1.0e8;
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.x) > kMaxMapExtentM || std::abs(p.y) > kMaxMapExtentM) {
        return std::nullopt;
    }
    PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
    PJ_COORD r = proj_trans(m_impl->pj, PJ_INV, c);
    LonLat out{r.lp.lam, r.lp.phi};
    if (r.lp.lam == HUGE_VAL || !out.valid()) return std::nullopt;
    return out;
}

std::vector<MapXY> Projection::projectMany(const std::vector<LonLat>& points) const {
    std::vector<MapXY> out(points.size());
    if (points.empty()) return out;
    for (std::size_t i = 0; i < points.size(); ++i) out[i] = MapXY{points[i].lon, points[i].lat};
    // MapXY is two doubles, so the array can be transformed in place with a stride.
    const auto stride = sizeof(MapXY);
    proj_trans_generic(m_impl->pj, PJ_FWD, &out[0].x, stride, out.size(), &out[0].y, stride, out.size(), nullptr,
                       0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (!points[i].valid() || !std::isfinite(out[i].x) || !std::isfinite(out[i].y) || out[i].x == HUGE_VAL) {
            out[i] = MapXY{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
        }
    }
    return out;
}

double Projection::scaleFactorAt(LonLat p) const {
    // Compare the projected length of a short north–south step with its true length on the
    // ellipsoid (PROJ's geodesic distance), which works for any projection definition.
    constexpr double kStepDeg = 0.01;
    LonLat a{p.lon, p.lat - kStepDeg * 0.5};
    LonLat b{p.lon, p.lat + kStepDeg * 0.5};
    auto pa = project(a);
    auto pb = project(b);
    if (!pa || !pb) return 1.0;
    const double mapLen = std::hypot(pb->x - pa->x, pb->y - pa->y);
    PJ* geod = proj_create(m_impl->ctx, "+proj=longlat +ellps=WGS84");
    double trueLen = 0.0;
    if (geod) {
        PJ_COORD ca = proj_coord(proj_torad(a.lon), proj_torad(a.lat), 0, 0);
        PJ_COORD cb = proj_coord(proj_torad(b.lon), proj_torad(b.lat), 0, 0);
        trueLen = proj_lp_dist(geod, ca, cb);
        proj_destroy(geod);
    }
    if (!(trueLen > 0.0)) return 1.0;
    return mapLen / trueLen;
}

}  // namespace qantar::core
