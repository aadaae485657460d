#include "core/map/map_cache.hpp"

#include <cstdio>
#include <filesystem>
#include <type_traits>
#include <utility>

#include "core/io/version.hpp"

namespace qantar::core {

namespace {

// A new field in one of these must be written and read below (and kMapCacheFormat raised): these
// sizes (x86-64, libstdc++) fail to compile until then.
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Country) == 120, "Country changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(Region) == 256, "Region changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(WaterBody) == 160, "WaterBody changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(River) == 64, "River changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(Border) == 96, "Border changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(Place) == 216, "Place changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(WorldLayers) == 96, "WorldLayers changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(MapData) == 336, "MapData changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(MapLabel) == 104, "MapLabel changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(MapLines) == 240, "MapLines changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(SimplifiedLines) == 256, "SimplifiedLines changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(MapScene) == 1032, "MapScene changed: update map_cache.cpp and kMapCacheFormat");
static_assert(sizeof(FillVertex) == 12 && sizeof(LineVertex) == 28 && sizeof(GeoVertex) == 16,
              "a vertex changed: update kMapCacheFormat");
#endif

// Every structure's fields, in order, for writing (Io = Out, S const) and reading (Io = In).
template <typename Io, typename S>
void fields(Io& io, S& m) {
    using T = std::remove_const_t<S>;
    if constexpr (std::is_same_v<T, Country>) {
        io(m.name), io(m.iso3), io(m.polygons), io(m.box);
    } else if constexpr (std::is_same_v<T, MapPolygon>) {
        io(m.rings);
    } else if constexpr (std::is_same_v<T, Region>) {
        io(m.name), io(m.nameShort), io(m.nameRu), io(m.iso), io(m.kind), io(m.adminCenter), io(m.polygons),
            io(m.box), io(m.tint);
    } else if constexpr (std::is_same_v<T, Outline>) {
        io(m.points), io(m.closed);
    } else if constexpr (std::is_same_v<T, WaterBody>) {
        io(m.name), io(m.featureClass), io(m.scaleRank), io(m.polygons), io(m.box), io(m.areaKm2), io(m.shore);
    } else if constexpr (std::is_same_v<T, River>) {
        io(m.name), io(m.scaleRank), io(m.lakeCenterline), io(m.lines);
    } else if constexpr (std::is_same_v<T, Border>) {
        io(m.left), io(m.right), io(m.touchesKazakhstan), io(m.lines);
    } else if constexpr (std::is_same_v<T, Place>) {
        io(m.name), io(m.nameRu), io(m.country), io(m.regionIso), io(m.role), io(m.keyCity), io(m.nationalCapital),
            io(m.admin1Capital), io(m.population), io(m.scaleRank), io(m.lonLat), io(m.xy);
    } else if constexpr (std::is_same_v<T, WorldLayers>) {
        io(m.countries), io(m.lakes), io(m.rivers), io(m.places);
    } else if constexpr (std::is_same_v<T, MapData>) {
        io(m.countries), io(m.regions), io(m.water), io(m.rivers), io(m.borders), io(m.places), io(m.kazakhstanBox),
            io(m.dataBox), io(m.world), io(m.viewBounds);
    } else if constexpr (std::is_same_v<T, MapLabel>) {
        io(m.text), io(m.anchor), io(m.pointLabel), io(m.font), io(m.role), io(m.sizePx), io(m.letterSpacingPx),
            io(m.priority), io(m.maxMetersPerPixel), io(m.markerRadiusPx), io(m.alwaysShowMarker), io(m.layer);
    } else if constexpr (std::is_same_v<T, FillMesh> || std::is_same_v<T, LineMesh> || std::is_same_v<T, GeoMesh>) {
        io(m.vertices), io(m.indices);
    } else if constexpr (std::is_same_v<T, MapLines>) {
        io(m.rivers), io(m.waterOutlines), io(m.regionBorders), io(m.countryBorders), io(m.kazakhstanBorder);
    } else if constexpr (std::is_same_v<T, SimplifiedLines>) {
        io(m.toleranceM), io(m.minMetersPerPixel), io(m.lines);
    } else if constexpr (std::is_same_v<T, std::pair<std::uint32_t, std::uint32_t>>) {
        io(m.first), io(m.second);
    } else if constexpr (std::is_same_v<T, MapScene>) {
        io(m.worldWater), io(m.worldLand), io(m.worldLakes), io(m.worldRivers), io(m.worldWaterOutlines),
            io(m.worldBorders), io(m.worldCoasts), io(m.nightGrid), io(m.neighbours), io(m.kazakhstan), io(m.regions),
            io(m.regionIndexRanges), io(m.water), io(m.graticule), io(m.rivers), io(m.waterOutlines),
            io(m.regionBorders), io(m.countryBorders), io(m.kazakhstanBorder), io(m.simplifiedLines), io(m.labels),
            io(m.kazakhstanBox), io(m.dataBox), io(m.viewBounds);
    } else {
        static_assert(!sizeof(T), "no fields listed for this type");
    }
}

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {
    using Element = T;
};

// Plain values copied as bytes: numbers, enums, and the coordinate and vertex structs.
template <typename T>
constexpr bool kPlain = std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_same_v<T, MapXY> ||
                        std::is_same_v<T, LonLat> || std::is_same_v<T, MapBox> || std::is_same_v<T, FillVertex> ||
                        std::is_same_v<T, LineVertex> || std::is_same_v<T, GeoVertex>;

struct Out {
    PayloadWriter w;
    template <typename T>
    void operator()(const T& v) {
        if constexpr (kPlain<T>) {
            w.pod(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
            w.string(v);
        } else if constexpr (IsVector<T>::value) {
            using E = typename IsVector<T>::Element;
            if constexpr (kPlain<E>) {
                w.array(v.data(), v.size());
            } else {
                w.count(v.size());
                for (const E& e : v) (*this)(e);
            }
        } else {
            fields(*this, v);
        }
    }
};

struct In {
    PayloadReader r;
    template <typename T>
    void operator()(T& v) {
        if (!r.ok()) return;
        if constexpr (kPlain<T>) {
            r.pod(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
            r.string(v);
        } else if constexpr (IsVector<T>::value) {
            using E = typename IsVector<T>::Element;
            std::size_t n = 0;
            // Every element takes at least 8 bytes (a plain one: its size), so a count larger than
            // what remains is refused before anything is allocated.
            if (!r.count(n, kPlain<E> ? sizeof(E) : 8)) return;
            if constexpr (kPlain<E>) {
                // In place: the payload keeps arrays 8-byte aligned (PayloadWriter::array) and the
                // mapped file starts on a page.
                const char* p = r.view(n * sizeof(E));
                if (p) v.assign(reinterpret_cast<const E*>(p), reinterpret_cast<const E*>(p) + n);
            } else {
                v.resize(n);
                for (E& e : v) (*this)(e);
            }
        } else {
            fields(*this, v);
        }
    }
};

std::string hex16(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

}  // namespace

Expected<std::uint64_t> mapInputHash(const std::string& geoDir, const std::string& projectionDefinition) {
    InputHash h;
    h.add("map cache");
    h.addNumber(kMapCacheFormat);
    h.add(version());
    h.add(projectionDefinition);
    for (double t : kLineLevelToleranceM) h.addNumber(t);
    for (double v : {kMaxLineErrorPx, kWorldToleranceM, kViewReachM, kDetailedBox.lonMin, kDetailedBox.lonMax,
                     kDetailedBox.latMin, kDetailedBox.latMax, kWorldBox.lonMin, kWorldBox.lonMax, kWorldBox.latMin,
                     kWorldBox.latMax}) {
        h.addNumber(v);
    }
    for (const std::string& name : mapDataFiles()) {
        auto file = MappedFile::open(geoDir + "/" + name);
        if (!file) return file.error();
        h.add(name);
        h.add(file->bytes());
    }
    return h.value();
}

std::string serializeMap(const MapData& data, const MapScene& scene) {
    Out out;
    out(data);
    out(scene);
    return std::move(out.w.bytes());
}

bool deserializeMap(std::string_view payload, MapData& data, MapScene& scene) {
    In in{PayloadReader(payload)};
    in(data);
    in(scene);
    return in.r.atEnd();
}

MapCachePaths cachePathsFor(const std::string& assetDir, const std::string& name) {
    namespace fs = std::filesystem;
    MapCachePaths p;
    if (assetDir.empty()) return p;
    std::error_code ec;
    // Beside the assets as found (build/assets is a link into the source tree; its cache is
    // build/cache, not the source tree's).
    fs::path dir = fs::absolute(assetDir, ec).lexically_normal();
    if (!dir.has_filename()) dir = dir.parent_path();
    p.shipped = (dir.parent_path() / "cache" / name).string();
    // The user's copy is named after the folder the assets really are in.
    fs::path real = fs::weakly_canonical(dir, ec);
    if (ec) real = dir;
    const std::string stem = name.substr(0, name.find('.'));
    p.user = userCacheDir() + "/" + stem + "-" + hex16(hashBytes(real.string())) + ".cache";
    return p;
}

Expected<std::pair<MapData, MapScene>> loadMapCached(const std::string& geoDir, const Projection& projection,
                                                     const std::string& projectionDefinition,
                                                     const MapCachePaths& paths, CacheOutcome* outcome,
                                                     const std::function<void(const std::string&)>& report) {
    CacheOutcome local;
    CacheOutcome& result = outcome ? *outcome : local;
    result = CacheOutcome{};
    // No cache to read or write: no need to hash the inputs either.
    auto hash = paths.shipped.empty() && paths.user.empty() ? Expected<std::uint64_t>(Error{ErrorKind::FileNotFound, ""})
                                                            : mapInputHash(geoDir, projectionDefinition);
    std::string problem;
    CacheRead::State shippedState = CacheRead::State::Missing;
    if (hash) {
        for (const std::string* path : {&paths.shipped, &paths.user}) {
            if (path->empty()) continue;
            CacheRead read = readCacheFile(*path, kMapCacheKind, *hash, "map data");
            if (path == &paths.shipped) shippedState = read.state;
            if (read.state == CacheRead::State::Valid) {
                std::pair<MapData, MapScene> map;
                if (deserializeMap(read.payload, map.first, map.second)) {
                    result.used = true;
                    return map;
                }
                read.state = CacheRead::State::Damaged;
                read.problem = "does not hold a map this program can read";
                if (path == &paths.shipped) shippedState = read.state;
            }
            if (read.state != CacheRead::State::Missing && problem.empty()) {
                problem = "qantar: map cache " + *path + " " + read.problem + "; rebuilt";
            }
        }
    }
    auto data = loadMapData(geoDir, projection);
    if (!data) return data.error();
    auto scene = buildMapScene(*data, projection);
    if (!scene) return scene.error();
    if (!problem.empty()) {
        result.problem = problem;
        if (report) report(problem);
        else std::fprintf(stderr, "%s\n", problem.c_str());
    }
    if (hash) {
        const std::string payload = serializeMap(*data, *scene);
        // A shipped cache that is wrong is put right where it is, if that may be written; otherwise
        // (or when there is none) the user's own copy is written.
        if (!paths.shipped.empty() && shippedState != CacheRead::State::Missing &&
            !writeCacheFile(paths.shipped, kMapCacheKind, *hash, payload)) {
            result.written = paths.shipped;
        } else if (!paths.user.empty() && !writeCacheFile(paths.user, kMapCacheKind, *hash, payload)) {
            result.written = paths.user;
        }
    }
    return std::pair<MapData, MapScene>{std::move(*data), std::move(*scene)};
}

}  // namespace qantar::core
