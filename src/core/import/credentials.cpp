#include "core/import/credentials.hpp"

#include <algorithm>
#include <cctype>

namespace qantar::core::importer {

namespace {

bool startsWithIgnoreCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
            return false;
        }
    }
    return true;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A parameter name lower-cased, with %XX decoded (libpq and URL queries decode names too).
std::string normalisedKey(std::string_view key) {
    std::string out;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] == '%' && i + 2 < key.size() && hexValue(key[i + 1]) >= 0 && hexValue(key[i + 2]) >= 0) {
            out += static_cast<char>(std::tolower(hexValue(key[i + 1]) * 16 + hexValue(key[i + 2])));
            i += 2;
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(key[i])));
        }
    }
    return out;
}

// Parameter names whose values are credentials, in connection strings and URL queries.
bool isSecretKey(std::string_view key) {
    static const char* const kSecret[] = {
        "password", "passwd", "pwd", "pass", "sslpassword", "token", "access_token", "refresh_token", "id_token",
        "auth_token", "api_key", "apikey", "api-key", "key", "secret", "client_secret", "secret_key",
        "secret_access_key", "aws_secret_access_key", "session_token", "aws_session_token", "sig", "signature",
        "x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature", "x-goog-credential",
        "awsaccesskeyid", "auth", "authorization", "credential", "credentials"};
    constexpr std::size_t kLongestEncoded = 3 * 24;  // no secret name is longer than 24 characters
    if (key.size() < 3 || key.size() > kLongestEncoded) return false;
    const std::string k = normalisedKey(key);
    return std::any_of(std::begin(kSecret), std::end(kSecret), [&](const char* s) { return k == s; });
}

bool isKeyChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '-' || c == '.' || c == '%';
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Where a parameter name may start: the beginning, or after a separator of some dialect.
bool startsParameter(std::string_view text, std::size_t i) {
    if (i == 0) return true;
    const char p = text[i - 1];
    return isSpace(p) || p == '?' || p == '&' || p == ';' || p == ',' || p == ':' || p == '(' || p == '{' ||
           p == '"' || p == '\'' || p == '[' || p == '/';
}

// Which characters end an unquoted value: the dialect's separator, by the text's prefix.
enum class Dialect { Any, KeyValue, Semicolons, Commas };

Dialect dialectOf(std::string_view text) {
    if (startsWithIgnoreCase(text, "MYSQL:")) return Dialect::Commas;
    if (startsWithIgnoreCase(text, "ODBC:") || startsWithIgnoreCase(text, "MSSQL:")) return Dialect::Semicolons;
    if (startsWithIgnoreCase(text, "PG:")) return Dialect::KeyValue;
    return Dialect::Any;
}

bool endsValue(char c, Dialect d, bool inUrlQuery) {
    if (inUrlQuery) return c == '&' || c == '#' || isSpace(c) || c == '"' || c == '\'';
    switch (d) {
        case Dialect::KeyValue: return isSpace(c);
        case Dialect::Semicolons: return c == ';';
        case Dialect::Commas: return c == ',';
        case Dialect::Any: break;
    }
    return isSpace(c) || c == '&' || c == ';' || c == ',' || c == '#' || c == '"' || c == '\'' || c == ')';
}

// The end (exclusive) of the value starting at `i`: a quoted value runs to its closing quote
// (backslash escapes skipped), an ODBC {braced} one to '}', any other to the dialect's separator.
std::size_t valueEnd(std::string_view text, std::size_t i, Dialect d, bool inUrlQuery) {
    if (i < text.size() && (text[i] == '\'' || text[i] == '"')) {
        const char q = text[i];
        std::size_t j = i + 1;
        while (j < text.size() && text[j] != q) j += text[j] == '\\' ? 2 : 1;
        return std::min(j + 1, text.size());
    }
    if (i < text.size() && text[i] == '{') {
        const std::size_t j = text.find('}', i);
        return j == std::string_view::npos ? text.size() : j + 1;
    }
    std::size_t j = i;
    while (j < text.size() && !endsValue(text[j], d, inUrlQuery)) ++j;
    return j;
}

// The end of a URL's authority (user:password@host:port) that starts at `i`.
std::size_t authorityEnd(std::string_view text, std::size_t i) {
    std::size_t j = i;
    while (j < text.size()) {
        const char c = text[j];
        if (c == '/' || c == '?' || c == '#' || isSpace(c) || c == '"' || c == '\'' || c == '<' || c == '>') break;
        ++j;
    }
    return j;
}

struct Masked {
    std::string text;
    std::vector<std::string> secrets;
};

Masked mask(std::string_view text) {
    Masked m;
    const Dialect dialect = dialectOf(text);
    std::string& out = m.text;
    out.reserve(text.size());
    std::size_t i = 0;
    // ODBC:user/password@dsn and OCI:user/password@db: the password runs from the first '/' to the
    // last '@' (a password may hold '@'), when the login is not in key=value form.
    for (const char* prefix : {"ODBC:", "OCI:"}) {
        if (!startsWithIgnoreCase(text, prefix)) continue;
        const std::size_t start = std::string_view(prefix).size();
        const std::size_t slash = text.find('/', start);
        const std::size_t at = text.rfind('@');
        const bool keyValue = text.find('=', start) < slash;
        if (!keyValue && slash != std::string_view::npos && at != std::string_view::npos && at > slash) {
            m.secrets.emplace_back(text.substr(slash + 1, at - slash - 1));
            out.append(text.substr(0, slash + 1));
            out += "***";
            i = at;
        }
    }
    bool inUrlQuery = false;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '?') inUrlQuery = true;
        else if (isSpace(c)) inUrlQuery = false;
        // scheme://user:password@host
        if (c == ':' && text.compare(i, 3, "://") == 0) {
            const std::size_t from = i + 3, end = authorityEnd(text, from);
            const std::size_t at = text.substr(from, end - from).rfind('@');
            out += "://";
            i = from;
            inUrlQuery = false;
            if (at != std::string_view::npos) {
                const std::string_view userinfo = text.substr(from, at);
                const std::size_t colon = userinfo.find(':');
                if (colon != std::string_view::npos) {
                    out.append(userinfo.substr(0, colon));
                    out += ":***@";
                    m.secrets.emplace_back(userinfo.substr(colon + 1));
                    i = from + at + 1;
                }
            }
            continue;
        }
        // name=value, name = value
        if (isKeyChar(c) && startsParameter(text, i)) {
            std::size_t k = i;
            while (k < text.size() && isKeyChar(text[k])) ++k;
            const std::string_view key = text.substr(i, k - i);
            std::size_t eq = k;
            while (eq < text.size() && (text[eq] == ' ' || text[eq] == '\t')) ++eq;
            if (eq < text.size() && text[eq] == '=' && isSecretKey(key)) {
                std::size_t v = eq + 1;
                while (v < text.size() && (text[v] == ' ' || text[v] == '\t')) ++v;
                const std::size_t end = valueEnd(text, v, dialect, inUrlQuery);
                out.append(text.substr(i, v - i));
                out += "***";
                if (end > v) m.secrets.emplace_back(text.substr(v, end - v));
                i = end;
                continue;
            }
            out.append(key);
            i = k;
            continue;
        }
        out += c;
        ++i;
    }
    return m;
}

}  // namespace

bool looksLikeConnection(std::string_view s) {
    if (s.compare(0, 4, "/vsi") == 0) return true;
    if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    std::size_t i = 1;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
    return i >= 2 && i < s.size() && s[i] == ':';
}

bool isPostgresSource(std::string_view source) {
    return startsWithIgnoreCase(source, "PG:") || startsWithIgnoreCase(source, "postgresql://") ||
           startsWithIgnoreCase(source, "postgres://");
}

std::string maskCredentialsGeneric(std::string_view text) { return mask(text).text; }

std::vector<std::string> credentialsIn(std::string_view text) { return mask(text).secrets; }

std::string unreadablePostgresSource(std::string_view source) {
    const std::string_view prefix = startsWithIgnoreCase(source, "PG:")           ? std::string_view("PG:")
                                    : startsWithIgnoreCase(source, "postgres://") ? std::string_view("postgres://")
                                                                                   : std::string_view("postgresql://");
    return std::string(prefix) + "*** (the rest is not shown: it cannot be read as a connection string, and may hold a password)";
}

}  // namespace qantar::core::importer
