// Masking sources for display with libpq's own reading of connection strings (credentials.hpp).
// In the GDAL module, which already needs libpq through GDAL's PostgreSQL driver.
#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "core/import/credentials.hpp"
#include "core/import/gdal_module.hpp"
#include "core/import/pg_conninfo.hpp"

namespace qantar::core::importer {

namespace {

struct ConninfoFree {
    void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// GDAL's PostgreSQL driver takes these out of the string before libpq sees it.
bool isGdalOption(const std::string& key) {
    std::string k;
    for (char c : key) k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return k == "tables" || k == "schemas" || k == "active_schema";
}

// Splits GDAL's own options off a key=value string, by libpq's rules for the form (a value is
// quoted with ' and \ escapes, or runs to white space).
std::string withoutGdalOptions(const std::string& s, std::vector<std::string>& gdalOptions) {
    std::string rest;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && isSpace(s[i])) ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != '=' && !isSpace(s[i])) ++i;
        const std::string key = s.substr(start, i - start);
        while (i < s.size() && isSpace(s[i])) ++i;
        if (i < s.size() && s[i] == '=') ++i;
        while (i < s.size() && isSpace(s[i])) ++i;
        if (i < s.size() && s[i] == '\'') {
            ++i;
            while (i < s.size() && s[i] != '\'') i += s[i] == '\\' ? 2 : 1;
            i = std::min(i + 1, s.size());
        } else {
            while (i < s.size() && !isSpace(s[i])) i += s[i] == '\\' ? 2 : 1;
            i = std::min(i, s.size());
        }
        const std::string token = s.substr(start, i - start);
        if (token.empty()) continue;
        if (isGdalOption(key)) {
            gdalOptions.push_back(token);
        } else {
            if (!rest.empty()) rest += ' ';
            rest += token;
        }
    }
    return rest;
}

// A value as libpq's key=value form writes it: quoted when empty or holding spaces, quotes or backslashes.
std::string conninfoValue(const std::string& v) {
    const bool plain = !v.empty() && std::none_of(v.begin(), v.end(), [](char c) {
        return isSpace(c) || c == '\'' || c == '\\';
    });
    if (plain) return v;
    std::string out = "'";
    for (char c : v) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

struct Parsed {
    std::unique_ptr<PQconninfoOption, ConninfoFree> options;
    std::vector<std::string> gdalOptions;
};

Parsed parse(std::string_view source) {
    Parsed p;
    const bool prefixed = source.size() >= 3 && (source[0] == 'P' || source[0] == 'p') &&
                          (source[1] == 'G' || source[1] == 'g') && source[2] == ':';
    std::string conninfo(prefixed ? source.substr(3) : source);
    const bool uri = conninfo.rfind("postgresql://", 0) == 0 || conninfo.rfind("postgres://", 0) == 0;
    if (!uri) conninfo = withoutGdalOptions(conninfo, p.gdalOptions);
    char* error = nullptr;
    p.options.reset(PQconninfoParse(conninfo.c_str(), &error));
    if (error) PQfreemem(error);
    return p;
}

bool isSecret(const PQconninfoOption& o) { return o.dispchar && o.dispchar[0] == '*'; }

}  // namespace

std::string maskSource(std::string_view source) {
    if (!isPostgresSource(source)) return maskCredentialsGeneric(source);
    const Parsed p = parse(source);
    if (!p.options) return unreadablePostgresSource(source);
    // The usual order (host, port, database, user) first, then the rest in libpq's order.
    static const char* const kFirst[] = {"host", "hostaddr", "port", "dbname", "user"};
    std::vector<const PQconninfoOption*> order;
    for (const char* k : kFirst) {
        for (const PQconninfoOption* o = p.options.get(); o->keyword; ++o)
            if (std::string(o->keyword) == k) order.push_back(o);
    }
    for (const PQconninfoOption* o = p.options.get(); o->keyword; ++o)
        if (std::find(order.begin(), order.end(), o) == order.end()) order.push_back(o);
    std::string out = "PG:";
    for (const PQconninfoOption* o : order) {
        if (!o->val) continue;
        if (out.size() > 3) out += ' ';
        out += o->keyword;
        out += '=';
        out += isSecret(*o) ? std::string("***") : conninfoValue(o->val);
    }
    for (const std::string& g : p.gdalOptions) out += (out.size() > 3 ? " " : "") + maskCredentialsGeneric(g);
    return out;
}

std::vector<std::string> sourceSecrets(std::string_view source) {
    if (!isPostgresSource(source)) return credentialsIn(source);
    const Parsed p = parse(source);
    // A string libpq cannot read is a secret as a whole.
    if (!p.options) return {std::string(source.substr(std::min<std::size_t>(3, source.size())))};
    std::vector<std::string> out;
    for (const PQconninfoOption* o = p.options.get(); o->keyword; ++o)
        if (isSecret(*o) && o->val && *o->val) out.emplace_back(o->val);
    // The raw string may show the password percent-encoded (URI) or quoted: hide those spellings too.
    for (std::string& s : credentialsIn(source)) out.push_back(std::move(s));
    return out;
}

std::string maskMessage(std::string_view text, const std::vector<std::string>& secrets) {
    std::string out = maskCredentialsGeneric(text);
    std::vector<std::string> sorted = secrets;
    // Longer first, so that a secret holding another is hidden whole; each once, and at most
    // kMaxRedactedSecrets (a hostile string can name thousands; the generic rules still apply).
    std::sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (sorted.size() > kMaxRedactedSecrets) sorted.resize(kMaxRedactedSecrets);
    for (const std::string& s : sorted) {
        if (s.size() < kMinRedactedSecretChars || s.size() > kMaxRedactedSecretChars) continue;
        for (std::size_t at = out.find(s); at != std::string::npos; at = out.find(s, at + 3)) out.replace(at, s.size(), "***");
    }
    return out;
}

std::string gdalDisplaySource(const std::string& source) { return maskSource(source); }

}  // namespace qantar::core::importer
