// importBoundaries (here gdalImportBoundaries, in the GDAL module): custom boundary layers
// (GeoJSON, Shapefile, GeoPackage, any OGR source) as named WGS 84 polygons, for others to draw.
#include <memory>

#include "core/import/event_collector.hpp"
#include "core/import/gdal_module.hpp"
#include "core/import/import.hpp"
#include "core/import/ogr_source.hpp"

namespace qantar::core {

namespace {


// A ring as WGS 84 points, the closing point dropped; false when a point is not a valid lon/lat.
bool readRing(const OGRLinearRing& ring, LonLatRing& out) {
    const int n = ring.getNumPoints();
    out.clear();
    out.reserve(static_cast<std::size_t>(n > 0 ? n : 0));
    for (int i = 0; i < n; ++i) {
        const LonLat p{ring.getX(i), ring.getY(i)};
        if (!p.valid()) return false;
        out.push_back(p);
    }
    if (out.size() > 1 && out.front().lon == out.back().lon && out.front().lat == out.back().lat) out.pop_back();
    return true;
}

// Appends the polygons of `g` (Polygon, MultiPolygon, curved variants); false on invalid points.
bool collectPolygons(const OGRGeometry& g, std::vector<LonLatPolygon>& out) {
    const OGRwkbGeometryType flat = wkbFlatten(g.getGeometryType());
    if (flat == wkbPolygon) {
        const OGRPolygon* poly = g.toPolygon();
        LonLatPolygon p;
        const OGRLinearRing* exterior = poly->getExteriorRing();
        if (!exterior) return true;
        LonLatRing ring;
        if (!readRing(*exterior, ring)) return false;
        if (ring.size() < 3) return true;
        p.rings.push_back(std::move(ring));
        for (int i = 0; i < poly->getNumInteriorRings(); ++i) {
            LonLatRing hole;
            if (!readRing(*poly->getInteriorRing(i), hole)) return false;
            if (hole.size() >= 3) p.rings.push_back(std::move(hole));
        }
        out.push_back(std::move(p));
        return true;
    }
    if (flat == wkbMultiPolygon || flat == wkbGeometryCollection) {
        for (const OGRGeometry* part : *g.toGeometryCollection())
            if (part && !collectPolygons(*part, out)) return false;
        return true;
    }
    if (flat == wkbCurvePolygon || flat == wkbMultiSurface) {
        std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
        return !linear || collectPolygons(*linear, out);
    }
    return true;  // points and lines are not boundaries
}

}  // namespace

Expected<std::vector<Boundary>> importer::gdalImportBoundaries(const std::string& source, const ImportOptions& options) {
    importer::GdalErrorCapture quiet;
    auto opened = importer::VectorSource::open(source);
    if (!opened) return opened.error();
    auto layers = opened->chooseLayers(options);
    if (!layers) return layers.error();
    const std::string label = opened->label();

    std::vector<Boundary> out;
    std::size_t features = 0, badPoints = 0;
    for (OGRLayer* layer : *layers) {
        const auto fields = importer::fieldsOf(*layer);
        int nameField = -1;
        if (!options.nameField.empty()) {
            nameField = importer::findField(fields, options.nameField);
            if (nameField < 0) {
                return Error{ErrorKind::BadArgument, label + ": no field '" + printable(options.nameField) +
                                                         "' for the names; its fields: " + importer::describeFields(fields)};
            }
        } else {
            nameField = importer::findField(fields, {"name", "name_en", "shapeName", "NAME_1", "ADM1_EN", "admin1",
                                                     "region", "title", "label", "name_2", "NAME_2"});
            for (std::size_t i = 0; nameField < 0 && i < fields.size(); ++i)
                if (fields[i].type == OFTString) nameField = fields[i].index;
        }
        std::unique_ptr<OGRCoordinateTransformation> toWgs84;
        if (!importer::makeWgs84Transform(*layer, toWgs84)) {
            return Error{ErrorKind::Projection, label + ": layer '" + printable(layer->GetName(), 40) +
                                                    "': its coordinate reference system cannot be transformed to WGS 84"};
        }
        layer->ResetReading();
        for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
            ++features;
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g || g->IsEmpty()) continue;
            std::unique_ptr<OGRGeometry> copy;
            if (toWgs84) {
                copy.reset(g->clone());
                if (copy->transform(toWgs84.get()) != OGRERR_NONE) {
                    ++badPoints;
                    continue;
                }
                g = copy.get();
            }
            Boundary b;
            if (!collectPolygons(*g, b.polygons)) {
                ++badPoints;
                continue;
            }
            if (b.polygons.empty()) continue;
            b.name = importer::trimmed(importer::fieldText(*f, nameField));
            if (b.name.empty()) b.name = "Boundary " + std::to_string(out.size() + 1);
            out.push_back(std::move(b));
        }
    }
    if (out.empty()) {
        std::string msg = label + ": no polygons found (" + std::to_string(features) + " feature" +
                          (features == 1 ? "" : "s") + ", none a Polygon or MultiPolygon with valid coordinates)";
        if (badPoints) msg += "; " + std::to_string(badPoints) + " had coordinates outside longitude/latitude range";
        return Error{ErrorKind::GeoJsonGeometry, msg};
    }
    return out;
}

}  // namespace qantar::core
