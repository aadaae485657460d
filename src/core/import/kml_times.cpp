#include "core/import/kml_times.hpp"

#include <cpl_minixml.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <memory>

#include "core/import/event_collector.hpp"

namespace qantar::core::importer {

namespace {

struct XmlFree {
    void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
};

// The text of the direct child element `name` of `node` (namespaces already stripped).
std::string childText(const CPLXMLNode* node, const char* name) {
    for (const CPLXMLNode* c = node ? node->psChild : nullptr; c; c = c->psNext) {
        if (c->eType == CXT_Element && EQUAL(c->pszValue, name)) return trimmed(CPLGetXMLValue(c, nullptr, ""));
    }
    return {};
}

const CPLXMLNode* childElement(const CPLXMLNode* node, const char* name) {
    for (const CPLXMLNode* c = node ? node->psChild : nullptr; c; c = c->psNext) {
        if (c->eType == CXT_Element && EQUAL(c->pszValue, name)) return c;
    }
    return nullptr;
}

}  // namespace

std::string kmlInsideKmz(const std::string& kmzPath) {
    const std::string root = "/vsizip/{" + kmzPath + "}";
    char** entries = VSIReadDirRecursive(root.c_str());
    std::string found;
    for (int i = 0; entries && entries[i]; ++i) {
        const std::string e = entries[i];
        if (EQUAL(e.c_str(), "doc.kml")) {
            found = e;
            break;
        }
        if (found.empty() && e.size() > 4 && EQUAL(e.substr(e.size() - 4).c_str(), ".kml")) found = e;
    }
    CSLDestroy(entries);
    return found.empty() ? std::string() : root + "/" + found;
}

std::vector<KmlPlacemarkTime> readKmlPlacemarkTimes(const std::string& path) {
    std::string file = path;
    if (file.size() > 4 && EQUAL(file.substr(file.size() - 4).c_str(), ".kmz")) file = kmlInsideKmz(path);
    std::vector<KmlPlacemarkTime> out;
    if (file.empty()) return out;
    // Read by hand, at most the limit: an archive's stated size may be a lie.
    std::string text;
    if (VSILFILE* f = VSIFOpenL(file.c_str(), "rb")) {
        std::vector<char> buf(1 << 20);
        for (std::size_t n; (n = VSIFReadL(buf.data(), 1, buf.size(), f)) > 0;) {
            text.append(buf.data(), n);
            if (text.size() > kMaxKmlDocumentBytes) break;
        }
        VSIFCloseL(f);
    }
    if (text.empty() || text.size() > kMaxKmlDocumentBytes) return out;
    std::unique_ptr<CPLXMLNode, XmlFree> root(CPLParseXMLString(text.c_str()));
    text.clear();
    text.shrink_to_fit();
    if (!root) return out;
    CPLStripXMLNamespace(root.get(), nullptr, TRUE);
    // Walk with an explicit stack: a hostile document may nest deeply.
    std::vector<const CPLXMLNode*> stack{root.get()};
    while (!stack.empty()) {
        const CPLXMLNode* n = stack.back();
        stack.pop_back();
        if (n->psNext) stack.push_back(n->psNext);
        if (n->eType != CXT_Element) continue;
        if (EQUAL(n->pszValue, "Placemark")) {
            KmlPlacemarkTime p;
            p.name = childText(n, "name");
            p.when = childText(childElement(n, "TimeStamp"), "when");
            const CPLXMLNode* span = childElement(n, "TimeSpan");
            p.begin = childText(span, "begin");
            p.end = childText(span, "end");
            out.push_back(std::move(p));
            continue;  // placemarks do not nest; a Camera's gx:TimeStamp inside is not the feature's time
        }
        if (n->psChild) stack.push_back(n->psChild);
    }
    return out;
}

}  // namespace qantar::core::importer
