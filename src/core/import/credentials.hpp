#pragma once
// Import sources as they may be shown: in messages, the Open dialog, the import report and the
// imported file's title. A source can carry credentials in many shapes, and each is hidden:
//   - PG: connection strings in every form libpq accepts (key=value with quoting and escapes,
//     postgresql:// and postgres:// URIs with user:password@ or ?password=): read with libpq's own
//     PQconninfoParse in the GDAL module (maskSource there); when libpq cannot read one, nothing
//     after "PG:" is shown;
//   - ODBC:user/password@dsn and OCI:user/password@db, ODBC's PWD=..., MySQL's password=...;
//   - URLs (http(s)://, ftp://, /vsicurl/, /vsis3/, ...) with user:password@ and query parameters
//     that are credentials (password, token, access_token, key, sig, X-Amz-Signature, ...).
// Everything here is scanned by hand (no std::regex on user data: it recurses per character).
#include <string>
#include <string_view>
#include <vector>

namespace qantar::core::importer {

// "PG:...", "GPKG:file.gpkg:layer", "/vsizip/a.zip/b.shp", "https://...": handed to GDAL as they
// are rather than looked up as files. A letter, then letters, digits or '_' (at least two in
// all), then ':'; or a /vsi path.
bool looksLikeConnection(std::string_view source);

// A PG connection string: "PG:..." (any case), or a bare postgresql:// / postgres:// URI.
bool isPostgresSource(std::string_view source);

// `text` with every credential the generic rules above find replaced by "***": URL userinfo
// passwords, credential parameters (key=value in connection strings and URL queries, quoted or
// not) and user/password@ logins after ODBC: or OCI:. Text without credentials is returned as it is.
std::string maskCredentialsGeneric(std::string_view text);

// The values maskCredentialsGeneric hides in `text` (for removing them from other messages).
std::vector<std::string> credentialsIn(std::string_view text);

// What is shown for a PG source that libpq cannot read: its prefix and a note, never the rest.
std::string unreadablePostgresSource(std::string_view source);

}  // namespace qantar::core::importer
